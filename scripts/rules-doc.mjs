#!/usr/bin/env node
/**
 * The rule list, generated from the packages' rule catalogues so it cannot
 * drift: every exported object of `Rule`s (`{ id, title, hint, severity? }`)
 * of every built package under packages/ is a catalogue.
 *
 *   node scripts/rules-doc.mjs           write docs/rules.md
 *   node scripts/rules-doc.mjs --check   exit 1 when docs/rules.md is out of date
 *
 * It also finds rule ids written as string literals where a report is made
 * (`report(file, severity, reason, 'some-id')`, `{ ruleId: 'some-id' }`):
 * syndikit's own code passes catalogue entries, so that every id a user can
 * see has a title and a hint. `packages/cli/test/rules.test.ts` runs both checks.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
export const rulesDocPath = join(root, 'docs', 'rules.md');

function isRule(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.hint === 'string'
  );
}

/** Every package folder with a package.json, in name order. */
function packageFolders() {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(packagesDir, entry.name))
    .filter((folder) => {
      try {
        readFileSync(join(folder, 'package.json'));
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

/**
 * Every catalogue entry of every built package: `{ package, catalogue, key, rule }`.
 * Packages are imported from their built `dist/` (run the build first).
 */
export async function collectRules() {
  const entries = [];
  for (const folder of packageFolders()) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    // Private packages publish no rules; a package without src/ (syndikit, the launcher) has no code of its own.
    if (manifest.private || !existsSync(join(folder, 'src'))) continue;
    const module = await import(pathToFileURL(join(folder, 'dist', 'index.js')).href);
    for (const [exportName, value] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const rules = Object.entries(value).filter(([, rule]) => isRule(rule));
      if (rules.length === 0 || rules.length !== Object.keys(value).length) continue;
      for (const [key, rule] of rules) entries.push({ package: manifest.name, catalogue: exportName, key, rule });
    }
  }
  return entries;
}

/**
 * The text rules of `@syndikit/wire` (rules as data: `{ id, description, action }`), whose ids also
 * appear in messages (as info lines: each line a rule removes or keeps is reported).
 */
export async function collectTextRules() {
  const module = await import(pathToFileURL(join(packagesDir, 'wire', 'dist', 'index.js')).href);
  const lineRules = [...(module.defaultRules ?? [])].map(({ id, description, action, ends, agencies }) => ({
    id,
    description,
    action,
    ends,
    agencies,
  }));
  // The photo credit patterns (`captionRules`) are rules as data too, with an action of their own.
  const captionRules = [...(module.captionRules ?? [])].map(({ id, description }) => ({ id, description, action: 'caption' }));
  // The lines that are never a headline (`notHeadlineRules`) likewise.
  const notHeadline = [...(module.notHeadlineRules ?? [])].map(({ id, description }) => ({ id, description, action: 'not-headline' }));
  return [...lineRules, ...captionRules, ...notHeadline];
}

/** The ids defined in more than one place with different titles, hints or severities. */
export function conflictingRules(entries) {
  const byId = new Map();
  for (const entry of entries) byId.set(entry.rule.id, [...(byId.get(entry.rule.id) ?? []), entry]);
  return [...byId.values()].filter((list) => {
    const shapes = new Set(list.map(({ rule }) => JSON.stringify([rule.title, rule.hint, rule.severity ?? null])));
    return shapes.size > 1;
  });
}

const actions = {
  drop: 'the line is removed as site chrome',
  'drop-rest': "after the story's start: the line and everything after it are removed as a trailer; above it: the line alone",
  copyright: "after the story's start: the line is the article's copyright notice (a later one the site's)",
  note: 'the line is kept as an editorial note',
  credits: 'reporters become authors, editors and additional reporters contributors (and notes)',
};

/** docs/rules.md from the catalogue entries (one table per package, rules by id) and the wire text rules. */
export function renderRulesDoc(entries, textRules = []) {
  const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    '# Rules',
    '',
    'Every diagnostic syndikit prints ends with a rule id in brackets: `file:line:col: error message [rule-id]`.',
    'This list is generated from the rule catalogues of the packages (`npm run docs:rules`); a test fails when',
    'it is out of date. Severity is how the rule is reported; "varies" where the message says (the same',
    'problem can be an error in one place and a warning in another).',
    '',
  ];
  const seen = new Set();
  const byPackage = new Map();
  for (const entry of entries) {
    if (seen.has(entry.rule.id)) continue;
    seen.add(entry.rule.id);
    byPackage.set(entry.package, [...(byPackage.get(entry.package) ?? []), entry]);
  }
  for (const [name, list] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## \`${name}\``, '', '| id | severity | what happened | what to do |', '| --- | --- | --- | --- |');
    for (const { rule } of [...list].sort((a, b) => a.rule.id.localeCompare(b.rule.id))) {
      lines.push(`| \`${rule.id}\` | ${rule.severity ?? 'varies'} | ${cell(rule.title)} | ${cell(rule.hint)} |`);
    }
    lines.push('');
  }
  /** One section of wire rules: a heading, what the rules do, and a table with a row per rule, in the given order. */
  const section = (rules, intro, header, row) => {
    if (rules.length === 0) return;
    lines.push(...intro, '', header, header.replace(/[^|]+/g, ' --- '), ...rules.map(row), '');
  };
  const ofAction = (test) => textRules.filter((rule) => test(rule.action));
  section(
    ofAction((action) => action !== 'caption' && action !== 'not-headline'),
    [
      '## Text rules of `@syndikit/wire`',
      '',
      'Rules as data for scraped wire copy (`wire.rules` in the config adds your own, tried first). Each line a',
      'rule acts on is reported as an info line with the rule id (`--verbose`, `syndikit inspect`).',
    ],
    '| id | what it matches | what happens | agencies |',
    (rule) =>
      `| \`${rule.id}\` | ${cell(rule.description)} | ${actions[rule.action] ?? rule.action}${rule.ends && rule.action === 'drop' ? '; ends the story' : ''} | ${(rule.agencies ?? []).join(', ')} |`,
  );
  const idAndMatch = (rule) => `| \`${rule.id}\` | ${cell(rule.description)} |`;
  section(
    ofAction((action) => action === 'caption'),
    [
      '## Caption credits of `@syndikit/wire`',
      '',
      'Photo credit patterns (`captionRules`), tried in this order: a line one matches is a photo caption with its',
      'credit (`wire-caption`), never body text; a credit alone on its line takes the caption from the line above.',
    ],
    '| id | what it matches |',
    idAndMatch,
  );
  section(
    ofAction((action) => action === 'not-headline'),
    [
      '## Lines that are never a headline in `@syndikit/wire`',
      '',
      'Patterns (`notHeadlineRules`) for menus, controls, calls to action, breadcrumbs, page furniture, dates and',
      'reading times: the header never chooses a line one matches while a title-like line is left (`wire-headline`);',
      'when one is taken anyway, a warning says so (`wire-headline-navigation`).',
    ],
    '| id | what it matches |',
    idAndMatch,
  );
  return lines.join('\n');
}

/** Source files of every package (not tests, not declarations). */
function sourceFiles() {
  const files = [];
  for (const folder of packageFolders()) {
    const src = join(folder, 'src');
    let names = [];
    try {
      names = readdirSync(src, { recursive: true });
    } catch {
      continue;
    }
    for (const name of names) if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) files.push(join(src, name));
  }
  return files.sort();
}

