#!/usr/bin/env node
// Fault injection for `syndikit build`: kills, corrupt caches, a corrupt manifest, a full disk, Ctrl-C.
// Each scenario builds a generated corpus through the real command, injects its fault, then deletes an
// input (the case where stale outputs would linger) and builds again; the output folder must then be
// byte-identical (every file and folder, the manifest included) to a clean build of the same inputs into
// a fresh folder. Prints one line per scenario and `N passed, N failed`; exits 1 on any failure.
//
//   node scripts/faults.mjs [--quick] [--keep] [--only TEXT]
//
// --quick: a small corpus and fewer kill points (CI). --keep: leave the temporary folders for a look.
// --only TEXT: only the scenarios whose name contains TEXT.
// The full-disk scenarios mount a small tmpfs; where mounting is not permitted (not root) they are
// skipped, saying so. Needs the packages built (`npm run faults` builds them first).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const keep = process.argv.includes('--keep');
// --only TEXT: run only the scenarios whose name contains TEXT.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const bin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const corpusSize = quick ? 24 : 240;
const common = [
  '--formats',
  'markdown,rss,atom,jsonfeed,ninjs,amp',
  '--site-url',
  'https://news.example',
  '--now',
  '2025-01-01T00:00:00Z',
  '--quiet',
];
const sections = ['world', 'business', 'sport', 'culture'];
const mounts = [];
const results = [];

/** Write article `index` of the corpus (`round` changes its text). */
async function writeArticle(dir, index, round = 1) {
  const day = String((index % 28) + 1).padStart(2, '0');
  const paragraphs = Array.from(
    { length: 3 + (index % 4) },
    (_, n) => `Paragraph ${n + 1} of article ${index}, edition ${round}. ${'Copy for the wire. '.repeat(8 + (index % 5))}`,
  );
  await writeFile(
    join(dir, 'articles', `story-${String(index).padStart(4, '0')}.md`),
    `---\ntitle: Story ${index} (edition ${round})\ndate: 2024-03-${day}T10:00:00Z\nsection: ${sections[index % sections.length]}\ntags: [faults, t${index % 7}]\n---\n\n${paragraphs.join('\n\n')}\n`,
  );
}

/** A fresh workspace holding the corpus in `articles/`. */
async function workspace() {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-faults-'));
  await mkdir(join(dir, 'articles'));
  for (let index = 0; index < corpusSize; index++) await writeArticle(dir, index);
  return dir;
}

/** Run `syndikit build articles --out <out>` in `dir`; resolves with its exit code and standard error. */
function build(dir, out, extra = [], options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', 'articles', '--out', out, ...common, ...extra], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      options.onOutput?.(stdout, child);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Every file and folder under `dir`: files by the SHA-256 of their bytes. */
async function snapshot(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const all = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length + 1);
    all[relative] = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      : entry.isDirectory()
        ? 'folder'
        : 'other';
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The bytes a folder's files take on a tmpfs: each file whole 4 KiB pages. Measured rather than guessed per
 * file (it was 1.6 pages a file), since the outputs grow with the formats: AMP pages and ninjs documents
 * outgrew the guess and the first build no longer fitted on the disk sized for it.
 */
async function pagesUsed(dir) {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += Math.ceil((await stat(join(entry.parentPath, entry.name))).size / 4096) * 4096;
  }
  return bytes;
}

/** The differences between two snapshots, a few lines at most. */
function differences(actual, expected) {
  const lines = [];
  for (const path of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    if (actual[path] === expected[path]) continue;
    lines.push(path in actual ? (path in expected ? `${path} differs` : `${path} should not be there`) : `${path} is missing`);
  }
  return lines;
}

/** The output folder of `dir` must equal a clean build of the same inputs (fresh folder, no cache). */
async function expectClean(dir, out = join(dir, 'out')) {
  const clean = join(dir, `clean-${Math.random().toString(36).slice(2)}`);
  const fresh = await build(dir, clean, ['--no-cache']);
  if (fresh.code !== 0) throw new Error(`the clean build failed (${fresh.code}): ${fresh.stderr.trim()}`);
  const diff = differences(await snapshot(out), await snapshot(clean));
  await rm(clean, { recursive: true, force: true });
  if (diff.length > 0)
    throw new Error(`differs from a clean build: ${diff.slice(0, 5).join('; ')}${diff.length > 5 ? ` (and ${diff.length - 5} more)` : ''}`);
}

/** Build, expecting success. */
async function mustBuild(dir, out = 'out', extra = []) {
  const result = await build(dir, out, extra);
  if (result.code !== 0) throw new Error(`build exited ${result.code ?? result.signal}: ${result.stderr.trim().slice(0, 500)}`);
  return result;
}

