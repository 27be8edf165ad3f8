import type { Limits } from '@syndikit/core';
import { rules as coreRules, report } from '@syndikit/core';
import type { VFile } from 'vfile';
import { markdownRules } from './rules.js';

/**
 * Check Markdown source for nesting that would make the parser slow or
 * overflow the stack, before it is parsed.
 *
 * micromark and mdast-util-from-markdown take time quadratic in blockquote
 * depth, list depth and the number of emphasis delimiters in an inline run
 * (a paragraph, or one list item's), and
 * recurse once per level: 100,000 `>` take over a minute and then overflow.
 * Every node then costs memory in each output's tree (kilobytes per table
 * cell), so the markup of the whole document is bounded too
 * (`limits.maxMarkup`, outside front matter); and each container that
 * closes makes micromark copy the document's list of events, so the
 * number of blockquote markers and list items is bounded
 * (`limits.maxContainers`). No parser option bounds
 * this, so it is checked on the text, line by line, in one pass.
 *
 * @returns whether the text is safe to parse; otherwise an error is reported
 *   on `file` with the line and column where the limit is crossed.
 */
export function checkMarkdownSource(file: VFile, text: string, limits: Limits, lineOffset = 0): boolean {
  const lines = text.split('\n');
  const scan: SourceScan = { file, limits, delimiters: 0, blockStart: 0, inList: false, inBlock: false, markup: 0, containers: 0 };
  const bodyStart = frontMatterEnd(lines);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1 + lineOffset;
    const inBody = index >= bodyStart;
    if (!checkContainerPrefix(scan, line, lineNumber, inBody)) return false;
    if (line.trim() === '') {
      // A blank line ends the block: emphasis delimiters are counted per block.
      scan.delimiters = 0;
      scan.blockStart = lineNumber;
      scan.inList = false;
      scan.inBlock = false;
      continue;
    }
    if (inBody && !checkAutolinks(scan, line, lineNumber)) return false;
    if (!checkInlineMarks(scan, line, lineNumber, inBody)) return false;
    scan.inBlock = true;
  }
  return true;
}

/** The counts carried from line to line in one pass over the source. */
interface SourceScan {
  readonly file: VFile;
  readonly limits: Limits;
  /** Emphasis and link delimiters in the current block. */
  delimiters: number;
  /** The line number of the blank line before the current block (or of the line before the current list item). */
  blockStart: number;
  /** Whether the current block is in a list (it began with, or has reset at, a list item). */
  inList: boolean;
  /** Whether a line of the current block has been read (false at the start and after a blank line). */
  inBlock: boolean;
  /** Markup characters outside front matter. */
  markup: number;
  /** Blockquote markers and list items outside front matter. */
  containers: number;
}

/**
 * The container prefix: blockquote markers (`>`), list markers (`-`, `+`,
 * `*`, `1.`, `1)` before a space; several can open on one line) and
 * indentation. False after reporting the limit it crosses.
 */
function checkContainerPrefix(scan: SourceScan, line: string, lineNumber: number, inBody: boolean): boolean {
  const { file, limits } = scan;
  let quotes = 0;
  let column = 0;
  let indent = 0;
  // Columns of white space since the last blockquote or list marker.
  let run = 0;
  const firstLine = !scan.inBlock;
  while (column < line.length) {
    const char = line[column];
    if (char === '>') {
      quotes++;
      run = 0;
      if (inBody && ++scan.containers > limits.maxContainers) return tooManyContainers(file, limits, lineNumber, column + 1);
    } else if (char === ' ') {
      indent++;
      run++;
    } else if (char === '\t') {
      indent += 4;
      run += 4;
    } else {
      const marker = inBody ? listMarker.exec(line.slice(column, column + 12)) : null;
      if (!marker) break;
      if (++scan.containers > limits.maxContainers) return tooManyContainers(file, limits, lineNumber, column + 1);
      if (++scan.markup > limits.maxMarkup) return tooMuchMarkup(file, limits, lineNumber, column + 1);
      startListItem(scan, marker, run, firstLine || column + marker[0].length === line.length ? 'first' : 'later', lineNumber);
      column += marker[0].length;
      run = 0;
      continue;
    }
    column++;
    if (quotes > limits.maxDepth) {
      report(file, 'error', `Blockquotes are nested more than ${limits.maxDepth} deep`, coreRules.nestingTooDeep, {
        line: lineNumber,
        column,
      });
      return false;
    }
  }
  if (indent / 2 > limits.maxDepth * 2) {
    report(file, 'error', `Line is indented ${indent} columns, deeper than ${limits.maxDepth * 4} allows`, coreRules.nestingTooDeep, {
      line: lineNumber,
      column: 1,
    });
    return false;
  }
  return true;
}