/**
 * Rule ids written as string literals: `{ ruleId: 'x-y' }`, the fourth
 * argument of a `report(…)` call, and any string equal to a catalogued id
 * (`knownIds`) outside the catalogue entry that defines it (`rule('x-y', …)`
 * or `{ id: 'x-y', … }`). Returns `path:line: id` strings.
 */
export function literalRuleIds(knownIds = new Set()) {
  const found = [];
  for (const path of sourceFiles()) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const where = (node) => `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'ruleId' && ts.isStringLiteralLike(node.initializer)) {
        found.push(`${where(node)}: ${node.initializer.text}`);
      }
      if (ts.isCallExpression(node) && /(^|\.)report$/.test(node.expression.getText(source))) {
        const rule = node.arguments[3];
        if (rule && ts.isStringLiteralLike(rule) && !knownIds.has(rule.text)) found.push(`${where(node)}: ${rule.text}`);
      }
      if (ts.isStringLiteralLike(node) && knownIds.has(node.text) && !definesRule(node, source)) found.push(`${where(node)}: ${node.text}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Whether a string literal is the id of the catalogue entry being defined: `rule('x', …)` or `{ id: 'x' }`. */
function definesRule(node, source) {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node && /(^|\.)rule$/.test(parent.expression.getText(source))) return true;
  return ts.isPropertyAssignment(parent) && parent.initializer === node && parent.name.getText(source) === 'id';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const entries = await collectRules();
  const conflicts = conflictingRules(entries);
  if (conflicts.length > 0) {
    for (const list of conflicts)
      console.error(`rules: ${list[0].rule.id} is defined differently in ${list.map((e) => e.package).join(', ')}`);
    process.exit(1);
  }
  const text = renderRulesDoc(entries, await collectTextRules());
  if (process.argv.includes('--check')) {
    const current = readFileSync(rulesDocPath, 'utf8');
    if (current !== text) {
      console.error('rules: docs/rules.md is out of date; run npm run docs:rules');
      process.exit(1);
    }
    console.log(`rules: docs/rules.md lists ${new Set(entries.map((e) => e.rule.id)).size} rules`);
  } else {
    writeFileSync(rulesDocPath, text);
    console.log(`rules: wrote docs/rules.md (${new Set(entries.map((e) => e.rule.id)).size} rules)`);
  }
}
