import type { ArticleFields, IngestContext, Rule } from '@syndikit/core';
import { report } from '@syndikit/core';
import type { VFile } from 'vfile';
import { parseByline } from './byline.js';
import type { CompiledRule } from './rules.js';

/**
 * The rules pass over scraped copy, in two steps. Every line a `drop` rule
 * matches is removed at once (site chrome wherever it stands). The other
 * actions wait until the story has been found, because where a line stands
 * decides what it is: a `drop-rest` line ("Trending", "Most read") above
 * the story is a menu item, after it the start of the trailer; a copyright
 * notice after the story's start is the story's, above it a photo's or the
 * site's. A line of either kind after the story's start also ends the story
 * (as do notes, credits and rules with `ends: true`, such as AP's `___`).
 */

/** A line of the copy, trimmed, with where it stands. */
export interface Line {
  text: string;
  line: number;
  column: number;
}

/** A line a rule matched whose action waits for the story. */
export interface Pending {
  /** Where it stood among the kept lines: the index of the next kept line. */
  at: number;
  line: Line;
  rule: CompiledRule;
  /** How many non-blank lines follow it in the copy. */
  rest: number;
}

/** What the first step leaves: the lines no rule matched, and the actions that wait. */
export interface RulesPass {
  kept: Line[];
  pending: Pending[];
}

