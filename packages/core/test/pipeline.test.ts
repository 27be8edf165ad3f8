import { type Adapter, type AdapterFactory, convert, createRegistry, formatMessage } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { textIngester } from './helpers.js';

const story = (name: string, title: string, date: string) =>
  new VFile({ path: `/site/${name}.txt`, value: `${title}\ndate: ${date}\n\nBody of ${title}.\n` });
const ingesters = [textIngester];

/** A user's adapter, written in a few lines. */
const headlines: Adapter = {
  name: 'headlines',
  scope: 'article',
  render: ({ article }) => [{ path: `headlines/${article.slug}.txt`, contents: `${article.headline}\n`, mediaType: 'text/plain' }],
};

describe('convert', () => {
  it('runs article and collection adapters in memory', async () => {
    const index: Adapter = {
      name: 'index',
      scope: 'collection',
      render: ({ articles }) => [
        { path: 'index.txt', contents: articles.map((article) => article.slug).join('\n'), mediaType: 'text/plain' },
      ],
    };
    const result = await convert([story('b', 'Bee', '2024-01-02'), story('a', 'Ay', '2024-01-01')], {
      formats: [headlines, index],
      root: '/site',
      ingesters,
    });
    expect(result.outputs).toEqual([
      { path: 'headlines/a.txt', contents: 'Ay\n', mediaType: 'text/plain' },
      { path: 'headlines/b.txt', contents: 'Bee\n', mediaType: 'text/plain' },
      { path: 'index.txt', contents: 'b\na', mediaType: 'text/plain' },
    ]);
  });

  it('resolves format names through a registry, with adapter options', async () => {
    const shout: AdapterFactory<{ suffix?: string }> = (options) => ({
      name: 'shout',
      scope: 'article',
      render: ({ article }) => [
        {
          path: `shout/${article.slug}.txt`,
          contents: article.headline.toUpperCase() + (options?.suffix ?? ''),
          mediaType: 'text/plain',
        },
      ],
    });
    const registry = createRegistry({ shout });
    const result = await convert(story('a', 'Ay', '2024-01-01'), {
      registry,
      ingesters,
      formats: ['shout'],
      adapterOptions: { shout: { suffix: '!' } },
    });
    expect(result.outputs[0]?.contents).toBe('AY!');
  });

  it('fails only the article an adapter throws on', async () => {
    const picky: Adapter = {
      name: 'picky',
      scope: 'article',
      render: ({ article }) => {
        if (article.headline === 'Bad') throw new Error('cannot render this one');
        return [{ path: `picky/${article.slug}.txt`, contents: 'ok', mediaType: 'text/plain' }];
      },
    };
    const bad = story('bad', 'Bad', '2024-01-01');
    const result = await convert([bad, story('good', 'Good', '2024-01-01')], { ingesters, formats: [picky, headlines] });
    expect(result.outputs.map((output) => output.path)).toEqual(['headlines/good.txt', 'picky/good.txt']);
    expect(bad.messages.map((message) => formatMessage(message))).toEqual([
      '/site/bad.txt:1:1: error Adapter `picky` failed: cannot render this one [adapter-failed]',
    ]);
  });

  it('rejects output paths that leave the output folder', async () => {
    for (const path of ['../escape.txt', '/etc/passwd', 'a/../../b', 'a\\b', 'C:/x']) {
      const evil: Adapter = { name: 'evil', scope: 'article', render: () => [{ path, contents: 'x', mediaType: 'text/plain' }] };
      const file = story('a', 'Ay', '2024-01-01');
      const result = await convert(file, { ingesters, formats: [evil] });
      expect(result.outputs).toEqual([]);
      expect(file.messages[0]?.ruleId).toBe('output-path-unsafe');
    }
  });

  it('lets adapters report warnings with a place', async () => {
    const fussy: Adapter = {
      name: 'fussy',
      scope: 'article',
      render: ({ article, report }) => {
        report('Body is short', { ruleId: 'fussy-short', place: article.body.children[0] });
        return [];
      },
    };
    const file = story('a', 'Ay', '2024-01-01');
    await convert(file, { ingesters, formats: [fussy] });
    expect(file.messages.map((message) => formatMessage(message, 'a.txt'))).toEqual(['a.txt:4:1: warning Body is short [fussy-short]']);
  });

  it('prints a message once per article when several formats report it, keeping the first format', async () => {
    // Three formats that find the same problem in the same body, as AMP, the feeds and ninjs do when they sanitise it.
    const sanitizing = (name: string, scope: 'article' | 'collection'): Adapter =>
      scope === 'article'
        ? {
            name,
            scope,
            render: ({ article, report }) => {
              report('Removed `<script>`', { ruleId: 'test-removed', place: article.body.children[0] });
              report(`Left out of the ${name} output`, { ruleId: 'test-left-out' });
              return [];
            },
          }
        : {
            name,
            scope,
            render: ({ articles, report }) => {
              for (const article of articles) {
                report(article, 'Removed `<script>`', { ruleId: 'test-removed', place: article.body.children[0] });
                report(article, `Left out of the ${name} output`, { ruleId: 'test-left-out' });
                // An error is never dropped because a warning with the same words came first.
                report(article, 'Removed `<script>`', { ruleId: 'test-removed', place: article.body.children[0], severity: 'error' });
              }
              return [];
            },
          };
    const file = story('a', 'Ay', '2024-01-01');
    const other = story('b', 'Bee', '2024-01-02');
    await convert([file, other], {
      ingesters,
      formats: [sanitizing('amp', 'article'), sanitizing('ninjs', 'article'), sanitizing('rss', 'collection')],
    });
    expect(file.messages.map((message) => `${formatMessage(message, 'a.txt')} (${message.source})`)).toEqual([
      'a.txt:4:1: warning Removed `<script>` [test-removed] (syndikit:amp)',
      'a.txt:1:1: warning Left out of the amp output [test-left-out] (syndikit:amp)',
      'a.txt:1:1: warning Left out of the ninjs output [test-left-out] (syndikit:ninjs)',
      'a.txt:1:1: warning Left out of the rss output [test-left-out] (syndikit:rss)',
      'a.txt:4:1: error Removed `<script>` [test-removed] (syndikit:rss)',
    ]);
    // Each article keeps its own.
    expect(other.messages.filter((message) => message.ruleId === 'test-removed' && message.fatal === false)).toHaveLength(1);
  });

  it("runs users' unified plugins on the body", async () => {
    const upper = () => (tree: { children: Array<{ type: string; children?: Array<{ value?: string }> }> }) => {
      for (const node of tree.children) for (const child of node.children ?? []) if (child.value) child.value = child.value.toUpperCase();
    };
    const result = await convert(story('a', 'Ay', '2024-01-01'), { ingesters, remarkPlugins: [upper] });
    expect(JSON.stringify(result.articles[0]?.body)).toContain('BODY OF AY.');
  });

  it('reads no format of its own: without ingesters, every input is reported', async () => {
    const file = new VFile({ path: '/site/a.md', value: '# A\n\nBody.\n' });
    const result = await convert(file, { root: '/site', formats: [headlines] });
    expect(result.articles).toEqual([]);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['no-ingester']);
  });

  it('throws a TypeError for API misuse', async () => {
    await expect(convert(story('a', 'A', '2024-01-01'), { ingesters, formats: ['nope'] })).rejects.toThrow(
      new TypeError('Expected a registry to look up format `nope` but received none'),
    );
    expect(() => createRegistry().create('rss')).toThrow(new TypeError('Unknown format `rss`; expected one of: (none registered)'));
    expect(() => createRegistry().register('Bad Name', () => headlines)).toThrow(
      new TypeError('Expected a kebab-case format name but received "Bad Name"'),
    );
  });
});
