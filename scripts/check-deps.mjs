#!/usr/bin/env node
/**
 * Declared dependencies match imports, in every package under packages/.
 *
 * For each package, the bare module specifiers imported by its code are
 * compared with its package.json:
 * - `src/` and `bin/` (what ships) may import only `dependencies` (and `peerDependencies`, `optionalDependencies`),
 *   except type-only imports (`import type`, `export type … from`,
 *   `typeof import('x')`), which are erased: they may come from
 *   `devDependencies` too. Whether the published declarations (`dist/*.d.ts`)
 *   need them as dependencies is checked on the packed tarballs by
 *   scripts/pack-check.mjs, which has the emitted files to read;
 * - `test/` and root config files (`vitest.config.ts`) may import those,
 *   the package's `devDependencies`, and the workspace-wide dev tools declared
 *   once in the root package.json's `devDependencies` (vitest, the feed
 *   parsers and validators the tests check output with);
 * - a declared dependency that nothing imports is reported too, and so is a
 *   `dependencies` entry used only by tests (it belongs in `devDependencies`).
 *
 * Imports are read with the TypeScript compiler's own pre-processor, so
 * `import`, `import type`, `export … from`, `import x = require()` and
 * dynamic `import('x')` (including `typeof import('x')` in types) all count.
 * A subpath `x/y` is package `x`, `@scope/x/y` is `@scope/x`; `node:` and
 * other Node builtins are not packages. Types: importing `hast` is satisfied
 * by a declared `hast` or `@types/hast`, and a declared `@types/hast` is used
 * when `hast` is imported (`@types/node` when a builtin is).
 *
 * Exit code 1 with one line per mismatch; 0 and a one-line summary otherwise.
 * Usage: node scripts/check-deps.mjs [packages-folder]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { packageOf, typesPackageOf } from './package-imports.mjs';

const root = process.argv[2] ?? 'packages';
const workspaceDev = new Set(Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).devDependencies ?? {}));

/**
 * Declared dependencies that no file of the package imports but that are
 * needed all the same, each with the reason. Keep this short.
 */
const allowedUnused = {
  '@syndikit/page': {
    jsdom: 'scripts/extraction-f1.mjs loads it from @syndikit/page to compare DOM libraries',
    'happy-dom': 'scripts/extraction-f1.mjs loads it from @syndikit/page to compare DOM libraries',
  },
  // The integrations run inside their host and never import it: its hooks are typed structurally.
  '@syndikit/vite': { vite: 'peer: the host the plugin runs in' },
  '@syndikit/astro': { astro: 'peer: the host the integration runs in' },
  '@syndikit/eleventy': { '@11ty/eleventy': 'peer: the host the plugin runs in' },
};
const sourceFile = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

function walk(folder) {
  let entries;
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const files = [];
  for (const entry of entries.sort()) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else if (sourceFile.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/**
 * Specifiers a file loads at run time: every import and export-from that is
 * not `import type`/`export type` (under `verbatimModuleSyntax`,
 * `import { type A } from 'x'` still loads `x`), `import x = require()`,
 * dynamic `import()` and `require()` calls. `typeof import('x')` in a type is not one.
 */
function valueSpecifiers(text, fileName = 'file.ts') {
  const found = new Set();
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.add(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.add(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (!node.isTypeOnly && ts.isStringLiteral(expression)) found.add(expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.add(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false));
  return found;
}

/** Map of package name → first file importing it; `values` gets the names some file loads at run time. */
function importsOf(files, values = new Set()) {
  const found = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    for (const { fileName } of info.importedFiles) {
      const name = packageOf(fileName);
      if (name && !found.has(name)) found.set(name, file);
    }
    for (const specifier of valueSpecifiers(text, file)) {
      const name = packageOf(specifier);
      if (name) values.add(name);
    }
  }
  return found;
}

/** Check one package; returns a list of problems. */
function checkPackage(folder) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const runtime = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
  const loaded = new Set();
  const shipped = importsOf([...walk(join(folder, 'src')), ...walk(join(folder, 'bin'))], loaded);
  const configFiles = readdirSync(folder)
    .filter((entry) => sourceFile.test(entry))
    .map((entry) => join(folder, entry));
  const tested = importsOf([...walk(join(folder, 'test')), ...configFiles]);
  const problems = [];
  const where = (file) => relative(process.cwd(), file);

  // Whether `name` is satisfied by a declared set, directly or through its types.
  const satisfied = (name, declared) => name === manifest.name || declared.has(name) || declared.has(typesPackageOf(name));
  for (const [name, file] of shipped) {
    if (name === 'node:') continue;
    if (satisfied(name, runtime)) continue;
    // Erased from the JavaScript; the published declarations are checked by scripts/pack-check.mjs.
    if (!loaded.has(name) && (dev.has(name) || dev.has(typesPackageOf(name)))) continue;
    problems.push(
      dev.has(name) || dev.has(typesPackageOf(name))
        ? `${manifest.name}: ${where(file)} imports "${name}", declared only in devDependencies (move it to dependencies)`
        : `${manifest.name}: ${where(file)} imports "${name}", not declared in package.json`,
    );
  }
  for (const [name, file] of tested) {
    if (name === 'node:' || satisfied(name, runtime) || satisfied(name, dev) || satisfied(name, workspaceDev)) continue;
    problems.push(`${manifest.name}: ${where(file)} imports "${name}", not declared in package.json`);
  }

  // Whether declared `name` is imported by `imports`, directly or as the types of a module.
  const used = (name, imports) => {
    if (imports.has(name)) return true;
    if (name === '@types/node') return imports.has('node:');
    if (!name.startsWith('@types/')) return false;
    const bare = name.slice('@types/'.length);
    return imports.has(bare.includes('__') ? `@${bare.replace('__', '/')}` : bare);
  };
  const allowed = allowedUnused[manifest.name] ?? {};
  for (const name of [...runtime].sort()) {
    if (used(name, shipped) || name in allowed) continue;
    problems.push(
      used(name, tested)
        ? `${manifest.name}: "${name}" is in dependencies but only tests import it (move it to devDependencies)`
        : `${manifest.name}: "${name}" is declared in dependencies but nothing imports it`,
    );
  }
  for (const name of [...dev].sort()) {
    if (used(name, tested) || used(name, shipped) || name in allowed) continue;
    problems.push(`${manifest.name}: "${name}" is declared in devDependencies but nothing imports it`);
  }
  return problems;
}

const folders = readdirSync(root)
  .sort()
  .map((entry) => join(root, entry))
  .filter((folder) => {
    try {
      return statSync(join(folder, 'package.json')).isFile();
    } catch {
      return false;
    }
  });
const problems = folders.flatMap(checkPackage);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`check-deps: ${problems.length} mismatch${problems.length === 1 ? '' : 'es'} between imports and package.json`);
  process.exitCode = 1;
} else {
  console.log(`check-deps: imports match declared dependencies in ${folders.length} packages`);
}
