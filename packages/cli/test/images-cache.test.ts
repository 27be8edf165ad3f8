import { access, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, workspace } from './helpers.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The fixture articles, with small renditions so the builds stay quick. */
async function site(): Promise<string> {
  const cwd = await workspace();
  await writeFile(join(cwd, 'syndikit.config.json'), JSON.stringify({ adapters: { images: { widths: [160], formats: ['webp'] } } }));
  return cwd;
}

/** Entry folders of an image cache (one per processed photo), without its index. */
async function imageEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !name.endsWith('.json'));
}

describe('the image cache follows --cache-dir and --no-cache', () => {
  it('--no-cache leaves no image cache behind', async () => {
    const cwd = await site();
    const result = await syndikit(['build', 'articles', '--formats', 'images', '--out', 'out', '--no-cache', '--threads', '0'], cwd);
    expect(result.code).toBe(0);
    expect((await readdir(join(cwd, 'out', 'images'))).length).toBeGreaterThan(0);
    expect(await exists(join(cwd, '.syndikit-cache'))).toBe(false);
    expect((await readdir(cwd)).sort()).toEqual(['articles', 'out', 'syndikit.config.json']);
  }, 60_000);

  for (const threads of ['0', '2']) {
    it(`--cache-dir puts it under <dir>/images (threads: ${threads})`, async () => {
      const cwd = await site();
      const result = await syndikit(
        ['build', 'articles', '--formats', 'images', '--out', 'out', '--cache-dir', 'ci-cache', '--threads', threads],
        cwd,
      );
      expect(result.code).toBe(0);
      expect(await exists(join(cwd, 'ci-cache', 'images', 'sources.json'))).toBe(true);
      expect((await imageEntries(join(cwd, 'ci-cache', 'images'))).length).toBeGreaterThan(0);
      expect(await exists(join(cwd, '.syndikit-cache'))).toBe(false);
    }, 60_000);
  }

  it('the default build cache holds it too: .syndikit-cache/images', async () => {
    const cwd = await site();
    const result = await syndikit(['build', 'articles', '--formats', 'images', '--out', 'out', '--threads', '0'], cwd);
    expect(result.code).toBe(0);
    expect((await imageEntries(join(cwd, '.syndikit-cache', 'images'))).length).toBeGreaterThan(0);
  }, 60_000);
});
