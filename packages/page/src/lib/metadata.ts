/**
 * Article metadata a saved page carries beside its text, read in order of
 * trust: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, …), then Open
 * Graph and `article:*` meta, then plain `<meta>`, `<time datetime>` and
 * `<html lang>`. Each value remembers where it came from, so that the
 * ingester can say so.
 */

import { isSiteName, siteNames } from './site.js';

/** A JSON-LD object. */
type Node = Record<string, unknown>;

/** An image the metadata names (JSON-LD `image`, `og:image`). */
/** Where a publication date came from when it is only `<meta name="date">` or the page's first `<time datetime>`. */
const metaDate = 'meta date';
const timeDatetime = '<time datetime>';
/**
 * Publication dates that need not be the article's: a bare `<meta name="date">` is often the CMS's last change of
 * the page, and the first `<time datetime>` on the page may be a sidebar's or a comment's. The date the page prints
 * beside the headline is read to check them (`ingest.ts`).
 */
export const looseDateSources: ReadonlySet<string> = new Set([metaDate, timeDatetime]);

export interface MetaImage {
  src: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

/** A value with the place it was read from (`json-ld`, `og:title`, …). */
export interface Sourced<T> {
  value: T;
  from: string;
}

/** What {@link readMetadata} found. Every field is optional. */
export interface PageMetadata {
  headline?: Sourced<string>;
  summary?: Sourced<string>;
  authors: Sourced<string[]> | undefined;
  /** Organisations named as author or publisher (an agency), when no person is. */
  organisation?: Sourced<string>;
  published?: Sourced<string>;
  updated?: Sourced<string>;
  language?: Sourced<string>;
  url?: Sourced<string>;
  section?: Sourced<string>;
  tags: string[];
  images: MetaImage[];
  /** JSON-LD `articleBody`, when the page gives one. */
  articleBody?: string;
  copyright?: string;
  /** `<title>`, for the headline of last resort. */
  title?: string;
  /** The first `<h1>`, for a page without a title. */
  firstHeading?: string;
  /**
   * Every title the page gives, most trusted first: JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`
   * (each as written, site names and all).
   */
  titles: Array<Sourced<string>>;
  /**
   * The text of each `<h1>` (up to ten), without style and script text, soft hyphens and a kicker marked by class:
   * the headline as printed. An `<h1>` in a breadcrumb trail (the trail's last item) is left out.
   */
  headings: string[];
  /** The same of each `<h2>` (up to twenty): the headline of a page whose `<h1>` names the site or section. */
  subheadings: string[];
  /** The names the site goes by: `og:site_name`, `application-name`, the JSON-LD publisher. */
  siteNames: string[];
  /** Problems found while reading (invalid JSON-LD), with the 1-based index of the block. */
  problems: Array<{ block: number; reason: string }>;
}

/** JSON-LD types that describe an article. */
const articleType = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|WebPage)$/u;

/** Read the metadata of a parsed page. The document is not changed. */
export function readMetadata(document: Document): PageMetadata {
  const found: PageMetadata = {
    authors: undefined,
    tags: [],
    images: [],
    problems: [],
    titles: [],
    headings: [],
    subheadings: [],
    siteNames: [],
  };
  const article = jsonLdArticle(document, found.problems);
  const meta = metaIndex(document);

  const title = clean(document.querySelector('title')?.textContent);
  if (title) found.title = title;
  const heading = clean(document.querySelector('h1')?.textContent);
  if (heading) found.firstHeading = heading;
  found.headings = headingTexts(document, 'h1', 10);
  found.subheadings = headingTexts(document, 'h2', 20);
  readTitles(document, found, article, meta);

  // Sources in order of trust: assignText keeps the first value found, so JSON-LD wins over meta tags,
  // which win over the markup.
  if (article) readJsonLd(document, found, article);
  readMetaTags(document, found, meta);
  readMarkup(document, found, meta);
  readAuthorsWithoutSite(found, meta);
  // Keep only unique tags, in page order.
  found.tags = [...new Set(found.tags)];
  return found;
}

