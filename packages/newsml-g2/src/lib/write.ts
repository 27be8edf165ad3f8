/**
 * An article as one NewsML-G2 2.35 `newsItem` (conformance power), valid
 * against IPTC's schema: rightsInfo, itemMeta (class, provider, dates,
 * status, embargo, notes, picture links), contentMeta (headlines, people,
 * dateline, subjects, keywords, description, language) and the body as
 * XHTML in `inlineXML`.
 */
import type { Article, ArticleImage, Site } from '@syndikit/core';
import { formatDateline } from '@syndikit/core';
import { isRemoteImage, plainTextField, publishedImage, type Reporter, syndicationHast } from '@syndikit/html';
import type { Element as HastElement } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { h } from 'hastscript';
import type { Element, ElementContent } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { newsmlG2Rules } from './rules.js';

/** The NewsML-G2 standard and namespace this adapter writes. */
export const newsmlG2Standard = Object.freeze({
  namespace: 'http://iptc.org/std/nar/2006-10-01/',
  version: '2.35',
  /** IPTC's catalog of the schemes used here (ninat, stat, drol, irel). */
  catalog: 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml',
  /** syndikit's own scheme, declared inline, for the section subject and the subheadline role. */
  scheme: { alias: 'sktype', uri: 'urn:syndikit:cv:' },
});

/** Options for {@link newsmlG2Adapter}. */
export interface NewsMlG2Options {
  /** Folder under the output directory. Default `'newsml-g2'`. */
  dir?: string | null;
  /** Provider name when the article has no `source`. Default: the site title, else `'syndikit'`. */
  provider?: string | null;
}

/** What {@link articleToNewsMlG2} needs besides the article. */
export interface ArticleToNewsMlG2Options {
  /** The build's reference time, used for `versionCreated` only when the article has no date (with a warning). */
  now: string;
  provider?: string | undefined;
  report?: Reporter;
}

/** An article as a NewsML-G2 `newsItem` document, or `undefined` when its body fails (reported). */
export function articleToNewsMlG2(source: Readonly<Article>, site: Readonly<Site>, options: ArticleToNewsMlG2Options): string | undefined {
  const report: Reporter = options.report ?? (() => {});
  // Headline, section and keywords are plain text in G2 as in the model: a tag would be escaped and shown as text.
  const plain = (field: string, value: string) => plainTextField(value, field, report);
  const article: Readonly<Article> = {
    ...source,
    headline: plain('headline', source.headline),
    subheadline: source.subheadline === undefined ? undefined : plain('subheadline', source.subheadline),
    section: source.section === undefined ? undefined : plain('section', source.section),
    tags: [...new Set(source.tags.map((tag) => plain('tag', tag)).filter(Boolean))],
  };
  const base = article.url ?? site.url;
  // The tree ninjs carries too, made once per article (read only: its children go into the item as they are).
  const tree = syndicationHast(article.body, { base: base ?? null, images: article.images, report });
  if (!tree) return undefined;
  let versionCreated = article.updated ?? article.published;
  if (!versionCreated) {
    versionCreated = options.now;
    report('The article has no date: versionCreated is the build time; give `published` (or `--now`) for stable output', {
      ruleId: newsmlG2Rules.outNoDate.id,
      severity: 'warning',
    });
  }
  const provider = article.source ?? options.provider ?? site.title ?? 'syndikit';
  const language = article.language ?? site.language;
  const { alias, uri } = newsmlG2Standard.scheme;

  const html = h('html', [h('head', [h('title', article.headline)]), h('body', tree.children as HastElement[])]);
  const xhtml = toXast(html) as Element;
  const item = x(
    'newsItem',
    {
      xmlns: newsmlG2Standard.namespace,
      guid: asGuid(article.id),
      version: '1',
      standard: 'NewsML-G2',
      standardversion: newsmlG2Standard.version,
      conformance: 'power',
      ...(language ? { 'xml:lang': language } : {}),
    },
    [
      x('catalogRef', { href: newsmlG2Standard.catalog }),
      x('catalog', [x('scheme', { alias, uri })]),
      ...rightsInfo(article, provider),
      itemMeta(article, provider, versionCreated, base),
      contentMeta(article, language),
      x('contentSet', [x('inlineXML', { contenttype: 'application/xhtml+xml' }, [xhtml])]),
    ],
  );
  return serializeItem(item, report);
}

