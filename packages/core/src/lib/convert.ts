import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import type { Root } from 'mdast';
import pLimit from 'p-limit';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import type { Adapter, OutputFile, ReportOptions } from './adapter.js';
import { unsafeOutputPath } from './adapter.js';
import type { Article } from './article.js';
import { decodeText } from './decode.js';
import { hasErrors, report } from './diagnostics.js';
import { readImageFacts } from './image-facts.js';
import { markdownIngester } from './ingest-markdown.js';
import type { Ingester } from './ingester.js';
import { defaultLimits, type Limits } from './limits.js';
import { finalizeArticle } from './normalize.js';
import type { Registry } from './registry.js';
import { rules } from './rules.js';
import { resolveSite, type Site, type SiteOptions } from './site.js';

/**
 * An input: a `VFile` (with `path` and `value`), `{ path, value }`, or a
 * string of Markdown.
 */
export type InputLike = VFile | { path?: string; value: string | Uint8Array } | string;

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
  /** URL path of an article under `site.url`; `{slug}` is replaced. Default `'/{slug}/'`. */
  permalink?: string | null;
  /** Extra ingesters, tried before the built-in Markdown ingester. Default `[]`. */
  ingesters?: readonly Ingester[] | null;
  /** unified plugins run on each article body (mdast) after ingest. Default `[]`. */
  remarkPlugins?: PluggableList | null;
  /** Parser limits; see {@link Limits}. */
  limits?: Partial<Limits> | null;
  /**
   * Read local images under `root` for their byte length, type and size
   * (headers only). Off by default, so that `convert` touches no disk.
   * The CLI turns it on. Default `false`.
   */
  readImages?: boolean | null;
  /**
   * The build's reference time, against which embargoes are judged (an
   * RFC 3339 string or a Date). Default: the time `convert` is called. Give
   * it for output that does not depend on the clock when articles carry embargoes.
   */
  now?: string | Date | null;
  /** Working directory for relative paths in adapter options (such as a cache folder). Default `process.cwd()`. */
  cwd?: string | null;
  /** Articles whose `prepare` hooks (image work) run at once. Default: the machine's available parallelism. */
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
 *   formats: [markdownAdapter()],
 * })
 * result.outputs[0].path // 'markdown/story.md'
 */
export async function convert(input: InputLike | readonly InputLike[], options?: Readonly<ConvertOptions> | null): Promise<ConvertResult> {
  const settings = options ?? {};
  const site = resolveSite(settings.site);
  const adapters = resolveAdapters(settings);
  const ingesters = [...(settings.ingesters ?? []), markdownIngester];
  const limits: Limits = { ...defaultLimits, ...(settings.limits ?? {}) };
  const permalink = settings.permalink ?? '/{slug}/';
  const timeZone = settings.timeZone ?? 'UTC';
  const files = (Array.isArray(input) ? input : [input]).map((item, index) => toVFile(item as InputLike, index));
  const now = resolveNow(settings.now);

  const slugs = new Map<string, string>();
  const converted: Converted[] = [];
  const outputs: OutputFile[] = [];
  const owners = new Map<string, string>();

  const signal = settings.signal ?? undefined;
  const progress = settings.onProgress ?? (() => {});
  progress({ type: 'start', total: files.length });

  // 1. Load, validate and transform, in input order (slugs are claimed in that order).
  const loaded: Converted[] = [];
  for (const [index, file] of files.entries()) {
    signal?.throwIfAborted();
    progress({ type: 'loaded', done: index + 1, total: files.length });
    const article = await loadArticle(file, { ingesters, limits, timeZone, site, permalink, slugs, root: settings.root ?? undefined });
    if (!article) continue;
    if (settings.readImages && settings.root) await readImageFacts(article, file, settings.root);
    if (hasErrors(file)) continue;
    if (!(await transformBody(article, file, settings.remarkPlugins ?? []))) continue;
    loaded.push({ article, file });
  }

  // 2. Prepare (image renditions and other slow, mostly off-thread work), several articles at once.
  const limit = pLimit(settings.concurrency ?? availableParallelism());
  const prepared = await Promise.all(
    loaded.map(({ article, file }) =>
      limit(async () => {
        signal?.throwIfAborted();
        const produced: OutputFile[] = [];
        for (const adapter of adapters) {
          if (!adapter.prepare) continue;
          const prepare = adapter.prepare.bind(adapter);
          produced.push(
            ...(await runAdapter(adapter, file, () =>
              prepare({
                article,
                site,
                now,
                cwd: settings.cwd ?? process.cwd(),
                root: settings.root ?? undefined,
                report: (reason, opts) => reportFromAdapter(file, adapter, reason, opts),
              }),
            )),
          );
        }
        return produced;
      }),
    ),
  );

  // 3. Render each article, in input order, so that output does not depend on timing.
  let done = files.length - loaded.length;
  for (const [index, { article, file }] of loaded.entries()) {
    signal?.throwIfAborted();
    const articleOutputs: OutputFile[] = [...(prepared[index] ?? [])];
    for (const adapter of adapters) {
      if (adapter.scope !== 'article') continue;
      const produced = await runAdapter(adapter, file, () =>
        adapter.render({ article, site, now, report: (reason, opts) => reportFromAdapter(file, adapter, reason, opts) }),
      );
      articleOutputs.push(...produced);
    }
    const claimed = hasErrors(file) ? undefined : claimPaths(articleOutputs, file, owners);
    done++;
    progress({ type: 'article', path: file.path, ok: claimed !== undefined, done, total: files.length });
    if (!claimed) continue;
    outputs.push(...claimed);
    converted.push({ article, file });
  }

  const articles = converted.map((item) => item.article);
  const fileOf = new Map(converted.map((item) => [item.article, item.file]));
  const collectionFiles: VFile[] = [];
  for (const adapter of adapters) {
    if (adapter.scope !== 'collection') continue;
    signal?.throwIfAborted();
    progress({ type: 'collection', adapter: adapter.name });
    const own = new VFile({ path: adapter.name });
    const produced = await runAdapter(adapter, own, () =>
      adapter.render({
        articles,
        site,
        now,
        report: (article, reason, opts) => reportFromAdapter((article && fileOf.get(article as Article)) || own, adapter, reason, opts),
      }),
    );
    if (own.messages.length > 0) collectionFiles.push(own);
    const claimed = hasErrors(own) ? undefined : claimPaths(produced, own, owners);
    if (claimed) outputs.push(...claimed);
  }

  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const allFiles = [...files, ...collectionFiles];
  return { articles, outputs, files: allFiles, failed: allFiles.filter(hasErrors) };
}

