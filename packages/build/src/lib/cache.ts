import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskResult } from './task.js';

/** Bumped whenever the index's shape changes; an index of another format is ignored. */
const indexFormat = 2;

/** What the cache remembers of one input from the last build. */
export interface IndexEntry extends Omit<TaskResult, 'same' | 'path'> {
  /** The pipeline key it was converted under. */
  key: string;
  /** The slugs it was given as taken, when its own collided. */
  taken?: Array<[string, string]>;
  /** Who held the slug it asked for, when it got another. */
  takenBy?: string;
  /** Whether it was under embargo at the time of that build. */
  embargoActive?: boolean;
  /** For an input that failed: the outputs it had when it last converted, which the output folder keeps. */
  kept?: string[];
}

/**
 * An output file the last build left in the output folder: the hash of its
 * contents, then its size and modification time on disk. A tuple: an index
 * holds one per output, hundreds of thousands in a large build.
 */
export type OutputRecord = [hash: string, size: number, mtimeMs: number];

/** The cache's index for one output folder: kept in one file, written once at the end of a build. */
export interface CacheIndex {
  format: number;
  engine: string;
  /** When the index was written (ms since the epoch): inputs changed within the same tick are re-read. */
  writtenAt: number;
  /** By absolute input path. */
  entries: Record<string, IndexEntry>;
  /** What the output folder holds, by output path; empty until a build has written it. */
  outputs: Record<string, OutputRecord>;
}

/** Why a cache index was not used. */
export type IndexProblem = 'missing' | 'corrupt' | 'other-version';

/**
 * The cache of one output folder: `<cacheDir>/builds/<hash of the output
 * folder>/` holds `index.json` (`<sha256>\n<json>`, checked on read) and
 * `packs/`. An index that is missing, corrupt, or from another version is
 * ignored and rebuilt; a build that was interrupted never wrote its index,
 * so the previous one still describes what it says.
 */
export class CacheSlot {
  readonly dir: string;
  readonly packsDir: string;
  private readonly indexPath: string;
  private readonly markerPath: string;

  constructor(
    cacheDir: string,
    outDir: string,
    private readonly engine: string,
  ) {
    this.dir = join(cacheDir, 'builds', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
    this.packsDir = join(this.dir, 'packs');
    this.indexPath = join(this.dir, 'index.json');
    this.markerPath = join(this.dir, 'building');
  }

  /** The index, or why there is none to trust. */
  async read(): Promise<{ index: CacheIndex } | { problem: IndexProblem }> {
    const bytes = await readFile(this.indexPath).catch(() => undefined);
    if (!bytes) return { problem: 'missing' };
    const newline = bytes.indexOf(0x0a);
    const body = bytes.subarray(newline + 1);
    if (newline !== 64 || createHash('sha256').update(body).digest('hex') !== bytes.subarray(0, 64).toString('latin1')) {
      return { problem: 'corrupt' };
    }
    let index: CacheIndex;
    try {
      index = JSON.parse(body.toString('utf8')) as CacheIndex;
    } catch {
      return { problem: 'corrupt' };
    }
    if (index.format !== indexFormat || index.engine !== this.engine) return { problem: 'other-version' };
    return { index };
  }

  /** An empty index for this engine. */
  empty(): CacheIndex {
    return { format: indexFormat, engine: this.engine, writtenAt: 0, entries: {}, outputs: {} };
  }

  /** Write the index atomically (a temporary file renamed over the old one). */
  async write(index: CacheIndex): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const body = Buffer.from(JSON.stringify(index));
    const temporary = `${this.indexPath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, Buffer.concat([Buffer.from(`${createHash('sha256').update(body).digest('hex')}\n`), body]));
      await rename(temporary, this.indexPath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Mark a build as running. Returns whether the last build of this folder
   * was interrupted (its mark was left behind): then packs it wrote may
   * belong to no index, and {@link prune} should run at the end.
   */
  async begin(): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    let interrupted = false;
    try {
      const handle = await open(this.markerPath, 'wx');
      await handle.close();
    } catch {
      interrupted = true;
    }
    return interrupted;
  }

  /** Clear the mark {@link begin} set. */
  async end(): Promise<void> {
    await rm(this.markerPath, { force: true });
  }

  /** Delete every pack (and temporary file) that `keep` does not list. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    const folders = await readdir(this.packsDir).catch(() => [] as string[]);
    for (const folder of folders) {
      const names = await readdir(join(this.packsDir, folder)).catch(() => [] as string[]);
      for (const name of names) {
        if (name.endsWith('.pack') && keep.has(name.slice(0, -5))) continue;
        await rm(join(this.packsDir, folder, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
