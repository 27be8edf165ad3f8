import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unsafeOutputPath } from '@syndikit/core';

/**
 * The output folder's manifest: the list of every file syndikit wrote there,
 * kept in the folder itself (`.syndikit-manifest.json`), so that whatever
 * happened to the cache (deleted, corrupt, `--no-cache`, a build killed
 * before it saved its index) the next build knows which files are its own
 * and removes those nothing produces any more — and never a file it did not
 * write.
 *
 * One JSON object: `{"syndikit":"output-manifest","format":1,"sha256":…,
 * "files":[[path, hash, size], …]}`, one file a line, sorted by path, with
 * the SHA-256 of `JSON.stringify(files)`: a manifest that does not match
 * its checksum is not trusted. It holds no times, so the same build gives
 * the same bytes (the output folder stays byte-identical). Written
 * atomically (a temporary file renamed into place).
 *
 * A file syndikit is about to write for the first time is listed before it
 * is written, marked `"pending"`: a build killed in between still leaves a
 * record of it. A pending file is removed only when its bytes are the ones
 * syndikit meant to write there.
 */

/** The manifest's file name in the output folder. */
export const manifestFileName = '.syndikit-manifest.json';

const manifestFormat = 1;

/** What the manifest says of one file. */
export interface ManifestFile {
  /** SHA-256 of its contents (first 32 hex digits, as the cache keeps them). */
  hash: string;
  size: number;
  /** Listed before being written (see above). */
  pending?: true;
}

/** Why there is no manifest to trust. */
export type ManifestProblem = 'missing' | 'corrupt';

type Line = [path: string, hash: string, size: number] | [path: string, hash: string, size: number, pending: 'pending'];

