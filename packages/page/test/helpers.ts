import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Article, type ConvertResult, convert, formatMessage } from '@syndikit/core';
import { type PageIngestOptions, pageIngester } from '@syndikit/page';
import type { RootContent } from 'mdast';
import { VFile } from 'vfile';

/** fixtures/pages: our own pages, modelled on real news page structure. */
export const pagesRoot = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url)).replace(/\/$/, '');

export function readPage(name: string): string {
  return readFileSync(`${pagesRoot}/${name}`, 'utf8');
}

/** Convert one page through the core pipeline with only the page ingester. */
export async function convertPage(
  name: string,
  value: string | Uint8Array = readPage(name),
  options?: PageIngestOptions,
): Promise<ConvertResult & { article: Article | undefined; messages: string[]; blocks: string[] }> {
  const file = new VFile({ path: `${pagesRoot}/${name}`, value });
  const result = await convert(file, { root: pagesRoot, ingesters: [pageIngester(options)] });
  const article = result.articles[0];
  return {
    ...result,
    article,
    messages: file.messages.map((message) => formatMessage(message, name)),
    blocks: (article?.body.children ?? []).map(textOf),
  };
}

/** Plain text of an mdast node. */
export function textOf(node: RootContent | object): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(textOf).join('');
  return '';
}
