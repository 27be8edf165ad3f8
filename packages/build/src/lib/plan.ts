import { statSync } from 'node:fs';
import { type ArticleSummary, publishable } from '@syndikit/core';
import type { VFile } from 'vfile';
import type { CacheIndex, IndexEntry } from './cache.js';
import type { PlannedOutput } from './commit.js';
import type { Dependency, TaskResult } from './task.js';

/**
 * The decisions a build makes from what it already knows (the cache's index
 * and `stat`), without reading an input: pure functions, so that each can be
 * tested on its own.
 */

/** Where an input stands before any work: its cached entry can be used as is, needs its bytes checked, or needs converting. */
export type Plan = { use: IndexEntry } | { check: IndexEntry } | { convert: true };

/** An input's size and modification time (`size` -1: missing). */
export interface StatFacts {
  size: number;
  mtimeMs: number;
}

/** Decide, from the index and `stat` alone, whether an input's cached conversion stands. */
export function planInput(path: string, index: CacheIndex, key: string, now: string, statsOf: (path: string) => StatFacts): Plan {
  const entry = index.entries[path];
  if (!entry || entry.key !== key || entry.inputHash === '') return { convert: true };
  if (!dependenciesUnchanged(entry.dependencies, statsOf)) return { convert: true };
  const embargoes = embargoStates(entry, now);
  if (embargoes !== undefined && embargoes.join() !== (entry.embargoActive ?? []).join()) return { convert: true };
  const stats = statsOf(path);
  // An input changed within a second of the index being written could have kept its size and time: read it (git's "racy clean").
  const racy = entry.inputMtimeMs + 1000 >= index.writtenAt;
  if (stats.size === entry.inputSize && stats.mtimeMs === entry.inputMtimeMs && !racy) return { use: entry };
  return { check: entry };
}

/** `stat` once per path per build (synchronous: thousands of small stats are faster than as many promises). */
export function statCache(): (path: string) => StatFacts {
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

/** Whether an article's embargo holds at `now`. */
export function embargoActive(summary: Readonly<Pick<ArticleSummary, 'status' | 'embargoed'>>, now: string): boolean {
  return summary.embargoed !== undefined && !publishable({ embargoed: summary.embargoed }, now);
}

/** The index entry of a task's result, under the pipeline's cache key. */
export function toEntry(result: TaskResult, key: string, now: string): IndexEntry {
  const { same: _same, path: _path, ...rest } = result;
  const entry: IndexEntry = { ...rest, key };
  const embargoes = embargoStates(result, now);
  if (embargoes !== undefined) entry.embargoActive = embargoes;
  return entry;
}

/** Whether each article's embargo holds at `now`; `undefined` when none of them has an embargo. */
function embargoStates(result: Pick<TaskResult, 'articles'>, now: string): boolean[] | undefined {
  const articles = result.articles ?? [];
  if (!articles.some((article) => article.summary.embargoed !== undefined)) return undefined;
  return articles.map((article) => embargoActive(article.summary, now));
}

/**
 * The outputs of the last build to keep although nothing produces them now:
 * those of inputs that failed this time, and, when a collection adapter
 * failed, those no article produced (a feed that failed keeps its last file).
 */
export function keptOutputs(failed: readonly VFile[], index: CacheIndex, owned: ReadonlyMap<string, unknown>): Set<string> {
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

/** Outputs by their first path segment (`amp`, `markdown`) or file name (`feed.xml`). */
export function countByFormat(planned: readonly PlannedOutput[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const output of planned) {
    const slash = output.path.indexOf('/');
    const key = slash === -1 ? output.path : output.path.slice(0, slash);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
