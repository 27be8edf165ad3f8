import { setMaxListeners } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Article,
  type ArticleSummary,
  type CollectionAdapter,
  claimPaths,
  hasErrors,
  renderCollections,
  uniqueSlug,
} from '@syndikit/core';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import type { BuildCacheStats, BuildEvent, BuildMessageCounts, BuildOutputs, BuildResult } from './build.js';
import { type CacheIndex, type CacheSlot, type HeldEntry, heldEntry, type IndexEntry, LineEntry, type OutputRecord } from './cache.js';
import {
  type CollectionsResult,
  collectionsKey,
  ItemStores,
  loadCollections,
  loadItems,
  messageRecorder,
  readPointer,
  saveCollections,
} from './collections.js';
import { commitOutputs, type PlannedOutput } from './commit.js';
import { EnvironmentError, environmentErrorOf } from './errors.js';
import { ownedFiles, prepareOutputFolder, stagingFolderName } from './folder.js';
import { type Intern, internEntry, interner } from './intern.js';
import { lockOutput, type OutputLock } from './lock.js';
import { restoreMessages, storeMessages } from './messages.js';
import { packPath, readPack } from './pack.js';
import type { LoadedPipeline } from './pipeline.js';
import { countByFormat, keptOutputs, type Plan, planInput, statCache, toEntry } from './plan.js';
import type { Runner } from './runner.js';
import { articlePartOf, type StoredArticle, sha256, type Task, type TaskResult } from './task.js';

/**
 * One build, in its phases: open the cache → plan each input from the index
 * → convert (or reuse) each input, in input order → collections (core's
 * collection step, bodies read back from the cache) → update the output
 * folder → save the cache. Each phase is a function of the {@link BuildRun}
 * it shares with the others.
 */

/** What {@link runBuild} is given by the builder. */
export interface RunContext {
  outDir: string;
  slot: CacheSlot;
  pipeline: LoadedPipeline;
  now: string;
  runnerFor(misses: number): Promise<Runner>;
  keepGoing: boolean;
  persistent: boolean;
  signal: AbortSignal | undefined;
  emit(event: BuildEvent): void;
  /** Takes each file with messages as the build reaches it (see `BuildRunOptions.onFile`). */
  onFile(file: VFile): void;
}

/** What one article's summary came from: collections read its body back from its pack (and report on its input's path). */
interface Source {
  path: string;
  entry: HeldEntry;
  /** Which of the input's articles (from 0). */
  index: number;
}

/** The state the phases of one build share. */
interface BuildRun {
  inputs: readonly string[];
  context: RunContext;
  index: CacheIndex;
  interrupted: boolean;
  cache: BuildCacheStats;
  runner: Runner;
  plans: Plan[];
  /** The build's own signal, which follows the caller's (see {@link followSignal}). */
  signal: AbortSignal;
  /** Tasks still running: a build that stops (cancelled, or a fault) waits for them before clearing the staging folder they write to. */
  running: Set<Promise<unknown>>;
  stageRoot: string;
  /** Each settled input's entry: the index's own when unchanged, else its line (see {@link LineEntry}). */
  entries: Map<string, HeldEntry>;
  slugs: Map<string, string>;
  owners: Map<string, string>;
  planned: PlannedOutput[];
  /** Messages handed to `onFile` so far, by severity: the files themselves are not kept. */
  messages: BuildMessageCounts;
  /** The files with errors, as handed to `onFile`. */
  failed: VFile[];
  summaries: Readonly<ArticleSummary>[];
  sourceOf: Map<Readonly<ArticleSummary>, Source>;
  /** Packs replaced during this build, to remove once the new index no longer refers to them. */
  dropped: Set<string>;
  /** Inputs converted again while collections read their articles back, by path: their articles wait for one conversion. */
  reloaded: Map<string, Promise<IndexEntry>>;
  /** The pack holding the collections the cache now points at (kept when packs are pruned). */
  collectionsPack?: string | undefined;
  /** Keeps the strings that recur across entries once (see {@link internEntry}). */
  intern: Intern;
}

/**
 * One build. Faults of the machine (a full disk, a read-only folder, a
 * symbolic link in the output folder) end it with an
 * {@link EnvironmentError}, the output folder as it was.
 */
