import { randomBytes } from 'node:crypto';
import { lstat, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockFileName, OutputLockedError } from '@syndikit/core';
import lockfile from 'proper-lockfile';

/**
 * The output folder's lock, with proper-lockfile: a folder (`mkdir` is
 * atomic) whose time the holder refreshes every `staleMs / 2`. A lock not
 * refreshed for `staleMs` was left by a build that stopped (killed, or its
 * machine rebooted) and is taken over. Nothing depends on process ids, so
 * a reused id (PID 1 in a container) never keeps a lock alive.
 *
 * A lock whose holder is known to be gone is taken over at once, without
 * waiting for it to go stale: its owner file (beside it) names this machine
 * and a process id that no longer runs, or this very process but not a lock
 * it holds (a container's PID 1 again after a restart). A live process id
 * proves nothing (ids are reused), so it never keeps a lock.
 *
 * Taking over a stale lock is remove-then-create: two builds doing it at
 * once could both succeed. So every acquisition first takes a short-lived
 * gate (`.syndikit.lock.gate`, held for a few milliseconds): only one
 * process at a time looks at the lock and takes it over.
 */

/** After this long without a refresh, a lock counts as left behind. */
export const defaultLockStaleMs = 10_000;

/** The gate around acquisition, beside the lock. */
export const gateName = `${lockFileName}.gate`;

/** Beside the lock, who holds it: `{ pid, host, token }`. Only ever a reason to take a lock over sooner, never to keep one. */
export const ownerSuffix = '.owner';

/** Tokens of the locks this process holds: a lock naming this process's id but none of these is an earlier process's (a reused id). */
const held = new Set<string>();

/** A held lock. */
export interface OutputLock {
  /** Release it (idempotent). */
  release(): Promise<void>;
  /** Set when the lock was lost while held (its folder removed or refreshed by another process): the build must not write. */
  compromised(): Error | undefined;
}

/**
 * Take the output folder's lock, so that two builds never interleave their
 * writes. `outDir` must exist.
 *
 * @throws {OutputLockedError} when a build that is still running (its lock fresh) holds it.
 */
export async function lockOutput(outDir: string, options?: { staleMs?: number } | null): Promise<OutputLock> {
  const staleMs = options?.staleMs ?? defaultLockStaleMs;
  const path = join(outDir, lockFileName);
  const gate = join(outDir, gateName);
  // proper-lockfile tracks the locks it holds by their first argument: the gate and the lock each need their own.
  const releaseGate = await takeGate(gate);
  let lost: Error | undefined;
  try {
    await clearDeadLock(path, staleMs);
    const release = await lockfile
      .lock(path, {
        lockfilePath: path,
        realpath: false,
        stale: staleMs,
        retries: 0,
        onCompromised: (error) => {
          lost = error;
        },
      })
      .catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ELOCKED') throw error;
        const stats = await lstat(path).catch(() => undefined);
        throw new OutputLockedError(outDir, stats ? Date.now() - stats.mtimeMs : 0, staleMs);
      });
    const token = randomBytes(8).toString('hex');
    held.add(token);
    await writeFile(`${path}${ownerSuffix}`, `${JSON.stringify({ pid: process.pid, host: hostname(), token })}\n`);
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        held.delete(token);
        // The lock goes first, then the owner file: a build killed between the two leaves an owner file
        // without a lock, which the next build simply overwrites. The other order left a lock without an
        // owner file, which nobody can prove dead, so the next build waited for it to go stale
        // (scripts/faults.mjs caught it: a kill 30 ms into updating the output folder, as the build ended).
        await release().catch((error: NodeJS.ErrnoException) => {
          // Already gone (compromised, or the folder removed): nothing left to release.
          if (error.code !== 'ERELEASED' && error.code !== 'ENOTACQUIRED' && error.code !== 'ENOENT') throw error;
        });
        await rm(`${path}${ownerSuffix}`, { force: true });
      },
      compromised: () => lost,
    };
  } finally {
    await releaseGate().catch(() => {});
  }
}

/**
 * Under the gate: remove the lock at `path` when its holder is known to be
 * gone (see above), or when it is a lock file of syndikit's earlier scheme
 * (a file holding a process id) that is stale or names a process gone.
 */
async function clearDeadLock(path: string, staleMs: number): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats) return;
  if (stats.isFile()) {
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Date.now() - stats.mtimeMs > staleMs || !(Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))) {
      await rm(path, { force: true });
    }
    return;
  }
  const owner = await readFile(`${path}${ownerSuffix}`, 'utf8')
    .then((text) => JSON.parse(text) as { pid?: unknown; host?: unknown; token?: unknown })
    .catch(() => undefined);
  if (!owner || owner.host !== hostname() || typeof owner.pid !== 'number') return;
  const gone = owner.pid === process.pid ? !held.has(String(owner.token)) : !isAlive(owner.pid);
  if (gone) {
    await rm(`${path}${ownerSuffix}`, { force: true });
    await rmdir(path).catch(() => {});
  }
}

/** Whether a process with this id runs on this machine (it may be another than the one that took a lock). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the gate, waiting while another process holds it (for milliseconds); any other failure (a read-only folder) at once. */
async function takeGate(gate: string): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(gate, {
        lockfilePath: gate,
        realpath: false,
        // Held for milliseconds: a gate this old was left by a process killed while holding it.
        stale: 2000,
        retries: 0,
        onCompromised: () => {},
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
}