function resolveNow(now: string | Date | null | undefined): string {
  if (now === undefined || now === null) return new Date().toISOString();
  const date = typeof now === 'string' ? new Date(now) : now;
  if (Number.isNaN(date.getTime())) throw new TypeError(`Expected a date for \`now\` but received ${JSON.stringify(now)}`);
  return date.toISOString();
}

function resolveAdapters(settings: Readonly<ConvertOptions>): Adapter[] {
  return (settings.formats ?? []).map((format) => {
    if (typeof format !== 'string') return format;
    if (!settings.registry) throw new TypeError(`Expected a registry to look up format \`${format}\` but received none`);
    return settings.registry.create(format, settings.adapterOptions?.[format]);
  });
}

function toVFile(input: InputLike, index: number): VFile {
  if (input instanceof VFile) return input;
  if (typeof input === 'string') return new VFile({ path: `input-${index + 1}.md`, value: input });
  if (input && typeof input === 'object' && 'value' in input) {
    return new VFile({ path: input.path ?? `input-${index + 1}.md`, value: input.value });
  }
  throw new TypeError(`Expected an input as a string, VFile or { path, value } but received ${typeof input}`);
}

interface LoadOptions {
  ingesters: Ingester[];
  limits: Limits;
  timeZone: string;
  site: Site;
  permalink: string;
  slugs: Map<string, string>;
  root: string | undefined;
}

/** Load and validate one input into an article, or report why not. */
async function loadArticle(file: VFile, options: LoadOptions): Promise<Article | undefined> {
  const extension = (file.extname ?? '').toLowerCase();
  const ingester = options.ingesters.find((candidate) => candidate.extensions.includes(extension));
  if (!ingester) {
    const known = [...new Set(options.ingesters.flatMap((candidate) => candidate.extensions))].join(', ');
    report(file, 'error', `No ingester reads \`${extension || '(no extension)'}\` files; known: ${known}`, rules.noIngester);
    return undefined;
  }
  const text = decodeText(file, options.limits);
  if (text === undefined) return undefined;

  const articlePath = articlePathOf(file, options.root);
  let result: Awaited<ReturnType<Ingester['ingest']>>;
  try {
    result = await ingester.ingest({ file, text, articlePath, timeZone: options.timeZone, limits: options.limits });
  } catch (error) {
    // A stack overflow or a bug in an ingester fails this article only.
    report(file, 'error', `The ${ingester.name} ingester failed: ${errorMessage(error)}`, rules.renderFailed, undefined, error);
    return undefined;
  }
  if (!result || hasErrors(file)) return undefined;
  return finalizeArticle(file, result, { site: options.site, permalink: options.permalink, slugs: options.slugs });
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

async function runAdapter(adapter: Adapter, file: VFile, render: () => OutputFile[] | Promise<OutputFile[]>): Promise<OutputFile[]> {
  try {
    const produced = await render();
    for (const output of produced) {
      const unsafe = unsafeOutputPath(output.path);
      if (unsafe) {
        report(file, 'error', `Adapter \`${adapter.name}\` produced the unsafe path \`${output.path}\`: ${unsafe}`, rules.renderFailed);
        return [];
      }
    }
    return produced;
  } catch (error) {
    report(file, 'error', `Adapter \`${adapter.name}\` failed: ${errorMessage(error)}`, rules.renderFailed, undefined, error);
    return [];
  }
}

function reportFromAdapter(file: VFile, adapter: Adapter, reason: string, options: ReportOptions): void {
  const message = report(file, options.severity ?? 'warning', reason, options.ruleId, options.place);
  message.source = `syndikit:${adapter.name}`;
}

/**
 * Claim output paths; two producers of one path is an error on the later
 * one. Assets (image renditions) are the exception: two articles that use
 * the same photo share its renditions, so a repeated asset is dropped.
 */
function claimPaths(produced: OutputFile[], file: VFile, owners: Map<string, string>): OutputFile[] | undefined {
  const kept: OutputFile[] = [];
  for (const output of produced) {
    const owner = owners.get(output.path);
    if (owner === undefined) {
      kept.push(output);
      continue;
    }
    if (output.asset && owner.startsWith('asset:')) continue;
    report(file, 'error', `Output \`${output.path}\` is already written for ${owner.replace(/^asset:/, '')}`, rules.renderFailed);
    return undefined;
  }
  for (const output of kept) owners.set(output.path, `${output.asset ? 'asset:' : ''}${file.path || '(input)'}`);
  return kept;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
