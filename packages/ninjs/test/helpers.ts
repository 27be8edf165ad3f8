import { readFileSync } from 'node:fs';
import { type ConvertResult, convert, formatMessage } from '@syndikit/core';
import { type NinjsIngestOptions, ninjsIngester } from '@syndikit/ninjs';
import { fixtureRoot } from '@syndikit/testkit';
import { VFile } from 'vfile';

/** Read one ninjs fixture from fixtures/articles/wire. */
export function convertNinjsFixture(name: string, options: NinjsIngestOptions = {}) {
  const path = `${fixtureRoot}/wire/${name}`;
  return convertNinjs(readFileSync(path), name, options, path);
}

/** Read ninjs with the ninjs ingester, returning the article and every message as `name:line:col: severity reason [rule]`. */
export async function convertNinjs(
  value: string | Uint8Array,
  name: string,
  options: NinjsIngestOptions = {},
  path = `/wire/${name}`,
): Promise<ConvertResult & { messages: string[] }> {
  const file = new VFile({ path, value });
  const result = await convert(file, { root: path.slice(0, path.lastIndexOf('/')), ingesters: [ninjsIngester(options)] });
  return { ...result, messages: file.messages.map((message) => formatMessage(message, name)) };
}

/** Text of every block of the body. */
export function blocks(result: ConvertResult): string[] {
  return (result.articles[0]?.body.children ?? []).map((node) => textOf(node));
}

function textOf(node: object): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(textOf).join('');
  return '';
}
