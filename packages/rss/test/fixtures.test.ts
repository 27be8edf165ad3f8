import type { Article } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { rssAdapter } from '@syndikit/rss';
import { convertFixtures } from '@syndikit/testkit';
import { htmlUrls, parseStrict, parseWithReaders } from '@syndikit/testkit/feeds';
import { describe, expect, it } from 'vitest';

const result = await convertFixtures({ formats: [rssAdapter()] });
const output = (path: string) => String(result.outputs.find((file) => file.path === path)?.contents ?? '');
const newestFirst = [...result.articles].sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? ''));
const byUrl = new Map<string, Article>(result.articles.map((article) => [article.url as string, article]));

describe('RSS from the fixtures', () => {
  it('writes feed.xml and its stylesheet, with no warnings', () => {
    expect(result.outputs.map((file) => file.path)).toEqual(['feed.xml', 'rss.xsl']);
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('is well-formed XML 1.0 under a strict parser', () => {
    for (const path of ['feed.xml', 'rss.xsl']) expect(() => parseStrict(output(path))).not.toThrow();
  });

  it('reads back through two independent feed readers with every item matching its article', async () => {
    const { rowan, rssParser } = await parseWithReaders(output('feed.xml'));
    expect(rowan.items.map((item) => item.url)).toEqual(newestFirst.map((article) => article.url));
    expect(rssParser.items.map((item) => item.link)).toEqual(newestFirst.map((article) => article.url));
    for (const [index, item] of rowan.items.entries()) {
      const article = byUrl.get(item.url as string) as Article;
      expect(item.title).toBe(article.headline);
      expect(item.published?.getTime()).toBe(Date.parse(article.published as string));
      // Every author, then (for several) the whole byline in one line, which single-author readers show.
      const names = article.authors.map((author) => author.name);
      const byline = names.length > 1 ? [new Intl.ListFormat(article.language ?? 'en', { type: 'conjunction' }).format(names)] : [];
      expect(item.authors.map((author) => author.name)).toEqual([...names, ...byline]);
      // RSS readers take content:encoded or the description.
      expect(`${item.content} ${item.description}`).toContain(firstWords(article));
      const other = rssParser.items[index];
      expect(other?.title).toBe(article.headline);
      expect(Date.parse(other?.isoDate ?? '')).toBe(Date.parse(article.published as string));
      expect(`${other?.['content:encoded'] ?? ''} ${other?.content ?? ''}`).toContain(firstWords(article));
    }
  });

  it('dates the channel from the newest article, never the clock', () => {
    expect(output('feed.xml')).toContain('<lastBuildDate>Sun, 01 Dec 2024 20:00:00 +0200</lastBuildDate>');
  });

  it('uses <author> only for a single author with an email, dc:creator otherwise', () => {
    const items = parseStrict(output('feed.xml')).elements;
    const authors = items.filter((element) => element.name === 'author').map((element) => element.text);
    expect(authors).toEqual(['rosa.delgado@news.example (Rosa Delgado)', 'oksana.melnyk@wire.example (Oksana Melnyk)']);
    const creators = items.filter((element) => element.name === 'dc:creator').map((element) => element.text);
    expect(creators).toEqual(expect.arrayContaining(['Dana Whitcomb', 'Luis Ferreira', 'Priya Raman', 'Northwind Quantum, Inc.']));
    // After one dc:creator per author, one with the whole byline: feedparser's single author is the last.
    expect(creators).toContain('Dana Whitcomb and Luis Ferreira');
    expect(creators).not.toContain('Rosa Delgado');
    expect(creators).not.toContain('Oksana Melnyk');
  });

  it('without the images format, a local photo has no URL (its source is never published)', () => {
    expect(output('feed.xml')).not.toMatch(/<enclosure|<media:content/);
  });

  it('gives the lead image rendition as an enclosure with its real byte length and type, and as Media RSS', async () => {
    const built = await convertFixtures({
      formats: [imagesAdapter({ widths: [320, 1024], formats: ['jpeg'], cacheDir: false }), rssAdapter()],
    });
    const files = new Map(built.outputs.map((file) => [file.path, file.contents]));
    const { elements } = parseStrict(String(files.get('feed.xml')));
    const enclosure = elements.find(
      (element) => element.name === 'enclosure' && /\/images\/harbor-bridge-/.test(element.attributes.url ?? ''),
    );
    const path = enclosure?.attributes.url?.replace('https://news.example/', '') ?? '';
    expect(path).toMatch(/^images\/harbor-bridge-[0-9a-f]{10}-1024\.jpg$/);
    expect(enclosure?.attributes).toEqual({
      url: `https://news.example/${path}`,
      length: String((files.get(path) as Uint8Array).byteLength),
      type: 'image/jpeg',
    });
    const media = elements.find(
      (element) => element.name === 'media:content' && /\/images\/rail-picket-[0-9a-f]{10}-800\.jpg$/.test(element.attributes.url ?? ''),
    );
    expect(media?.attributes).toMatchObject({ medium: 'image', type: 'image/jpeg', width: '800', height: '1000' });
    const index = elements.indexOf(media as never);
    expect(elements[index + 1]).toMatchObject({
      name: 'media:description',
      text: 'Union members picket outside Piccadilly station in Manchester, England, Tuesday, Oct. 15, 2024.',
    });
    expect(elements[index + 2]).toMatchObject({ name: 'media:credit', text: 'AP Photo/Sam Whitfield' });
  });

  it('uses the stable article id as a non-permalink guid', () => {
    const guids = parseStrict(output('feed.xml')).elements.filter((element) => element.name === 'guid');
    expect(guids.map((guid) => guid.text).sort()).toEqual(result.articles.map((article) => article.id).sort());
    expect(guids.every((guid) => guid.attributes.isPermaLink === 'false')).toBe(true);
  });

  it('makes every URL in the content absolute and drops frames', () => {
    for (const element of parseStrict(output('feed.xml')).elements.filter((element) => element.name === 'content:encoded')) {
      for (const url of htmlUrls(element.text)) expect(url).toMatch(/^(https?:|mailto:)/);
      expect(element.text).not.toContain('<iframe');
    }
    expect(output('feed.xml')).toContain('&#x3C;a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">Rehearsal stream&#x3C;/a>');
  });

  it('links the stylesheet and self URL', () => {
    expect(output('feed.xml')).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="rss.xsl"\?>\n<rss /,
    );
    expect(output('feed.xml')).toContain('<atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml" />');
  });

  it('marks articles in another language than the site', () => {
    expect(output('feed.xml')).toContain('<dc:language>ar</dc:language>');
  });

  it('is deterministic', async () => {
    const again = await convertFixtures({ formats: [rssAdapter()] });
    expect(again.outputs).toEqual(result.outputs);
  });
});

function firstWords(article: Article): string {
  const first = article.body.children.find((node) => node.type === 'paragraph');
  const text = first && 'children' in first ? first.children.map((child) => ('value' in child ? child.value : '')).join('') : '';
  return text.split(/\s+/).slice(0, 6).join(' ');
}
