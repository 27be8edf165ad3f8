import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

/**
 * An article whose body and fields every format finds the same problems in:
 * AMP, RSS, Atom, JSON Feed, ninjs and NewsML-G2 all sanitise the raw HTML,
 * and the feeds, AMP and NewsML-G2 all take the markup out of the headline,
 * section and tags.
 */
const sanitized = [
  '---',
  'title: A <b>bold</b> vote',
  'section: <i>Politics</i>',
  'tags: [council, "<em>budget</em>"]',
  'published: 2024-05-01T10:00:00Z',
  '---',
  '',
  'The council <span onclick="steal()">voted</span> late on Tuesday.<script>alert(1)</script>',
  '',
].join('\n');

/** The same problems and no date: each feed leaves it out, and says so in its own words. */
const undated = sanitized.replace('published: 2024-05-01T10:00:00Z\n', '').replace('A <b>bold</b> vote', 'An undated vote');

const once = [
  'articles/a.md:1:1: warning Removed HTML tags from the headline "A <b>bold</b> vote": it is plain text [html-markup-in-text]',
  'articles/a.md:1:1: warning Removed HTML tags from the section "<i>Politics</i>": it is plain text [html-markup-in-text]',
  'articles/a.md:1:1: warning Removed HTML tags from the tag "<em>budget</em>": it is plain text [html-markup-in-text]',
  'articles/a.md:8:13: warning Removed `onclick` from `<span>` [html-attribute-removed]',
  'articles/a.md:8:66: warning Removed `<script>`: not allowed in article HTML [html-element-removed]',
];

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-messages-'));
  await mkdir(join(dir, 'articles'));
  await writeFile(join(dir, 'articles', 'a.md'), sanitized);
  await writeFile(join(dir, 'articles', 'b.md'), undated);
  return dir;
}

const formats = ['--formats', 'markdown,amp,rss,atom,jsonfeed,ninjs,newsml-g2', '--site-url', 'https://news.example'];

describe('messages', () => {
  it('are printed once per article, not once per format: the first format keeps its message', async () => {
    const dir = await site();
    const result = await syndikit(['build', 'articles', '--out', 'out', '--no-cache', ...formats], dir);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines.filter((line) => line.startsWith('articles/a.md'))).toEqual(once);
    // A missing date is reported by each feed in its own words: none of them is dropped.
    expect(lines.filter((line) => line.startsWith('articles/b.md') && line.includes('date'))).toEqual([
      'articles/b.md:1:1: warning The article has no date: versionCreated is the build time; give `published` (or `--now`) for stable output [g2-out-no-date]',
      'articles/b.md:1:1: warning Article has no date, so it is left out of the rss feed [feed-no-date]',
      'articles/b.md:1:1: warning Article has no date, so it is left out of the atom feed [feed-no-date]',
      'articles/b.md:1:1: warning Article has no date, so it is left out of the jsonfeed feed [feed-no-date]',
    ]);
    // b.md's own copies of the same sanitizer findings are its own, once each.
    expect(lines.filter((line) => line.startsWith('articles/b.md') && line.includes('onclick'))).toHaveLength(1);
  });

  it('are the same once-per-article list from worker threads and from the cache', async () => {
    const dir = await site();
    const threads = await syndikit(['build', 'articles', '--out', 'out', '--threads', '2', ...formats], dir);
    const cached = await syndikit(['build', 'articles', '--out', 'out', '--threads', '2', ...formats], dir);
    expect(cached.stderr).toContain('2 from cache');
    for (const result of [threads, cached])
      expect(result.stderr.split('\n').filter((line) => line.startsWith('articles/a.md'))).toEqual(once);
  });
});