/**
 * micromark resolves emphasis and links once per inline run (a paragraph,
 * a heading, a list item's paragraph), not once per list: each item of a
 * tight list (a changelog's hundreds of lines without a blank between
 * them) starts its own count. Only a marker that surely opens an item
 * resets it: one indented less than 4 columns (deeper, it may continue
 * the paragraph above), with text after it, and a bullet or `1.` (which
 * can interrupt a paragraph) or any number when the block is already a
 * list (`2.` after a paragraph outside a list continues that paragraph).
 */
function startListItem(scan: SourceScan, marker: RegExpExecArray, run: number, place: 'first' | 'later', lineNumber: number): void {
  if (place === 'first') {
    // The block's first line (nothing to reset yet) or an empty item (which opens no paragraph).
    if (!scan.inBlock) scan.inList = true;
    return;
  }
  const sign = marker[0].trimEnd();
  const interrupts = sign.length === 1 || /^0*1[.)]$/.test(sign);
  if (run < 4 && (interrupts || scan.inList)) {
    scan.delimiters = 0;
    scan.blockStart = lineNumber - 1;
    scan.inList = true;
  }
}

/** Bare URLs and e-mail addresses become links (GFM autolink literals) without any mark: each counts as markup. */
function checkAutolinks(scan: SourceScan, line: string, lineNumber: number): boolean {
  autolink.lastIndex = 0;
  for (let match = autolink.exec(line); match; match = autolink.exec(line)) {
    if (++scan.markup > scan.limits.maxMarkup) return tooMuchMarkup(scan.file, scan.limits, lineNumber, match.index + 1);
  }
  return true;
}

/** Markup characters (in the body) and emphasis or link delimiters (per block, front matter included). */
function checkInlineMarks(scan: SourceScan, line: string, lineNumber: number, inBody: boolean): boolean {
  const { file, limits } = scan;
  for (let position = 0; position < line.length; position++) {
    const char = line.charCodeAt(position);
    // * _ ~ [ ] | > < `
    if (
      inBody &&
      (char === 42 ||
        char === 95 ||
        char === 126 ||
        char === 91 ||
        char === 93 ||
        char === 124 ||
        char === 62 ||
        char === 60 ||
        char === 96)
    ) {
      scan.markup++;
      if (scan.markup > limits.maxMarkup) return tooMuchMarkup(file, limits, lineNumber, position + 1);
    }
    // * _ ~ [ ]
    if (char === 42 || char === 95 || char === 126 || char === 91 || char === 93) {
      scan.delimiters++;
      if (scan.delimiters > limits.maxDelimiters) {
        report(
          file,
          'error',
          `Block starting on line ${scan.blockStart + 1} has more than ${limits.maxDelimiters} emphasis or link delimiters`,
          markdownRules.delimitersTooMany,
          { line: lineNumber, column: position + 1 },
        );
        return false;
      }
    }
  }
  return true;
}

/** A list marker and the white space after it (a marker alone at the end of a line opens an empty item). */
const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
/** Where a GFM autolink literal can start. */
const autolink = /https?:\/\/|www\.|@/gi;

function tooManyContainers(file: VFile, limits: Limits, line: number, column: number): false {
  report(file, 'error', `Document has more than ${limits.maxContainers} blockquote markers and list items`, markdownRules.markupTooMuch, {
    line,
    column,
  });
  return false;
}

function tooMuchMarkup(file: VFile, limits: Limits, line: number, column: number): false {
  report(file, 'error', `Document has more than ${limits.maxMarkup} Markdown markup characters`, markdownRules.markupTooMuch, {
    line,
    column,
  });
  return false;
}

/** Index of the first line after YAML front matter (`---` … `---` or `...`), or 0 when there is none. */
function frontMatterEnd(lines: readonly string[]): number {
  // Blank lines may come before the fence; `+++` is TOML (Hugo, Zola).
  let first = 0;
  while (first < lines.length && (lines[first] ?? '').trim() === '') first++;
  const fence = /^(---|\+\+\+)[ \t]*\r?$/.exec(lines[first] ?? '')?.[1];
  if (!fence) return 0;
  const closing = fence === '+++' ? /^\+\+\+[ \t]*\r?$/ : /^(?:---|\.\.\.)[ \t]*\r?$/;
  for (let index = first + 1; index < lines.length; index++) {
    if (closing.test(lines[index] ?? '')) return index + 1;
  }
  return 0;
}