/** Read the manifest of `outDir`: the files by output path and its (verified) checksum, or why there is none. */
export async function readManifest(
  outDir: string,
): Promise<{ files: Map<string, ManifestFile>; checksum: string } | { problem: ManifestProblem }> {
  let text: string;
  try {
    text = await readFile(join(outDir, manifestFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: 'missing' };
    throw error;
  }
  try {
    const value = JSON.parse(text) as { syndikit?: unknown; format?: unknown; sha256?: unknown; files?: unknown };
    if (value.syndikit !== 'output-manifest' || value.format !== manifestFormat || !Array.isArray(value.files))
      return { problem: 'corrupt' };
    const sum = typeof value.sha256 === 'string' && writtenChecksum(text, value.sha256) ? value.sha256 : checksum(value.files);
    if (value.sha256 !== sum) return { problem: 'corrupt' };
    const files = new Map<string, ManifestFile>();
    for (const line of value.files as unknown[]) {
      if (!Array.isArray(line)) return { problem: 'corrupt' };
      const [path, hash, size, pending] = line as unknown[];
      if (typeof path !== 'string' || unsafeOutputPath(path) || typeof hash !== 'string' || !Number.isInteger(size)) {
        return { problem: 'corrupt' };
      }
      files.set(path, { hash, size: size as number, ...(pending === 'pending' ? { pending: true as const } : {}) });
    }
    return { files, checksum: sum };
  } catch {
    return { problem: 'corrupt' };
  }
}

/**
 * Whether `text` is a manifest as {@link writeManifest} writes it whose
 * checksum `sum` matches its list as written: the list's text without its
 * newlines (which JSON allows only between values) is then the very
 * `JSON.stringify` of the list the checksum was made of, so the list need
 * not be serialised again to check it (30,000 lines at 10,000 articles). A
 * manifest written otherwise (by hand, by a tool) is checked the slow way.
 */
function writtenChecksum(text: string, sum: string): boolean {
  const head = manifestHead(sum);
  if (!text.startsWith(head) || !text.endsWith(manifestTail)) return false;
  // From the list's `[` to its `]`, before the closing `}` and newline.
  const list = text.slice(head.length - 1, text.length - manifestTail.length + 2).replaceAll('\n', '');
  return createHash('sha256').update(list).digest('hex') === sum;
}

/**
 * The manifest's entries, sorted by path (the same files give the same
 * bytes), one at a time: a function, so a caller can walk them again.
 */
export type ManifestEntries = () => Iterable<readonly [path: string, file: ManifestFile]>;

/** The manifest's text for `files` (sorted by path: the same files give the same bytes); {@link writeManifest} writes the same bytes line by line. */
export function manifestText(files: ReadonlyMap<string, ManifestFile>): string {
  const hash = createHash('sha256').update('[');
  let list = '';
  for (const [written, hashed] of manifestLines(sortedEntries(files))) {
    list += written;
    hash.update(hashed);
  }
  return manifestHead(hash.update(']').digest('hex')) + list + manifestTail;
}

/** The entries of a map, sorted by path. */
export function sortedEntries(files: ReadonlyMap<string, ManifestFile>): ManifestEntries {
  // The keys alone are copied and sorted (a pair an entry would be as many arrays again); the default sort compares code units, as `<` does.
  const paths = [...files.keys()].sort();
  return function* () {
    for (const path of paths) yield [path, files.get(path) as ManifestFile];
  };
}

/**
 * Write the manifest of `outDir` atomically (a temporary file renamed into
 * place), a few megabytes at a time: the manifest of 150,000 files is about
 * 11 MB, which as one string (and its lines as another array) was a large
 * part of a big build's last-second peak. Each line is serialised once: the
 * checksum is hashed as the lines are written, and put into the header's
 * place (its width is fixed) at the end. With `unless`, a manifest whose
 * checksum comes out as `unless` is not written (the one on disk has the
 * same bytes). Returns whether it was written.
 */
export async function writeManifest(outDir: string, entries: ManifestEntries, unless?: string): Promise<boolean> {
  const path = join(outDir, manifestFileName);
  const temporary = join(outDir, `.${randomBytes(6).toString('hex')}.syndikit-tmp`);
  try {
    const descriptor = openSync(temporary, 'wx');
    let sum: string;
    try {
      const hash = createHash('sha256');
      let chunk = manifestHead('0'.repeat(64));
      // Hashed a chunk at a time, as written, rather than one call a line (30,000 at 10,000 articles).
      let hashed = '[';
      for (const [written, line] of manifestLines(entries)) {
        chunk += written;
        hashed += line;
        if (chunk.length >= 1 << 22) {
          writeSync(descriptor, chunk);
          hash.update(hashed);
          chunk = '';
          hashed = '';
        }
      }
      writeSync(descriptor, chunk + manifestTail);
      sum = hash.update(`${hashed}]`).digest('hex');
      if (sum !== unless) writeSync(descriptor, manifestHead(sum), 0);
    } finally {
      closeSync(descriptor);
    }
    if (sum === unless) {
      await rm(temporary, { force: true });
      return false;
    }
    await rename(temporary, path);
    return true;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

const manifestTail = '\n]}\n';

/** The temporary name {@link writeManifest} writes to before renaming. */
const temporaryName = /^\.[0-9a-f]{12}\.syndikit-tmp$/;

/**
 * Remove the temporary manifests a build killed while writing one left in
 * `outDir` (never a file of another name). Called with the output folder
 * locked, so no other build is writing one.
 */
export async function removeManifestTemporaries(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) if (temporaryName.test(name)) await rm(join(outDir, name), { force: true });
}

function manifestHead(sum: string): string {
  const head = JSON.stringify({ syndikit: 'output-manifest', format: manifestFormat, sha256: sum });
  return `${head.slice(0, -1)},"files":[`;
}

/**
 * Each entry's line twice, from one `JSON.stringify`: as the file holds it
 * (`\n[…]`, then `,\n[…]`) and as the header's checksum hashes it (`[…]`,
 * then `,[…]`: between `[` and `]`, the `JSON.stringify` of the list).
 */
function* manifestLines(entries: ManifestEntries): Generator<readonly [written: string, hashed: string]> {
  let first = true;
  for (const [path, file] of entries()) {
    const line = JSON.stringify(lineOf(path, file));
    yield first ? [`\n${line}`, line] : [`,\n${line}`, `,${line}`];
    first = false;
  }
}

function lineOf(path: string, file: ManifestFile): Line {
  return file.pending ? [path, file.hash, file.size, 'pending'] : [path, file.hash, file.size];
}

function checksum(files: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}
