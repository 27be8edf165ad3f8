import type { ArticleFields, ArticleImage, Author, Dateline, Rule, Subject } from '@syndikit/core';
import {
  checkUrl,
  rules as coreRules,
  imageMediaType,
  normalizeDate,
  parseDateline,
  resolveImageRef,
  slugify,
  splitCredit,
  splitList,
} from '@syndikit/core';
import { describe } from './parse-front-matter.js';
import { markdownRules } from './rules.js';

/** A field problem: which key, what went wrong, and which catalogue rule it is reported under. */
export interface FieldProblem {
  /** The top-level key the problem is about. */
  key: string;
  /** Where in that key's value, when deeper than the key (`['authors', 1, 'url']`). */
  path?: ReadonlyArray<string | number>;
  reason: string;
  rule: Rule;
  severity: 'error' | 'warning' | 'info';
}

/** Options for {@link readFields}. */
export interface ReadFieldsOptions {
  /** Time zone for dates written without an offset. */
  timeZone: string;
  /** The article's path relative to the content root, POSIX. */
  articlePath: string;
  /** The site URL that relative `url:` values are resolved against (see `checkUrl`). Default: none. */
  siteUrl?: string | undefined;
  /**
   * People by key, from the site's authors file (Docusaurus
   * `blog/authors.yml`, Jekyll `_data/authors.yml`, Hugo `data/authors.*`,
   * `data/authors/<key>.*`, `content/authors/<key>/_index.md`): an author
   * given as a key (`authors: [jane]`), or whose name's slug is one
   * (`Jane Doe`, `jane-doe`), is that entry (its `name`, `display_name` or
   * `title`, `url` or `web`, `email`). Default: none.
   */
  authors?: Readonly<Record<string, unknown>> | undefined;
  /** The site's static folders relative to the content root (see `MarkdownIngestOptions.staticDirs`). Default: none. */
  staticDirs?: readonly string[] | undefined;
}

/** A root-relative reference (`/img/a.png`) as the path of the file in the first static folder; anything else as is. */
export function staticPath(reference: string, staticDirs: readonly string[] | undefined): string {
  const folder = staticDirs?.[0];
  if (folder === undefined || folder === '' || !reference.startsWith('/') || reference.startsWith('//')) return reference;
  return `/${folder.replace(/^\/+|\/+$/g, '')}${reference}`;
}

/** What the front matter says about publishing, read by {@link readPublishState}. */
export interface PublishState {
  /** `draft: true` (every generator) or `published: false` (Jekyll), `unlisted` is not a draft. */
  draft: boolean;
  /** `expiryDate` (Hugo), normalised; absent when not given or not a date. */
  expires?: string;
  /** `headless: true` (a Hugo bundle of resources, not a page). */
  headless: boolean;
}

/** The publish state of a front matter record. */
export function readPublishState(data: Readonly<Record<string, unknown>>, timeZone: string): PublishState {
  const draft = data.draft === true || data.draft === 'true' || data.published === false || data.published === 'false';
  const state: PublishState = { draft, headless: data.headless === true };
  const expiry = data.expiryDate ?? data.expirydate ?? data.expiry;
  if (typeof expiry === 'string') {
    const normalized = normalizeDate(expiry, timeZone);
    const expires = typeof normalized === 'string' ? normalized : lenientDate(expiry, timeZone);
    if (expires) state.expires = expires;
  }
  return state;
}

/**
 * The front matter keys syndikit reads, each with the names people use for
 * it. The first name is the canonical one: the one the Markdown writer
 * (`frontMatterData`) writes, so reader and writer share this one table.
 */