/** `rightsInfo`, when the article names a copyright or a source. */
function rightsInfo(article: Readonly<Article>, provider: string): Element[] {
  if (!article.copyright && !article.source) return [];
  const holder = article.source ?? provider;
  return [
    x('rightsInfo', [
      x('copyrightHolder', { literal: holder }, [x('name', holder)]),
      ...(article.copyright ? [x('copyrightNotice', article.copyright)] : []),
    ]),
  ];
}

/** `itemMeta`: provider, dates, status, editor's notes and a link per picture. */
function itemMeta(article: Readonly<Article>, provider: string, versionCreated: string, base: string | undefined): Element {
  return x('itemMeta', [
    x('itemClass', { qcode: 'ninat:text' }),
    x('provider', { literal: provider }, [x('name', provider)]),
    x('versionCreated', versionCreated),
    ...(article.published ? [x('firstCreated', article.published)] : []),
    ...(article.embargoed ? [x('embargoed', article.embargoed)] : []),
    x('pubStatus', { qcode: `stat:${article.status ?? 'usable'}` }),
    // edNote is addressed to the receiving desk, not to readers: the editor's notes first, then the story's
    // own notes (corrections, contributor lines), which G2 has no published place for.
    ...[...(article.editorNotes ?? []), ...(article.notes ?? [])].map((note) => x('edNote', note)),
    ...article.images.flatMap((image, index) => pictureLink(image, index, base) ?? []),
  ]);
}

/** `contentMeta`: who, where, what about, and the headlines. */
function contentMeta(article: Readonly<Article>, language: string | undefined): Element {
  const { alias } = newsmlG2Standard.scheme;
  return x('contentMeta', [
    ...(article.published ? [x('contentCreated', article.published)] : []),
    ...(article.updated ? [x('contentModified', article.updated)] : []),
    ...(article.dateline?.place ? [x('located', { literal: article.dateline.place }, [x('name', article.dateline.place)])] : []),
    ...(article.source ? [x('infoSource', { literal: article.source, role: 'isrol:originfo' }, [x('name', article.source)])] : []),
    ...article.authors.map((author) =>
      x('creator', { literal: author.name, ...(author.url ? { uri: author.url } : {}) }, [x('name', author.name)]),
    ),
    // Editors and additional reporters: <contributor> after the creators, as the schema orders them; <by> names only the authors.
    ...(article.contributors ?? []).map((contributor) =>
      x('contributor', { literal: contributor.name, role: `${alias}:${contributor.role}` }, [x('name', contributor.name)]),
    ),
    ...(language ? [x('language', { tag: language })] : []),
    ...(article.section ? [x('subject', { type: `${alias}:section`, literal: article.section }, [x('name', article.section)])] : []),
    ...article.tags.map((tag) => x('keyword', tag)),
    x('slugline', article.slug),
    x('headline', article.headline),
    ...(article.subheadline ? [x('headline', { role: `${alias}:subheadline` }, article.subheadline)] : []),
    ...(article.dateline ? [x('dateline', formatDateline(article.dateline))] : []),
    ...(article.authors.length > 0 ? [x('by', joinNames(article.authors.map((author) => author.name)))] : []),
    ...(article.summary ? [x('description', { role: 'drol:summary' }, article.summary)] : []),
  ]);
}

