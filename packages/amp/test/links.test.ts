import { ampAdapter } from '@syndikit/amp';
import { atomAdapter } from '@syndikit/atom';
import type { Adapter } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { jsonFeedAdapter } from '@syndikit/jsonfeed';
import { ninjsAdapter } from '@syndikit/ninjs';
import { rssAdapter } from '@syndikit/rss';
import { convertFixtures, fixtureSite } from '@syndikit/testkit';
import { describe, expect, it } from 'vitest';
import { brokenLinks, urlsIn } from '../../../scripts/link-check.mjs';

const formats = (images: boolean): Adapter[] => [
  ...(images ? [imagesAdapter({ widths: [320, 1024], formats: ['webp', 'jpeg'], cacheDir: false })] : []),
  rssAdapter(),
  atomAdapter(),
  jsonFeedAdapter(),
  ampAdapter(),
  ninjsAdapter(),
];

/** What the fixture build was given or makes for pages it does not write: permalinks, author pages, the site. */
function given(result: Awaited<ReturnType<typeof convertFixtures>>): string[] {
  return [
    `${fixtureSite.url}/`,
    ...result.articles.flatMap((article) => [article.url ?? [], ...article.authors.flatMap((author) => author.url ?? [])].flat()),
  ];
}

describe('every URL into the site points at a file the build writes', () => {
  it('the checker finds a link to an unwritten file', () => {
    const outputs = new Map<string, string | Uint8Array>([
      ['feed.json', '{"image":"https://news.example/images/a.jpg","url":"https://news.example/x/#fn-1"}'],
      ['images/b.jpg', new Uint8Array()],
    ]);
    expect(brokenLinks(outputs, 'https://news.example', ['https://news.example/x/'])).toEqual([
      { file: 'feed.json', url: 'https://news.example/images/a.jpg' },
    ]);
    expect(urlsIn('<a href="https://a.example/?a=1&amp;b=2">')).toEqual(['https://a.example/?a=1&b=2']);
  });

  for (const images of [true, false]) {
    it(`every format of the fixtures, images ${images ? 'on' : 'off'}`, async () => {
      const result = await convertFixtures({ formats: formats(images) });
      const outputs = new Map(result.outputs.map((output) => [output.path, output.contents]));
      expect(outputs.size).toBeGreaterThan(20);
      expect(brokenLinks(outputs, fixtureSite.url, given(result))).toEqual([]);
      // The photos stay: with renditions, every page and feed points at them.
      if (images)
        expect(String(outputs.get('amp/2024-03-12-harbor-bridge-vote.html'))).toMatch(
          /og:image" content="https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-1024\.jpg"/,
        );
    });
  }
});
