import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Article,
  type ArticleSummary,
  type CollectionAdapter,
  type CollectionItemStore,
  hiddenFrom,
  type OutputFile,
  type StoredItem,
} from '@syndikit/core';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { type StoredMessage, storeMessageList } from './messages.js';
import { type PackPart, readPack, writePack } from './pack.js';

/**
 * Collections (feeds) reused from the last build. A collection adapter's
 * output is a function of the adapter, the site, `now` and the articles it
 * is given; the articles are told apart by their packs (a pack is named by
 * the SHA-256 of the article and its outputs, so the same pack id is the
 * same article, body and summary). When the key over all of that is the one
 * the last build rendered under, its outputs and its messages are taken from
 * the cache instead of loading the selected bodies and rendering again: a
 * rebuild where no article changed renders no feed.
 *
 * `now` is part of the key, except for an adapter with a `cacheKey`: that
 * says its output depends on nothing but its key, the site and the articles
 * it may see (which ones are hidden as unpublished at `now` is part of the
 * key either way). Without a `cacheKey`, an adapter is keyed by its name and
 * the source text of its hooks, as article adapters are in the pipeline key.
 */

/** Bumped whenever the key's inputs or the stored shape change. */
const collectionsFormat = 1;

/** The pack part holding what is not an output: which outputs there were and the messages. */
const metaPart = '\u0000collections';

/** The pack part holding the items the collection adapters rendered (see {@link ItemStores}). */
const itemsPart = '\u0000items';

/** What a collection step produced, as the cache keeps it. */
export interface CollectionsResult {
  /** Each adapter's claimed outputs, in the order of the formats. */
  outputs: { adapter: string; outputs: OutputFile[] }[];
  /** Messages on each adapter's own file, by adapter name (only those with some). */
  adapterMessages: Record<string, StoredMessage[]>;
  /** Messages the step added to articles' files: the position of the file's first summary, and the messages. */
  articleMessages: Array<[position: number, messages: StoredMessage[]]>;
}

/** Where the last build's collections are: `collections.json` in the cache slot, naming the key and the pack. */
export interface CollectionsPointer {
  key: string;
  pack: string;
}

/**
 * The key of a collection step: the pipeline's key, each collection adapter,
 * and each article (its pack and place in it) with whether each adapter may
 * see it at `now`.
 */
export function collectionsKey(
  pipelineKey: string,
  adapters: readonly CollectionAdapter[],
  now: string,
  summaries: readonly Readonly<ArticleSummary>[],
  packOf: (summary: Readonly<ArticleSummary>) => string | undefined,
): string | undefined {
  const hash = createHash('sha256');
  hash.update(`${collectionsFormat}\n${pipelineKey}\n`);
  for (const adapter of adapters) {
    const identity = adapter.cacheKey ?? [adapter.name, adapter.select?.toString() ?? null, adapter.render.toString(), now];
    hash.update(`${JSON.stringify([adapter.name, adapter.unpublished ?? null, identity])}\n`);
  }
  for (const summary of summaries) {
    const pack = packOf(summary);
    if (pack === undefined) return undefined;
    let hidden = '';
    for (const adapter of adapters) hidden += hiddenFrom(adapter, summary, now) ? '1' : '0';
    hash.update(`${pack} ${hidden}\n`);
  }
  return hash.digest('hex');
}

/** The pointer to the last build's collections, or `undefined`. */
export async function readPointer(slotDir: string): Promise<CollectionsPointer | undefined> {
  try {
    const value = JSON.parse(await readFile(join(slotDir, 'collections.json'), 'utf8')) as Partial<CollectionsPointer> & { v?: unknown };
    if (value.v !== collectionsFormat || typeof value.key !== 'string' || typeof value.pack !== 'string') return undefined;
    return { key: value.key, pack: value.pack };
  } catch {
    return undefined;
  }
}

/** The collections stored under `pointer`, or `undefined` when its pack is missing or does not match its id. */
export async function loadCollections(packsDir: string, pointer: CollectionsPointer): Promise<CollectionsResult | undefined> {
  const parts = await readPack(packsDir, pointer.pack);
  const meta = parts?.get(metaPart);
  if (!parts || !meta) return undefined;
  const stored = JSON.parse(meta.toString('utf8')) as {
    outputs: { adapter: string; outputs: Omit<OutputFile, 'contents'>[] }[];
    adapterMessages: Record<string, StoredMessage[]>;
    articleMessages: Array<[number, StoredMessage[]]>;
  };
  const outputs: CollectionsResult['outputs'] = [];
  for (const { adapter, outputs: files } of stored.outputs) {
    const withContents: OutputFile[] = [];
    for (const file of files) {
      const contents = parts.get(file.path);
      if (!contents) return undefined;
      withContents.push({ ...file, contents });
    }
    outputs.push({ adapter, outputs: withContents });
  }
  return { outputs, adapterMessages: stored.adapterMessages, articleMessages: stored.articleMessages };
}

/**
 * The items of the collections stored under `pointer` (see {@link ItemStores}), as their lines by id; empty when
 * its pack is missing or bad (every item then renders again).
 */
