/**
 * The Markdown ingester itself, light to load: its options and cache key.
 * What reads a file (`ingestMarkdown` in `ingest.js`: micromark,
 * front matter, templates) is imported on the first file it is given, the
 * MDX parser (`mdx.js`: remark-mdx, acorn) on the first `.mdx` file. The
 * `syndikit` command imports this module (`@syndikit/markdown/ingester`), so
 * that a rebuild which converts nothing never loads the parser.
 */
import type { Ingester } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';

/** Options of the Markdown ingester ({@link markdownIngester}). */
export interface MarkdownIngestOptions {
  /** Include drafts (`draft: true`, `published: false`), as Hugo's `--buildDrafts`. Default: `false`. */
  drafts?: boolean;
  /** Include posts whose publication date is after `now`, as Hugo's `--buildFuture`. Default: `false`. */
  future?: boolean;
  /** The reference time (RFC 3339) for future and expired posts. Default: the time of the ingest. */
  now?: string;
  /** The site's authors file, by key (see `ReadFieldsOptions.authors`). Default: none. */
  authors?: Readonly<Record<string, unknown>>;
  /**
   * The site's static folder, relative to the content root (POSIX; `static`
   * for Hugo and Zola, `public` for Astro, `''` for Jekyll, whose root is
   * served as is): a root-relative image (`/img/a.png`) is looked up there,
   * as the generator serves it. Default: none (root-relative is relative to the content root).
   */
  staticDirs?: readonly string[];
  /** The site's own variables for `{{ site.name }}` (Jekyll's `_config.yml`, top-level strings). Default: none. */
  siteVariables?: Readonly<Record<string, string>>;
  /**
   * The build's permalink pattern, for links to other posts' files
   * (`[older](2023-12-20-winter-oil.md)`), which become that post's URL as its
   * file name gives it (a `slug:` in the other post's front matter is not
   * seen). Default: `/{slug}/`, core's default.
   */
  permalink?: string;
  /**
   * The site's content folders, absolute: a permalink's `{path}` is a post's
   * path under the one that holds it (`posts/first` for
   * `content/posts/first.md`), as Hugo and Zola make URLs. Default: none
   * (`{path}` is relative to the content root).
   */
  contentDirs?: readonly string[];
}

/**
 * The Markdown ingester, for `.md`, `.markdown` and `.mdx` files. A factory
 * like every other ingester (`wireTextIngester(options)`,
 * `ninjsIngester(options)`). Core registers no ingester of its own: pass
 * this one to `convert` (`ingesters`), last, as the `syndikit` command does.
 *
 * @param [options.drafts=false] include drafts
 * @param [options.future=false] include posts dated after `now`
 * @param [options.now] the reference time; default: the time of each ingest
 * @param [options.authors] the site's authors file, by key
 */
export function markdownIngester(options?: Readonly<MarkdownIngestOptions> | null): Ingester {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`Expected an options object or nothing for markdownIngester but received ${typeof options}`);
  }
  const resolved: MarkdownIngestOptions = { ...options };
  // Without a given `now`, the day of the build is part of the key: a cached future post is judged again the next day.
  const now = resolved.now ?? new Date().toISOString().slice(0, 10);
  const key = {
    drafts: !!resolved.drafts,
    future: !!resolved.future,
    now,
    authors: resolved.authors ?? null,
    staticDirs: resolved.staticDirs ?? null,
    site: resolved.siteVariables ?? null,
    permalink: resolved.permalink ?? null,
    contentDirs: resolved.contentDirs ?? null,
  };
  const cacheKey = `markdown:${version}:${JSON.stringify(key)}`;
  return {
    name: 'markdown',
    extensions: ['.md', '.markdown', '.mdx'],
    cacheKey,
    ingest: async (context) => {
      const { ingestMarkdown, isMdx, LenientDatesNotLoaded } = await import('./ingest.js');
      // The MDX parser (remark-mdx, acorn) only for an `.mdx` file: a Markdown conversion does not load it.
      const mdx = isMdx(context) ? (await import('./mdx.js')).parseMdx : undefined;
      const reported = context.file.messages.length;
      try {
        return ingestMarkdown(context, resolved, mdx);
      } catch (error) {
        if (!(error instanceof LenientDatesNotLoaded)) throw error;
        // The first date that is not ISO 8601 of this thread: chrono is loaded now, and the file read again from
        // the start, what the first reading reported taken back (it had only reported, nothing else).
        context.file.messages.length = reported;
        await import('./lenient-date.js');
        return ingestMarkdown(context, resolved, mdx);
      }
    },
  };
}
