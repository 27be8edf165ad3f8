import { posix } from 'node:path';
import type { Root } from 'mdast';
import { type PluggableList, unified } from 'unified';
import type { VFile } from 'vfile';
import type { Adapter, ArticleSummary, CollectionAdapter, CollectionRenderContext, OutputFile, ReportOptions } from './adapter.js';
import { reportedRule, unsafeOutputPath } from './adapter.js';
import { type Article, unpublishedReason } from './article.js';
import { chooseIngester } from './choose-ingester.js';
import type { ConvertOptions, ImageFactsReader } from './convert.js';
import { checkFileSize, decodeInput } from './decode.js';
import { hasErrors, report } from './diagnostics.js';
import { encodingSnifferFor, type Ingester, type IngestOutcome, type IngestPlace, ingestResults, inputByteLimit } from './ingester.js';
import { type CollectionItemStore, itemCache } from './items.js';
import { defaultLimits, type Limits } from './limits.js';
import { contentPath, finalizeArticle, wantedSlug } from './normalize.js';
import { rules } from './rules.js';
import { resolveSite, type Site } from './site.js';
import { permalinkProblem } from './url-policy.js';

/**
 * The steps one article goes through, shared by `convert` (everything in
 * memory, one thread) and `@syndikit/build` (worker threads, a cache):
 * {@link ingestArticle} → {@link prepareArticle} → {@link renderArticle},
 * then {@link renderCollection} over all articles. Each step reports content
 * problems on the article's file and never throws for them.
 */

/** What the steps need to know, resolved once from `ConvertOptions` by {@link resolvePipeline}. */
export interface ResolvedPipeline {
  adapters: Adapter[];
  /** The ingesters given, in order (none by default: see `ConvertOptions.ingesters`). */
  ingesters: Ingester[];
  site: Site;
  limits: Limits;
  permalink: string;
  timeZone: string;
  /** RFC 3339. */
  now: string;
  root: string | undefined;
  cwd: string;
  /** Adapters' cache folder, as given (relative to `cwd`), or `undefined`. */
  cacheDir: string | undefined;
  /** Fills in local images' facts (`ConvertOptions.imageFacts`), or `undefined`. */
  imageFacts: ImageFactsReader | undefined;
  remarkPlugins: PluggableList;
}

/** The options {@link resolvePipeline} reads: those of `convert` that shape every article (documented there). */
export type PipelineOptions = Omit<ConvertOptions, 'concurrency' | 'signal' | 'onProgress'>;

/** Resolve options once, with their documented defaults. Throws a `TypeError` for mistakes in the call. */
export function resolvePipeline(options: Readonly<PipelineOptions> | null | undefined): ResolvedPipeline {
  const settings = options ?? {};
  return {
    adapters: resolveAdapters(settings),
    ingesters: [...(settings.ingesters ?? [])],
    site: resolveSite(settings.site),
    limits: { ...defaultLimits, ...(settings.limits ?? {}) },
    permalink: resolvePermalink(settings.permalink),
    timeZone: settings.timeZone ?? 'UTC',
    now: resolveNow(settings.now),
    root: settings.root ?? undefined,
    cwd: settings.cwd ?? process.cwd(),
    cacheDir: settings.cacheDir ?? undefined,
    imageFacts: settings.imageFacts ?? undefined,
    remarkPlugins: settings.remarkPlugins ?? [],
  };
}

function resolvePermalink(permalink: string | null | undefined): string {
  if (permalink === undefined || permalink === null) return '/{slug}/';
  const problem =
    typeof permalink === 'string' ? permalinkProblem(permalink) : `Expected a permalink string but received ${typeof permalink}`;
  if (problem) throw new TypeError(problem);
  return permalink;
}

function resolveNow(now: string | Date | null | undefined): string {
  if (now === undefined || now === null) return new Date().toISOString();
  const date = typeof now === 'string' ? new Date(now) : now;
  if (Number.isNaN(date.getTime())) throw new TypeError(`Expected a date for \`now\` but received ${JSON.stringify(now)}`);
  return date.toISOString();
}

function resolveAdapters(settings: Readonly<PipelineOptions>): Adapter[] {
  return (settings.formats ?? []).map((format) => {
    if (typeof format !== 'string') return checkUnpublished(format);
    if (!settings.registry) throw new TypeError(`Expected a registry to look up format \`${format}\` but received none`);
    return checkUnpublished(settings.registry.create(format, settings.adapterOptions?.[format]));
  });
}

/** A misspelt opt-in would silently hide articles (or, worse, be read as one): say so at once. */
function checkUnpublished(adapter: Adapter): Adapter {
  const value: unknown = adapter?.unpublished;
  if (value === undefined || value === 'include' || value === 'hide') return adapter;
  throw new TypeError(
    `Expected \`unpublished\` of adapter \`${adapter.name}\` to be 'include', 'hide' or undefined but received ${JSON.stringify(value)}`,
  );
}

