import type { Point, Position } from 'unist';
import type { Article } from './article.js';
import type { Rule } from './rules.js';
import type { Site } from './site.js';

/** One file an adapter produces. */
export interface OutputFile {
  /**
   * Path relative to the output folder, POSIX, without `..` segments, e.g.
   * `markdown/us-says-russia.md`. The pipeline rejects any other path.
   */
  path: string;
  /** Text (written as UTF-8) or bytes. */
  contents: string | Uint8Array;
  /** MIME type, e.g. `text/markdown; charset=utf-8`. */
  mediaType: string;
  /**
   * A supporting file (a stylesheet, an image rendition) rather than the
   * format's rendering itself. `syndikit convert` prints the one output that
   * is not an asset. Default `false`.
   */
  asset?: boolean;
}

/** Where an adapter's message points in the article's source. */
export type ReportPlace = Point | Position | { position?: Position | undefined } | undefined;

/** Report a problem an adapter found in an article. */
export type ReportOptions = (
  | {
      /** The catalogue entry of the problem (see `rule()`): how syndikit's own adapters report. */
      rule: Rule;
      ruleId?: never;
    }
  | {
      /** A stable rule id of your own, e.g. `sitemap-too-large`, for adapters without a catalogue. */
      ruleId: string;
      rule?: never;
    }
) & {
  place?: ReportPlace;
  /** `'warning'` (default) keeps the article; `'error'` fails it. */
  severity?: 'error' | 'warning' | 'info';
};

/** The rule a report names, whether given as a catalogue entry (`rule`) or an id of one's own (`ruleId`). */
export function reportedRule(options: Readonly<ReportOptions>): Rule | string {
  return options.rule ?? (options.ruleId as string);
}

/** The id of the rule a report names (see {@link reportedRule}). */
export function reportedRuleId(options: Readonly<ReportOptions>): string {
  const named = reportedRule(options);
  return typeof named === 'string' ? named : named.id;
}

/** What an article-scope adapter's `render` gets. */
export interface ArticleRenderContext {
  article: Readonly<Article>;
  site: Readonly<Site>;
  /** The build's reference time (RFC 3339), for embargoes: `ConvertOptions.now`. */
  now: string;
  /** Report a problem on this article. */
  report(reason: string, options: ReportOptions): void;
}

/** What a collection-scope adapter's `render` gets. */
export interface CollectionRenderContext {
  /** Every article that converted, in input order. */
  articles: readonly Readonly<Article>[];
  site: Readonly<Site>;
  /** The build's reference time (RFC 3339), for embargoes: `ConvertOptions.now`. */
  now: string;
  /** Report a problem on one article (or on the collection when `article` is undefined). */
  report(article: Readonly<Article> | undefined, reason: string, options: ReportOptions): void;
  /**
   * The per-item cache, when the build keeps one for this adapter
   * (`@syndikit/build` does for every collection adapter with a
   * `cacheKey`; `convert` keeps none): render each item through it, or
   * through `renderItem(context, …)` which falls back to rendering
   * directly. Optional.
   */
  items?: CollectionItemCache;
}

/**
 * The per-item cache of a collection adapter: a feed whose items are the
 * same as in the last build but one renders one item. An item is found by
 * its article (the same article, body and all: `@syndikit/build` tells
 * them apart by their cache pack), the adapter (its `cacheKey`, and the
 * collection adapters before it) and the `key` the adapter gives.
 */
export interface CollectionItemCache {
  /**
   * The value of `render` for `article`: the last build's when it rendered
   * the same article under the same `key`, else `render()`'s, kept for the
   * next build. `key` must say everything the item depends on besides the
   * article, the site and the adapter's `cacheKey` (a feed: the item's id,
   * which depends on the other articles). What `render` reports through
   * the context's `report` is kept with the value and reported again when
   * the value is reused, so `render` must run synchronously (a promise is
   * a `TypeError`), and what it returns must be JSON data that reads back
   * equal (strings, numbers, booleans, `null`, arrays and plain objects; an
   * `undefined` field is dropped). An item that reports on another article
   * is not kept.
   */
  item<T>(article: Readonly<Article>, key: string, render: () => T): T;
}

type Awaitable<T> = T | Promise<T>;

/**
 * What an adapter's `prepare` gets: the article, which it may enrich for
 * the adapters after it (an image adapter adds sizes and renditions), and
 * the content root to read files from.
 */