export const fieldAliases = {
  id: ['id', 'guid'],
  slug: ['slug'],
  headline: ['title', 'headline'],
  subheadline: ['subheadline', 'subtitle', 'deck'],
  summary: ['summary', 'description', 'excerpt', 'abstract'],
  authors: ['authors', 'author', 'byline', 'by'],
  // Editors and additional reporters, as `{ name, role }`: never authors.
  contributors: ['contributors'],
  dateline: ['dateline'],
  // `published` only when it is a date: `published: false` is Jekyll's publish state (see `readPublishState`).
  published: ['published', 'date', 'pubDate', 'publishDate', 'pubDatetime', 'datePublished', 'created'],
  updated: ['updated', 'modified', 'lastmod', 'updatedDate', 'modDatetime', 'last_modified_at', 'dateModified'],
  language: ['language', 'lang'],
  url: ['url', 'canonical', 'canonicalUrl', 'canonical_url', 'canonicalURL', 'permalink'],
  section: ['section', 'category', 'categories'],
  tags: ['tags', 'keywords', 'series'],
  // Identifiers of the section and tags (`{ name, uri?, literal? }`), as ninjs and NewsML-G2 give them.
  subjects: ['subjects'],
  copyright: ['copyright', 'rights'],
  source: ['source', 'agency', 'provider'],
  status: ['status', 'pubstatus'],
  embargoed: ['embargoed', 'embargo'],
  notes: ['notes'],
  // Notes to editors, never published (AMP pages and feeds leave them out): ninjs calls them `ednote`.
  editorNotes: ['ednote', 'editorNotes', 'editor_notes'],
  images: ['images', 'image', 'cover', 'coverImage', 'heroImage', 'featured_image', 'featuredImage', 'thumbnail', 'ogImage', 'og_image'],
} as const satisfies Record<keyof ArticleFields | 'editorNotes', readonly string[]>;

/** An article field that front matter can set. */
export type FieldName = keyof typeof fieldAliases;

/** The key a field is written under: the first of its {@link fieldAliases}. */
export function canonicalKey<F extends FieldName>(field: F): (typeof fieldAliases)[F][0] {
  return fieldAliases[field][0];
}

/**
 * Keys the generators use for their own purposes (layout, ordering, menus,
 * publish state, theme switches): recognised so that no warning is given,
 * and not read as article fields (the publish-state keys are read by
 * `readPublishState`). Grouped by the generator that documents them.
 */
export const generatorKeys: ReadonlySet<string> = new Set<string>([
  // Publish state (read by readPublishState) and taxonomies read from tables.
  'draft',
  'expiryDate',
  'expirydate',
  'unlisted',
  'headless',
  'taxonomies',
  'path',
  'extra',
  // Hugo
  'layout',
  'weight',
  'type',
  'aliases',
  'toc',
  'menu',
  'linkTitle',
  'outputs',
  'build',
  'cascade',
  'markup',
  'resources',
  'sitemap',
  'translationKey',
  'isCJKLanguage',
  'hidden',
  'math',
  'katex',
  'mermaid',
  'comments',
  'showToc',
  'ShowToc',
  'TocOpen',
  'hideSummary',
  'searchHidden',
  'ShowReadingTime',
  'ShowBreadCrumbs',
  'ShowPostNavLinks',
  'ShowWordCount',
  'ShowCodeCopyButtons',
  'UseHugoToc',
  'disableShare',
  'disableHLJS',
  'hidemeta',
  'editPost',
  'expiry',
  'featured',
  'pinned',
  'share',
  'readingTime',
  // Zola
  'template',
  'page_template',
  'in_search_index',
  'render',
  'insert_anchor_links',
  'transparent',
  'sort_by',
  'paginate_by',
  'paginate_path',
  'generate_feeds',
  'redirect_to',
  // Jekyll
  'redirect_from',
  'pin',
  'excerpt_separator',
  'last_modified_at',
  'render_with_liquid',
  'classes',
  'header',
  'sidebar',
  'author_profile',
  'read_time',
  'share',
  'related',
  'show_date',
  // Docusaurus
  'sidebar_position',
  'sidebar_label',
  'sidebar_class_name',
  'sidebar_custom_props',
  'hide_table_of_contents',
  'hide_title',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_next',
  'pagination_prev',
  'pagination_label',
  'custom_edit_url',
  'last_update',
  'displayed_sidebar',
  // Eleventy
  'permalink',
  'eleventyExcludeFromCollections',
  'eleventyNavigation',
  'eleventyComputed',
  'pagination',
  'templateEngineOverride',
  'eleventyImport',
  'dynamicPermalink',
  // Astro, Next.js and their starters
  'preview',
  'ogImage',
  'minutesRead',
  'featured',
  'hideEditPost',
  'timezone',
  'heroImageAlt',
  'coverAlt',
]);

