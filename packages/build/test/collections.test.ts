import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '@syndikit/build';
import { type CollectionAdapter, convert, type Ingester } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/** A one-line ingester (the text is the headline and the body): the test needs no format package. */
const lineIngester: Ingester = {
  name: 'line',
  extensions: ['.txt'],
  ingest: ({ text, articlePath }) => ({
    fields: { headline: text.trim(), published: '2024-01-01T00:00:00Z', authors: [], tags: [], images: [] },
    body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: `Body of ${text.trim()}` }] }] },
    slugHint: articlePath.replace(/\.txt$/, ''),
  }),
};

/** A user's collection adapter whose `select` keeps only article `a`; `render` writes what it got, bodies included. */
const onlyA: CollectionAdapter = {
  name: 'only-a',
  scope: 'collection',
  select: ({ articles }) => articles.filter((article) => article.slug === 'a'),
  render: ({ articles }) => [
    {
      path: 'only-a.json',
      contents: `${JSON.stringify(articles.map((article) => [article.slug, article.body]))}\n`,
      mediaType: 'application/json',
    },
  ],
};

describe('collections in convert and build', () => {
  it('give byte-identical outputs for a user adapter with a `select`', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-collections-'));
    const articles = join(dir, 'articles');
    await mkdir(articles);
    const inputs = [join(articles, 'a.txt'), join(articles, 'b.txt')];
    await writeFile(inputs[0] as string, 'Ay\n');
    await writeFile(inputs[1] as string, 'Bee\n');
    const options = { ingesters: [lineIngester], formats: [onlyA], root: articles, now: '2025-01-01T00:00:00Z' };

    const files = await Promise.all(inputs.map(async (path) => new VFile({ path, value: await readFile(path) })));
    const converted = await convert(files, options);
    expect(converted.failed).toEqual([]);
    const built = await build(inputs, { outDir: join(dir, 'out'), cacheDir: false, threads: 0, pipeline: options });
    expect(built.failed).toEqual([]);

    const fromConvert = converted.outputs.find((output) => output.path === 'only-a.json')?.contents;
    const fromBuild = await readFile(join(dir, 'out', 'only-a.json'), 'utf8');
    expect(fromConvert).toBe(fromBuild);
    expect(JSON.parse(fromBuild)).toEqual([
      ['a', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Body of Ay' }] }] }],
    ]);
  });
});
