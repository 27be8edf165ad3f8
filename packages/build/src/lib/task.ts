import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type Article,
  type ArticleSummary,
  checkFileSize,
  claimPaths,
  hasErrors,
  ingestArticles,
  inputByteLimit,
  type OutputFile,
  prepareArticle,
  renderArticle,
  report,
  rules,
} from '@syndikit/core';
import { VFile } from 'vfile';
import { isEnvironmentCode } from './errors.js';
import { type StoredMessage, storeMessages } from './messages.js';
import { type PackPart, writeInFolder, writePack } from './pack.js';
import type { LoadedPipeline } from './pipeline.js';

/** One input to convert, as sent to a worker. */
export interface Task {
  /** Absolute path of the input. */
  path: string;
  /** The input's hash in the cache: when the bytes still hash to it, the task stops there (`same`). */
  expectHash?: string | undefined;
  /** The build's reference time (RFC 3339), for embargoes. */
  now: string;
  /**
   * Where to write this input's outputs as well, under the output folder (so
   * the build can move them into place with a rename): output number `k` of
   * the input to {@link stagedOutput}`(stage, k)`.
   */
  stage?: string | undefined;
  /** Slugs earlier articles took that this one's could collide with (`[slug, file]`), in input order. */
  taken?: Array<[string, string]> | undefined;
}

/** One article of an input, as the cache keeps it: its body is in the input's pack (see {@link articlePartOf}). */
export interface StoredArticle {
  /** The slug the article got. */
  slug: string;
  /** The slug it asked for before collisions: whether it would get another in this build is told from it. */
  baseSlug: string;
  /** Who held the slug it asked for, when it got another. */
  takenBy?: string;
  /** The article without its body, for collections. */
  summary: ArticleSummary;
}

/** An output file as the cache keeps it: its bytes are in the article's pack. */
export interface StoredOutput {
  path: string;
  mediaType: string;
  asset?: true;
  /** SHA-256 of the contents (first 32 hex digits), to tell whether the file on disk is current. */
  hash: string;
  size: number;
}

/** A file an article's conversion read besides its input (a local image): changing it invalidates the article. */
export interface Dependency {
  path: string;
  /** `-1` when the file did not exist. */
  size: number;
  mtimeMs: number;
}

/** What converting one input gave. Plain data: it crosses from a worker and is kept in the cache index. */
export interface TaskResult {
  path: string;
  /** SHA-256 of the input's bytes. */
  inputHash: string;
  inputSize: number;
  inputMtimeMs: number;
  /** The bytes hash to `task.expectHash`: nothing was converted, the cached result stands. */
  same?: true;
  messages: StoredMessage[];
  /** Converted without errors. */
  ok: boolean;
  /**
   * The input's articles, in input order: one for most inputs, several for
   * a news message whose items are articles of their own. Absent when it failed.
   */
  articles?: StoredArticle[];
  /** Id of the pack holding the articles and their outputs. */
  pack?: string;
  /** The outputs of all its articles (an asset two of them share, once). */
  outputs: StoredOutput[];
  dependencies: Dependency[];
  /**
   * The machine, not the content, stopped this task (a full disk, a
   * read-only folder): the build stops with an `EnvironmentError`. Plain
   * data, because an error's `code` does not survive the trip from a worker.
   */
  environment?: EnvironmentFault;
}

/** An environment fault as plain data (see {@link TaskResult.environment}). */
export interface EnvironmentFault {
  code: string;
  path: string;
  syscall?: string;
  message: string;
}

/** Name of the pack part that holds the input's first article as JSON. */
export const articlePart = '\u0000article';

/** Name of the pack part that holds the input's article number `index` (from 0) as JSON. */
export function articlePartOf(index: number): string {
  return index === 0 ? articlePart : `${articlePart}:${index}`;
}

/**
 * Convert one input: read it, ingest, prepare, render, and store the
 * article and its outputs as one pack in the cache. Runs in a worker
 * thread (or in the main thread for small builds). Content problems are
 * messages on the result; only a failure to write the cache rejects.
 */
export async function runTask(task: Task, pipeline: LoadedPipeline, packsDir: string, signal?: AbortSignal): Promise<TaskResult> {
  const file = new VFile({ path: task.path });
  const input = readInput(task, file, pipeline);
  if ('failed' in input) return input.failed;
  const { bytes, stats } = input;
  const base = { path: task.path, inputHash: sha256(bytes), inputSize: stats.size, inputMtimeMs: stats.mtimeMs };
  if (task.expectHash !== undefined && task.expectHash === base.inputHash) {
    return { ...base, same: true, messages: [], ok: true, outputs: [], dependencies: [] };
  }

  file.value = bytes;
  const resolved = { ...pipeline.resolved, now: task.now };
  const slugs = new Map(task.taken ?? []);
  const ingested = await ingestArticles(file, resolved, slugs);
  const produced: OutputFile[] = [];
  for (const { article, place } of ingested) {
    produced.push(
      ...(await prepareArticle(article, file, resolved, signal, place)),
      ...(await renderArticle(article, file, resolved, place)),
    );
  }
  // Images left out because their file is missing count too: the article converts again when one appears.
  const dependencies = dependenciesOf(
    [...ingested.flatMap(({ article }) => article.images.map((image) => image.src)), ...(file.data.missingImages ?? [])],
    resolved.root,
  );
  const ok = ingested.length > 0 && !hasErrors(file);
  // The input's text is not needed any more; messages keep their places.
  file.value = '';
  // The articles of one input may share a picture: its renditions once; any other path twice is an error.
  const own = ok ? claimPaths(produced, file, new Map()) : undefined;
  if (!own) return { ...base, messages: storeMessages(file), ok: false, outputs: [], dependencies };

  const stored = storeArticles(
    task,
    ingested.map(({ article }) => article),
    own,
    packsDir,
  );
  if ('environment' in stored) return { ...base, messages: [], ok: false, outputs: [], dependencies, environment: stored.environment };
  return {
    ...base,
    messages: storeMessages(file),
    ok: true,
    articles: ingested.map(({ article, wantedSlug }) => storedArticle(article, wantedSlug, slugs)),
    pack: stored.pack,
    outputs: stored.outputs,
    dependencies,
  };
}

