import { normalizeEncoding } from '@exodus/bytes/encoding-lite.js';
import type { Rule } from '@syndikit/core';
import { report } from '@syndikit/core';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { xmlRules } from './rules.js';
import { scanXml } from './scan.js';

/** Options for {@link parseSafeXml}. */
export interface SafeXmlOptions {
  /** Deepest element nesting accepted, checked before parsing. Default `256`. */
  maxDepth?: number | null;
  /** Longest text accepted, in UTF-16 code units. Default `33554432` (32 Mi). */
  maxLength?: number | null;
  /**
   * The encoding the text was decoded from, a label of the WHATWG Encoding
   * Standard (the pipeline's `file.data.encoding`). Default `utf-8`. An XML
   * declaration naming another encoding is a warning
   * (`xml-encoding-declaration`).
   */
  encoding?: string | null;
}

/** The defaults of {@link SafeXmlOptions}. */
export const defaultSafeXmlOptions = Object.freeze({ maxDepth: 256, maxLength: 32 * 1024 * 1024 });

/** A problem found while reading XML, with its place in the text. */
export interface XmlProblem {
  reason: string;
  rule: Rule;
  severity: 'error' | 'warning' | 'info';
  place: Point;
}

/** What {@link parseSafeXml} gives: a tree when the text could be read, and every problem found. */
export interface SafeXmlResult {
  tree: Root | undefined;
  problems: XmlProblem[];
}

/**
 * Parse untrusted XML into a positioned xast tree.
 *
 * Safe by construction: nothing is ever fetched or loaded (the parser,
 * `@rgrove/parse-xml` under `xast-util-from-xml`, has no DTD processing at
 * all), DTDs that declare entities are refused before parsing, only the
 * five predefined entities and character references are expanded, and
 * length and depth are bounded before the (recursive) tree is built.
 * Problems are returned, never thrown; every one has a line and column.
 *
 * @param text The document, already decoded (the pipeline decodes UTF-8 strictly).
 * @param [options.maxDepth=256] Deepest nesting accepted.
 * @param [options.maxLength=33554432] Longest text accepted.
 * @param [options.encoding='utf-8'] The encoding the text was decoded from.
 * @example
 *   const { tree, problems } = parseSafeXml('<newsItem/>')
 */
