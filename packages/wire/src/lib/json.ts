import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Point } from 'unist';

/** A JSON document with the place of every value, for located messages. */
export interface LocatedJson {
  value: unknown;
  root: JsonNode;
  /** The place of an offset in the text. */
  pointAt(offset: number): Point;
}

/**
 * How deeply a JSON text nests, scanned without parsing (strings and
 * escapes respected), so that a 10,000-deep document is rejected before a
 * recursive parser sees it. Hand-written: JSON parsers do not bound depth.
 *
 * @returns the depth reached and the offset where it first exceeds `limit`.
 */
export function jsonDepth(text: string, limit: number): { depth: number; offset: number | undefined } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92)
        index++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
      continue;
    }
    if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > limit) return { depth, offset: index };
    } else if (char === 125 || char === 93) depth--;
  }
  return { depth: deepest, offset: undefined };
}

/**
 * Parse JSON strictly (no comments, no trailing commas) keeping positions,
 * with jsonc-parser.
 *
 * @returns the document, or the syntax errors with their places.
 */
export function parseLocatedJson(text: string): LocatedJson | { errors: Array<{ message: string; point: Point }> } {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  const pointAt = (offset: number): Point => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    return {
      errors: errors.map((error) => ({ message: `JSON syntax: ${printParseErrorCode(error.error)}`, point: pointAt(error.offset) })),
    };
  }
  return { value: JSON.parse(text), root, pointAt };
}