export async function runBuild(inputs: readonly string[], context: RunContext): Promise<BuildResult> {
  try {
    return await runLockedBuild(inputs, context);
  } catch (error) {
    throw environmentErrorOf(error) ?? error;
  }
}

async function runLockedBuild(inputs: readonly string[], context: RunContext): Promise<BuildResult> {
  const started = performance.now();
  const cancel = followSignal(context.signal);
  await prepareOutputFolder(context.outDir);
  const lock = await lockOutput(context.outDir);
  // Workers write what they convert here too, so that updating the output folder at the end is a rename per
  // file. Private to this build (the folder is locked); a killed build's leftovers are cleared first.
  const stageRoot = join(context.outDir, stagingFolderName);
  const running = new Set<Promise<unknown>>();
  try {
    await rm(stageRoot, { recursive: true, force: true });
    const run = await planBuild(inputs, context, { signal: cancel.signal, running, stageRoot });
    await convertInputs(run);
    const converted = performance.now();
    await buildCollections(run);
    const articles = run.summaries.length;
    releaseSettled(run);
    const collected = performance.now();
    const { outputs, records } = await updateOutputFolder(run, lock);
    // The planned outputs (three objects an article, with their paths and hashes) are not needed to save the cache.
    run.planned = [];
    const written = performance.now();
    await saveCache(run, outputs, records);
    const result: BuildResult = {
      total: inputs.length,
      articles,
      messages: run.messages,
      failed: run.failed,
      outputs,
      cache: run.cache,
      threads: run.runner.threads,
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
      cancel.detach();
      await lock.release();
    }
  }
}

/**
 * Let go of what only converting and collections needed (the plans, slug
 * and path claims, the summaries' sources) before the output folder is
 * updated and the index written: a large build's memory peaks in those last
 * phases, with a map entry or three per article of this still held.
 */
function releaseSettled(run: BuildRun): void {
  run.plans = [];
  run.slugs.clear();
  run.owners.clear();
  run.summaries = [];
  run.sourceOf.clear();
}

/**
 * A signal of the build's own that follows the caller's: tasks listen to it,
 * as one listener per task in flight would otherwise pile up on the
 * caller's signal (Node warns past ten). `detach` stops following.
 */
export function followSignal(signal: AbortSignal | undefined): { signal: AbortSignal; detach(): void } {
  const cancel = new AbortController();
  setMaxListeners(0, cancel.signal);
  const follow = () => cancel.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return { signal: cancel.signal, detach: () => signal?.removeEventListener('abort', follow) };
}

/** Phase 1: open the cache and decide, from the index and the disk's metadata alone, what needs work. */
async function planBuild(
  inputs: readonly string[],
  context: RunContext,
  shared: Pick<BuildRun, 'signal' | 'running' | 'stageRoot'>,
): Promise<BuildRun> {
  const { slot, pipeline, now } = context;
  const interrupted = await slot.begin();
  const read = await slot.read();
  const index: CacheIndex = 'index' in read ? read.index : slot.empty();
  const cache: BuildCacheStats = { hits: 0, misses: 0, dir: context.persistent ? slot.dir : undefined };
  if ('problem' in read && read.problem !== 'missing') cache.ignored = read.problem;
  const statsOf = statCache();
  const plans = inputs.map((path) => planInput(path, index, pipeline.key, now, statsOf));
  const runner = await context.runnerFor(plans.filter((plan) => !('use' in plan)).length);
  context.emit({ type: 'start', total: inputs.length, threads: runner.threads });
  return {
    ...shared,
    inputs,
    context,
    index,
    interrupted,
    cache,
    runner,
    plans,
    entries: new Map(),
    slugs: new Map(),
    owners: new Map(),
    planned: [],
    messages: { errors: 0, warnings: 0, info: 0 },
    failed: [],
    summaries: [],
    sourceOf: new Map(),
    dropped: new Set(),
    reloaded: new Map(),
    intern: interner(),
  };
}