const knownKeys: ReadonlySet<string> = new Set<string>([...Object.values(fieldAliases).flat(), ...generatorKeys]);

/** One front matter record being read: the data, the options, and what was found so far. */
interface Reading {
  readonly data: Readonly<Record<string, unknown>>;
  readonly options: ReadFieldsOptions;
  readonly fields: ArticleFields;
  readonly problems: FieldProblem[];
  /** Notes to editors: kept apart from the fields, as `IngestResult.editorNotes` (never published). */
  editorNotes: string[];
}

/**
 * Read article metadata from a plain record (parsed front matter),
 * accepting the shapes people write: `title` or `headline`, `date` or
 * `published`, authors as strings or objects, `image` as a path or object.
 * Problems are collected, never thrown, in the order of the fields below.
 */
export function readFields(
  data: Record<string, unknown>,
  options: ReadFieldsOptions,
): { fields: ArticleFields; problems: FieldProblem[]; editorNotes: string[] } {
  const reading: Reading = { data, options, fields: { authors: [], tags: [], images: [] }, problems: [], editorNotes: [] };
  reportUnknownKeys(reading);
  readTextFields(reading);
  readDates(reading);
  readStatus(reading);
  readNotes(reading);
  readSubjects(reading);
  readDatelineField(reading);
  readAuthors(reading);
  readContributors(reading);
  readTags(reading);
  readImages(reading);
  return { fields: reading.fields, problems: reading.problems, editorNotes: reading.editorNotes };
}

function reportUnknownKeys(reading: Reading): void {
  for (const key of Object.keys(reading.data)) {
    if (!knownKeys.has(key)) {
      reading.problems.push({
        key,
        reason: `Unknown front matter field \`${key}\` is ignored`,
        rule: markdownRules.frontMatterUnknownKey,
        severity: 'warning',
      });
    }
  }
}

/** The first alias of `field` that has a value (not `null`, and accepted by `accept`), with the key it was found under. */
function pick(reading: Reading, field: FieldName, accept: (value: unknown) => boolean = () => true): [string, unknown] | undefined {
  for (const name of fieldAliases[field]) {
    const value = reading.data[name];
    if (value !== undefined && value !== null && value !== '' && accept(value)) return [name, value];
  }
  return undefined;
}

function typeProblem(reading: Reading, key: string, expected: string, value: unknown): void {
  reading.problems.push({
    key,
    reason: `Expected ${expected} for \`${key}\` but received ${describe(value)}`,
    rule: markdownRules.frontMatterType,
    severity: 'error',
  });
}

/** A string field, trimmed; empty is absent. */
function text(reading: Reading, field: FieldName): string | undefined {
  const found = pick(reading, field);
  if (!found) return undefined;
  const [key, value] = found;
  if (typeof value !== 'string') {
    typeProblem(reading, key, 'a string', value);
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A URL through core's policy (`checkUrl`), reported at `path` when refused. */
function checkedUrl(reading: Reading, path: ReadonlyArray<string | number>, value: string): string | undefined {
  const site = reading.options.siteUrl;
  // A generator's `/path/` is under the site's base path (`https://user.github.io/project/`), as its permalinks are.
  const sitePath = site ? new URL(site).pathname.replace(/\/+$/, '') : '';
  const underBase = sitePath !== '' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${sitePath}/`);
  const checked = checkUrl(underBase ? `${sitePath}${value}` : value, { base: site });
  if ('url' in checked) return checked.url;
  const key = String(path[0]);
  reading.problems.push({ key, path, reason: `\`${path.join('.')}\`: ${checked.error}`, rule: coreRules.urlInvalid, severity: 'error' });
  return undefined;
}

function assign<K extends keyof ArticleFields>(reading: Reading, key: K, value: ArticleFields[K] | undefined): void {
  if (value !== undefined) reading.fields[key] = value;
}

