// Feeds benchmark: RSS, Atom and JSON Feed for 10,000 articles (or argv[2]), syndikit against the `feed`
// package alone on the same items, in one run. Run: npm run bench:feeds
//
// Both sides get the same 10,000 ingested articles. syndikit renders each body through its own
// mdast → hast → sanitised HTML path and writes all three feeds. `feed` is handed the HTML that
// syndikit rendered (it cannot render Markdown) and only serialises, so the ratio is an upper
// bound on syndikit's overhead, not a like-for-like contest.
import { atomAdapter } from '@syndikit/atom';
import { convert } from '@syndikit/core';
import { bodyToHast, hastToHtml } from '@syndikit/html';
import { jsonFeedAdapter } from '@syndikit/jsonfeed';
import { markdownIngester } from '@syndikit/markdown';
import { rssAdapter } from '@syndikit/rss';
import { Feed } from 'feed';
import { article } from './corpus.mjs';
import { median, peakRss, seconds } from './measure.mjs';

const count = Number(process.argv[2] ?? 10_000);
const site = { title: 'Bench Gazette', url: 'https://news.example', language: 'en', description: 'Benchmark' };
const inputs = Array.from({ length: count }, (_, index) => ({ path: `/bench/story-${index}.md`, value: article(index) }));
const { articles } = await convert(inputs, { root: '/bench', site, ingesters: [markdownIngester()] });
const noReport = () => {};
const options = { limit: count };

// Fresh article objects each run: syndikit caches rendered content per article object, and a
// benchmark that reused them would time only the serialisation after the first run.
const syndikit = await median(async () => {
  const context = { articles: structuredClone(articles), site: { ...site }, now: '2025-01-01T00:00:00Z', report: noReport };
  for (const adapter of [rssAdapter(options), atomAdapter(options), jsonFeedAdapter(options)]) await adapter.render(context);
}, 3);

const html = new Map(articles.map((item) => [item.id, hastToHtml(bodyToHast(item.body, { base: item.url }))]));
const feedOnly = await median(() => {
  const feed = new Feed({ title: site.title, id: `${site.url}/`, link: `${site.url}/`, description: site.description, copyright: '' });
  for (const item of articles) {
    feed.addItem({
      title: item.headline,
      id: item.id,
      link: item.url,
      date: new Date(item.published),
      content: html.get(item.id),
      author: item.authors.map((author) => ({ name: author.name })),
      category: item.tags.map((name) => ({ name })),
    });
  }
  feed.rss2();
  feed.atom1();
  feed.json1();
}, 3);

console.log(`feeds: ${count} articles, RSS + Atom + JSON Feed, median of 3`);
console.log(`  syndikit (render bodies + 3 feeds)   ${seconds(syndikit)}`);
console.log(`  feed package (serialise only)        ${seconds(feedOnly)}`);
console.log(`  ratio syndikit / feed                ${(syndikit / feedOnly).toFixed(2)}×`);
console.log(`  peak RSS                             ${peakRss()} MB`);
