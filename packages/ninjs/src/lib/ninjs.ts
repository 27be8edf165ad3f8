import type { Article, ArticleImage, ImageRendition, Site } from '@syndikit/core';
import { isOrganization } from '@syndikit/core';
import { hastToHtml, hastToText, isRemoteImage, plainTextField, publishedImage, type Reporter, syndicationHast } from '@syndikit/html';

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
  /** Include a plain-text body (role `main`) beside the HTML one (role `richtext`). Default `true`. */
  plainText?: boolean | null;
}

/** A ninjs 3.1 rendition. */
export interface NinjsRendition {
  name: string;
  href: string;
  /** For people: `Main (JPEG, 1024 × 683 px)`, as IPTC's examples title theirs (`Mid Resolution`). */
  title?: string;
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
  organisations?: Array<{ name: string; rel?: string; uri?: string }>;
  located?: string;
  infoSources?: Array<{ name: string; role?: string }>;
  subjects?: Array<{ name: string; rel?: string; uri?: string; literal?: string }>;
  renditions?: NinjsRendition[];
  associations?: NinjsItem[];
}

/**
 * An article as a ninjs 3.1 item, or `undefined` when its body fails
 * (reported). Shaped as IPTC's own examples are (doc-3.1 004 and 005): the
 * plain text is the `main` body and the markup the `richtext` one; authors
 * who are people are `people`, agencies and companies `organisations`;
 * subjects carry the `uri` or `literal` the input gave them. Headline,
 * section and tags are plain text (`html-markup-in-text` when they were not).
 */
export function articleToNinjs(
  source: Readonly<Article>,
  site: Readonly<Site>,
  options: { plainText?: boolean; report?: Reporter } = {},
): NinjsItem | undefined {
  const report: Reporter = options.report ?? (() => {});
  const article = withPlainFields(source, report);
  const base = article.url ?? site.url;
  // Frames become links, as in feeds: a ninjs consumer renders the HTML where it likes. The tree is the one
  // NewsML-G2 carries too, made once per article.
  const tree = syndicationHast(article.body, { base: base ?? null, images: article.images, report });
  if (!tree) return undefined;
  const html = hastToHtml(tree);
  const text = hastToText(tree);
  const bodies: NonNullable<NinjsItem['bodies']> = [];
  if (text && options.plainText !== false) bodies.push({ role: 'main', contentType: 'text/plain', value: text });
  if (html) bodies.push({ role: 'richtext', contentType: 'text/html', value: html });

  const headlines: NonNullable<NinjsItem['headlines']> = [{ role: 'main', value: article.headline }];
  if (article.subheadline) headlines.push({ role: 'sub', value: article.subheadline });
  const associations = article.images.flatMap((image, index) => pictureItem(image, index, base) ?? []);
  const credited = article.authors.map((author) => withoutEmpty({ name: author.name, rel: 'author', uri: author.url }));
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
    // `people` are human beings only (ninjs 3.1); an agency or a company in the byline is an organisation.
    // Editors and additional reporters are people of the item too, under their role; `by` names only the authors.
    people: [
      ...credited.filter((author) => !isOrganization(author.name)),
      ...(article.contributors ?? []).map((contributor) => ({ name: contributor.name, rel: contributor.role })),
    ],
    organisations: credited.filter((author) => isOrganization(author.name)),
    located: article.dateline?.place,
    infoSources: article.source ? [{ name: article.source, role: 'originator' }] : undefined,
    subjects: subjectsOf(article),
    associations,
  });
}

/** Headline, deck, section and tags without inline HTML tags, each that had some reported once. */
function withPlainFields(article: Readonly<Article>, report: Reporter): Readonly<Article> {
  const plain = (field: string, value: string) => plainTextField(value, field, report);
  const tags = [...new Set(article.tags.map((tag) => plain('tag', tag)).filter(Boolean))];
  return {
    ...article,
    headline: plain('headline', article.headline),
    subheadline: article.subheadline === undefined ? undefined : plain('subheadline', article.subheadline),
    section: article.section === undefined ? undefined : plain('section', article.section),
    tags,
  };
}

/** The section (`rel: section`) and tags as subjects, each with the `uri` and `literal` the input gave it. */
function subjectsOf(article: Readonly<Article>): NinjsItem['subjects'] {
  const known = new Map((article.subjects ?? []).map((subject) => [subject.name, subject]));
  const subject = (name: string, rel?: string) => withoutEmpty({ name, rel, uri: known.get(name)?.uri, literal: known.get(name)?.literal });
  return [...(article.section ? [subject(article.section, 'section')] : []), ...article.tags.map((name) => subject(name))];
}