/** Every title the page gives, and the names of the site, for the headline chooser (`headline.ts`). */
function readTitles(document: Document, found: PageMetadata, article: Node | undefined, meta: Map<string, string>): void {
  const titles: Array<[unknown, string]> = [
    [article?.headline ?? article?.name, 'JSON-LD headline'],
    [meta.get('og:title'), 'og:title'],
    [meta.get('twitter:title'), 'twitter:title'],
    [document.querySelector('title')?.textContent, '<title>'],
  ];
  for (const [value, from] of titles) {
    const text = typeof value === 'string' ? clean(decodeEntities(value, document).replace(/\u00AD/gu, '')) : undefined;
    if (text && !found.titles.some((title) => title.value === text)) found.titles.push({ value: text, from });
  }
  // A person as the publisher (a one-person site's owner, `["Person", "Organization"]`) is its author too, not a
  // site name to keep out of the authors.
  const publishers = [article?.publisher ?? []]
    .flat()
    .filter((entry) => !(isNode(entry) && /\bPerson\b/.test([entry['@type']].flat().join(' '))));
  const publisher = names(publishers, 'any');
  for (const name of [meta.get('og:site_name'), meta.get('application-name'), ...publisher]) {
    const text = name ? clean(decodeEntities(name, document)) : undefined;
    if (text && !found.siteNames.includes(text)) found.siteNames.push(text);
  }
}

/** A breadcrumb trail: some CMSs print the page's title as its last item, in an `<h1>` of its own. */
const breadcrumb = '[class*="breadcrumb" i], [id*="breadcrumb" i], [typeof="BreadcrumbList"], [itemtype*="BreadcrumbList"]';

/** The printed text of the first `limit` headings of one level outside a breadcrumb trail. */
function headingTexts(document: Document, tag: 'h1' | 'h2', limit: number): string[] {
  const texts: string[] = [];
  for (const element of document.querySelectorAll(tag)) {
    if (texts.length >= limit) break;
    if (element.closest(breadcrumb)) continue;
    // The separator printed after a kicker (`Topic: Headline`) goes with it.
    const text = clean(printedText(element, true).replace(/^[\s:|·•–—-]+/u, ''));
    if (text) texts.push(text);
  }
  return texts;
}

/** Class names of a kicker (a heading's topic line), as pages write them: `overline`, `kicker`, `dachzeile`, `supertitle`. */
const kickerClass = /kicker|overline|topline|dachzeile|roofline|supertitle|subtitle|eyebrow|pretitle|rubric/iu;

/** An element that opens a heading as its kicker: marked by its class, with the headline's own text after it. */
function isKicker(element: Element): boolean {
  return (
    kickerClass.test(element.getAttribute('class') ?? '') &&
    (element.parentElement?.textContent ?? '').trim() !== (element.textContent ?? '').trim()
  );
}

const inline = /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/u;

/** An element's text as a reader sees it: without `<style>`, `<script>` and `<template>` content, soft hyphens removed. */
function printedText(element: Element, heading = false): string {
  let text = '';
  for (const child of element.childNodes) {
    // A heading's kicker (`<span class="overline">Topic</span> Headline`) is printed above the headline, not in it.
    if (heading && text.trim() === '' && child.nodeType === 1 && isKicker(child as Element)) continue;
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType !== 1) continue;
    else if ((child as Element).tagName === 'BR') text += ' ';
    else if (!/^(?:STYLE|SCRIPT|TEMPLATE|NOSCRIPT)$/u.test((child as Element).tagName)) {
      // Inline elements run on (`<em>Wor</em>d`); a block inside a heading (a kicker in a `<div>`) is a word apart.
      const inner = printedText(child as Element);
      text += inline.test((child as Element).tagName) ? inner : ` ${inner} `;
    }
  }
  return text.replace(/\u00AD/gu, '');
}

