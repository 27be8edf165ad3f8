import { convert, formatMessage } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { rssAdapter } from '@syndikit/rss';
import { fixtureSite, hostileArticles, manyArticles } from '@syndikit/testkit';
import { htmlUrls, parseStrict, parseWithReaders } from '@syndikit/testkit/feeds';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const hostile = hostileArticles();
const files = Object.entries(hostile).map(([name, value]) => new VFile({ path: `/hostile/${name}.md`, value }));
const result = await convert(files, { ingesters: [markdownIngester()], root: '/hostile', site: fixtureSite, formats: [rssAdapter()] });
const output = (path: string) => String(result.outputs.find((file) => file.path === path)?.contents ?? '');

describe('hostile input in feeds', () => {
  it('still gives well-formed feeds', () => {
    expect(() => parseStrict(output('feed.xml'))).not.toThrow();
  });

  it('removes characters XML forbids, warning with the article and field', () => {
    const messages = files.flatMap((file) => file.messages.map((message) => formatMessage(message)));
    expect(messages).toContain(
      '/hostile/control-characters.md:1:1: warning Removed 3 characters not allowed in XML from item/title in the rss feed [xml-invalid-character]',
    );
    expect(output('feed.xml')).toContain('<title>Control  char  in title </title>');
  });

  it('keeps markup characters in every field as text', async () => {
    const { rowan } = await parseWithReaders(output('feed.xml'));
    expect(rowan.items.find((entry) => entry.title?.startsWith('A <title>'))?.title).toBe('A <title> & "quotes" ]]> here');
    const rss = parseStrict(output('feed.xml')).elements;
    expect(rss.filter((element) => element.name === 'category').map((element) => element.text)).toContain('News & <Views>');
  });

  it('removes script, event handlers, styles, forms and unsafe URLs from content', () => {
    const content = parseStrict(output('feed.xml'))
      .elements.filter((element) => element.name === 'content:encoded')
      .map((element) => element.text)
      .join('\n');
    expect(content).not.toMatch(/<script|onerror|<style|<form|<input|<object|<embed|<iframe|<svg|javascript:|vbscript:|data:/i);
    for (const url of htmlUrls(content)) expect(url).toMatch(/^https?:/);
    expect(content).toContain('<a href="https://news.example/other/">rel</a>');
    const reported = files.find((file) => file.path.includes('javascript-links'))?.messages.map((message) => message.ruleId);
    expect(reported).toEqual(expect.arrayContaining(['html-url-removed', 'html-attribute-removed', 'html-element-removed']));
  });

  it('leaves undated articles out with a warning, and keeps headline-only articles', () => {
    const undated = files.find((file) => file.path.includes('no-date'));
    expect(undated?.messages.map((message) => message.reason)).toContain('Article has no date, so it is left out of the rss feed');
    expect(output('feed.xml')).not.toContain('Undated');
    expect(output('feed.xml')).toContain('<title>Headline only, no body</title>');
  });

  it('carries 10,000 items', async () => {
    const many = await convert(manyArticles(10_000), {
      ingesters: [markdownIngester()],
      root: '/generated',
      site: fixtureSite,
      formats: [rssAdapter({ limit: 10_000 })],
    });
    const xml = String(many.outputs.find((file) => file.path === 'feed.xml')?.contents);
    expect(parseStrict(xml).elements.filter((element) => element.name === 'item')).toHaveLength(10_000);
  }, 120_000);
});
