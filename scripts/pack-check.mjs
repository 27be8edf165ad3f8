#!/usr/bin/env node
/**
 * The packages as npm consumers get them: packed, linted, installed strictly,
 * run, and bundled. `npm run pack:check` (which builds first) and `.ci/run`.
 *
 * 1. `npm pack` every public package into a temporary folder outside the
 *    repository (the tarballs are what `npm publish` would upload).
 * 2. Each tarball, unpacked: every bare import of its JavaScript is a declared
 *    dependency and every import of its declarations a dependency or its
 *    `@types/*` (a consumer installs nothing else); every dependency is used
 *    by a shipped file (peer dependencies name a host and need not be);
 *    every source map's sources are in the tarball; the embedded version
 *    (`dist/generated/package.js`) is the package's; a LICENSE.
 * 3. `publint` (level suggestion, strict) and `@arethetypeswrong/cli` with the
 *    `esm-only` profile: the packages are ES modules only (`"type": "module"`,
 *    one `default` condition, Node >= 20.19), so node10 resolution (no
 *    `exports`) and `require` from CommonJS types are not what they offer;
 *    ESM under node16/nodenext and bundler resolution must be right.
 * 4. A fresh project in the temporary folder depends on the tarballs
 *    (`syndikit` and every library package; pnpm `overrides` pin the packages'
 *    own dependencies on each other to the tarballs, never the registry) and
 *    installs them with pnpm's strict layout: isolated, `hoist: false`, so a
 *    package sees only what it declares. Third-party packages come from the
 *    npm registry.
 * 5. The installed `syndikit` bin prints the version and builds the fixtures
 *    (fixtures/syndikit.config.yaml, every format) into a temporary folder:
 *    exit 0, every format's files there, byte-identical to the same build by
 *    the repository's own CLI.
 * 6. A program calling `convert()` with every text format is bundled with
 *    esbuild into one file, which runs in a folder with no node_modules at
 *    all and must print exactly what the unbundled program prints in the
 *    project. sharp is native and cannot be bundled: it is marked external,
 *    and since the program does not use the `images` format (sharp is loaded
 *    lazily, only by it) the bundle runs without it.
 *
 * Exits 1 with every problem listed (each names its package and what to do),
 * and prints how long each step took. `--keep` keeps the temporary folder.
 * Usage: node scripts/pack-check.mjs [--keep] (from the repository root, after npm run build)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { packageOf, typesPackageOf } from './package-imports.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name) => join(repo, 'node_modules', '.bin', name);
/** Every format the CLI builds, for the installed-CLI run. */
const allFormats = 'markdown,rss,atom,jsonfeed,amp,ninjs,newsml-g2,images';
/** What a build of the fixtures with every format must contain, as path prefixes. */
const expectedOutputs = [
  'feed.xml',
  'rss.xsl',
  'atom.xml',
  'atom.xsl',
  'feed.json',
  'amp/',
  'markdown/',
  'ninjs/',
  'newsml-g2/',
  'images/',
];

const problems = [];
const timings = [];
const fail = (text) => problems.push(text);

