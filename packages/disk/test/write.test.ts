import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeTarget, safeTargetSync, UnsafeOutputPathError, writeOutputs } from '@syndikit/disk';
import { describe, expect, it } from 'vitest';

describe('writeOutputs', () => {
  it('writes files and leaves identical ones alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-write-'));
    const outputs = [{ path: 'markdown/a.md', contents: '# A\n', mediaType: 'text/markdown' }];
    expect(await writeOutputs(outputs, dir)).toEqual({ written: ['markdown/a.md'], unchanged: [] });
    expect(await readFile(join(dir, 'markdown/a.md'), 'utf8')).toBe('# A\n');
    expect(await writeOutputs(outputs, dir)).toEqual({ written: [], unchanged: ['markdown/a.md'] });
    expect(await readdir(join(dir, 'markdown'))).toEqual(['a.md']);
  });

  it('refuses paths outside the folder, and symbolic links out of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-write-'));
    const outside = await mkdtemp(join(tmpdir(), 'syndikit-outside-'));
    await expect(writeOutputs([{ path: '../x.txt', contents: 'x', mediaType: 'text/plain' }], dir)).rejects.toThrow(TypeError);
    await symlink(outside, join(dir, 'link'));
    await expect(writeOutputs([{ path: 'link/x.txt', contents: 'x', mediaType: 'text/plain' }], dir)).rejects.toThrow(
      'Refusing to write `link/x.txt`: `link` in the output folder is a symbolic link',
    );
    // The error names the link, so a build can say which one to remove.
    const error = await writeOutputs([{ path: 'link/x.txt', contents: 'x', mediaType: 'text/plain' }], dir).catch((caught) => caught);
    expect(error).toBeInstanceOf(UnsafeOutputPathError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ path: 'link/x.txt', link: join(dir, 'link') });
    expect(await readdir(outside)).toEqual([]);
  });

  it('replaces files atomically, leaving no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-write-'));
    await writeFile(join(dir, 'feed.xml'), 'old');
    await writeOutputs([{ path: 'feed.xml', contents: new Uint8Array([110, 101, 119]), mediaType: 'application/xml' }], dir);
    expect(await readFile(join(dir, 'feed.xml'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['feed.xml']);
  });
});

describe('safeTarget and safeTargetSync', () => {
  it('give the same target, and refuse the same paths with the same error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-target-'));
    const outside = await mkdtemp(join(tmpdir(), 'syndikit-outside-'));
    await symlink(outside, join(dir, 'link'));
    await mkdir(join(dir, 'amp'));
    await symlink(join(outside, 'x.html'), join(dir, 'amp', 'x.html'));
    const checked = new Map<string, boolean>();
    expect(safeTargetSync(dir, 'amp/a.html', checked)).toBe(await safeTarget(dir, 'amp/a.html'));
    expect(safeTargetSync(dir, 'amp/a.html', checked)).toBe(join(dir, 'amp', 'a.html'));
    for (const path of ['link/x.txt', 'amp/x.html', '../x.txt', '/etc/passwd']) {
      const fromSync = (() => {
        try {
          return safeTargetSync(dir, path, checked);
        } catch (error) {
          return error;
        }
      })();
      const fromAsync = await safeTarget(dir, path).catch((error: unknown) => error);
      expect(fromSync).toBeInstanceOf(UnsafeOutputPathError);
      expect(fromSync).toEqual(fromAsync);
      expect((fromSync as UnsafeOutputPathError).link).toBe((fromAsync as UnsafeOutputPathError).link);
    }
    // Folders are remembered in `checked` (a link as one); files are looked at every time.
    expect(checked).toEqual(
      new Map([
        [join(dir, 'amp'), false],
        [join(dir, 'link'), true],
      ]),
    );
  });
});
