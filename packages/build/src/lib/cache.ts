import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskResult } from './task.js';

/** Bumped whenever the index's shape changes; an index of another format is ignored. */
const indexFormat = 6;

/** What the cache remembers of one input from the last build. */
export interface IndexEntry extends Omit<TaskResult, 'same' | 'path'> {
  /** The pipeline key it was converted under. */
  key: string;
  /** The slugs it was given as taken, when its own collided. */
  taken?: Array<[string, string]>;
  /** Whether each of its articles was under embargo at the time of that build (absent when none has an embargo). */
  embargoActive?: boolean[];
  /** For an input that failed: the outputs it had when it last converted, which the output folder keeps. */
  kept?: string[];
}

/**
 * An entry set during this build, kept as its index line from the moment its
 * input settles: the line's bytes sit outside the JavaScript heap (about
 * 1.4 KB an article on the bench corpus, against 2.4 KB of heap as objects),
 * beside only the pack id, which collections and the commit ask for on every
 * article. A large build held 100,000 entries as objects from converting to
 * the index write, a large part of its main thread's peak; the few phases that
 * need the whole entry (an article reported on by a collection, a pack gone
 * bad) parse it back with {@link heldEntry}. Being one marks the entry as set
 * anew, for the journal (entries read from the index are held as they are).
 */
export class LineEntry {
  /** The line as the index writes it: `["e", path, entry]` and a newline. */
  readonly line: Buffer;
  readonly pack: string | undefined;

  constructor(path: string, entry: IndexEntry) {
    this.line = Buffer.from(`${JSON.stringify(['e', path, entry])}\n`, 'utf8');
    this.pack = entry.pack;
  }

  /** The entry, parsed from its line (a new object each time). */
  entry(): IndexEntry {
    return (JSON.parse(this.line.toString('utf8')) as [string, string, IndexEntry])[2];
  }
}

/** An entry as a build holds it: the index's own object when unchanged since the last build, or a {@link LineEntry}. */
export type HeldEntry = IndexEntry | LineEntry;

/** The whole entry of a held one. */
export function heldEntry(held: HeldEntry): IndexEntry {
  return held instanceof LineEntry ? held.entry() : held;
}

/**
 * An output file the last build left in the output folder: the hash of its
 * contents, then its size, modification and change times on disk (a file
 * whose size and times still match need not be read to know it is
 * current; the change time cannot be set back by hand). A tuple: an index
 * holds one per output, hundreds of thousands in a large build. Which files
 * are syndikit's is the output folder's manifest's to say, not the cache's.
 */
export type OutputRecord = [hash: string, size: number, mtimeMs: number, ctimeMs: number];

/** The cache's index for one output folder: kept in one file, written once at the end of a build. */
export interface CacheIndex {
  format: number;
  engine: string;
  /** When the index was written (ms since the epoch): inputs changed within the same tick are re-read. */
  writtenAt: number;
  /** By absolute input path. */
  entries: Record<string, IndexEntry>;
  /** What the output folder's files were like after the last build, by output path. */
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
  private readonly journalPath: string;
  private readonly markerPath: string;

