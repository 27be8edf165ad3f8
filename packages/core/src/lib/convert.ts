import pLimit from 'p-limit';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { Adapter, ArticleSummary, OutputFile } from './adapter.js';
import type { Article } from './article.js';
import { renderCollections } from './collections.js';
import { hasErrors } from './diagnostics.js';
import type { Ingester, IngestPlace } from './ingester.js';
import type { Limits } from './limits.js';
import type { Registry } from './registry.js';
import type { SiteOptions } from './site.js';
import { claimPaths, ingestArticles, prepareArticle, renderArticle, resolvePipeline } from './steps.js';

/**
 * An input: a `VFile` (with `path` and `value`), `{ path, value }`, or a
 * string (read as `input-<n>.md`, so by the Markdown ingester when given).
 */
export type InputLike = VFile | { path?: string; value: string | Uint8Array } | string;

/**
 * Fills in what an article's local image files say about themselves (byte
 * length, media type, width and height) and reports what is wrong with them
 * on `file`. `root` is the content root the images sit under.
 * `readImageFacts` from `@syndikit/disk` reads the image headers from disk.
 */
export type ImageFactsReader = (article: Article, file: VFile, root: string) => Promise<void>;

declare module 'vfile' {
  interface DataMap {
    /**
     * Local images (content-root paths such as `/img/a.png`) an
     * {@link ImageFactsReader} left out of the article because their file is
     * missing: `@syndikit/build` watches for them to appear, so the article
     * converts again when one does.
     */
    missingImages: string[];
  }
}

/**
 * Articles whose `prepare` hooks run at once when `concurrency` is not
 * given: the platform's `navigator.hardwareConcurrency` (Node 21+, browsers,
 * Deno, Bun), else 4. Read without `node:os`, so that core runs anywhere.
 */
