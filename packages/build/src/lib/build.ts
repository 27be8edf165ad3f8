import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { CacheSlot, type IndexProblem } from './cache.js';
import { type CreatedPipeline, engineVersion, importPipeline, isPipelineModule, loadPipeline, type PipelineModule } from './pipeline.js';
import { runBuild } from './run.js';
import { cloneableModule, mainThreadRunner, type Runner, workerRunner } from './runner.js';

/** Options for {@link createBuilder} and {@link build}. */
export interface BuilderOptions {
  /** The output folder. Required. */
  outDir: string;
  /**
   * The pipeline: a module every worker thread imports
   * ({@link PipelineModule}), or the options themselves (adapters and all),
   * which can only run in this thread. Required.
   */
  pipeline: PipelineModule | CreatedPipeline;
  /**
   * The cache folder, relative to `cwd`; safe to keep between CI runs.
   * `false`: no persistent cache (a temporary folder, removed afterwards).
   * Default `'.syndikit-cache'`.
   */
  cacheDir?: string | false | null;
  /**
   * Worker threads: a number (0: convert in this thread), or `'auto'`: one
   * per core when at least {@link autoThreadsFrom} inputs need converting,
   * else this thread. A pipeline given as options always runs in this thread.
   * Default `'auto'`.
   */
  threads?: number | 'auto' | null;
  /** The reference time for embargoes, fixed for every build. Default: the pipeline's own `now`, else the time each build starts. */
  now?: string | Date | null;
  /** Working directory for `cacheDir` and for relative paths in adapter options. Default `process.cwd()`. */
  cwd?: string | null;
  /** The content root (absolute). Default: the pipeline's `root`. */
  root?: string | null;
  /** Write what converted even when some inputs failed. Default `false`: with any error the output folder is not touched. */
  keepGoing?: boolean | null;
}

/** Options of one build. */
export interface BuildRunOptions {
  /** Cancels the build before it writes; it then rejects with the signal's reason and leaves the output folder as it was. */
  signal?: AbortSignal | null;
  /** Called as the build goes on. */
  onProgress?: ((event: BuildEvent) => void) | null;
  /**
   * Called with each file that has messages, as the build reaches it, so
   * that a build of 100,000 articles never holds 100,000 files of
   * diagnostics: each input's file (all of its messages) once it and every
   * input before it have settled, in input order; then, in input order, a
   * file for each input that collections reported on (an undated article
   * left out of a feed), with the input's path and only those messages;
   * then each collection adapter's own file (named after it), in the order
   * of the formats; then the output folder's (`output-manifest-missing`).
   * The same inputs give the same calls in the same order, on one thread or
   * many, cold or from the cache. Default: none (the result keeps only
   * {@link BuildResult.messages}, the counts, and the files that failed).
   */
  onFile?: ((file: VFile) => void) | null;
}

/** Options for {@link build}. */
export interface BuildOptions extends BuilderOptions, BuildRunOptions {}

/** Progress of a build, for build tools (`syndikit build --json` prints these). */
export type BuildEvent =
  | { type: 'start'; total: number; threads: number }
  | { type: 'article'; path: string; ok: boolean; cached: boolean; done: number; total: number }
  | { type: 'collection'; adapter: string }
  | { type: 'write'; files: number }
  | { type: 'done'; result: BuildResult };

/** The outcome of a build. */
export interface BuildResult {
  /** Inputs given. */
  total: number;
  /** Articles that converted without errors. */
  articles: number;
  /** How many messages the build reported (each file's are given to {@link BuildRunOptions.onFile} as they come). */
  messages: BuildMessageCounts;
  /** The files with errors (inputs, in input order, then collection adapters), each as given to `onFile`. */
  failed: VFile[];
  /** What was written; `undefined` when nothing was, because of errors without `keepGoing`. */
  outputs: BuildOutputs | undefined;
  cache: BuildCacheStats;
  /** Worker threads used (0: the main thread converted). */
  threads: number;
  milliseconds: number;
  /** Where the time went, in milliseconds: converting (and reading the cache), collections, writing outputs, saving the cache. */
  phases: { convert: number; collections: number; write: number; cache: number };
}

/** Messages of a build by severity (vfile's `fatal`: `true` error, `false` warning, `null` info). */
export interface BuildMessageCounts {
  errors: number;
  warnings: number;
  info: number;
}

/** The output folder after a build. */
export interface BuildOutputs {
  /** Outputs the build produced (including those already current on disk). */
  count: number;
  /** Outputs by their first path segment (`amp`, `markdown`) or file name (`feed.xml`). */
  byFormat: Record<string, number>;
  /** Paths written because they changed. */
  written: string[];
  /** Outputs left alone because the file on disk was already current. */
  unchanged: number;
  /** Paths removed because their input is gone. */
  removed: string[];
}