  constructor(
    cacheDir: string,
    outDir: string,
    private readonly engine: string,
  ) {
    this.dir = join(cacheDir, 'builds', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
    this.packsDir = join(this.dir, 'packs');
    this.indexPath = join(this.dir, 'index.jsonl');
    this.journalPath = join(this.dir, 'index.journal.jsonl');
    this.markerPath = join(this.dir, 'building');
  }

  /**
   * The index, or why there is none to trust. The base file and then the
   * journal of later changes are read in chunks, a line at a time, so a
   * large index never becomes one huge string; each is trusted only once
   * its last line, the SHA-256 of all the lines before, matches. A journal
   * that is corrupt or belongs to another base is ignored: the base alone
   * is older but still true of what it says (every entry is checked
   * against its input; a missing pack is converted again).
   */
  async read(): Promise<{ index: CacheIndex } | { problem: IndexProblem }> {
    const index = this.empty();
    const base = await this.readLines(this.indexPath, (kind, path, rest) => apply(index, kind, path, rest));
    if (base === 'missing' || base === 'corrupt' || base === 'other-version') {
      this.journal = undefined;
      return { problem: base };
    }
    index.writtenAt = base.writtenAt;
    this.journal = { base: base.checksum, baseSize: base.size, lines: [], size: 0 };
    const lines: Buffer[] = [];
    const changes: Array<[string, string, unknown[]]> = [];
    const delta = await this.readLines(
      this.journalPath,
      (kind, path, rest) => void changes.push([kind, path, rest]),
      (line) => void lines.push(line),
    );
    if (typeof delta === 'object' && delta.base === base.checksum) {
      for (const [kind, path, rest] of changes) apply(index, kind, path, rest);
      index.writtenAt = delta.writtenAt;
      this.journal = { base: base.checksum, baseSize: base.size, lines, size: delta.size };
    }
    return { index };
  }

  /** What was read of the journal, to append to it; `undefined` when the next write must rewrite the base. */
  private journal: { base: string; baseSize: number; lines: Buffer[]; size: number } | undefined;

  /** Read one index file of JSON lines (header, data lines, checksum), handing each data line to `take`. */
  private async readLines(
    path: string,
    take: (kind: string, path: string, rest: unknown[]) => void,
    keep?: (line: Buffer) => void,
  ): Promise<IndexProblem | { writtenAt: number; checksum: string; size: number; base?: string }> {
    const handle = await open(path, 'r').catch(() => undefined);
    if (!handle) return 'missing';
    const hash = createHash('sha256');
    let header: { format?: unknown; engine?: unknown; writtenAt?: unknown; base?: unknown } | undefined;
    let size = 0;
    // Each line is handled once the next has been seen: the last one is the checksum, not data.
    let held: Buffer | undefined;
    const handle1 = (line: Buffer) => {
      hash.update(line);
      const value = JSON.parse(line.toString('utf8')) as unknown;
      if (!header) {
        header = value as typeof header;
        return;
      }
      const [kind, key, ...rest] = value as [string, string, ...unknown[]];
      take(kind, key, rest);
      keep?.(line);
    };
    try {
      let pending = Buffer.alloc(0);
      for (;;) {
        // A fresh chunk each time, so lines can point into it without being copied.
        const chunk = Buffer.allocUnsafe(1 << 22);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        size += bytesRead;
        const data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
        let start = 0;
        for (let newline = data.indexOf(0x0a, start); newline !== -1; newline = data.indexOf(0x0a, start)) {
          if (held) handle1(held);
          held = data.subarray(start, newline + 1);
          start = newline + 1;
        }
        pending = data.subarray(start);
        if (header && (header.format !== indexFormat || header.engine !== this.engine)) return 'other-version';
      }
      const checksum = hash.digest('hex');
      if (pending.length > 0 || !held || !header || held.toString('latin1') !== `${checksum}\n`) return 'corrupt';
      return {
        writtenAt: typeof header.writtenAt === 'number' ? header.writtenAt : 0,
        checksum,
        size,
        ...(typeof header.base === 'string' ? { base: header.base } : {}),
      };
    } catch {
      return 'corrupt';
    } finally {
      await handle.close();
    }
  }

  /** An empty index for this engine. */
  empty(): CacheIndex {
    return { format: indexFormat, engine: this.engine, writtenAt: 0, entries: {}, outputs: {} };
  }

  /**
   * Save the index. Usually only what changed since `previous` is appended
   * to the journal (a rebuild of one article of 100,000 writes a few lines,
   * not the whole index); when the journal would grow past a quarter of the
   * base, the base is written again whole and the journal dropped. Both are
   * written atomically (a temporary file renamed into place), as JSON lines
   * — a header, one line per input and output, then the SHA-256 of
   * those lines — a few megabytes at a time, so memory stays flat.
   */
  async write(
    next: {
      writtenAt: number;
      entries: ReadonlyMap<string, HeldEntry>;
      outputs: Readonly<Record<string, OutputRecord>>;
    },
    previous: Readonly<CacheIndex>,
  ): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const journal = this.journal;
    if (journal) {
      const changes: Buffer[] = [];
      for (const line of changedLines(next, previous))
        changes.push(line instanceof Uint8Array ? line : Buffer.from(`${JSON.stringify(line)}\n`));
      const size = journal.size + changes.reduce((total, line) => total + line.byteLength, 0);
      if (size < journal.baseSize / 4) {
        const lines = [...journal.lines, ...changes];
        await this.writeLines(this.journalPath, { writtenAt: next.writtenAt, base: journal.base }, function* () {
          yield* lines;
        });
        this.journal = { ...journal, lines, size };
        return;
      }
    }
    const written = await this.writeLines(this.indexPath, { writtenAt: next.writtenAt }, function* () {
      for (const [path, entry] of next.entries) yield entry instanceof LineEntry ? entry.line : ['e', path, entry];
      // Not `Object.entries`: an array of 150,000 pairs at once, for lines written a few megabytes at a time.
      for (const path in next.outputs) yield ['o', path, ...(next.outputs[path] as OutputRecord)];
    });
    // A journal left behind names the old base's checksum, so it would be ignored anyway; remove it all the same.
    await rm(this.journalPath, { force: true });
    this.journal = { base: written.checksum, baseSize: written.size, lines: [], size: 0 };
  }

