import { type Adapter, type CollectionRenderContext, convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { type FeedPlan, feedImage, planFeeds, resolveFeedOptions } from '@syndikit/syndication';
import { fixtureSite } from '@syndikit/testkit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const story = (name: string, front: string) =>
  new VFile({ path: `/s/${name}.md`, value: `---\ntitle: ${name}\n${front}\n---\n\nBody of ${name}.\n` });

/** Plan feeds through a collection adapter, as the feed formats do. */
async function plan(
  files: VFile[],
  options: Parameters<typeof resolveFeedOptions>[1] = {},
): Promise<{ plans: FeedPlan[]; files: VFile[] }> {
  let plans: FeedPlan[] = [];
  const probe: Adapter = {
    name: 'probe',
    scope: 'collection',
    render: (context: CollectionRenderContext) => {
      plans = planFeeds(context, resolveFeedOptions('probe', options), 'feed.xml', 'probe');
      return [];
    },
  };
  const result = await convert(files, {
    ingesters: [markdownIngester()],
    root: '/s',
    site: fixtureSite,
    formats: [probe],
    now: '2025-01-01T00:00:00Z',
  });
  return { plans, files: result.files };
}

describe('planFeeds', () => {
  it('orders items newest first by publication, and dates the feed by the newest update', async () => {
    const { plans } = await plan([
      story('old', 'published: 2024-01-01T00:00:00Z\nupdated: 2024-06-01T00:00:00Z'),
      story('new', 'published: 2024-03-01T00:00:00+02:00'),
      story('mid', 'published: 2024-02-01T00:00:00Z'),
    ]);
    expect(plans.map((feed) => feed.path)).toEqual(['feed.xml']);
    expect(plans[0]?.items.map((item) => item.article.headline)).toEqual(['new', 'mid', 'old']);
    expect(plans[0]?.updated).toBe('2024-06-01T00:00:00Z');
    expect(plans[0]?.selfUrl).toBe('https://news.example/feed.xml');
  });

  it('never gets withheld, canceled or embargoed articles (the pipeline hides them and says why once); a passed embargo is published', async () => {
    const { plans, files } = await plan([
      story('held', 'date: 2024-01-01\nstatus: withheld'),
      story('killed', 'date: 2024-01-02\npubstatus: canceled'),
      story('embargoed', 'date: 2024-01-03\nembargoed: 2031-01-01T00:00:00Z'),
      story('released', 'date: 2024-01-04\nembargoed: 2024-01-04T06:00:00Z'),
    ]);
    expect(plans[0]?.items.map((item) => item.article.headline)).toEqual(['released']);
    expect(files.map((file) => file.messages.map((message) => `${message.reason} [${message.ruleId}]`))).toEqual([
      ['Not published in probe: its status is withheld [not-published]'],
      ['Not published in probe: its status is canceled [not-published]'],
      ['Not published in probe: it is embargoed until 2031-01-01T00:00:00Z [not-published]'],
      [],
    ]);
  });

  it('limits items and leaves undated articles out with a warning', async () => {
    const { plans, files } = await plan([story('a', 'date: 2024-01-01'), story('b', 'date: 2024-01-02'), story('undated', '')], {
      limit: 1,
    });
    expect(plans[0]?.items.map((item) => item.article.headline)).toEqual(['b']);
    expect(files[2]?.messages.map((message) => `${message.reason} [${message.ruleId}]`)).toEqual([
      'Article has no date, so it is left out of the probe feed [feed-no-date]',
    ]);
  });

  it('makes section and tag feeds, keeping the first of two that share a path', async () => {
    const { plans, files } = await plan(
      [story('a', 'date: 2024-01-01\nsection: U.S.\ntags: [x]'), story('b', 'date: 2024-01-02\nsection: US\ntags: [x, y]')],
      { sections: true, tags: true },
    );
    expect(plans.map((feed) => [feed.path, feed.title, feed.items.map((item) => item.article.headline)])).toEqual([
      ['feed.xml', 'The Syndikit Gazette', ['b', 'a']],
      ['sections/u-s/feed.xml', 'The Syndikit Gazette: U.S.', ['a']],
      ['sections/us/feed.xml', 'The Syndikit Gazette: US', ['b']],
      ['tags/x/feed.xml', 'The Syndikit Gazette: x', ['b', 'a']],
      ['tags/y/feed.xml', 'The Syndikit Gazette: y', ['b']],
    ]);
    const { plans: colliding, files: collidingFiles } = await plan(
      [story('a', 'date: 2024-01-01\ntags: [C++]'), story('b', 'date: 2024-01-02\ntags: [c]')],
      { tags: true },
    );
    expect(colliding.map((feed) => feed.path)).toEqual(['feed.xml', 'tags/c/feed.xml']);
    expect(collidingFiles.at(-1)?.messages.map((message) => message.ruleId)).toEqual(['feed-path-collision']);
    expect(files).toHaveLength(2);
  });

  it('renders each article once as a feed item: sanitised HTML, text, summary, lead image', async () => {
    const { plans } = await plan([
      new VFile({
        path: '/s/a.md',
        value:
          '---\ntitle: A\ndate: 2024-01-01\nimage: {src: "https://cdn.example/lead.jpg", caption: "Cap (Photo: Jo)"}\n---\n\nText <script>x</script> [l](rel/).\n',
      }),
    ]);
    const item = plans[0]?.items[0];
    expect(item?.html).toBe('<p>Text  <a href="https://news.example/a/rel/">l</a>.</p>');
    expect(item?.text).toBe('Text  l.');
    expect(item?.summary).toBe('Text l.');
    expect(item?.image).toMatchObject({ url: 'https://cdn.example/lead.jpg', caption: 'Cap', credit: 'Jo' });
  });

  it('gives a local image without renditions no URL: the build never writes its source', () => {
    const image = { src: '/lead.jpg', caption: 'Cap', width: 800, height: 600 };
    expect(feedImage(image, 'https://news.example/a/')).toBeUndefined();
    const rendition = { src: '/images/lead-0123456789-640.jpg', width: 640, height: 480, mediaType: 'image/jpeg', bytes: 7 };
    expect(feedImage({ ...image, renditions: [rendition] }, 'https://news.example/a/')).toMatchObject({
      url: 'https://news.example/images/lead-0123456789-640.jpg',
      width: 640,
      height: 480,
      bytes: 7,
      caption: 'Cap',
    });
  });
});

describe('summaries', () => {
  it('carry no footnote markers or notes', async () => {
    const { plans } = await plan([
      new VFile({
        path: '/s/a.md',
        value: '---\ntitle: A\ndate: 2024-01-01\n---\n\nFigures from election offices[^1].\n\n[^1]: Preliminary.\n',
      }),
    ]);
    const item = plans[0]?.items[0];
    expect(item?.summary).toBe('Figures from election offices.');
    expect(item?.html).toContain('data-footnote-ref');
  });
});

describe('plain-text fields', () => {
  it('lose inline HTML tags, with a warning per field; a headline about <title> keeps its words', async () => {
    const { plans, files } = await plan([
      new VFile({
        path: '/s/a.md',
        value:
          '---\ntitle: "<b>Bold</b> move<br>by council"\nsection: "<i>Politics</i>"\ntags: [rail, "<em>news</em>"]\ndate: 2024-01-02\n---\n\nText.\n',
      }),
      new VFile({ path: '/s/b.md', value: '---\ntitle: "Why <title> matters & more"\ndate: 2024-01-01\n---\n\nText.\n' }),
    ]);
    const [first, second] = plans[0]?.items ?? [];
    expect(first?.title).toBe('Bold move by council');
    expect(first?.categories).toEqual(['Politics', 'rail', 'news']);
    expect(second?.title).toBe('Why <title> matters & more');
    expect(files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual([
      'html-markup-in-text',
      'html-markup-in-text',
      'html-markup-in-text',
    ]);
  });
});

describe('feed item ids', () => {
  it('are unique: a duplicate source id gets a derived id and a warning, the first published keeps its own', async () => {
    const article = (name: string, date: string, id = 'urn:agency:1') =>
      new VFile({ path: `/s/${name}.md`, value: `---\ntitle: ${name}\nid: ${id}\ndate: ${date}\n---\n\nText.\n` });
    const { plans, files } = await plan(
      [
        article('later', '2024-01-03'),
        article('first', '2024-01-01'),
        article('middle', '2024-01-02'),
        article('other', '2024-01-04', 'urn:agency:2'),
      ],
      { sections: false },
    );
    const ids = Object.fromEntries((plans[0]?.items ?? []).map((item) => [item.article.slug, item.id]));
    expect(ids).toEqual({
      first: 'urn:agency:1',
      middle: 'urn:agency:1/middle',
      later: 'urn:agency:1/later',
      other: 'urn:agency:2',
    });
    expect(files.flatMap((file) => file.messages.map((message) => [file.stem, message.ruleId]))).toEqual([
      ['later', 'feed-duplicate-id'],
      ['middle', 'feed-duplicate-id'],
    ]);
  });
});

describe('full content per item is capped', () => {
  const long = (name: string, paragraphs: number) =>
    new VFile({
      path: `/s/${name}.md`,
      value: `---\ntitle: ${name}\ndate: 2024-01-01\nsummary: Summary of ${name}.\n---\n\n${'A paragraph of forty bytes, more or less.\n\n'.repeat(paragraphs)}`,
    });

  it('leaves an item over maxContentBytes with its summary only, and says so', async () => {
    // 30 paragraphs are 30 × `<p>…</p>\n` = 1,470 bytes of HTML; 20 are 980.
    const { plans, files } = await plan([long('big', 30), long('small', 20)], { maxContentBytes: 1000 });
    const items = Object.fromEntries((plans[0]?.items ?? []).map((item) => [item.article.headline, item]));
    expect(items.big?.html).toBeUndefined();
    expect(items.big?.summary).toBe('Summary of big.');
    expect(items.small?.html).toContain('<p>A paragraph of forty bytes, more or less.</p>');
    expect(Buffer.byteLength(items.small?.html ?? '')).toBeLessThanOrEqual(1000);
    expect(files.map((file) => file.messages.map((message) => `${message.reason} [${message.ruleId}]`))).toEqual([
      [
        `Full content is ${Buffer.byteLength('<p>A paragraph of forty bytes, more or less.</p>\n'.repeat(30)) - 1} bytes of HTML, over the feed item limit of 1000; the item carries the summary only [feed-item-content-too-large]`,
      ],
      [],
    ]);
  });

  it('defaults to 1 MB and checks the option', async () => {
    expect(resolveFeedOptions('rss').maxContentBytes).toBe(1_000_000);
    expect(() => resolveFeedOptions('rss', { maxContentBytes: 0 })).toThrow(
      'Expected a positive integer for rss option `maxContentBytes` but received 0 of type number',
    );
    const { plans, files } = await plan([long('big', 30)]);
    expect(plans[0]?.items[0]?.html).toBeDefined();
    expect(files[0]?.messages).toEqual([]);
  });
});