/**
 * An image as an associated picture item, as IPTC's examples give one: `by`
 * is its creator (the photographer), the credit line a `creditline`
 * description (as in the agency examples IPTC publishes), the caption a
 * `caption` description and the alt text an `alttext` one (after the IPTC
 * Photo Metadata "Alt Text (Accessibility)"; a headline is a title, which
 * syndikit does not have for a photo). Its renditions are the files the
 * build writes, plus the source as `original` only when it is a remote URL
 * the input gave (a source under the content root is never published). An
 * image with neither keeps its caption and credit under a URN and has no
 * renditions: no URL points at a file that does not exist.
 */
function pictureItem(image: Readonly<ArticleImage>, index: number, base: string | undefined): NinjsItem | undefined {
  const published = publishedImage(image, base);
  const renditions = pictureRenditions(image, base, published?.mediaType);
  const href = published?.url ?? `urn:syndikit:image:${encodeURIComponent(image.src)}`;
  if (!published && !image.caption && !image.credit) return undefined;
  const descriptions: NonNullable<NinjsItem['descriptions']> = [];
  if (image.caption) descriptions.push({ role: 'caption', contentType: 'text/plain', value: image.caption });
  if (image.credit) descriptions.push({ role: 'creditline', contentType: 'text/plain', value: image.credit });
  if (image.alt) descriptions.push({ role: 'alttext', contentType: 'text/plain', value: image.alt });
  return withoutEmpty<NinjsItem>({
    uri: href,
    name: index === 0 ? 'mainpicture' : `picture${index + 1}`,
    rel: index === 0 ? 'lead' : 'inline',
    type: 'picture',
    descriptions,
    by: image.creator,
    renditions,
  });
}

/** Rendition names (IPTC rendition NewsCodes and the names in IPTC's ninjs examples) and their titles. */
const renditionNames = { main: 'Main', web: 'Web', thumbnail: 'Thumbnail', original: 'Original' } as const;
const formatNames: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', avif: 'AVIF', 'svg+xml': 'SVG' };

/**
 * A picture's renditions named as IPTC's examples name theirs, each with a
 * title for people: the widest in the published type (the one every other
 * output points at) is `main`, the narrowest `thumbnail`, those between
 * `web-<width>`; the same sizes in other types add the type (`main-webp`).
 * A remote source the input gave is `original` unless it is a rendition.
 */
function pictureRenditions(image: Readonly<ArticleImage>, base: string | undefined, publishedType: string | undefined): NinjsRendition[] {
  const renditions: NinjsRendition[] = [];
  const listed = new Set<string>();
  for (const rendition of image.renditions ?? []) {
    try {
      listed.add(new URL(rendition.src, base).href);
    } catch {}
  }
  if (isRemoteImage(image.src) && !listed.has(new URL(image.src).href)) {
    renditions.push(
      withoutEmpty<NinjsRendition>({
        name: 'original',
        href: new URL(image.src).href,
        title: renditionTitle('original', image.mediaType, image.width, image.height),
        contentType: image.mediaType,
        width: image.width,
        height: image.height,
        sizeInBytes: image.bytes,
      }),
    );
  }
  const all = image.renditions ?? [];
  const primary = all.filter((rendition) => rendition.mediaType === (publishedType ?? all.at(-1)?.mediaType));
  const widths = [...new Set(primary.map((rendition) => rendition.width))].sort((a, b) => a - b);
  for (const rendition of all) {
    let href: string;
    try {
      href = new URL(rendition.src, base).href;
    } catch {
      continue;
    }
    const size = sizeName(rendition, widths);
    const format = rendition.mediaType.replace('image/', '');
    renditions.push(
      withoutEmpty<NinjsRendition>({
        name: `${size.name}${rendition.mediaType === (publishedType ?? rendition.mediaType) ? '' : `-${format}`}`,
        href,
        title: renditionTitle(size.kind, rendition.mediaType, rendition.width, rendition.height),
        contentType: rendition.mediaType,
        width: rendition.width,
        height: rendition.height,
        sizeInBytes: rendition.bytes,
      }),
    );
  }
  return renditions;
}

/** `main` for the widest published width, `thumbnail` for the narrowest, `web-<width>` between (and for widths of other types only). */
function sizeName(rendition: Readonly<ImageRendition>, widths: readonly number[]): { name: string; kind: keyof typeof renditionNames } {
  if (rendition.width === widths.at(-1)) return { name: 'main', kind: 'main' };
  if (widths.length > 1 && rendition.width === widths[0]) return { name: 'thumbnail', kind: 'thumbnail' };
  return { name: `web-${rendition.width}`, kind: 'web' };
}

function renditionTitle(kind: keyof typeof renditionNames, mediaType?: string, width?: number, height?: number): string {
  const format = mediaType ? (formatNames[mediaType.replace('image/', '')] ?? mediaType) : undefined;
  const size = width && height ? `${width} × ${height} px` : undefined;
  const details = [format, size].filter(Boolean).join(', ');
  return details ? `${renditionNames[kind]} (${details})` : renditionNames[kind];
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
