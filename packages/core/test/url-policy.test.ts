import { articleUrl, checkUrl, contentPath, convert, permalinkProblem, resolveSite, urlOrPathProblem } from '@syndikit/core';
import { describe, expect, it } from 'vitest';

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

describe('checkUrl', () => {
  it.each(hostile)('refuses %j, with or without a base', (value) => {
    expect(checkUrl(value)).toHaveProperty('error');
    expect(checkUrl(value, { base: 'https://news.example' })).toHaveProperty('error');
  });

  it('accepts absolute http(s) URLs as the URL parser serialises them', () => {
    expect(checkUrl('https://News.Example/a b')).toEqual({ url: 'https://news.example/a%20b' });
    expect(checkUrl('http://news.example')).toEqual({ url: 'http://news.example/' });
  });

  it('resolves relative references against the base, keeping its path', () => {
    expect(checkUrl('/x/', { base: 'https://news.example' })).toEqual({ url: 'https://news.example/x/' });
    expect(checkUrl('x/', { base: 'https://user.github.io/project' })).toEqual({ url: 'https://user.github.io/project/x/' });
  });

  it('refuses relative references without a base, saying what to set', () => {
    const checked = checkUrl('/x/');
    expect(checked).toEqual({ error: expect.stringContaining('set site.url') });
  });

  it('names the refused scheme', () => {
    expect(checkUrl(' JaVaScRiPt:alert(1)')).toEqual({ error: expect.stringContaining('`javascript:`') });
  });
});

describe('permalinks, logos and the site URL', () => {
  it('refuses permalinks that are URLs of their own', () => {
    expect(permalinkProblem('javascript:alert(1)//{slug}')).toMatch(/starting with a single \//);
    expect(permalinkProblem('//evil.example/{slug}')).toMatch(/single \//);
    expect(permalinkProblem('/\\evil.example/{slug}')).toMatch(/single \//);
    expect(permalinkProblem('/news/')).toMatch(/\{slug\} or \{path\}/);
    expect(permalinkProblem('/news/{slug}/')).toBeUndefined();
    expect(permalinkProblem('/{path}/')).toBeUndefined();
  });

  it('fills {path} with the content path: without extension, a bundle by its folder, parts encoded, never . or ..', () => {
    expect(contentPath('posts/first.md')).toBe('posts/first');
    expect(contentPath('posts/trip/index.md')).toBe('posts/trip');
    expect(contentPath('news/_index.md')).toBe('news');
    const site = { url: 'https://a.example/blog', title: 'A', language: 'en' };
    expect(articleUrl(site, '/{path}/', 'x', { path: 'posts/grün tee' })).toBe('https://a.example/blog/posts/gr%C3%BCn%20tee/');
    expect(articleUrl(site, '/{path}/{slug}/', 'x', { path: 'a/../../etc' })).toBe('https://a.example/blog/x/');
  });

  it('accepts paths and http(s) URLs for logos, nothing else', () => {
    expect(urlOrPathProblem('/logo.png')).toBeUndefined();
    expect(urlOrPathProblem('https://cdn.example/logo.png')).toBeUndefined();
    expect(urlOrPathProblem('javascript:alert(1)')).toBeDefined();
    expect(urlOrPathProblem('//evil.example/logo.png')).toBeDefined();
  });

  it('throws a TypeError for a site URL or logo the policy refuses', () => {
    expect(() => resolveSite({ url: 'javascript:alert(1)' })).toThrow(TypeError);
    expect(() => resolveSite({ url: 'https://news.example', logo: 'data:image/png;base64,AAAA' })).toThrow(/site\.logo/);
    expect(resolveSite({ url: 'https://news.example/', logo: '/logo.png' })).toMatchObject({
      url: 'https://news.example',
      logo: 'https://news.example/logo.png',
    });
  });

  it('throws a TypeError for a hostile permalink given to convert', async () => {
    await expect(convert([], { permalink: 'javascript:alert(1)//{slug}' })).rejects.toThrow(TypeError);
  });
});

describe('URLs from ingesters', () => {
  const site = { url: 'https://news.example' };

  it('checks the URLs of a user ingester too, as the last gate', async () => {
    const ingester = {
      name: 'hostile',
      extensions: ['.x'],
      ingest: () => ({
        fields: { headline: 'H', url: 'javascript:alert(1)', authors: [], tags: [], images: [] },
        body: { type: 'root' as const, children: [] },
        slugHint: 'h',
      }),
    };
    const result = await convert({ path: 'a.x', value: 'x' }, { site, ingesters: [ingester] });
    expect(result.articles).toHaveLength(0);
    expect(result.files[0]?.messages[0]?.ruleId).toBe('url-invalid');
  });
});
