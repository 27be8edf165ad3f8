// Build benchmark: `npm run bench:build [articles…]` (default 2000 and 10000; 100000 is opt-in).
// For each corpus size, in one run on the same generated corpus (about 800 words an article, with
// front matter, links, a list, a quote, a subheading and an image reference):
//   1. the floor: bare remark-parse → remark-rehype → rehype-stringify over the same bodies, on one
//      thread and across worker threads on all cores;
//   2. syndikit cold builds of each format alone (the feeds together, as one collection family) and of
//      all six text formats (markdown, rss, atom, jsonfeed, amp, ninjs; images off): wall, CPU, peak RSS;
//   3. syndikit rebuilds of all six with nothing changed, and with one article changed;
//   4. above 10,000 articles, syndikit alone (all six cold, nothing changed, one changed) for growth.
// Each contestant runs in its own process. Ratios are printed beside the seconds, against the parallel
// floor (cold builds) or the cold build of all six (rebuilds), so that they compare runs made together
// on a machine whose load changes. `--no-singles` skips the single formats.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { article, benchCorpus, buildArgs, wordCount } from './corpus.mjs';

const self = fileURLToPath(import.meta.url);
const [mode, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--no-singles');
const singles = !process.argv.includes('--no-singles');
const allSix = 'markdown,rss,atom,jsonfeed,amp,ninjs';

function bodies(dir) {
  return readdirSync(join(dir, 'articles'))
    .sort()
    .map((name) => readFileSync(join(dir, 'articles', name), 'utf8').split('\n---\n')[1]);
}

async function floorOne(texts) {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkRehype } = await import('remark-rehype');
  const { default: rehypeStringify } = await import('rehype-stringify');
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
  let size = 0;
  for (const text of texts) size += String(processor.processSync(text)).length;
  return size;
}

/** One measured contestant, in this process; prints JSON with wall and CPU seconds and peak RSS. */
async function contestant(name, dir) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  if (name === 'floor-1') await floorOne(bodies(dir));
  else if (name === 'floor-n') {
    const texts = bodies(dir);
    const threads = availableParallelism();
    const share = Math.ceil(texts.length / threads);
    await Promise.all(
      Array.from({ length: threads }, (_, index) => {
        const worker = new Worker(self, { argv: ['floor-worker'], workerData: texts.slice(index * share, (index + 1) * share) });
        return new Promise((resolve, reject) => {
          worker.on('message', resolve);
          worker.on('error', reject);
        });
      }),
    );
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({
      wall: (performance.now() - started) / 1000,
      cpu: (used.user + used.system) / 1e6,
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

function run(name, dir) {
  const child = spawnSync('/usr/bin/env', ['bash', '-c', `exec "$0" "$@"`, process.execPath, self, name, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** syndikit's own numbers: CPU and peak memory of the CLI process, measured with /usr/bin/time when present. */
function runSyndikit(dir, formats = allSix) {
  const args = buildArgs(dir, formats);
  const started = performance.now();
  const time = existsSync('/usr/bin/time');
  // Diagnostics go to a file descriptor of their own (fd 3 is /dev/null): only /usr/bin/time's line is read.
  const child = time
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'bash', '-c', 'exec "$0" "$@" 2>/dev/null', process.execPath, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(child.stderr);
  const [user, system, maxKb] = time ? child.stderr.trim().split('\n').pop().split(' ').map(Number) : [Number.NaN, 0, Number.NaN];
  return { wall, cpu: user + system, peakMb: Math.round(maxKb / 1024) };
}

if (mode === 'floor-worker') {
  const { parentPort, workerData } = await import('node:worker_threads');
  parentPort.postMessage(await floorOne(workerData));
} else if (mode?.startsWith('floor')) {
  await contestant(mode, rest[0]);
} else {
  await main();
}

/** The CPU ratio beside a wall one: on a machine shared with other work, CPU seconds move less than wall. */
function cpuRatio(result, base) {
  return Number.isNaN(result.cpu) || Number.isNaN(base.cpu) ? '' : `, ${(result.cpu / base.cpu).toFixed(2)}× CPU`;
}

/** A row of the table: label, wall, CPU and peak, and a note (the ratio). */
function row(label, result, note = '') {
  const cpu = Number.isNaN(result.cpu) ? '—' : `${result.cpu.toFixed(2)} s`;
  console.log(`| ${label} | ${result.wall.toFixed(2)} s | ${cpu} | ${result.peakMb} MB | ${note} |`);
}

/** A cold build of `formats` in a fresh output and cache folder. */
function cold(dir, formats) {
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
  return runSyndikit(dir, formats);
}

async function main() {
  // Full comparisons at 2,000 and 10,000; syndikit alone above that for growth (the floor adds nothing there).
  const sizes = (mode ? [mode, ...rest] : ['2000', '10000']).map(Number);
  const colds = new Map();
  console.log(
    `load average at the start: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
  );
  for (const count of sizes) {
    const dir = benchCorpus(count);
    const words = Math.round(wordCount(readFileSync(join(dir, 'articles', 'story-000000.md'), 'utf8')));
    const growthOnly = count > 10_000;
    console.log(`\nbuild: ${count} articles of about ${words} words, ${availableParallelism()} cores\n`);
    console.log(`| ${count.toLocaleString('en')} articles | wall | CPU | peak RSS | ratio |\n| --- | ---: | ---: | ---: | ---: |`);
    const floor = growthOnly ? undefined : run('floor-n', dir);
    if (!growthOnly) {
      const one = run('floor-1', dir);
      row('floor, 1 thread', one, `${(one.wall / floor.wall).toFixed(2)}× the parallel floor${cpuRatio(one, floor)}`);
      row(`floor, ${availableParallelism()} worker threads`, floor, '1.00×');
    }
    const vsFloor = (result) => (floor ? `${(result.wall / floor.wall).toFixed(2)}× the floor${cpuRatio(result, floor)}` : '');
    if (singles && !growthOnly) {
      for (const formats of ['rss,atom,jsonfeed', 'markdown', 'amp', 'ninjs']) {
        const result = cold(dir, formats);
        row(`syndikit, \`--formats ${formats}\``, result, vsFloor(result));
      }
    }
    const all = cold(dir, allSix);
    colds.set(count, all);
    // Every article must have been built, or the figures describe a smaller build than the table says.
    const built = readdirSync(join(dir, 'out', 'ninjs')).length;
    if (built !== count) throw new Error(`the cold build of ${count} articles wrote ${built} ninjs documents`);
    const ofCold = (result) =>
      `${((result.wall / all.wall) * 100).toFixed(1)}% of cold${Number.isNaN(result.cpu) ? '' : `, ${((result.cpu / all.cpu) * 100).toFixed(1)}% CPU`}`;

    const smaller = [...colds.keys()].filter((size) => size < count).pop();
    const growth = smaller
      ? `, ${((all.wall / count / (colds.get(smaller).wall / smaller)) * 100).toFixed(0)}% of the time per article at ${smaller}`
      : '';
    row('syndikit, all six formats', all, `${vsFloor(all)}${growth}`);
    const warm = runSyndikit(dir);
    row('syndikit, nothing changed', warm, ofCold(warm));
    const changed = join(dir, 'articles', 'story-000000.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Story 0:', 'Story 0 (updated):'));
    const oneChanged = runSyndikit(dir);
    writeFileSync(changed, article(0));
    row('syndikit, one article changed', oneChanged, ofCold(oneChanged));
  }
  console.log(
    `\nload average at the end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
  );
}
