// Where one article's time and allocations go: `node scripts/bench/profile.mjs [articles] [--formats a,b]`
// (default 500 articles of the bench corpus, markdown, rss, atom, jsonfeed, amp, ninjs and newsml-g2).
// Builds the corpus cold with `--threads 0`, so that the article path runs in the profiled thread, twice:
// once under `node --cpu-prof` and once with an allocation sampler (scripts/bench/heap-sampler.mjs). Each
// sample is given to the step of the first matching frame on its stack, in the order of `steps` below
// (a format's render includes the hast it makes; a frame after an `await` has only its own function as
// ancestors, so steps are told by our functions and files, not by their callers). Prints, per step,
// milliseconds and kilobytes allocated per article and their share. `--keep DIR` keeps the profiles.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchCorpus, buildArgs } from './corpus.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(args.find((arg, index) => /^\d+$/.test(arg) && !args[index - 1]?.startsWith('--')) ?? 500);
const formats = option('--formats', 'markdown,rss,atom,jsonfeed,amp,ninjs,newsml-g2');

/** Steps in priority order: `[label, package path or file, function names (any when empty)]`. */
const steps = [
  ['render: amp', 'amp/dist/', []],
  ['render: markdown', 'markdown/dist/lib/', ['articleToMarkdown', 'bodyToMarkdown']],
  ['render: ninjs', 'ninjs/dist/lib/ninjs.js', []],
  ['render: newsml-g2', 'newsml-g2/dist/lib/write.js', []],
  ['render: feeds (rss, atom, jsonfeed)', '', ['renderCollections', 'renderCollection', 'selectForCollection']],
  ['feeds: bodies read back', 'build/dist/lib/run.js', ['loadFromCache', 'loadArticle']],
  ['staging outputs', 'build/dist/lib/task.js', ['stageOutputs']],
  ['cache: packs written', 'build/dist/lib/', ['storeArticles', 'writePack']],
  ['front matter', 'markdown/dist/lib/', ['readHead', 'parseFrontMatter']],
  ['guards (limits, decoding)', '', ['checkMarkdownSource', 'checkFileSize', 'decodeText']],
  ['parse (micromark → mdast)', 'markdown/dist/lib/', ['parseBody', 'parseMarkdown']],
  ['image facts', 'disk/dist/lib/image-facts.js', []],
  ['ids and slugs', '', ['finalizeArticle', 'claimSlug', 'slugsStand', 'uniqueSlug']],
  ['diagnostics', '', ['storeMessages', 'restoreMessages', 'printDiagnostics', 'formatDiagnostics', 'report']],
  ['ingest: the rest (fields, figures)', 'markdown/dist/lib/', []],
  ['read and hash the input', 'build/dist/lib/task.js', ['readInput', 'sha256']],
  ['outputs moved into place, manifest', 'build/dist/lib/commit.js', []],
  ['cache: index read and written', 'build/dist/lib/cache.js', []],
  ['build orchestration (plan, settle)', 'build/dist/lib/', []],
  ['start-up and module loading', 'node:internal/modules', []],
  ['garbage collection', '', ['(garbage collector)']],
];

function stepOf(frames) {
  for (const [label, file, names] of steps) {
    for (const frame of frames) {
      if (file && !frame.url.includes(file)) continue;
      if (names.length > 0 && !names.includes(frame.functionName)) continue;
      if (!file && names.length === 0) continue;
      return label;
    }
  }
  return 'other (node internals, idle, libraries outside a step)';
}

/** Sum a tree of `{callFrame, children}` nodes into steps, `value(node)` being a node's own weight. */
function byStep(rootNode, value) {
  const totals = new Map();
  const walk = (node, frames) => {
    const stack = [node.callFrame, ...frames];
    const own = value(node);
    if (own) totals.set(stepOf(stack), (totals.get(stepOf(stack)) ?? 0) + own);
    for (const child of node.children ?? []) walk(child, stack);
  };
  walk(rootNode, []);
  return totals;
}

function cpuSteps(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, { ...node, self: 0 }]));
  profile.samples.forEach((id, index) => {
    nodes.get(id).self += profile.timeDeltas[index] ?? 0;
  });
  for (const node of nodes.values()) node.children = (node.children ?? []).map((id) => nodes.get(id));
  // Idle time is the main thread waiting (for the disk, for a worker): not work of any step.
  return byStep(nodes.get(profile.nodes[0].id), (node) => (node.callFrame.functionName === '(idle)' ? 0 : node.self / 1000));
}

function heapSteps(file) {
  const { head } = JSON.parse(readFileSync(file, 'utf8'));
  return byStep(head, (node) => node.selfSize / 1024);
}

function build(dir, out, extra) {
  const command = [...extra, ...buildArgs(dir, formats, { work: out, extra: ['--threads', '0'] })];
  rmSync(join(out, 'out'), { recursive: true, force: true });
  rmSync(join(out, 'cache'), { recursive: true, force: true });
  const child = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`build failed: ${child.stderr}`);
}

const dir = benchCorpus(count);
const keep = option('--keep', undefined);
const work = keep ?? mkdtempSync(join(tmpdir(), 'syndikit-profile-'));
mkdirSync(work, { recursive: true });
build(dir, work, ['--cpu-prof', '--cpu-prof-dir', join(work, 'cpu')]);
const cpu = cpuSteps(
  join(
    work,
    'cpu',
    readdirSync(join(work, 'cpu')).find((name) => name.endsWith('.cpuprofile')),
  ),
);
const heapFile = join(work, 'allocations.heapprofile');
build(dir, work, ['--import', `${pathToFileURL(join(root, 'scripts/bench/heap-sampler.mjs'))}?out=${encodeURIComponent(heapFile)}`]);
const heap = heapSteps(heapFile);
if (!keep) rmSync(work, { recursive: true, force: true });

const total = (map) => [...map.values()].reduce((sum, value) => sum + value, 0);
const [cpuTotal, heapTotal] = [total(cpu), total(heap)];
console.log(`profile: ${count} articles, --threads 0, --formats ${formats}`);
console.log(`${(cpuTotal / count).toFixed(2)} ms and ${(heapTotal / 1024 / count).toFixed(2)} MB allocated an article in all\n`);
console.log('| step | ms an article | share of time | KB allocated an article | share of allocations |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const label of [...steps.map(([name]) => name), 'other (node internals, idle, libraries outside a step)']) {
  const [ms, kb] = [cpu.get(label) ?? 0, heap.get(label) ?? 0];
  const share = (value, all) => `${((100 * value) / all).toFixed(1)}%`;
  console.log(`| ${label} | ${(ms / count).toFixed(2)} | ${share(ms, cpuTotal)} | ${(kb / count).toFixed(0)} | ${share(kb, heapTotal)} |`);
}
