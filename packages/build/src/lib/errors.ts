/**
 * Faults of the machine a build runs on, as opposed to faults in the
 * content (messages on the inputs' files) or in syndikit (bugs): a full
 * disk, a read-only or unwritable output folder, an output folder that is
 * not a folder, a symbolic link inside it. Each becomes one
 * {@link EnvironmentError} naming the path and what to do about it; the
 * `syndikit` command exits with its own code for them.
 */

/** What went wrong, in a word: an errno code (`ENOSPC`, `EROFS`, `EACCES`, …) or one of syndikit's own. */
export type EnvironmentCode = string;

/** Thrown when the environment stops a build. The previous output folder is left as it was. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
  constructor(
    /** An errno code (`ENOSPC`) or `NOT_A_FOLDER`, `ROOT_FOLDER`, `SYMBOLIC_LINK`. */
    readonly code: EnvironmentCode,
    /** The file or folder concerned (absolute). */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** errno codes that say something about the machine, not about syndikit, with what to do about each. */
const advice: Readonly<Record<string, (path: string) => string>> = {
  ENOSPC: (path) => `No space left on the device holding ${path}: free some space (or give --out on another disk) and build again`,
  EDQUOT: (path) => `Disk quota exceeded while writing ${path}: free some space or raise the quota, and build again`,
  EROFS: (path) => `${path} is on a read-only file system: give --out a writable folder`,
  EACCES: (path) => `Permission denied for ${path}: check its permissions (and its folder's), or leave it out`,
  EPERM: (path) => `Operation not permitted on ${path}: check its permissions and attributes`,
  ENOTDIR: (path) => `A part of ${path} is a file, not a folder: remove that file or choose another path`,
  EISDIR: (path) => `${path} is a folder where a file was expected: remove it or choose another path`,
  EEXIST: (path) => `${path} already exists and is not what syndikit expected there: remove it or choose another path`,
  EMFILE: (path) => `Too many open files while working on ${path}: raise the limit (ulimit -n) or use fewer --threads`,
  ENFILE: (path) => `The system is out of file handles while working on ${path}: close other programs or use fewer --threads`,
  EIO: (path) => `Input/output error on ${path}: the disk may be failing; check it and build again`,
  ENAMETOOLONG: (path) => `The path ${path} is too long for the file system: use shorter names or a shallower --out`,
  ELOOP: (path) => `Too many symbolic links while resolving ${path}: check for a link loop`,
};

/** Whether `code` is an errno code this module turns into an {@link EnvironmentError}. */
export function isEnvironmentCode(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(advice, code);
}

/**
 * The {@link EnvironmentError} an error from the file system stands for, or
 * `undefined` when it is not one (then it is a bug, and is rethrown as it is).
 * `fallbackPath` names the path when the error does not carry one.
 */
export function environmentErrorOf(error: unknown, fallbackPath?: string): EnvironmentError | undefined {
  if (error instanceof EnvironmentError) return error;
  const errno = error as NodeJS.ErrnoException | undefined;
  if (!errno || !isEnvironmentCode(errno.code)) return undefined;
  const path = errno.path ?? fallbackPath ?? '(unknown path)';
  const say = advice[errno.code] as (path: string) => string;
  return new EnvironmentError(errno.code, path, `${say(path)} (${errno.code}${errno.syscall ? ` in ${errno.syscall}` : ''})`, {
    cause: error,
  });
}

/** Run `work`; an environment fault it throws becomes an {@link EnvironmentError}. */
export async function translateEnvironment<T>(work: () => Promise<T>, fallbackPath?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw environmentErrorOf(error, fallbackPath) ?? error;
  }
}
