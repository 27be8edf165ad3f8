import { access, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConvertOptions, convert } from '@syndikit/core';
import { type ImagesOptions, imagesAdapter } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { fixtureSite } from '@syndikit/testkit';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const temporary = (prefix: string) => mkdtemp(join(tmpdir(), `syndikit-images-${prefix}-`));
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Two articles, each with its own photo of a different size. */
async function twoArticles() {
  const root = await temporary('site');
  const photo = (width: number, height: number, background: string) =>
    sharp({ create: { width, height, channels: 3, background } })
      .jpeg()
      .toBuffer();
  await writeFile(join(root, 'harbor.jpg'), await photo(400, 300, '#336699'));
  await writeFile(join(root, 'field.jpg'), await photo(600, 200, '#669933'));
  return root;
}

/** Build both articles; the facts each article's image got, and every output's path and bytes. */
async function build(root: string, options: ImagesOptions, convertOptions: Partial<ConvertOptions> = {}) {
  const files = [
    new VFile({ path: join(root, 'harbor.md'), value: '# Harbor\n\n![Harbor](harbor.jpg)\n' }),
    new VFile({ path: join(root, 'field.md'), value: '# Field\n\n![Field](field.jpg)\n' }),
  ];
  const result = await convert(files, {
    ingesters: [markdownIngester()],
    root,
    site: fixtureSite,
    cwd: root,
    formats: [imagesAdapter({ widths: [100, 200], formats: ['webp'], ...options })],
    ...convertOptions,
  });
  expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
  return {
    facts: result.articles.map((article) => {
      const { src, width, height, mediaType, dominantColor, placeholder, renditions } = article.images[0] ?? {};
      return { headline: article.headline, src, width, height, mediaType, dominantColor, placeholder, renditions };
    }),
    outputs: result.outputs.map((output) => [output.path, Buffer.from(output.contents).toString('base64')]),
  };
}

/** The JSON of a cache file: after its checksum line when it has one. */
function jsonOf(text: string): { prefix: string; value: Record<string, unknown> } {
  const start = text.indexOf('{');
  return { prefix: text.slice(0, start), value: JSON.parse(text.slice(start)) as Record<string, unknown> };
}

describe('every cache entry is checked before it is used', () => {
  it('a width edited in a manifest is not believed: the output is that of a clean build', async () => {
    const root = await twoArticles();
    const cacheDir = join(root, 'cache');
    const clean = await build(root, { cacheDir: false });
    expect(await build(root, { cacheDir })).toEqual(clean);
    let edited = 0;
    for (const entry of await readdir(cacheDir)) {
      const path = join(cacheDir, entry, 'manifest.json');
      if (!(await exists(path))) continue;
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace(/"width":(400|600),/, '"width":900,'));
      edited++;
    }
    expect(edited).toBe(2);
    expect(await build(root, { cacheDir })).toEqual(clean);
  });

  it('two hashes swapped in the source index do not swap the photos: each article keeps its own size', async () => {
    const root = await twoArticles();
    const cacheDir = join(root, 'cache');
    const clean = await build(root, { cacheDir: false });
    expect(await build(root, { cacheDir })).toEqual(clean);
    const path = join(cacheDir, 'sources.json');
    const { prefix, value } = jsonOf(await readFile(path, 'utf8'));
    const entries = value.entries as Array<[string, { hash: string }]>;
    expect(entries).toHaveLength(2);
    const [first, second] = entries as [[string, { hash: string }], [string, { hash: string }]];
    [first[1].hash, second[1].hash] = [second[1].hash, first[1].hash];
    await writeFile(path, `${prefix}${JSON.stringify(value)}`);
    const again = await build(root, { cacheDir });
    expect(again.facts.map((fact) => [fact.headline, fact.width, fact.height])).toEqual([
      ['Harbor', 400, 300],
      ['Field', 600, 200],
    ]);
    expect(again).toEqual(clean);
  });

  it('two entries swapped between folders are not used for each other', async () => {
    const root = await twoArticles();
    const cacheDir = join(root, 'cache');
    const clean = await build(root, { cacheDir: false });
    await build(root, { cacheDir });
    const [a, b] = (await readdir(cacheDir)).filter((name) => !name.endsWith('.json'));
    expect(a && b).toBeTruthy();
    await rename(join(cacheDir, a as string), join(cacheDir, 'swap'));
    await rename(join(cacheDir, b as string), join(cacheDir, a as string));
    await rename(join(cacheDir, 'swap'), join(cacheDir, b as string));
    expect(await build(root, { cacheDir })).toEqual(clean);
  });
});

describe('where the cache is', () => {
  it("follows the run's cache folder: <cacheDir>/images", async () => {
    const root = await twoArticles();
    await build(root, {}, { cacheDir: 'run-cache' });
    const entries = await readdir(join(root, 'run-cache', 'images'));
    expect(entries.filter((name) => !name.endsWith('.json'))).toHaveLength(2);
    expect(entries).toContain('sources.json');
    expect(await exists(join(root, '.syndikit-cache'))).toBe(false);
  });

  it('keeps no cache when the run has none, and none with cacheDir: false', async () => {
    const root = await twoArticles();
    await build(root, {});
    await build(root, { cacheDir: false }, { cacheDir: 'run-cache' });
    expect((await readdir(root)).sort()).toEqual(['field.jpg', 'harbor.jpg']);
  });

  it('an explicit cacheDir wins, relative to the working directory', async () => {
    const root = await twoArticles();
    await build(root, { cacheDir: 'own-cache' }, { cacheDir: 'run-cache' });
    expect(await exists(join(root, 'own-cache', 'sources.json'))).toBe(true);
    expect(await exists(join(root, 'run-cache'))).toBe(false);
  });
});
