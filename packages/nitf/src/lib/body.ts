/**
 * Agency body markup (NITF `body.content`, XHTML) into an mdast body: XML →
 * hast by a handler map, then the same sanitizer every HTML input goes
 * through (`@syndikit/html`'s `articleSchema`), then mdast, with `<figure>`
 * becoming syndikit's `figure` node.
 */
import type { Figure } from '@syndikit/core';
import { articleSchema, reportUnsafe } from '@syndikit/html';
import { attribute, text as textOf, type XastToHastHandler, xastToHast } from '@syndikit/xml';
import type { ElementContent, Element as HastElement, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { type Handle, toMdast } from 'hast-util-to-mdast';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { Element } from 'xast';

/** Where a body problem is reported. */
export type BodyReporter = (reason: string, place: Position | undefined) => void;

/** A picture found in NITF `media`, before it is a figure. */
export interface NitfMedia {
  src: string;
  mediaType?: string;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
}

/** NITF elements as HTML, by local name; anything else keeps its name and the sanitizer decides. */
export const nitfHandlers: Readonly<Record<string, XastToHastHandler>> = Object.freeze({
  'body.content': (_node, children) => children(),
  hl1: (_node, children) => h('h2', children()),
  hl2: (_node, children) => h('h3', children()),
  block: (_node, children) => children(),
  em: (_node, children) => h('em', children()),
  fn: (_node, children) => h('aside', children()),
  note: (_node, children) => h('aside', children()),
  nitf: () => [],
  'media-caption': () => [],
  'media-producer': () => [],
  bq: (_node, children) => h('blockquote', children()),
  credit: (_node, children) => h('small', children()),
  pronounce: () => [],
  person: (_node, children) => children(),
  org: (_node, children) => children(),
  location: (_node, children) => children(),
  money: (_node, children) => children(),
  num: (_node, children) => children(),
  chron: (_node, children) => children(),
  event: (_node, children) => children(),
  'object.title': (_node, children) => children(),
  classifier: (_node, children) => children(),
  function: (_node, children) => children(),
  copyrite: (_node, children) => children(),
  virtloc: (_node, children) => children(),
  media: (node) => {
    const media = readMedia(node);
    if (!media) return [];
    const caption: ElementContent[] = media.caption ? [{ type: 'text', value: media.caption }] : [];
    if (media.credit) caption.push(h('small', { className: ['credit'] }, media.credit));
    return h('figure', [
      h('img', { src: media.src, alt: media.caption ?? '', width: media.width, height: media.height }),
      ...(caption.length ? [h('figcaption', caption)] : []),
    ]);
  },
});

/** The best picture of a NITF `media` element: the largest `media-reference` with an http(s) source. */
export function readMedia(node: Element): NitfMedia | undefined {
  const type = attribute(node, 'media-type');
  if (type && !/image|photo|graphic/i.test(type)) return undefined;
  const references = node.children.filter(
    (child): child is Element => child.type === 'element' && /(^|:)media-reference$/.test(child.name),
  );
  const usable = references
    .map((reference) => ({
      src: attribute(reference, 'source') ?? '',
      mediaType: attribute(reference, 'mime-type'),
      width: Number(attribute(reference, 'width')) || undefined,
      height: Number(attribute(reference, 'height')) || undefined,
    }))
    .filter((reference) => /^https?:\/\//i.test(reference.src))
    .sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
  const best = usable[0];
  if (!best) return undefined;
  const media: NitfMedia = { src: best.src };
  if (best.mediaType) media.mediaType = best.mediaType;
  if (best.width) media.width = best.width;
  if (best.height) media.height = best.height;
  const caption = node.children.find((child): child is Element => child.type === 'element' && /(^|:)media-caption$/.test(child.name));
  const producer = node.children.find((child): child is Element => child.type === 'element' && /(^|:)media-producer$/.test(child.name));
  const captionText = textOf(caption);
  const credit = textOf(producer);
  if (captionText) media.caption = captionText;
  if (credit) media.credit = credit;
  return media;
}

/**
 * `<figure><img><figcaption>caption <small>credit</small></figcaption></figure>` as syndikit's figure node.
 * A figure without an image (a picture whose file was not published, as syndikit's own writers leave it)
 * keeps its caption and credit as a paragraph: the text is the editor's, the picture is what is missing.
 */
const figure: Handle = (_state, node) => {
  const image = findElement(node, 'img');
  const src = image?.properties.src;
  const caption = findElement(node, 'figcaption');
  const small = caption ? findElement(caption, 'small') : undefined;
  const credit = small ? plain(small) : undefined;
  const captionText = caption ? plain(caption, small) : undefined;
  if (typeof src !== 'string') {
    const value = [captionText, credit].filter(Boolean).join(' ');
    return value ? ({ type: 'paragraph', children: [{ type: 'text', value }] } as never) : undefined;
  }
  const result: Figure = { type: 'figure', url: src };
  if (captionText) result.caption = captionText;
  if (credit) result.credit = credit;
  const alt = image?.properties.alt;
  if (typeof alt === 'string' && alt) result.alt = alt;
  const width = Number(image?.properties.width);
  const height = Number(image?.properties.height);
  if (width > 0) result.width = width;
  if (height > 0) result.height = height;
  return result as never;
};

/**
 * Sanitise hast with the article schema (reporting what was removed) and make
 * it mdast. Positions are dropped: they would point into HTML, not the file.
 */
export function hastToBody(children: ElementContent[], report: BodyReporter): Root {
  const tree: HastRoot = { type: 'root', children };
  reportUnsafe(tree, articleSchema, (reason, options) => report(reason, placeOf(options.place)));
  const clean = sanitize(tree, articleSchema) as HastRoot;
  const mdast = toMdast(clean, { handlers: { figure } }) as Root;
  stripPositions(mdast);
  return mdast;
}

/** NITF `body.content` (or any NITF block) as an mdast body. */
export function nitfToBody(node: Element, report: BodyReporter): Root {
  return hastToBody(xastToHast(node, nitfHandlers), report);
}

function placeOf(place: unknown): Position | undefined {
  if (place && typeof place === 'object' && 'start' in place) return place as Position;
  if (place && typeof place === 'object' && 'position' in place) return (place as { position?: Position }).position;
  return undefined;
}

function findElement(node: HastElement, tagName: string): HastElement | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

function plain(node: HastElement, skip?: HastElement): string | undefined {
  let value = '';
  const walk = (current: HastElement) => {
    for (const child of current.children) {
      if (child === skip) continue;
      if (child.type === 'text') value += child.value;
      else if (child.type === 'element') walk(child);
    }
  };
  walk(node);
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed || undefined;
}

function stripPositions(tree: Root): void {
  const stack: Array<{ position?: unknown; children?: unknown[] }> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: unknown; children?: Array<{ position?: unknown; children?: unknown[] }> };
    delete node.position;
    if (node.children) stack.push(...node.children);
  }
}