/** The XML document: characters XML 1.0 forbids removed (with a warning), indented outside the XHTML. */
function serializeItem(item: Element, report: Reporter): string {
  const removed = removeForbidden(item);
  if (removed > 0)
    report(
      `Removed ${removed} character${removed === 1 ? '' : 's'} that XML 1.0 does not allow (control characters, unpaired surrogates)`,
      {
        ruleId: newsmlG2Rules.outControlCharacter.id,
        severity: 'warning',
      },
    );
  indent(item, 1, new Set(['inlineXML']));
  // xast-util-to-xml escapes `&` and `<` only; `]]>` is not allowed in XML content, so its `>` is escaped here
  // (the document has no CDATA sections, comments or instructions where that would change meaning).
  const xml = toXml(item, { closeEmptyElements: true }).replaceAll(']]>', ']]&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/**
 * An image as a `link` to the picture with its renditions: caption, credit,
 * media types and sizes as G2 properties. Only files the build writes (the
 * image adapter's renditions) and a remote source the input gave are linked:
 * a source under the content root is never published as it is, so linking it
 * would point at a file that does not exist. The link's `href` is the
 * rendition every other output points at (`publishedImage`); the largest
 * rendition is `rnd:highRes`. A picture with no such file keeps its caption
 * and credit under a URN (as the ninjs writer does) and has no `remoteContent`.
 */
function pictureLink(image: Readonly<ArticleImage>, index: number, base: string | undefined): Element | undefined {
  const published = publishedImage(image, base);
  if (!published && !image.caption && !image.credit) return undefined;
  const renditions = published ? pictureRenditions(image, base, published.url) : [];
  return x(
    'link',
    {
      rel: 'irel:associatedWith',
      href: published?.url ?? `urn:syndikit:image:${encodeURIComponent(image.src)}`,
      ...(published?.mediaType ? { contenttype: published.mediaType } : {}),
      rank: String(index + 1),
    },
    [
      x('itemClass', { qcode: 'ninat:picture' }),
      ...(image.alt ? [x('title', image.alt)] : []),
      ...(image.caption ? [x('description', { role: 'drol:caption' }, image.caption)] : []),
      ...(image.credit ? [x('creditline', image.credit)] : []),
      ...renditions.map((rendition) =>
        x('remoteContent', {
          href: rendition.src,
          ...(rendition.name ? { rendition: rendition.name } : {}),
          ...(rendition.mediaType ? { contenttype: rendition.mediaType } : {}),
          ...(rendition.bytes ? { size: String(rendition.bytes) } : {}),
          ...(rendition.width ? { width: String(rendition.width) } : {}),
          ...(rendition.height ? { height: String(rendition.height) } : {}),
        }),
      ),
    ],
  );
}

interface LinkedRendition {
  src: string;
  name?: string;
  mediaType?: string;
  width?: number;
  height?: number;
  bytes?: number;
}

/**
 * The written renditions (absolute), else the remote source alone. The one
 * the link points at (the largest in a type every reader shows) is
 * `rnd:highRes`; a WebP of the same size is not.
 */
function pictureRenditions(image: Readonly<ArticleImage>, base: string | undefined, linked: string): LinkedRendition[] {
  const written = (image.renditions ?? []).flatMap((rendition) => {
    const src = absolute(rendition.src, base);
    return src ? [{ ...rendition, src, name: undefined as string | undefined }] : [];
  });
  const renditions: LinkedRendition[] =
    written.length > 0
      ? written
      : isRemoteImage(image.src)
        ? [{ src: new URL(image.src).href, mediaType: image.mediaType, width: image.width, height: image.height, bytes: image.bytes }]
        : [];
  const highRes = renditions.find((rendition) => rendition.src === linked);
  if (highRes) highRes.name = 'rnd:highRes';
  return renditions;
}

function absolute(src: string, base: string | undefined): string | undefined {
  try {
    const href = new URL(src, base).href;
    return /^https?:/.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

/** A guid: ids that are URIs as they are, others as `urn:syndikit:…`. */
export function asGuid(id: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : `urn:syndikit:${encodeURIComponent(id)}`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Characters outside XML 1.0's `Char` production, and DEL and the C1
 * controls (U+007F–U+009F), which XML 1.0 discourages and XML 1.1 requires
 * escaped: they are mojibake from a mis-decoded Windows-1252 input, never
 * text (as in the XML feeds, `@syndikit/xml-feed`).
 */
const forbidden = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove characters XML 1.0 forbids from every text and attribute value; how many were removed. */
function removeForbidden(node: Element): number {
  let count = 0;
  const clean = (value: string) =>
    value.replace(forbidden, () => {
      count++;
      return '';
    });
  const stack: Element[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Element;
    for (const [key, value] of Object.entries(current.attributes)) if (typeof value === 'string') current.attributes[key] = clean(value);
    for (const child of current.children) {
      if (child.type === 'element') stack.push(child);
      else if (child.type === 'text') child.value = clean(child.value);
    }
  }
  return count;
}

/** Line breaks and two-space indents between metadata elements, for people reading the file; `inlineXML` content is left as it is. */
function indent(node: Element, depth: number, keep: ReadonlySet<string>): void {
  if (keep.has(node.name) || !node.children.every((child) => child.type === 'element')) return;
  if (node.children.length === 0) return;
  const children: ElementContent[] = [];
  for (const child of node.children) {
    children.push({ type: 'text', value: `\n${'  '.repeat(depth)}` }, child);
    if (child.type === 'element') indent(child, depth + 1, keep);
  }
  children.push({ type: 'text', value: `\n${'  '.repeat(depth - 1)}` });
  node.children = children;
}