/** An article as the index keeps it: slug, the slug it asked for and who had it, and its summary. */
function storedArticle(article: Readonly<Article>, baseSlug: string, slugs: ReadonlyMap<string, string>): StoredArticle {
  const { body: _body, ...summary } = article;
  const stored: StoredArticle = { slug: article.slug, baseSlug, summary };
  // Who had it: another input (given as taken) or an earlier article of this one.
  const takenBy = article.slug !== baseSlug ? slugs.get(baseSlug) : undefined;
  if (takenBy !== undefined) stored.takenBy = takenBy;
  return stored;
}

/**
 * Read an input's bytes and its size and time, refusing a file over the
 * size limit by its size alone; a file that cannot be read or is too large
 * is a `failed` result with the message on it.
 */
function readInput(
  task: Task,
  file: VFile,
  pipeline: LoadedPipeline,
): { bytes: Buffer; stats: { size: number; mtimeMs: number } } | { failed: TaskResult } {
  const failed = (inputSize: number, inputMtimeMs: number) => ({
    failed: {
      path: task.path,
      inputHash: '',
      inputSize,
      inputMtimeMs,
      messages: storeMessages(file),
      ok: false,
      outputs: [],
      dependencies: [],
    },
  });
  try {
    // Synchronous file calls throughout: a worker does one task at a time, and a call through libuv's
    // thread pool costs more in thread hand-offs than the small read or write itself.
    const descriptor = openSync(task.path, 'r');
    try {
      const stats = fstatSync(descriptor);
      // Refused by the size on the descriptor, before reading: a huge file never fills memory.
      if (!checkFileSize(file, stats.size, { maxBytes: inputByteLimit(pipeline.resolved, file.basename ?? '') })) {
        return failed(stats.size, stats.mtimeMs);
      }
      return { bytes: readFileSync(descriptor), stats };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    report(file, 'error', `The input could not be read: ${(error as Error).message}`, rules.inputUnreadable);
    return failed(-1, 0);
  }
}

/**
 * Store the articles of one input and their outputs as one pack in the cache, and stage the
 * outputs when the task has a staging folder. A full disk or a read-only
 * folder is the machine's fault, not the article's: returned as an
 * `environment` fault (a write's error carries no path, so the folder being
 * written is named).
 */
function storeArticles(
  task: Task,
  articles: readonly Readonly<Article>[],
  produced: readonly OutputFile[],
  packsDir: string,
): { pack: string; outputs: StoredOutput[] } | { environment: EnvironmentFault } {
  const outputs: StoredOutput[] = [];
  const parts: PackPart[] = articles.map((article, index) => ({ name: articlePartOf(index), bytes: Buffer.from(JSON.stringify(article)) }));
  for (const output of produced) {
    const contents = typeof output.contents === 'string' ? Buffer.from(output.contents) : output.contents;
    const stored: StoredOutput = { path: output.path, mediaType: output.mediaType, hash: sha256(contents), size: contents.byteLength };
    if (output.asset) stored.asset = true;
    outputs.push(stored);
    parts.push({ name: output.path, bytes: contents });
  }
  let where = packsDir;
  try {
    const pack = writePack(packsDir, parts);
    where = task.stage ? dirname(task.stage) : packsDir;
    if (task.stage) stageOutputs(task.stage, parts.slice(articles.length));
    return { pack, outputs };
  } catch (error) {
    const errno = error as NodeJS.ErrnoException;
    if (!isEnvironmentCode(errno.code)) throw error;
    const environment: EnvironmentFault = { code: errno.code, path: errno.path ?? where, message: errno.message };
    if (errno.syscall) environment.syscall = errno.syscall;
    return { environment };
  }
}

/** Write outputs where {@link stagedOutput} says (plain writes: nobody reads them until the build moves the files into place). */
function stageOutputs(stage: string, parts: readonly PackPart[]): void {
  for (const [index, part] of parts.entries()) writeInFolder(stagedOutput(stage, index), part.bytes);
}

/**
 * Where output number `index` of an input is staged: a file beside every other input's, named by the input's
 * position and the output's, not a folder per input mirroring the output paths. A folder per input meant, for
 * each article, a write that failed for want of its folder and a `mkdir` for each output folder (4–5 system
 * calls, 4% of a cold build's time in the profile); the staging folder is made once, by the first write.
 */
export function stagedOutput(stage: string, index: number): string {
  return `${stage}.${index}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The local images an input's articles reference (content-root paths), with their size and time now (`-1`: missing). */
function dependenciesOf(sources: readonly string[], root: string | undefined): Dependency[] {
  if (!root) return [];
  const paths = [...new Set(sources.filter((src) => src.startsWith('/')).map((src) => join(root, ...src.split('/'))))];
  return paths.map((path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    return { path, size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? 0 };
  });
}
