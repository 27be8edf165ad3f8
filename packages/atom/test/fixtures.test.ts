import { atomAdapter } from '@syndikit/atom';
import type { Article } from '@syndikit/core';
import { convertFixtures } from '@syndikit/testkit';
import { htmlUrls, parseStrict, parseWithReaders } from '@syndikit/testkit/feeds';
import { describe, expect, it } from 'vitest';

const result = await convertFixtures({ formats: [atomAdapter()] });
const output = (path: string) => String(result.outputs.find((file) => file.path === path)?.contents ?? '');
const newestFirst = [...result.articles].sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? ''));
const byUrl = new Map<string, Article>(result.articles.map((article) => [article.url as string, article]));

describe('Atom from the fixtures', () => {
  it('writes atom.xml and its stylesheet, with no warnings', () => {
    expect(result.outputs.map((file) => file.path)).toEqual(['atom.xml', 'atom.xsl']);
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('is well-formed XML 1.0 under a strict parser', () => {
    for (const path of ['atom.xml', 'atom.xsl']) expect(() => parseStrict(output(path))).not.toThrow();
  });

  it('reads back through two independent feed readers with every entry matching its article', async () => {
    const { rowan, rssParser } = await parseWithReaders(output('atom.xml'));
    expect(rowan.items.map((item) => item.url)).toEqual(newestFirst.map((article) => article.url));
    expect(rssParser.items.map((item) => item.link)).toEqual(newestFirst.map((article) => article.url));
    for (const [index, item] of rowan.items.entries()) {
      const article = byUrl.get(item.url as string) as Article;
      expect(item.title).toBe(article.headline);
      expect(item.published?.getTime()).toBe(Date.parse(article.published as string));
      expect(item.authors.map((author) => author.name)).toEqual(article.authors.map((author) => author.name));
      expect(`${item.content} ${item.description}`).toContain(firstWords(article));
      const other = rssParser.items[index];
      expect(other?.title).toBe(article.headline);
      expect(Date.parse(other?.isoDate ?? '')).toBe(Date.parse(article.published as string));
      expect(`${other?.content ?? ''}`).toContain(firstWords(article));
    }
  });

  it('dates the feed from the newest article, never the clock', () => {
    const newest = newestFirst[0]?.updated ?? newestFirst[0]?.published;
    expect(output('atom.xml')).toContain(`<updated>${newest}</updated>`);
  });

  it('uses the stable article id as the entry id', () => {
    const { elements } = parseStrict(output('atom.xml'));
    const entryIds = elements.flatMap((element, index) => (element.name === 'entry' ? [elements[index + 1]?.text] : []));
    expect(entryIds.sort()).toEqual(result.articles.map((article) => article.id).sort());
  });

  it('makes every URL in the content absolute and drops frames', () => {
    for (const element of parseStrict(output('atom.xml')).elements.filter((element) => element.name === 'content')) {
      for (const url of htmlUrls(element.text)) expect(url).toMatch(/^(https?:|mailto:)/);
      expect(element.text).not.toContain('<iframe');
    }
  });

  it('links the stylesheet and self URL', () => {
    expect(output('atom.xml')).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="atom.xsl"\?>\n<feed /,
    );
    expect(output('atom.xml')).toContain('<link rel="self" type="application/atom+xml" href="https://news.example/atom.xml" />');
  });

  it('marks articles in another language than the site', () => {
    expect(output('atom.xml')).toContain('<entry xml:lang="de">');
  });

  it('is deterministic', async () => {
    const again = await convertFixtures({ formats: [atomAdapter()] });
    expect(again.outputs).toEqual(result.outputs);
  });
});

function firstWords(article: Article): string {
  const first = article.body.children.find((node) => node.type === 'paragraph');
  const text = first && 'children' in first ? first.children.map((child) => ('value' in child ? child.value : '')).join('') : '';
  return text.split(/\s+/).slice(0, 6).join(' ');
}
