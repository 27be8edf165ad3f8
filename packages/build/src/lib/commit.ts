import { lstatSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { safeTargetSync, UnsafeOutputPathError } from '@syndikit/disk';
import pLimit from 'p-limit';
import type { OutputRecord } from './cache.js';
import { EnvironmentError, environmentErrorOf } from './errors.js';
import { type ManifestEntries, type ManifestFile, sortedEntries, writeManifest } from './manifest.js';
import { readPack } from './pack.js';
import { sha256, stagedOutput } from './task.js';

/** An output the build decided on: its bytes are in a pack, or in memory (collections). */
export interface PlannedOutput {
  path: string;
  mediaType: string;
  hash: string;
  size: number;
  owner: string;
  pack?: string;
  contents?: string | Uint8Array;
  /**
   * Where a worker already wrote it: output number `index` of the input
   * staged at `stage` (the file `stagedOutput(stage, index)`, in the output
   * folder), moved into place with a rename. The two parts, not the file's
   * path: `stage` is one string shared by an input's outputs, instead of a
   * path kept for each of 300,000 outputs until the commit.
   */
  staged?: { stage: string; index: number };
}

/** Packs read and written together: enough to share folder checks, few enough to bound memory. */
const packsPerBatch = 64;

/** What {@link commitOutputs} is given. */
export interface CommitInput {
  planned: readonly PlannedOutput[];
  /**
   * The files syndikit wrote in the output folder before, by path: the
   * manifest's list (an entry marked `pending` is removed only when its bytes
   * are still the ones listed).
   */
  owned: ReadonlyMap<string, ManifestFile>;
  /** What the cache remembers of each output's file on disk: a file whose size and times still match is not read. */
  stats: Readonly<Record<string, OutputRecord>>;
  /** Paths to keep although nothing produces them now (outputs of inputs that failed this time). */
  keep: ReadonlySet<string>;
  outDir: string;
  packsDir: string;
  /** A folder inside the output folder (same file system) where this commit stages what it writes. */
  stageDir: string;
  /** The checksum of the manifest as read (`undefined` without a valid one), to leave an unchanged manifest alone. */
  manifestChecksum: string | undefined;
}

/** What {@link commitOutputs} did. */
export interface CommitResult {
  /** Paths whose file was (re)written. */
  written: string[];
  /** How many outputs were already current on disk. */
  unchanged: number;
  /** Paths removed because nothing produces them any more (a deleted input). */
  removed: string[];
  /** What the output folder now holds, for the cache. */
  records: Record<string, OutputRecord>;
  /** Packs that were missing or corrupt: when there are any, nothing was changed in the output folder. */
  badPacks: Set<string>;
}

/**
 * Bring the output folder in line with `planned`, in phases so that a
 * fault (a full disk, a kill) never leaves it half updated:
 *
 * 1. **Check** each output on disk: current when its size and times match
 *    what the cache remembers, or else when its bytes hash to the planned
 *    hash (a file edited by hand, even in place with its time put back, is
 *    written again).
 * 2. **Stage** every file to write in the staging folder (workers already
 *    staged what they converted). A disk that fills up fails here, with the
 *    output folder untouched.
 * 3. **List** the files about to be written for the first time in the
 *    manifest (as pending), so a build killed from here on leaves a record.
 * 4. **Move** staged files into place, a rename each (atomic).
 * 5. **Remove** what the manifest lists and nothing produces now (never a
 *    file it does not list), and folders this leaves empty.
 * 6. **Write the manifest** of what the folder now holds.
 */
export async function commitOutputs(input: Readonly<CommitInput>): Promise<CommitResult> {
  const result: CommitResult = { written: [], unchanged: 0, removed: [], records: {}, badPacks: new Set() };
  const limit = pLimit(32);
  const makeFolder = folderMaker();
  const stale = currentOutputs(input, result);
  // Each path's output (the last of a path wins, as in a map), made once for the phases that ask what is produced.
  const producing = new Map<string, PlannedOutput>();
  for (const output of input.planned) producing.set(output.path, output);
  const toRemove = checkTargets(input, stale, producing);
  const sources = await stageOutputs(input, stale, result, makeFolder, limit);
  // Nothing has changed in the output folder yet: the build converts those articles again and commits anew.
  if (result.badPacks.size > 0) return result;
  const fresh = await listFresh(input, stale);
  moveIntoPlace(input.outDir, stale, sources, result);
  await removeUnproduced(input.outDir, toRemove, result);
  await writeFinalManifest(input, fresh, producing, result);
  result.written.sort();
  result.removed.sort();
  return result;
}

type Limit = ReturnType<typeof pLimit>;

/** `mkdir -p` once per folder per commit, shared by the phases that make folders. */
function folderMaker(): (folder: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (folder) => {
    let making = made.get(folder);
    if (!making) {
      making = mkdir(folder, { recursive: true });
      made.set(folder, making);
    }
    return making;
  };
}

/** Phase 1: which outputs are already current on disk (recorded in `result`); returns the others. */
function currentOutputs(input: Readonly<CommitInput>, result: CommitResult): PlannedOutput[] {
  const stale: PlannedOutput[] = [];
  for (const output of input.planned) {
    const record = currentRecord(input.outDir, output, input.stats[output.path]);
    if (record) {
      result.records[output.path] = record;
      result.unchanged++;
    } else stale.push(output);
  }
  return stale;
}

/**
 * Every path written or removed is checked first (no `..`, no symbolic link
 * on the way), before anything changes. Synchronous calls, one path after
 * another: a promise and its closures per path (150,000 paths and more in a
 * large build) were garbage that outlived minor collections and piled up in
 * the main thread's heap at the build's peak, for calls of microseconds.
 * An output's target is not kept: the move makes it again from its path.
 * Returns what to remove, with its target.
 */
function checkTargets(
  input: Readonly<CommitInput>,
  stale: readonly PlannedOutput[],
  producing: ReadonlyMap<string, PlannedOutput>,
): [string, ManifestFile, string][] {
  const checked = new Map<string, boolean>();
  for (const output of stale) checkedTarget(input.outDir, output.path, checked);
  const toRemove: [string, ManifestFile, string][] = [];
  for (const [path, file] of input.owned) {
    if (!input.keep.has(path) && !producing.has(path)) toRemove.push([path, file, checkedTarget(input.outDir, path, checked)]);
  }
  return toRemove;
}

/** Where output `path` goes in the output folder (checked by {@link checkTargets}). */
function targetOf(outDir: string, path: string): string {
  // An output path has no empty, `.` or `..` segment (core's `unsafeOutputPath`), so where `/` is the separator it
  // joins the normalised folder as it is: `join` with a spread of its segments, per output, was a tenth of a
  // nothing-changed rebuild's commit (30,000 outputs at 10,000 articles).
  if (sep !== '/') return join(outDir, ...path.split('/'));
  let root = roots.get(outDir);
  if (root === undefined) {
    root = join(outDir, sep);
    roots.set(outDir, root);
  }
  return root + path;
}

/** Each output folder's normalised path with a trailing separator, for {@link targetOf}. */
const roots = new Map<string, string>();

/**
 * Phase 2: stage what the workers did not, from the packs (cached articles)
 * or memory (collections), a batch of packs at a time. Packs that cannot be
 * read go to `result.badPacks`. Returns where the bytes of each output staged
 * here are (see {@link stagedPath} for those the workers staged).
 */
async function stageOutputs(
  input: Readonly<CommitInput>,
  stale: readonly PlannedOutput[],
  result: CommitResult,
  makeFolder: (folder: string) => Promise<unknown>,
  limit: Limit,
): Promise<Map<PlannedOutput, string>> {
  const sources = new Map<PlannedOutput, string>();
  const byPack = new Map<string | undefined, PlannedOutput[]>();
  for (const output of stale) {
    if (output.staged !== undefined) continue;
    const group = byPack.get(output.pack);
    if (group) group.push(output);
    else byPack.set(output.pack, [output]);
  }
  const groups = [...byPack];
  for (let start = 0; start < groups.length; start += packsPerBatch) {
    await Promise.all(
      groups.slice(start, start + packsPerBatch).map(([pack, outputs]) =>
        limit(async () => {
          const parts = pack === undefined ? undefined : await readPack(input.packsDir, pack);
          if (pack !== undefined && !parts) {
            result.badPacks.add(pack);
            return;
          }
          for (const output of outputs) {
            const contents = output.contents ?? (parts?.get(output.path) as Uint8Array);
            const path = join(input.stageDir, ...output.path.split('/'));
            await makeFolder(dirname(path));
            await writeFile(path, contents);
            sources.set(output, path);
          }
        }),
      ),
    );
  }
  return sources;
}

/** Phase 3: list first-time files in the manifest (as pending) before they appear; returns them. */
async function listFresh(input: Readonly<CommitInput>, stale: readonly PlannedOutput[]): Promise<PlannedOutput[]> {
  const fresh = stale.filter((output) => {
    const known = input.owned.get(output.path);
    return !known || (known.pending && known.hash !== output.hash);
  });
  if (fresh.length > 0) {
    // What the manifest listed, with the fresh files over it as pending: merged a line at a time, the list not copied.
    const pending = sortedByPath(fresh);
    const owned = sortedEntries(input.owned);
    await writeManifest(input.outDir, () =>
      mergeByPath(
        owned(),
        lastOfEachPath(pending, (output) => ({ hash: output.hash, size: output.size, pending: true })),
      ),
    );
  }
  return fresh;
}

/** Phase 4: move everything into place, the folders first, then a rename per file (atomic); synchronous, as {@link checkTargets} is. */
function moveIntoPlace(
  outDir: string,
  stale: readonly PlannedOutput[],
  sources: ReadonlyMap<PlannedOutput, string>,
  result: CommitResult,
): void {
  const folders = new Set<string>();
  for (const output of stale) folders.add(dirname(targetOf(outDir, output.path)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const output of stale) {
    const target = targetOf(outDir, output.path);
    renameSync(stagedPath(output, sources), target);
    const after = lstatSync(target);
    result.records[output.path] = [output.hash, after.size, after.mtimeMs, after.ctimeMs];
    result.written.push(output.path);
  }
}

/** Where a stale output's bytes were staged: by its worker (the path made from its two parts), or by {@link stageOutputs}. */
function stagedPath(output: Readonly<PlannedOutput>, sources: ReadonlyMap<PlannedOutput, string>): string {
  return output.staged === undefined ? (sources.get(output) as string) : stagedOutput(output.staged.stage, output.staged.index);
}

/** Phase 5: remove what syndikit wrote before and nothing produces now (a pending entry only with its listed bytes), and folders left empty. */
async function removeUnproduced(outDir: string, toRemove: readonly [string, ManifestFile, string][], result: CommitResult): Promise<void> {
  const emptied = new Set<string>();
  for (const [path, file, target] of toRemove) {
    if (file.pending && !holds(target, file.hash)) continue;
    await rm(target, { force: true });
    result.removed.push(path);
    emptied.add(dirname(target));
  }
  await removeEmptyFolders(outDir, emptied);
}

/** Phase 6: the manifest of what the folder holds now: what this build produced, and what it kept. */
async function writeFinalManifest(
  input: Readonly<CommitInput>,
  fresh: readonly PlannedOutput[],
  producing: ReadonlyMap<string, PlannedOutput>,
  result: CommitResult,
): Promise<void> {
  const { planned, owned, keep, stats } = input;
  const kept = new Map<string, ManifestFile>();
  for (const [path, file] of owned) if (keep.has(path) && !producing.has(path)) kept.set(path, file);
  // The usual rebuild changes nothing listed: the manifest read stands, without serialising it again.
  let same = input.manifestChecksum !== undefined && fresh.length === 0 && producing.size + kept.size === owned.size;
  for (const output of planned) {
    if (!same) break;
    const known = owned.get(output.path);
    same = known !== undefined && !known.pending && known.hash === output.hash && known.size === output.size;
  }
  for (const [path, file] of kept) {
    if (!same) break;
    same = owned.get(path) === file && !file.pending;
  }
  if (!same) {
    // Every planned output (the last of a path wins, as in a map), and what was kept: both sorted, merged a line at a
    // time — or, when the paths are the manifest's own, in its order, without sorting every output.
    const listed: ManifestEntries =
      samePaths(owned, producing, kept) ??
      (() => {
        const outputs = sortedByPath(planned);
        return () =>
          mergeByPath(
            sortedEntries(kept)(),
            lastOfEachPath(outputs, (output) => ({ hash: output.hash, size: output.size })),
          );
      })();
    // Not written when its bytes are the ones read (fresh files were listed as pending, which this clears).
    await writeManifest(input.outDir, listed, fresh.length > 0 ? undefined : input.manifestChecksum);
  }
  for (const [path, file] of owned) {
    const record = stats[path];
    if (keep.has(path) && !producing.has(path) && record && record[0] === file.hash) result.records[path] = record;
  }
}

/**
 * The manifest's entries when the build lists the very paths the manifest
 * read did (the usual edit: some files' bytes changed, none came or went),
 * in the order read — sorted by path, as every manifest is written, which
 * is checked — so the listing costs no sort of every output (60,000 at
 * 10,000 articles). `undefined` when the paths differ or the manifest read
 * was out of order; the entries are then sorted and merged.
 */
function samePaths(
  owned: ReadonlyMap<string, ManifestFile>,
  producing: ReadonlyMap<string, PlannedOutput>,
  kept: ReadonlyMap<string, ManifestFile>,
): ManifestEntries | undefined {
  // Kept paths are owned ones that nothing produces: with the sizes equal, every owned path is produced or kept
  // exactly when every produced path is owned.
  if (producing.size + kept.size !== owned.size) return undefined;
  let previous: string | undefined;
  for (const path of owned.keys()) {
    if ((previous !== undefined && !(previous < path)) || !(producing.has(path) || kept.has(path))) return undefined;
    previous = path;
  }
  return function* () {
    for (const [path, file] of owned) {
      const output = producing.get(path);
      yield [path, output ? { hash: output.hash, size: output.size } : file];
    }
  };
}

/** A copy of `outputs` sorted by path (stable: of outputs with the same path, the last stays last). */
function sortedByPath(outputs: readonly PlannedOutput[]): PlannedOutput[] {
  return [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The manifest entries of outputs sorted by path, the last of each path only (as a map set in that order keeps). */
function* lastOfEachPath(
  outputs: readonly PlannedOutput[],
  fileOf: (output: PlannedOutput) => ManifestFile,
): Generator<readonly [string, ManifestFile]> {
  for (const [index, output] of outputs.entries()) if (outputs[index + 1]?.path !== output.path) yield [output.path, fileOf(output)];
}

/** Two runs of entries sorted by path merged into one; on the same path, `over`'s entry is taken. */
function* mergeByPath(
  under: Iterable<readonly [string, ManifestFile]>,
  over: Iterable<readonly [string, ManifestFile]>,
): Generator<readonly [string, ManifestFile]> {
  const a = under[Symbol.iterator]();
  const b = over[Symbol.iterator]();
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value[0] < y.value[0])) {
      yield x.value as readonly [string, ManifestFile];
      x = a.next();
    } else {
      if (!x.done && x.value[0] === y.value[0]) x = a.next();
      yield y.value;
      y = b.next();
    }
  }
}

/**
 * The record of an output whose file on disk is already current, or
 * `undefined`. `stat` first: when size and both times match what the cache
 * remembers, the file is taken as current without reading it (its change
 * time cannot be set back by hand); otherwise its bytes are hashed.
 */
function currentRecord(outDir: string, output: PlannedOutput, record: OutputRecord | undefined): OutputRecord | undefined {
  // Only a look, no write: a plain synchronous stat (thousands of them beat as many promises).
  const target = targetOf(outDir, output.path);
  const stats = lstatSync(target, { throwIfNoEntry: false });
  if (!stats?.isFile() || stats.size !== output.size) return undefined;
  if (record && record[0] === output.hash && record[1] === stats.size && record[2] === stats.mtimeMs && record[3] === stats.ctimeMs) {
    return record;
  }
  if (!holds(target, output.hash)) return undefined;
  return [output.hash, stats.size, stats.mtimeMs, stats.ctimeMs];
}

/** Whether the file at `path` is a regular file whose bytes hash to `hash`. */
function holds(path: string, hash: string): boolean {
  try {
    if (!lstatSync(path).isFile()) return false;
    return sha256(readFileSync(path)) === hash;
  } catch {
    return false;
  }
}

/** The path of an output, checked; a symbolic link in the way is an {@link EnvironmentError} naming it. */
function checkedTarget(outDir: string, path: string, checked: Map<string, boolean>): string {
  try {
    return safeTargetSync(outDir, path, checked);
  } catch (error) {
    if (error instanceof UnsafeOutputPathError && error.link) {
      throw new EnvironmentError(
        'SYMBOLIC_LINK',
        error.link,
        `${error.link} is a symbolic link inside the output folder; syndikit never writes through links there. Remove it (or build into another --out)`,
      );
    }
    throw environmentErrorOf(error) ?? error;
  }
}

/** Remove folders that removing outputs left empty, up to (not including) the output folder. */
async function removeEmptyFolders(outDir: string, folders: ReadonlySet<string>): Promise<void> {
  // Deepest first, so a parent is tried after its children.
  const queue = [...folders].sort((a, b) => b.length - a.length);
  const tried = new Set<string>();
  for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
    if (tried.has(folder) || relative(outDir, folder) === '' || relative(outDir, folder).startsWith('..')) continue;
    tried.add(folder);
    const removed = await rmdir(folder).then(
      () => true,
      () => false,
    );
    if (removed) queue.push(dirname(folder));
  }
}
