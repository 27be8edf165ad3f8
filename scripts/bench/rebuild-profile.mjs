// Where a rebuild's time goes: `node scripts/bench/rebuild-profile.mjs [articles]` (default 10,000 articles of
// the bench corpus, the six text formats of `npm run bench:build`). Builds the corpus cold once if its cache is
// missing, then profiles two rebuilds, each in its own process: nothing changed, and one article changed (its
// headline edited, then put back and built again unprofiled). Each runs under `node --cpu-prof` and, separately,
// with a module loader hook that counts the modules loaded and their bytes. Every sample goes to the step of
// the first matching frame on its stack, in the order of `steps` below (as in profile.mjs); idle time (waiting
// for the disk or a worker) is left out. Prints, per rebuild, milliseconds per step and their share.
// `--keep DIR` keeps the profiles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, benchCorpus, buildArgs } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(args.find((arg, index) => /^\d+$/.test(arg) && !args[index - 1]?.startsWith('--')) ?? 10_000);
const formats = 'markdown,rss,atom,jsonfeed,amp,ninjs';

/** Steps in priority order: `[label, path in a frame's URL, function names (any when empty)]`. */
const steps = [
  ['garbage collection', '', ['(garbage collector)']],
  ['start-up and module loading', 'node:internal/modules', []],
  ['diagnostics printed', 'cli/dist/lib/reporter.js', []],
  ['config and settings', 'cli/dist/lib/', ['loadConfig', 'resolveSettings', 'siteForInputs', 'detectSite', 'pipelineFromSettings']],
  ['inputs found (readdir, stat)', 'cli/dist/lib/inputs.js', []],
  ['cache index read', 'build/dist/lib/cache.js', ['read', 'readLines', 'apply']],
  ['plan: stat of every input', 'build/dist/lib/plan.js', ['planInput', 'statCache', 'dependenciesUnchanged']],
  ['converting what changed', 'build/dist/lib/task.js', []],
  ['collections: key, stored result', 'build/dist/lib/collections.js', []],
  ['collections rendered (feeds)', '', ['renderCollections', 'renderCollection', 'selectForCollection', 'loadFromCache']],
  ['settle inputs (slugs, paths, messages)', 'build/dist/lib/', ['settleInput', 'claimSlug', 'slugsStand', 'restoreMessages']],
  ['outputs checked, written, manifest', 'build/dist/lib/', ['updateOutputFolder', 'commitOutputs', 'ownedFiles', 'writeManifest']],
  ['cache index saved, packs removed', 'build/dist/lib/', ['saveCache', 'write', 'writeLines', 'removePacks']],
  ['build orchestration (lock, plan, phases)', 'build/dist/lib/', []],
];
const other = 'other (node internals, libraries outside a step)';

function stepOf(frames) {
  for (const [label, file, names] of steps) {
    for (const frame of frames) {
      if (file && !frame.url.includes(file)) continue;
      if (names.length > 0 && !names.includes(frame.functionName)) continue;
      return label;
    }
  }
  return other;
}

function cpuSteps(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, { ...node, self: 0 }]));
  profile.samples.forEach((id, index) => {
    nodes.get(id).self += profile.timeDeltas[index] ?? 0;
  });
  for (const node of nodes.values()) node.children = (node.children ?? []).map((id) => nodes.get(id));
  const totals = new Map();
  const walk = (node, frames) => {
    const stack = [node.callFrame, ...frames];
    if (node.self && node.callFrame.functionName !== '(idle)') {
      const label = stepOf(stack);
      totals.set(label, (totals.get(label) ?? 0) + node.self / 1000);
    }
    for (const child of node.children) walk(child, stack);
  };
  walk(nodes.get(profile.nodes[0].id), []);
  return totals;
}

function build(dir, extra = [], env = {}) {
  const command = [...extra, ...buildArgs(dir, formats)];
  const child = spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  if (child.status !== 0) throw new Error(`build failed: ${child.stderr}`);
}

/** Modules a rebuild loads and their bytes, counted by a loader hook (CommonJS modules count once, without their `require`s). */
function modules(dir, work) {
  const list = join(work, 'modules.txt');
  rmSync(list, { force: true });
  const hook = join(work, 'count-hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  const size = result.source ? Buffer.byteLength(result.source) : 0;
  appendFileSync(${JSON.stringify(list)}, url + '\\t' + size + '\\n');
  return result;
}
`,
  );
  const register = join(work, 'count.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hook}`)});\n`);
  build(dir, ['--import', register]);
  const lines = readFileSync(list, 'utf8').trim().split('\n');
  return { count: lines.length, kb: lines.reduce((sum, line) => sum + Number(line.split('\t')[1]), 0) / 1024 };
}

function profile(dir, work, name) {
  const folder = join(work, name);
  build(dir, ['--cpu-prof', '--cpu-prof-dir', folder]);
  return cpuSteps(
    join(
      folder,
      readdirSync(folder).find((file) => file.endsWith('.cpuprofile')),
    ),
  );
}

const dir = benchCorpus(count);
if (!existsSync(join(dir, 'cache'))) build(dir);
build(dir);
const keep = option('--keep', undefined);
const work = keep ?? mkdtempSync(join(tmpdir(), 'syndikit-rebuild-profile-'));
mkdirSync(work, { recursive: true });
const loaded = modules(dir, work);
const unchanged = profile(dir, work, 'nothing-changed');
const changedPath = join(dir, 'articles', 'story-000000.md');
writeFileSync(changedPath, readFileSync(changedPath, 'utf8').replace('Story 0:', 'Story 0 (updated):'));
const changed = profile(dir, work, 'one-changed');
writeFileSync(changedPath, article(0));
build(dir);
if (!keep) rmSync(work, { recursive: true, force: true });

const total = (map) => [...map.values()].reduce((sum, value) => sum + value, 0);
console.log(`rebuild profile: ${count} articles, --formats ${formats}`);
console.log(`nothing changed: ${loaded.count} modules loaded, ${Math.round(loaded.kb)} KB of source\n`);
console.log('| step | nothing changed: ms | share | one changed: ms | share |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const [a, b] = [total(unchanged), total(changed)];
for (const label of [...steps.map(([name]) => name), other]) {
  const [x, y] = [unchanged.get(label) ?? 0, changed.get(label) ?? 0];
  console.log(`| ${label} | ${x.toFixed(0)} | ${((100 * x) / a).toFixed(1)}% | ${y.toFixed(0)} | ${((100 * y) / b).toFixed(1)}% |`);
}
console.log(`| **all (sampled, idle left out)** | ${a.toFixed(0)} | 100% | ${b.toFixed(0)} | 100% |`);