/** The JSON-LD article's fields. */
function readJsonLd(document: Document, found: PageMetadata, article: Node): void {
  assignText(document, found, 'headline', article.headline ?? article.name, 'JSON-LD headline');
  assignText(document, found, 'summary', article.description, 'JSON-LD description');
  // A user name (`jane.doe`) names no person; nor does the site's name (`withoutSite`, once the page URL is known).
  const people = names(article.author, 'Person').filter(isName);
  if (people.length > 0) found.authors = { value: people, from: 'JSON-LD author' };
  const organisation = names(article.author, 'Organization')[0] ?? undefined;
  if (organisation) found.organisation = { value: organisation, from: 'JSON-LD author' };
  assignText(document, found, 'published', article.datePublished ?? article.dateCreated, 'JSON-LD datePublished');
  assignText(document, found, 'updated', article.dateModified, 'JSON-LD dateModified');
  assignText(document, found, 'language', article.inLanguage, 'JSON-LD inLanguage');
  const url = typeof article.url === 'string' ? article.url : idOf(article.mainEntityOfPage);
  assignText(document, found, 'url', url, 'JSON-LD url');
  assignText(document, found, 'section', first(article.articleSection), 'JSON-LD articleSection');
  found.tags.push(...keywords(article.keywords));
  found.images.push(...jsonLdImages(article.image));
  const body = clean(typeof article.articleBody === 'string' ? article.articleBody : undefined, true);
  if (body) found.articleBody = body;
  const holder = names(article.copyrightHolder, 'any')[0];
  const year = article.copyrightYear;
  if (holder) found.copyright = `© ${typeof year === 'number' || typeof year === 'string' ? `${year} ` : ''}${holder}`;
}

/** Open Graph, Twitter, Dublin Core and plain `<meta>` tags, and the canonical link. */
function readMetaTags(document: Document, found: PageMetadata, meta: Map<string, string>): void {
  assignText(document, found, 'headline', meta.get('og:title') ?? meta.get('twitter:title'), 'og:title');
  assignText(
    document,
    found,
    'summary',
    meta.get('og:description') ?? meta.get('description') ?? meta.get('twitter:description'),
    'og:description',
  );
  assignText(document, found, 'published', meta.get('article:published_time') ?? meta.get('og:published_time'), 'article:published_time');
  assignText(
    document,
    found,
    'published',
    meta.get('date') ?? meta.get('dc.date') ?? meta.get('pubdate') ?? meta.get('publishdate'),
    metaDate,
  );
  assignText(document, found, 'updated', meta.get('article:modified_time') ?? meta.get('og:updated_time'), 'article:modified_time');
  assignText(document, found, 'section', meta.get('article:section'), 'article:section');
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  assignText(document, found, 'url', canonical ?? meta.get('og:url'), canonical ? 'link rel=canonical' : 'og:url');
  if (found.tags.length === 0) {
    for (const element of document.querySelectorAll('meta[property="article:tag"]')) {
      const value = clean(element.getAttribute('content'));
      if (value) found.tags.push(value);
    }
    if (found.tags.length === 0) found.tags.push(...keywords(meta.get('news_keywords') ?? meta.get('keywords')));
  }
  const ogImage = meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image');
  if (ogImage) {
    const image: MetaImage = { src: ogImage };
    const alt = clean(meta.get('og:image:alt'));
    if (alt) image.caption = alt;
    found.images.push(image);
  }
}

/**
 * The authors without the site's own name, which CMSs give as a JSON-LD
 * `Person` (`L'Opinion`) or in `<meta name="author">` (`Acme News`); then,
 * when JSON-LD names no one, the author meta tags.
 */
function readAuthorsWithoutSite(found: PageMetadata, meta: Map<string, string>): void {
  const site = siteNames(found);
  if (found.authors) {
    const people = found.authors.value.filter((name) => !isSiteName(name, site));
    found.authors = people.length > 0 ? { value: people, from: found.authors.from } : undefined;
  }
  // `article:author` is often a profile URL, which is not a name.
  const author = [
    meta.get('author'),
    meta.get('article:author'),
    meta.get('byl'),
    meta.get('dc.creator'),
    meta.get('parsely-author'),
    meta.get('sailthru.author'),
    meta.get('itemprop:author'),
    labelledTwitterData(meta),
  ].find((value) => value && !/^https?:/i.test(value) && !isSiteName(value, site));
  // The site's name among the names (`Jo Weiden, Acme News`) is the outlet, not an author.
  const list = author ? splitAuthors(author).filter((name) => !isSiteName(name, site)) : [];
  if (found.authors) {
    // A CMS may give JSON-LD only the first of several authors that the meta tag lists (`April Roach` against
    // `April Roach, Daniel Rowe`): the longer list that holds every JSON-LD name is the byline.
    const folded = new Set(list.map((name) => name.toLowerCase()));
    const all = found.authors.value.every((name) => folded.has(name.toLowerCase()));
    if (all && list.length > found.authors.value.length) found.authors = { value: list, from: 'meta author' };
    return;
  }
  if (list.length > 0) found.authors = { value: list, from: 'meta author' };
}

