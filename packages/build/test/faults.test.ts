import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, manifestFileName, stagingFolderName } from '@syndikit/build';
import { lockFileName } from '@syndikit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, site, tree, wholeTree, writeArticle } from './helpers.js';

type Site = Awaited<ReturnType<typeof site>>;

/** The cache folder of a site's one output folder. */
async function slotOf(where: Site): Promise<string> {
  const [slot] = await readdir(join(where.cacheDir, 'builds'));
  return join(where.cacheDir, 'builds', slot as string);
}

/** What a clean build of the same inputs writes: a fresh output folder and cache. */
async function cleanBuild(where: Site): Promise<Record<string, string>> {
  const outDir = join(where.dir, `clean-${Math.random().toString(36).slice(2)}`);
  await buildSite({ ...where, outDir, cacheDir: join(outDir, '..', `${outDir}-cache`) });
  return wholeTree(outDir);
}

/**
 * A site built once with 4 articles, then with a fifth (its outputs written), then `disrupt`ed;
 * the fifth input is deleted and the site built again: the output folder must be a clean build's.
 */
async function deleteAfter(disrupt: (where: Site) => Promise<void>, options: { cacheDir?: false; count?: number } = {}) {
  const { count = 4, ...buildOptions } = options;
  options = buildOptions;
  const where = await site(count);
  await buildSite(where, options);
  await writeArticle(where.articles, 90, '', 'Added later');
  await buildSite(where, options);
  expect(await readFile(join(where.outDir, 'text/story-090.txt'), 'utf8')).toBe('Added later (2 blocks) v1\n');
  await disrupt(where);
  await rm(join(where.articles, 'story-090.md'));
  const result = await buildSite(where, options);
  return { where, result };
}

