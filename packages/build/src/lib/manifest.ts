import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/** Read the manifest of `outDir`: the files by output path, or why there is none. */
export async function readManifest(
  outDir: string,
): Promise<{ files: Map<string, ManifestFile>; text: string } | { problem: ManifestProblem }> {
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
    if (value.sha256 !== checksum(value.files)) return { problem: 'corrupt' };
    const files = new Map<string, ManifestFile>();
    for (const line of value.files as unknown[]) {
      if (!Array.isArray(line)) return { problem: 'corrupt' };
      const [path, hash, size, pending] = line as unknown[];
      if (typeof path !== 'string' || unsafeOutputPath(path) || typeof hash !== 'string' || !Number.isInteger(size)) {
        return { problem: 'corrupt' };
      }
      files.set(path, { hash, size: size as number, ...(pending === 'pending' ? { pending: true as const } : {}) });
    }
    return { files, text };
  } catch {
    return { problem: 'corrupt' };
  }
}

/** The manifest's text for `files` (sorted by path: the same files give the same bytes). */
export function manifestText(files: ReadonlyMap<string, ManifestFile>): string {
  const lines: Line[] = [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, file]) => (file.pending ? [path, file.hash, file.size, 'pending'] : [path, file.hash, file.size]));
  const head = JSON.stringify({ syndikit: 'output-manifest', format: manifestFormat, sha256: checksum(lines) });
  return `${head.slice(0, -1)},"files":[${lines.map((line) => `\n${JSON.stringify(line)}`).join(',')}\n]}\n`;
}

/** Write the manifest of `outDir` atomically. */
export async function writeManifest(outDir: string, text: string): Promise<void> {
  const path = join(outDir, manifestFileName);
  const temporary = join(outDir, `.${randomBytes(6).toString('hex')}.syndikit-tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

function checksum(files: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(files)).digest('hex');
}
