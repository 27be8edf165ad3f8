import { setMaxListeners } from 'node:events';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Article,
  type ArticleSummary,
  type CollectionAdapter,
  claimPaths,
  hasErrors,
  publishable,
  renderCollection,
  selectForCollection,
  uniqueSlug,
} from '@syndikit/core';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { type CacheIndex, CacheSlot, type IndexEntry, type IndexProblem } from './cache.js';
import { commitOutputs, type PlannedOutput } from './commit.js';
import { EnvironmentError, environmentErrorOf } from './errors.js';
import { ownedFiles, prepareOutputFolder, stagingFolderName } from './folder.js';
import { lockOutput } from './lock.js';
import { restoreMessages } from './messages.js';
import { packPath, readPack } from './pack.js';
import {
  type CreatedPipeline,
  engineVersion,
  importPipeline,
  isPipelineModule,
  type LoadedPipeline,
  loadPipeline,
  type PipelineModule,
} from './pipeline.js';
import { cloneableModule, mainThreadRunner, type Runner, workerRunner } from './runner.js';
import { articlePart, type Dependency, sha256, type Task, type TaskResult } from './task.js';

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
  /** The reference time for embargoes, fixed for every build. Default: the time each build starts. */
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
  /** Inputs, then collection adapters, that have messages: the diagnostics to show. */
  files: VFile[];
  /** Those of `files` with errors. */
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
  const fixedNow = options.now === undefined || options.now === null ? undefined : new Date(options.now).toISOString();
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
      }),
    async close() {
      await pool?.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}

interface RunContext {
  outDir: string;
  slot: CacheSlot;
  pipeline: LoadedPipeline;
  now: string;
  runnerFor(misses: number): Promise<Runner>;
  keepGoing: boolean;
  persistent: boolean;
  signal: AbortSignal | undefined;
  emit(event: BuildEvent): void;
}

/** Where an input stands before any work: its cached entry can be used as is, needs its bytes checked, or needs converting. */
type Plan = { use: IndexEntry } | { check: IndexEntry } | { convert: true };

/**
 * One build. Faults of the machine (a full disk, a read-only folder, a
 * symbolic link in the output folder) end it with an
 * {@link EnvironmentError}, the output folder as it was.
 */
async function runBuild(inputs: readonly string[], context: RunContext): Promise<BuildResult> {
  try {
    return await runLockedBuild(inputs, context);
  } catch (error) {
    throw environmentErrorOf(error) ?? error;
  }
}

