import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskResult } from './task.js';

/** Bumped whenever the index's shape changes; an index of another format is ignored. */
const indexFormat = 3;

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
 * folder>/` holds `index.jsonl` (JSON lines with a SHA-256 trailer, checked
 * on read) and `packs/`. An index that is missing, corrupt, or from another version is
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
    this.indexPath = join(this.dir, 'index.jsonl');
    this.markerPath = join(this.dir, 'building');
  }

  /**
   * The index, or why there is none to trust. Read in chunks, a line at a
   * time, so a large index never becomes one huge string; it is trusted only
   * once its last line, the SHA-256 of all the lines before, matches.
   */
  async read(): Promise<{ index: CacheIndex } | { problem: IndexProblem }> {
    const handle = await open(this.indexPath, 'r').catch(() => undefined);
    if (!handle) return { problem: 'missing' };
    const hash = createHash('sha256');
    const index = this.empty();
    let header: { format?: unknown; engine?: unknown; writtenAt?: unknown } | undefined;
    // Each line is handled once the next has been seen: the last one is the checksum, not data.
    let held: Buffer | undefined;
    const take = (line: Buffer) => {
      hash.update(line);
      const value = JSON.parse(line.toString('utf8')) as unknown;
      if (!header) {
        header = value as typeof header;
        return;
      }
      const [kind, path, ...rest] = value as [string, string, ...unknown[]];
      if (kind === 'e') index.entries[path] = rest[0] as IndexEntry;
      else if (kind === 'o') index.outputs[path] = rest as OutputRecord;
      else throw new Error(`unknown line kind ${kind}`);
    };
    try {
      const chunk = Buffer.allocUnsafe(1 << 22);
      let pending = Buffer.alloc(0);
      for (;;) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        const data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
        let start = 0;
        for (let newline = data.indexOf(0x0a, start); newline !== -1; newline = data.indexOf(0x0a, start)) {
          if (held) take(held);
          held = Buffer.from(data.subarray(start, newline + 1));
          start = newline + 1;
        }
        pending = Buffer.from(data.subarray(start));
        if (header && (header.format !== indexFormat || header.engine !== this.engine)) return { problem: 'other-version' };
      }
      if (pending.length > 0 || !held || !header || held.toString('latin1') !== `${hash.digest('hex')}\n`) return { problem: 'corrupt' };
    } catch {
      return { problem: 'corrupt' };
    } finally {
      await handle.close();
    }
    index.writtenAt = typeof header.writtenAt === 'number' ? header.writtenAt : 0;
    return { index };
  }

  /** An empty index for this engine. */
  empty(): CacheIndex {
    return { format: indexFormat, engine: this.engine, writtenAt: 0, entries: {}, outputs: {} };
  }

  /**
   * Write the index atomically (a temporary file renamed over the old one),
   * as JSON lines — a header, one line per input, one per output, then the
   * SHA-256 of those lines — written a few megabytes at a time, so memory
   * stays flat however many articles there are.
   */
  async write(index: {
    writtenAt: number;
    entries: Iterable<[string, IndexEntry]>;
    outputs: Readonly<Record<string, OutputRecord>>;
  }): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${this.indexPath}.${randomBytes(6).toString('hex')}.tmp`;
    const descriptor = openSync(temporary, 'wx');
    const hash = createHash('sha256');
    let lines: string[] = [];
    let size = 0;
    const flush = () => {
      const bytes = Buffer.from(lines.join(''), 'utf8');
      hash.update(bytes);
      writeSync(descriptor, bytes);
      lines = [];
      size = 0;
    };
    const line = (value: unknown) => {
      const text = `${JSON.stringify(value)}\n`;
      lines.push(text);
      size += text.length;
      if (size >= 1 << 22) flush();
    };
    try {
      line({ format: indexFormat, engine: this.engine, writtenAt: index.writtenAt });
      for (const [path, entry] of index.entries) line(['e', path, entry]);
      for (const [path, record] of Object.entries(index.outputs)) line(['o', path, ...record]);
      flush();
      writeSync(descriptor, `${hash.digest('hex')}\n`);
      closeSync(descriptor);
      await rename(temporary, this.indexPath);
    } catch (error) {
      try {
        closeSync(descriptor);
      } catch {
        // Already closed.
      }
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
