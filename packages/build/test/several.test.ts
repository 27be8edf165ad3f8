import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '@syndikit/build';
import { convert } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createPipeline } from './fixtures/agency-pipeline.mjs';
import { buildKeepingFiles, tree } from './helpers.js';

const agency = (name: string) => new URL(`../../../fixtures/agency/${name}`, import.meta.url);
const pipeline = { module: new URL('./fixtures/agency-pipeline.mjs', import.meta.url), options: {} };
const now = '2026-06-01T00:00:00Z';
const located = (files: readonly VFile[]) =>
  files.flatMap((file) =>
    file.messages
      .filter((message) => message.fatal === false)
      .map((message) => `${file.basename}:${message.line}:${message.column} ${message.ruleId}`),
  );

/** A content folder with the Reuters-style news message (2 text items and a picture) and one more message copied from it. */
async function agencySite(): Promise<{ dir: string; inputs: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-several-'));
  await mkdir(join(dir, 'in'));
  const inputs = [join(dir, 'in', 'message.xml'), join(dir, 'in', 'repeat.xml')];
  await copyFile(agency('reuters-style-message.xml'), inputs[0] as string);
  await copyFile(agency('reuters-style-message.xml'), inputs[1] as string);
  return { dir, inputs };
}

describe('several articles from one input (a NewsML-G2 news message)', () => {
  it('convert gives each item its own article, slug, outputs and message places', async () => {
    const { inputs } = await agencySite();
    const files = await Promise.all(inputs.map(async (path) => new VFile({ path, value: await readFile(path) })));
    const result = await convert(files, { ...createPipeline(), now });
    expect(result.failed).toEqual([]);
    expect(result.articles.map((article) => article.slug)).toEqual([
      'ports-rotterdam-automation',
      'factbox-how-the-rotterdam-trial-works',
      'ports-rotterdam-automation-2',
      'factbox-how-the-rotterdam-trial-works-2',
    ]);
    // The text adapter's warning about the factbox carries item 2's place (56:5), in each file.
    expect(located(result.files).filter((line) => line.includes('test-factbox'))).toEqual([
      'message.xml:56:5 test-factbox',
      'repeat.xml:56:5 test-factbox',
    ]);
    // The second file's duplicate slugs are reported at the items they are about.
    expect(located(result.files).filter((line) => line.includes('slug-duplicate'))).toEqual([
      'repeat.xml:8:5 slug-duplicate',
      'repeat.xml:56:5 slug-duplicate',
    ]);
    expect(result.outputs.map((output) => output.path).filter((path) => path.startsWith('text/'))).toEqual([
      'text/factbox-how-the-rotterdam-trial-works-2.txt',
      'text/factbox-how-the-rotterdam-trial-works.txt',
      'text/ports-rotterdam-automation-2.txt',
      'text/ports-rotterdam-automation.txt',
    ]);
  });

  it('build gives the same bytes as convert, in this thread and in worker threads, fresh and from the cache', async () => {
    const { dir, inputs } = await agencySite();
    const files = await Promise.all(inputs.map(async (path) => new VFile({ path, value: await readFile(path) })));
    const converted = await convert(files, { ...createPipeline(), now });
    const expected = Object.fromEntries(
      converted.outputs.map((output) => [output.path, typeof output.contents === 'string' ? output.contents : String(output.contents)]),
    );

    const cacheDir = join(dir, 'cache');
    const fresh = await buildKeepingFiles(inputs, { outDir: join(dir, 'out'), cacheDir, threads: 0, now, pipeline });
    expect(fresh).toMatchObject({ total: 2, articles: 4, failed: [] });
    expect(await tree(join(dir, 'out'))).toEqual(expected);
    expect(located(fresh.files)).toEqual(located(converted.files.filter((file) => file.messages.length > 0)));

    const threaded = await build(inputs, { outDir: join(dir, 'threads'), cacheDir: false, threads: 2, now, pipeline });
    expect(threaded).toMatchObject({ threads: 2, articles: 4, failed: [] });
    expect(await tree(join(dir, 'threads'))).toEqual(expected);

    const again = await build(inputs, { outDir: join(dir, 'out'), cacheDir, threads: 0, now, pipeline });
    expect(again).toMatchObject({ articles: 4, cache: { hits: 2, misses: 0 }, outputs: { written: [], removed: [] } });
    expect(await tree(join(dir, 'out'))).toEqual(expected);
  });

  it('a deleted input removes the outputs of all its articles; the next input takes the slugs it freed', async () => {
    const { dir, inputs } = await agencySite();
    const cacheDir = join(dir, 'cache');
    const outDir = join(dir, 'out');
    await build(inputs, { outDir, cacheDir, threads: 0, now, pipeline });
    await rm(inputs[0] as string);
    const after = await build(inputs.slice(1), { outDir, cacheDir, threads: 0, now, pipeline });
    expect(after).toMatchObject({ total: 1, articles: 2, failed: [] });
    // repeat.xml's articles asked for the slugs message.xml held: converted again, under them.
    expect(after.cache).toMatchObject({ misses: 1 });
    expect(after.outputs?.removed).toEqual([
      'newsml-g2/factbox-how-the-rotterdam-trial-works-2.xml',
      'newsml-g2/ports-rotterdam-automation-2.xml',
      'text/factbox-how-the-rotterdam-trial-works-2.txt',
      'text/ports-rotterdam-automation-2.txt',
    ]);
    expect(Object.keys(await tree(outDir)).sort()).toEqual([
      'all.json',
      'newsml-g2/factbox-how-the-rotterdam-trial-works.xml',
      'newsml-g2/ports-rotterdam-automation.xml',
      'text/factbox-how-the-rotterdam-trial-works.txt',
      'text/ports-rotterdam-automation.txt',
    ]);
  });
});
