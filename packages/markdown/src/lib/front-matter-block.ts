import type { Point } from 'unist';

/**
 * Front matter as the site generators write it, found at the top of a file:
 * YAML between `---` lines (every generator), TOML between `+++` lines
 * (Hugo, Zola), or a JSON object (Hugo). Blank lines may come before the
 * fence (the byte order mark is already gone: core decodes without it).
 * `---js` / `---javascript` (Eleventy) is code, not data: it is found so it
 * can be refused by name, and never run.
 */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'executable';

/** A front matter block and the body after it. */
export interface FrontMatterBlock {
  format: FrontMatterFormat;
  /** The text of the block, without its fences. */
  value: string;
  /** Where that text starts in the file. */
  start: Point;
  /** The file with the block (and the blank lines before it) blanked out line for line, so body positions stay true. */
  body: string;
}

/** What {@link findFrontMatter} reports when a block opens and never closes. */
export interface UnclosedFrontMatter {
  unclosed: Exclude<FrontMatterFormat, 'executable'>;
  fence: string;
}

const opening = /^(?:[ \t]*\r?\n)*(---|\+\+\+)([ \t]*|(?:js|javascript|node)[ \t]*)\r?\n/;

/** Blank every character of `text` that is not a line break, so lines and the rest of the file keep their places. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, '');
}

/** The line (1-based) at which offset `index` of `text` lies. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * The end (exclusive) of a JSON object starting at `from`: brackets counted
 * outside strings. `-1` when it never closes.
 */
function jsonObjectEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

function jsonBlock(text: string): FrontMatterBlock | UnclosedFrontMatter | undefined {
  const lead = /^(?:[ \t]*\r?\n)*\{[ \t]*\r?\n/.exec(text);
  if (!lead) return undefined;
  const from = lead[0].lastIndexOf('{');
  const end = jsonObjectEnd(text, from);
  if (end === -1) return { unclosed: 'json', fence: '}' };
  // The object must end its line: `{…}` followed by Markdown on the same line is not front matter.
  const rest = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  if (!rest) return undefined;
  const stop = end + rest[0].length;
  return {
    format: 'json',
    value: text.slice(from, end),
    start: { line: lineAt(text, from), column: 1 },
    body: blank(text.slice(0, stop)) + text.slice(stop),
  };
}

/**
 * Find the front matter at the top of `text`.
 *
 * @returns the block, `{ unclosed }` for a fence that never closes, or
 *   `undefined` when the file has none
 */
export function findFrontMatter(text: string): FrontMatterBlock | UnclosedFrontMatter | undefined {
  const open = opening.exec(text);
  if (!open) return jsonBlock(text);
  const fence = open[1] as '---' | '+++';
  const executable = (open[2] ?? '').trim() !== '';
  const valueStart = open[0].length;
  const closing = new RegExp(`^${fence === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const match = closing.exec(text.slice(valueStart));
  const format: FrontMatterFormat = executable ? 'executable' : fence === '---' ? 'yaml' : 'toml';
  if (!match) return format === 'executable' ? undefined : { unclosed: format, fence };
  const valueEnd = valueStart + match.index;
  let stop = valueEnd + match[0].length;
  if (text[stop] === '\r') stop++;
  if (text[stop] === '\n') stop++;
  return {
    format,
    value: text.slice(valueStart, valueEnd),
    start: { line: lineAt(text, valueStart), column: 1 },
    body: blank(text.slice(0, stop)) + text.slice(stop),
  };
}
