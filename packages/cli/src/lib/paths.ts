/**
 * The folders of a build checked against each other before any work: a
 * build writes and deletes in its output folder, so no input may be in it
 * (`build p2/markdown/story.md --out p2` would replace its own source) and
 * it may not be in an input folder; the cache holds every article, embargoed
 * and withheld ones included, so it may not be in the output folder, which
 * is published. Paths are compared as real paths (symbolic links resolved),
 * so a link cannot hide an overlap. Every problem is a {@link UsageError}
 * that names both paths.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative, sep } from 'node:path';
import { UsageError } from './errors.js';
import { shownPath } from './inputs.js';

/** The paths {@link checkBuildPaths} looks at, absolute. */
export interface BuildPaths {
  /** Input files and folders as named on the command line or in the config. */
  inputs: readonly string[];
  /** The output folder (`--out`). */
  outDir: string;
  /** The cache folder (`--cache-dir`), or `false` with `--no-cache` (a temporary folder elsewhere). */
  cacheDir: string | false;
  /** Working directory, for showing paths. */
  cwd: string;
}

/** Whether `child` is `parent` or inside it (both real, absolute paths). */
export function isWithin(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** What is at a path, with symbolic links resolved: its real path and kind, or the real path of a path not made yet. */
interface Resolved {
  real: string;
  kind: 'file' | 'folder' | 'missing';
  /** For a missing path: the deepest existing ancestor when that is not a folder (a path under a file). */
  blockedBy?: string;
}

/**
 * The real path of `path`: of the path itself when it exists, else of its
 * deepest existing ancestor with the rest appended (an output folder is
 * often made by the build).
 */
export async function resolveReal(path: string): Promise<Resolved> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const real = await realpath(current).catch(() => undefined);
    if (real !== undefined) {
      const stats = await stat(real).catch(() => undefined);
      const isFolder = stats?.isDirectory() ?? false;
      if (missing.length === 0) return { real, kind: isFolder ? 'folder' : 'file' };
      const resolved: Resolved = { real: join(real, ...missing.reverse()), kind: 'missing' };
      if (!isFolder) resolved.blockedBy = real;
      return resolved;
    }
    const parent = dirname(current);
    if (parent === current) return { real: path, kind: 'missing' };
    missing.push(basename(current));
    current = parent;
  }
}

/**
 * Refuse a run whose folders overlap or cannot be an output folder: `--out`
 * that is the root of the file system, a file, or under a file; an input in
 * the output folder, or the output folder in an input folder (or the two the
 * same); a cache folder in the output folder or around it. Inputs that do
 * not exist are left to the reading of the inputs to report.
 */
export async function checkBuildPaths(paths: Readonly<BuildPaths>): Promise<void> {
  const shown = (path: string) => shownPath(path, paths.cwd);
  const outShown = shown(paths.outDir);
  const out = await resolveReal(paths.outDir);
  if (out.real === parse(out.real).root) {
    throw new UsageError(`The output folder ${outShown} is the root of the file system; choose a folder of its own for --out`);
  }
  if (out.kind === 'file') {
    throw new UsageError(`The output folder ${outShown} is a file; expected a folder (or a path where one can be made) for --out`);
  }
  if (out.blockedBy !== undefined) {
    throw new UsageError(`The output folder ${outShown} cannot be made: ${shown(out.blockedBy)} is a file, not a folder`);
  }
  for (const input of paths.inputs) {
    const resolved = await resolveReal(input);
    if (resolved.kind === 'missing') continue;
    const what = resolved.kind === 'folder' ? 'input folder' : 'input file';
    if (resolved.real === out.real) {
      throw new UsageError(
        `The output folder ${outShown} is the ${what} ${shown(input)}: a build would overwrite its own input; choose an --out outside the inputs`,
      );
    }
    if (isWithin(resolved.real, out.real)) {
      throw new UsageError(
        `The ${what} ${shown(input)} is inside the output folder ${outShown}: a build would overwrite or remove it; choose an --out outside the inputs`,
      );
    }
    if (resolved.kind === 'folder' && isWithin(out.real, resolved.real)) {
      throw new UsageError(
        `The output folder ${outShown} is inside the input folder ${shown(input)}: a build would read its own output; choose an --out outside the inputs`,
      );
    }
  }
  if (paths.cacheDir !== false) {
    const cache = await resolveReal(paths.cacheDir);
    if (isWithin(cache.real, out.real)) {
      throw new UsageError(
        `The cache folder ${shown(paths.cacheDir)} is inside the output folder ${outShown}: it holds every article, embargoed and withheld ones too, and would be published; choose a --cache-dir outside it`,
      );
    }
    if (isWithin(out.real, cache.real)) {
      throw new UsageError(`The output folder ${outShown} is inside the cache folder ${shown(paths.cacheDir)}; choose an --out outside it`);
    }
  }
}