/** Run one conversion task; an environment fault in the worker is thrown here as an {@link EnvironmentError}. */
async function runTask(run: BuildRun, path: string, extra?: Partial<Task>): Promise<TaskResult> {
  const task = run.runner.run({ path, now: run.context.now, ...extra }, run.signal);
  run.running.add(task);
  try {
    const result = await task;
    if (result.environment) {
      const { code, path: where, syscall, message } = result.environment;
      const error = Object.assign(new Error(message), { code, path: where, ...(syscall ? { syscall } : {}) });
      throw environmentErrorOf(error) ?? new EnvironmentError(code, where, message);
    }
    return result;
  } finally {
    run.running.delete(task);
  }
}

/** Where the worker converting input number `position` stages its outputs (see `stagedOutput`). */
function stageOf(run: BuildRun, position: number): string {
  return join(run.stageRoot, String(position));
}

/** An input's entry as its plan says: the cached one, the cached one after checking its bytes, or a fresh conversion. */
async function resolveInput(run: BuildRun, position: number): Promise<{ entry: IndexEntry; cached: boolean }> {
  const path = run.inputs[position] as string;
  const plan = run.plans[position] as Plan;
  if ('use' in plan) return { entry: plan.use, cached: true };
  const check = 'check' in plan ? plan.check : undefined;
  const result = await runTask(run, path, { expectHash: check?.inputHash, taken: check?.taken, stage: stageOf(run, position) });
  if (result.same && check) {
    // The same object when nothing about the input changed: the index journal records only what did.
    const unchanged = check.inputSize === result.inputSize && check.inputMtimeMs === result.inputMtimeMs;
    return { entry: unchanged ? check : { ...check, inputSize: result.inputSize, inputMtimeMs: result.inputMtimeMs }, cached: true };
  }
  return { entry: toEntry(result, run.context.pipeline.key, run.context.now), cached: false };
}

/** Phase 2: convert, several inputs in flight, settling results in input order so output never depends on timing. */
async function convertInputs(run: BuildRun): Promise<void> {
  const { inputs } = run;
  const window = Math.max(8, run.runner.threads * 16);
  const inFlight = new Map<number, Promise<{ entry: IndexEntry; cached: boolean }>>();
  let next = 0;
  for (let position = 0; position < inputs.length; position++) {
    while (next < inputs.length && next < position + window) {
      const started = resolveInput(run, next);
      started.catch(() => {});
      inFlight.set(next++, started);
    }
    const resolved = await (inFlight.get(position) as Promise<{ entry: IndexEntry; cached: boolean }>);
    inFlight.delete(position);
    run.context.signal?.throwIfAborted();
    await settleInput(run, position, resolved.entry, resolved.cached);
  }
}

/** Take one input's result in input order: claim its slug and its output paths, keep its messages. */
async function settleInput(run: BuildRun, position: number, resolved: IndexEntry, wasCached: boolean): Promise<void> {
  const path = run.inputs[position] as string;
  let { entry, cached } = await claimSlug(run, position, resolved, wasCached);
  if (cached) run.cache.hits++;
  else run.cache.misses++;
  if (!entry.ok && !cached) {
    const previous = run.index.entries[path];
    const kept = previous?.ok ? previous.outputs.map((output) => output.path) : previous?.kept;
    if (kept && kept.length > 0) entry = { ...entry, kept };
  }
  internEntry(entry, run.intern);
  // From here on the entry is kept as its index line; only its summaries stay objects, for collections.
  const held = hold(run, path, entry);
  run.entries.set(path, held);

  const file = new VFile({ path });
  restoreMessages(file, entry.messages);
  if (entry.ok && entry.articles && entry.articles.length > 0) {
    const claimed = claimPaths(entry.outputs, file, run.owners);
    if (claimed) {
      // In the input's order of outputs (which `claimed` keeps), each staged by its number in it. Usually all are
      // claimed (then no set of them is made), and each planned output is one literal, not spreads: 30,000 of them
      // at 10,000 articles were a quarter of settling a nothing-changed rebuild.
      const kept = claimed.length === entry.outputs.length ? undefined : new Set(claimed);
      const stage = cached ? undefined : stageOf(run, position);
      const pack = entry.pack as string;
      entry.outputs.forEach((output, index) => {
        if (kept && !kept.has(output)) return;
        const planned: PlannedOutput = {
          path: output.path,
          mediaType: output.mediaType,
          hash: output.hash,
          size: output.size,
          owner: path,
          pack,
        };
        if (stage) planned.staged = { stage, index };
        run.planned.push(planned);
      });
      for (const [index, article] of entry.articles.entries()) {
        run.summaries.push(article.summary);
        run.sourceOf.set(article.summary, { path, entry: held, index });
      }
    }
  }
  const ok = !hasErrors(file);
  run.context.emit({ type: 'article', path, ok, cached, done: position + 1, total: run.inputs.length });
  // After the event, so that a listener knows whether the input was converted when its messages arrive.
  deliverFile(run, file);
}