/**
 * Whether the pipeline keeps `article` from `adapter`: it may not be
 * published at `now` and the adapter did not opt in (`unpublished: 'include'`).
 */
export function hiddenFrom(adapter: Adapter, article: Readonly<Pick<Article, 'status' | 'embargoed'>>, now: string): boolean {
  return adapter.unpublished !== 'include' && unpublishedReason(article, now) !== undefined;
}

/**
 * Report once on the article's file that it is not published, naming every
 * format (of either scope) that does not get it, instead of one message per
 * format. Called from {@link renderArticle}, which runs once per article in
 * `convert` and `@syndikit/build` alike (whose cache keeps the message).
 */
function reportHidden(article: Readonly<Article>, file: VFile, pipeline: ResolvedPipeline, place?: IngestPlace): void {
  const reason = unpublishedReason(article, pipeline.now);
  if (reason === undefined) return;
  const formats = pipeline.adapters.filter((adapter) => adapter.unpublished !== 'include').map((adapter) => adapter.name);
  if (formats.length === 0) return;
  report(file, 'warning', `Not published in ${formats.join(', ')}: ${reason}`, rules.notPublished, place);
}

/** An article {@link ingestArticles} made, with what the orchestrators need to know about it. */
export interface IngestedArticle {
  article: Article;
  /** Where the article starts in its input, when the ingester said (an item of a news message). */
  place?: IngestPlace;
  /** The slug it asked for before collisions with others (see `wantedSlug`). */
  wantedSlug: string;
}

/**
 * Load, validate and transform one input into its articles (one, or several
 * for an input such as a news message): ingest, give each a slug not in
 * `slugs` (which is updated, in the order of the articles), fill in local
 * images' facts with `imageFacts` (when given and there is a content root),
 * run the body plugins. Messages about one article of several that have no
 * place of their own are given the article's `place`.
 *
 * An error on `file` fails the input as a whole: the result is then `[]`.
 *
 * @returns the articles in input order, or `[]` after reporting an error on `file`.
 */
export async function ingestArticles(file: VFile, pipeline: ResolvedPipeline, slugs: Map<string, string>): Promise<IngestedArticle[]> {
  const outcome = await runIngester(file, pipeline);
  if (outcome === undefined || hasErrors(file)) return [];
  const results = ingestResults(outcome);
  const articles: IngestedArticle[] = [];
  for (const result of results) {
    const first = file.messages.length;
    const path = pipeline.root ? contentPath(articlePathOf(file, pipeline.root)) : undefined;
    const article = finalizeArticle(file, result, { site: pipeline.site, permalink: pipeline.permalink, slugs, ...(path ? { path } : {}) });
    placeMessages(file, first, result.place);
    if (!article) return [];
    articles.push({ article, wantedSlug: wantedSlug(result), ...(result.place ? { place: result.place } : {}) });
  }
  for (const { article, place } of articles) {
    const first = file.messages.length;
    if (pipeline.imageFacts && pipeline.root) await pipeline.imageFacts(article, file, pipeline.root);
    if (!hasErrors(file)) await transformBody(article, file, pipeline.remarkPlugins);
    placeMessages(file, first, place);
    if (hasErrors(file)) return [];
  }
  return articles;
}

/**
 * Load, validate and transform one input into an article: the first of
 * {@link ingestArticles}, for callers that take one article per input.
 *
 * @returns the article, or `undefined` after reporting an error on `file`.
 */
export async function ingestArticle(file: VFile, pipeline: ResolvedPipeline, slugs: Map<string, string>): Promise<Article | undefined> {
  return (await ingestArticles(file, pipeline, slugs))[0]?.article;
}

/** Decode the input, choose its ingester and run it; `undefined` after reporting an error on `file`. */
async function runIngester(file: VFile, pipeline: ResolvedPipeline): Promise<IngestOutcome> {
  const sniffer = encodingSnifferFor(pipeline.ingesters, file.basename ?? '');
  let text: string | undefined;
  try {
    text = await decodeInput(file, { maxBytes: inputByteLimit(pipeline, file.basename ?? '') }, sniffer?.sniffEncoding?.bind(sniffer));
  } catch (error) {
    // Only an ingester's `sniffEncoding` throws here (a bug in it): this input fails, not the build.
    report(
      file,
      'error',
      `The ${sniffer?.name} ingester failed to read the encoding: ${errorMessage(error)}`,
      rules.ingesterFailed,
      undefined,
      error,
    );
    return undefined;
  }
  if (text === undefined) return undefined;
  const choice = chooseIngester(file.basename ?? '', text, pipeline.ingesters);
  if ('problem' in choice) {
    report(file, 'error', choice.problem, rules.noIngester);
    return undefined;
  }
  const { ingester } = choice;
  const size = typeof file.value === 'string' ? text.length : file.value.byteLength;
  if (!checkFileSize(file, size, { maxBytes: ingester.maxBytes ?? pipeline.limits.maxBytes })) return undefined;
  try {
    return await ingester.ingest({
      file,
      text,
      articlePath: articlePathOf(file, pipeline.root),
      timeZone: pipeline.timeZone,
      limits: pipeline.limits,
      ...(pipeline.site.url ? { siteUrl: pipeline.site.url } : {}),
    });
  } catch (error) {
    // A stack overflow or a bug in an ingester fails this input only.
    report(file, 'error', `The ${ingester.name} ingester failed: ${errorMessage(error)}`, rules.ingesterFailed, undefined, error);
    return undefined;
  }
}

