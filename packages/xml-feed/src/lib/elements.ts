import type { Article } from '@syndikit/core';
import type { FeedImage } from '@syndikit/syndication';
import { feedImage } from '@syndikit/syndication';
import type { Element, ElementContent, Root } from 'xast';
import { x } from 'xastscript';

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
