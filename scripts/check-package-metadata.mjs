#!/usr/bin/env node
/**
 * Every public package under packages/ is ready to publish: what npm, the
 * registry's pages and the consumers' tools read is there and agrees with
 * the root package.json, which holds the repository's address once.
 *
 * For each package that is not `"private": true`:
 * - `name`, `version`, `description`, `author`, `keywords` (with `syndikit`),
 *   `license` equal to the root's, and a `LICENSE` file with the root's text;
 * - `repository` (the root's URL, `directory` the package's folder),
 *   `homepage` (its folder's README on the default branch), `bugs` (the root's);
 * - `publishConfig.access: "public"` (a scoped package publishes as
 *   restricted without it), `engines.node` equal to the root's, `type:
 *   "module"`, `sideEffects` declared (`false` or the files that have them);
 * - `files` names `dist` when the package has `src/`, and `src` as well when
 *   its build emits source maps (they point at `../src/*.ts`: maps ship with
 *   their sources or not at all); every `bin` file is inside `files`;
 * - `exports` has `./package.json`, and `.` with `types` and `default` when
 *   the package has `src/`; a `README.md`;
 * - its build embeds version and assets (`node ../../scripts/prepare-build.mjs && …`),
 *   and nothing under `src/` reads its package.json or an asset file at run
 *   time (`createRequire(import.meta.url)('../../package.json')`,
 *   `new URL('../../assets/…', import.meta.url)`), which bundles cannot follow;
 * - dependencies on other workspace packages name their current version
 *   exactly, and never a private package.
 *
 * Exit code 1 with one line per problem; 0 and a one-line summary otherwise.
 * Usage: node scripts/check-package-metadata.mjs [packages-folder] (run from the repository root)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const embedStep = 'node ../../scripts/prepare-build.mjs && ';

/** Patterns of run-time reads of a package's own files, with what to do instead. */
export const runtimeReads = [
  {
    // require('../../package.json'), createRequire(import.meta.url)('../../package.json'), import('…/package.json')
    pattern: /\(\s*['"`][^'"`]*package\.json['"`]\s*[,)]/,
    fix: 'import { packageVersion } from "../generated/package.js" (scripts/prepare-build.mjs writes it)',
  },
  {
    pattern: /\bfrom\s+['"`][^'"`]*package\.json['"`]/,
    fix: 'import { packageVersion } from "../generated/package.js" (scripts/prepare-build.mjs writes it)',
  },
  {
    pattern: /new\s+URL\(\s*['"`][^'"`]*package\.json/,
    fix: 'import { packageVersion } from "../generated/package.js" (scripts/prepare-build.mjs writes it)',
  },
  {
    pattern: /new\s+URL\(\s*['"`][^'"`]*assets\//,
    fix: 'import the text from "../generated/assets.js" (scripts/prepare-build.mjs embeds assets/*)',
  },
];

/** What the root package.json says once for every package. */
export function rootContext(rootFolder) {
  const root = JSON.parse(readFileSync(join(rootFolder, 'package.json'), 'utf8'));
  const url = root.repository?.url;
  if (typeof url !== 'string') throw new TypeError(`Expected repository.url in ${join(rootFolder, 'package.json')}, but received ${url}`);
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
  return {
    repositoryUrl: url,
    web,
    bugs: root.bugs?.url,
    license: root.license,
    licenseText: readFileSync(join(rootFolder, 'LICENSE'), 'utf8'),
    node: root.engines?.node,
    rootSourceMaps: compilerMaps(join(rootFolder, 'tsconfig.json')),
  };
}

/** `{ sourceMap, declarationMap }` set in a tsconfig file (JSON with comments allowed only as "//" keys). */
function compilerMaps(file) {
  if (!existsSync(file)) return {};
  const options = JSON.parse(readFileSync(file, 'utf8')).compilerOptions ?? {};
  return { sourceMap: options.sourceMap, declarationMap: options.declarationMap };
}

function sourceFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true })
    .map((entry) => join(folder, String(entry)))
    .filter((path) => /\.(?:[cm]?[jt]s|tsx)$/.test(path) && !path.includes(`${join('src', 'generated')}`) && statSync(path).isFile())
    .sort();
}

/** Problems of the package in `folder` (its folder name is `dir`), as lines. */
export function checkPackage(folder, context, workspace = new Map()) {
  const dir = folder.split(/[\\/]/).filter(Boolean).at(-1);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  if (manifest.private === true) return [];
  const name = manifest.name ?? dir;
  const problems = [];
  const problem = (text) => problems.push(`${name}: ${text}`);
  const hasSrc = existsSync(join(folder, 'src'));

  for (const field of ['name', 'version', 'description', 'author']) {
    if (typeof manifest[field] !== 'string' || manifest[field].trim() === '') problem(`"${field}" is missing`);
  }
  if (!Array.isArray(manifest.keywords) || !manifest.keywords.includes('syndikit') || manifest.keywords.length < 3) {
    problem('"keywords" must list "syndikit" and at least two words that say what the package is for');
  }
  if (manifest.license !== context.license)
    problem(`"license" is ${JSON.stringify(manifest.license)}, expected ${JSON.stringify(context.license)}`);
  const licenseFile = join(folder, 'LICENSE');
  if (!existsSync(licenseFile)) problem('has no LICENSE file (copy the root LICENSE)');
  else if (readFileSync(licenseFile, 'utf8') !== context.licenseText) problem('LICENSE differs from the root LICENSE');
  if (!existsSync(join(folder, 'README.md'))) problem('has no README.md');

  const directory = `packages/${dir}`;
  const repository = manifest.repository;
  if (repository?.type !== 'git' || repository?.url !== context.repositoryUrl || repository?.directory !== directory) {
    problem(`"repository" must be { "type": "git", "url": "${context.repositoryUrl}", "directory": "${directory}" }`);
  }
  const homepage = `${context.web}/tree/main/${directory}#readme`;
  if (manifest.homepage !== homepage) problem(`"homepage" must be "${homepage}"`);
  if (manifest.bugs?.url !== context.bugs) problem(`"bugs" must be { "url": "${context.bugs}" }`);
  if (manifest.publishConfig?.access !== 'public')
    problem('"publishConfig.access" must be "public" (scoped packages publish as restricted otherwise)');
  if (manifest.engines?.node !== context.node) problem(`"engines.node" must be "${context.node}", as in the root package.json`);
  if (manifest.type !== 'module') problem('"type" must be "module"');
  if (manifest.sideEffects !== false && !Array.isArray(manifest.sideEffects))
    problem('"sideEffects" must be false or the list of files that have them');

  checkFiles(folder, manifest, context, hasSrc, problem);
  checkExports(manifest, hasSrc, problem);
  if (hasSrc) checkEmbedding(folder, manifest, problem);
  checkWorkspaceDependencies(manifest, workspace, problem);
  return problems;
}

function checkFiles(folder, manifest, context, hasSrc, problem) {
  const files = Array.isArray(manifest.files) ? manifest.files : undefined;
  if (!files) {
    problem('"files" is missing (list what the tarball holds)');
    return;
  }
  if (hasSrc && !files.includes('dist')) problem('"files" must include "dist"');
  const own = compilerMaps(join(folder, 'tsconfig.build.json'));
  const maps = (own.sourceMap ?? context.rootSourceMaps.sourceMap) || (own.declarationMap ?? context.rootSourceMaps.declarationMap);
  if (hasSrc && maps && !files.includes('src')) {
    problem('"files" must include "src": the build emits source maps that point at ../src (or turn sourceMap and declarationMap off)');
  }
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const bin of bins) {
    const path = posix.normalize(bin);
    if (!files.some((entry) => path === posix.normalize(entry) || path.startsWith(`${posix.normalize(entry)}/`))) {
      problem(`bin ${bin} is not inside "files"`);
    }
    if (!existsSync(join(folder, path))) problem(`bin ${bin} does not exist`);
  }
}

function checkExports(manifest, hasSrc, problem) {
  const exports = manifest.exports;
  if (typeof exports !== 'object' || exports === null) {
    problem('"exports" is missing');
    return;
  }
  if (exports['./package.json'] !== './package.json') problem('"exports" must have "./package.json": "./package.json"');
  if (hasSrc && (typeof exports['.']?.types !== 'string' || typeof exports['.']?.default !== 'string')) {
    problem('"exports" must have "." with "types" and "default"');
  }
}

function checkEmbedding(folder, manifest, problem) {
  if (!manifest.scripts?.build?.startsWith(embedStep))
    problem(`the "build" script must start with "${embedStep}" (versions and assets embedded)`);
  for (const file of sourceFiles(join(folder, 'src'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const read = runtimeReads.find(({ pattern }) => pattern.test(line));
      if (read)
        problem(`${relative(folder, file)}:${index + 1} reads a package file at run time, which bundles cannot follow: ${read.fix}`);
    });
  }
}

function checkWorkspaceDependencies(manifest, workspace, problem) {
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      const target = workspace.get(dependency);
      if (!target) continue;
      if (target.private) problem(`"${field}" names ${dependency}, which is private and never published`);
      else if (range !== target.version) problem(`"${field}" names ${dependency}@${range}, expected exactly its version ${target.version}`);
    }
  }
}

/** Every package folder under `root`, with its manifest. */
export function workspacePackages(root) {
  return readdirSync(root)
    .sort()
    .map((entry) => join(root, entry))
    .filter((folder) => existsSync(join(folder, 'package.json')))
    .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? 'packages';
  const context = rootContext('.');
  const packages = workspacePackages(root);
  const workspace = new Map(packages.map(({ manifest }) => [manifest.name, manifest]));
  const problems = packages.flatMap(({ folder }) => checkPackage(folder, context, workspace));
  const published = packages.filter(({ manifest }) => !manifest.private).length;
  if (problems.length > 0) {
    for (const line of problems) console.error(line);
    console.error(`check-package-metadata: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the packages' metadata`);
    process.exitCode = 1;
  } else {
    console.log(
      `check-package-metadata: ${published} public packages have full metadata, a LICENSE and no run-time reads of package files`,
    );
  }
}
