import { convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { describe, expect, it } from 'vitest';
import { convertOne } from './helpers.js';

const ingesters = [markdownIngester()];

/** What an attacker or a careless editor writes where a URL goes. */
const hostile = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/\\evil.example/x',
  'https://user:secret@news.example/',
  'file:///etc/passwd',
  'https://news.example/\u202eevil',
];

describe('front matter URLs', () => {
  const site = { url: 'https://news.example' };

  it.each(hostile)('fails the article at the place of `url: %j`', async (value) => {
    const source = `---\ntitle: Story\nurl: ${JSON.stringify(value)}\n---\n\nBody.\n`;
    const result = await convert({ path: 'story.md', value: source }, { site, ingesters });
    expect(result.articles).toHaveLength(0);
    const message = result.files[0]?.messages.find((m) => m.ruleId === 'url-invalid');
    expect(message?.fatal).toBe(true);
    expect([message?.line, message?.column]).toEqual([3, 6]);
  });

  it('fails the article at the place of a hostile author URL in a list', async () => {
    const source = [
      '---',
      'title: Story',
      'authors:',
      '  - Ana Ruiz',
      '  - name: Eve',
      '    url: "javascript:alert(1)"',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');
    const result = await convert({ path: 'story.md', value: source }, { site, ingesters });
    expect(result.articles).toHaveLength(0);
    const message = result.files[0]?.messages.find((m) => m.ruleId === 'url-invalid');
    expect([message?.line, message?.column]).toEqual([6, 10]);
    expect(message?.reason).toContain('authors.1.url');
  });

  it('resolves a relative url: against the site URL', async () => {
    const source = '---\ntitle: Story\nurl: /news/story/\nauthors: [{ name: Ana, url: /staff/ana/ }]\n---\n\nBody.\n';
    const result = await convert({ path: 'story.md', value: source }, { site, ingesters });
    expect(result.articles[0]?.url).toBe('https://news.example/news/story/');
    expect(result.articles[0]?.authors[0]?.url).toBe('https://news.example/staff/ana/');
  });

  it('refuses a relative url: when there is no site URL', async () => {
    const result = await convert({ path: 'story.md', value: '---\ntitle: Story\nurl: /news/story/\n---\n\nBody.\n' }, { ingesters });
    expect(result.articles).toHaveLength(0);
    expect(result.files[0]?.messages[0]?.reason).toContain('no site URL');
  });
});

describe('front matter dates', () => {
  it('reports an early year in front matter as date-invalid at its place', async () => {
    const { articles, messages } = await convertOne('---\ntitle: T\npublished: 0050-06-15T10:00:00Z\n---\n\nBody.\n');
    expect(articles).toEqual([]);
    expect(messages).toEqual([
      'news/story.md:3:12: error `0050-06-15T10:00:00Z` has the year 50: years before 1000 are not accepted [date-invalid]',
    ]);
  });
});
