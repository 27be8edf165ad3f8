import { report } from '@syndikit/core';
import { CORE_SCHEMA, load as loadLenient } from 'js-yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
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
    const [first] = doc.errors;
    const lenient = lenientYaml(file, value, start);
    if (lenient && first) {
      const reason = `Front matter is not strict YAML (${firstLine(first.message)}) but was read as the generators' YAML readers read it`;
      report(file, 'warning', reason, markdownRules.frontMatterLenient, toFile(first.pos[0]));
      return lenient;
    }
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
  const mapping = asMapping(file, data, start);
  if (!mapping) return undefined;

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
  return { data: mapping, placeOf };
}

/**
 * Front matter that the `yaml` package refuses but the generators' own
 * readers take — js-yaml (through gray-matter: Eleventy, Docusaurus, Astro)
 * and Go's yaml (Hugo) — such as a quoted value continued on an unindented
 * line: read with js-yaml's core schema (no timestamps, no custom tags).
 * Never for a block with anchors or aliases (js-yaml has no alias limit).
 * Places are those of the top-level keys' lines. `undefined` when js-yaml
 * refuses it too or it is not a mapping.
 */
function lenientYaml(file: VFile, value: string, start: Point): FrontMatter | undefined {
  if (/(?:^|[\s[{,:-])[&*][^\s]/m.test(value)) return undefined;
  let data: unknown;
  try {
    data = loadLenient(value, { schema: CORE_SCHEMA, filename: file.path ?? '' });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const places = new Map<string, Point>();
  for (const [index, line] of value.split(/\r?\n/).entries()) {
    const key = /^(["']?)([^\s"':#][^"':]*?)\1\s*:(?:\s|$)/.exec(line);
    if (key?.[2] && !places.has(key[2])) places.set(key[2], { line: start.line + index, column: index === 0 ? start.column : 1 });
  }
  return {
    data: data as Record<string, unknown>,
    placeOf: (path) => places.get(typeof path === 'string' ? path : String(path[0])) ?? start,
  };
}

/** A mapping, or a shape error reported at `start`. */
function asMapping(file: VFile, data: unknown, start: Point): Record<string, unknown> | undefined {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'error', `Front matter must be a mapping of fields, not ${describe(data)}`, markdownRules.frontMatterShape, start);
    return undefined;
  }
  return data as Record<string, unknown>;
}

/**
 * TOML and JSON values as YAML's core schema gives them: TOML dates become
 * their text (`2016-04-19`, `2024-01-02T10:00:00Z`), read later like any date string.
 */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  return value;
}

/** Places of top-level keys in a TOML or JSON block, found by the line that sets them. */
function keyPlaces(value: string, start: Point, format: 'toml' | 'json'): (path: string | ReadonlyArray<string | number>) => Point {
  const places = new Map<string, Point>();
  const pattern = format === 'toml' ? /^[ \t]*("?)([A-Za-z0-9_.-]+)\1[ \t]*=/ : /^[ \t]*"([^"]+)"[ \t]*:/;
  let table = false;
  for (const [index, line] of value.split('\n').entries()) {
    // TOML keys after a `[table]` header belong to that table, not to the top level.
    if (format === 'toml' && /^[ \t]*\[/.test(line)) table = true;
    const match = table ? null : pattern.exec(line);
    const key = match?.[format === 'toml' ? 2 : 1];
    if (key !== undefined && !places.has(key)) places.set(key, { line: start.line + index, column: (match?.[0].length ?? 0) + 1 });
  }
  return (path) => places.get(typeof path === 'string' ? path : String(path[0])) ?? start;
}

/**
 * Parse a TOML (`+++`, Hugo and Zola) or JSON (Hugo) front matter block
 * into plain data, reporting syntax errors at their place in the file.
 */
export function parseDataFrontMatter(file: VFile, value: string, start: Point, format: 'toml' | 'json'): FrontMatter | undefined {
  let data: unknown;
  try {
    data = format === 'toml' ? parseToml(value) : JSON.parse(value);
  } catch (error) {
    let place = start;
    if (error instanceof TomlError) place = { line: start.line + error.line - 1, column: error.column };
    else {
      const offset = /position (\d+)/.exec((error as Error).message)?.[1];
      if (offset !== undefined) {
        const before = value.slice(0, Number(offset)).split('\n');
        place = { line: start.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
      }
    }
    const name = format === 'toml' ? 'TOML' : 'JSON';
    report(file, 'error', `Front matter (${name}): ${firstLine((error as Error).message)}`, markdownRules.frontMatterSyntax, place);
    return undefined;
  }
  const mapping = asMapping(file, plain(data), start);
  return mapping ? { data: mapping, placeOf: keyPlaces(value, start, format) } : undefined;
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
