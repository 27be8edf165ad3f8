import { createRequire } from 'node:module';
import type { Adapter, Article, ArticleImage, OutputFile, Site } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { bodyToHast, embedsToLinks, hastToHtml, hastToText, isRemoteImage, publishedImage, type Reporter } from '@syndikit/html';

/** This package's version, part of the adapter's cache key. */
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The ninjs standard this adapter writes. */
export const ninjsStandard = Object.freeze({
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
});

/** Options for {@link ninjsAdapter}. */
export interface NinjsOptions {
  /** Folder under the output directory. Default `'ninjs'`. */
  dir?: string | null;
  /** Include a plain-text body beside the HTML one. Default `true`. */
  plainText?: boolean | null;
}

/** A ninjs 3.1 rendition. */
export interface NinjsRendition {
  name: string;
  href: string;
  contentType?: string;
  width?: number;
  height?: number;
  sizeInBytes?: number;
}

/** A ninjs 3.1 news object, as far as syndikit writes one. */
export interface NinjsItem {
  standard?: typeof ninjsStandard;
  uri: string;
  type: 'text' | 'picture';
  representationType?: 'full' | 'partial';
  name?: string;
  rel?: string;
  firstCreated?: string;
  versionCreated?: string;
  embargoedUntil?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  copyrightNotice?: string;
  edNote?: string;
  language?: string;
  headlines?: Array<{ role?: string; contentType?: string; value: string }>;
  descriptions?: Array<{ role?: string; contentType?: string; value: string }>;
  bodies?: Array<{ role?: string; contentType?: string; value: string }>;
  by?: string;
  people?: Array<{ name: string; rel?: string; uri?: string }>;
  located?: string;
  infoSources?: Array<{ name: string; role?: string }>;
  subjects?: Array<{ name: string; rel?: string }>;
  renditions?: NinjsRendition[];
  associations?: NinjsItem[];
}

/**
 * The `ninjs` format: one `ninjs/<slug>.json` per article in IPTC ninjs
 * 3.1, carrying the article's status and embargo (a wire desk passes them
 * on, unlike feeds and pages), the body as sanitised HTML and plain text,
 * and the images as associations with their renditions.
 */
export function ninjsAdapter(options?: Readonly<NinjsOptions> | null): Adapter {
  const dir = options?.dir ?? 'ninjs';
  const plainText = options?.plainText ?? true;
  return {
    name: 'ninjs',
    scope: 'article',
    // ninjs carries pubstatus and embargoed to the receiving system, which honours them.
    unpublished: 'include',
    cacheKey: adapterCacheKey('ninjs', version, { dir, plainText }),
    render({ article, site, report }): OutputFile[] {
      const item = articleToNinjs(article, site, { plainText, report });
      if (!item) return [];
      return [
        {
          path: `${dir}/${article.slug}.json`,
          contents: `${JSON.stringify(item, null, 2)}\n`,
          mediaType: 'application/json; charset=utf-8',
        },
      ];
    },
  };
}