/** The plain-text fields and the article URL, in their historical order (which orders the problems). */
function readTextFields(reading: Reading): void {
  for (const field of ['id', 'slug', 'headline', 'subheadline', 'summary', 'language'] as const)
    assign(reading, field, text(reading, field));
  const url = text(reading, 'url');
  if (url !== undefined) assign(reading, 'url', checkedUrl(reading, [pick(reading, 'url')?.[0] ?? 'url'], url));
  readSection(reading);
  for (const field of ['copyright', 'source'] as const) assign(reading, field, text(reading, field));
}

/** The first of a string or a list of strings (`categories: [news, tech]`), trimmed. */
function firstName(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((item) => typeof item === 'string' && item.trim()) : value;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
}

/** `section`, else `category`, else the first of `categories` (or of Zola's `taxonomies.categories`). */
function readSection(reading: Reading): void {
  const found = pick(reading, 'section');
  const taxonomies = isRecord(reading.data.taxonomies) ? reading.data.taxonomies : {};
  if (!found) {
    assign(reading, 'section', firstName(taxonomies.categories));
    return;
  }
  const [key, value] = found;
  const section = firstName(value);
  if (section === undefined) typeProblem(reading, key, 'a string or a list of strings', value);
  else reading.fields.section = section;
}

/** `published`, `updated` and `embargoed`: ISO 8601, normalised in the configured time zone; lenient forms with a warning. */
function readDates(reading: Reading): void {
  for (const field of ['published', 'updated', 'embargoed'] as const) {
    // A boolean `published` is a publish state, not a date: the next alias is tried.
    const found = pick(reading, field, (value) => typeof value !== 'boolean');
    if (!found) continue;
    const [key, value] = found;
    if (typeof value !== 'string') {
      typeProblem(reading, key, 'an ISO 8601 date string', value);
      continue;
    }
    const normalized = normalizeDate(value, reading.options.timeZone);
    if (typeof normalized === 'string') {
      reading.fields[field] = normalized;
      continue;
    }
    const lenient = lenientDate(value, reading.options.timeZone) ?? strayDate(value, reading.options.timeZone);
    if (lenient === undefined) {
      reading.problems.push({ key, reason: normalized.error, rule: coreRules.dateInvalid, severity: 'error' });
      continue;
    }
    reading.fields[field] = lenient;
    reading.problems.push({
      key,
      reason: `\`${key}\` ${JSON.stringify(value)} is not ISO 8601; read as ${lenient}`,
      rule: markdownRules.dateLenient,
      severity: 'warning',
    });
  }
  if (reading.fields.published === undefined) readPathDate(reading);
}

/**
 * A date and time with a stray word between them and the offset, as a typo
 * leaves it (`2023-01-29 18:30:22 2023 -0800`): the date, time and offset,
 * as Ruby's lenient `Time.parse` (Jekyll) reads it. `undefined` for anything else.
 */
function strayDate(value: string, timeZone: string): string | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s+\S+?\s*([+-]\d{2}:?\d{2}|Z|UTC)?\s*$/.exec(value);
  if (!match) return undefined;
  return lenientDate(`${match[1]} ${match[2]}${match[3] ? ` ${match[3]}` : ''}`, timeZone);
}

/**
 * Reads a date people write that is not ISO 8601: `lenientDate` of
 * `lenient-date.ts`, which registers itself here when it is loaded. It
 * imports chrono-node (266 modules), which only such a date needs: the
 * package's main entry imports it, and the ingester the first time a file
 * has such a date (see {@link LenientDatesNotLoaded}), so converting files
 * with ISO 8601 dates does not load chrono.
 */
let lenientReader: ((value: string, timeZone: string) => string | undefined) | undefined;

/** Called by `lenient-date.ts` as it loads. */
export function useLenientDates(read: (value: string, timeZone: string) => string | undefined): void {
  lenientReader = read;
}

/**
 * Thrown when a date that is not ISO 8601 is read before `lenient-date.ts`
 * was loaded: the ingester imports it (asynchronously, as a bundler
 * follows) and reads the file again.
 */
