import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type OutputFile, unsafeOutputPath } from '@syndikit/core';
import pLimit from 'p-limit';

/**
 * Thrown for an output path that would leave the output folder: lexically
 * (absolute, `..`) or through a symbolic link already inside the folder
 * (then `link` is that link, absolute). A `TypeError`, as before.
 */
export class UnsafeOutputPathError extends TypeError {
  override name = 'UnsafeOutputPathError';
  constructor(
    message: string,
    /** The output path asked for. */
    readonly path: string,
    /** The symbolic link in the output folder that was in the way, when that was the problem. */
    readonly link?: string,
  ) {
    super(message);
  }
}

/** What {@link writeOutputs} did. */
export interface WriteResult {
  /** Paths (relative to the output folder) whose contents changed. */
  written: string[];
  /** Paths whose existing contents were already identical, left untouched. */
  unchanged: string[];
}

/**
 * Write output files under `outDir`, each atomically: to a temporary file in
 * the same folder, then renamed over the target, so a reader or an
 * interrupted build never sees half a file. Files whose contents are already
 * identical are not rewritten.
 *
 * Every path is checked twice: lexically (no absolute paths, no `..`), and
 * against the disk (no symbolic link inside `outDir` may lead out of it).
 * Throws an {@link UnsafeOutputPathError} (a `TypeError`) for a path that would leave `outDir`.
 */
export async function writeOutputs(outputs: readonly OutputFile[], outDir: string): Promise<WriteResult> {
  const root = resolve(outDir);
  await mkdir(root, { recursive: true });
  // Files are written several at a time (the disk waits, not the CPU); the lists stay in input order.
  const limit = pLimit(16);
  // Folders checked (not a symbolic link) and made once per call, not once per file.
  const checked = new Map<string, Promise<boolean>>();
  const made = new Map<string, Promise<unknown>>();
  const states = await Promise.all(
    outputs.map((output) =>
      limit(async () => {
        const target = await safeTarget(root, output.path, checked);
        const bytes = typeof output.contents === 'string' ? Buffer.from(output.contents, 'utf8') : Buffer.from(output.contents);
        const existing = await readFile(target).catch(() => undefined);
        if (existing?.equals(bytes)) return 'unchanged' as const;
        const folder = dirname(target);
        if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
        await made.get(folder);
        const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}.syndikit-tmp`);
        try {
          await writeFile(temporary, bytes, { flag: 'wx' });
          await rename(temporary, target);
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
        return 'written' as const;
      }),
    ),
  );
  const result: WriteResult = { written: [], unchanged: [] };
  for (const [index, output] of outputs.entries()) result[states[index] as 'written' | 'unchanged'].push(output.path);
  return result;
}

/**
 * The absolute path of output `path` under the folder `root`, after
 * checking it lexically (no absolute paths, no `..`) and against the disk
 * (no symbolic link inside `root` on the way). For writing or removing an
 * output. Throws a `TypeError` for a path that would leave `root`.
 * `checked` remembers folders already looked at, for many paths at once.
 */
export async function safeTarget(root: string, path: string, checked?: Map<string, Promise<boolean>>): Promise<string> {
  const target = lexicalTarget(root, path);
  // A symbolic link already inside the folder could redirect the write.
  for (const { current, folder } of segmentsOf(root, path)) {
    // Folders can be remembered within one call (`checked`); the file itself is always looked at.
    let state = folder ? checked?.get(current) : undefined;
    if (!state) {
      state = lstat(current).then(
        (stats) => stats.isSymbolicLink(),
        () => false,
      );
      if (folder) checked?.set(current, state);
    }
    if (await state) throw linkInTheWay(root, path, current);
  }
  return target;
}

/**
 * {@link safeTarget} with synchronous `lstat`s: for a build checking
 * hundreds of thousands of paths at the end, where a promise and its
 * closures per path and per folder are garbage that outlives many minor
 * collections, and the calls themselves take microseconds.
 */
export function safeTargetSync(root: string, path: string, checked?: Map<string, boolean>): string {
  const target = lexicalTarget(root, path);
  for (const { current, folder } of segmentsOf(root, path)) {
    let link = folder ? checked?.get(current) : undefined;
    if (link === undefined) {
      link = lstatSync(current, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
      if (folder) checked?.set(current, link);
    }
    if (link) throw linkInTheWay(root, path, current);
  }
  return target;
}

/** The target of `path` under `root`, checked lexically; throws an {@link UnsafeOutputPathError}. */
function lexicalTarget(root: string, path: string): string {
  const unsafe = unsafeOutputPath(path);
  if (unsafe) throw new UnsafeOutputPathError(`Expected an output path inside the output folder but received \`${path}\`: ${unsafe}`, path);
  const target = resolve(root, ...path.split('/'));
  if (relative(root, target).startsWith('..') || !target.startsWith(root + sep)) {
    throw new UnsafeOutputPathError(`Expected an output path inside the output folder but received \`${path}\``, path);
  }
  return target;
}

/** Each step from `root` to `path`'s file: the folders on the way, then the file. */
function* segmentsOf(root: string, path: string): Generator<{ current: string; folder: boolean }> {
  let current = root;
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    yield { current, folder: index < segments.length - 1 };
  }
}

function linkInTheWay(root: string, path: string, current: string): UnsafeOutputPathError {
  return new UnsafeOutputPathError(
    `Refusing to write \`${path}\`: \`${relative(root, current)}\` in the output folder is a symbolic link`,
    path,
    current,
  );
}
