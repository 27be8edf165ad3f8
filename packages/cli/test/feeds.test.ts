import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit } from './helpers.js';

describe('feeds from the command line', () => {
  it('`syndikit build fixtures --out X` finds the fixtures config and writes all three feeds and the AMP pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-feeds-'));
    // The newsroom articles and the config: the agency deliveries and saved pages beside them have their own test.
    await cp(join(fixtures, 'articles'), join(dir, 'fixtures', 'articles'), { recursive: true });
    await cp(join(fixtures, 'syndikit.config.yaml'), join(dir, 'fixtures', 'syndikit.config.yaml'));
    // The image cache lives under the working directory: a fresh one, so this build does the image work.
    const result = await syndikit(['build', 'fixtures', '--out', 'X'], dir);
    expect(result.stderr.split('\n').slice(-2)).toEqual([
      'syndikit: built 19 of 19 articles into X (amp 19, atom.xml 1, atom.xsl 1, feed.json 1, feed.xml 1, images 69, markdown 19, ninjs 19, rss.xsl 1; 131 written, 0 unchanged; 0 from cache, 19 converted; 0 errors, 11 warnings)',
      '',
    ]);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'X/feed.xml'), 'utf8')).toContain('<title>The Syndikit Gazette</title>');
    expect(await readFile(join(dir, 'X/atom.xml'), 'utf8')).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(JSON.parse(await readFile(join(dir, 'X/feed.json'), 'utf8')).items).toHaveLength(19);
  });

  for (const [format, marker] of [
    ['rss', '<rss version="2.0"'],
    ['atom', '<feed xmlns="http://www.w3.org/2005/Atom"'],
    ['jsonfeed', '"version": "https://jsonfeed.org/version/1.1"'],
  ] as const) {
    it(`\`syndikit convert FILE --to ${format}\` prints a one-item feed`, async () => {
      const result = await syndikit(
        ['convert', 'articles/2024-03-12-harbor-bridge-vote.md', '--to', format, '--site-url', 'https://news.example'],
        fixtures,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(marker);
      expect(result.stdout.match(/<item>|<entry>|"id": "urn:uuid/g)).toHaveLength(1);
    });
  }

  it('says why a feed cannot be built without a site URL: a usage error, before any work', async () => {
    const result = await syndikit(
      ['convert', 'articles/2024-03-12-harbor-bridge-vote.md', '--to', 'rss', '--config', '/dev/null'],
      fixtures,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'syndikit: rss needs the site URL (feeds link to the site, AMP pages need a canonical URL): give --site-url URL or `site.url` in the config\n',
    );
  });
});

describe('AMP from the command line', () => {
  it('`syndikit convert FILE --to amp` prints one page', async () => {
    const result = await syndikit(
      ['convert', 'articles/2024-12-01-cairo-book-fair.md', '--to', 'amp', '--site-url', 'https://news.example'],
      fixtures,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^<!doctype html><html ⚡ lang="ar" dir="rtl">/);
  });

  it('a theme AMP would reject is a usage error naming the option', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-amp-'));
    // The newsroom articles and the config: the agency deliveries and saved pages beside them have their own test.
    await cp(join(fixtures, 'articles'), join(dir, 'fixtures', 'articles'), { recursive: true });
    await cp(join(fixtures, 'syndikit.config.yaml'), join(dir, 'fixtures', 'syndikit.config.yaml'));
    await writeFile(join(dir, 'big.css'), `a{color:red}${' '.repeat(80_000)}`);
    await writeFile(
      join(dir, 'syndikit.config.yaml'),
      'site: {url: "https://news.example"}\nformats: [amp]\nadapters:\n  amp:\n    cssFile: big.css\n',
    );
    const result = await syndikit(['build', 'fixtures/articles', '--out', 'X'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `syndikit: Options of format amp in ${join(dir, 'syndikit.config.yaml')}: Expected an AMP-valid stylesheet for the amp theme but it is 80012 bytes, over AMP's limit of 75000\n`,
    );
  });
});
