// Build benchmark: `npm run bench:build [articles…]` (default 1000, 10000 and 100000).
// For each corpus size, in one run on the same generated corpus (about 800 words an article, with
// front matter, links, a list, a quote, a subheading and an image reference):
//   1. the floor: bare remark-parse → remark-rehype → rehype-stringify over the same bodies, on one
//      thread and across worker threads on all cores;
//   2. syndikit cold build (markdown, rss, atom, jsonfeed, amp, ninjs; images off): wall, CPU, peak RSS;
//   3. syndikit rebuild with nothing changed, and with one article changed;
//   4. at 100,000 articles, syndikit alone (cold, nothing changed, one changed) for growth.
// Each contestant runs in its own process. Ratios are printed beside the seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { article, wordCount } from './corpus.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const cli = join(root, 'packages/cli/dist/bin.js');
const [mode, ...rest] = process.argv.slice(2);

function corpus(count) {
  const dir = join(root, '.cache/bench-corpus', String(count));
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'articles'), { recursive: true });
    for (let index = 0; index < count; index++)
      writeFileSync(join(dir, 'articles', `story-${String(index).padStart(6, '0')}.md`), article(index));
    writeFileSync(
      join(dir, 'syndikit.config.yaml'),
      'site: {title: Bench Gazette, url: "https://bench.example"}\ninputs: [articles]\nformats: [markdown, rss, atom, jsonfeed, amp, ninjs]\nnow: 2025-01-01T00:00:00Z\n',
    );
    writeFileSync(join(dir, 'done'), '');
  }
  return dir;
}

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
function runSyndikit(dir) {
  const args = [
    cli,
    'build',
    '--config',
    join(dir, 'syndikit.config.yaml'),
    '--out',
    join(dir, 'out'),
    '--cache-dir',
    join(dir, 'cache'),
    '--quiet',
  ];
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
  // Full comparisons at 1,000 and 10,000; syndikit alone at 100,000 for growth (the floor adds nothing there).
  const sizes = (mode ? [mode, ...rest] : ['1000', '10000', '100000']).map(Number);
  const format = (result) =>
    `${result.wall.toFixed(2).padStart(7)} s wall ${Number.isNaN(result.cpu) ? '' : `${result.cpu.toFixed(2).padStart(7)} s CPU `}peak ${String(result.peakMb).padStart(5)} MB`;
  const colds = new Map();
  for (const count of sizes) {
    const dir = corpus(count);
    const words = Math.round(wordCount(readFileSync(join(dir, 'articles', 'story-000000.md'), 'utf8')));
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    const growthOnly = count > 10_000;
    const one = growthOnly ? undefined : run('floor-1', dir);
    const all = growthOnly ? undefined : run('floor-n', dir);
    const cold = runSyndikit(dir);
    colds.set(count, cold);
    const warm = runSyndikit(dir);
    const changed = join(dir, 'articles', 'story-000000.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Story 0:', 'Story 0 (updated):'));
    const oneChanged = runSyndikit(dir);
    writeFileSync(changed, article(0));
    console.log(`build: ${count} articles of about ${words} words, ${availableParallelism()} cores`);
    if (one && all) {
      console.log(`  floor, 1 thread                 ${format(one)}`);
      console.log(
        `  floor, ${availableParallelism()} worker threads       ${format(all)}  (${(one.wall / all.wall).toFixed(2)}× the 1-thread floor)`,
      );
    }
    const vsFloor = all ? `  (${(cold.wall / all.wall).toFixed(2)}× the parallel floor)` : '';
    const smaller = [...colds.keys()].filter((size) => size < count).pop();
    const growth = smaller
      ? `  (${((cold.wall / count / (colds.get(smaller).wall / smaller)) * 100).toFixed(0)}% of the time per article at ${smaller})`
      : '';
    console.log(`  syndikit cold                   ${format(cold)}${vsFloor}${growth}`);
    console.log(`  syndikit, nothing changed       ${format(warm)}  (${((warm.wall / cold.wall) * 100).toFixed(1)}% of cold)`);
    console.log(`  syndikit, one article changed   ${format(oneChanged)}  (${((oneChanged.wall / cold.wall) * 100).toFixed(1)}% of cold)`);
  }
}
