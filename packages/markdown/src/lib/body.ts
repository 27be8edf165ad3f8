import type { Figure } from '@syndikit/core';
import { joinCredit } from '@syndikit/core';
import type { Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';

/** How the body is written; passed to remark-stringify. */
export type MarkdownStyle = StringifyOptions;

/** Default {@link MarkdownStyle}: dashes for bullets, `_` for emphasis, fenced code. */
export const defaultMarkdownStyle: Readonly<MarkdownStyle> = Object.freeze({
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
});

/**
 * A figure as Markdown: a paragraph holding one image whose title is the
 * caption with the credit in parentheses, the form the Markdown ingester
 * reads back as a figure.
 */
export function figureToParagraph(figure: Readonly<Figure>): Paragraph {
  const title = joinCredit(figure.caption, figure.credit);
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'image', url: figure.url, alt: figure.alt ?? '', title: title || null }],
  };
  return paragraph;
}

/**
 * Serialise an article body to Markdown with remark-stringify and GFM.
 * Figures are written as image paragraphs; the tree is not modified.
 */
export function bodyToMarkdown(body: Readonly<Root>, style: Readonly<MarkdownStyle>): string {
  const children = body.children.map((node): RootContent => (node.type === 'figure' ? figureToParagraph(node) : node));
  const tree: Root = { type: 'root', children };
  const processor = unified().use(remarkGfm).use(remarkStringify, style);
  return processor.stringify(tree);
}
