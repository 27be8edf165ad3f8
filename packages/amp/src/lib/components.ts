import type { ArticleImage } from '@syndikit/core';
import { largestRendition } from '@syndikit/core';
import type { Reporter } from '@syndikit/html';
import { walkElements } from '@syndikit/html';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { h } from 'hastscript';
import { ampRules } from './rules.js';

/** AMP extensions a page uses, by element name; each needs its script once in the head. */
export type Extensions = Set<string>;

/** Default size of an embed that does not say, 16:9. */
const defaultEmbed = { width: 640, height: 360 };

/** What a transform needs to know about the article. */
export interface ComponentContext {
  images: readonly ArticleImage[];
  extensions: Extensions;
  report: Reporter;
}

/**
 * Turn the sanitised body into AMP: `<img>` → `amp-img`, `<iframe>` →
 * `amp-youtube` / `amp-vimeo` / `amp-instagram` / `amp-iframe`, `<video>` →
 * `amp-video`, Twitter/X and Instagram blockquotes → `amp-twitter` /
 * `amp-instagram`. Also removes what AMP forbids that sanitising allows
 * (`amp-`/`i-amp-` class names and ids). What cannot be made valid is
 * dropped with a warning at its line and column.
 */
export function toAmpComponents(tree: Root, context: ComponentContext): void {
  const replacements: Array<[Element, Root | Element, ElementContent | ElementContent[] | undefined]> = [];
  walkElements(tree, (element, parent) => {
    stripReservedNames(element);
    const replacement = convert(element, context);
    if (replacement !== element) replacements.push([element, parent, replacement]);
  });
  for (const [element, parent, replacement] of replacements) {
    const index = parent.children.indexOf(element);
    if (index === -1) continue;
    if (Array.isArray(replacement)) parent.children.splice(index, 1, ...replacement);
    else if (replacement) parent.children[index] = replacement;
    else parent.children.splice(index, 1);
  }
}

function convert(element: Element, context: ComponentContext): ElementContent | ElementContent[] | undefined {
  const place = element.position ? { position: element.position } : undefined;
  switch (element.tagName) {
    case 'img':
      return ampImage(element, context);
    case 'iframe': {
      const src = httpsUrl(element.properties.src);
      if (!src) {
        context.report('Removed an `<iframe>` without an https `src`: AMP embeds must be https', { rule: ampRules.embedNotHttps, place });
        return undefined;
      }
      return iframeComponent(src, element, context);
    }
    case 'video': {
      const sources = [
        element.properties.src,
        ...element.children.map((child) => (child.type === 'element' ? child.properties.src : undefined)),
      ];
      const src = sources.map(httpsUrl).find(Boolean);
      if (!src) {
        context.report('Removed a `<video>` without an https source: amp-video needs https', { rule: ampRules.embedNotHttps, place });
        return undefined;
      }
      context.extensions.add('amp-video');
      const poster = httpsUrl(element.properties.poster)?.href;
      return h('amp-video', { src: src.href, poster, controls: true, layout: 'responsive', ...size(element) }, [
        h('div', { fallback: true }, [h('p', 'This browser does not play this video.')]),
      ]);
    }
    case 'blockquote':
      return socialEmbed(element, context) ?? element;
    default:
      return element;
  }
}

