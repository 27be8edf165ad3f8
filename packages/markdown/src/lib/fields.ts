import type { ArticleFields, ArticleImage, Author, Dateline, Rule } from '@syndikit/core';
import {
  checkUrl,
  rules as coreRules,
  imageMediaType,
  normalizeDate,
  parseDateline,
  resolveImageRef,
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
  severity: 'error' | 'warning';
}

/** Options for {@link readFields}. */
export interface ReadFieldsOptions {
  /** Time zone for dates written without an offset. */
  timeZone: string;
  /** The article's path relative to the content root, POSIX. */
  articlePath: string;
  /** The site URL that relative `url:` values are resolved against (see `checkUrl`). Default: none. */
  siteUrl?: string | undefined;
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
  dateline: ['dateline'],
  published: ['published', 'date', 'pubDate', 'datePublished'],
  updated: ['updated', 'modified', 'lastmod', 'dateModified'],
  language: ['language', 'lang'],
  url: ['url', 'canonical', 'canonicalUrl'],
  section: ['section', 'category'],
  tags: ['tags', 'keywords'],
  copyright: ['copyright', 'rights'],
  source: ['source', 'agency', 'provider'],
  status: ['status', 'pubstatus'],
  embargoed: ['embargoed', 'embargo'],
  notes: ['notes', 'ednote'],
  images: ['images', 'image'],
} as const satisfies Record<keyof ArticleFields, readonly string[]>;

/** An article field that front matter can set. */
export type FieldName = keyof typeof fieldAliases;

/** The key a field is written under: the first of its {@link fieldAliases}. */
export function canonicalKey<F extends FieldName>(field: F): (typeof fieldAliases)[F][0] {
  return fieldAliases[field][0];
}

const knownKeys: ReadonlySet<string> = new Set<string>(Object.values(fieldAliases).flat());

/** One front matter record being read: the data, the options, and what was found so far. */
interface Reading {
  readonly data: Readonly<Record<string, unknown>>;
  readonly options: ReadFieldsOptions;
  readonly fields: ArticleFields;
  readonly problems: FieldProblem[];
}

/**
 * Read article metadata from a plain record (parsed front matter),
 * accepting the shapes people write: `title` or `headline`, `date` or
 * `published`, authors as strings or objects, `image` as a path or object.
 * Problems are collected, never thrown, in the order of the fields below.
 */
export function readFields(data: Record<string, unknown>, options: ReadFieldsOptions): { fields: ArticleFields; problems: FieldProblem[] } {
  const reading: Reading = { data, options, fields: { authors: [], tags: [], images: [] }, problems: [] };
  reportUnknownKeys(reading);
  readTextFields(reading);
  readDates(reading);
  readStatus(reading);
  readNotes(reading);
  readDatelineField(reading);
  readAuthors(reading);
  readTags(reading);
  readImages(reading);
  return { fields: reading.fields, problems: reading.problems };
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

/** The first alias of `field` that has a value (not `null`), with the key it was found under. */
function pick(reading: Reading, field: FieldName): [string, unknown] | undefined {
  for (const name of fieldAliases[field]) {
    const value = reading.data[name];
    if (value !== undefined && value !== null) return [name, value];
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
  const checked = checkUrl(value, { base: reading.options.siteUrl });
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
  for (const field of ['section', 'copyright', 'source'] as const) assign(reading, field, text(reading, field));
}

/** `published`, `updated` and `embargoed`: ISO 8601, normalised in the configured time zone. */
function readDates(reading: Reading): void {
  for (const field of ['published', 'updated', 'embargoed'] as const) {
    const found = pick(reading, field);
    if (!found) continue;
    const [key, value] = found;
    if (typeof value !== 'string') {
      typeProblem(reading, key, 'an ISO 8601 date string', value);
      continue;
    }
    const normalized = normalizeDate(value, reading.options.timeZone);
    if (typeof normalized === 'string') reading.fields[field] = normalized;
    else reading.problems.push({ key, reason: normalized.error, rule: coreRules.dateInvalid, severity: 'error' });
  }
}

function readStatus(reading: Reading): void {
  const status = text(reading, 'status');
  if (status === undefined) return;
  const lower = status.toLowerCase();
  if (lower === 'usable' || lower === 'withheld' || lower === 'canceled') reading.fields.status = lower;
  else typeProblem(reading, pick(reading, 'status')?.[0] ?? 'status', 'one of usable, withheld, canceled', status);
}

function readNotes(reading: Reading): void {
  const notes = pick(reading, 'notes');
  if (!notes) return;
  const [key, value] = notes;
  const list = Array.isArray(value) ? value : [value];
  if (list.every((note) => typeof note === 'string')) {
    const kept = (list as string[]).map((note) => note.trim()).filter(Boolean);
    if (kept.length > 0) reading.fields.notes = kept;
  } else typeProblem(reading, key, 'a string or a list of strings', value);
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
  for (const [index, item] of list.entries()) {
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

/** Tags as `a, b; c` or a list of strings and numbers, de-duplicated. */
function readTags(reading: Reading): void {
  const tags = pick(reading, 'tags');
  if (!tags) return;
  const [key, value] = tags;
  if (typeof value === 'string') reading.fields.tags = splitList(value);
  else if (Array.isArray(value) && value.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
    reading.fields.tags = [...new Set(value.map((tag) => String(tag).trim()).filter(Boolean))];
  } else typeProblem(reading, key, 'a list of strings', value);
}

/** Images as paths or objects, one or a list, resolved against the article and confined to the content root. */
function readImages(reading: Reading): void {
  const images = pick(reading, 'images');
  if (!images) return;
  const [key, value] = images;
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    const image = readImage(item);
    if (!image) {
      typeProblem(reading, key, 'an image path or { src, alt?, caption?, credit?, width?, height? }', item);
      continue;
    }
    const resolved = resolveImageRef(image.src, reading.options.articlePath);
    if ('error' in resolved) {
      const rule = resolved.error === 'outside-root' ? coreRules.imageOutsideRoot : coreRules.imageUrlUnsupported;
      reading.problems.push({ key, reason: resolved.reason, rule, severity: 'error' });
      continue;
    }
    image.src = resolved.src;
    const mediaType = imageMediaType(image.src);
    if (mediaType && !image.mediaType) image.mediaType = mediaType;
    reading.fields.images.push(image);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
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
  const src = value.src ?? value.url ?? value.path;
  if (typeof src !== 'string' || !src.trim()) return undefined;
  for (const key of ['alt', 'caption', 'credit'] as const) if (!optionalString(value[key])) return undefined;
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
  if (typeof value.width === 'number') image.width = value.width;
  if (typeof value.height === 'number') image.height = value.height;
  return image;
}
