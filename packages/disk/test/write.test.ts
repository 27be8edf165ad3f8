import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsafeOutputPathError, writeOutputs } from '@syndikit/disk';
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