  /** Write a file of JSON lines (header, lines, checksum) atomically, a few megabytes at a time; returns its checksum and size. */
  private async writeLines(
    path: string,
    header: Record<string, unknown>,
    lines: () => Iterable<unknown>,
  ): Promise<{ checksum: string; size: number }> {
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const descriptor = openSync(temporary, 'wx');
    const hash = createHash('sha256');
    // Lines already encoded (entries set during the build, the journal's) and runs of lines of JSON joined into
    // one string each, written a few megabytes at a time.
    let parts: Uint8Array[] = [];
    let text: string[] = [];
    let size = 0;
    let total = 0;
    const endText = () => {
      if (text.length === 0) return;
      parts.push(Buffer.from(text.join(''), 'utf8'));
      text = [];
    };
    const flush = () => {
      endText();
      if (parts.length === 0) return;
      const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
      hash.update(bytes);
      writeSync(descriptor, bytes);
      total += bytes.byteLength;
      parts = [];
      size = 0;
    };
    const add = (line: unknown) => {
      if (line instanceof Uint8Array) {
        endText();
        parts.push(line);
        size += line.byteLength;
      } else {
        const json = `${JSON.stringify(line)}\n`;
        text.push(json);
        size += json.length;
      }
      if (size >= 1 << 22) flush();
    };
    try {
      add({ format: indexFormat, engine: this.engine, ...header });
      for (const line of lines()) add(line);
      flush();
      const checksum = hash.digest('hex');
      writeSync(descriptor, `${checksum}\n`);
      closeSync(descriptor);
      await rename(temporary, path);
      return { checksum, size: total + checksum.length + 1 };
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

/** Apply one index line to an index: `e`/`o` set an entry or output; `-e`/`-o` remove one. */
function apply(index: CacheIndex, kind: string, path: string, rest: unknown[]): void {
  if (kind === 'e') index.entries[path] = rest[0] as IndexEntry;
  else if (kind === 'o') index.outputs[path] = rest as OutputRecord;
  else if (kind === '-e') delete index.entries[path];
  else if (kind === '-o') delete index.outputs[path];
  else throw new Error(`unknown index line kind ${kind}`);
}

/**
 * The lines that turn `previous` into `next`: what was set anew (an entry
 * held as its line; an output record by identity: unchanged values are the
 * same objects) and what is gone.
 */
function* changedLines(
  next: {
    entries: ReadonlyMap<string, HeldEntry>;
    outputs: Readonly<Record<string, OutputRecord>>;
  },
  previous: Readonly<CacheIndex>,
): Generator<unknown[] | Buffer> {
  for (const [path, entry] of next.entries) {
    if (entry instanceof LineEntry) yield entry.line;
    else if (previous.entries[path] !== entry) yield ['e', path, entry];
  }
  for (const path of Object.keys(previous.entries)) if (!next.entries.has(path)) yield ['-e', path];
  for (const path in next.outputs) {
    const record = next.outputs[path] as OutputRecord;
    if (previous.outputs[path] !== record) yield ['o', path, ...record];
  }
  for (const path in previous.outputs) if (!(path in next.outputs)) yield ['-o', path];
}