/** The cache folder of the workspace's one output folder. */
async function slotOf(dir) {
  const [slot] = await readdir(join(dir, '.syndikit-cache', 'builds'));
  return join(dir, '.syndikit-cache', 'builds', slot);
}

/** Flip a byte in the middle of a file. */
async function corrupt(path) {
  const bytes = await readFile(path);
  bytes[Math.floor(bytes.length / 2)] ^= 0x20;
  await writeFile(path, bytes);
}

async function scenario(name, run) {
  if (only !== undefined && !name.includes(only)) return;
  const started = Date.now();
  let dir;
  try {
    dir = await workspace();
    const outcome = await run(dir);
    const note = typeof outcome === 'string' ? outcome : undefined;
    results.push({ name, ok: true });
    console.log(`ok    ${name}${note ? ` (${note})` : ''} ${Date.now() - started} ms`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}${dir ? ` [${dir}]` : ''}`);
    return;
  }
  if (!keep) await rm(dir, { recursive: true, force: true });
}

function skip(name, why) {
  console.log(`skip  ${name}: ${why}`);
}

/** Add articles past the corpus (their outputs appear), change a few, and build killed at `point`; then delete inputs and rebuild. */
async function killAt(dir, point, threads) {
  await mustBuild(dir, 'out', ['--threads', threads]);
  for (let index = corpusSize; index < corpusSize + 8; index++) await writeArticle(dir, index);
  for (let index = 0; index < corpusSize; index += 5) await writeArticle(dir, index, 2);
  let killed = false;
  const result = await build(dir, 'out', ['--threads', threads, '--json'], {
    onOutput(stdout, child) {
      if (killed) return;
      const articles = (stdout.match(/"type":"article"/g) ?? []).length;
      const writing = stdout.includes('"type":"write"');
      if ((point.articles !== undefined && articles >= point.articles) || (point.afterWriteMs !== undefined && writing)) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), point.afterWriteMs ?? 0);
      }
    },
  });
  const how = result.signal === 'SIGKILL' ? 'killed' : `finished first (${result.code})`;
  // Delete an article added by the killed build, and one from before.
  await rm(join(dir, 'articles', `story-${String(corpusSize + 3).padStart(4, '0')}.md`));
  await rm(join(dir, 'articles', 'story-0001.md'));
  await mustBuild(dir, 'out', ['--threads', threads]);
  await expectClean(dir);
  return how;
}

/** Build, add an article, build, let `disrupt` break something, delete that article, build: must equal a clean build. */
async function disruptThenDelete(dir, disrupt, extra = []) {
  await mustBuild(dir, 'out', extra);
  await writeArticle(dir, corpusSize + 1);
  await mustBuild(dir, 'out', extra);
  await disrupt(dir);
  await rm(join(dir, 'articles', `story-${String(corpusSize + 1).padStart(4, '0')}.md`));
  const result = await mustBuild(dir, 'out', extra);
  await expectClean(dir);
  return { stderr: result.stderr };
}

function unmount(dir) {
  spawnSync('umount', ['-l', dir]);
  mounts.splice(mounts.indexOf(dir), 1);
}

function tryMount(dir, size) {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return mounted.stderr.trim() || `mount exited ${mounted.status}`;
  mounts.push(dir);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------

const killPoints = quick
  ? [
      { label: 'a third of the articles converted', articles: Math.floor(corpusSize / 3) },
      { label: 'as the output folder is updated', afterWriteMs: 0 },
      { label: '30 ms into updating the output folder', afterWriteMs: 30 },
    ]
  : [
      { label: '5 articles converted', articles: 5 },
      { label: 'half the articles converted', articles: Math.floor(corpusSize / 2) },
      { label: 'every article converted', articles: corpusSize + 8 },
      { label: 'as the output folder is updated', afterWriteMs: 0 },
      { label: '10 ms into updating the output folder', afterWriteMs: 10 },
      { label: '40 ms into updating the output folder', afterWriteMs: 40 },
      { label: '120 ms into updating the output folder', afterWriteMs: 120 },
    ];
for (const point of killPoints) {
  for (const threads of quick ? ['0'] : ['0', '2']) {
    await scenario(`SIGKILL at ${point.label} (threads ${threads}), then inputs deleted`, (dir) => killAt(dir, point, threads));
  }
}

await scenario('cache index deleted (a kill before it was saved), then an input deleted', (dir) =>
  disruptThenDelete(dir, async (dir) => rm(await slotOf(dir), { recursive: true })),
);
await scenario('cache index corrupt, then an input deleted', (dir) =>
  disruptThenDelete(dir, async (dir) => {
    await corrupt(join(await slotOf(dir), 'index.jsonl'));
    await rm(join(await slotOf(dir), 'index.journal.jsonl'), { force: true });
  }),
);
await scenario('index journal corrupt, then an input deleted', (dir) =>
  disruptThenDelete(dir, async (dir) => {
    const journal = join(await slotOf(dir), 'index.journal.jsonl');
    await readFile(journal).catch(() => {
      throw new Error('the rebuild of one article wrote no journal to corrupt');
    });
    await corrupt(journal);
  }),
);
await scenario('manifest corrupt (the cache knows the outputs), then an input deleted', async (dir) => {
  const result = await disruptThenDelete(dir, async (dir) => corrupt(join(dir, 'out', '.syndikit-manifest.json')));
  if (!result.stderr.includes('[output-manifest-corrupt]')) throw new Error(`no warning about the manifest: ${result.stderr}`);
});
await scenario('--no-cache into an existing folder, then an input deleted', (dir) =>
  disruptThenDelete(dir, async () => {}, ['--no-cache']),
);
await scenario('a file of the user in the output folder survives, then an input deleted', async (dir) => {
  await disruptThenDelete(dir, async (dir) => {
    await writeFile(join(dir, 'out', 'robots.txt'), 'User-agent: *\n');
    await rm(await slotOf(dir), { recursive: true });
  }).catch((error) => {
    // The clean build has no robots.txt: that one difference is the point.
    if (!/^differs from a clean build: robots.txt should not be there$/.test(error.message)) throw error;
  });
  if ((await readFile(join(dir, 'out', 'robots.txt'), 'utf8')) !== 'User-agent: *\n') throw new Error('robots.txt was touched');
});

await scenario('Ctrl-C with worker threads: exit 130, no staging folder or lock left, output as it was', async (dir) => {
  await mustBuild(dir, 'out', ['--threads', '2']);
  const before = await snapshot(join(dir, 'out'));
  for (let index = 0; index < corpusSize; index++) await writeArticle(dir, index, 3);
  let sent = false;
  const result = await build(dir, 'out', ['--threads', '2', '--json'], {
    onOutput(stdout, child) {
      if (!sent && (stdout.match(/"type":"article"/g) ?? []).length >= Math.floor(corpusSize / 4)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  if (result.code !== 130) throw new Error(`exited ${result.code ?? result.signal}, not 130: ${result.stderr.trim()}`);
  const diff = differences(await snapshot(join(dir, 'out')), before);
  if (diff.length > 0) throw new Error(`the output folder changed: ${diff.slice(0, 5).join('; ')}`);
});

const probe = await mkdtemp(join(tmpdir(), 'syndikit-faults-probe-'));
const cannotMount = tryMount(probe, '64k');
if (!cannotMount) unmount(probe);
if (cannotMount) {
  skip('full disk (tmpfs)', `mounting a tmpfs is not permitted here (${cannotMount}); run as root to include it`);
} else {
  for (const threads of ['0', '2']) {
    await scenario(`full disk (threads ${threads}): exit 3, output as it was; then fits again, an input deleted`, async (dir) => {
      await mkdir(join(dir, 'disk'));
      // Room for the corpus's outputs, not for four times as many.
      await mustBuild(dir, 'sized', ['--no-cache']);
      const needed = (await pagesUsed(join(dir, 'sized'))) * 1.6 + 512 * 1024;
      const problem = tryMount(join(dir, 'disk'), `${Math.ceil(needed / 1024)}k`);
      if (problem) throw new Error(`mount failed: ${problem}`);
      try {
        await fillDisk(dir, threads);
      } finally {
        unmount(join(dir, 'disk'));
      }
    });
  }
}

/** The full-disk scenario on a mounted tmpfs at `dir/disk`. */
async function fillDisk(dir, threads) {
  const out = join('disk', 'out');
  await mustBuild(dir, out, ['--threads', threads]);
  const before = await snapshot(join(dir, out));
  for (let index = corpusSize; index < corpusSize * 4; index++) await writeArticle(dir, index);
  const full = await build(dir, out, ['--threads', threads]);
  if (full.code !== 3 || !full.stderr.includes('ENOSPC')) {
    throw new Error(`expected exit 3 for ENOSPC, got ${full.code ?? full.signal}: ${full.stderr.trim().slice(0, 300)}`);
  }
  const diff = differences(await snapshot(join(dir, out)), before);
  if (diff.length > 0) throw new Error(`the output folder changed: ${diff.slice(0, 5).join('; ')}`);
  for (let index = corpusSize; index < corpusSize * 4; index++) {
    await rm(join(dir, 'articles', `story-${String(index).padStart(4, '0')}.md`));
  }
  await rm(join(dir, 'articles', 'story-0002.md'));
  await mustBuild(dir, out, ['--threads', threads]);
  await expectClean(dir, join(dir, out));
}

for (const dir of [...mounts]) unmount(dir);
await rm(probe, { recursive: true, force: true });
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