/** An entry as the build keeps it: the index's own object when it is that (unchanged), else as its line. */
function hold(run: BuildRun, path: string, entry: IndexEntry): HeldEntry {
  return run.index.entries[path] === entry ? entry : new LineEntry(path, entry);
}

/**
 * Hand a file with messages to `onFile` and count them; a file with an
 * error is kept among the failed. Nothing else keeps it: at 100,000
 * articles with a warning each, files held to the end of the build were a
 * large part of its peak memory.
 */
function deliverFile(run: BuildRun, file: VFile): void {
  if (file.messages.length === 0) return;
  for (const message of file.messages) {
    if (message.fatal === true) run.messages.errors++;
    else if (message.fatal === false) run.messages.warnings++;
    else run.messages.info++;
  }
  if (hasErrors(file)) run.failed.push(file);
  run.context.onFile(file);
}

/**
 * Slugs are claimed in input order, and an input's articles in theirs: a
 * collision the cached result did not see (or one it saw that is gone)
 * means converting again, given the slugs now taken that its own could meet.
 */
async function claimSlug(
  run: BuildRun,
  position: number,
  entry: IndexEntry,
  cached: boolean,
): Promise<{ entry: IndexEntry; cached: boolean }> {
  if (!entry.ok || !entry.articles || entry.articles.length === 0) return { entry, cached };
  const path = run.inputs[position] as string;
  let claimed = { entry, cached };
  if (!slugsStand(entry.articles, run.slugs, path)) {
    const bases = entry.articles.map((article) => article.baseSlug);
    const taken = [...run.slugs].filter(([slug]) => bases.some((base) => slug === base || slug.startsWith(`${base}-`)));
    if (entry.pack && !cached) run.dropped.add(entry.pack);
    const result = await runTask(run, path, { taken, stage: stageOf(run, position) });
    claimed = { entry: { ...toEntry(result, run.context.pipeline.key, run.context.now), taken }, cached: false };
  }
  for (const article of claimed.entry.ok ? (claimed.entry.articles ?? []) : []) run.slugs.set(article.slug, path);
  return claimed;
}

/** Whether each article would get the slug it has, from the same holder, with `slugs` taken before the input. */
function slugsStand(articles: readonly StoredArticle[], slugs: ReadonlyMap<string, string>, path: string): boolean {
  // The input's own claims over the build's, without copying the build's: a copy per input made a build
  // quadratic in its inputs (2,000 inputs: 2 million entries copied; 100,000: 5 billion).
  const own = new Map<string, string>();
  const taken = { get: (slug: string) => own.get(slug) ?? slugs.get(slug), has: (slug: string) => own.has(slug) || slugs.has(slug) };
  return articles.every((article) => {
    const claim = uniqueSlug(article.baseSlug, taken);
    own.set(claim.slug, path);
    return claim.slug === article.slug && claim.takenBy === article.takenBy;
  });
}

/** Convert an input again (its pack went missing or bad), under the same slug decisions; the new entry replaces the old. */
async function reconvert(run: BuildRun, held: HeldEntry, path: string): Promise<IndexEntry> {
  if (held.pack) run.dropped.add(held.pack);
  const { taken } = heldEntry(held);
  const result = await runTask(run, path, { taken });
  const fresh: IndexEntry = { ...toEntry(result, run.context.pipeline.key, run.context.now) };
  if (taken !== undefined) fresh.taken = taken;
  run.entries.set(path, new LineEntry(path, fresh));
  return fresh;
}

/**
 * Phase 3: collections (feeds), through core's one collection step: each
 * adapter picks from the metadata of all; only the bodies they need are
 * read back from the cache, once each. When neither the articles nor the
 * adapters changed since the last build, its collections are taken from the
 * cache whole (see `collections.ts`).
 */