/** Give the messages from number `first` on that have no place of their own the article's place. */
function placeMessages(file: VFile, first: number, place: IngestPlace | undefined): void {
  if (!place) return;
  for (const message of file.messages.slice(first)) {
    if (message.line !== undefined && message.line !== null) continue;
    message.line = place.line;
    message.column = place.column;
    message.place = { line: place.line, column: place.column };
  }
}

/** The input's path relative to the content root, POSIX. */
function articlePathOf(file: VFile, root: string | undefined): string {
  const path = (file.path ?? 'input.md').replace(/\\/g, '/');
  if (!root) return posix.basename(path);
  const relative = posix.relative(root.replace(/\\/g, '/'), posix.resolve(path));
  return relative.startsWith('..') ? posix.basename(path) : relative;
}

async function transformBody(article: Article, file: VFile, plugins: PluggableList): Promise<boolean> {
  if (plugins.length === 0) return true;
  try {
    article.body = (await unified().use(plugins).run(article.body, file)) as Root;
    return !hasErrors(file);
  } catch (error) {
    report(file, 'error', `A body plugin failed: ${errorMessage(error)}`, rules.transformFailed, undefined, error);
    return false;
  }
}

/**
 * Run every adapter's `prepare` hook on an article, in the order of the
 * formats; returns the files they made. `place`: where the article starts
 * in its input (see {@link IngestedArticle}), given to messages without one.
 */
export async function prepareArticle(
  article: Article,
  file: VFile,
  pipeline: ResolvedPipeline,
  signal?: AbortSignal,
  place?: IngestPlace,
): Promise<OutputFile[]> {
  const produced: OutputFile[] = [];
  for (const adapter of pipeline.adapters) {
    if (!adapter.prepare || hiddenFrom(adapter, article, pipeline.now)) continue;
    const prepare = adapter.prepare.bind(adapter);
    produced.push(
      ...(await runAdapter(adapter, file, place, () =>
        prepare({
          article,
          site: pipeline.site,
          now: pipeline.now,
          cwd: pipeline.cwd,
          cacheDir: pipeline.cacheDir,
          signal,
          root: pipeline.root,
          report: (reason, options) => reportFromAdapter(file, adapter, reason, options, place),
        }),
      )),
    );
  }
  return produced;
}

/**
 * Render an article with every article-scope adapter, in the order of the
 * formats (`place` as for {@link prepareArticle}). Adapters that have not
 * opted in to unpublished articles skip one (see {@link hiddenFrom}); the
 * article's file gets one `not-published` warning naming them all.
 */
export async function renderArticle(article: Article, file: VFile, pipeline: ResolvedPipeline, place?: IngestPlace): Promise<OutputFile[]> {
  const produced: OutputFile[] = [];
  reportHidden(article, file, pipeline, place);
  for (const adapter of pipeline.adapters) {
    if (adapter.scope !== 'article' || hiddenFrom(adapter, article, pipeline.now)) continue;
    produced.push(
      ...(await runAdapter(adapter, file, place, () =>
        adapter.render({
          article,
          site: pipeline.site,
          now: pipeline.now,
          report: (reason, options) => reportFromAdapter(file, adapter, reason, options, place),
        }),
      )),
    );
  }
  return produced;
}

/**
 * Render one collection adapter over `articles`. Messages about an article
 * go to its file (`fileOf`), the others to `own`. With a `store`, the
 * adapter's context has a per-item cache (`items`) kept in it.
 */
export async function renderCollection(
  adapter: CollectionAdapter,
  articles: readonly Readonly<Article>[],
  own: VFile,
  fileOf: (article: Readonly<Article>) => VFile | undefined,
  pipeline: ResolvedPipeline,
  store?: CollectionItemStore,
): Promise<OutputFile[]> {
  const toFile: CollectionRenderContext['report'] = (article, reason, options) =>
    reportFromAdapter((article && fileOf(article)) || own, adapter, reason, options);
  const context: CollectionRenderContext = store
    ? { articles, site: pipeline.site, now: pipeline.now, ...itemCache(adapter, store, toFile) }
    : { articles, site: pipeline.site, now: pipeline.now, report: toFile };
  return runAdapter(adapter, own, undefined, () => adapter.render(context));
}