/** How the cache did. */
export interface BuildCacheStats {
  /** Inputs whose cached conversion was used. */
  hits: number;
  /** Inputs converted. */
  misses: number;
  /** The cache folder; `undefined` without a persistent cache. */
  dir: string | undefined;
  /** Why the cache's index was not used, when there was one. */
  ignored?: Exclude<IndexProblem, 'missing'>;
}

/** With `threads: 'auto'`, worker threads start when at least this many inputs need converting. */
export const autoThreadsFrom = 100;

/** A reusable builder: `syndikit build --watch` keeps one, so worker threads and the pipeline stay loaded. */
export interface Builder {
  /** Build `inputs` (absolute paths, in the order slugs are claimed) into the output folder. */
  build(inputs: readonly string[], options?: Readonly<BuildRunOptions> | null): Promise<BuildResult>;
  /** Stop the worker threads and remove a temporary cache. */
  close(): Promise<void>;
}

/**
 * Build inputs into an output folder, the library API behind `syndikit
 * build`: articles convert in worker threads, each result streams into a
 * persistent content-addressed cache as it finishes, unchanged articles
 * come from the cache without being read, and the output folder is
 * updated at the end — only the files that changed, and never when an
 * input failed (unless `keepGoing`). The folder is locked meanwhile
 * (`OutputLockedError` for a second build).
 *
 * @example
 * const result = await build(paths, {
 *   outDir: 'public',
 *   pipeline: { module: new URL('./pipeline.mjs', import.meta.url), options: { siteUrl: 'https://news.example' } },
 *   onProgress: (event) => console.log(event.type),
 *   onFile: (file) => console.error(file.messages.map(String).join('\n')),
 * })
 */
export async function build(inputs: readonly string[], options: Readonly<BuildOptions>): Promise<BuildResult> {
  const builder = await createBuilder(options);
  try {
    return await builder.build(inputs, options);
  } finally {
    await builder.close();
  }
}

/** Make a {@link Builder}: the pipeline is loaded once; worker threads start on the first build that needs them. */
export async function createBuilder(options: Readonly<BuilderOptions>): Promise<Builder> {
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') {
    throw new TypeError(`Expected an output folder as \`outDir\` but received ${JSON.stringify(options?.outDir)}`);
  }
  if (!options.pipeline || typeof options.pipeline !== 'object') {
    throw new TypeError('Expected a `pipeline`: a module `{ module, options }` or the pipeline options themselves');
  }
  const threadsOption = options.threads ?? 'auto';
  if (threadsOption !== 'auto' && (!Number.isInteger(threadsOption) || threadsOption < 0)) {
    throw new TypeError(`Expected \`threads\` to be 'auto' or a whole number of at least 0 but received ${JSON.stringify(threadsOption)}`);
  }
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const temporary = options.cacheDir === false ? await mkdtemp(join(tmpdir(), 'syndikit-cache-')) : undefined;
  const cacheDir = temporary ?? resolve(cwd, options.cacheDir || '.syndikit-cache');
  const given = options.pipeline;
  const spec = isPipelineModule(given) ? cloneableModule(given) : undefined;
  const created = isPipelineModule(given) ? (given.created ?? (await importPipeline(given))) : given;
  // The build's `now`, else the pipeline's own (`syndikit build --now` gives it there); with neither, each build's start.
  const givenNow = options.now ?? created.now;
  const fixedNow = givenNow === undefined || givenNow === null ? undefined : new Date(givenNow).toISOString();
  const root = options.root ?? created.root ?? undefined;
  // Adapters keep their own caches inside the build's (the image cache: `<cacheDir>/images`), so one flag governs both.
  const pipeline = loadPipeline(created, { now: fixedNow, cwd, root, cacheDir });
  const slot = new CacheSlot(cacheDir, outDir, engineVersion);
  const inThread = mainThreadRunner(pipeline, slot.packsDir);
  let pool: Runner | undefined;

  const runnerFor = async (misses: number): Promise<Runner> => {
    const wanted = threadsOption === 'auto' ? (misses >= autoThreadsFrom ? availableParallelism() : 0) : threadsOption;
    if (!spec || wanted === 0 || misses === 0) return inThread;
    pool ??= await workerRunner(wanted, {
      pipeline: spec,
      overrides: { now: pipeline.resolved.now, cwd, root: pipeline.resolved.root, cacheDir },
      packsDir: slot.packsDir,
    });
    return pool;
  };

  return {
    build: (inputs, run) =>
      runBuild(inputs, {
        outDir,
        slot,
        pipeline,
        now: fixedNow ?? new Date().toISOString(),
        runnerFor,
        keepGoing: options.keepGoing ?? false,
        persistent: temporary === undefined,
        signal: run?.signal ?? undefined,
        emit: (event) => run?.onProgress?.(event),
        onFile: (file) => run?.onFile?.(file),
      }),
    async close() {
      await pool?.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
