import type { Root } from 'mdast';
import { v5 as uuidv5 } from 'uuid';
import type { VFile } from 'vfile';
import type { Article } from './article.js';
import { report } from './diagnostics.js';
import type { IngestResult } from './ingester.js';
import { rules } from './rules.js';
import type { Site } from './site.js';
import { slugify, unsafeSlugReason } from './slug.js';
import { checkUrl } from './url-policy.js';

/** Namespace of the UUIDs syndikit derives article ids from. Fixed forever: changing it changes every id. */
export const idNamespace = '8f1c2b6e-6a53-5b8e-9d4c-3f0a7e2d1b90';

/**
 * The slug an article wanting `slug` gets when `slugs` are taken: `slug`
 * itself, else `slug-2`, `slug-3`, …, with who took the one it wanted.
 * Only `get` and `has` are used, so a view over several maps will do.
 */
export function uniqueSlug(slug: string, slugs: Pick<ReadonlyMap<string, string>, 'get' | 'has'>): { slug: string; takenBy?: string } {
  const takenBy = slugs.get(slug);
  if (takenBy === undefined) return { slug };
  let counter = 2;
  while (slugs.has(`${slug}-${counter}`)) counter++;
  return { slug: `${slug}-${counter}`, takenBy };
}

/** Options for {@link finalizeArticle}. */
export interface FinalizeOptions {
  site: Readonly<Site>;
  /** URL path pattern for articles under `site.url`; `{slug}` is replaced. Default `'/{slug}/'`. */
  permalink: string;
  /** Slugs already taken in this build, mapped to the file that took them. Updated in place. */
  slugs: Map<string, string>;
  /**
   * The input's path for a permalink's `{path}` when the ingester gives none
   * (`IngestResult.path`): relative to the content root, POSIX, without
   * extension (see {@link contentPath}). Default: none (`{path}` is left out).
   */
  path?: string;
}

/**
 * A file's path as a permalink's `{path}`: POSIX, without its extension,
 * and a bundle's `index` (or Hugo's `_index`) stands for its folder —
 * `posts/first.md` is `posts/first`, `posts/trip/index.md` is `posts/trip`,
 * as Hugo and Zola make a page's URL from where it sits under `content/`.
 */
export function contentPath(relativePath: string): string {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '');
  const stem = path.replace(/\.[^./]*$/, '');
  return stem.replace(/(?:^|\/)_?index$/, '');
}

/**
 * Turn an ingester's result into a complete {@link Article}: a safe unique
 * slug, a stable id, a canonical URL and a canonical language tag.
 *
 * @returns the article, or `undefined` after reporting an error on `file`.
 */
export function finalizeArticle(file: VFile, result: IngestResult, options: FinalizeOptions): Article | undefined {
  const { fields } = result;
  if (!fields.headline) {
    report(file, 'error', 'Article has no headline: add `title:` to the front matter or start with `# Heading`', rules.missingHeadline);
    return undefined;
  }
  const slug = claimSlug(file, fields.slug, result.slugHint || '', fields.headline, options.slugs);
  if (slug === undefined) return undefined;
  const language = canonicalLanguage(file, fields.language ?? options.site.language, options.site.language);
  const links = checkLinks(file, fields, slug, options, result.path ?? options.path);
  if (!links) return undefined;
  // Keys in the documented order, so that `syndikit inspect` reads top to bottom.
  const draft: Record<string, unknown> = {
    id: fields.id ?? `urn:uuid:${uuidv5(`${slug}\u0000${fields.published ?? ''}`, idNamespace)}`,
    slug,
    headline: fields.headline,
    subheadline: fields.subheadline,
    summary: fields.summary,
    authors: links.authors,
    contributors: fields.contributors && fields.contributors.length > 0 ? fields.contributors : undefined,
    dateline: fields.dateline,
    published: fields.published,
    updated: fields.updated,
    language,
    url: links.url,
    section: fields.section,
    tags: fields.tags,
    subjects: fields.subjects && fields.subjects.length > 0 ? fields.subjects : undefined,
    copyright: fields.copyright,
    source: fields.source,
    status: fields.status,
    embargoed: fields.embargoed,
    notes: fields.notes,
    editorNotes: result.editorNotes && result.editorNotes.length > 0 ? [...result.editorNotes] : undefined,
    images: fields.images,
    body: result.body as Root,
  };
  for (const key of Object.keys(draft)) if (draft[key] === undefined) delete draft[key];
  const article = draft as unknown as Article;
  return article;
}

/**
 * The slug an ingest result asks for before collisions with others: its
 * `fields.slug` made safe, else one from the slug hint or the headline; `''`
 * when none can be made. `@syndikit/build` keeps it to tell, from its cache,
 * whether an article would get another slug in this build.
 */
export function wantedSlug(result: { fields: { slug?: string | undefined; headline?: string | undefined }; slugHint: string }): string {
  const { slug, headline } = result.fields;
  if (slug) return slugify(slug);
  return slugify(result.slugHint || '') || slugify(headline ?? '');
}

