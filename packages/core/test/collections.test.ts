import { type Adapter, type CollectionAdapter, convert, formatMessage, type Ingester } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/** A one-line ingester: the text is the headline; the slug comes from the file name. */
const lineIngester: Ingester = {
  name: 'line',
  extensions: ['.txt'],
  ingest: ({ text, articlePath }) => ({
    fields: { headline: text.trim(), published: '2024-01-01T00:00:00Z', authors: [], tags: [], images: [] },
    body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text.trim() }] }] },
    slugHint: articlePath.replace(/\.txt$/, ''),
  }),
};
const inputs = () => [new VFile({ path: '/site/a.txt', value: 'Ay' }), new VFile({ path: '/site/b.txt', value: 'Bee' })];
const options = { ingesters: [lineIngester], root: '/site' };

function listing(name: string, path: string, select?: CollectionAdapter['select']): CollectionAdapter {
  return {
    name,
    scope: 'collection',
    ...(select ? { select } : {}),
    render: ({ articles }) => [{ path, contents: articles.map((article) => article.slug).join(','), mediaType: 'text/plain' }],
  };
}

describe('the collection step in convert', () => {
  it('renders exactly what `select` picked', async () => {
    const onlyA = listing('only-a', 'a.txt', ({ articles }) => articles.filter((article) => article.slug === 'a'));
    const result = await convert(inputs(), { ...options, formats: [onlyA, listing('all', 'all.txt')] });
    expect(result.outputs.map((output) => [output.path, output.contents])).toEqual([
      ['a.txt', 'a'],
      ['all.txt', 'a,b'],
    ]);
  });

  it('gives `select` the articles without bodies', async () => {
    let seen: unknown[] = [];
    const spy = listing('spy', 'spy.txt', ({ articles }) => {
      seen = articles.map((article) => 'body' in article);
      return articles;
    });
    await convert(inputs(), { ...options, formats: [spy] });
    expect(seen).toEqual([false, false]);
  });

  it('reports a failed `select` as select-failed and writes nothing for it', async () => {
    const broken = listing('broken', 'broken.txt', () => {
      throw new Error('no picking today');
    });
    const result = await convert(inputs(), { ...options, formats: [broken, listing('all', 'all.txt')] });
    expect(result.outputs.map((output) => output.path)).toEqual(['all.txt']);
    expect(result.failed.map((file) => file.messages.map((message) => formatMessage(message)))).toEqual([
      ['broken:1:1: error Adapter `broken` failed to select articles: no picking today [select-failed]'],
    ]);
  });

  it('reports two producers of one path as output-path-taken', async () => {
    const result = await convert(inputs(), { ...options, formats: [listing('first', 'same.txt'), listing('second', 'same.txt')] });
    expect(result.outputs.map((output) => output.path)).toEqual(['same.txt']);
    expect(result.failed.map((file) => file.messages.map((message) => message.ruleId))).toEqual([['output-path-taken']]);
  });

  it('reports an ingester that throws as ingester-failed, on that file only', async () => {
    const crashing: Ingester = {
      ...lineIngester,
      ingest: (context) => {
        if (context.text.includes('Bee')) throw new Error('boom');
        return lineIngester.ingest(context);
      },
    };
    const headlines: Adapter = {
      name: 'h',
      scope: 'article',
      render: ({ article }) => [{ path: `${article.slug}.h`, contents: '', mediaType: 'text/plain' }],
    };
    const result = await convert(inputs(), { ingesters: [crashing], root: '/site', formats: [headlines] });
    expect(result.outputs.map((output) => output.path)).toEqual(['a.h']);
    expect(result.failed.map((file) => file.messages.map((message) => formatMessage(message)))).toEqual([
      ['/site/b.txt:1:1: error The line ingester failed: boom [ingester-failed]'],
    ]);
  });
});

describe('a `select` that returns the wrong thing', () => {
  it('is select-failed when it returns copies or no array, and that adapter renders nothing', async () => {
    const copies = listing('copies', 'copies.txt', ({ articles }) => articles.map((article) => ({ ...article })));
    const nothing = listing('nothing', 'nothing.txt', () => undefined as unknown as []);
    const result = await convert(inputs(), { ...options, formats: [copies, nothing, listing('all', 'all.txt')] });
    expect(result.outputs.map((output) => output.path)).toEqual(['all.txt']);
    expect(result.failed.map((file) => file.messages.map((message) => formatMessage(message)))).toEqual([
      [
        'copies:1:1: error Adapter `copies` returned an article that is not one of those it was given (return the objects from `articles`, not copies) [select-failed]',
      ],
      ['nothing:1:1: error Adapter `nothing` returned undefined, not an array of the articles it was given [select-failed]'],
    ]);
  });
});
