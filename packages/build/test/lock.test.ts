import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLockStaleMs, lockOutput } from '@syndikit/build';
import { lockFileName, OutputLockedError } from '@syndikit/core';
import { describe, expect, it } from 'vitest';
import { buildSite, site } from './helpers.js';

/** Make a lock as a build would leave it: the lock folder, and beside it its owner file. */
async function leaveLock(outDir: string, owner: { pid: number; host?: string }, ageMs: number): Promise<void> {
  await mkdir(join(outDir, lockFileName), { recursive: true });
  await writeFile(join(outDir, `${lockFileName}.owner`), JSON.stringify({ host: hostname(), token: 'x', ...owner }));
  const when = new Date(Date.now() - ageMs);
  await utimes(join(outDir, lockFileName), when, when);
}

describe('the output folder lock', () => {
  it('refuses a fresh lock held by a live build, with a clear message', async () => {
    const where = await site(1);
    await mkdir(where.outDir, { recursive: true });
    const held = await lockOutput(where.outDir);
    try {
      const error = await buildSite(where).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutputLockedError);
      expect((error as Error).message).toMatch(
        /^Another syndikit build is writing to .*\/out \(its lock .*\/out\/\.syndikit\.lock was refreshed \d+ s ago\); wait for it to finish\. A lock left by a build that stopped is taken over 10 s after its last refresh$/,
      );
    } finally {
      await held.release();
    }
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });
    // Released: neither the lock, its gate nor its owner file remains.
    expect((await readdir(where.outDir)).filter((name) => name.startsWith(lockFileName))).toEqual([]);
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const where = await site(1);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await leaveLock(where.outDir, { pid: dead.pid as number }, defaultLockStaleMs + 5000);
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });
  });

  it('takes over at once a fresh lock whose holder on this machine is gone', async () => {
    const where = await site(1);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await leaveLock(where.outDir, { pid: dead.pid as number }, 0);
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });
  });

  it('takes over a stale lock naming PID 1 (alive in every container), and one naming a live but unrelated process', async () => {
    const where = await site(1);
    await leaveLock(where.outDir, { pid: 1 }, defaultLockStaleMs + 5000);
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });

    // The same lock while fresh: PID 1 runs, so the lock may be a live build's; it is refused until it goes stale.
    await leaveLock(where.outDir, { pid: 1 }, 0);
    await expect(buildSite(where)).rejects.toThrow(OutputLockedError);
    await leaveLock(where.outDir, { pid: 1 }, defaultLockStaleMs + 1000);
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });
  });

  it('takes over a lock file of the earlier scheme naming a process id reused by a live process, once stale', async () => {
    const where = await site(1);
    await mkdir(where.outDir, { recursive: true });
    await writeFile(join(where.outDir, lockFileName), '1\n');
    const old = new Date(Date.now() - defaultLockStaleMs - 5000);
    await utimes(join(where.outDir, lockFileName), old, old);
    await expect(buildSite(where)).resolves.toMatchObject({ failed: [] });
  });

  it('lets exactly one of many builds racing for a stale lock take it over', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'syndikit-lock-race-'));
    await leaveLock(outDir, { pid: 1 }, defaultLockStaleMs + 5000);
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => lockOutput(outDir)));
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const attempt of attempts) if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(OutputLockedError);
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof lockOutput>>>).value.release();
  });
});
