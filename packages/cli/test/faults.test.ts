import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe('faults of the machine: a clear message naming the path, exit code 3, the output folder as it was', () => {
  it('--out a file, under a file, or /: refused with a message naming it, never an internal error', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'a-file'), 'mine\n');
    // The command checks --out before building (a usage error, 2); the build library refuses the same (3) for other callers.
    for (const out of ['a-file', 'a-file/out', '/']) {
      const result = await syndikit(['build', 'articles', '--out', out], dir);
      expect([2, 3]).toContain(result.code);
      expect(result.stderr).toMatch(new RegExp(`^syndikit: .*${out === '/' ? '/' : 'a-file'}`));
      expect(result.stderr).not.toContain('internal error');
    }
  });

  it('a symbolic link inside the output folder', async () => {
    const dir = await workspace();
    expect((await syndikit(['build', 'articles', '--out', 'x', '--formats', 'markdown'], dir)).code).toBe(0);
    const before = await tree(join(dir, 'x'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'syndikit-elsewhere-'));
    await rm(join(dir, 'x', 'markdown'), { recursive: true });
    await symlink(elsewhere, join(dir, 'x', 'markdown'));
    const result = await syndikit(['build', 'articles', '--out', 'x', '--formats', 'markdown'], dir);
    expect(result).toMatchObject({
      code: 3,
      stderr: `syndikit: ${join(dir, 'x', 'markdown')} is a symbolic link inside the output folder; syndikit never writes through links there. Remove it (or build into another --out)\n`,
    });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(Object.keys(await tree(join(dir, 'x')))).toEqual(Object.keys(before).filter((path) => !path.startsWith('markdown/')));
  });

  it('an unreadable input folder', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'articles', 'locked'));
    await chmod(join(dir, 'articles', 'locked'), 0o000);
    // Permissions do not stop root: as root, the command runs as `nobody`, to whom the folder is closed too.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmodTree(dir, 0o777, join(dir, 'articles', 'locked'));
    try {
      const run = spawnSync(process.execPath, [bin, 'build', 'articles', '--out', 'x', '--no-cache'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/^syndikit: Permission denied for .*articles\/locked: check its permissions/);
    } finally {
      await chmod(join(dir, 'articles', 'locked'), 0o755);
    }
  });
});

/** Open a test folder to every user (for a command run as `nobody`), except `keep`. */
async function chmodTree(dir: string, mode: number, keep: string): Promise<void> {
  await chmod(dir, mode);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path === keep || path.startsWith(`${keep}/`)) continue;
    await chmod(path, entry.isDirectory() ? mode : 0o666);
  }
}

// A real full disk: a small tmpfs (needs root or CAP_SYS_ADMIN; skipped elsewhere, saying why).
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
});
function mount(dir: string, size: string): boolean {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (mounted.status === 0) mounts.push(dir);
  return mounted.status === 0;
}
const canMount = (() => {
  const probe = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
  return mount(probe, '16k');
})();

describe.skipIf(!canMount)('a full disk (tmpfs; skipped: mounting a tmpfs is not permitted here)', () => {
  it('exits 3 naming the disk, also with worker threads (never "worker crashed"), the output folder as it was', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'disk'));
    expect(mount(join(dir, 'disk'), '40k')).toBe(true);
    for (const threads of ['0', '2']) {
      const result = await syndikit(['build', 'articles', '--out', 'disk/x', '--threads', threads, '--formats', 'markdown,ninjs'], dir);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        /^syndikit: No space left on the device holding .*disk\/x.*: free some space \(or give --out on another disk\) and build again \(ENOSPC/,
      );
      expect(result.stderr).not.toContain('worker');
      expect(await tree(join(dir, 'disk', 'x'))).toEqual({});
    }
  });
});

describe('Ctrl-C', () => {
  it('with worker threads leaves neither the staging folder nor the lock, exits 130, and the output as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-cli-sigint-'));
    await mkdir(join(dir, 'articles'));
    const write = (round: number) =>
      Promise.all(
        Array.from({ length: 300 }, (_, index) =>
          writeFile(
            join(dir, 'articles', `a-${index}.md`),
            `---\ntitle: Article ${index} (${round})\ndate: 2024-01-01T00:00:00Z\n---\n\n${'A paragraph of copy. '.repeat(40)}\n`,
          ),
        ),
      );
    await write(1);
    const args = [
      bin,
      'build',
      'articles',
      '--out',
      'x',
      '--threads',
      '2',
      '--formats',
      'markdown,ninjs,jsonfeed',
      '--site-url',
      'https://news.example',
      '--json',
    ];
    expect(spawnSync(process.execPath, args, { cwd: dir }).status).toBe(0);
    const before = await tree(join(dir, 'x'));
    await write(2);
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk;
      // Once: a second Ctrl-C is the user insisting, and ends the process at once.
      if (!sent && seen.includes('"done":60,')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toContain('syndikit: interrupted; x was left as it was');
    expect(stderr).not.toContain('Warning');
    expect(code).toBe(130);
    const names = await readdir(join(dir, 'x'));
    expect(names.filter((name) => name.startsWith('.syndikit-staging') || name.startsWith('.syndikit.lock'))).toEqual([]);
    expect(await tree(join(dir, 'x'))).toEqual(before);
  });
});
