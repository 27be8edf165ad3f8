import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildEvent, BuildResult, BuildRunOptions } from '@syndikit/build';
import { type CollectionAdapter, type Ingester, renderItem } from '@syndikit/core';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildKeepingFiles, wholeTree } from './helpers.js';

/**
 * Rebuilds take the collections from the cache when nothing they see
 * changed, and give the bytes and the messages a cold build gives.
 */

/** A one-line ingester: `headline|published`, the body a paragraph of the headline. */
const lineIngester: Ingester = {
  name: 'line',
  extensions: ['.txt'],
  ingest: ({ text, articlePath }) => {
    const [headline = '', published = ''] = text.trim().split('|');
    return {
      fields: { headline, ...(published ? { published } : {}), authors: [], tags: [], images: [] },
      body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: `Body of ${headline}` }] }] },
      slugHint: articlePath.replace(/\.txt$/, ''),
    };
  },
};

/**
 * A feed of the two newest articles that warns about undated ones (on their files) and about itself; counts its renders.
 * On an article whose headline ends in `!` it repeats the warning the `text` adapter gave when the article was
 * converted (which core drops as already on the file) and adds one of its own.
 */
function newestFeed(renders: { count: number }, cacheKey?: string): CollectionAdapter {
  return {
    name: 'newest',
    scope: 'collection',
    ...(cacheKey ? { cacheKey } : {}),
    select: ({ articles, report }) => {
      for (const article of articles) {
        if (!article.published) report(article, 'Undated, left out', { ruleId: 'test-undated' });
        if (article.headline.endsWith('!')) {
          report(article, 'Shouty headline', { ruleId: 'test-shout' });
          report(article, 'Shouty in the feed', { ruleId: 'test-feed-shout' });
        }
      }
      return articles
        .filter((article) => article.published)
        .sort((a, b) => (b.published as string).localeCompare(a.published as string))
        .slice(0, 2);
    },
    render: ({ articles, report }) => {
      renders.count++;
      report(undefined, `${articles.length} items`, { ruleId: 'test-count', severity: 'info' });
      return [
        {
          path: 'newest.txt',
          contents: `${articles.map((article) => `${article.slug}: ${JSON.stringify(article.body)}`).join('\n')}\n`,
          mediaType: 'text/plain',
        },
      ];
    },
  };
}

/** An article adapter: one text file per article; warns about a headline that ends in `!`. */
const text = {
  name: 'text',
  scope: 'article' as const,
  cacheKey: 'text@1',
  render: ({
    article,
    report,
  }: {
    article: { slug: string; headline: string };
    report: (reason: string, options: { ruleId: string }) => void;
  }) => {
    if (article.headline.endsWith('!')) report('Shouty headline', { ruleId: 'test-shout' });
    return [{ path: `text/${article.slug}.txt`, contents: `${article.headline}\n`, mediaType: 'text/plain' }];
  },
};

async function folder() {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-rebuild-'));
  const articles = join(dir, 'articles');
  await mkdir(articles);
  await writeFile(join(articles, 'a.txt'), 'Ay|2024-01-01T00:00:00Z\n');
  await writeFile(join(articles, 'b.txt'), 'Bee|2024-01-02T00:00:00Z\n');
  await writeFile(join(articles, 'c.txt'), 'Sea|2024-01-03T00:00:00Z\n');
  await writeFile(join(articles, 'd.txt'), 'Dee\n');
  return { dir, articles };
}

async function inputs(articles: string): Promise<string[]> {
  return (await readdir(articles)).sort().map((name) => join(articles, name));
}

/** Build with a fresh feed adapter (as a new process would make), returning the result and how often the feed rendered. */
async function buildWith(
  where: { dir: string; articles: string },
  out: string,
  options: { now?: string; cacheKey?: string } = {},
  run: Pick<BuildRunOptions, 'onProgress' | 'onFile'> = {},
): Promise<{ result: BuildResult & { files: VFile[] }; renders: number }> {
  const renders = { count: 0 };
  const result = await buildKeepingFiles(await inputs(where.articles), {
    outDir: join(where.dir, out),
    cacheDir: join(where.dir, `${out}-cache`),
    threads: 0,
    now: options.now ?? '2025-01-01T00:00:00Z',
    pipeline: {
      ingesters: [lineIngester],
      formats: [text, newestFeed(renders, options.cacheKey)],
      site: { title: 'T', url: 'https://t.example' },
    },
    ...run,
  });
  return { result, renders: renders.count };
}

