import { spawn } from 'node:child_process';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildEvent, build, createBuilder, stagingFolderName } from '@syndikit/build';
import { lockFileName } from '@syndikit/core';
import { describe, expect, it } from 'vitest';
import { createPipeline } from './fixtures/pipeline.mjs';
import { buildSite, inputsOf, pipelineModule, site, tree, writeArticle } from './helpers.js';

const messagesOf = (files: { path: string; messages: { reason: string; ruleId?: string | null }[] }[]) =>
  files.flatMap((file) => file.messages.map((message) => `${file.path.replace(/.*\//, '')}: ${message.reason} [${message.ruleId}]`));

describe('build', () => {
  it('converts, writes every output, and reports progress in input order', async () => {
    const where = await site(3);
    const events: BuildEvent[] = [];
    const result = await buildSite(where, { onProgress: (event) => events.push(event) });
    expect(result).toMatchObject({ total: 3, articles: 3, failed: [], cache: { hits: 0, misses: 3 }, threads: 0 });
    expect(result.outputs?.written).toEqual(['newest.txt', 'text/story-000.txt', 'text/story-001.txt', 'text/story-002.txt']);
    expect(result.outputs?.byFormat).toEqual({ text: 3, 'newest.txt': 1 });
    expect(events.map((event) => (event.type === 'article' ? `article ${event.done}/${event.total}` : event.type))).toEqual([
      'start',
      'article 1/3',
      'article 2/3',
      'article 3/3',
      'collection',
      'write',
      'done',
    ]);
    expect(await tree(where.outDir)).toEqual({
      'newest.txt': 'story-002: 2 blocks\nstory-001: 2 blocks\n',
      'text/story-000.txt': 'Story 0 (2 blocks) v1\n',
      'text/story-001.txt': 'Story 1 (2 blocks) v1\n',
      'text/story-002.txt': 'Story 2 (2 blocks) v1\n',
    });
  });

  it('gives collections only the articles they select, with bodies', async () => {
    const where = await site(40);
    await buildSite(where);
    // The two newest by date: day 28 (index 27) and day 27 (index 26); the collection saw their bodies.
    expect(await readFile(join(where.outDir, 'newest.txt'), 'utf8')).toBe('story-027: 2 blocks\nstory-026: 2 blocks\n');
  });

  it('takes unchanged articles from the cache and writes only what changed', async () => {
    const where = await site(5);
    await buildSite(where);
    const again = await buildSite(where);
    expect(again.cache).toMatchObject({ hits: 5, misses: 0 });
    expect(again.outputs).toMatchObject({ written: [], unchanged: 6, removed: [] });

    await writeArticle(where.articles, 2, '', 'Story 2, updated');
    const third = await buildSite(where);
    expect(third.cache).toMatchObject({ hits: 4, misses: 1 });
    expect(third.outputs?.written).toEqual(['text/story-002.txt']);
    expect(await readFile(join(where.outDir, 'text/story-002.txt'), 'utf8')).toBe('Story 2, updated (2 blocks) v1\n');
  });

  it('gives the same bytes from the cache, from a fresh build and from worker threads', async () => {
    const where = await site(12);
    await buildSite(where);
    await rm(where.outDir, { recursive: true });
    const fromCache = await buildSite(where);
    expect(fromCache.cache.hits).toBe(12);
    const cached = await tree(where.outDir);
    const fresh = await buildSite({ ...where, outDir: join(where.dir, 'fresh'), cacheDir: join(where.dir, 'fresh-cache') });
    expect(fresh.cache.misses).toBe(12);
    expect(await tree(join(where.dir, 'fresh'))).toEqual(cached);
    const threaded = await buildSite({ ...where, outDir: join(where.dir, 'threads') }, { cacheDir: false, threads: 2 });
    expect(threaded.threads).toBe(2);
    expect(await tree(join(where.dir, 'threads'))).toEqual(cached);
  });

  it('writes again an output deleted or replaced in the output folder since the last build', async () => {
    const where = await site(3);
    await buildSite(where);
    await rm(join(where.outDir, 'text/story-001.txt'));
    await writeFile(join(where.outDir, 'text/story-002.txt.new'), 'edited by hand\n');
    await rename(join(where.outDir, 'text/story-002.txt.new'), join(where.outDir, 'text/story-002.txt'));
    const result = await buildSite(where);
    expect(result.cache).toMatchObject({ hits: 3, misses: 0 });
    expect(result.outputs?.written).toEqual(['text/story-001.txt', 'text/story-002.txt']);
    expect(await readFile(join(where.outDir, 'text/story-002.txt'), 'utf8')).toBe('Story 2 (2 blocks) v1\n');
  });

  it('removes the outputs of deleted inputs', async () => {
    const where = await site(3);
    await buildSite(where);
    await rm(join(where.articles, 'story-001.md'));
    const result = await buildSite(where);
    expect(result.outputs?.removed).toEqual(['text/story-001.txt']);
    expect(Object.keys(await tree(where.outDir)).sort()).toEqual(['newest.txt', 'text/story-000.txt', 'text/story-002.txt']);
  });

  it('converts everything again when an adapter or the pipeline changes', async () => {
    const where = await site(3);
    await buildSite(where);
    const result = await buildSite(where, { version: 2 });
    expect(result.cache).toMatchObject({ hits: 0, misses: 3 });
    expect(await readFile(join(where.outDir, 'text/story-000.txt'), 'utf8')).toBe('Story 0 (2 blocks) v2\n');
  });

  it('converts an embargoed article again once its embargo has passed, and only that one', async () => {
    const where = await site(3, (index) => (index === 1 ? 'embargoed: 2025-06-01T00:00:00Z\n' : ''));
    const before = await buildSite(where);
    expect(before.outputs?.written).not.toContain('text/story-001.txt');
    const after = await buildSite(where, { now: '2025-07-01T00:00:00Z' });
    expect(after.cache).toMatchObject({ hits: 2, misses: 1 });
    expect(after.outputs?.written).toContain('text/story-001.txt');
  });

  it('hides embargoed and withheld articles from adapters that did not opt in, saying so once per article, also from the cache', async () => {
    // The two newest articles: the one `newest` would pick first is embargoed, the next withheld.
    const where = await site(4, (index) => (index === 3 ? 'embargoed: 2099-01-01T00:00:00Z\n' : index === 2 ? 'status: withheld\n' : ''));
    const first = await buildSite(where, { pipeline: pipelineModule({ archive: true, spy: true }) });
    const files = await tree(where.outDir);
    expect(Object.keys(files).sort()).toEqual([
      'archive.txt',
      'archive/story-000.txt',
      'archive/story-001.txt',
      'archive/story-002.txt',
      'archive/story-003.txt',
      'newest.txt',
      'spy.txt',
      'text/story-000.txt',
      'text/story-001.txt',
    ]);
    expect(files['newest.txt']).toBe('story-001: 2 blocks\nstory-000: 2 blocks\n');
    expect(files['spy.txt']).toBe('select: story-000,story-001\nrender: story-000,story-001\n');
    expect(files['archive.txt']).toBe('story-000\nstory-001\nstory-002\nstory-003\n');
    expect(files['archive/story-002.txt']).toBe('withheld\n');
    const expected = [
      'story-002.md: Not published in text, newest, spy: its status is withheld [not-published]',
      'story-003.md: Not published in text, newest, spy: it is embargoed until 2099-01-01T00:00:00Z [not-published]',
    ];
    expect(messagesOf(first.files)).toEqual(expected);
    const again = await buildSite(where, { pipeline: pipelineModule({ archive: true, spy: true }) });
    expect(again.cache.hits).toBe(4);
    expect(messagesOf(again.files)).toEqual(expected);
    expect(await tree(where.outDir)).toEqual(files);
  });

  it('gives a slug to the first article that claims it, in input order, also from the cache', async () => {
    const where = await site(3, (index) => (index > 0 ? 'slug: same\n' : ''));
    const first = await buildSite(where);
    expect(messagesOf(first.files)).toEqual([
      expect.stringMatching(/^story-002.md: Slug `same` is already used by .*story-001.md; using `same-2` \[slug-duplicate\]$/),
    ]);
    expect(Object.keys(await tree(where.outDir)).sort()).toEqual(['newest.txt', 'text/same-2.txt', 'text/same.txt', 'text/story-000.txt']);
    const again = await buildSite(where);
    expect(again.cache.hits).toBe(3);
    expect(messagesOf(again.files)).toEqual(messagesOf(first.files));
    await rm(join(where.articles, 'story-001.md'));
    const third = await buildSite(where);
    expect(third.files).toEqual([]);
    expect(Object.keys(await tree(where.outDir)).sort()).toEqual(['newest.txt', 'text/same.txt', 'text/story-000.txt']);
    expect(await readFile(join(where.outDir, 'text/same.txt'), 'utf8')).toBe('Story 2 (2 blocks) v1\n');
  });

  it('hands each file of messages to onFile as its input settles, in input order, the same on worker threads and from the cache', async () => {
    const where = await site(4, (index) => (index > 0 ? 'slug: same\n' : ''));
    const watched = () => {
      const seen: string[] = [];
      const options = {
        onProgress: (event: BuildEvent) => seen.push(event.type === 'article' ? `article ${event.done}` : event.type),
        onFile: (file: { basename?: string | undefined; messages: { ruleId?: string | null }[] }) =>
          seen.push(`${file.basename}: ${file.messages.map((message) => message.ruleId).join()}`),
      };
      return { seen, options };
    };
    // Each file arrives right after its input's event, long before the build ends: nothing waits for the end.
    const expected = [
      'start',
      'article 1',
      'article 2',
      'article 3',
      'story-002.md: slug-duplicate',
      'article 4',
      'story-003.md: slug-duplicate',
      'collection',
      'write',
      'done',
    ];
    const cold = watched();
    const first = await buildSite(where, cold.options);
    expect(cold.seen).toEqual(expected);
    expect(first.messages).toEqual({ errors: 0, warnings: 2, info: 0 });
    const threaded = watched();
    const fromThreads = await buildSite(
      { ...where, outDir: join(where.dir, 'threads') },
      { ...threaded.options, cacheDir: false, threads: 2 },
    );
    expect(fromThreads.threads).toBe(2);
    expect(threaded.seen).toEqual(expected);
    const cached = watched();
    const again = await buildSite(where, cached.options);
    expect(again.cache.hits).toBe(4);
    expect(cached.seen).toEqual(expected);
    expect(messagesOf(again.files)).toEqual(messagesOf(first.files));
    expect(again.messages).toEqual(first.messages);
  });

  it('counts errors with the failed files, each given to onFile once', async () => {
    const where = await site(3);
    await writeFile(join(where.articles, 'story-001.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    const result = await buildSite(where);
    expect(result.failed).toHaveLength(1);
    expect(result.files).toEqual(result.failed);
    expect(result.messages).toEqual({ errors: result.failed[0]?.messages.length, warnings: 0, info: 0 });
  });

  it('leaves the output folder alone when an article fails, and keeps its last outputs with keepGoing', async () => {
    const where = await site(3);
    await buildSite(where);
    const before = await tree(where.outDir);
    await writeFile(join(where.articles, 'story-001.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    await writeArticle(where.articles, 2, '', 'Story 2, updated');
    const failed = await buildSite(where);
    expect(failed.outputs).toBeUndefined();
    expect(failed.failed.map((file) => file.path)).toEqual([join(where.articles, 'story-001.md')]);
    expect(await tree(where.outDir)).toEqual(before);
    const kept = await buildSite(where, { keepGoing: true });
    expect(kept.outputs?.written).toContain('text/story-002.txt');
    expect(kept.outputs?.removed).toEqual([]);
    expect(await readFile(join(where.outDir, 'text/story-001.txt'), 'utf8')).toBe('Story 1 (2 blocks) v1\n');
  });

  it('ignores a corrupt index, a cache from another version, and a corrupt pack', async () => {
    const where = await site(4);
    await buildSite(where);
    const expected = await tree(where.outDir);
    const [slot] = await readdir(join(where.cacheDir, 'builds'));
    const index = join(where.cacheDir, 'builds', slot as string, 'index.jsonl');

    const saved = await readFile(index, 'utf8');
    await writeFile(index, saved.replace('Story', 'Stor!'));
    const corrupt = await buildSite(where);
    expect(corrupt.cache).toMatchObject({ ignored: 'corrupt', hits: 0, misses: 4 });

    await writeFile(index, (await readFile(index, 'utf8')).split('\n').slice(0, -3).join('\n'));
    const truncated = await buildSite(where);
    expect(truncated.cache).toMatchObject({ ignored: 'corrupt', hits: 0, misses: 4 });

    // A well-formed index (its checksum right) written by another version of syndikit.
    const lines = (await readFile(index, 'utf8')).split('\n').slice(0, -2);
    lines[0] = (lines[0] as string).replace(/"engine":"[^"]*"/, '"engine":"0.0.0-other"');
    const body = lines.map((line) => `${line}\n`).join('');
    const { createHash } = await import('node:crypto');
    await writeFile(index, `${body}${createHash('sha256').update(body).digest('hex')}\n`);
    const other = await buildSite(where);
    expect(other.cache).toMatchObject({ ignored: 'other-version', misses: 4 });
    expect((await buildSite(where)).cache).toMatchObject({ hits: 4, misses: 0 });

    // Every pack garbled, and the output folder gone: each article is converted again, never trusted.
    const packs = join(where.cacheDir, 'builds', slot as string, 'packs');
    for (const entry of await readdir(packs, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) await writeFile(join(entry.parentPath, entry.name), 'garbage');
    }
    await rm(where.outDir, { recursive: true });
    const garbled = await buildSite(where);
    expect(garbled.failed).toEqual([]);
    expect(await tree(where.outDir)).toEqual(expected);
  });

  it('journals small changes instead of rewriting the index, and ignores a broken journal', async () => {
    const where = await site(40);
    await buildSite(where);
    const [slot] = await readdir(join(where.cacheDir, 'builds'));
    const folder = join(where.cacheDir, 'builds', slot as string);
    const base = await readFile(join(folder, 'index.jsonl'), 'utf8');

    await writeArticle(where.articles, 7, '', 'Story 7, updated');
    await buildSite(where);
    expect(await readFile(join(folder, 'index.jsonl'), 'utf8')).toBe(base);
    const journal = await readFile(join(folder, 'index.journal.jsonl'), 'utf8');
    expect(journal.split('\n').filter((line) => line.startsWith('["e"'))).toHaveLength(1);
    expect(journal).toContain('story-007.md');
    expect((await buildSite(where)).cache).toMatchObject({ hits: 40, misses: 0 });

    // A broken journal is ignored: the base alone is older, but every entry is checked against its input.
    await writeFile(join(folder, 'index.journal.jsonl'), journal.replace('updated', 'garbled'));
    const after = await buildSite(where);
    expect(after.cache).toMatchObject({ hits: 39, misses: 1 });
    expect(await readFile(join(where.outDir, 'text/story-007.txt'), 'utf8')).toBe('Story 7, updated (2 blocks) v1\n');

    // Many changes at once: the base is written again whole and the journal dropped.
    for (let index = 0; index < 40; index++) await writeArticle(where.articles, index, '', `Story ${index}, third`);
    await buildSite(where);
    expect(await readFile(join(folder, 'index.jsonl'), 'utf8')).not.toBe(base);
    expect(await readdir(folder)).not.toContain('index.journal.jsonl');
  });

  it('survives SIGKILL at any moment: the previous outputs stay whole and the cache stays usable', async () => {
    const where = await site(30);
    await buildSite(where);
    const before = await tree(where.outDir);
    for (let index = 0; index < 30; index++) await writeArticle(where.articles, index, '', `Story ${index}, second edition`);
    const child = spawn(
      process.execPath,
      [new URL('./fixtures/run-build.mjs', import.meta.url).pathname, where.articles, where.outDir, where.cacheDir, '{"slowMs":40}'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk;
        // Kill it halfway through converting, after some results are already in the cache.
        if (seen.includes('"done":15,')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    // Whole files only, as they were; beside them the lock (its owner file names the killed process) and the staging folder
    // the killed build left: the next build takes the lock over at once (its holder is gone) and clears the staging folder.
    const after = await tree(where.outDir);
    expect(Object.fromEntries(Object.entries(after).filter(([path]) => !path.startsWith(`${stagingFolderName}/`)))).toEqual({
      ...before,
      [`${lockFileName}.owner`]: expect.stringContaining(`"pid":${child.pid},`),
    });

    const next = await buildSite(where);
    expect(next.failed).toEqual([]);
    expect(Object.keys(await tree(where.outDir)).filter((path) => path.startsWith('.'))).toEqual([]);
    expect(await readFile(join(where.outDir, 'text/story-029.txt'), 'utf8')).toBe('Story 29, second edition (2 blocks) v1\n');
    const again = await buildSite(where);
    expect(again.cache).toMatchObject({ hits: 30, misses: 0 });
    expect(again.outputs?.written).toEqual([]);
  });

  it('fails only the article a worker crashes on, names its file, and carries on', async () => {
    const where = await site(6);
    await writeArticle(where.articles, 2, '', 'Crash the worker');
    await writeArticle(where.articles, 4, '', 'Overflow the stack');
    const result = await buildSite(where, { threads: 2, keepGoing: true });
    expect(result.threads).toBe(2);
    expect(result.failed.map((file) => file.path.replace(/.*\//, ''))).toEqual(['story-002.md', 'story-004.md']);
    expect(messagesOf(result.failed)).toEqual([
      expect.stringMatching(/^story-002.md: The worker thread converting this article crashed: .* \[worker-crashed\]$/),
      expect.stringMatching(/^story-004.md: Adapter `text` failed: Maximum call stack size exceeded \[adapter-failed\]$/),
    ]);
    expect(Object.keys(await tree(where.outDir)).sort()).toEqual([
      'newest.txt',
      'text/story-000.txt',
      'text/story-001.txt',
      'text/story-003.txt',
      'text/story-005.txt',
    ]);
  });

  it('bounds the heap of each worker thread, so that garbage between collections stays small', async () => {
    const where = await site(4);
    await writeArticle(where.articles, 1, '', 'Report the heap limit');
    const result = await buildSite(where, { threads: 2 });
    expect(result.threads).toBe(2);
    const limit = Number(/^heap limit (\d+) MB$/m.exec(await readFile(join(where.outDir, 'text/story-001.txt'), 'utf8'))?.[1]);
    // The old generation's 1,024 MB and the young generation's semi-spaces; without the limit, V8's
    // default on this machine (a quarter of the memory, up to 4 GB).
    expect(limit).toBeGreaterThanOrEqual(1024);
    expect(limit).toBeLessThan(1200);
  });

  it('writes nothing once its AbortSignal fires', async () => {
    const where = await site(3);
    const controller = new AbortController();
    const run = buildSite(where, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'article') controller.abort(new Error('stopped by the user'));
      },
    });
    await expect(run).rejects.toThrow('stopped by the user');
    expect(await tree(where.outDir)).toEqual({});
  });

  it('runs a pipeline given as options in the main thread, and a builder builds again with its threads kept', async () => {
    const where = await site(2);
    const inMemory = await build(await inputsOf(where.articles), {
      outDir: where.outDir,
      cacheDir: false,
      threads: 2,
      now: '2025-01-01T00:00:00Z',
      pipeline: createPipeline(),
    });
    expect(inMemory).toMatchObject({ threads: 0, articles: 2 });

    const builder = await createBuilder({
      outDir: join(where.dir, 'kept'),
      cacheDir: where.cacheDir,
      threads: 1,
      pipeline: pipelineModule(),
    });
    try {
      expect((await builder.build(await inputsOf(where.articles))).threads).toBe(1);
      await writeArticle(where.articles, 2);
      const second = await builder.build(await inputsOf(where.articles));
      expect(second.cache).toMatchObject({ hits: 2, misses: 1 });
    } finally {
      await builder.close();
    }
  });

  it('rejects bad options with a TypeError', async () => {
    await expect(build([], { outDir: '', pipeline: createPipeline() })).rejects.toThrow('Expected an output folder as `outDir`');
    await expect(build([], { outDir: 'x', pipeline: createPipeline(), threads: -1 })).rejects.toThrow("Expected `threads` to be 'auto'");
    await expect(build([], { outDir: 'x', pipeline: { module: 'node:path' } })).rejects.toThrow('to export a `createPipeline` function');
  });
});