async function buildCollections(run: BuildRun): Promise<void> {
  const resolved = { ...run.context.pipeline.resolved, now: run.context.now };
  const adapters = resolved.adapters.filter((adapter): adapter is CollectionAdapter => adapter.scope === 'collection');
  if (adapters.length === 0) return;
  const { slot } = run.context;
  const key = collectionsKey(run.context.pipeline.key, adapters, resolved.now, run.summaries, (summary) => {
    const source = run.sourceOf.get(summary);
    return source?.entry.pack === undefined ? undefined : `${source.entry.pack}:${source.index}`;
  });
  const pointer = await readPointer(slot.dir);
  run.collectionsPack = pointer?.pack;
  const stored = key !== undefined && pointer?.key === key ? await loadCollections(slot.packsDir, pointer) : undefined;
  if (stored) {
    replayCollections(run, adapters, stored);
    return;
  }
  // Some article changed: the feeds render again, each item that did not change taken from the last build's items.
  const packOf = new WeakMap<Readonly<Article>, string>();
  const items = new ItemStores(
    pointer ? await loadItems(slot.packsDir, pointer) : new Map(),
    run.context.pipeline.key,
    adapters,
    (article) => packOf.get(article),
  );
  const positions = new Map(run.summaries.map((summary, position) => [summary, position]));
  const recorder = messageRecorder((summary) => positions.get(summary) ?? -1);
  // A file per input that collections ask for, made when they do (the inputs' own files went to `onFile`
  // already), with the input's messages on it: a format repeating one of them drops it (core's `reportFromAdapter`).
  // The recorder keeps only what comes after.
  const files = new Map<string, VFile>();
  const fileOf = (summary: Readonly<ArticleSummary>) => {
    const source = run.sourceOf.get(summary);
    if (source === undefined) return undefined;
    let file = files.get(source.path);
    if (!file) {
      file = new VFile({ path: source.path });
      restoreMessages(file, heldEntry(source.entry).messages);
      files.set(source.path, file);
    }
    return file;
  };
  const step = await renderCollections(
    resolved,
    {
      summaries: run.summaries,
      fileOf: (summary) => recorder.fileOf(summary, fileOf(summary)),
      load: async (summary) => {
        const source = run.sourceOf.get(summary) as Source;
        const article = await loadFromCache(run, source);
        // After the load: an input converted again because its pack had gone bad has a new one.
        if (source.entry.pack !== undefined) packOf.set(article, `${source.entry.pack}:${source.index}`);
        return article;
      },
    },
    {
      owners: run.owners,
      signal: run.context.signal,
      onCollection: (adapter) => run.context.emit({ type: 'collection', adapter: adapter.name }),
      items: (adapter) => items.storeFor(adapter),
    },
  );
  const result: CollectionsResult = {
    outputs: step.outputs.map(({ adapter, outputs }) => ({ adapter: adapter.name, outputs })),
    adapterMessages: Object.fromEntries(step.files.map((file) => [file.path, storeMessages(file)])),
    articleMessages: recorder.added(),
  };
  planCollections(run, result.outputs);
  deliverArticleMessages(run, result.articleMessages);
  for (const file of step.files) deliverFile(run, file);
  // A body converted again while loading (its pack had gone bad) may have a new pack: the key no longer says what was rendered.
  if (key !== undefined && run.reloaded.size === 0) {
    const pack = await saveCollections(slot.dir, slot.packsDir, key, result, items.text());
    if (pointer && pointer.pack !== pack) run.dropped.add(pointer.pack);
    run.collectionsPack = pack;
  }
}

/** The collections of the last build, as if rendered now: the same outputs claimed, the same messages on the same files. */
function replayCollections(run: BuildRun, adapters: readonly CollectionAdapter[], stored: CollectionsResult): void {
  for (const adapter of adapters) run.context.emit({ type: 'collection', adapter: adapter.name });
  for (const { adapter, outputs } of stored.outputs) for (const output of outputs) run.owners.set(output.path, adapter);
  planCollections(run, stored.outputs);
  deliverArticleMessages(run, stored.articleMessages);
  for (const adapter of adapters) {
    const messages = stored.adapterMessages[adapter.name];
    if (!messages) continue;
    const file = new VFile({ path: adapter.name });
    restoreMessages(file, messages);
    deliverFile(run, file);
  }
}

