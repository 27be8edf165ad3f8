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

/** Six paragraphs of an invented story (a council, a ferry, a harbour): a body Readability keeps as the article. */
export const story = Array.from(
  { length: 6 },
  (_, index) =>
    `<p>Paragraph ${index} of the invented story says what the council of Lowmoor decided about the ferry, the harbour and the budget, in words of its own.</p>`,
).join('');

/** A whole page around `head` and `body`, in English, UTF-8. */
export function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** A JSON-LD script element holding `value`. */
export function ld(value: object): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}
