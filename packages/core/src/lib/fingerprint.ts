import { createHash } from 'node:crypto';

/**
 * A short, stable hash of any value made of JSON data, functions, regular
 * expressions, dates and bytes: object keys are sorted, functions and
 * regular expressions count by their source text. For cache keys of
 * resolved options (written by hand: `JSON.stringify` drops functions and
 * would let two different configurations share a key).
 */
export function fingerprint(value: unknown): string {
  const hash = createHash('sha256');
  addToHash(hash, value, new Set());
  return hash.digest('hex').slice(0, 32);
}

/** Add `value` to `hash`, in a form that tells every two different values apart (`seen`: objects on the way down, for cycles). */
function addToHash(hash: ReturnType<typeof createHash>, value: unknown, seen: Set<object>): void {
  if (value === undefined) return void hash.update('u;');
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return void hash.update(`${JSON.stringify(value)};`);
  }
  if (typeof value === 'bigint') return void hash.update(`n${value};`);
  if (typeof value === 'function' || typeof value === 'symbol') return void hash.update(`f${value.toString()};`);
  if (value instanceof RegExp) return void hash.update(`r${String(value)};`);
  if (value instanceof Date) return void hash.update(`d${value.toISOString()};`);
  if (value instanceof Uint8Array) return void hash.update(`b${value.byteLength}:`).update(value);
  const object = value as Record<string, unknown>;
  if (seen.has(object)) return void hash.update('c;');
  seen.add(object);
  if (Array.isArray(object)) {
    hash.update('[');
    for (const item of object) addToHash(hash, item, seen);
    hash.update(']');
  } else {
    hash.update('{');
    for (const key of Object.keys(object).sort()) {
      hash.update(`${JSON.stringify(key)}:`);
      addToHash(hash, object[key], seen);
    }
    hash.update('}');
  }
  seen.delete(object);
}

/**
 * The `cacheKey` of a built-in adapter: its name, its package's version and
 * a fingerprint of its resolved options.
 */
export function adapterCacheKey(name: string, version: string, options: unknown): string {
  return `${name}@${version}#${fingerprint(options)}`;
}