export const defaultConcurrency: number =
  (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency || 4;

/** Options for {@link convert}. */
export interface ConvertOptions {
  /**
   * Output formats: adapters, or names looked up in `registry`.
   * Default `[]` (ingest and validate only).
   */
  formats?: ReadonlyArray<Adapter | string> | null;
  /** Where format names are looked up. Required when `formats` has names. */
  registry?: Registry | null;
  /** Options for adapters created by name, keyed by format name. Default `{}`. */
  adapterOptions?: Readonly<Record<string, unknown>> | null;
  /** Site metadata. Default: title `syndikit`, language `en`. */
  site?: Readonly<SiteOptions> | null;
  /**
   * The content root, an absolute path: article paths are taken relative to
   * it and image references may not leave it. Default: the directory of
   * each input file, or `/` for inputs without a path.
   */
  root?: string | null;
  /** Time zone for dates written without an offset: an IANA name, `UTC` or `±HH:MM`. Default `'UTC'`. */
  timeZone?: string | null;
  /**
   * URL path of an article under `site.url`: `{slug}`, `{year}`, `{month}`, `{day}`, `{section}` and `{path}`
   * (the input's path without extension) are replaced (see `articleUrl`). Default `'/{slug}/'`.
   */
  permalink?: string | null;
  /**
   * The ingesters that read the inputs, chosen by extension, then by content
   * (`chooseIngester`). Core reads no format itself: pass
   * `markdownIngester()` from `@syndikit/markdown` for Markdown, as the
   * `syndikit` command does (last, after the agency formats). Default `[]`.
   */
  ingesters?: readonly Ingester[] | null;
  /** unified plugins run on each article body (mdast) after ingest. Default `[]`. */
  remarkPlugins?: PluggableList | null;
  /** Parser limits; see {@link Limits}. */
  limits?: Partial<Limits> | null;
  /**
   * Fill in local images' byte length, type and size, once each article is
   * ingested, when `root` is set: `readImageFacts` from `@syndikit/disk`
   * reads them from the image headers under `root` (the CLI gives it).
   * Default: none, so that `convert` touches no disk.
   */
  imageFacts?: ImageFactsReader | null;
  /**
   * The build's reference time, against which embargoes are judged (an
   * RFC 3339 string or a Date). Default: the time `convert` is called. Give
   * it for output that does not depend on the clock when articles carry embargoes.
   */
  now?: string | Date | null;
  /** Working directory for relative paths in adapter options (such as a cache folder). Default `process.cwd()`. */
  cwd?: string | null;
  /** Folder for adapters' persistent caches, relative to `cwd` (the image cache keeps `<cacheDir>/images`). Default: none. */
  cacheDir?: string | null;
  /** Articles whose `prepare` hooks (image work) run at once. Default {@link defaultConcurrency}. */
  concurrency?: number | null;
  /** Cancels the conversion between steps; `convert` then rejects with the signal's reason. */
  signal?: AbortSignal | null;
  /** Called as the work goes on, for progress displays. */
  onProgress?: ((event: ProgressEvent) => void) | null;
}

/** Progress of a conversion, for build tools. */
export type ProgressEvent =
  | { type: 'start'; total: number }
  | { type: 'loaded'; done: number; total: number }
  | { type: 'article'; path: string; ok: boolean; done: number; total: number }
  | { type: 'collection'; adapter: string };

/** The outcome of {@link convert}. */
export interface ConvertResult {
  /** Articles that converted without errors, in input order. */
  articles: Article[];
  /** Files produced by the adapters, sorted by path. */
  outputs: OutputFile[];
  /** One file per input, with its messages; plus one named after each collection adapter that reported. */
  files: VFile[];
  /** Inputs (and collection adapters) that had errors. */
  failed: VFile[];
}

interface Converted {
  article: Article;
  file: VFile;
  /** Where the article starts in its file, when the file carries several. */
  place?: IngestPlace | undefined;
}

/**
 * Convert articles to output files, entirely in memory: load → validate →
 * transform → render. Nothing touches the disk.
 *
 * Content problems never throw: they are messages on `result.files`, and an
 * article with an error is left out of every output while the others go on.
 * Mistakes in the call (an unknown format name) throw a `TypeError`.
 *
 * @example
 * const result = await convert({ path: 'story.md', value: '# Hello\n\nWorld' }, {
 *   ingesters: [markdownIngester()],
 *   formats: [markdownAdapter()],
 * })
 * result.outputs[0].path // 'markdown/story.md'
 */
export async function convert(input: InputLike | readonly InputLike[], options?: Readonly<ConvertOptions> | null): Promise<ConvertResult> {
  const settings = options ?? {};
  const pipeline = resolvePipeline(settings);
  const files = (Array.isArray(input) ? input : [input]).map((item, index) => toVFile(item as InputLike, index));
  const slugs = new Map<string, string>();
  const converted: Converted[] = [];
  const outputs: OutputFile[] = [];
  const owners = new Map<string, string>();

  const signal = settings.signal ?? undefined;
  const progress = settings.onProgress ?? (() => {});
  progress({ type: 'start', total: files.length });

  // 1. Load, validate and transform, in input order (slugs are claimed in that order); an input may give several articles.
  const loaded: Converted[] = [];
  for (const [index, file] of files.entries()) {
    signal?.throwIfAborted();
    progress({ type: 'loaded', done: index + 1, total: files.length });
    for (const { article, place } of await ingestArticles(file, pipeline, slugs)) loaded.push({ article, file, place });
  }

  // 2. Prepare (image renditions and other slow, mostly off-thread work), several articles at once.
  const limit = pLimit(settings.concurrency ?? defaultConcurrency);
  const prepared = await Promise.all(
    loaded.map(({ article, file, place }) =>
      limit(() => {
        signal?.throwIfAborted();
        return prepareArticle(article, file, pipeline, signal, place);
      }),
    ),
  );

  // 3. Render each input's articles, in input order, so that output does not depend on timing. An input is one
  // unit: an error on its file (in any of its articles) leaves all of its articles out, as in `@syndikit/build`.
  const inputs = groupByFile(loaded, prepared);
  let done = files.length - inputs.length;
  for (const { file, articles } of inputs) {
    signal?.throwIfAborted();
    const produced: OutputFile[] = [];
    for (const { article, place, prepared: made } of articles)
      produced.push(...made, ...(await renderArticle(article, file, pipeline, place)));
    const claimed = hasErrors(file) ? undefined : claimPaths(produced, file, owners);
    done++;
    progress({ type: 'article', path: file.path, ok: claimed !== undefined, done, total: files.length });
    if (!claimed) continue;
    outputs.push(...claimed);
    for (const { article, place } of articles) converted.push({ article, file, place });
  }

  // 4. Collections (feeds): the step `@syndikit/build` runs too, over the bodies in memory.
  const articles = converted.map((item) => item.article);
  const sourceOf = new Map<Readonly<ArticleSummary>, Converted>(converted.map((item) => [summaryOf(item.article), item]));
  const collections = await renderCollections(
    pipeline,
    {
      summaries: [...sourceOf.keys()],
      fileOf: (summary) => sourceOf.get(summary)?.file,
      load: async (summary) => (sourceOf.get(summary) as Converted).article,
    },
    { owners, signal, onCollection: (adapter) => progress({ type: 'collection', adapter: adapter.name }) },
  );
  for (const produced of collections.outputs) outputs.push(...produced.outputs);
  const collectionFiles = collections.files;

  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const allFiles = [...files, ...collectionFiles];
  return { articles, outputs, files: allFiles, failed: allFiles.filter(hasErrors) };
}

/** The loaded articles by input, in input order, each with what its `prepare` hooks made. */
function groupByFile(
  loaded: readonly Converted[],
  prepared: readonly OutputFile[][],
): { file: VFile; articles: Array<Converted & { prepared: OutputFile[] }> }[] {
  const groups: { file: VFile; articles: Array<Converted & { prepared: OutputFile[] }> }[] = [];
  for (const [index, item] of loaded.entries()) {
    const last = groups.at(-1);
    const entry = { ...item, prepared: prepared[index] ?? [] };
    if (last?.file === item.file) last.articles.push(entry);
    else groups.push({ file: item.file, articles: [entry] });
  }
  return groups;
}

/** An article without its body, as a collection adapter's `select` sees it (and as `@syndikit/build` keeps it). */
function summaryOf(article: Article): ArticleSummary {
  const { body: _body, ...summary } = article;
  return summary;
}

function toVFile(input: InputLike, index: number): VFile {
  if (input instanceof VFile) return input;
  if (typeof input === 'string') return new VFile({ path: `input-${index + 1}.md`, value: input });
  if (input && typeof input === 'object' && 'value' in input) {
    return new VFile({ path: input.path ?? `input-${index + 1}.md`, value: input.value });
  }
  throw new TypeError(`Expected an input as a string, VFile or { path, value } but received ${typeof input}`);
}