/**
 * Labels of Twitter's extra card fields (`twitter:label1`/`twitter:data1`) that say the data is the author, as
 * WordPress SEO plugins write them in each language (`Written by`, `Verfasst von`, `Écrit par`).
 */
const twitterAuthorLabels: readonly string[] = [
  'written by',
  'verfasst von',
  'geschrieben von',
  'écrit par',
  'escrito por',
  'scritto da',
  'geschreven door',
  'author',
  'autor',
  'autorin',
  'auteur',
  'autore',
];

/** The data of the first `twitter:labelN` that names the author. */
function labelledTwitterData(meta: Map<string, string>): string | undefined {
  for (let index = 1; index <= 8; index++) {
    const label = meta.get(`twitter:label${index}`);
    if (label === undefined) continue;
    if (twitterAuthorLabels.includes(label.trim().replace(/:$/u, '').toLowerCase())) return meta.get(`twitter:data${index}`);
  }
  return undefined;
}

/** Last resorts in the markup: a `<time datetime>` for the date, `<html lang>` (or a meta language). */
function readMarkup(document: Document, found: PageMetadata, meta: Map<string, string>): void {
  if (!found.published) {
    const time = document.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"], time[datetime]');
    assignText(document, found, 'published', time?.getAttribute('datetime'), timeDatetime);
  }
  const lang = document.documentElement?.getAttribute('lang') ?? meta.get('content-language') ?? meta.get('og:locale')?.replace('_', '-');
  assignText(document, found, 'language', lang, lang === document.documentElement?.getAttribute('lang') ? '<html lang>' : 'meta language');
}

/** `<meta>` values by lowercase `property` or `name` (first one wins). */
function metaIndex(document: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    // Microdata's `<meta itemprop="author" content="…">` is kept apart (`itemprop:author`): its names are
    // schema.org's and would otherwise mix with those of the meta tags.
    const itemprop = element.getAttribute('itemprop');
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('http-equiv') ??
      (itemprop ? `itemprop:${itemprop}` : '')
    ).toLowerCase();
    const value = element.getAttribute('content')?.trim();
    if (key && value && !index.has(key)) index.set(key, value);
  }
  return index;
}

/**
 * The JSON-LD node that describes the article: every `<script
 * type="application/ld+json">` block, `@graph`s and arrays flattened; the
 * first news or article type wins over a plain `WebPage`.
 */
function jsonLdArticle(document: Document, problems: PageMetadata['problems']): Node | undefined {
  const nodes: Node[] = [];
  let block = 0;
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    block++;
    try {
      // Some CMSs leave HTML comments or CDATA markers around the JSON.
      const text = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '');
      collect(JSON.parse(text), nodes, 0);
    } catch (error) {
      problems.push({ block, reason: (error as Error).message });
    }
  }
  const typed = (node: Node) => [node['@type']].flat().filter((type): type is string => typeof type === 'string');
  const articles = nodes.filter((node) => typed(node).some((type) => articleType.test(type)));
  const article =
    articles.find((node) => typed(node).some((type) => /NewsArticle|Article|BlogPosting|Report/.test(type) && type !== 'WebPage')) ??
    articles.find((node) => node.headline !== undefined);
  if (!article) return undefined;
  // A `@graph` names the author, publisher and copyright holder once, by `@id` (Yoast, Rank Math: `"author":
  // {"@id": "…#/schema/person/…"}`); the article's fields get the nodes themselves.
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && Object.keys(node).length > 1) byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(resolve)
      : isNode(value) && typeof value['@id'] === 'string' && value.name === undefined
        ? (byId.get(value['@id']) ?? value)
        : value;
  return {
    ...article,
    author: resolve(article.author),
    publisher: resolve(article.publisher),
    copyrightHolder: resolve(article.copyrightHolder),
  };
}

