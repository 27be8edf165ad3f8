import { readFileSync } from 'node:fs';
import { type NinjsIngestOptions, ninjsIngester } from '@syndikit/ninjs';
import { convertWith, fixtureRoot } from '@syndikit/testkit';

export { blocks } from '@syndikit/testkit';

/** Read one ninjs fixture from fixtures/articles/wire. */
export function convertNinjsFixture(name: string, options: NinjsIngestOptions = {}) {
  const path = `${fixtureRoot}/wire/${name}`;
  return convertNinjs(readFileSync(path), name, options, path);
}

/** Read ninjs with the ninjs ingester, returning the article and every message as `name:line:col: severity reason [rule]`. */
export async function convertNinjs(value: string | Uint8Array, name: string, options: NinjsIngestOptions = {}, path = `/wire/${name}`) {
  return convertWith(ninjsIngester(options), value, name, path);
}