export class LenientDatesNotLoaded extends Error {
  constructor() {
    super('A date that is not ISO 8601 needs lenient-date.js loaded first');
  }
}

function lenientDate(value: string, timeZone: string): string | undefined {
  if (lenientReader === undefined) throw new LenientDatesNotLoaded();
  return lenientReader(value, timeZone);
}

/**
 * The publication date from where the file is: a `2024-01-02-` prefix of
 * the file or its folder (Jekyll, Docusaurus), or a Zola `path` such as
 * `2016/04/19/title`. Reported as info: it is the generators' convention.
 */
function readPathDate(reading: Reading): void {
  const zolaPath = typeof reading.data.path === 'string' ? /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(reading.data.path) : null;
  const named = datePrefix(reading.options.articlePath);
  const parts = zolaPath ? zolaPath.slice(1, 4) : named?.slice(0, 3);
  if (!parts) return;
  const normalized = normalizeDate(parts.join('-'), reading.options.timeZone);
  if (typeof normalized !== 'string') return;
  reading.fields.published = normalized;
  reading.problems.push({
    key: zolaPath ? 'path' : '',
    reason: `Publication date ${parts.join('-')} taken from ${zolaPath ? 'the `path` field' : 'the file name'}`,
    rule: markdownRules.dateFromFileName,
    severity: 'info',
  });
}

/**
 * `[year, month, day, rest]` of a date at the end of `articlePath`, as
 * Jekyll and Docusaurus read it: `2024-01-02-rest.md`, `2024-01-02-rest/index.md`,
 * or folders `2024/01-02-rest.md`, `2024/01/02/rest.md`. `rest` is the last
 * part of the name after the date (`''` when none).
 */
export function datePrefix(articlePath: string): [string, string, string, string] | undefined {
  const path = articlePath.replace(/\.[^./]*$/, '').replace(/\/index$/, '');
  const match = /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})(?:[-/](.*))?$/.exec(path);
  if (!match) return undefined;
  return [match[1] as string, match[2] as string, match[3] as string, (match[4] ?? '').split('/').pop() ?? ''];
}

function readStatus(reading: Reading): void {
  const status = text(reading, 'status');
  if (status === undefined) return;
  const lower = status.toLowerCase();
  if (lower === 'usable' || lower === 'withheld' || lower === 'canceled') reading.fields.status = lower;
  else typeProblem(reading, pick(reading, 'status')?.[0] ?? 'status', 'one of usable, withheld, canceled', status);
}

function readNotes(reading: Reading): void {
  const notes = noteList(reading, 'notes');
  if (notes.length > 0) reading.fields.notes = notes;
  reading.editorNotes.push(...noteList(reading, 'editorNotes'));
}

/** A note field as a list of non-empty strings (a string or a list of them). */
function noteList(reading: Reading, field: 'notes' | 'editorNotes'): string[] {
  const found = pick(reading, field);
  if (!found) return [];
  const [key, value] = found;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((note) => typeof note === 'string')) {
    typeProblem(reading, key, 'a string or a list of strings', value);
    return [];
  }
  return (list as string[]).map((note) => note.trim()).filter(Boolean);
}

/** Subjects as `{ name, uri?, literal? }`: the identifiers of the section and tags (a URI with a scheme, a code). */
function readSubjects(reading: Reading): void {
  const found = pick(reading, 'subjects');
  if (!found) return;
  const [key, value] = found;
  const list = Array.isArray(value) ? value : [value];
  const valid = list.every(
    (entry) =>
      isRecord(entry) &&
      typeof entry.name === 'string' &&
      entry.name.trim() !== '' &&
      optionalString(entry.literal) &&
      (entry.uri === undefined ||
        entry.uri === null ||
        (typeof entry.uri === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(entry.uri.trim()))),
  );
  if (!valid) {
    typeProblem(reading, key, 'a list of { name, uri?, literal? } (uri with a scheme)', value);
    return;
  }
  const subjects = (list as Array<Record<string, unknown>>).map((entry) => {
    const subject: Subject = { name: String(entry.name).trim() };
    if (typeof entry.uri === 'string') subject.uri = entry.uri.trim();
    if (typeof entry.literal === 'string' && entry.literal.trim()) subject.literal = entry.literal.trim();
    return subject;
  });
  if (subjects.length > 0) reading.fields.subjects = subjects;
}