function collect(value: unknown, into: Node[], depth: number): void {
  // JSON-LD on real pages is shallow; the bound keeps a hostile page from recursing deeply.
  if (depth > 8) return;
  if (Array.isArray(value)) for (const entry of value) collect(entry, into, depth + 1);
  else if (isNode(value)) {
    into.push(value);
    if (value['@graph']) collect(value['@graph'], into, depth + 1);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names from a JSON-LD `author`/`publisher` value: strings, objects or lists of either. */
function names(value: unknown, kind: 'Person' | 'Organization' | 'any'): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const result: string[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      if (kind !== 'Organization') result.push(...splitAuthors(entry));
      continue;
    }
    if (!isNode(entry)) continue;
    const type = [entry['@type']].flat().join(' ');
    // A one-person site types its owner `["Person", "Organization"]`: a person still.
    const isOrganisation = /Organization|NewsMediaOrganization|Corporation/.test(type) && !/\bPerson\b/.test(type);
    if (kind === 'Person' && isOrganisation) continue;
    if (kind === 'Organization' && !isOrganisation) continue;
    const name = clean(typeof entry.name === 'string' ? entry.name : undefined);
    if (name && !/^https?:/i.test(name)) result.push(normaliseName(name));
  }
  return [...new Set(result)];
}

/** `By Jane Doe and John Roe` → two names; upper-case names get title case. */
export function splitAuthors(text: string): string[] {
  return bylineNames(text)
    .replace(
      /^[\s,;:|·•–—-]*(?:(?:posted|written|geschrieben|publié|publicado)\s+)?(?:(?:by|von|par|por|door)\s+|(?:auteur|autor|autorin|author|text|texte)\s*:\s*)?/iu,
      '',
    )
    .replace(/\s*\((?:with|avec|mit|con|com)\s[^)]*\)/giu, '')
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|&|\bim Gespräch mit\b|\bin conversation with\b)\s*/iu)
    .map((name) =>
      name
        .replace(/\s+/gu, ' ')
        .replace(/[\s|·•:–—-]+$/u, '')
        .trim(),
    )
    .filter((name) => name.length > 1 && name.length < 80 && isName(name))
    .map(normaliseName);
}

/**
 * Words a byline element holds that are no name: a URL, a handle (`@AcmeNews`), a user name (`jane.doe`), a
 * label left alone (`Posted`, `Redaktion`), a degree, a site's name with its tagline (`Acme – Das Magazin für
 * Segler`: a part after a dash or bar with a word in lower case that no name has).
 */
function isName(name: string): boolean {
  return (
    !/^https?:|^@|^[\p{Ll}\d]+[._][\p{Ll}\d._]+$/iu.test(name) &&
    !/^(?:posted|by|von|par|por|auteur|autor|author|redaktion|editorial staff|staff|admin)$/iu.test(name) &&
    !degrees.has(name.replace(/\./gu, '')) &&
    !(/\s[–—|]\s/u.test(name) && name.split(/\s+/u).some((word) => /^\p{Ll}{3,}$/u.test(word) && !particles.has(word)))
  );
}

/** Lower-case words of names (`Jo van der Weiden`, `Ana de la Cruz`), which a tagline's lower-case words are not. */
const particles = new Set(['von', 'van', 'der', 'den', 'del', 'dos', 'das', 'ter', 'ten', 'zu', 'bin', 'ibn']);

// A byline element's text (what Readability returns) often holds more than the names: the date (`By JANE DOE` over
// `March 11, 2015 3:46 PM`, or glued: `Jane Doe22 Dec 2016`), an outlet line, a degree after a comma. The names end
// at the first written date, and at the end of a line that does not run on (`and`, `&`, a comma) to the next one.
const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zé]*\\.?';
const writtenDate = new RegExp(
  `\\d{1,2}(?:st|nd|rd|th)?\\s+${month},?\\s+\\d{4}|\\b${month}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}`,
  'iu',
);
/** A relative time printed after the names, even glued (`Jane Doevor 5 Stunden`, `Jane Doe 2 hours ago`). */
const relativeTime = /(?:vor|il y a|hace)\s*\d+\s*\p{L}+|\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b/iu;
/** Degrees and post-nominals printed after a name (`Jane Doe, MD`), never names themselves. */
const degrees = new Set(['MA', 'MD', 'PhD', 'MS', 'MSc', 'MPH', 'RN', 'DO', 'BA', 'BSc', 'MBA', 'Jr', 'Sr', 'DDS', 'RD', 'RDN']);