export async function loadItems(packsDir: string, pointer: CollectionsPointer): Promise<Map<string, string>> {
  const lines = new Map<string, string>();
  const part = (await readPack(packsDir, pointer.pack))?.get(itemsPart);
  if (!part) return lines;
  for (const line of part.toString('utf8').split('\n')) if (line.length > itemIdLength) lines.set(line.slice(0, itemIdLength), line);
  return lines;
}

/** An item's id is a SHA-256 in hex, at the start of its line. */
const itemIdLength = 64;

/**
 * The per-item caches of the collection adapters (core's `CollectionItemStore`), one per adapter with a
 * `cacheKey` (one without says its output may depend on anything, so its items are never reused). An item is
 * kept under the SHA-256 of: the pipeline's key (the site and everything the articles were converted with),
 * the collection adapters up to this one, in order (their names and `cacheKey`s: the built-in feeds share each
 * article's rendered body, and what rendering it reports is reported by the first of them that renders it), the
 * article's pack (the same article, body and all) and the adapter's key for the item. Each is stored as a line,
 * `<id> <JSON>`, in the collections' pack; a build keeps the items it used, whether rendered or reused, so
 * what no feed shows any more is dropped with the old pack.
 */
export class ItemStores {
  readonly #previous: ReadonlyMap<string, string>;
  readonly #pipelineKey: string;
  readonly #adapters: readonly CollectionAdapter[];
  readonly #packOf: (article: Readonly<Article>) => string | undefined;
  /** The lines of the items this build used, by id, in the order first used (so the part is deterministic). */
  readonly #used = new Map<string, string>();

  constructor(
    previous: ReadonlyMap<string, string>,
    pipelineKey: string,
    adapters: readonly CollectionAdapter[],
    packOf: (article: Readonly<Article>) => string | undefined,
  ) {
    this.#previous = previous;
    this.#pipelineKey = pipelineKey;
    this.#adapters = adapters;
    this.#packOf = packOf;
  }

  /** The store of `adapter`, or `undefined` when it has no `cacheKey`. */
  storeFor(adapter: CollectionAdapter): CollectionItemStore | undefined {
    if (adapter.cacheKey === undefined) return undefined;
    const position = this.#adapters.indexOf(adapter);
    const prefix = JSON.stringify([
      collectionsFormat,
      this.#pipelineKey,
      this.#adapters.slice(0, position + 1).map((each) => [each.name, each.cacheKey ?? null]),
    ]);
    const idOf = (article: Readonly<Article>, key: string): string | undefined => {
      const pack = this.#packOf(article);
      return pack === undefined ? undefined : createHash('sha256').update(`${prefix}\n${pack}\n${key}`).digest('hex');
    };
    return {
      get: (article, key) => {
        const id = idOf(article, key);
        const line = id === undefined ? undefined : (this.#used.get(id) ?? this.#previous.get(id));
        if (id === undefined || line === undefined) return undefined;
        this.#used.set(id, line);
        return JSON.parse(line.slice(itemIdLength + 1)) as StoredItem;
      },
      set: (article, key, item) => {
        const id = idOf(article, key);
        if (id !== undefined) this.#used.set(id, `${id} ${JSON.stringify(item)}`);
      },
    };
  }

  /** The items this build used, as the pack part's text. */
  text(): string {
    let text = '';
    for (const line of this.#used.values()) text += `${line}\n`;
    return text;
  }
}

/** Store a collection step's result as a pack and point `collections.json` at it (atomically); returns the pack id. */
export async function saveCollections(
  slotDir: string,
  packsDir: string,
  key: string,
  result: CollectionsResult,
  items: string,
): Promise<string> {
  const meta = {
    outputs: result.outputs.map(({ adapter, outputs }) => ({
      adapter,
      outputs: outputs.map(({ contents: _contents, ...file }) => file),
    })),
    adapterMessages: result.adapterMessages,
    articleMessages: result.articleMessages,
  };
  const parts: PackPart[] = [
    { name: metaPart, bytes: Buffer.from(JSON.stringify(meta)) },
    { name: itemsPart, bytes: Buffer.from(items) },
  ];
  for (const { outputs } of result.outputs) {
    for (const output of outputs) {
      parts.push({ name: output.path, bytes: typeof output.contents === 'string' ? Buffer.from(output.contents) : output.contents });
    }
  }
  const pack = writePack(packsDir, parts);
  const path = join(slotDir, 'collections.json');
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify({ v: collectionsFormat, key, pack }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return pack;
}

/**
 * Records what a collection step adds to articles' files: each file is
 * noted the first time the step asks for it, with how many messages it had
 * then, so that what came after can be stored and replayed.
 */
export function messageRecorder(positionOf: (summary: Readonly<ArticleSummary>) => number): {
  fileOf(summary: Readonly<ArticleSummary>, file: VFile | undefined): VFile | undefined;
  added(): Array<[number, StoredMessage[]]>;
} {
  const seen = new Map<VFile, { position: number; before: number }>();
  return {
    fileOf(summary, file) {
      if (file && !seen.has(file)) seen.set(file, { position: positionOf(summary), before: file.messages.length });
      return file;
    },
    added() {
      const added: Array<[number, StoredMessage[]]> = [];
      for (const [file, { position, before }] of seen) {
        const messages: VFileMessage[] = file.messages.slice(before);
        if (messages.length > 0) added.push([position, storeMessageList(messages)]);
      }
      return added.sort((a, b) => a[0] - b[0]);
    },
  };
}