function ampImage(element: Element, context: ComponentContext): ElementContent {
  const src = String(element.properties.src);
  const alt = typeof element.properties.alt === 'string' ? element.properties.alt : '';
  const known = findImage(context.images, src);
  const width = Number(element.properties.width) || known?.width;
  const height = Number(element.properties.height) || known?.height;
  const srcset = known ? srcsetOf(known, src) : undefined;
  // With renditions, the source file is not published: point at the largest JPEG rendition.
  const fallback = known ? largestRendition(known) : undefined;
  const shown = fallback ? absoluteFrom(fallback.src, src.slice(0, src.length - (known?.src.length ?? 0))) : src;
  // Without the runtime (JavaScript off), amp-img shows nothing: the spec allows a plain <img> in <noscript>.
  const noscript = h('noscript', [h('img', { src: shown, srcset, alt, width, height, loading: 'lazy', decoding: 'async' })]);
  // A portrait photo is capped in the theme (`amp-img.portrait`), not left to fill the column.
  const className = width && height && height > width ? ['portrait'] : undefined;
  if (width && height) return h('amp-img', { src: shown, srcset, alt, width, height, layout: 'responsive', className }, [noscript]);
  context.report(`Image \`${src}\` has no known size; it is shown in a 3:2 box`, {
    rule: ampRules.imageSizeUnknown,
    place: element.position ? { position: element.position } : undefined,
  });
  return h('div', { className: ['fill'] }, [h('amp-img', { src: shown, srcset, alt, layout: 'fill' }, [noscript])]);
}

/** Each image list's sources and rendition sources, with the index of the first image that has them. */
const imageIndexes = new WeakMap<readonly ArticleImage[], Map<string, number>>();

/**
 * The first image whose source or one of whose renditions `src` ends with
 * (the body's `src` is absolute, the article's are root-relative paths or
 * URLs). Looked up by the suffixes of `src` that start at a `/` (and `src`
 * itself) in a map made once per article, not by scanning the list per
 * image: that was quadratic in the number of images.
 */
function findImage(images: readonly ArticleImage[], src: string): ArticleImage | undefined {
  let index = imageIndexes.get(images);
  if (!index) {
    index = new Map();
    for (const [position, image] of images.entries()) {
      for (const key of [image.src, ...(image.renditions ?? []).map((rendition) => rendition.src)]) {
        if (!index.has(key)) index.set(key, position);
      }
    }
    imageIndexes.set(images, index);
  }
  let best: number | undefined;
  for (let start = 0; start !== -1; start = src.indexOf('/', start + 1)) {
    const position = index.get(src.slice(start));
    if (position !== undefined && (best === undefined || position < best)) best = position;
  }
  return best === undefined ? undefined : images[best];
}

/** `srcset` from an image's renditions in one format: WebP when there is any, else JPEG. */
function srcsetOf(image: ArticleImage, src: string): string | undefined {
  const renditions = image.renditions ?? [];
  const format = renditions.some((rendition) => rendition.mediaType === 'image/webp') ? 'image/webp' : 'image/jpeg';
  // One candidate per width: AMP rejects a srcset with two of the same width.
  const byWidth = new Map(
    renditions
      .filter((rendition) => rendition.mediaType === format && rendition.width > 0)
      .map((rendition) => [rendition.width, rendition]),
  );
  const chosen = [...byWidth.values()].sort((a, b) => a.width - b.width);
  if (chosen.length === 0) return undefined;
  const base = src.slice(0, src.length - image.src.length);
  return chosen.map((rendition) => `${absoluteFrom(rendition.src, base)} ${rendition.width}w`).join(', ');
}

/** A rendition URL as given when absolute, else under the site's origin. */
function absoluteFrom(path: string, base: string): string {
  return /^https?:/.test(path) ? path : base + path;
}