/** The cache slot of an output folder built by {@link buildWith}. */
async function slotOf(where: { dir: string }, out: string): Promise<string> {
  const builds = join(where.dir, `${out}-cache`, 'builds');
  return join(builds, (await readdir(builds))[0] as string);
}

/** An input's entry as indexed: the index and then its journal (the last line for the input wins). */
async function indexed(slot: string, name: string): Promise<{ pack?: string; inputMtimeMs?: number }> {
  let found: { pack?: string; inputMtimeMs?: number } = {};
  for (const file of ['index.jsonl', 'index.journal.jsonl']) {
    const text = await readFile(join(slot, file), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line.startsWith('["e"')) continue;
      const [, path, entry] = JSON.parse(line) as [string, string, { pack?: string; inputMtimeMs?: number }];
      if (path.endsWith(`/${name}`)) found = entry;
    }
  }
  return found;
}

/** The messages of a build, as text, in the order they are shown. */
function messages(result: { files: readonly VFile[] }): string[] {
  return result.files.flatMap((file) =>
    file.messages.map((message) => `${file.path}: ${message.reason} [${message.ruleId}] ${message.fatal}`),
  );
}

describe('rebuilds', () => {
  it('take the collections from the cache when no article changed, with the same bytes and messages', async () => {
    const where = await folder();
    const cold = await buildWith(where, 'out');
    expect(cold.renders).toBe(1);
    const before = await wholeTree(join(where.dir, 'out'));
    const again = await buildWith(where, 'out');
    expect(again.renders).toBe(0);
    expect(again.result.cache).toMatchObject({ hits: 4, misses: 0 });
    expect(again.result.outputs).toMatchObject({ written: [], removed: [] });
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(before);
    expect(messages(again.result)).toEqual(messages(cold.result));
    expect(messages(again.result)).toEqual([
      `${join(where.articles, 'd.txt')}: Undated, left out [test-undated] false`,
      'newest: 2 items [test-count] undefined',
    ]);
  });

  it("hand what collections report on articles to onFile after every input's messages, then the adapter's, also when replayed", async () => {
    const where = await folder();
    const seen: string[] = [];
    const options = {
      onProgress: (event: BuildEvent) => seen.push(event.type === 'article' ? `article ${event.done}` : event.type),
      onFile: (file: VFile) => seen.push(`${file.basename}: ${file.messages.map((message) => message.ruleId).join()}`),
    };
    const expected = [
      'start',
      'article 1',
      'article 2',
      'article 3',
      'article 4',
      'collection',
      'd.txt: test-undated',
      'newest: test-count',
      'write',
      'done',
    ];
    const cold = await buildWith(where, 'out', {}, options);
    expect(seen.splice(0)).toEqual(expected);
    expect(cold.result.messages).toEqual({ errors: 0, warnings: 1, info: 1 });
    const again = await buildWith(where, 'out', {}, options);
    expect(again.renders).toBe(0);
    expect(seen).toEqual(expected);
    expect(again.result.messages).toEqual(cold.result.messages);
  });

  it('after editing one article, give what a cold build gives', async () => {
    const where = await folder();
    await buildWith(where, 'out');
    await writeFile(join(where.articles, 'b.txt'), 'Bee, updated|2024-01-04T00:00:00Z\n');
    const rebuilt = await buildWith(where, 'out');
    expect(rebuilt.renders).toBe(1);
    expect(rebuilt.result.cache).toMatchObject({ hits: 3, misses: 1 });
    const cold = await buildWith(where, 'cold');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    expect(messages(rebuilt.result)).toEqual(messages(cold.result));
    expect(await readFile(join(where.dir, 'out', 'newest.txt'), 'utf8')).toMatch(/^b: .*Bee, updated.*\nc: /);
  });

  it('after deleting an article, leave it out of the collections, as a cold build does', async () => {
    const where = await folder();
    await buildWith(where, 'out');
    await rm(join(where.articles, 'c.txt'));
    const rebuilt = await buildWith(where, 'out');
    expect(rebuilt.renders).toBe(1);
    expect(rebuilt.result.outputs?.removed).toEqual(['text/c.txt']);
    await buildWith(where, 'cold');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    expect(await readFile(join(where.dir, 'out', 'newest.txt'), 'utf8')).toMatch(/^b: .*\na: /);
  });

  it('render again when `now` changes for an adapter without a cacheKey, not for one with a cacheKey', async () => {
    const where = await folder();
    await buildWith(where, 'out');
    expect((await buildWith(where, 'out', { now: '2025-02-01T00:00:00Z' })).renders).toBe(1);
    await buildWith(where, 'keyed', { cacheKey: 'newest@1' });
    expect((await buildWith(where, 'keyed', { cacheKey: 'newest@1', now: '2025-02-01T00:00:00Z' })).renders).toBe(0);
    expect((await buildWith(where, 'keyed', { cacheKey: 'newest@2', now: '2025-02-01T00:00:00Z' })).renders).toBe(1);
  });

  it("use the pipeline's own `now` when the build is given none (as `syndikit build --now` passes it), on articles and collections alike", async () => {
    const where = await folder();
    const clock = {
      name: 'clock',
      scope: 'article' as const,
      render: ({ article, now }: { article: { slug: string }; now: string }) => [
        { path: `clock/${article.slug}.txt`, contents: `${now}\n`, mediaType: 'text/plain' },
      ],
    };
    const feedClock: CollectionAdapter = {
      name: 'feed-clock',
      scope: 'collection',
      render: ({ now }) => [{ path: 'feed-clock.txt', contents: `${now}\n`, mediaType: 'text/plain' }],
    };
    const result = await buildKeepingFiles(await inputs(where.articles), {
      outDir: join(where.dir, 'out'),
      cacheDir: false,
      threads: 0,
      pipeline: { ingesters: [lineIngester], formats: [clock, feedClock], now: '2025-03-04T05:06:07Z' },
    });
    expect(result.failed).toEqual([]);
    const written = await wholeTree(join(where.dir, 'out'));
    expect(written['clock/d.txt']).toBe('2025-03-04T05:06:07.000Z\n');
    expect(written['feed-clock.txt']).toBe('2025-03-04T05:06:07.000Z\n');
  });

  it('render again when the stored collections are gone or corrupt, and keep only the current ones', async () => {
    const where = await folder();
    await buildWith(where, 'out');
    const before = await wholeTree(join(where.dir, 'out'));
    const slot = join(where.dir, 'out-cache', 'builds', (await readdir(join(where.dir, 'out-cache', 'builds')))[0] as string);
    const pointer = JSON.parse(await readFile(join(slot, 'collections.json'), 'utf8')) as { pack: string };
    const pack = join(slot, 'packs', pointer.pack.slice(0, 2), `${pointer.pack}.pack`);
    await writeFile(pack, 'not a pack');
    const again = await buildWith(where, 'out');
    expect(again.renders).toBe(1);
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(before);
    await rm(join(slot, 'collections.json'));
    expect((await buildWith(where, 'out')).renders).toBe(1);
    expect((await buildWith(where, 'out')).renders).toBe(0);
    // An edit renders the feed anew: the previous stored collections are removed.
    await writeFile(join(where.articles, 'a.txt'), 'Ay, again|2024-01-05T00:00:00Z\n');
    await buildWith(where, 'out');
    const current = (JSON.parse(await readFile(join(slot, 'collections.json'), 'utf8')) as { pack: string }).pack;
    const packs = (await readdir(join(slot, 'packs'), { recursive: true })).filter((name) => name.endsWith('.pack'));
    expect(packs.filter((name) => name.endsWith(`${current}.pack`))).toHaveLength(1);
    expect(packs).toHaveLength(5);
  });

  it('check what a collection reports on an article against the messages the article was converted with, cold and rebuilt alike', async () => {
    // The article's own messages are parsed back from its index line (kept as a line from when the input settles).
    const where = await folder();
    await writeFile(join(where.articles, 'e.txt'), 'Eek!|2023-12-31T00:00:00Z\n');
    const cold = await buildWith(where, 'out');
    const expected = [
      `${join(where.articles, 'e.txt')}: Shouty headline [test-shout] false`,
      `${join(where.articles, 'd.txt')}: Undated, left out [test-undated] false`,
      `${join(where.articles, 'e.txt')}: Shouty in the feed [test-feed-shout] false`,
      'newest: 2 items [test-count] undefined',
    ];
    expect(messages(cold.result)).toEqual(expected);
    // Another article edited: the feed renders again, over entries read from the index and ones set anew.
    await writeFile(join(where.articles, 'a.txt'), 'Ay, again|2024-01-01T00:00:00Z\n');
    const rebuilt = await buildWith(where, 'out');
    expect(rebuilt.renders).toBe(1);
    expect(messages(rebuilt.result)).toEqual(expected);
    // The article itself converted again: its new entry's messages are the ones checked.
    await writeFile(join(where.articles, 'e.txt'), 'Eek, again!|2023-12-31T00:00:00Z\n');
    const again = await buildWith(where, 'out');
    expect(again.renders).toBe(1);
    expect(messages(again.result)).toEqual(expected);
  });

  it('convert again an input whose pack went bad while its entry was set anew (touched, same bytes), and index the new pack', async () => {
    const where = await folder();
    await buildWith(where, 'cold');
    await buildWith(where, 'out');
    const slot = await slotOf(where, 'out');
    const garble = async () => {
      const pack = (await indexed(slot, 'b.txt')).pack as string;
      await writeFile(join(slot, 'packs', pack.slice(0, 2), `${pack}.pack`), 'garbage');
      return pack;
    };
    const touch = (seconds: number) => utimes(join(where.articles, 'b.txt'), seconds, seconds);

    // The commit finds the pack bad (the output folder is gone, so every file comes from its pack).
    await touch(1_800_000_000);
    const bad = await garble();
    await rm(join(where.dir, 'out'), { recursive: true });
    const committed = await buildWith(where, 'out');
    expect(committed.result.failed).toEqual([]);
    expect(committed.result.cache).toMatchObject({ hits: 4, misses: 0 });
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    // Packs are named by their contents: the same bytes converted again give the same pack, written anew.
    expect(await indexed(slot, 'b.txt')).toMatchObject({ pack: bad, inputMtimeMs: 1_800_000_000_000 });
    expect(await readFile(join(slot, 'packs', bad.slice(0, 2), `${bad}.pack`), 'utf8')).toContain('Bee');

    // Collections find it bad (another article edited, so the feed renders again and reads the body of b).
    await touch(1_800_000_100);
    const bad2 = await garble();
    await writeFile(join(where.articles, 'a.txt'), 'Ay, again|2024-01-01T00:00:00Z\n');
    await writeFile(join(where.articles, 'a.txt'), 'Ay|2024-01-01T00:00:00Z\n');
    await writeFile(join(where.articles, 'c.txt'), 'Sea, again|2024-01-03T00:00:00Z\n');
    await writeFile(join(where.articles, 'c.txt'), 'Sea|2024-01-03T00:00:00Z\n');
    await rm(join(where.dir, 'out'), { recursive: true });
    await rm(join(slot, 'collections.json'));
    const collected = await buildWith(where, 'out');
    expect(collected.renders).toBe(1);
    expect(collected.result.failed).toEqual([]);
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    expect(await indexed(slot, 'b.txt')).toMatchObject({ pack: bad2, inputMtimeMs: 1_800_000_100_000 });
    expect(await readFile(join(slot, 'packs', bad2.slice(0, 2), `${bad2}.pack`), 'utf8')).toContain('Bee');

    // What was indexed stands: nothing to convert, and the same files when built again from the packs alone.
    await rm(join(where.dir, 'out'), { recursive: true });
    const after = await buildWith(where, 'out');
    expect(after.result.cache).toMatchObject({ hits: 4, misses: 0 });
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
  });
});

