import type { Article, ArticleImage, Author, Dateline } from './article.js';
import { splitCredit } from './credit.js';
import { parseDateline } from './dateline.js';
import { normalizeDate } from './dates.js';
import { describe } from './front-matter.js';
import { imageMediaType, resolveImageRef } from './image-ref.js';
import { checkUrl } from './url-policy.js';

/**
 * The metadata an ingester extracted, before the pipeline gives the article
 * its final slug and id: the article's fields without the body, all
 * optional except the lists.
 */
export type ArticleFields = Omit<Partial<Article>, 'body' | 'authors' | 'tags' | 'images'> & Pick<Article, 'authors' | 'tags' | 'images'>;

/** A field problem: which key, what went wrong, and which rule. */
export interface FieldProblem {
  /** The top-level key the problem is about. */
  key: string;
  /** Where in that key's value, when deeper than the key (`['authors', 1, 'url']`). */
  path?: ReadonlyArray<string | number>;
  reason: string;
  rule: 'type' | 'date' | 'image-outside-root' | 'image-url' | 'unknown-key' | 'url';
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
 * it. The first name is the canonical one, written by the Markdown adapter.
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

/**
 * Read article metadata from a plain record (parsed front matter),
 * accepting the shapes people write: `title` or `headline`, `date` or
 * `published`, authors as strings or objects, `image` as a path or object.
 * Problems are collected, never thrown.
 */
export function readFields(data: Record<string, unknown>, options: ReadFieldsOptions): { fields: ArticleFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const known = new Set<string>(Object.values(fieldAliases).flat());
  const typeProblem = (key: string, expected: string, value: unknown) =>
    problems.push({ key, reason: `Expected ${expected} for \`${key}\` but received ${describe(value)}`, rule: 'type', severity: 'error' });

  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      problems.push({ key, reason: `Unknown front matter field \`${key}\` is ignored`, rule: 'unknown-key', severity: 'warning' });
    }
  }

  const pick = (field: keyof typeof fieldAliases): [string, unknown] | undefined => {
    for (const name of fieldAliases[field]) if (data[name] !== undefined && data[name] !== null) return [name, data[name]];
    return undefined;
  };
  const text = (field: keyof typeof fieldAliases): string | undefined => {
    const found = pick(field);
    if (!found) return undefined;
    const [key, value] = found;
    if (typeof value !== 'string') {
      typeProblem(key, 'a string', value);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const date = (field: 'published' | 'updated' | 'embargoed'): string | undefined => {
    const found = pick(field);
    if (!found) return undefined;
    const [key, value] = found;
    if (typeof value !== 'string') {
      typeProblem(key, 'an ISO 8601 date string', value);
      return undefined;
    }
    const normalized = normalizeDate(value, options.timeZone);
    if (typeof normalized === 'string') return normalized;
    problems.push({ key, reason: normalized.error, rule: 'date', severity: 'error' });
    return undefined;
  };

  const assign = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  assign('id', text('id'));
  assign('slug', text('slug'));
  assign('headline', text('headline'));
  assign('subheadline', text('subheadline'));
  assign('summary', text('summary'));
  assign('language', text('language'));
  const url = (path: ReadonlyArray<string | number>, value: string): string | undefined => {
    const checked = checkUrl(value, { base: options.siteUrl });
    if ('url' in checked) return checked.url;
    const key = String(path[0]);
    problems.push({ key, path, reason: `\`${path.join('.')}\`: ${checked.error}`, rule: 'url', severity: 'error' });
    return undefined;
  };
  const articleUrl = text('url');
  if (articleUrl !== undefined) assign('url', url([pick('url')?.[0] ?? 'url'], articleUrl));
  assign('section', text('section'));
  assign('copyright', text('copyright'));
  assign('source', text('source'));
  assign('published', date('published'));
  assign('updated', date('updated'));
  assign('embargoed', date('embargoed'));

  const status = text('status');
  if (status !== undefined) {
    const lower = status.toLowerCase();
    if (lower === 'usable' || lower === 'withheld' || lower === 'canceled') fields.status = lower;
    else typeProblem(pick('status')?.[0] ?? 'status', 'one of usable, withheld, canceled', status);
  }

  const notes = pick('notes');
  if (notes) {
    const [key, value] = notes;
    const list = Array.isArray(value) ? value : [value];
    if (list.every((note) => typeof note === 'string')) {
      const kept = (list as string[]).map((note) => note.trim()).filter(Boolean);
      if (kept.length > 0) fields.notes = kept;
    } else typeProblem(key, 'a string or a list of strings', value);
  }

  const dateline = pick('dateline');
  if (dateline) {
    const [key, value] = dateline;
    if (typeof value === 'string') fields.dateline = parseDateline(value) ?? { place: value.trim() };
    else if (isRecord(value) && optionalString(value.place) && optionalString(value.agency)) {
      const parsed: Dateline = {};
      if (typeof value.place === 'string' && value.place.trim()) parsed.place = value.place.trim();
      if (typeof value.agency === 'string' && value.agency.trim()) parsed.agency = value.agency.trim();
      fields.dateline = parsed;
    } else typeProblem(key, 'a string or { place, agency }', value);
  }

  const authors = pick('authors');
  if (authors) {
    const [key, value] = authors;
    const list = Array.isArray(value) ? value : [value];
    for (const [index, item] of list.entries()) {
      const author = readAuthor(item);
      if (!author) {
        typeProblem(key, 'a name or { name, url?, email? }', item);
        continue;
      }
      if (author.url !== undefined) {
        const checked = url(Array.isArray(value) ? [key, index, 'url'] : [key, 'url'], author.url);
        if (checked === undefined) continue;
        author.url = checked;
      }
      fields.authors.push(author);
    }
  }

  const tags = pick('tags');
  if (tags) {
    const [key, value] = tags;
    if (typeof value === 'string') fields.tags = splitList(value);
    else if (Array.isArray(value) && value.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
      fields.tags = unique(value.map((tag) => String(tag).trim()).filter(Boolean));
    } else typeProblem(key, 'a list of strings', value);
  }

  const images = pick('images');
  if (images) {
    const [key, value] = images;
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      const image = readImage(item);
      if (!image) {
        typeProblem(key, 'an image path or { src, alt?, caption?, credit?, width?, height? }', item);
        continue;
      }
      const resolved = resolveImageRef(image.src, options.articlePath);
      if ('error' in resolved) {
        problems.push({
          key,
          reason: resolved.reason,
          rule: resolved.error === 'outside-root' ? 'image-outside-root' : 'image-url',
          severity: 'error',
        });
        continue;
      }
      image.src = resolved.src;
      const mediaType = imageMediaType(image.src);
      if (mediaType && !image.mediaType) image.mediaType = mediaType;
      fields.images.push(image);
    }
  }

  return { fields, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Split `a, b; c` into `['a', 'b', 'c']`. */
export function splitList(value: string): string[] {
  return unique(
    value
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter(Boolean),
  );
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
