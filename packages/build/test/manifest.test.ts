import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ManifestFile,
  manifestFileName,
  manifestText,
  readManifest,
  removeManifestTemporaries,
  sortedEntries,
  writeManifest,
} from '../src/lib/manifest.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** The manifest's bytes as its documentation describes them, built whole: what the line-by-line writer must match. */
function expected(files: ReadonlyMap<string, ManifestFile>): string {
  const lines = [...files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, file]) => (file.pending ? [path, file.hash, file.size, 'pending'] : [path, file.hash, file.size]));
  const sha256 = createHash('sha256').update(JSON.stringify(lines)).digest('hex');
  return `{"syndikit":"output-manifest","format":1,"sha256":"${sha256}","files":[${lines.map((line) => `\n${JSON.stringify(line)}`).join(',')}\n]}\n`;
}

async function written(files: ReadonlyMap<string, ManifestFile>): Promise<{ text: string; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'syndikit-manifest-'));
  folders.push(folder);
  await writeManifest(folder, sortedEntries(files));
  return { text: await readFile(join(folder, manifestFileName), 'utf8'), folder };
}

describe('the manifest written a line at a time', () => {
  it('has the bytes of the whole text, sorted by code unit, pending entries marked', async () => {
    const files = new Map<string, ManifestFile>([
      ['z/index.html', { hash: 'c'.repeat(32), size: 3 }],
      ['a/é "quoted".md', { hash: 'a'.repeat(32), size: 10, pending: true }],
      ['A/upper.md', { hash: 'b'.repeat(32), size: 0 }],
      ['a/b.md', { hash: 'd'.repeat(32), size: 7 }],
    ]);
    const { text, folder } = await written(files);
    expect(text).toBe(expected(files));
    expect(manifestText(files)).toBe(text);
    const read = await readManifest(folder);
    expect('files' in read && [...read.files].sort()).toEqual([...files].sort());
  });

  it('of no files', async () => {
    const { text, folder } = await written(new Map());
    expect(text).toBe(expected(new Map()));
    expect(await readManifest(folder)).toMatchObject({ files: new Map() });
  });

  it('of more lines than one chunk holds', async () => {
    const files = new Map<string, ManifestFile>();
    for (let n = 0; n < 70_000; n++) files.set(`story-${n}/index.html`, { hash: n.toString(16).padStart(32, '0'), size: n });
    const { text } = await written(files);
    expect(text.length).toBeGreaterThan(1 << 22);
    expect(text).toBe(expected(files));
  });
});

describe('the manifest read back', () => {
  const files = new Map<string, ManifestFile>([
    ['a/one.md', { hash: 'a'.repeat(32), size: 1 }],
    ['b/two.html', { hash: 'b'.repeat(32), size: 2, pending: true }],
  ]);

  it('is trusted when written otherwise (one line, other spacing) with a checksum of its list', async () => {
    const { folder } = await written(files);
    const value = JSON.parse(await readFile(join(folder, manifestFileName), 'utf8')) as object;
    await writeFile(join(folder, manifestFileName), JSON.stringify(value, null, 1));
    expect(await readManifest(folder)).toMatchObject({ files });
  });

  it('is refused when a line was changed and the checksum not, however it is laid out', async () => {
    const { text, folder } = await written(files);
    await writeFile(join(folder, manifestFileName), text.replace(',1]', ',9]'));
    expect(await readManifest(folder)).toEqual({ problem: 'corrupt' });
    const value = JSON.parse(text) as { files: unknown[][] };
    (value.files[0] as unknown[])[2] = 9;
    await writeFile(join(folder, manifestFileName), JSON.stringify(value));
    expect(await readManifest(folder)).toEqual({ problem: 'corrupt' });
  });

  it('is left alone by a write whose checksum is the one given as `unless`', async () => {
    const { text, folder } = await written(files);
    const read = await readManifest(folder);
    if (!('files' in read)) throw new Error('the manifest was not read');
    await writeFile(join(folder, manifestFileName), `${text} `);
    expect(await writeManifest(folder, sortedEntries(files), read.checksum)).toBe(false);
    expect(await readFile(join(folder, manifestFileName), 'utf8')).toBe(`${text} `);
    expect(await readdir(folder)).toEqual([manifestFileName]);
    expect(await writeManifest(folder, sortedEntries(files), 'f'.repeat(64))).toBe(true);
    expect(await readFile(join(folder, manifestFileName), 'utf8')).toBe(text);
  });
});

describe('temporary manifests a killed build left', () => {
  it('are removed, and no other file', async () => {
    const { folder } = await written(new Map([['a.md', { hash: 'a'.repeat(32), size: 1 }]]));
    await writeFile(join(folder, '.0123456789ab.syndikit-tmp'), '{"syndikit":"output-man');
    await writeFile(join(folder, '.notes.syndikit-tmp'), 'a file of the user');
    await removeManifestTemporaries(folder);
    expect((await readdir(folder)).sort()).toEqual(['.notes.syndikit-tmp', manifestFileName]);
  });
});