/**
 * A feed of every dated article through the per-item cache (`renderItem`): each item is the article's slug,
 * headline and body, behind `prefix`; an item whose headline starts with "A" warns on its article. Records
 * which items rendered.
 */
function itemFeed(rendered: string[], options: { cacheKey?: string; prefix?: string } = {}): CollectionAdapter {
  const prefix = options.prefix ?? '-';
  return {
    name: 'items',
    scope: 'collection',
    ...(options.cacheKey ? { cacheKey: options.cacheKey } : {}),
    render: (context) => {
      const lines = context.articles
        .filter((article) => article.published)
        .map((article) =>
          renderItem(context, article, article.slug, () => {
            rendered.push(article.slug);
            if (article.headline.startsWith('A')) context.report(article, `Item of ${article.headline}`, { ruleId: 'test-item' });
            return `${prefix} ${article.slug}: ${article.headline} ${JSON.stringify(article.body)}`;
          }),
        );
      return [{ path: 'items.txt', contents: `${lines.join('\n')}\n`, mediaType: 'text/plain' }];
    },
  };
}

/** Build with {@link itemFeed}, returning the result and the items it rendered. */
async function buildItems(
  where: { dir: string; articles: string },
  out: string,
  options: { cacheKey?: string; prefix?: string } = { cacheKey: 'items@1' },
): Promise<{ result: BuildResult & { files: VFile[] }; rendered: string[] }> {
  const rendered: string[] = [];
  const result = await buildKeepingFiles(await inputs(where.articles), {
    outDir: join(where.dir, out),
    cacheDir: join(where.dir, `${out}-cache`),
    threads: 0,
    now: '2025-01-01T00:00:00Z',
    pipeline: { ingesters: [lineIngester], formats: [text, itemFeed(rendered, options)], site: { title: 'T', url: 'https://t.example' } },
  });
  return { result, rendered };
}

