import { type Adapter, convert, type Ingester, type IngestResult, ingestResults } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/**
 * An ingester for a made-up bundle format: one article per `== Headline`
 * block, each with its place; a block headed `== !` is an error (the input
 * fails as a whole), a block with `share` uses one shared picture.
 */
const bundleIngester: Ingester = {
  name: 'bundle',
  extensions: ['.bundle'],
  ingest: ({ text, file }) => {
    const results: IngestResult[] = [];
    for (const [index, line] of text.split('\n').entries()) {
      const match = /^== (.*)$/.exec(line);
      if (!match) continue;
      const headline = match[1] as string;
      if (headline === '!') file.message('A broken block', { place: { line: index + 1, column: 1 }, ruleId: 'test-broken' }).fatal = true;
      results.push({
        fields: { headline, published: '2024-01-01T00:00:00Z', authors: [], tags: [], images: [] },
        body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: `Body of ${headline}` }] }] },
        slugHint: headline,
        editorNotes: headline.includes('note') ? ['Call the desk: +49 30 5550 1234'] : [],
        place: { line: index + 1, column: 1 },
      });
    }
    return results;
  },
};

/** One file per article, one shared asset for `share` articles, and a warning for every article (no place of its own). */
const pages: Adapter = {
  name: 'pages',
  scope: 'article',
  render: ({ article, report }) => {
    report(`Rendered ${article.slug}`, { ruleId: 'test-rendered', severity: 'info' });
    return [
      { path: `pages/${article.slug}.txt`, contents: `${article.headline}\n`, mediaType: 'text/plain' },
      ...(article.headline.includes('share')
        ? [{ path: 'assets/shared.jpg', contents: 'jpeg', mediaType: 'image/jpeg', asset: true as const }]
        : []),
    ];
  },
};

const places = (file: VFile | undefined) => file?.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);

describe('an input that carries several articles', () => {
  it('gives each its own slug, outputs and message places, in order', async () => {
    const input = new VFile({ path: '/in/one.bundle', value: '== Alpha share\ntext\n== Alpha share\n== Beta note share\n' });
    const result = await convert(input, { ingesters: [bundleIngester], formats: [pages], now: '2024-06-01T00:00:00Z' });
    expect(result.failed).toEqual([]);
    expect(result.articles.map((article) => article.slug)).toEqual(['alpha-share', 'alpha-share-2', 'beta-note-share']);
    expect(result.outputs.map((output) => output.path)).toEqual([
      'assets/shared.jpg',
      'pages/alpha-share-2.txt',
      'pages/alpha-share.txt',
      'pages/beta-note-share.txt',
    ]);
    expect(places(result.files[0])).toEqual(['3:1 slug-duplicate', '1:1 test-rendered', '3:1 test-rendered', '4:1 test-rendered']);
    expect(result.articles.map((article) => article.editorNotes)).toEqual([undefined, undefined, ['Call the desk: +49 30 5550 1234']]);
  });

  it('fails the whole input on an error in one of its articles, and the next input goes on', async () => {
    const broken = new VFile({ path: '/in/broken.bundle', value: '== Fine\n== !\n' });
    const other = new VFile({ path: '/in/other.bundle', value: '== Fine\n' });
    const result = await convert([broken, other], { ingesters: [bundleIngester], formats: [pages] });
    expect(result.failed).toEqual([broken]);
    expect(result.articles.map((article) => article.slug)).toEqual(['fine']);
    expect(result.outputs.map((output) => output.path)).toEqual(['pages/fine.txt']);
  });

  it('reads a single result, an array and nothing alike', () => {
    const one: IngestResult = { fields: { authors: [], tags: [], images: [] }, body: { type: 'root', children: [] }, slugHint: 'a' };
    expect(ingestResults(one)).toEqual([one]);
    expect(ingestResults([one, one])).toHaveLength(2);
    expect(ingestResults(undefined)).toEqual([]);
  });
});
