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

describe('temporary manifests a killed build left', () => {
  it('are removed, and no other file', async () => {
    const { folder } = await written(new Map([['a.md', { hash: 'a'.repeat(32), size: 1 }]]));
    await writeFile(join(folder, '.0123456789ab.syndikit-tmp'), '{"syndikit":"output-man');
    await writeFile(join(folder, '.notes.syndikit-tmp'), 'a file of the user');
    await removeManifestTemporaries(folder);
    expect((await readdir(folder)).sort()).toEqual(['.notes.syndikit-tmp', manifestFileName]);
  });
});
