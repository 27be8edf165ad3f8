import { open, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkFileSize, defaultLimits, escapeControlCharacters, fileExtension, report, rules } from '@syndikit/core';
import { VFile } from 'vfile';
import { UsageError } from './errors.js';

/** Options for {@link expandInputs}. */
export interface ExpandOptions {
  /** Extensions read from folders, lowercase with the dot. */
  extensions: readonly string[];
  /** Folders never read from (the output folder, so a build never reads its own output). */
  exclude: readonly string[];
  /** Working directory, for showing paths in messages. */
  cwd: string;
  /**
   * Also read files without an extension whose content starts like XML or
   * JSON (agencies name files by URN or GUID), for ingesters that
   * `recognize` content. Default `false`.
   */
  extensionless?: boolean;
}

/**
 * A path as shown to the user: relative to `cwd` when inside it, else
 * absolute, with control characters escaped (a file name in a drop folder is
 * anyone's text: a newline or an escape sequence in it must not reach the
 * terminal). For messages only, never for file system calls.
 */
export function shownPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return escapeControlCharacters(shown === '' ? '.' : shown.startsWith('..') ? path : shown);
}

/**
 * Expand input arguments into a sorted list of absolute file paths. Folders
 * are read recursively for files with a known extension, skipping dot
 * entries and `node_modules`; files named directly are always included.
 * Throws a {@link UsageError} for an input that does not exist.
 */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<string[]> {
  const files = new Set<string>();
  const excluded = options.exclude.map((folder) => resolve(folder));
  const isExcluded = (path: string) => excluded.some((folder) => path === folder || path.startsWith(folder + sep));
  for (const input of inputs) {
    const path = resolve(input);
    const stats = await stat(path).catch(() => undefined);
    if (!stats) throw new UsageError(`Input ${shownPath(path, options.cwd)} does not exist`);
    if (stats.isFile()) {
      files.add(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    // Every entry is under `path`: its relative path is the rest of it, without `relative` resolving both paths again per entry.
    const under = path.endsWith(sep) ? path : path + sep;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      const parts = (full.startsWith(under) ? full.slice(under.length) : relative(path, full)).split(sep);
      if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      if (isExcluded(full)) continue;
      const extension = fileExtension(entry.name);
      if (extension ? options.extensions.includes(extension) : options.extensionless && (await startsLikeMarkup(full))) files.add(full);
    }
  }
  return [...files].sort();
}

/** Whether a file's first bytes (after a byte order mark and white space) are `<` or `{`. */
async function startsLikeMarkup(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return start.startsWith('<') || start.startsWith('{');
  } finally {
    await handle.close();
  }
}

/** The deepest folder that contains every path: the default content root. */
export function commonFolder(paths: readonly string[], fallback: string): string {
  const folders = paths.map((path) => dirname(path));
  if (folders.length === 0) return fallback;
  let common = (folders[0] as string).split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let index = 0;
    while (index < common.length && common[index] === parts[index]) index++;
    common = common.slice(0, index);
  }
  return common.join(sep) || sep;
}

/**
 * Read files as bytes into VFiles (decoding is the pipeline's job). An
 * unreadable file becomes a VFile with an error; so does a file over
 * `maxBytes` (`file-too-large`), told by `fstat` on the open descriptor
 * before a byte is read, so a huge file never fills memory.
 *
 * @param maxBytes the largest file read: a number, or one per path (core's `inputByteLimit`: ingesters
 *   such as saved pages read more than `limits.maxBytes`). Default core's {@link defaultLimits}.
 */
export async function readInputs(
  paths: readonly string[],
  cwd: string,
  maxBytes: number | ((path: string) => number) = defaultLimits.maxBytes,
): Promise<VFile[]> {
  return Promise.all(
    paths.map(async (path) => {
      try {
        const handle = await open(path, 'r');
        try {
          const { size } = await handle.stat();
          const file = new VFile({ path, cwd, value: '' });
          if (!checkFileSize(file, size, { maxBytes: typeof maxBytes === 'number' ? maxBytes : maxBytes(path) })) return file;
          file.value = await handle.readFile();
          return file;
        } finally {
          await handle.close();
        }
      } catch (error) {
        const file = new VFile({ path, cwd, value: '' });
        report(file, 'error', `File could not be read: ${error instanceof Error ? error.message : String(error)}`, rules.readFailed);
        return file;
      }
    }),
  );
}