/** A dateline as text (`BERLIN (dpa)`) or as `{ place, agency }`. */
function readDatelineField(reading: Reading): void {
  const dateline = pick(reading, 'dateline');
  if (!dateline) return;
  const [key, value] = dateline;
  if (typeof value === 'string') reading.fields.dateline = parseDateline(value) ?? { place: value.trim() };
  else if (isRecord(value) && optionalString(value.place) && optionalString(value.agency)) {
    const parsed: Dateline = {};
    if (typeof value.place === 'string' && value.place.trim()) parsed.place = value.place.trim();
    if (typeof value.agency === 'string' && value.agency.trim()) parsed.agency = value.agency.trim();
    reading.fields.dateline = parsed;
  } else typeProblem(reading, key, 'a string or { place, agency }', value);
}

/** Authors as names or `{ name, url?, email? }`, one or a list; an author with a refused URL is left out. */
function readAuthors(reading: Reading): void {
  const authors = pick(reading, 'authors');
  if (!authors) return;
  const [key, value] = authors;
  const list = Array.isArray(value) ? value : [value];
  for (const [index, entry] of list.entries()) {
    const item = authorByKey(reading, entry);
    const author = readAuthor(item);
    if (!author) {
      typeProblem(reading, key, 'a name or { name, url?, email? }', item);
      continue;
    }
    if (author.url !== undefined) {
      const checked = checkedUrl(reading, Array.isArray(value) ? [key, index, 'url'] : [key, 'url'], author.url);
      if (checked === undefined) continue;
      author.url = checked;
    }
    reading.fields.authors.push(author);
  }
}

/** Contributors as `{ name, role }`, one or a list (`role`: `editor`, `additional-reporting`, …). */
function readContributors(reading: Reading): void {
  const found = pick(reading, 'contributors');
  if (!found) return;
  const [key, value] = found;
  const contributors: NonNullable<ArticleFields['contributors']> = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (isRecord(entry) && typeof entry.name === 'string' && entry.name.trim() && typeof entry.role === 'string' && entry.role.trim())
      contributors.push({ name: entry.name.trim(), role: entry.role.trim() });
    else typeProblem(reading, key, '{ name, role } or a list of them', entry);
  }
  if (contributors.length > 0) reading.fields.contributors = contributors;
}

/** Tags as `a, b; c` or a list of strings and numbers, from `tags`, `keywords`, `series` and Zola's `taxonomies`, de-duplicated. */
function readTags(reading: Reading): void {
  const taxonomies = isRecord(reading.data.taxonomies) ? reading.data.taxonomies : {};
  const sources: Array<[string, unknown]> = fieldAliases.tags.map((key) => [key, reading.data[key]]);
  for (const [key, value] of Object.entries(taxonomies)) if (key !== 'categories') sources.push([`taxonomies.${key}`, value]);
  const tags: string[] = [];
  for (const [key, value] of sources) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string') tags.push(...splitList(value));
    else if (Array.isArray(value) && value.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
      tags.push(...value.map((tag) => String(tag).trim()).filter(Boolean));
    } else typeProblem(reading, key.split('.')[0] ?? key, 'a list of strings', value);
  }
  if (tags.length > 0) reading.fields.tags = [...new Set(tags)];
}

/**
 * Images as paths or objects, one or a list, from every image alias in
 * order (`image`, `cover.image`, `heroImage`, `ogImage.url`, …), resolved
 * against the article and confined to the content root, de-duplicated.
 */
