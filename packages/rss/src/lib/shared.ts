import type { Article, CollectionRenderContext } from '@syndikit/core';
import type { FeedImage, FeedItem, FeedOptions } from '@syndikit/syndication';
import { feedImage } from '@syndikit/syndication';
import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { cleanXmlTree } from './xml-text.js';

/** Options of the `rss` and `atom` formats. */
export interface XmlFeedOptions extends FeedOptions {
  /** Output path of the main feed. Default `feed.xml` (RSS) or `atom.xml` (Atom). */
  path?: string | null;
  /**
   * An XSLT stylesheet for browsers: `true` writes the stylesheet shipped
   * with this package next to the feed and links it; a string links that
   * URL; `false` links none. Default `true`.
   */
  stylesheet?: boolean | string | null;
}

/** The generator named in feeds. */
export const generator = { name: 'syndikit', uri: 'https://www.npmjs.com/package/@syndikit/cli' } as const;

/** Every image of an article that a feed can point at, lead first. */
export function feedImages(article: Readonly<Article>, base: string | undefined): FeedImage[] {
  return article.images.flatMap((image) => feedImage(image, base) ?? []);
}

/** Section, then tags, without repeats. */
export function categoriesOf(article: Readonly<Article>): string[] {
  return [...new Set([...(article.section ? [article.section] : []), ...article.tags])];
}

/**
 * Clean an item's tree of characters XML forbids, warning on the article
 * with the field that lost them.
 */
export function cleanItem(element: Element, item: FeedItem, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(element, (field, count) =>
    context.report(
      item.article,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: 'xml-invalid-character',
      },
    ),
  );
}

/** Clean the channel-level parts (site metadata) the same way, reporting on the collection. */
export function cleanChannel(tree: Root, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(tree, (field, count) =>
    context.report(
      undefined,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: 'xml-invalid-character',
      },
    ),
  );
}

/** Serialise with every text and attribute escaped, empty elements self-closed. */
export function serialize(tree: Root): string {
  return `${toXml(tree, { closeEmptyElements: true })}\n`;
}

/** A relative link from a feed at `from` to a file at the output root named `to`. */
export function relativeToRoot(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

/** The `xml-stylesheet` processing instruction, or nothing. */
export function stylesheetInstruction(href: string | undefined): Root['children'] {
  if (!href) return [];
  return [
    { type: 'instruction', name: 'xml-stylesheet', value: `type="text/xsl" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` },
  ];
}

/** Media RSS `<media:content>` for an image, with its caption as description and its credit. */
export function mediaContent(image: FeedImage): Element {
  const attributes: Record<string, string> = { url: image.url, medium: 'image' };
  if (image.mediaType) attributes.type = image.mediaType;
  if (image.bytes) attributes.fileSize = String(image.bytes);
  if (image.width && image.height) {
    attributes.width = String(image.width);
    attributes.height = String(image.height);
  }
  const children: ElementContent[] = [];
  const description = image.caption ?? image.alt;
  if (description) children.push(x('media:description', { type: 'plain' }, description));
  if (image.credit) children.push(x('media:credit', image.credit));
  return x('media:content', attributes, children);
}
