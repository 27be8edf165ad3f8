import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file a build keeps in its output folder while it writes. */
export const lockFileName = '.syndikit.lock';

/** Thrown when another build is writing to the same output folder. */
export class OutputLockedError extends Error {
  override name = 'OutputLockedError';
  constructor(
    readonly outDir: string,
    readonly pid: number,
  ) {
    super(
      `Another syndikit build (process ${pid}) is writing to ${outDir}; wait for it to finish, or remove ${join(outDir, lockFileName)} if no such process runs`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the output folder's lock, so that two builds never interleave their
 * writes. A lock left by a process that no longer runs (a build that was
 * killed) is taken over. Returns a function that releases it.
 *
 * @throws {OutputLockedError} when a running process holds the lock.
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new OutputLockedError(outDir, pid);
      // Stale: left by a build that no longer runs.
      await rm(path, { force: true });
    }
  }
  throw new OutputLockedError(outDir, Number.NaN);
}
