/**
 * What a piece of code loads, for the tests that keep a one-article rebuild from paying for modules it does not
 * use (docs/performance.md, Rebuilds), such as `packages/markdown/test/modules.test.ts`. Here rather than in
 * @syndikit/testkit, which depends on the packages that use it.
 *
 * `runListingModules(script, cwd)` runs the ES module `script` in a child Node process with a module hook that
 * lists every ES module loaded; inside it, `globalThis.loadedModules()` returns the list so far: the hook's URLs
 * and the paths in `require.cache` (a module loaded with `require()`, and what a required ES module imports,
 * pass no hook).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'syndikit-modules-'));
const list = join(dir, 'loaded.txt');
writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(list)}, url + '\\n');
  return next(url, context);
}
`,
);
writeFileSync(
  join(dir, 'register.mjs'),
  `import { createRequire, register } from 'node:module';
import { readFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
globalThis.loadedModules = () => [
  ...readFileSync(${JSON.stringify(list)}, 'utf8').split('\\n').filter(Boolean),
  ...Object.keys(createRequire(import.meta.url).cache),
];
`,
);

/**
 * Run `script` (an ES module's source) with `cwd` as its folder, listing modules as above.
 *
 * @returns the child's standard output and error.
 */
export function runListingModules(script, cwd) {
  writeFileSync(list, '');
  const child = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(dir, 'register.mjs')).href, '--input-type=module', '-e', script],
    { cwd, encoding: 'utf8' },
  );
  return { stdout: child.stdout, stderr: child.stderr };
}

/** Whether `loaded` (URLs or paths) has a module of the package `name`. */
export function loadsPackage(loaded, name) {
  return loaded.some((url) => url.includes(`/node_modules/${name}/`));
}
