#!/usr/bin/env node
/**
 * No function over 80 lines in packages/*\/src.
 *
 * A long function is where the next feature lands and where review stops
 * reading; phases belong in named functions. Every function form counts
 * (declarations, methods, accessors, constructors, function expressions and
 * arrow functions, nested ones on their own), measured from the line of its
 * first token to the line of its closing brace, found with the TypeScript
 * compiler's parser. Data tables (object and array literals, rule lists,
 * schemas) are not functions and are not measured.
 *
 * `allowed` names the exceptions, each with its reason; keep it empty
 * unless a function truly reads better whole.
 *
 * Exit code 1 with one `file:line: name is N lines` per function over the
 * limit. Usage: node scripts/check-function-length.mjs [--max=80] [--all]
 * (`--all` lists every function over the limit, allowed or not).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const maxArgument = process.argv.find((argument) => argument.startsWith('--max='));
const max = maxArgument ? Number(maxArgument.slice('--max='.length)) : 80;
const listAll = process.argv.includes('--all');

/**
 * `path:name` → why the function may stay longer than the limit. Entries
 * that no longer match a long function are listed as stale, to be removed.
 */
const allowed = {
  'packages/testkit/src/index.ts:hostileArticles':
    'a data table: one hostile input per entry, in a function so that each call gets fresh strings',
};

function walk(folder) {
  const files = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else if (/\.[cm]?tsx?$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** A readable name for a function node: its own, or the variable, property or class member it is assigned to. */
function nameOf(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) {
    return parent.name.getText(source);
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

function isFunction(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Every function in `file` longer than `max` lines. */
export function longFunctions(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (isFunction(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const lines = end - start + 1;
      if (lines > max) found.push({ file, line: start, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const packages = readdirSync('packages')
  .sort()
  .map((entry) => join('packages', entry, 'src'))
  .filter((folder) => {
    try {
      return statSync(folder).isDirectory();
    } catch {
      return false;
    }
  });
const found = packages.flatMap((folder) => walk(folder).flatMap((file) => longFunctions(file, readFileSync(file, 'utf8'))));
let failures = 0;
const matched = new Set();
for (const item of found) {
  const where = relative(process.cwd(), item.file);
  const reason = allowed[`${where}:${item.name}`];
  if (reason) matched.add(`${where}:${item.name}`);
  if (reason && !listAll) continue;
  if (!reason) failures++;
  const line = `${where}:${item.line}: ${item.name} is ${item.lines} lines (limit ${max})${reason ? ` — allowed: ${reason}` : ''}`;
  if (reason) console.log(line);
  else console.error(line);
}
for (const key of Object.keys(allowed))
  if (!matched.has(key))
    console.log(`check-function-length: stale allow-list entry ${key} (no such function over ${max} lines); remove it`);
const allowedCount = matched.size;
if (failures > 0) {
  console.error(`check-function-length: ${failures} function${failures === 1 ? '' : 's'} over ${max} lines in packages/*/src`);
  process.exitCode = 1;
} else {
  console.log(
    `check-function-length: no function over ${max} lines in packages/*/src${allowedCount > 0 ? ` outside the allow-list (${allowedCount} allowed; --all lists them)` : ''}`,
  );
}