/** Step one: drop chrome; keep every other matched line for {@link settleRules}. */
export function applyRules(context: IngestContext, rules: readonly CompiledRule[]): RulesPass {
  const kept: Line[] = [];
  const pending: Pending[] = [];
  const all = context.text.split(/\r\n|\r|\n/);
  const nonBlankAfter: number[] = [];
  for (let index = all.length - 1, count = 0; index >= 0; index--) {
    nonBlankAfter[index] = count;
    if ((all[index] ?? '').trim() !== '') count++;
  }
  for (let index = 0; index < all.length; index++) {
    const raw = all[index] ?? '';
    const text = raw.trim();
    if (text === '') continue;
    const line: Line = { text, line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    // The first rule that matches acts; the others are not tried.
    const rule = rules.find((candidate) => candidate.pattern.test(text));
    if (!rule) kept.push(line);
    else if (rule.action === 'drop' && !rule.ends) info(context.file, `Removed ${rule.description}: "${shorten(text)}"`, rule.id, line);
    else pending.push({ at: kept.length, line, rule, rest: nonBlankAfter[index] ?? 0 });
  }
  return { kept, pending };
}

/** Whether a matched line ends the story when it stands after the story's start. */
export function endsStory(rule: CompiledRule): boolean {
  return rule.ends ?? rule.action !== 'drop';
}

/**
 * Step two, once the story is known to start at kept line `start` (`-1`
 * when none was found): act on the waiting lines. Returns where the
 * trailer starts (an index into the kept lines), if a `drop-rest` line
 * after the story's start begins one; lines after it are not read.
 */
export function settleRules(
  file: VFile,
  pending: readonly Pending[],
  start: number,
  fields: ArticleFields,
  notes: string[],
  kept: readonly Line[] = [],
): number | undefined {
  for (const { at, line, rule, rest } of pending) {
    const { text } = line;
    const inStory = at > start;
    switch (rule.action) {
      case 'drop':
        info(file, `Removed ${rule.description}: "${shorten(text)}"`, rule.id, line);
        break;
      case 'drop-rest':
        if (!inStory) {
          info(file, `Removed ${rule.description} above the story (a menu item there, not a trailer): "${shorten(text)}"`, rule.id, line);
          break;
        }
        if (isButton(pending, kept, at, line)) {
          info(
            file,
            `Removed ${rule.description} inside the story (a button: the story goes on below it, the label comes again): "${shorten(text)}"`,
            rule.id,
            line,
          );
          break;
        }
        info(file, `Removed ${rule.description}: "${shorten(text)}" and the ${rest} line${rest === 1 ? '' : 's'} after it`, rule.id, line);
        return at;
      case 'copyright':
        readCopyright(file, rule, line, inStory, fields);
        break;
      case 'note':
        notes.push(text);
        info(file, `Kept as an editorial note, not body: "${shorten(text)}"`, rule.id, line);
        break;
      case 'credits':
        readCredits(text, fields, notes);
        info(file, `Read reporting and editing credits: "${shorten(text)}"`, rule.id, line);
        break;
    }
  }
  return undefined;
}

/** The first notice after the story's start is the story's; a later one is the site's footer, one above it a photo's or the site's. */
/**
 * A trailer's label inside the story: a long closed paragraph follows it right below, and the same label comes again
 * further down (a `Comments` button floating beside the story, then the comments block itself). The last one starts
 * the trailer.
 */
export function isButton(pending: readonly Pending[], kept: readonly Line[], at: number, line: Line): boolean {
  const next = kept[at];
  const prose = next !== undefined && next.line - line.line <= 3 && next.text.length >= 150 && /[.!?"”'’]$/u.test(next.text);
  const again = pending.some((other) => other.at > at && other.line.text.toLowerCase() === line.text.toLowerCase());
  return prose && again;
}

function readCopyright(file: VFile, rule: CompiledRule, line: Line, inStory: boolean, fields: ArticleFields): void {
  const { text } = line;
  if (!inStory) info(file, `Removed a copyright notice above the story (a photo's or the site's): "${shorten(text)}"`, rule.id, line);
  else if (fields.copyright) info(file, `Removed a second copyright notice (the site's): "${shorten(text)}"`, rule.id, line);
  else {
    fields.copyright = text;
    info(file, `Read the copyright notice: "${shorten(text)}"`, rule.id, line);
  }
}

/**
 * The roles of a credits line, as data: which credit makes an author
 * (reporting, writing) and which a contributor with a role (editors are
 * not authors).
 */
export const creditRoles: ReadonlyArray<{ pattern: RegExp; role: string }> = Object.freeze([
  { pattern: /^(?:reporting|writing|text|words)$/iu, role: 'author' },
  { pattern: /^additional reporting$/iu, role: 'additional-reporting' },
  { pattern: /^(?:editing|edited|editor)$/iu, role: 'editor' },
  { pattern: /^(?:compiled|compiling)$/iu, role: 'compiler' },
  { pattern: /^(?:graphics?|graphic design)$/iu, role: 'graphics' },
  { pattern: /^(?:photos?|photography)$/iu, role: 'photographer' },
  { pattern: /^(?:translation|translated)$/iu, role: 'translator' },
  { pattern: /^(?:fact[- ]checking|research)$/iu, role: 'researcher' },
]);

/**
 * "(Reporting by A and B; Additional reporting by C; Editing by D)":
 * reporters become authors; additional reporters and editors become
 * contributors with their role, and their parts stay notes (pages print them).
 */
export function readCredits(text: string, fields: ArticleFields, notes: string[]): void {
  for (const part of text.replace(/^\(|\)\.?$/g, '').split(/\s*;\s*/)) {
    const credit = /^(?<what>[\p{L} -]+?)\s+by\s+(?<who>.+?)\.?$/iu.exec(part)?.groups;
    // "Priya Raman in Singapore and Lukas Brenner in Hamburg": the places are not part of the names.
    const names = credit?.who
      ? parseByline(credit.who.replace(/\s+in\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)*/gu, ''))
      : undefined;
    const what = credit?.what ?? '';
    const role = creditRoles.find((entry) => entry.pattern.test(what))?.role;
    if (names && role === 'author') {
      addAuthors(fields, names.authors);
      continue;
    }
    notes.push(part.replace(/\.$/, ''));
    if (!names || !role) continue;
    fields.contributors ??= [];
    for (const { name } of names.authors) {
      if (!fields.contributors.some((known) => known.name === name && known.role === role)) fields.contributors.push({ name, role });
    }
  }
}

/** Add the authors not known yet, by name. */
export function addAuthors(fields: ArticleFields, authors: ArticleFields['authors']): void {
  fields.authors.push(...authors.filter((author) => !fields.authors.some((known) => known.name === author.name)));
}

export function info(file: VFile, reason: string, rule: Rule | string, line: Line): void {
  report(file, 'info', reason, rule, { line: line.line, column: line.column });
}

export function shorten(text: string, length = 70): string {
  return text.length > length ? `${text.slice(0, length - 3)}...` : text;
}