describe('the output folder converges to a clean build', () => {
  it('after the cache index was lost between writing outputs and saving it (a kill), then an input is deleted', async () => {
    const { where, result } = await deleteAfter(async (where) => rm(await slotOf(where), { recursive: true }));
    expect(result.outputs?.removed).toEqual(['text/story-090.txt']);
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
  });

  it('after a kill that left the new outputs listed as pending in the manifest, then an input is deleted', async () => {
    const { where } = await deleteAfter(async (where) => {
      // What a build killed after moving its files into place but before its final manifest leaves: the new file pending.
      const manifest = await readFile(join(where.outDir, manifestFileName), 'utf8');
      const { manifestText } = await import('../src/lib/manifest.js');
      const files = new Map(
        (JSON.parse(manifest).files as [string, string, number][]).map(([path, hash, size]) => [
          path,
          path === 'text/story-090.txt' ? { hash, size, pending: true as const } : { hash, size },
        ]),
      );
      await writeFile(join(where.outDir, manifestFileName), manifestText(files));
      await rm(await slotOf(where), { recursive: true });
    });
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
  });

  it('after a corrupt cache index, then an input is deleted', async () => {
    const { where, result } = await deleteAfter(async (where) => {
      const index = join(await slotOf(where), 'index.jsonl');
      await writeFile(index, (await readFile(index, 'utf8')).replace('Story', 'Stor!'));
      await rm(join(await slotOf(where), 'index.journal.jsonl'), { force: true });
    });
    expect(result.cache.ignored).toBe('corrupt');
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
  });

  it('after a corrupt index journal, then an input is deleted', async () => {
    const { where } = await deleteAfter(
      async (where) => {
        const journal = join(await slotOf(where), 'index.journal.jsonl');
        await writeFile(journal, (await readFile(journal, 'utf8')).replace('Added', 'Adder'));
      },
      { count: 40 },
    );
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
  });

  it('with no cache (a fresh one each build), into an existing folder, then an input is deleted', async () => {
    const { where, result } = await deleteAfter(async () => {}, { cacheDir: false });
    expect(result.outputs?.removed).toEqual(['text/story-090.txt']);
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
  });

  it('never removes a file syndikit did not write, and leaves empty no folder it emptied', async () => {
    const where = await site(3);
    await writeArticle(where.articles, 5, '', 'Alone');
    await buildSite(where);
    await writeFile(join(where.outDir, 'my-notes.txt'), 'mine\n');
    await writeFile(join(where.outDir, 'text', 'keep-me.txt'), 'mine too\n');
    await rm(await slotOf(where), { recursive: true });
    await rm(join(where.articles, 'story-005.md'));
    await buildSite(where);
    expect(await tree(where.outDir)).toMatchObject({ 'my-notes.txt': 'mine\n', 'text/keep-me.txt': 'mine too\n' });
    expect(Object.keys(await tree(where.outDir))).not.toContain('text/story-005.txt');
  });

  it('with a corrupt manifest: warns, trusts only what the cache knows it wrote (bytes unchanged), and writes a good manifest', async () => {
    const where = await site(3);
    await writeArticle(where.articles, 7, '', 'Gone soon');
    await buildSite(where);
    await writeFile(join(where.outDir, manifestFileName), '{"syndikit":"output-manifest","format":1,"sha256":"0","files":[]}');
    await rm(join(where.articles, 'story-007.md'));
    const result = await buildSite(where);
    expect(result.files.map((file) => `${file.basename}: ${file.messages.map((message) => message.ruleId).join()}`)).toEqual([
      `${manifestFileName}: output-manifest-corrupt`,
    ]);
    expect(result.outputs?.removed).toEqual(['text/story-007.txt']);
    expect(await wholeTree(where.outDir)).toEqual(await cleanBuild(where));
    // The next build trusts the manifest again, without a warning.
    expect((await buildSite(where)).files).toEqual([]);
  });

  it('with no manifest and no cache: warns and removes nothing it cannot tell is its own', async () => {
    const where = await site(3);
    await writeArticle(where.articles, 7, '', 'Left alone');
    await buildSite(where);
    await rm(join(where.outDir, manifestFileName));
    await rm(await slotOf(where), { recursive: true });
    await rm(join(where.articles, 'story-007.md'));
    const result = await buildSite(where);
    expect(result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([
      expect.stringMatching(
        /^output-manifest-missing: The output folder holds files but no manifest .* files not produced by this build were left alone/,
      ),
    ]);
    expect(result.outputs?.removed).toEqual([]);
    expect(await readFile(join(where.outDir, 'text/story-007.txt'), 'utf8')).toBe('Left alone (2 blocks) v1\n');
  });

  it('writes the same manifest bytes for the same build (the output folder stays byte-identical)', async () => {
    const where = await site(3);
    await buildSite(where);
    const first = await readFile(join(where.outDir, manifestFileName), 'utf8');
    expect(first).toMatch(
      /^\{"syndikit":"output-manifest","format":1,"sha256":"[0-9a-f]{64}","files":\[\n\["newest.txt","[0-9a-f]{32}",\d+\],/,
    );
    await rm(where.cacheDir, { recursive: true });
    await buildSite(where, { threads: 2 });
    expect(await readFile(join(where.outDir, manifestFileName), 'utf8')).toBe(first);
  });
});

describe('hand edits in the output folder', () => {
  it('are written again when a file was replaced (a new file in its place)', async () => {
    const where = await site(3);
    await buildSite(where);
    await rm(join(where.outDir, 'text/story-001.txt'));
    await writeFile(join(where.outDir, 'text/story-001.txt'), 'replaced\n');
    const result = await buildSite(where);
    expect(result.outputs?.written).toEqual(['text/story-001.txt']);
    expect(await readFile(join(where.outDir, 'text/story-001.txt'), 'utf8')).toBe('Story 1 (2 blocks) v1\n');
  });

  it('are written again when edited in place with the same size and the modification time put back', async () => {
    const where = await site(3);
    await buildSite(where);
    const path = join(where.outDir, 'text/story-002.txt');
    const before = await stat(path);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('Story 2', 'Story X'), { flag: 'r+' });
    await utimes(path, before.atime, before.mtime);
    expect(Math.abs((await stat(path)).mtimeMs - before.mtimeMs)).toBeLessThan(1);
    expect((await stat(path)).size).toBe(before.size);
    const result = await buildSite(where);
    expect(result.outputs?.written).toEqual(['text/story-002.txt']);
    expect(await readFile(path, 'utf8')).toBe(text);
    // And nothing is read again once the file is current: the next build writes nothing.
    expect((await buildSite(where)).outputs?.written).toEqual([]);
  });
});

describe('faults of the machine', () => {
  it('refuses to write through a symbolic link in the output folder, names it, and changes nothing', async () => {
    const where = await site(3);
    await buildSite(where);
    const before = await wholeTree(where.outDir);
    const elsewhere = await mkdtemp(join(tmpdir(), 'syndikit-elsewhere-'));
    await rm(join(where.outDir, 'text'), { recursive: true });
    await symlink(elsewhere, join(where.outDir, 'text'));
    await writeArticle(where.articles, 0, '', 'Story 0, changed');
    const error = await buildSite(where).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error).toMatchObject({ code: 'SYMBOLIC_LINK', path: join(where.outDir, 'text') });
    expect((error as Error).message).toBe(
      `${join(where.outDir, 'text')} is a symbolic link inside the output folder; syndikit never writes through links there. Remove it (or build into another --out)`,
    );
    expect(await readdir(elsewhere)).toEqual([]);
    const after = await wholeTree(where.outDir);
    expect(Object.keys(after).filter((path) => !path.startsWith('text'))).toEqual(
      Object.keys(before).filter((path) => !path.startsWith('text')),
    );
  });

  it('refuses an output folder that is a file, under a file, or the root of the file system', async () => {
    const where = await site(1);
    const file = join(where.dir, 'a-file');
    await writeFile(file, 'not a folder\n');
    await expect(buildSite({ ...where, outDir: file })).rejects.toMatchObject({
      name: 'EnvironmentError',
      code: 'NOT_A_FOLDER',
      message: `The output folder ${file} is a file, not a folder: remove it or give --out another path`,
    });
    await expect(buildSite({ ...where, outDir: join(file, 'out') })).rejects.toMatchObject({
      name: 'EnvironmentError',
      code: 'ENOTDIR',
      message: expect.stringContaining('is a file, not a folder: remove that file or choose another path (ENOTDIR'),
    });
    await expect(buildSite({ ...where, outDir: '/' })).rejects.toMatchObject({
      name: 'EnvironmentError',
      code: 'ROOT_FOLDER',
      message: expect.stringMatching(/^Refusing to build into \/, the root of the file system/),
    });
    expect(await readFile(file, 'utf8')).toBe('not a folder\n');
  });

  it('leaves neither the staging folder nor the lock when a threaded build is cancelled, and the output as it was', async () => {
    const where = await site(400);
    await buildSite(where);
    const before = await wholeTree(where.outDir);
    // Every article changed: the workers are busy writing what they convert into the staging folder when the build stops.
    for (let index = 0; index < 400; index++) await writeArticle(where.articles, index, '', `Story ${index}, new`);
    const controller = new AbortController();
    const run = buildSite(where, {
      threads: 2,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'article' && event.done === 150) controller.abort(new Error('interrupted'));
      },
    });
    await expect(run).rejects.toThrow('interrupted');
    const names = await readdir(where.outDir);
    expect(names.filter((name) => name === stagingFolderName || name.startsWith(lockFileName))).toEqual([]);
    expect(await wholeTree(where.outDir)).toEqual(before);
  });
});

