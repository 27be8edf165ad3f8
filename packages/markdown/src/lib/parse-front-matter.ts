import { report } from '@syndikit/core';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { markdownRules } from './rules.js';

/** Front matter as plain data, with the place of each top-level field. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /**
   * Where the value of a top-level key (or of a path into it, such as
   * `['authors', 1, 'url']`) starts in the file; the key's place when the
   * path is not found, the block start when the key is not.
   */
  placeOf(key: string | ReadonlyArray<string | number>): Point;
}

/** YAML aliases allowed in one front matter block; a billion-laughs document has far more. */
const maxAliasCount = 50;

/**
 * Parse a YAML front matter block with the `yaml` package's core schema (no
 * custom tags, no timestamps, nothing executed) and report problems at their
 * place in the file.
 *
 * @param value the text between the fences
 * @param start where that text starts in the file
 * @returns the data, or `undefined` after reporting an error on `file`
 */
export function parseFrontMatter(file: VFile, value: string, start: Point): FrontMatter | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter });
  const toFile = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: start.line + line - 1, column: line === 1 ? start.column + col - 1 : col };
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      report(file, 'error', `Front matter: ${firstLine(error.message)}`, markdownRules.frontMatterSyntax, toFile(error.pos[0]));
    }
    return undefined;
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    report(file, 'error', `Front matter expands more than ${maxAliasCount} aliases`, markdownRules.frontMatterAlias, start, error);
    return undefined;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'error', `Front matter must be a mapping of fields, not ${describe(data)}`, markdownRules.frontMatterShape, start);
    return undefined;
  }

  const places = new Map<string, Point>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const node = (pair.value ?? pair.key) as YamlNode | null;
      if (key !== undefined && node?.range) places.set(key, toFile(node.range[0]));
    }
  }
  const placeOf = (path: string | ReadonlyArray<string | number>): Point => {
    if (typeof path === 'string') return places.get(path) ?? start;
    const node = path.length > 1 ? (doc.getIn(path, true) as YamlNode | undefined) : undefined;
    if (node && typeof node === 'object' && node.range) return toFile(node.range[0]);
    return places.get(String(path[0])) ?? start;
  };
  return { data: data as Record<string, unknown>, placeOf };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Describe a value for an error message: its JSON form (cut short) and type. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value) ?? String(value);
  return `${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown} of type ${typeof value}`;
}
