import type { Article } from '@syndikit/core';
import { hasFile } from '@syndikit/core';
import type { MarkdownOptions } from './adapter.js';
import { bodyToMarkdown, defaultMarkdownStyle, type MarkdownStyle } from './body.js';
import { frontMatterBlock, frontMatterData } from './front-matter.js';

/**
 * An article as clean Markdown: YAML front matter (canonical keys, fixed
 * order) and the body through remark-stringify. Reading the output back
 * with the Markdown ingester gives an equal article.
 */
export function articleToMarkdown(article: Readonly<Article>, options?: Readonly<MarkdownOptions> | null): string {
  return markdownWriter(options)(article);
}

/** {@link articleToMarkdown} with the options resolved once, for many articles (the style object keys the processor). */
export function markdownWriter(options?: Readonly<MarkdownOptions> | null): (article: Readonly<Article>) => string {
  const style = { ...defaultMarkdownStyle, ...(options?.style ?? {}) };
  return (article) => writeArticle(article, style, options);
}

function writeArticle(article: Readonly<Article>, style: Readonly<MarkdownStyle>, options?: Readonly<MarkdownOptions> | null): string {
  const bodyImages = new Set(article.body.children.flatMap((node) => (node.type === 'figure' && hasFile(node) ? [node.url] : [])));
  const head = options?.frontMatter === false ? '' : frontMatterBlock(frontMatterData(article, bodyImages));
  const body = article.body.children.length > 0 ? bodyToMarkdown(article.body, style) : '';
  return head && body ? `${head}\n${body}` : head + body;
}