/** Run a step, timing it; a step that throws is a problem, and the steps after it that need its result are skipped. */
async function step(name, work) {
  const started = performance.now();
  process.stdout.write(`pack-check: ${name}…\n`);
  try {
    return await work();
  } catch (error) {
    fail(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    timings.push([name, (performance.now() - started) / 1000]);
  }
}

/** Run a command; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0 && !options.allowFailure) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${basename(command)} ${args.join(' ')}\` exited with ${result.status}:\n${output}`);
  }
  return result;
}

function publicPackages() {
  return readdirSync(join(repo, 'packages'))
    .sort()
    .map((dir) => ({ dir, folder: join(repo, 'packages', dir) }))
    .filter(({ folder }) => existsSync(join(folder, 'package.json')))
    .map((entry) => ({ ...entry, manifest: JSON.parse(readFileSync(join(entry.folder, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** npm pack every package into `into`; returns the packages with their tarball paths. */
function pack(packages, into) {
  for (const { manifest, folder } of packages) {
    if (existsSync(join(folder, 'src')) && !existsSync(join(folder, 'dist', 'index.js'))) {
      throw new Error(`${manifest.name} is not built: run npm run build (npm run pack:check builds first)`);
    }
  }
  mkdirSync(into, { recursive: true });
  const args = ['pack', '--json', '--pack-destination', into, ...packages.flatMap(({ dir }) => ['-w', `packages/${dir}`])];
  const packed = JSON.parse(run('npm', args, { cwd: repo }).stdout);
  return packages.map((entry) => {
    const found = packed.find((item) => item.name === entry.manifest.name);
    if (!found) throw new Error(`npm pack did not pack ${entry.manifest.name}`);
    return { ...entry, tarball: join(into, found.filename), size: found.size, unpackedSize: found.unpackedSize };
  });
}

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((path) => statSync(join(folder, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** Bare imports of a JavaScript or declaration file: name → whether a value (run-time) import. */
function importsOfFile(text) {
  const names = new Set();
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    const name = packageOf(fileName);
    if (name && name !== 'node:') names.add(name);
  }
  return names;
}

/** The checks on one unpacked tarball (`root` is its `package/` folder). */
export function checkTarball(root, manifest) {
  const found = [];
  const files = filesUnder(root);
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const typesOf = typesPackageOf;
  const used = new Set();
  for (const file of files) {
    const isDeclaration = /\.d\.[cm]?ts$/.test(file);
    if (!isDeclaration && !/\.[cm]?js$/.test(file)) continue;
    if (file.startsWith('src/')) continue;
    for (const name of importsOfFile(readFileSync(join(root, file), 'utf8'))) {
      if (name === manifest.name) continue;
      const satisfiedBy = [name, ...(isDeclaration ? [typesOf(name)] : [])].filter((candidate) => declared.has(candidate));
      for (const candidate of satisfiedBy) used.add(candidate);
      if (satisfiedBy.length === 0) {
        found.push(
          `${manifest.name}: ${file} imports "${name}", which is not in its dependencies${isDeclaration ? ` (nor ${typesOf(name)})` : ''}: a strict install (pnpm) cannot resolve it`,
        );
      }
    }
  }
  // A peer dependency states the host it runs in (Vite, Astro, Eleventy), which it need not import.
  const peers = new Set(Object.keys(manifest.peerDependencies ?? {}));
  for (const name of [...declared].sort()) {
    if (!used.has(name) && !peers.has(name))
      found.push(
        `${manifest.name}: "${name}" is a dependency, but no shipped file (dist, bin) imports it: remove it or move it to devDependencies`,
      );
  }
  const shipped = new Set(files);
  for (const file of files.filter((path) => path.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
    for (const source of map.sources ?? []) {
      const target = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source));
      if (!shipped.has(target))
        found.push(`${manifest.name}: ${file} points at ${target}, which is not in the tarball: ship the sources or no maps`);
    }
  }
  if (!shipped.has('LICENSE')) found.push(`${manifest.name}: the tarball has no LICENSE`);
  if (shipped.has('dist/generated/package.js')) {
    const text = readFileSync(join(root, 'dist/generated/package.js'), 'utf8');
    if (!text.includes(`packageVersion = ${JSON.stringify(manifest.version)}`)) {
      found.push(`${manifest.name}: dist/generated/package.js does not embed version ${manifest.version}: rebuild (npm run build)`);
    }
  }
  return found;
}

function unpack(tarball, into) {
  mkdirSync(into, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', into]);
  return join(into, 'package');
}

async function publintTarball(tarball) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  return messages.map((message) => `${pkg.name}: publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
}

/** @arethetypeswrong/cli on one tarball (a child process); resolves to its problems. */
function attwTarball(entry) {
  // A package that exports no module (syndikit: a bin and its package.json) has no types to check.
  const modules = Object.keys(entry.manifest.exports ?? {}).filter((key) => key !== './package.json');
  if (modules.length === 0) return Promise.resolve([]);
  const args = [entry.tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];
  return new Promise((resolveProblems) => {
    const child = spawn(bin('attw'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolveProblems([`${entry.manifest.name}: @arethetypeswrong/cli could not run: ${error.message}`]));
    child.on('close', (code) =>
      resolveProblems(code === 0 ? [] : [`${entry.manifest.name}: @arethetypeswrong/cli found problems (exit ${code}):\n${output.trim()}`]),
    );
  });
}

/** Run `work` on every item, `limit` at a time (each attw run is a Node process that is mostly CPU). */
async function eachLimited(items, limit, work) {
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Package name → `file:` specifier of its tarball. */
function tarballSpecs(packed) {
  return Object.fromEntries(packed.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`]));
}

