// AMP benchmark: the default theme's size against AMP's CSS limit, and the time to render and
// validate pages. Run: npm run bench:amp [articles]
import { ampAdapter, cssBytes, defaultThemeCss, maxCustomCssBytes } from '@syndikit/amp';
import { convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { article } from './corpus.mjs';
import { median, peakRss, seconds } from './measure.mjs';

const count = Number(process.argv[2] ?? 1_000);
const site = { title: 'Bench Gazette', url: 'https://news.example', language: 'en' };
const inputs = Array.from({ length: count }, (_, index) => ({ path: `/bench/story-${index}.md`, value: article(index) }));
const { articles } = await convert(inputs, { root: '/bench', site, ingesters: [markdownIngester()] });
const adapter = ampAdapter();
const render = await median(async () => {
  for (const item of structuredClone(articles))
    await adapter.render({ article: item, site, now: '2025-01-01T00:00:00Z', report: () => {} });
}, 3);

const bytes = cssBytes(defaultThemeCss());
console.log(`amp: ${count} articles, median of 3`);
console.log(
  `  default theme CSS                    ${bytes} bytes (${((bytes / maxCustomCssBytes) * 100).toFixed(1)}% of the ${maxCustomCssBytes}-byte limit)`,
);
console.log(`  render pages                         ${seconds(render)} (${((render / count) * 1000).toFixed(2)} ms a page)`);
console.log(`  peak RSS                             ${peakRss()} MB`);