// A real full disk: a small tmpfs. Mounting needs root (or CAP_SYS_ADMIN); elsewhere these tests are skipped, saying why.
const mounts: string[] = [];
function tryMount(size: string, readOnly = false): string | undefined {
  const dir = execFileSync('mktemp', ['-d', join(tmpdir(), 'syndikit-tmpfs-XXXXXX')], { encoding: 'utf8' }).trim();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
/** Mount a tmpfs on an existing folder (hiding what it holds). */
async function mountOn(dir: string, size: string): Promise<void> {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  mounts.push(dir);
}
const canMount = (() => {
  const dir = tryMount('64k');
  return dir !== undefined;
})();
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
});

describe.skipIf(!canMount)('a full disk and a read-only folder (tmpfs; skipped: mounting a tmpfs is not permitted here)', () => {
  for (const threads of [0, 2]) {
    it(`stops with a clear error and leaves the output as it was (${threads ? 'worker threads' : 'main thread'})`, async () => {
      const disk = tryMount('96k') as string;
      const where = { ...(await site(4)), outDir: join(disk, 'out') };
      await buildSite(where, { threads });
      const before = await wholeTree(where.outDir);
      // Each file takes at least a page (4 KiB) of the tmpfs: 60 more do not fit.
      for (let index = 10; index < 70; index++) await writeArticle(where.articles, index, '', `Story ${index}`);
      const error = await buildSite(where, { threads }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EnvironmentError);
      expect(error).toMatchObject({ code: 'ENOSPC' });
      expect((error as Error).message).toMatch(
        /^No space left on the device holding .*: free some space \(or give --out on another disk\) and build again \(ENOSPC/,
      );
      expect(await wholeTree(where.outDir)).toEqual(before);
    });
  }

  it('a first build into a folder that runs out of disk leaves no feed pointing at pages never written', async () => {
    // Converted once elsewhere, so the build into the (empty) folder takes every article from the cache.
    const where = await site(40);
    const disk = join(where.dir, 'disk');
    where.outDir = join(disk, 'out');
    await buildSite(where);
    await mountOn(disk, '64k');
    await expect(buildSite(where)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await wholeTree(where.outDir)).toEqual({});
  });

  it('a read-only output folder', async () => {
    const disk = tryMount('64k', true) as string;
    const where = { ...(await site(1)), outDir: join(disk) };
    await expect(buildSite(where)).rejects.toMatchObject({
      name: 'EnvironmentError',
      code: 'EROFS',
      message: expect.stringContaining('is on a read-only file system: give --out a writable folder (EROFS'),
    });
  });
});

describe('EnvironmentError', () => {
  it('turns file-system faults into messages that name the path and say what to do; anything else is not one', async () => {
    const { environmentErrorOf } = await import('../src/lib/errors.js');
    const denied = Object.assign(new Error('EACCES: permission denied, scandir'), {
      code: 'EACCES',
      path: '/site/locked',
      syscall: 'scandir',
    });
    expect(environmentErrorOf(denied)?.message).toBe(
      "Permission denied for /site/locked: check its permissions (and its folder's), or leave it out (EACCES in scandir)",
    );
    expect(environmentErrorOf(new TypeError('a bug'))).toBeUndefined();
    await mkdir(join(tmpdir(), 'unused'), { recursive: true });
  });
});