function readImages(reading: Reading): void {
  const seen = new Set<string>();
  for (const key of fieldAliases.images) {
    const value = reading.data[key];
    if (value === undefined || value === null || value === '' || typeof value === 'boolean') continue;
    const strict = key === 'images' || key === 'image';
    for (const item of Array.isArray(value) ? value : [value]) {
      const image = readImage(item);
      if (!image) {
        // A theme's empty `cover: { image: "" }` is no image, not a mistake.
        if (strict) typeProblem(reading, key, 'an image path or { src, alt?, caption?, credit?, creator?, width?, height? }', item);
        continue;
      }
      const resolved = resolveImageRef(staticPath(image.src, reading.options.staticDirs), reading.options.articlePath);
      if ('error' in resolved) {
        const rule = resolved.error === 'outside-root' ? coreRules.imageOutsideRoot : coreRules.imageUrlUnsupported;
        reading.problems.push({ key, reason: resolved.reason, rule, severity: 'error' });
        continue;
      }
      if (seen.has(resolved.src)) continue;
      seen.add(resolved.src);
      image.src = resolved.src;
      const mediaType = imageMediaType(image.src);
      if (mediaType && !image.mediaType) image.mediaType = mediaType;
      reading.fields.images.push(image);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/**
 * An author given as a key of the site's authors file, as that file's entry
 * (with its key as name when it has none). A name that is not a key is
 * tried as its slug too: Hugo keeps an author's page under the urlized name
 * (`Jane Doe` is `content/authors/jane-doe/`).
 */
function authorByKey(reading: Reading, entry: unknown): unknown {
  const table = reading.options.authors;
  if (typeof entry !== 'string' || !table) return entry;
  const key = [entry.trim(), slugify(entry)].find((candidate) => candidate !== '' && Object.hasOwn(table, candidate));
  if (key === undefined) return entry;
  const found = table[key];
  if (typeof found === 'string') return found;
  if (!isRecord(found)) return entry;
  const name = [found.name, found.display_name, found.title].find((value) => typeof value === 'string' && value.trim()) ?? entry.trim();
  const url = typeof found.url === 'string' ? found.url : typeof found.web === 'string' ? found.web : undefined;
  const author: Record<string, unknown> = { name };
  if (url) author.url = url;
  if (typeof found.email === 'string') author.email = found.email;
  return author;
}

function readAuthor(value: unknown): Author | undefined {
  if (typeof value === 'string') return value.trim() ? { name: value.trim() } : undefined;
  if (!isRecord(value) || typeof value.name !== 'string' || !value.name.trim()) return undefined;
  if (!optionalString(value.url) || !optionalString(value.email)) return undefined;
  const author: Author = { name: value.name.trim() };
  if (typeof value.url === 'string' && value.url.trim()) author.url = value.url.trim();
  if (typeof value.email === 'string' && value.email.trim()) author.email = value.email.trim();
  return author;
}

function readImage(value: unknown): ArticleImage | undefined {
  if (typeof value === 'string') return value.trim() ? { src: value.trim() } : undefined;
  if (!isRecord(value)) return undefined;
  const src = value.src ?? value.url ?? value.path ?? value.image;
  if (typeof src !== 'string' || !src.trim()) return undefined;
  for (const key of ['alt', 'caption', 'credit', 'creator'] as const) if (!optionalString(value[key])) return undefined;
  for (const key of ['width', 'height'] as const) {
    const size = value[key];
    if (size !== undefined && size !== null && !(typeof size === 'number' && Number.isInteger(size) && size > 0)) return undefined;
  }
  const image: ArticleImage = { src: src.trim() };
  if (typeof value.alt === 'string') image.alt = value.alt.trim();
  let caption = typeof value.caption === 'string' ? value.caption.trim() : undefined;
  let credit = typeof value.credit === 'string' ? value.credit.trim() : undefined;
  if (caption && !credit) ({ caption, credit } = splitCredit(caption));
  if (caption) image.caption = caption;
  if (credit) image.credit = credit;
  // The photographer, where the credit line names an agency too (`AP Photo/Maria Okafor`).
  if (typeof value.creator === 'string' && value.creator.trim()) image.creator = value.creator.trim();
  if (typeof value.width === 'number') image.width = value.width;
  if (typeof value.height === 'number') image.height = value.height;
  return image;
}