function bylineNames(text: string): string {
  const date = writtenDate.exec(text) ?? relativeTime.exec(text);
  // The separator printed before the date (`Jane Doe — March 3, 2021`, `Jane Doe | 2021-03-03`) goes with it.
  const names = date ? text.slice(0, date.index).replace(/[\s,|·•:–—-]+$/u, '') : text;
  const lines = names.split(/\n/u).map((line) => line.trim());
  let kept = '';
  for (const line of lines) {
    if (!line) continue;
    if (
      !kept ||
      /^(?:by|von|par|por|door|auteur\s*:|autor(?:in)?\s*:|author\s*:|texte?\s*:)$/iu.test(kept) ||
      /(?:,|&|\band|\bund|\bet)$/iu.test(kept) ||
      /^(?:and|und|et|&)\b/iu.test(line)
    )
      kept = `${kept} ${line}`.trim();
    else break;
  }
  return kept;
}

/** Names written in capitals (`MARTA QUINLAN`, a wire byline style) in title case; other names as written. */
function normaliseName(name: string): string {
  return name === name.toUpperCase() && /\p{Lu}{2}/u.test(name) ? titleCase(name) : name;
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function jsonLdImages(value: unknown): MetaImage[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const images: MetaImage[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') images.push({ src: entry });
    else if (isNode(entry)) {
      const src = typeof entry.url === 'string' ? entry.url : typeof entry.contentUrl === 'string' ? entry.contentUrl : undefined;
      if (!src) continue;
      const image: MetaImage = { src };
      const caption = clean(typeof entry.caption === 'string' ? entry.caption : undefined);
      if (caption) image.caption = caption;
      const credit = clean(
        typeof entry.creditText === 'string'
          ? entry.creditText
          : typeof entry.copyrightHolder === 'string'
            ? entry.copyrightHolder
            : undefined,
      );
      if (credit) image.credit = credit;
      const width = Number(entry.width);
      const height = Number(entry.height);
      if (Number.isInteger(width) && width > 0) image.width = width;
      if (Number.isInteger(height) && height > 0) image.height = height;
      images.push(image);
    }
  }
  return images;
}

function keywords(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.flatMap((entry) => {
    const text = typeof entry === 'string' ? clean(entry) : undefined;
    return text ? [text] : [];
  });
}

function first(value: unknown): string | undefined {
  return Array.isArray(value)
    ? (value.find((entry) => typeof entry === 'string') as string | undefined)
    : typeof value === 'string'
      ? value
      : undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['@id'] === 'string') return value['@id'];
  return undefined;
}

type TextKey = 'headline' | 'summary' | 'published' | 'updated' | 'language' | 'url' | 'section';

/** Set a field unless an earlier, more trusted source already did. */
function assignText(document: Document, found: PageMetadata, key: TextKey, value: unknown, from: string): void {
  if (found[key] !== undefined || typeof value !== 'string') return;
  const text = clean(decodeEntities(value, document));
  if (text) found[key] = { value: text, from };
}

/**
 * JSON-LD and meta values sometimes carry HTML entities a second time
 * (`&amp;#8217;`, `&quot;`): decoded by the page's own HTML parser, as text.
 */
function decodeEntities(text: string, document: Document): string {
  if (!/&(?:#x?[0-9a-f]+|[a-z]+\d*);/iu.test(text)) return text;
  const holder = document.createElement('div');
  holder.innerHTML = text;
  return holder.textContent ?? text;
}

/** Collapse white space; `keepParagraphs` keeps blank lines between paragraphs. */
export function clean(text: string | null | undefined, keepParagraphs = false): string | undefined {
  if (!text) return undefined;
  const result = keepParagraphs
    ? text
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map((part) => part.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n\n')
    : text.replace(/\s+/g, ' ').trim();
  return result || undefined;
}
