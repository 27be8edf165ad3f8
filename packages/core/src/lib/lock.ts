import { join } from 'node:path';

/**
 * The lock a build keeps in its output folder while it writes: a folder
 * whose time the build refreshes every few seconds (taken by
 * `@syndikit/build`, which holds the file-system code).
 */
export const lockFileName = '.syndikit.lock';

/** Thrown when another build is writing to the same output folder. */
export class OutputLockedError extends Error {
  override name = 'OutputLockedError';
  constructor(
    readonly outDir: string,
    /** How long ago the holder last refreshed the lock, in milliseconds. */
    readonly ageMs: number,
    /** After how long without a refresh a lock counts as left behind and is taken over, in milliseconds. */
    readonly staleMs: number,
  ) {
    super(
      `Another syndikit build is writing to ${outDir} (its lock ${join(outDir, lockFileName)} was refreshed ${Math.max(0, Math.round(ageMs / 1000))} s ago); wait for it to finish. A lock left by a build that stopped is taken over ${Math.round(staleMs / 1000)} s after its last refresh`,
    );
  }
}
