import { convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { rssAdapter, toRfc822 } from '@syndikit/rss';
import { convertFixtures } from '@syndikit/testkit';
import { parseStrict } from '@syndikit/testkit/feeds';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

describe('feed options', () => {
  it('writes per-section and per-tag feeds holding only their articles', async () => {
    const result = await convertFixtures({ formats: [rssAdapter({ sections: true, tags: true, limit: 2 })] });
    const paths = result.outputs.map((file) => file.path);
    expect(paths).toContain('sections/politics/feed.xml');
    expect(paths).toContain('tags/infrastructure/feed.xml');
    const politics = String(result.outputs.find((file) => file.path === 'sections/politics/feed.xml')?.contents);
    expect(politics).toContain('<title>The Syndikit Gazette: Politics</title>');
    expect(politics).toContain('<?xml-stylesheet type="text/xsl" href="../../rss.xsl"?>');
    const items = parseStrict(politics).elements.filter((element) => element.name === 'item');
    expect(items).toHaveLength(2);
    const main = String(result.outputs.find((file) => file.path === 'feed.xml')?.contents);
    expect(parseStrict(main).elements.filter((element) => element.name === 'item')).toHaveLength(2);
  });

  it('advertises a WebSub hub and a custom stylesheet', async () => {
    const result = await convertFixtures({ formats: [rssAdapter({ hub: 'https://hub.example/', stylesheet: '/styles/feed.xsl' })] });
    const rss = String(result.outputs.find((file) => file.path === 'feed.xml')?.contents);
    expect(rss).toContain('<atom:link href="https://hub.example/" rel="hub" />');
    expect(rss).toContain('href="/styles/feed.xsl"');
    expect(result.outputs.map((file) => file.path)).toEqual(['feed.xml']);
  });

  it('links no stylesheet when asked for none', async () => {
    const result = await convertFixtures({ formats: [rssAdapter({ stylesheet: false })] });
    expect(result.outputs.map((file) => file.path)).toEqual(['feed.xml']);
    expect(String(result.outputs[0]?.contents)).not.toContain('xml-stylesheet');
  });

  it('fails the feed with a clear error without a site URL', async () => {
    const result = await convert(new VFile({ path: '/a.md', value: '---\ntitle: T\ndate: 2024-01-01\n---\n\nB\n' }), {
      ingesters: [markdownIngester()],
      formats: [rssAdapter()],
    });
    expect(result.outputs).toEqual([]);
    expect(result.failed.map((file) => file.messages.map((message) => `${message.reason} [${message.ruleId}]`))).toEqual([
      ['RSS needs the site URL (`site.url` in the config, or --site-url): every channel must link to its site [feed-no-site-url]'],
    ]);
  });

  it('rejects bad options with what was expected and what arrived', () => {
    expect(() => rssAdapter({ limit: 0 })).toThrow(
      new TypeError('Expected a positive integer for rss option `limit` but received 0 of type number'),
    );
    expect(() => rssAdapter({ hub: 'ftp://x' })).toThrow(
      new TypeError('Expected an absolute http(s) URL for rss option `hub` but received "ftp://x" of type string'),
    );
    expect(() => rssAdapter({ sections: 'yes' as never })).toThrow(
      new TypeError('Expected a boolean for rss option `sections` but received "yes" of type string'),
    );
  });
});

describe('toRfc822', () => {
  it('keeps the offset and a four-digit year', () => {
    expect(toRfc822('2024-01-04T13:01:40-05:00')).toBe('Thu, 04 Jan 2024 13:01:40 -0500');
    expect(toRfc822('2024-02-29T00:00:00Z')).toBe('Thu, 29 Feb 2024 00:00:00 +0000');
    expect(() => toRfc822('2024-02-30T00:00:00Z')).toThrow(TypeError);
  });

  it('never writes a year before 1000 as two digits or as 19xx: it refuses it', () => {
    expect(toRfc822('1000-06-15T10:00:00Z')).toBe('Sun, 15 Jun 1000 10:00:00 +0000');
    expect(() => toRfc822('0050-06-15T10:00:00Z')).toThrow(
      'Expected an RFC 3339 date-time with an offset but received "0050-06-15T10:00:00Z" (`0050-06-15T10:00:00Z` has the year 50: years before 1000 are not accepted)',
    );
  });
});
