import { statSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type OutputFile, safeTarget, writeOutputs } from '@syndikit/core';
import pLimit from 'p-limit';
import type { OutputRecord } from './cache.js';
import { readPack } from './pack.js';

/** An output the build decided on: its bytes are in a pack, or in memory (collections). */
export interface PlannedOutput {
  path: string;
  mediaType: string;
  hash: string;
  size: number;
  owner: string;
  pack?: string;
  contents?: string | Uint8Array;
  /** Where a worker already wrote it (a staging folder in the output folder): moved into place with a rename. */
  staged?: string;
}

/** Packs read and written together: enough to share folder checks, few enough to bound memory. */
const packsPerBatch = 64;

/** What {@link commitOutputs} did. */
export interface CommitResult {
  /** Paths whose file was (re)written. */
  written: string[];
  /** How many outputs were already current on disk. */
  unchanged: number;
  /** Paths removed because nothing produces them any more (a deleted input). */
  removed: string[];
  /** What the output folder now holds. */
  records: Record<string, OutputRecord>;
  /** The modification times of its folders after the update (see `CacheIndex.folders`). */
  folders: Record<string, number>;
  /** Packs that were missing or corrupt: their outputs were not written. */
  badPacks: Set<string>;
}

/**
 * Bring the output folder in line with `planned`: outputs whose file is
 * already current (same hash as last time, and either their folder's time
 * unchanged since the last build or their own size and time) are left alone; the others are moved into place from the staging folder the
 * workers wrote them to, or written from their pack, each atomically;
 * outputs of the last build that nothing produces now are removed, except
 * the paths listed in `keep` (outputs of inputs that failed this time:
 * nothing is lost to a bad edit).
 */
export async function commitOutputs(
  planned: readonly PlannedOutput[],
  previous: Readonly<Record<string, OutputRecord>>,
  previousFolders: Readonly<Record<string, number>>,
  keep: ReadonlySet<string>,
  outDir: string,
  packsDir: string,
): Promise<CommitResult> {
  const result: CommitResult = { written: [], unchanged: 0, removed: [], records: {}, folders: {}, badPacks: new Set() };
  // A folder whose time is what it was after the last build has had nothing added, removed or replaced.
  const untouched = new Map<string, boolean>();
  const folderUntouched = (folder: string): boolean => {
    let known = untouched.get(folder);
    if (known === undefined) {
      const time = previousFolders[folder];
      known = time !== undefined && statSync(join(outDir, ...folder.split('/')), { throwIfNoEntry: false })?.mtimeMs === time;
      untouched.set(folder, known);
    }
    return known;
  };
  const limit = pLimit(32);
  const stale: PlannedOutput[] = [];
  for (const output of planned) {
    const before = previous[output.path];
    if (before && before[0] === output.hash && folderUntouched(folderOf(output.path))) {
      result.records[output.path] = before;
      result.unchanged++;
      continue;
    }
    // Only a look, no write: a plain synchronous stat (thousands of them beat as many promises); writes check the path fully.
    const stats =
      before && before[0] === output.hash ? statSync(join(outDir, ...output.path.split('/')), { throwIfNoEntry: false }) : undefined;
    if (before && stats && stats.size === before[1] && stats.mtimeMs === before[2]) {
      result.records[output.path] = before;
      result.unchanged++;
    } else stale.push(output);
  }

  // Move staged files into place: a rename each, atomic like every write here.
  const checked = new Map<string, Promise<boolean>>();
  const made = new Map<string, Promise<unknown>>();
  const staged = stale.filter((output) => output.staged !== undefined);
  // In slices, so that a build of 100,000 articles does not hold 300,000 pending promises at once.
  for (let start = 0; start < staged.length; start += 1024) {
    await Promise.all(
      staged.slice(start, start + 1024).map((output) =>
        limit(async () => {
          const target = await safeTarget(outDir, output.path, checked);
          const folder = dirname(target);
          if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
          await made.get(folder);
          await rename(output.staged as string, target);
          const stats = await stat(target);
          result.records[output.path] = [output.hash, stats.size, stats.mtimeMs];
          result.written.push(output.path);
        }),
      ),
    );
  }

  // Write the rest from the packs (cached articles) or memory (collections), a batch of packs at a time so memory stays bounded.
  const byPack = new Map<string | undefined, PlannedOutput[]>();
  for (const output of stale) {
    if (output.staged !== undefined) continue;
    const group = byPack.get(output.pack);
    if (group) group.push(output);
    else byPack.set(output.pack, [output]);
  }
  const groups = [...byPack];
  for (let start = 0; start < groups.length; start += packsPerBatch) {
    const batch = groups.slice(start, start + packsPerBatch);
    const files: OutputFile[] = [];
    const writing: PlannedOutput[] = [];
    await Promise.all(
      batch.map(([pack, outputs]) =>
        limit(async () => {
          const parts = pack === undefined ? undefined : await readPack(packsDir, pack);
          if (pack !== undefined && !parts) {
            result.badPacks.add(pack);
            return;
          }
          for (const output of outputs) {
            files.push({
              path: output.path,
              mediaType: output.mediaType,
              contents: output.contents ?? (parts?.get(output.path) as Uint8Array),
            });
            writing.push(output);
          }
        }),
      ),
    );
    const written = await writeOutputs(files, outDir);
    result.written.push(...written.written);
    await Promise.all(
      writing.map((output) =>
        limit(async () => {
          const stats = await stat(join(outDir, ...output.path.split('/')));
          result.records[output.path] = [output.hash, stats.size, stats.mtimeMs];
        }),
      ),
    );
  }

  const current = new Set(planned.map((output) => output.path));
  for (const [path, record] of Object.entries(previous)) {
    if (current.has(path)) continue;
    if (keep.has(path)) {
      result.records[path] = record;
      continue;
    }
    await rm(await safeTarget(outDir, path), { force: true });
    result.removed.push(path);
  }
  result.written.sort();
  result.removed.sort();
  for (const folder of new Set(Object.keys(result.records).map(folderOf))) {
    const stats = statSync(join(outDir, ...folder.split('/')), { throwIfNoEntry: false });
    if (stats) result.folders[folder] = stats.mtimeMs;
  }
  return result;
}

/** The folder of an output path, relative (`''` for the output folder itself). */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
