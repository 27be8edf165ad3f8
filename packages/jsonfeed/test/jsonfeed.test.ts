import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Article, convert } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { type JsonFeed, jsonFeedAdapter } from '@syndikit/jsonfeed';
import { markdownIngester } from '@syndikit/markdown';
import { captionOnlyMarkdown, convertFixtures, fixtureSite, hostileArticles, manyArticles } from '@syndikit/testkit';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('jsonfeed-schema/schema-v1.1.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validate = ajv.compile(schema);

function feedOf(outputs: Array<{ path: string; contents: string | Uint8Array }>, path = 'feed.json'): JsonFeed {
  return JSON.parse(String(outputs.find((file) => file.path === path)?.contents));
}

const result = await convertFixtures({ formats: [jsonFeedAdapter()] });
const feed = feedOf(result.outputs);
const byId = new Map<string, Article>(result.articles.map((article) => [article.id, article]));

describe('JSON Feed 1.1 from the fixtures', () => {
  it('is valid against the published JSON Feed 1.1 schema', () => {
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('is version 1.1 with authors, never the deprecated author', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(JSON.stringify(feed)).not.toContain('"author"');
    expect(feed.items.find((item) => item.title.startsWith('Harbor'))?.authors).toEqual([
      { name: 'Dana Whitcomb', url: 'https://news.example/staff/dana-whitcomb' },
      { name: 'Luis Ferreira', url: 'https://news.example/staff/luis-ferreira' },
    ]);
  });

  it('has the site metadata and a self URL', () => {
    expect(feed).toMatchObject({
      title: fixtureSite.title,
      home_page_url: 'https://news.example/',
      feed_url: 'https://news.example/feed.json',
      description: fixtureSite.description,
      language: 'en',
    });
  });

  it('carries every article newest first, matching title, link, dates and content', () => {
    const dates = feed.items.map((item) => Date.parse(item.date_published));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(feed.items).toHaveLength(result.articles.length);
    for (const item of feed.items) {
      const article = byId.get(item.id) as Article;
      expect(item.title).toBe(article.headline);
      expect(item.url).toBe(article.url);
      expect(item.date_published).toBe(article.published);
      expect(item.date_modified).toBe(article.updated ?? article.published);
      expect(item.content_html).toMatch(/^<(p|figure)/);
      expect(item.content_text.length).toBeGreaterThan(40);
      expect(item.content_text).not.toMatch(/<[a-z]/);
    }
  });

  it('without the images format, a local photo has no URL (its source is never published)', () => {
    expect(feed.items.find((item) => item.title.startsWith('Harbor'))?.image).toBeUndefined();
  });

  it('gives the lead image rendition and attachments with real sizes', async () => {
    const built = await convertFixtures({
      formats: [imagesAdapter({ widths: [320, 1024], formats: ['jpeg'], cacheDir: false }), jsonFeedAdapter()],
    });
    const files = new Map(built.outputs.map((file) => [file.path, file.contents]));
    const harbor = (JSON.parse(String(files.get('feed.json'))) as JsonFeed).items.find((item) => item.title.startsWith('Harbor'));
    const path = harbor?.image?.replace('https://news.example/', '') ?? '';
    expect(path).toMatch(/^images\/harbor-bridge-[0-9a-f]{10}-1024\.jpg$/);
    expect(harbor?.attachments).toEqual([
      {
        url: `https://news.example/${path}`,
        mime_type: 'image/jpeg',
        title: 'The Casco Street drawbridge rises for a fishing boat in Portland, Maine, on Monday, March 11, 2024.',
        size_in_bytes: (files.get(path) as Uint8Array).byteLength,
      },
    ]);
  });

  it('gives every item its language (the site language when the article has none)', () => {
    expect(feed.items.find((item) => item.title.startsWith('Bundestag'))?.language).toBe('de');
    expect(feed.items.find((item) => item.title.startsWith('Harbor'))?.language).toBe('en');
  });
});

describe('JSON Feed from hostile input', () => {
  it('stays valid and safe', async () => {
    const files = Object.entries(hostileArticles()).map(([name, value]) => new VFile({ path: `/hostile/${name}.md`, value }));
    const hostile = await convert(files, {
      ingesters: [markdownIngester()],
      root: '/hostile',
      site: fixtureSite,
      formats: [jsonFeedAdapter({ sections: true })],
    });
    for (const output of hostile.outputs) {
      const document = JSON.parse(String(output.contents));
      expect(validate(document), `${output.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const html = document.items.map((item: { content_html?: string }) => item.content_html ?? '').join('\n');
      expect(html).not.toMatch(/<script|onerror|javascript:|vbscript:|data:|<iframe|<style|<form/i);
    }
    const markup = feedOf(hostile.outputs).items.find((item) => item.title.startsWith('A <title>'));
    expect(markup?.title).toBe('A <title> & "quotes" ]]> here');
    expect(markup?.tags).toEqual(['News & <Views>', 'a<b', 'c&d', '"e"']);
    expect(hostile.outputs.map((output) => output.path)).toContain('sections/news-views/feed.json');
  });

  it('carries 10,000 items', async () => {
    const many = await convert(manyArticles(10_000), {
      ingesters: [markdownIngester()],
      root: '/generated',
      site: fixtureSite,
      formats: [jsonFeedAdapter({ limit: 10_000 })],
    });
    const document = feedOf(many.outputs);
    expect(validate(document)).toBe(true);
    expect(document.items).toHaveLength(10_000);
    expect(document.items[0]?.title).toBe('Generated article 9999');
  }, 120_000);

  it('rejects bad options', () => {
    expect(() => jsonFeedAdapter({ limit: 2.5 })).toThrow(
      new TypeError('Expected a positive integer for jsonfeed option `limit` but received 2.5 of type number'),
    );
  });
});

describe('a photo known only by its caption and credit (no file)', async () => {
  const file = new VFile({ path: '/site/ferry.md', value: captionOnlyMarkdown });
  const converted = await convert(file, {
    ingesters: [markdownIngester()],
    root: '/site',
    site: fixtureSite,
    formats: [jsonFeedAdapter()],
  });
  const feed = JSON.parse(String(converted.outputs.find((output) => output.path.endsWith('.json'))?.contents)) as JsonFeed;

  it('gives the item no image and no attachment; its HTML keeps the caption and credit', () => {
    const [item] = feed.items;
    expect(item?.image).toBeUndefined();
    expect(item?.attachments).toBeUndefined();
    expect(item?.content_html).toContain(
      '<figcaption>Crew members coil mooring lines on the ferry deck. <small class="credit">Tove Lund</small></figcaption>',
    );
    expect(file.messages).toEqual([]);
  });
});