describe('the manifest of a rebuild', () => {
  it('is the one a cold build writes after an edit, also when the manifest read listed its files out of order', async () => {
    const where = await folder();
    await buildWith(where, 'out');
    await writeFile(join(where.articles, 'b.txt'), 'Bee, updated|2024-01-04T00:00:00Z\n');
    await buildWith(where, 'cold');
    const cold = await wholeTree(join(where.dir, 'cold'));
    // A manifest whose lines are in reverse order, with a checksum that matches them: read as valid, never written so.
    const path = join(where.dir, 'out', '.syndikit-manifest.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as { files: unknown[]; sha256: string };
    manifest.files.reverse();
    manifest.sha256 = createHash('sha256').update(JSON.stringify(manifest.files)).digest('hex');
    await writeFile(path, JSON.stringify(manifest));
    await buildWith(where, 'out');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(cold);
    // The usual case: the same paths, one file's bytes changed, the manifest read in order.
    await writeFile(join(where.articles, 'b.txt'), 'Bee|2024-01-02T00:00:00Z\n');
    await buildWith(where, 'out');
    await rm(join(where.dir, 'cold'), { recursive: true });
    await rm(join(where.dir, 'cold-cache'), { recursive: true });
    await buildWith(where, 'cold');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
  });
});

describe('the per-item cache of collection adapters', () => {
  it('renders only the item of the article that changed, and replays the others with their messages', async () => {
    const where = await folder();
    const first = await buildItems(where, 'out');
    expect(first.rendered).toEqual(['a', 'b', 'c']);
    await writeFile(join(where.articles, 'b.txt'), 'Bee, updated|2024-01-04T00:00:00Z\n');
    const rebuilt = await buildItems(where, 'out');
    expect(rebuilt.rendered).toEqual(['b']);
    const cold = await buildItems(where, 'cold');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    expect(messages(rebuilt.result)).toEqual(messages(cold.result));
    expect(messages(rebuilt.result)).toContain(`${join(where.articles, 'a.txt')}: Item of Ay [test-item] false`);
    expect(await readFile(join(where.dir, 'out', 'items.txt'), 'utf8')).toContain('- b: Bee, updated ');
    // Changing an article back renders its item again (the old one was dropped), still as a cold build does.
    await writeFile(join(where.articles, 'a.txt'), 'Ay again|2024-01-01T00:00:00Z\n');
    expect((await buildItems(where, 'out')).rendered).toEqual(['a']);
    await writeFile(join(where.articles, 'a.txt'), 'Ay|2024-01-01T00:00:00Z\n');
    const back = await buildItems(where, 'out');
    expect(back.rendered).toEqual(['a']);
    expect(messages(back.result)).toContain(`${join(where.articles, 'a.txt')}: Item of Ay [test-item] false`);
  });

  it("leaves out a removed article's item, as a cold build does", async () => {
    const where = await folder();
    await buildItems(where, 'out');
    await rm(join(where.articles, 'c.txt'));
    const rebuilt = await buildItems(where, 'out');
    expect(rebuilt.rendered).toEqual([]);
    await buildItems(where, 'cold');
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
    expect(await readFile(join(where.dir, 'out', 'items.txt'), 'utf8')).not.toContain('- c:');
  });

  it("renders every item again when the adapter's cacheKey (its options) changes", async () => {
    const where = await folder();
    await buildItems(where, 'out', { cacheKey: 'items@1', prefix: '-' });
    await writeFile(join(where.articles, 'c.txt'), 'Sea, updated|2024-01-03T00:00:00Z\n');
    const rebuilt = await buildItems(where, 'out', { cacheKey: 'items@2', prefix: '+' });
    expect(rebuilt.rendered).toEqual(['a', 'b', 'c']);
    expect(await readFile(join(where.dir, 'out', 'items.txt'), 'utf8')).toMatch(/^\+ a: .*\n\+ b: .*\n\+ c: Sea, updated /);
  });

  it('gives an adapter without a cacheKey no item cache: it renders every item, and its output is right', async () => {
    const where = await folder();
    expect((await buildItems(where, 'out', {})).rendered).toEqual(['a', 'b', 'c']);
    await writeFile(join(where.articles, 'b.txt'), 'Bee, updated|2024-01-04T00:00:00Z\n');
    const rebuilt = await buildItems(where, 'out', {});
    expect(rebuilt.rendered).toEqual(['a', 'b', 'c']);
    await buildItems(where, 'cold', {});
    expect(await wholeTree(join(where.dir, 'out'))).toEqual(await wholeTree(join(where.dir, 'cold')));
  });
});