/**
 * What collections reported on articles (an undated article left out of a
 * feed), as a file per input with only those messages, in input order after
 * every input's own (which went to `onFile` as each input settled): made
 * from the stored messages whether the collections rendered or were
 * replayed, so both report alike. An error fails the input, which keeps the
 * failed in input order.
 */
function deliverArticleMessages(run: BuildRun, added: CollectionsResult['articleMessages']): void {
  const before = run.failed.length;
  for (const [position, messages] of added) {
    const summary = run.summaries[position];
    const path = summary ? run.sourceOf.get(summary)?.path : undefined;
    if (path === undefined) continue;
    const file = new VFile({ path });
    restoreMessages(file, messages);
    deliverFile(run, file);
  }
  if (run.failed.length === before || before === 0) return;
  const order = new Map(run.inputs.map((path, position) => [path, position]));
  const place = (file: VFile) => order.get(file.path) ?? Number.MAX_SAFE_INTEGER;
  run.failed.sort((a, b) => place(a) - place(b));
}

/** Plan the collections' outputs, their bytes in memory. */
function planCollections(run: BuildRun, outputs: CollectionsResult['outputs']): void {
  for (const { adapter, outputs: files } of outputs) {
    for (const output of files) {
      const contents = typeof output.contents === 'string' ? Buffer.from(output.contents) : output.contents;
      run.planned.push({
        path: output.path,
        mediaType: output.mediaType,
        hash: sha256(contents),
        size: contents.byteLength,
        owner: adapter,
        contents,
      });
    }
  }
}

/** An article's body read back from its pack; a pack that went missing or bad is never trusted: the article is converted again. */
async function loadFromCache(run: BuildRun, source: Source): Promise<Article> {
  const packsDir = run.context.slot.packsDir;
  let article = await loadArticle(packsDir, source.entry.pack, source.index);
  if (!article) {
    let again = run.reloaded.get(source.path);
    if (!again) {
      again = reconvert(run, source.entry, source.path).then((fresh) => {
        for (const output of run.planned) if (output.owner === source.path) output.pack = fresh.pack as string;
        // The input's other articles read from the new pack too.
        const held = run.entries.get(source.path) as HeldEntry;
        for (const other of run.sourceOf.values()) if (other.path === source.path) other.entry = held;
        return fresh;
      });
      run.reloaded.set(source.path, again);
    }
    const fresh = await again;
    article = fresh.ok ? await loadArticle(packsDir, fresh.pack, source.index) : undefined;
  }
  if (!article) throw new Error(`The cached article for ${source.path} could not be read back, even after converting it again`);
  return article;
}

async function loadArticle(packsDir: string, pack: string | undefined, index: number): Promise<Article | undefined> {
  if (!pack) return undefined;
  const parts = await readPack(packsDir, pack);
  const bytes = parts?.get(articlePartOf(index));
  return bytes ? (JSON.parse(bytes.toString('utf8')) as Article) : undefined;
}

/** Phase 4: update the output folder, unless something failed (and not `keepGoing`). */
async function updateOutputFolder(
  run: BuildRun,
  lock: OutputLock,
): Promise<{ outputs: BuildOutputs | undefined; records: Record<string, OutputRecord> }> {
  const { context, index, planned } = run;
  if (run.failed.length > 0 && !context.keepGoing) return { outputs: undefined, records: index.outputs };
  context.signal?.throwIfAborted();
  const lost = lock.compromised();
  if (lost) throw new Error(`The lock on ${context.outDir} was lost while building (${lost.message}); nothing was written`);
  context.emit({ type: 'write', files: planned.length });
  const owned = await ownedFiles(context.outDir, index);
  if (owned.file) deliverFile(run, owned.file);
  const keep = keptOutputs(run.failed, index, owned.files);
  const commit = () =>
    commitOutputs({
      planned,
      owned: owned.files,
      stats: index.outputs,
      keep,
      outDir: context.outDir,
      packsDir: context.slot.packsDir,
      stageDir: join(run.stageRoot, 'commit'),
      manifestChecksum: owned.manifestChecksum,
    });
  let committed = await commit();
  if (committed.badPacks.size > 0) {
    // Packs that went bad since they were cached (nothing was changed yet): convert their articles again, then commit anew.
    await replaceBadPacks(run, committed.badPacks);
    committed = await commit();
    if (committed.badPacks.size > 0) throw new Error(`The cache folder ${context.slot.dir} cannot be read back; delete it and build again`);
  }
  const outputs: BuildOutputs = {
    count: planned.length,
    byFormat: countByFormat(planned),
    written: committed.written,
    unchanged: committed.unchanged,
    removed: committed.removed,
  };
  return { outputs, records: committed.records };
}

