import { readFileSync } from 'node:fs';
import { convertWith, fixtureRoot } from '@syndikit/testkit';
import { type WireTextOptions, wireTextIngester } from '@syndikit/wire';

export { blocks, figures } from '@syndikit/testkit';

/** Convert one fixture from fixtures/articles/wire. */
export function convertWireFixture(name: string, options: WireTextOptions = {}) {
  const path = `${fixtureRoot}/wire/${name}`;
  return convertWire(readFileSync(path), name, options, path);
}

/** Convert wire input, returning the article and every message as `name:line:col: severity reason [rule]`. */
export async function convertWire(value: string | Uint8Array, name: string, options: WireTextOptions = {}, path = `/wire/${name}`) {
  return convertWith(wireTextIngester(options), value, name, path);
}
