import {
  type Adapter,
  type ArticleFields,
  type CollectionAdapter,
  convert,
  type Ingester,
  publishable,
  unpublishedReason,
} from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/** `headline|status|embargoed` on one line; the slug comes from the file name. */
const statusIngester: Ingester = {
  name: 'status-line',
  extensions: ['.txt'],
  ingest: ({ text, articlePath }) => {
    const [headline = '', status, embargoed] = text.trim().split('|');
    const fields: ArticleFields = { headline, published: '2024-01-01T00:00:00Z', authors: [], tags: [], images: [] };
    if (status) fields.status = status as ArticleFields['status'];
    if (embargoed) fields.embargoed = embargoed;
    return {
      fields,
      body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: headline }] }] },
      slugHint: articlePath.replace(/\.txt$/, ''),
    };
  },
};

const inputs = () => [
  new VFile({ path: '/site/open.txt', value: 'Open|usable|' }),
  new VFile({ path: '/site/later.txt', value: 'Later||2099-01-01T00:00:00Z' }),
  new VFile({ path: '/site/held.txt', value: 'Held|withheld|' }),
  new VFile({ path: '/site/released.txt', value: 'Released||2024-06-01T00:00:00Z' }),
];
const now = '2025-01-01T00:00:00Z';

/** What every hook of a set of user adapters was given, by adapter and hook. */
function spies() {
  const seen: Record<string, string[]> = {};
  /** Note the slugs a hook got, and give back what the hook returns. */
  const saw = <T>(key: string, articles: readonly { slug: string }[], result: T): T => {
    seen[key] = [...(seen[key] ?? []), ...articles.map((article) => article.slug)];
    return result;
  };
  // A user's plain-text export: no status check of its own.
  const text: Adapter = {
    name: 'text',
    scope: 'article',
    prepare: ({ article }) => saw('text.prepare', [article], []),
    render: ({ article }) =>
      saw('text.render', [article], [{ path: `text/${article.slug}.txt`, contents: article.headline, mediaType: 'text/plain' }]),
  };
  // A user's sitemap: picks from every article it is given.
  const sitemap: CollectionAdapter = {
    name: 'sitemap',
    scope: 'collection',
    select: ({ articles }) => saw('sitemap.select', articles, articles),
    render: ({ articles }) =>
      saw('sitemap.render', articles, [
        { path: 'sitemap.txt', contents: articles.map((article) => article.slug).join('\n'), mediaType: 'text/plain' },
      ]),
  };
  // A collection without `select` gets every article it may see.
  const index: CollectionAdapter = { name: 'index', scope: 'collection', render: ({ articles }) => saw('index.render', articles, []) };
  const archive: Adapter = {
    name: 'archive',
    scope: 'article',
    unpublished: 'include',
    render: ({ article }) => saw('archive.render', [article], []),
  };
  const archiveList: CollectionAdapter = {
    name: 'archive-list',
    scope: 'collection',
    unpublished: 'include',
    select: ({ articles }) => saw('archive-list.select', articles, articles),
    render: ({ articles }) => saw('archive-list.render', articles, []),
  };
  return { seen, formats: [text, sitemap, index, archive, archiveList] };
}

describe('publishable and unpublishedReason', () => {
  it('is a boolean, so that filter keeps exactly the publishable articles', () => {
    const articles = [
      {},
      { status: 'withheld' as const },
      { status: 'canceled' as const },
      { embargoed: '2099-01-01T00:00:00Z' },
      { embargoed: '2024-01-01T00:00:00Z' },
    ];
    expect(articles.filter((article) => publishable(article, now))).toEqual([{}, { embargoed: '2024-01-01T00:00:00Z' }]);
    expect(articles.map((article) => unpublishedReason(article, now))).toEqual([
      undefined,
      'its status is withheld',
      'its status is canceled',
      'it is embargoed until 2099-01-01T00:00:00Z',
      undefined,
    ]);
  });
});

describe('unpublished articles in convert', () => {
  it('never reach an adapter that did not opt in; one that did gets them', async () => {
    const { seen, formats } = spies();
    const result = await convert(inputs(), { ingesters: [statusIngester], root: '/site', formats, now });
    expect(seen).toEqual({
      'text.prepare': ['open', 'released'],
      'text.render': ['open', 'released'],
      'archive.render': ['open', 'later', 'held', 'released'],
      'sitemap.select': ['open', 'released'],
      'sitemap.render': ['open', 'released'],
      'index.render': ['open', 'released'],
      'archive-list.select': ['open', 'later', 'held', 'released'],
      'archive-list.render': ['open', 'later', 'held', 'released'],
    });
    expect(result.outputs.map((output) => output.path)).toEqual(['sitemap.txt', 'text/open.txt', 'text/released.txt']);
  });

  it('says once per article which formats left it out, and why', async () => {
    const { formats } = spies();
    const result = await convert(inputs(), { ingesters: [statusIngester], root: '/site', formats, now });
    const messages = result.files.flatMap((file) =>
      file.messages.map((message) => `${file.basename}: ${message.reason} [${message.ruleId}]`),
    );
    expect(messages).toEqual([
      'later.txt: Not published in text, sitemap, index: it is embargoed until 2099-01-01T00:00:00Z [not-published]',
      'held.txt: Not published in text, sitemap, index: its status is withheld [not-published]',
    ]);
  });

  it('says nothing when every adapter opts in', async () => {
    const { formats } = spies();
    const optedIn = formats.filter((adapter) => adapter.unpublished === 'include');
    const result = await convert(inputs(), { ingesters: [statusIngester], root: '/site', formats: optedIn, now });
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
  });

  it('rejects an opt-in it does not know', async () => {
    const odd = { name: 'odd', scope: 'article', unpublished: 'yes', render: () => [] } as unknown as Adapter;
    await expect(convert(inputs(), { ingesters: [statusIngester], root: '/site', formats: [odd], now })).rejects.toThrow(
      "Expected `unpublished` of adapter `odd` to be 'include', 'hide' or undefined but received \"yes\"",
    );
  });
});