/** Convert again the articles whose packs went bad, point their planned outputs at the new packs, and clear the commit's staging. */
async function replaceBadPacks(run: BuildRun, badPacks: ReadonlySet<string>): Promise<void> {
  for (const [path, entry] of run.entries) {
    if (!entry.pack || !badPacks.has(entry.pack)) continue;
    const fresh = await reconvert(run, entry, path);
    const byPath = new Map(fresh.outputs.map((output) => [output.path, output]));
    for (const output of run.planned) {
      if (output.owner !== path) continue;
      const again = byPath.get(output.path);
      if (again) Object.assign(output, { hash: again.hash, size: again.size, pack: fresh.pack as string, staged: undefined });
    }
  }
  for (const output of run.planned) if (output.staged === undefined) delete output.staged;
  await rm(join(run.stageRoot, 'commit'), { recursive: true, force: true });
}

/** Phase 5: save the index (only when something changed) and drop packs nothing refers to. */
async function saveCache(run: BuildRun, outputs: BuildOutputs | undefined, records: Record<string, OutputRecord>): Promise<void> {
  const { index, entries, interrupted } = run;
  const slot = run.context.slot;
  const changed =
    run.cache.misses > 0 ||
    (outputs !== undefined && (outputs.written.length > 0 || outputs.removed.length > 0)) ||
    !sameRecords(records, index.outputs) ||
    !sameEntries(entries, index.entries);
  const kept = new Set<string>();
  for (const entry of entries.values()) if (entry.pack) kept.add(entry.pack);
  if (run.collectionsPack) kept.add(run.collectionsPack);
  if (changed || interrupted) {
    await slot.write({ writtenAt: Date.now(), entries, outputs: records }, index);
    if (interrupted) await slot.prune(kept);
    else
      await removePacks(slot, [...Object.values(index.entries).flatMap((entry) => (entry.pack ? [entry.pack] : [])), ...run.dropped], kept);
  } else if (run.dropped.size > 0) {
    // Collections rendered anew (an adapter keyed by the clock) with no article changed: their old pack goes.
    await removePacks(slot, [...run.dropped], kept);
  }
  await slot.end();
}

/** Whether `records` holds the very records of `previous`, no more, no fewer (walked by key: no arrays of 150,000 keys or pairs). */
function sameRecords(records: Readonly<Record<string, OutputRecord>>, previous: Readonly<Record<string, OutputRecord>>): boolean {
  let count = 0;
  for (const path in records) {
    if (previous[path] !== records[path]) return false;
    count++;
  }
  for (const _ in previous) count--;
  return count === 0;
}

/** Whether `entries` holds the very entries of `previous`, no more, no fewer (one set anew is held as its line). */
function sameEntries(entries: ReadonlyMap<string, HeldEntry>, previous: Readonly<Record<string, IndexEntry>>): boolean {
  for (const [path, entry] of entries) if (previous[path] !== entry) return false;
  let count = 0;
  for (const _ in previous) count++;
  return count === entries.size;
}

/** Remove packs (of the previous index, or replaced during this build) that the new index does not refer to. */
async function removePacks(slot: CacheSlot, candidates: readonly string[], kept: ReadonlySet<string>): Promise<void> {
  const gone = new Set(candidates.filter((id) => !kept.has(id)));
  const limit = pLimit(16);
  await Promise.all([...gone].map((id) => limit(() => rm(packPath(slot.packsDir, id), { force: true }))));
}