/**
 * A safe slug for the article, unique in `slugs` (which is updated): the one
 * asked for, made safe, or one from the slug hint or the headline.
 *
 * @returns the slug, or `undefined` after reporting an error on `file`.
 */
function claimSlug(file: VFile, asked: string | undefined, hint: string, headline: string, slugs: Map<string, string>): string | undefined {
  let slug: string = wantedSlug({ fields: { slug: asked, headline }, slugHint: hint });
  if (asked) {
    const unsafe = unsafeSlugReason(asked);
    if (unsafe) report(file, 'warning', `Slug \`${asked}\` is unsafe (${unsafe}); using \`${slug}\``, rules.slugUnsafe);
  }
  if (!slug) {
    report(file, 'error', 'No slug could be derived from the file name or headline', rules.slugEmpty);
    return undefined;
  }
  const claimed = uniqueSlug(slug, slugs);
  if (claimed.takenBy !== undefined) {
    report(file, 'warning', `Slug \`${slug}\` is already used by ${claimed.takenBy}; using \`${claimed.slug}\``, rules.slugDuplicate);
    slug = claimed.slug;
  }
  slugs.set(slug, file.path || slug);
  return slug;
}

/** The canonical form of a BCP 47 tag; the site's language (with a warning) for one that is not a tag. */
function canonicalLanguage(file: VFile, language: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? language;
  } catch {
    report(file, 'warning', `Language \`${language}\` is not a BCP 47 tag; using \`${fallback}\``, rules.languageInvalid);
    return fallback;
  }
}

/**
 * The last gate of the URL policy, for every ingester (a user's too; the
 * built-in ones already checked these at their place in the input): the
 * id's scheme, the article's URL (or its permalink), the authors' URLs.
 *
 * @returns the checked URL and authors, or `undefined` after reporting an error on `file`.
 */
function checkLinks(
  file: VFile,
  fields: IngestResult['fields'],
  slug: string,
  options: FinalizeOptions,
  path: string | undefined,
): { url: string | undefined; authors: Article['authors'] } | undefined {
  // An id is not a URL (`urn:…`, `tag:…` are common), but one with a script or data scheme is never one.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: leading control characters are ignored by URL parsers
  if (fields.id !== undefined && /^[\s\u0000-\u001f]*(javascript|vbscript|data):/i.test(fields.id)) {
    report(file, 'error', `Article id ${JSON.stringify(fields.id.slice(0, 80))} uses a script or data scheme`, rules.urlInvalid);
    return undefined;
  }
  let url: string | undefined;
  if (fields.url !== undefined) {
    const checked = checkUrl(fields.url, { base: options.site.url });
    if ('error' in checked) {
      report(file, 'error', `Article URL: ${checked.error}`, rules.urlInvalid);
      return undefined;
    }
    url = checked.url;
  } else url = articleUrl(options.site, options.permalink, slug, { ...fields, ...(path !== undefined ? { path } : {}) });
  const authors: Article['authors'] = [];
  for (const author of fields.authors) {
    if (author.url === undefined) {
      authors.push(author);
      continue;
    }
    const checked = checkUrl(author.url, { base: options.site.url });
    if ('error' in checked) {
      report(file, 'error', `URL of author ${author.name}: ${checked.error}`, rules.urlInvalid);
      return undefined;
    }
    authors.push({ ...author, url: checked.url });
  }
  return { url, authors };
}

/**
 * The canonical URL of an article: `permalink` under `site.url`, keeping the
 * site URL's own path (`https://user.github.io/project/`). The pattern's
 * `{slug}` is the slug; `{year}`, `{month}`, `{day}` come from the
 * publication date as written (its own offset), `{section}` is the
 * section's slug, `{path}` the input's path under the content folder
 * without extension (`posts/first`, see {@link contentPath}), its slashes
 * kept and each part encoded; a placeholder whose value the article lacks
 * is left out with the slash after it.
 */
export function articleUrl(
  site: Readonly<Site>,
  permalink: string,
  slug: string,
  fields?: Readonly<Pick<IngestResult['fields'], 'published' | 'section'> & { path?: string }>,
): string | undefined {
  if (!site.url) return undefined;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(fields?.published ?? '');
  const section = fields?.section ? slugify(fields.section) : undefined;
  const values: Record<string, string | undefined> = {
    slug: encodeURIComponent(slug),
    year: date?.[1],
    month: date?.[2],
    day: date?.[3],
    section: section ? encodeURIComponent(section) : undefined,
    path: pathValue(fields?.path),
  };
  const path = permalink.replace(/\{(slug|year|month|day|section|path)\}\/?/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? '' : `${value}${match.endsWith('/') ? '/' : ''}`;
  });
  // Relative to the site URL with a trailing slash, so that its path is kept.
  return new URL(path.replace(/^\/+/, ''), `${site.url.replace(/\/+$/, '')}/`).href;
}

/** `{path}` for a URL: each part percent-encoded, no empty, `.` or `..` part (a path that has one is no value). */
function pathValue(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
  return parts.map((part) => encodeURIComponent(part)).join('/');
}