/** The consumer project: `syndikit` and every library package from the tarballs, installed by pnpm, strictly. */
function installProject(project, packed, wanted, pnpmArgs = []) {
  mkdirSync(project, { recursive: true });
  const specs = tarballSpecs(packed);
  const dependencies = Object.fromEntries(Object.entries(specs).filter(([name]) => wanted(name)));
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'syndikit-pack-check', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  const yaml = [
    '# Strict: each package sees only the dependencies it declares (no hoisting, not even into .pnpm/node_modules).',
    'nodeLinker: isolated',
    'hoist: false',
    'publicHoistPattern: []',
    '# sharp ships prebuilt binaries as optional dependencies; its install script only builds from source.',
    'ignoredBuiltDependencies:',
    '  - sharp',
    '# The packages depend on each other by version: take those from the tarballs, never from the registry.',
    'overrides:',
    ...Object.entries(specs).map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(spec)}`),
    '',
  ].join('\n');
  writeFileSync(join(project, 'pnpm-workspace.yaml'), yaml);
  run(bin('pnpm'), ['install', '--reporter=append-only', ...pnpmArgs], { cwd: project, env: { ...process.env, CI: 'true' } });
  return true;
}

/** Size of a project's node_modules in MiB, as `du` counts it (pnpm hard-links from its store: each file once). */
function installSize(project) {
  const result = run('du', ['-sk', join(project, 'node_modules')], { allowFailure: true });
  return result.status === 0 ? Number(result.stdout.split('\t')[0]) / 1024 : Number.NaN;
}

/**
 * `syndikit` installed without optional dependencies (pnpm --no-optional, as
 * npm's --omit=optional): no sharp. Every text format still builds, and
 * `images` is a usage error that says how to install sharp.
 */
function runWithoutSharp(project, work) {
  if (
    existsSync(join(project, 'node_modules', '.pnpm')) &&
    readdirSync(join(project, 'node_modules', '.pnpm')).some((name) => name.startsWith('sharp@'))
  ) {
    throw new Error('pnpm --no-optional installed sharp all the same: it must be an optional dependency of @syndikit/images');
  }
  const syndikit = join(project, 'node_modules', '.bin', 'syndikit');
  const config = join(repo, 'fixtures', 'syndikit.config.yaml');
  const textOut = join(work, 'no-sharp-out');
  run(syndikit, ['build', '--config', config, '--out', textOut, '--formats', allFormats.replace(',images', ''), '--no-cache', '--quiet'], {
    cwd: project,
  });
  for (const prefix of expectedOutputs.filter((path) => path !== 'images/')) {
    if (!filesUnder(textOut).some((path) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)))) {
      fail(`without sharp: the build of the text formats wrote no ${prefix}`);
    }
  }
  const images = run(syndikit, ['build', '--config', config, '--out', join(work, 'no-sharp-images'), '--formats', 'images', '--no-cache'], {
    cwd: project,
    allowFailure: true,
  });
  if (images.status !== 2 || !images.stderr.includes('npm install sharp')) {
    fail(
      `without sharp: --formats images should be a usage error (exit 2) saying "npm install sharp", but exited ${images.status}: ${images.stderr.trim()}`,
    );
  }
}

/** Every file under `folder` with its bytes, for comparing two output folders. */
function snapshot(folder) {
  return new Map(filesUnder(folder).map((path) => [path, readFileSync(join(folder, path))]));
}

function compareFolders(actual, expected, label) {
  const found = [];
  const a = snapshot(actual);
  const b = snapshot(expected);
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (!a.has(path)) found.push(`${label}: ${path} is missing`);
    else if (!b.has(path)) found.push(`${label}: ${path} was not expected`);
    else if (!a.get(path).equals(b.get(path))) found.push(`${label}: ${path} differs`);
  }
  return found;
}

/** The installed CLI: --version, and a build of the fixtures with every format, compared with the repository's CLI. */
function runInstalledCli(project, work, version) {
  const syndikit = join(project, 'node_modules', '.bin', 'syndikit');
  const printed = run(syndikit, ['--version'], { cwd: project }).stdout.trim();
  if (printed !== version) fail(`installed CLI: --version printed ${JSON.stringify(printed)}, expected ${version}`);
  const args = (out) => [
    'build',
    '--config',
    join(repo, 'fixtures', 'syndikit.config.yaml'),
    '--out',
    out,
    '--formats',
    allFormats,
    '--no-cache',
    '--quiet',
  ];
  const installedOut = join(work, 'cli-out');
  run(syndikit, args(installedOut), { cwd: project });
  for (const prefix of expectedOutputs) {
    if (!filesUnder(installedOut).some((path) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)))) {
      fail(`installed CLI: the build of the fixtures wrote no ${prefix}`);
    }
  }
  const referenceCwd = join(work, 'reference');
  mkdirSync(referenceCwd, { recursive: true });
  const referenceOut = join(work, 'reference-out');
  run(process.execPath, [join(repo, 'packages', 'cli', 'bin', 'syndikit.mjs'), ...args(referenceOut)], { cwd: referenceCwd });
  for (const line of compareFolders(installedOut, referenceOut, 'installed CLI vs the repository CLI')) fail(line);
}

const convertProgram = `// convert() with every text format, as a serverless function or a build tool would call it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ampAdapter } from '@syndikit/amp';
import { atomAdapter } from '@syndikit/atom';
import { convert } from '@syndikit/core';
import { jsonFeedAdapter } from '@syndikit/jsonfeed';
import { markdownAdapter, markdownIngester } from '@syndikit/markdown';
import { newsmlG2Adapter } from '@syndikit/newsml-g2';
import { ninjsAdapter } from '@syndikit/ninjs';
import { rssAdapter } from '@syndikit/rss';

const inputs = await Promise.all(process.argv.slice(2).map(async (path) => ({ path: basename(path), value: await readFile(path, 'utf8') })));
const result = await convert(inputs, {
  ingesters: [markdownIngester()],
  formats: [markdownAdapter(), rssAdapter(), atomAdapter(), jsonFeedAdapter(), ampAdapter(), ninjsAdapter(), newsmlG2Adapter()],
  site: { url: 'https://news.example', title: 'The Syndikit Gazette' },
  now: '2025-01-01T00:00:00Z',
});
const outputs = result.outputs.map((output) => ({ path: output.path, contents: String(output.contents) }));
const messages = result.files.flatMap((file) => file.messages.map((message) => \`\${file.path}:\${message.line}:\${message.column}: \${message.reason} [\${message.ruleId}]\`));
process.stdout.write(\`\${JSON.stringify({ outputs, messages }, null, 2)}\\n\`);
`;

/** A folder's nearest node_modules at or above it, if any. */
function nodeModulesAbove(folder) {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
    if (dirname(dir) === dir) return undefined;
  }
}

/** Bundle the convert() program with esbuild and run the bundle where no package can be found. */
function bundleAndRun(project, work) {
  writeFileSync(join(project, 'convert.mjs'), convertProgram);
  const articles = readdirSync(join(repo, 'fixtures', 'articles'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(repo, 'fixtures', 'articles', name));
  const expected = run(process.execPath, ['convert.mjs', ...articles], { cwd: project }).stdout;
  const lonely = join(work, 'bundle');
  mkdirSync(lonely, { recursive: true });
  const outfile = join(lonely, 'convert.mjs');
  run(
    bin('esbuild'),
    [
      'convert.mjs',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      // Native: never bundled. The program does not use the images format, the only one that loads it.
      '--external:sharp',
      // CommonJS dependencies (yaml, …) call require() for Node builtins; an ES module bundle needs one.
      "--banner:js=import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      `--outfile=${outfile}`,
      '--log-level=warning',
    ],
    { cwd: project },
  );
  const stray = nodeModulesAbove(lonely);
  if (stray) throw new Error(`the bundle must run with no node_modules in reach, but ${stray} exists`);
  const actual = run(process.execPath, [outfile, ...articles], { cwd: lonely }).stdout;
  if (actual !== expected) fail('bundle: the bundled convert() program printed something else than the same program run from node_modules');
  const { outputs } = JSON.parse(actual);
  for (const prefix of ['feed.xml', 'atom.xml', 'feed.json', 'amp/', 'markdown/', 'ninjs/', 'newsml-g2/']) {
    if (!outputs.some((output) => output.path === prefix || (prefix.endsWith('/') && output.path.startsWith(prefix)))) {
      fail(`bundle: convert() made no ${prefix}`);
    }
  }
  return { bytes: statSync(outfile).size, outputs: outputs.length };
}

/** The installs: every package (CLI run, bundle), then the CLI alone with and without optional dependencies (sizes, sharp-less run). */
async function checkInstalls(packed, work) {
  const project = join(work, 'project');
  // @syndikit/cli comes through `syndikit`, as for a user who installs the command, so `.bin/syndikit` is that package's.
  const installed = await step('pnpm install every package (isolated, hoist: false)', () =>
    installProject(project, packed, (name) => name !== '@syndikit/cli'),
  );
  if (!installed) return;
  const cli = packed.find(({ manifest }) => manifest.name === '@syndikit/cli');
  await step('run the installed syndikit on the fixtures, every format', () => runInstalledCli(project, work, cli.manifest.version));
  const bundle = await step('bundle convert() with esbuild and run it with no node_modules', () => bundleAndRun(project, work));
  if (bundle) console.log(`pack-check: bundle ${(bundle.bytes / 1024).toFixed(0)} KiB, ${bundle.outputs} outputs`);
  const cliOnly = join(work, 'cli-only');
  await step('pnpm install syndikit alone', () => installProject(cliOnly, packed, (name) => name === 'syndikit'));
  const noOptional = join(work, 'cli-no-optional');
  const bare = await step('pnpm install syndikit alone --no-optional', () =>
    installProject(noOptional, packed, (name) => name === 'syndikit', ['--no-optional']),
  );
  if (bare) await step('run syndikit installed without sharp', () => runWithoutSharp(noOptional, work));
  const sizes = [
    ['every package', project],
    ['syndikit (the CLI)', cliOnly],
    ['syndikit without optional dependencies (no sharp)', noOptional],
  ];
  for (const [label, folder] of sizes) console.log(`pack-check: install size, ${label}: ${installSize(folder).toFixed(1)} MiB`);
}

async function main() {
  const keep = process.argv.includes('--keep');
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'syndikit-pack-check-'));
  const packages = publicPackages();
  const packed = await step(`npm pack ${packages.length} public packages`, () => pack(packages, join(work, 'tarballs')));
  if (packed) {
    await step('check the tarballs (dependencies, source maps, embedded version, LICENSE)', () => {
      for (const entry of packed)
        for (const line of checkTarball(unpack(entry.tarball, join(work, 'unpacked', entry.dir)), entry.manifest)) fail(line);
    });
    await step('publint', async () => {
      for (const entry of packed) for (const line of await publintTarball(entry.tarball)) fail(line);
    });
    await step('@arethetypeswrong/cli --profile esm-only', async () => {
      for (const lines of await eachLimited(packed, Math.max(1, Math.min(4, availableParallelism())), attwTarball))
        for (const line of lines) fail(line);
    });
    await checkInstalls(packed, work);
  }
  for (const [name, seconds] of timings) console.log(`pack-check: ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  console.log(`pack-check: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  if (keep) console.log(`pack-check: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  if (problems.length > 0) {
    for (const line of problems) console.error(`pack-check: ${line}`);
    console.error(`pack-check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    process.exitCode = 1;
  } else {
    console.log(`pack-check: ok (${packages.length} packages packed, linted, installed with pnpm, run and bundled)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
