import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** Longest wait for any one line or exit, so a hung watch fails the test instead of the run. */
const bound = 15_000;

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Start `syndikit` as a real process; wait for lines on standard error and for the exit, each within {@link bound}. */
function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const within = <T>(promise: Promise<T>, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no ${what} within ${bound} ms; standard error so far:\n${stderr}`)), bound).unref(),
      ),
    ]);
  return {
    child,
    stderr: () => stderr,
    exited: () => within(exit, 'exit'),
    /** Resolve once `pattern` appears in what is printed from now on. */
    waitFor: (pattern: RegExp) =>
      within(new Promise<void>((resolve) => waiters.push({ pattern, from: stderr.length, resolve })), `line matching ${pattern}`),
  };
}

const article = '---\ntitle: Back again\ndate: 2024-05-01T09:00:00Z\n---\n\nThe folder returned.\n';

describe('syndikit build --watch', () => {
  it('exits 130 on Ctrl-C, like an interrupted build', async () => {
    const dir = await workspace();
    const watch = start(['build', 'articles', '--out', 'out', '--watch'], dir);
    await watch.waitFor(/syndikit: watching articles/);
    watch.child.kill('SIGINT');
    expect(await watch.exited()).toBe(130);
  });

  it('exits 0 on SIGTERM (a service manager stopping it)', async () => {
    const dir = await workspace();
    const watch = start(['build', 'articles', '--out', 'out', '--watch'], dir);
    await watch.waitFor(/syndikit: watching articles/);
    watch.child.kill('SIGTERM');
    expect(await watch.exited()).toBe(0);
  });

  it('keeps watching when its input folder is deleted, says so once, and rebuilds when it is back', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'drop'));
    await writeFile(join(dir, 'drop', 'first.md'), article.replace('Back again', 'First'));
    const watch = start(['build', 'drop', '--out', 'out', '--watch'], dir);
    await watch.waitFor(/syndikit: watching drop/);

    const goneLine = watch.waitFor(/syndikit: drop is gone; waiting for it to come back\n/);
    await rm(join(dir, 'drop'), { recursive: true });
    await goneLine;
    // Well past the moment it used to die (about a second): still running, and said it only once.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(watch.child.exitCode).toBe(null);
    expect(watch.stderr().match(/is gone/g)).toHaveLength(1);
    expect(watch.stderr()).not.toContain('could not be read');

    const rebuilt = watch.waitFor(/syndikit: rebuilt 1 of 1 article into out .*; watching\n/);
    await mkdir(join(dir, 'drop'));
    await writeFile(join(dir, 'drop', 'back.md'), article);
    await rebuilt;

    // And it watches the folder again: a change in it rebuilds.
    const again = watch.waitFor(/syndikit: rebuilt 2 of 2 articles into out .*; watching\n/);
    await writeFile(join(dir, 'drop', 'more.md'), article.replace('Back again', 'More'));
    await again;

    watch.child.kill('SIGINT');
    expect(await watch.exited()).toBe(130);
  });
});