export interface PrepareContext {
  /** The article; changes are seen by every later `prepare` and `render`. */
  article: Article;
  site: Readonly<Site>;
  now: string;
  /** The content root (absolute), when the inputs came from disk. */
  root: string | undefined;
  /** The working directory that relative paths in options (caches) are resolved against: `ConvertOptions.cwd`. */
  cwd: string;
  /**
   * The run's folder for adapters' persistent caches (the image cache keeps
   * `<cacheDir>/images`): `ConvertOptions.cacheDir`, or the build's cache
   * folder. `undefined` when the run keeps none.
   */
  cacheDir?: string | undefined;
  /** Aborted when the run is cancelled (Ctrl-C): long work such as a download should stop at once. */
  signal?: AbortSignal | undefined;
  /** Report a problem on this article. */
  report(reason: string, options: ReportOptions): void;
}

/** Hooks every adapter may have, whatever its scope. */
export interface AdapterHooks {
  /**
   * Runs for each article before any adapter renders it, in the order of
   * `formats`; may enrich the article and return files of its own (image
   * renditions). Optional.
   */
  prepare?(context: PrepareContext): Awaitable<OutputFile[]>;
  /**
   * Changes whenever this adapter's output for the same article could
   * change: its package version and resolved options. `@syndikit/build`
   * keys its cache by it; an adapter without one is keyed by its name and
   * the source text of its hooks, so give one when the output depends on
   * anything else (helpers, files). For a collection adapter, a `cacheKey`
   * also says that its output depends on nothing but this key, the site
   * and the articles it may see (not on `now` otherwise): `@syndikit/build`
   * then reuses its last output when none of those changed. Optional.
   */
  cacheKey?: string;
  /**
   * Whether this adapter sees articles that may not be published at `now`
   * (withheld, canceled, or under embargo: see `publishable`). Default
   * `'hide'`: an article-scope adapter's `prepare` and `render` are not
   * called for them and a collection adapter's `select` and `render` never
   * get them, so a sitemap or a plain-text export cannot leak an embargo;
   * the pipeline reports each hidden article once (`not-published`),
   * naming the formats that left it out. `'include'` is for formats that
   * carry the status to their reader (Markdown, ninjs, NewsML-G2) and for
   * the image adapter whose renditions those formats use; such an adapter
   * must judge `publishable` itself.
   */
  unpublished?: 'include' | 'hide';
}

/** An adapter that renders each article on its own (Markdown, AMP, ninjs). */
export interface ArticleAdapter extends AdapterHooks {
  /** Format name, as used by `--formats`, e.g. `markdown`. */
  name: string;
  scope: 'article';
  render(context: ArticleRenderContext): Awaitable<OutputFile[]>;
}

/** An article without its body: what a collection adapter sees of every article before it picks. */
export type ArticleSummary = Omit<Article, 'body'>;

/** What a collection adapter's `select` gets. */
export interface CollectionSelectContext {
  /** Every article that converted, in input order, without bodies. */
  articles: readonly Readonly<ArticleSummary>[];
  site: Readonly<Site>;
  now: string;
  /** Report a problem on one article (or on the collection when `article` is undefined). */
  report(article: Readonly<ArticleSummary> | undefined, reason: string, options: ReportOptions): void;
}

/** An adapter that renders all articles together (feeds). */
export interface CollectionAdapter extends AdapterHooks {
  name: string;
  scope: 'collection';
  /**
   * Pick the articles whose content `render` needs (a feed: its newest
   * items), from the metadata of all. A build then loads only those bodies,
   * so memory does not grow with the number of articles, and `render` gets
   * exactly them. Messages about the articles left out belong here. Without
   * `select`, `render` gets every article with its body. Optional.
   */
  select?(context: CollectionSelectContext): readonly Readonly<ArticleSummary>[];
  render(context: CollectionRenderContext): Awaitable<OutputFile[]>;
}

/** An output format. Built-in adapters use exactly this interface. */
export type Adapter = ArticleAdapter | CollectionAdapter;

/**
 * Creates an adapter from its options. Every adapter package exports one:
 * `markdownAdapter(options)`, `rssAdapter(options)`, ….
 */
export type AdapterFactory<Options = never> = (options?: Readonly<Options> | null) => Adapter;

/**
 * Why an output path is unsafe, or `undefined` when it is a plain relative
 * POSIX path that stays inside the output folder.
 */
export function unsafeOutputPath(path: string): string | undefined {
  if (path === '') return 'it is empty';
  if (path.includes('\\')) return 'it contains a backslash';
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return 'it is absolute';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'it contains a control character';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'it has an empty, `.` or `..` segment';
  }
  return undefined;
}