/**
 * Ask a collection adapter which articles it needs in full (its `select`),
 * from the summaries of all; every summary when it has no `select`.
 * Messages about an article go to its file (`fileOf`), the others to `own`;
 * a `select` that throws is an error on `own` and selects nothing.
 */
export function selectForCollection(
  adapter: CollectionAdapter,
  summaries: readonly Readonly<ArticleSummary>[],
  own: VFile,
  fileOf: (summary: Readonly<ArticleSummary>) => VFile | undefined,
  pipeline: ResolvedPipeline,
): readonly Readonly<ArticleSummary>[] {
  if (!adapter.select) return summaries;
  try {
    return adapter.select({
      articles: summaries,
      site: pipeline.site,
      now: pipeline.now,
      report: (summary, reason, options) => reportFromAdapter((summary && fileOf(summary)) || own, adapter, reason, options),
    });
  } catch (error) {
    report(
      own,
      'error',
      `Adapter \`${adapter.name}\` failed to select articles: ${errorMessage(error)}`,
      rules.selectFailed,
      undefined,
      error,
    );
    return [];
  }
}

async function runAdapter(
  adapter: Adapter,
  file: VFile,
  place: IngestPlace | undefined,
  render: () => OutputFile[] | Promise<OutputFile[]>,
): Promise<OutputFile[]> {
  try {
    const produced = await render();
    for (const output of produced) {
      const unsafe = unsafeOutputPath(output.path);
      if (unsafe) {
        report(
          file,
          'error',
          `Adapter \`${adapter.name}\` produced the unsafe path \`${output.path}\`: ${unsafe}`,
          rules.outputPathUnsafe,
          place,
        );
        return [];
      }
    }
    return produced;
  } catch (error) {
    report(file, 'error', `Adapter \`${adapter.name}\` failed: ${errorMessage(error)}`, rules.adapterFailed, place, error);
    return [];
  }
}

/**
 * Report what an adapter found, once per article: formats render the same
 * body and fields (AMP, RSS, Atom, JSON Feed and ninjs all sanitise one
 * body), so the same finding would otherwise be printed once per format.
 * A message with the rule, place, severity and text of one already on the
 * file is dropped; the first format's stays. Messages that differ in text
 * (a date missing "from the rss feed", "from the atom feed") are all kept.
 */
function reportFromAdapter(file: VFile, adapter: Adapter, reason: string, options: ReportOptions, place?: IngestPlace): void {
  const message = report(file, options.severity ?? 'warning', reason, reportedRule(options), options.place ?? place);
  const earlier = file.messages.findIndex(
    (other) =>
      other !== message &&
      other.ruleId === message.ruleId &&
      other.reason === message.reason &&
      other.fatal === message.fatal &&
      other.line === message.line &&
      other.column === message.column,
  );
  if (earlier !== -1) {
    file.messages.splice(file.messages.lastIndexOf(message), 1);
    return;
  }
  message.source = `syndikit:${adapter.name}`;
}

/**
 * Claim output paths for one producer (an article's file or a collection
 * adapter's); two producers of one path is an error on the later one.
 * Assets (image renditions) are the exception: two articles that use the
 * same photo share its renditions, so a repeated asset is dropped.
 *
 * @param owners paths claimed so far, mapped to their producer; updated in place.
 * @returns the outputs to keep, or `undefined` after reporting an error on `file`.
 */
export function claimPaths<T extends Pick<OutputFile, 'path' | 'asset'>>(
  produced: readonly T[],
  file: VFile,
  owners: Map<string, string>,
): T[] | undefined {
  const kept: T[] = [];
  // What this producer claims itself: the articles of one input (a news message) may share a picture's renditions too.
  const own = new Map<string, T>();
  // Read once: `file.path` is a getter, and a rebuild claims every output of every input (30,000 at 10,000 articles).
  const producer = file.path || '(input)';
  for (const output of produced) {
    const mine = own.get(output.path);
    const owner = owners.get(output.path) ?? (mine ? `${mine.asset ? 'asset:' : ''}${producer}` : undefined);
    if (owner === undefined) {
      kept.push(output);
      own.set(output.path, output);
      continue;
    }
    if (output.asset && owner.startsWith('asset:')) continue;
    report(file, 'error', `Output \`${output.path}\` is already written for ${owner.replace(/^asset:/, '')}`, rules.outputPathTaken);
    return undefined;
  }
  for (const output of kept) owners.set(output.path, output.asset ? `asset:${producer}` : producer);
  return kept;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
