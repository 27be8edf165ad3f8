import type { Figure } from '@syndikit/core';
import { hasFile, joinCredit } from '@syndikit/core';
import type { Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { type Processor, unified } from 'unified';

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
 *
 * A figure without a file (caption and credit only) is the caption line an
 * editor would keep where the photo stood: the caption and credit in
 * emphasis, `_A crane lifts … (AP Photo/Name)_`. An image with no address
 * would show as a broken picture. The Markdown ingester reads an emphasised
 * paragraph ending in a credit back as such a figure; one with neither
 * caption nor credit has nothing to show and is an empty paragraph.
 */
export function figureToParagraph(figure: Readonly<Figure>): Paragraph {
  const title = joinCredit(figure.caption, figure.credit);
  if (!hasFile(figure)) {
    const line = title || figure.alt;
    return { type: 'paragraph', children: line ? [{ type: 'emphasis', children: [{ type: 'text', value: line }] }] : [] };
  }
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
  const children = body.children.flatMap((node): RootContent[] => {
    if (node.type !== 'figure') return [node];
    const paragraph = figureToParagraph(node);
    return paragraph.children.length > 0 ? [paragraph] : [];
  });
  const tree: Root = { type: 'root', children };
  return writerFor(style).stringify(tree);
}

/**
 * Processors made so far, by style object: making one (GFM's extensions, freezing) cost about as much as
 * writing a short body, and the adapter passes the same style for every article. Weak keys: a style
 * nobody holds any more takes its processor with it.
 */
const writers = new WeakMap<Readonly<MarkdownStyle>, Processor<undefined, undefined, undefined, Root, string>>();

function writerFor(style: Readonly<MarkdownStyle>): Processor<undefined, undefined, undefined, Root, string> {
  let writer = writers.get(style);
  if (!writer) {
    writer = unified().use(remarkGfm).use(remarkStringify, style).freeze() as unknown as Processor<
      undefined,
      undefined,
      undefined,
      Root,
      string
    >;
    writers.set(style, writer);
  }
  return writer;
}
