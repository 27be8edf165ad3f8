// Saved-page ingest benchmark: `node scripts/bench/pages.mjs [corpus-dir]`. Pages per second for the `.html`
// ingester of @syndikit/page (parse, metadata, Readability, block rules, sanitiser, mdast) over the 91 real pages
// of the article-extraction corpus (default ../shared/corpora/article-extraction), one thread, median of three
// runs after a warm-up; plain Readability on the same DOM library beside it. Without the corpus, it measures
// our own fixture pages (fixtures/pages) instead and says so.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { defaultLimits } from '@syndikit/core';
import { pageIngester } from '@syndikit/page';
import { median, peakRss, seconds } from './measure.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Readability, linkedom and vfile as @syndikit/page declares them: the baseline runs on the very same libraries.
const fromPage = createRequire(join(root, 'packages/page/package.json'));
const { Readability } = fromPage('@mozilla/readability');
const { parseHTML } = fromPage('linkedom');
const { VFile } = fromPage('vfile');
const corpus = resolve(process.argv[2] ?? join(root, '../shared/corpora/article-extraction'));

function loadPages() {
  try {
    const folder = join(corpus, 'html');
    const names = readdirSync(folder).filter((name) => name.endsWith('.html.gz'));
    if (names.length > 0) {
      return {
        from: corpus,
        pages: names.sort().map((name) => ({ name, text: gunzipSync(readFileSync(join(folder, name))).toString('utf8') })),
      };
    }
  } catch {}
  const folder = join(root, 'fixtures/pages');
  const names = readdirSync(folder).filter((name) => name.endsWith('.html'));
  return {
    from: `${folder} (the article-extraction corpus is not at ${corpus})`,
    pages: names.sort().map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') })),
  };
}

const { from, pages } = loadPages();
const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.text), 0);
const ingester = pageIngester();

async function ingestAll() {
  let articles = 0;
  for (const page of pages) {
    const file = new VFile({ path: page.name, value: page.text });
    const result = await ingester.ingest({ file, text: page.text, articlePath: page.name, timeZone: 'UTC', limits: defaultLimits });
    if (result) articles++;
  }
  return articles;
}

function readabilityAll() {
  for (const page of pages) new Readability(parseHTML(page.text).document).parse();
}

const articles = await ingestAll();
const ours = await median(ingestAll);
const plain = await median(readabilityAll);
const rate = (time) => `${(pages.length / time).toFixed(1)} pages/s, ${(bytes / 1e6 / time).toFixed(1)} MB/s`;
console.log(`Saved pages: ${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, from ${from}`);
console.log(`  .html ingest (@syndikit/page)        ${seconds(ours)}  ${rate(ours)}  (${articles} articles)`);
console.log(`  Readability alone (linkedom, parse)  ${seconds(plain)}  ${rate(plain)}`);
console.log(`  peak RSS ${peakRss()} MB`);