async function runLockedBuild(inputs: readonly string[], context: RunContext): Promise<BuildResult> {
  const started = performance.now();
  const { slot, pipeline, now, signal } = context;
  // Tasks listen to the build's own signal, which follows the caller's: one listener per task in flight would
  // otherwise pile up on the caller's signal (Node warns past ten).
  const cancel = new AbortController();
  setMaxListeners(0, cancel.signal);
  const follow = () => cancel.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  await prepareOutputFolder(context.outDir);
  const lock = await lockOutput(context.outDir);
  // Workers write what they convert here too, so that updating the output folder at the end is a rename per
  // file. Private to this build (the folder is locked); a killed build's leftovers are cleared first.
  const stageRoot = join(context.outDir, stagingFolderName);
  // Tasks still running: a build that stops (cancelled, or a fault) waits for them before clearing the staging folder they write to.
  const running = new Set<Promise<unknown>>();
  try {
    await rm(stageRoot, { recursive: true, force: true });
    const interrupted = await slot.begin();
    const read = await slot.read();
    const index: CacheIndex = 'index' in read ? read.index : slot.empty();
    const cache: BuildCacheStats = { hits: 0, misses: 0, dir: context.persistent ? slot.dir : undefined };
    if ('problem' in read && read.problem !== 'missing') cache.ignored = read.problem;

    // 1. Decide from the index and the disk's metadata alone what needs work.
    const statsOf = statCache();
    const plans = inputs.map((path) => planInput(path, index, pipeline.key, now, statsOf));
    const toConvert = plans.filter((plan) => !('use' in plan)).length;
    const runner = await context.runnerFor(toConvert);
    context.emit({ type: 'start', total: inputs.length, threads: runner.threads });

    const entries = new Map<string, IndexEntry>();
    const slugs = new Map<string, string>();
    const owners = new Map<string, string>();
    const planned: PlannedOutput[] = [];
    const files: VFile[] = [];
    const failed: VFile[] = [];
    const summaries: Readonly<ArticleSummary>[] = [];
    // What each summary came from: collections report on the article's file and read its body back from its pack.
    const sourceOf = new Map<Readonly<ArticleSummary>, { path: string; entry: IndexEntry; file: VFile }>();
    const dropped = new Set<string>();
    const task = async (path: string, extra?: Partial<Task>): Promise<TaskResult> => {
      const run = runner.run({ path, now, ...extra }, cancel.signal);
      running.add(run);
      try {
        const result = await run;
        if (result.environment) {
          const { code, path: where, syscall, message } = result.environment;
          const error = Object.assign(new Error(message), { code, path: where, ...(syscall ? { syscall } : {}) });
          throw environmentErrorOf(error) ?? new EnvironmentError(code, where, message);
        }
        return result;
      } finally {
        running.delete(run);
      }
    };

    const stageOf = (index: number) => join(stageRoot, String(index));
    const resolveInput = async (index: number): Promise<{ entry: IndexEntry; cached: boolean }> => {
      const path = inputs[index] as string;
      const plan = plans[index] as Plan;
      if ('use' in plan) return { entry: plan.use, cached: true };
      const expectHash = 'check' in plan ? plan.check.inputHash : undefined;
      const result = await task(path, { expectHash, taken: 'check' in plan ? plan.check.taken : undefined, stage: stageOf(index) });
      if (result.same && 'check' in plan) {
        const { check } = plan;
        // The same object when nothing about the input changed: the index journal records only what did.
        const unchanged = check.inputSize === result.inputSize && check.inputMtimeMs === result.inputMtimeMs;
        return { entry: unchanged ? check : { ...check, inputSize: result.inputSize, inputMtimeMs: result.inputMtimeMs }, cached: true };
      }
      return { entry: toEntry(result, pipeline.key, now), cached: false };
    };

    // 2. Convert, several inputs in flight, settling results in input order so output never depends on timing.
    const window = Math.max(8, runner.threads * 16);
    const inFlight = new Map<number, Promise<{ entry: IndexEntry; cached: boolean }>>();
    let next = 0;
    for (let position = 0; position < inputs.length; position++) {
      while (next < inputs.length && next < position + window) {
        const started = resolveInput(next);
        started.catch(() => {});
        inFlight.set(next++, started);
      }
      const path = inputs[position] as string;
      let { entry, cached } = await (inFlight.get(position) as Promise<{ entry: IndexEntry; cached: boolean }>);
      inFlight.delete(position);
      signal?.throwIfAborted();

      // Slugs are claimed in input order: a collision the cached result did not see means converting again.
      if (entry.ok && entry.baseSlug !== undefined) {
        const claim = uniqueSlug(entry.baseSlug, slugs);
        if (claim.slug !== entry.slug || claim.takenBy !== entry.takenBy) {
          const base = entry.baseSlug;
          const taken = [...slugs].filter(([slug]) => slug === base || slug.startsWith(`${base}-`));
          if (entry.pack && !cached) dropped.add(entry.pack);
          entry = { ...toEntry(await task(path, { taken, stage: stageOf(position) }), pipeline.key, now), baseSlug: base, taken };
          if (claim.takenBy !== undefined) entry.takenBy = claim.takenBy;
          cached = false;
        }
        if (entry.ok && entry.slug) slugs.set(entry.slug, path);
      }
      if (cached) cache.hits++;
      else cache.misses++;
      if (!entry.ok && !cached) {
        const previous = index.entries[path];
        const kept = previous?.ok ? previous.outputs.map((output) => output.path) : previous?.kept;
        if (kept && kept.length > 0) entry = { ...entry, kept };
      }
      entries.set(path, entry);

      const file = new VFile({ path });
      restoreMessages(file, entry.messages);
      if (entry.ok && entry.summary) {
        const claimed = claimPaths(entry.outputs, file, owners);
        if (claimed) {
          for (const output of claimed) {
            const staged = cached ? undefined : join(stageOf(position), ...output.path.split('/'));
            planned.push({ ...output, owner: path, pack: entry.pack as string, ...(staged ? { staged } : {}) });
          }
          summaries.push(entry.summary);
          sourceOf.set(entry.summary, { path, entry, file });
        }
      }
      const ok = !hasErrors(file);
      if (file.messages.length > 0) files.push(file);
      if (!ok) failed.push(file);
      context.emit({ type: 'article', path, ok, cached, done: position + 1, total: inputs.length });
    }

    const converted = performance.now();
    // 3. Collections (feeds): each picks from the metadata of all; only the bodies they need are read back.
    const reconvert = async (entry: IndexEntry, path: string): Promise<IndexEntry> => {
      if (entry.pack) dropped.add(entry.pack);
      const fresh = { ...toEntry(await task(path, { taken: entry.taken }), pipeline.key, now), taken: entry.taken };
      if (entry.baseSlug !== undefined) fresh.baseSlug = entry.baseSlug;
      if (entry.takenBy !== undefined) fresh.takenBy = entry.takenBy;
      entries.set(path, fresh);
      return fresh;
    };
    const collectionFiles = await renderCollections(pipeline, now, summaries, {
      owners,
      planned,
      signal,
      emit: context.emit,
      fileOf: (summary) => sourceOf.get(summary)?.file,
      load: async (summary) => {
        const source = sourceOf.get(summary) as { path: string; entry: IndexEntry };
        let article = await loadArticle(slot.packsDir, source.entry);
        if (!article) {
          // A pack that went missing or bad is never trusted: the article is converted again.
          const fresh = await reconvert(source.entry, source.path);
          for (const output of planned) if (output.owner === source.path) output.pack = fresh.pack as string;
          article = fresh.ok ? await loadArticle(slot.packsDir, fresh) : undefined;
        }
        if (!article) throw new Error(`The cached article for ${source.path} could not be read back, even after converting it again`);
        return article;
      },
    });
    for (const file of collectionFiles) {
      files.push(file);
      if (hasErrors(file)) failed.push(file);
    }

    const collected = performance.now();
    // 4. Update the output folder, unless something failed.
    let outputs: BuildOutputs | undefined;
    let records = index.outputs;
    if (failed.length === 0 || context.keepGoing) {
      signal?.throwIfAborted();
      const lost = lock.compromised();
      if (lost) throw new Error(`The lock on ${context.outDir} was lost while building (${lost.message}); nothing was written`);
      context.emit({ type: 'write', files: planned.length });
      const owned = await ownedFiles(context.outDir, index);
      if (owned.file) files.push(owned.file);
      const keep = keptOutputs(failed, index, owned.files);
      const commit = () =>
        commitOutputs({
          planned,
          owned: owned.files,
          stats: index.outputs,
          keep,
          outDir: context.outDir,
          packsDir: slot.packsDir,
          stageDir: join(stageRoot, 'commit'),
          manifest: owned.manifest,
        });
      let committed = await commit();
      if (committed.badPacks.size > 0) {
        // Packs that went bad since they were cached (nothing was changed yet): convert their articles again, then commit anew.
        for (const [path, entry] of entries) {
          if (!entry.pack || !committed.badPacks.has(entry.pack)) continue;
          const fresh = await reconvert(entry, path);
          const byPath = new Map(fresh.outputs.map((output) => [output.path, output]));
          for (const output of planned) {
            if (output.owner !== path) continue;
            const again = byPath.get(output.path);
            if (again) Object.assign(output, { hash: again.hash, size: again.size, pack: fresh.pack as string, staged: undefined });
          }
        }
        for (const output of planned) if (output.staged === undefined) delete output.staged;
        await rm(join(stageRoot, 'commit'), { recursive: true, force: true });
        committed = await commit();
        if (committed.badPacks.size > 0) throw new Error(`The cache folder ${slot.dir} cannot be read back; delete it and build again`);
      }
      records = committed.records;
      outputs = {
        count: planned.length,
        byFormat: countByFormat(planned),
        written: committed.written,
        unchanged: committed.unchanged,
        removed: committed.removed,
      };
    }

    const written = performance.now();
    // 5. Save the index (only when something changed) and drop packs nothing refers to.
    const changed =
      cache.misses > 0 ||
      entries.size !== Object.keys(index.entries).length ||
      (outputs !== undefined && (outputs.written.length > 0 || outputs.removed.length > 0)) ||
      Object.keys(records).length !== Object.keys(index.outputs).length ||
      Object.entries(records).some(([path, record]) => index.outputs[path] !== record) ||
      [...entries].some(([path, entry]) => index.entries[path] !== entry);
    if (changed || interrupted) {
      await slot.write({ writtenAt: Date.now(), entries, outputs: records }, index);
      const kept = new Set([...entries.values()].flatMap((entry) => (entry.pack ? [entry.pack] : [])));
      if (interrupted) await slot.prune(kept);
      else
        await removePacks(slot, [...Object.values(index.entries).flatMap((entry) => (entry.pack ? [entry.pack] : [])), ...dropped], kept);
    }
    await slot.end();

    const result: BuildResult = {
      total: inputs.length,
      articles: summaries.length,
      files,
      failed,
      outputs,
      cache,
      threads: runner.threads,
      milliseconds: Math.round(performance.now() - started),
      phases: {
        convert: Math.round(converted - started),
        collections: Math.round(collected - converted),
        write: Math.round(written - collected),
        cache: Math.round(performance.now() - written),
      },
    };
    context.emit({ type: 'done', result });
    return result;
  } finally {
    try {
      await Promise.allSettled([...running]);
      await rm(stageRoot, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    } finally {
      signal?.removeEventListener('abort', follow);
      await lock.release();
    }
  }
}

/**
 * The outputs of the last build to keep although nothing produces them now:
 * those of inputs that failed this time, and, when a collection adapter
 * failed, those no article produced (a feed that failed keeps its last file).
 */
function keptOutputs(failed: readonly VFile[], index: CacheIndex, owned: ReadonlyMap<string, unknown>): Set<string> {
  const keep = new Set<string>();
  for (const file of failed) {
    const previous = index.entries[file.path];
    for (const path of previous?.ok ? previous.outputs.map((output) => output.path) : (previous?.kept ?? [])) keep.add(path);
  }
  if (failed.some((file) => index.entries[file.path] === undefined && !file.path.startsWith('/'))) {
    const byArticles = new Set(Object.values(index.entries).flatMap((entry) => entry.outputs.map((output) => output.path)));
    for (const path of owned.keys()) if (!byArticles.has(path)) keep.add(path);
  }
  return keep;
}

/** Decide, from the index and `stat` alone, whether an input's cached conversion stands. */
function planInput(path: string, index: CacheIndex, key: string, now: string, statsOf: (path: string) => StatFacts): Plan {
  const entry = index.entries[path];
  if (!entry || entry.key !== key || entry.inputHash === '') return { convert: true };
  if (!dependenciesUnchanged(entry.dependencies, statsOf)) return { convert: true };
  if (entry.summary?.embargoed !== undefined && embargoActive(entry.summary, now) !== (entry.embargoActive ?? false))
    return { convert: true };
  const stats = statsOf(path);
  // An input changed within a second of the index being written could have kept its size and time: read it (git's "racy clean").
  const racy = entry.inputMtimeMs + 1000 >= index.writtenAt;
  if (stats.size === entry.inputSize && stats.mtimeMs === entry.inputMtimeMs && !racy) return { use: entry };
  return { check: entry };
}

interface StatFacts {
  size: number;
  mtimeMs: number;
}

/** `stat` once per path per build (synchronous: thousands of small stats are faster than as many promises). */
function statCache(): (path: string) => StatFacts {
  const known = new Map<string, StatFacts>();
  return (path) => {
    let facts = known.get(path);
    if (!facts) {
      const stats = statSync(path, { throwIfNoEntry: false });
      facts = stats ? { size: stats.size, mtimeMs: stats.mtimeMs } : { size: -1, mtimeMs: 0 };
      known.set(path, facts);
    }
    return facts;
  };
}

function dependenciesUnchanged(dependencies: readonly Dependency[], statsOf: (path: string) => StatFacts): boolean {
  return dependencies.every((dependency) => {
    const stats = statsOf(dependency.path);
    return stats.size === dependency.size && (dependency.size === -1 || stats.mtimeMs === dependency.mtimeMs);
  });
}

function embargoActive(summary: Readonly<Pick<ArticleSummary, 'status' | 'embargoed'>>, now: string): boolean {
  return summary.embargoed !== undefined && publishable({ embargoed: summary.embargoed }, now) !== true;
}

function toEntry(result: TaskResult, key: string, now: string): IndexEntry {
  const { same: _same, path: _path, ...rest } = result;
  const entry: IndexEntry = { ...rest, key };
  if (result.summary?.embargoed !== undefined) entry.embargoActive = embargoActive(result.summary, now);
  return entry;
}

async function loadArticle(packsDir: string, entry: IndexEntry): Promise<Article | undefined> {
  if (!entry.pack) return undefined;
  const parts = await readPack(packsDir, entry.pack);
  const bytes = parts?.get(articlePart);
  return bytes ? (JSON.parse(bytes.toString('utf8')) as Article) : undefined;
}

interface CollectionState {
  owners: Map<string, string>;
  planned: PlannedOutput[];
  signal: AbortSignal | undefined;
  emit(event: BuildEvent): void;
  fileOf(summary: Readonly<ArticleSummary>): VFile | undefined;
  load(summary: Readonly<ArticleSummary>): Promise<Article>;
}

/**
 * Render every collection adapter. Each `select`s from the summaries of all
 * articles (an adapter without `select` gets them all); the bodies of the
 * union are read back from the cache once and shared, so a feed item is
 * rendered once for RSS, Atom and JSON Feed alike.
 */
async function renderCollections(
  pipeline: LoadedPipeline,
  now: string,
  summaries: readonly Readonly<ArticleSummary>[],
  state: CollectionState,
): Promise<VFile[]> {
  const adapters = pipeline.resolved.adapters.filter((adapter): adapter is CollectionAdapter => adapter.scope === 'collection');
  if (adapters.length === 0) return [];
  const resolved = { ...pipeline.resolved, now };
  const own = new Map(adapters.map((adapter) => [adapter, new VFile({ path: adapter.name })]));
  const selections = new Map(
    adapters.map((adapter) => [adapter, selectForCollection(adapter, summaries, own.get(adapter) as VFile, state.fileOf, resolved)]),
  );

  const needed = [...new Set([...selections.values()].flat())];
  const full = new Map<Readonly<ArticleSummary>, Article>();
  const limit = pLimit(16);
  await Promise.all(needed.map((summary) => limit(async () => full.set(summary, await state.load(summary)))));
  const fileOfArticle = new Map<Readonly<Article>, VFile | undefined>(
    needed.map((summary) => [full.get(summary) as Article, state.fileOf(summary)]),
  );

  for (const adapter of adapters) {
    state.signal?.throwIfAborted();
    state.emit({ type: 'collection', adapter: adapter.name });
    const file = own.get(adapter) as VFile;
    if (hasErrors(file)) continue;
    const articles = (selections.get(adapter) ?? []).map((summary) => full.get(summary) as Article);
    const produced = await renderCollection(adapter, articles, file, (article) => fileOfArticle.get(article), resolved);
    const claimed = hasErrors(file) ? undefined : claimPaths(produced, file, state.owners);
    for (const output of claimed ?? []) {
      const contents = typeof output.contents === 'string' ? Buffer.from(output.contents) : output.contents;
      state.planned.push({
        path: output.path,
        mediaType: output.mediaType,
        hash: sha256(contents),
        size: contents.byteLength,
        owner: adapter.name,
        contents,
      });
    }
  }
  return [...own.values()].filter((file) => file.messages.length > 0);
}

function countByFormat(planned: readonly PlannedOutput[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const output of planned) {
    const slash = output.path.indexOf('/');
    const key = slash === -1 ? output.path : output.path.slice(0, slash);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Remove packs (of the previous index, or replaced during this build) that the new index does not refer to. */
async function removePacks(slot: CacheSlot, candidates: readonly string[], kept: ReadonlySet<string>): Promise<void> {
  const gone = new Set(candidates.filter((id) => !kept.has(id)));
  const limit = pLimit(16);
  await Promise.all([...gone].map((id) => limit(() => rm(packPath(slot.packsDir, id), { force: true }))));
}
