import { readFileSync } from 'node:fs';
import { type ConvertResult, convert, formatMessage } from '@syndikit/core';
import { fixtureRoot } from '@syndikit/testkit';
import { type WireTextOptions, wireTextIngester } from '@syndikit/wire';
import { VFile } from 'vfile';

/** Convert one fixture from fixtures/articles/wire. */
export function convertWireFixture(name: string, options: WireTextOptions = {}) {
  const path = `${fixtureRoot}/wire/${name}`;
  return convertWire(readFileSync(path), name, options, path);
}

/** Convert wire input, returning the article and every message as `name:line:col: severity reason [rule]`. */
export async function convertWire(
  value: string | Uint8Array,
  name: string,
  options: WireTextOptions = {},
  path = `/wire/${name}`,
): Promise<ConvertResult & { messages: string[] }> {
  const file = new VFile({ path, value });
  const result = await convert(file, { root: path.slice(0, path.lastIndexOf('/')), ingesters: [wireTextIngester(options)] });
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