/** An article as a ninjs 3.1 item, or `undefined` when its body fails (reported). */
export function articleToNinjs(
  article: Readonly<Article>,
  site: Readonly<Site>,
  options: { plainText?: boolean; report?: Reporter } = {},
): NinjsItem | undefined {
  const report: Reporter = options.report ?? (() => {});
  const base = article.url ?? site.url;
  // Frames become links, as in feeds: a ninjs consumer renders the HTML where it likes.
  const tree = bodyToHast(article.body, { base: base ?? null, images: article.images, transforms: [embedsToLinks], report });
  if (!tree) return undefined;
  const html = hastToHtml(tree);
  const text = hastToText(tree);
  const bodies: NonNullable<NinjsItem['bodies']> = [];
  if (html) bodies.push({ role: 'main', contentType: 'text/html', value: html });
  if (text && options.plainText !== false) bodies.push({ role: 'text', contentType: 'text/plain', value: text });

  const headlines: NonNullable<NinjsItem['headlines']> = [{ role: 'main', value: article.headline }];
  if (article.subheadline) headlines.push({ role: 'sub', value: article.subheadline });
  const subjects = [...(article.section ? [{ name: article.section, rel: 'section' }] : []), ...article.tags.map((name) => ({ name }))];
  const associations = article.images.flatMap((image, index) => pictureItem(image, index, base) ?? []);
  return withoutEmpty<NinjsItem>({
    standard: ninjsStandard,
    uri: asUri(article.id),
    type: 'text',
    representationType: 'full',
    firstCreated: article.published,
    versionCreated: article.updated ?? article.published,
    embargoedUntil: article.embargoed,
    pubStatus: article.status ?? 'usable',
    copyrightNotice: article.copyright,
    // ninjs has one note field, for the receiving desk only: notes to editors first, then the article's own notes.
    edNote: editorNote(article),
    language: article.language ?? site.language,
    headlines,
    descriptions: article.summary ? [{ role: 'summary', contentType: 'text/plain', value: article.summary }] : undefined,
    bodies,
    by: article.authors.length > 0 ? joinNames(article.authors.map((author) => author.name)) : undefined,
    people: article.authors.map((author) => withoutEmpty({ name: author.name, rel: 'author', uri: author.url })),
    located: article.dateline?.place,
    infoSources: article.source ? [{ name: article.source, role: 'originator' }] : undefined,
    subjects,
    associations,
  });
}

/**
 * An image as an associated picture item. Its renditions are the files the
 * build writes, plus the source as `original` only when it is a remote URL
 * the input gave (a source under the content root is never published). An
 * image with neither keeps its caption and credit under a URN and has no
 * renditions: no URL points at a file that does not exist.
 */
function pictureItem(image: Readonly<ArticleImage>, index: number, base: string | undefined): NinjsItem | undefined {
  const renditions: NinjsRendition[] = [];
  if (isRemoteImage(image.src)) {
    renditions.push(
      withoutEmpty<NinjsRendition>({
        name: 'original',
        href: new URL(image.src).href,
        contentType: image.mediaType,
        width: image.width,
        height: image.height,
        sizeInBytes: image.bytes,
      }),
    );
  }
  for (const rendition of image.renditions ?? []) {
    let href: string;
    try {
      href = new URL(rendition.src, base).href;
    } catch {
      continue;
    }
    renditions.push(
      withoutEmpty<NinjsRendition>({
        name: `${rendition.width}w-${rendition.mediaType.replace('image/', '')}`,
        href,
        contentType: rendition.mediaType,
        width: rendition.width,
        height: rendition.height,
        sizeInBytes: rendition.bytes,
      }),
    );
  }
  const published = publishedImage(image, base);
  const href = published?.url ?? `urn:syndikit:image:${encodeURIComponent(image.src)}`;
  if (!published && !image.caption && !image.credit) return undefined;
  return withoutEmpty<NinjsItem>({
    uri: href,
    name: index === 0 ? 'mainpicture' : `picture${index + 1}`,
    rel: index === 0 ? 'lead' : 'inline',
    type: 'picture',
    headlines: image.alt ? [{ value: image.alt }] : undefined,
    descriptions: image.caption ? [{ role: 'caption', contentType: 'text/plain', value: image.caption }] : undefined,
    by: image.credit,
    renditions,
  });
}

/** ninjs `uri` must be a URI: ids that are not (`renditions-example`) become `urn:syndikit:…`. */
export function asUri(id: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : `urn:syndikit:${encodeURIComponent(id)}`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Drop `undefined`, empty strings and empty arrays: the schema allows none of them as "absent". */
function withoutEmpty<T extends object>(object: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

/** The ninjs `edNote`: the article's notes to editors, then its notes (contributor lines, corrections). */
function editorNote(article: Readonly<Article>): string | undefined {
  const notes = [...(article.editorNotes ?? []), ...(article.notes ?? [])];
  return notes.length > 0 ? notes.join('\n') : undefined;
}