function iframeComponent(src: URL, element: Element, context: ComponentContext): ElementContent | ElementContent[] {
  const host = src.hostname.replace(/^www\./, '');
  const dimensions = size(element);
  const youtube =
    (/^(youtube\.com|youtube-nocookie\.com|m\.youtube\.com)$/.test(host) && /^\/embed\/([\w-]{6,})/.exec(src.pathname)?.[1]) ||
    (host === 'youtu.be' && /^\/([\w-]{6,})/.exec(src.pathname)?.[1]);
  const title = typeof element.properties.title === 'string' && element.properties.title.trim() ? element.properties.title : undefined;
  if (youtube) {
    context.extensions.add('amp-youtube');
    // Without the runtime the player is not there: a link to the watch page stands in for it.
    const watch = `https://www.youtube.com/watch?v=${youtube}`;
    return [
      h('amp-youtube', { dataVideoid: youtube, title, layout: 'responsive', ...dimensions }),
      h('noscript', [
        h('p', { className: ['embed-link'] }, [
          h('a', { href: watch }, title ? `${title} (video on YouTube)` : 'Watch the video on YouTube'),
        ]),
      ]),
    ];
  }
  const vimeo = host === 'player.vimeo.com' && /^\/video\/(\d+)/.exec(src.pathname)?.[1];
  if (vimeo) {
    context.extensions.add('amp-vimeo');
    return h('amp-vimeo', { dataVideoid: vimeo, title, layout: 'responsive', ...dimensions });
  }
  const instagram = host === 'instagram.com' && /^\/(?:p|reel)\/([\w-]+)/.exec(src.pathname)?.[1];
  if (instagram) {
    context.extensions.add('amp-instagram');
    return h('amp-instagram', { dataShortcode: instagram, layout: 'responsive', width: 400, height: 400 });
  }
  context.extensions.add('amp-iframe');
  return h(
    'amp-iframe',
    {
      src: src.href,
      title: title ?? 'Embedded content',
      sandbox: 'allow-scripts allow-same-origin allow-popups',
      layout: 'responsive',
      frameborder: '0',
      ...dimensions,
    },
    [h('div', { placeholder: true, className: ['embed-placeholder'] }, title ?? 'Embedded content')],
  );
}

/** A Twitter/X or Instagram embed blockquote as its AMP component. */
function socialEmbed(element: Element, context: ComponentContext): ElementContent | undefined {
  const classes = (element.properties.className as string[] | undefined) ?? [];
  if (classes.includes('twitter-tweet')) {
    const id = links(element)
      .map((href) => /^https:\/\/(?:mobile\.)?(?:twitter|x)\.com\/[^/]+\/status(?:es)?\/(\d+)/.exec(href)?.[1])
      .find(Boolean);
    if (!id) return undefined;
    context.extensions.add('amp-twitter');
    const properties: Properties = { ...element.properties, className: undefined };
    properties.placeholder = '';
    const placeholder: Element = { ...element, properties };
    return h('amp-twitter', { dataTweetid: id, layout: 'responsive', width: 375, height: 472 }, [placeholder]);
  }
  if (classes.includes('instagram-media')) {
    const permalink = [String(element.properties.dataInstgrmPermalink ?? ''), ...links(element)];
    const code = permalink.map((href) => /^https:\/\/(?:www\.)?instagram\.com\/(?:p|reel)\/([\w-]+)/.exec(href)?.[1]).find(Boolean);
    if (!code) return undefined;
    context.extensions.add('amp-instagram');
    return h('amp-instagram', { dataShortcode: code, layout: 'responsive', width: 400, height: 400 });
  }
  return undefined;
}

function links(element: Element): string[] {
  const found: string[] = [];
  walkElements(element, (child) => {
    if (child.tagName === 'a' && typeof child.properties.href === 'string') found.push(child.properties.href);
  });
  return found;
}

function httpsUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function size(element: Element): { width: number; height: number } {
  const width = Number(element.properties.width);
  const height = Number(element.properties.height);
  return width > 0 && height > 0 ? { width, height } : { ...defaultEmbed };
}

/** AMP reserves class names and ids starting with `amp-`, `i-amp-` and `-amp-`. */
function stripReservedNames(element: Element): void {
  const reserved = /^(-amp-|i-amp-|amp-|i-amphtml-)/i;
  const properties: Properties = element.properties;
  if (Array.isArray(properties.className)) {
    const kept = properties.className.filter((name) => !reserved.test(String(name)));
    properties.className = kept.length > 0 ? kept : undefined;
  }
  if (typeof properties.id === 'string' && reserved.test(properties.id)) properties.id = undefined;
}
