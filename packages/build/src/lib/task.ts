import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Article, type ArticleSummary, hasErrors, ingestArticle, prepareArticle, renderArticle, report, rules } from '@syndikit/core';
import { VFile } from 'vfile';
import { type StoredMessage, storeMessages } from './messages.js';
import { type PackPart, writePack } from './pack.js';
import type { LoadedPipeline } from './pipeline.js';

/** One input to convert, as sent to a worker. */
export interface Task {
  /** Absolute path of the input. */
  path: string;
  /** The input's hash in the cache: when the bytes still hash to it, the task stops there (`same`). */
  expectHash?: string | undefined;
  /** The build's reference time (RFC 3339), for embargoes. */
  now: string;
  /** Slugs earlier articles took that this one's could collide with (`[slug, file]`), in input order. */
  taken?: Array<[string, string]> | undefined;
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
  /** The slug the article got, and the one it asked for before collisions. */
  slug?: string;
  baseSlug?: string;
  /** The article without its body, for collections. */
  summary?: ArticleSummary;
  /** Id of the pack holding the article and its outputs. */
  pack?: string;
  outputs: StoredOutput[];
  dependencies: Dependency[];
}

/** Name of the pack part that holds the article as JSON. */
export const articlePart = '\u0000article';

/**
 * Convert one input: read it, ingest, prepare, render, and store the
 * article and its outputs as one pack in the cache. Runs in a worker
 * thread (or in the main thread for small builds). Content problems are
 * messages on the result; only a failure to write the cache rejects.
 */
export async function runTask(task: Task, pipeline: LoadedPipeline, packsDir: string): Promise<TaskResult> {
  const file = new VFile({ path: task.path });
  let bytes: Buffer;
  let stats: { size: number; mtimeMs: number };
  try {
    [bytes, stats] = await Promise.all([readFile(task.path), stat(task.path)]);
  } catch (error) {
    report(file, 'error', `The input could not be read: ${(error as Error).message}`, rules.inputUnreadable);
    return {
      path: task.path,
      inputHash: '',
      inputSize: -1,
      inputMtimeMs: 0,
      messages: storeMessages(file),
      ok: false,
      outputs: [],
      dependencies: [],
    };
  }
  const base = { path: task.path, inputHash: sha256(bytes), inputSize: stats.size, inputMtimeMs: stats.mtimeMs };
  if (task.expectHash !== undefined && task.expectHash === base.inputHash) {
    return { ...base, same: true, messages: [], ok: true, outputs: [], dependencies: [] };
  }

  file.value = bytes;
  const resolved = { ...pipeline.resolved, now: task.now };
  const article = await ingestArticle(file, resolved, new Map(task.taken ?? []));
  const produced = article ? [...(await prepareArticle(article, file, resolved)), ...(await renderArticle(article, file, resolved))] : [];
  const dependencies = article ? await dependenciesOf(article, resolved.root) : [];
  const ok = article !== undefined && !hasErrors(file);
  // The input's text is not needed any more; messages keep their places.
  file.value = '';
  if (!article || !ok) return { ...base, messages: storeMessages(file), ok: false, outputs: [], dependencies };

  const outputs: StoredOutput[] = [];
  const parts: PackPart[] = [{ name: articlePart, bytes: Buffer.from(JSON.stringify(article)) }];
  for (const output of produced) {
    const contents = typeof output.contents === 'string' ? Buffer.from(output.contents) : output.contents;
    const stored: StoredOutput = { path: output.path, mediaType: output.mediaType, hash: sha256(contents), size: contents.byteLength };
    if (output.asset) stored.asset = true;
    outputs.push(stored);
    parts.push({ name: output.path, bytes: contents });
  }
  const pack = await writePack(packsDir, parts);
  const { body: _body, ...summary } = article;
  return {
    ...base,
    messages: storeMessages(file),
    ok: true,
    slug: article.slug,
    baseSlug: article.slug,
    summary,
    pack,
    outputs,
    dependencies,
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** The local images an article references (paths under the content root), with their size and time now. */
async function dependenciesOf(article: Readonly<Article>, root: string | undefined): Promise<Dependency[]> {
  if (!root) return [];
  const paths = [
    ...new Set(article.images.filter((image) => image.src.startsWith('/')).map((image) => join(root, ...image.src.split('/')))),
  ];
  return Promise.all(paths.map(async (path) => ({ path, ...(await statOf(path)) })));
}

/** Size and modification time of a file, `size: -1` when it does not exist. */
export async function statOf(path: string): Promise<{ size: number; mtimeMs: number }> {
  const stats = await stat(path).catch(() => undefined);
  return stats ? { size: stats.size, mtimeMs: stats.mtimeMs } : { size: -1, mtimeMs: 0 };
}