export function parseSafeXml(text: string, options?: Readonly<SafeXmlOptions> | null): SafeXmlResult {
  if (typeof text !== 'string') throw new TypeError(`Expected a string of XML but received ${typeof text}`);
  const maxDepth = checkLimit('maxDepth', options?.maxDepth ?? defaultSafeXmlOptions.maxDepth);
  const maxLength = checkLimit('maxLength', options?.maxLength ?? defaultSafeXmlOptions.maxLength);
  const problems: XmlProblem[] = [];
  const start: Point = { line: 1, column: 1 };
  if (text.length > maxLength) {
    problems.push({
      reason: `The XML is ${text.length} characters long, more than the limit of ${maxLength}`,
      rule: xmlRules.tooLarge,
      severity: 'error',
      place: start,
    });
    return { tree: undefined, problems };
  }
  const place = location(text);
  const at = (offset: number): Point => place.toPoint(Math.min(offset, text.length)) ?? start;

  const scan = scanXml(text, maxDepth);
  if (scan.tooDeepAt !== undefined) {
    problems.push({
      reason: `Elements nest more than ${maxDepth} levels deep`,
      rule: xmlRules.tooDeep,
      severity: 'error',
      place: at(scan.tooDeepAt),
    });
    return { tree: undefined, problems };
  }
  if (scan.entityAt !== undefined) {
    problems.push({
      reason: 'The DOCTYPE declares entities; they are refused, never expanded (they can read local files or fill memory)',
      rule: xmlRules.entityDeclaration,
      severity: 'error',
      place: at(scan.entityAt),
    });
    return { tree: undefined, problems };
  }
  if (scan.externalDtdAt !== undefined) {
    problems.push({
      reason: 'The DOCTYPE names an external DTD; it is not loaded',
      rule: xmlRules.externalDtd,
      severity: 'info',
      place: at(scan.externalDtdAt),
    });
  }
  const declared = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(text);
  // The pipeline decodes in the declared encoding (`sniffXmlEncoding`): they disagree after a byte order
  // mark that says otherwise, for a declared UTF-16 in bytes that are not, for valid UTF-8 declared as
  // another encoding (read as UTF-8), and for text given as a string, taken as UTF-8.
  const used = normalizeEncoding(options?.encoding ?? 'utf-8') ?? options?.encoding;
  if (declared?.[2] !== undefined && utf16AsOne(normalizeEncoding(declared[2])) !== utf16AsOne(used)) {
    problems.push({
      reason:
        used === 'utf-8'
          ? `The XML declaration says encoding "${declared[2]}", but the file is valid UTF-8 and is read as UTF-8`
          : `The XML declaration says encoding "${declared[2]}", but its first bytes say ${used} (a byte order mark, or UTF-16 without one) and it is read as ${used}`,
      rule: xmlRules.encodingDeclaration,
      severity: 'warning',
      place: at(declared.index + declared[0].length - declared[2].length - 1),
    });
  }

  let tree: Root;
  try {
    tree = fromXml(text);
  } catch (error) {
    problems.push(parseProblem(error, text, scan.open, at));
    return { tree: undefined, problems };
  }
  if (!tree.children.some((child) => child.type === 'element')) {
    problems.push({ reason: 'The file has no root element', rule: xmlRules.empty, severity: 'error', place: start });
    return { tree: undefined, problems };
  }
  return { tree, problems };
}

/** A declared `UTF-16` means either byte order (the byte order mark says which); the standard's label means LE. */
function utf16AsOne(encoding: string | null | undefined): string | null | undefined {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-16' : encoding;
}

function checkLimit(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new TypeError(`Expected positive integer for ${name} but received ${String(value)} of type ${typeof value}`);
}

/** The parser's error as a problem: truncation and entities get rules of their own. */
function parseProblem(
  error: unknown,
  text: string,
  open: Array<{ name: string; offset: number }>,
  at: (offset: number) => Point,
): XmlProblem {
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? cause : error instanceof Error ? error : new Error(String(error));
  const reason = (detail.message.split('\n')[0] ?? '').replace(/\s*\(line \d+, column \d+\)$/, '');
  const pos = (cause as { pos?: unknown } | undefined)?.pos;
  const offset = typeof pos === 'number' ? pos : 0;
  if (detail instanceof RangeError) {
    return { reason: 'Elements nest too deeply to read', rule: xmlRules.tooDeep, severity: 'error', place: at(0) };
  }
  // Elements still open when the text runs out: the file was cut off, which is what an editor needs to hear.
  const innermost = open.at(-1);
  if (innermost && (/^(Missing end tag|Unclosed|Unexpected end)/i.test(reason) || offset >= text.trimEnd().length - 1)) {
    const opened = at(innermost.offset);
    return {
      reason: `The XML ends before <${innermost.name}> (opened at ${opened.line}:${opened.column}) is closed: the file looks truncated`,
      rule: xmlRules.truncated,
      severity: 'error',
      place: at(text.length),
    };
  }
  if (/entity/i.test(reason))
    return {
      reason: `${reason}: only the five XML entities are expanded`,
      rule: xmlRules.undefinedEntity,
      severity: 'error',
      place: at(offset),
    };
  return { reason: reason || 'The XML is not well-formed', rule: xmlRules.syntax, severity: 'error', place: at(offset) };
}

/** Report each problem on `file` as a positioned message with its rule id. */
export function reportXmlProblems(file: VFile, problems: readonly XmlProblem[]): void {
  for (const problem of problems) report(file, problem.severity, problem.reason, problem.rule, problem.place);
}
