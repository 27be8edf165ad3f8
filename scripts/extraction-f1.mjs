// Body extraction measured on the article-extraction benchmark (scrapinghub/article-extraction-benchmark, MIT),
// with the benchmark's own metric, in one run, on the same pages:
//   - syndikit's page extraction (`@syndikit/page`, what the `.html` ingester puts in the body);
//   - plain Readability.js (@mozilla/readability on the same linkedom DOM, its `textContent`), for comparison.
//
//   node scripts/extraction-f1.mjs [corpus-dir] [--pages]    (default ../shared/corpora/article-extraction)
//   node scripts/extraction-f1.mjs --dom[=linkedom|jsdom|happy-dom]   Readability on each DOM library (one alone: its peak memory)
//
// The metric, as the benchmark defines it: text is split into tokens (runs of Unicode letters, digits and `_`,
// case kept); each text becomes a multiset of 4-token shingles; per page, true positives, false positives and
// false negatives are the multiset overlap and differences, normalised by their sum so that long pages weigh no
// more than short ones; precision is averaged over pages with any predicted shingle, recall over pages with any
// true shingle, and F1 is their harmonic mean. `--pages` also lists each page's precision and recall.
// A report, not a test: exits 0 whatever the figures; prints a skip line when the corpus is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const corpus = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(root, '../shared/corpora/article-extraction'));
const truthPath = join(corpus, 'ground-truth.json');
// Readability and the DOM libraries as @syndikit/page declares them (jsdom and happy-dom are its dev
// dependencies, kept for this measurement): the baseline runs on the very same versions.
const fromPage = createRequire(join(root, 'packages/page/package.json'));

/** The benchmark's published figures (README of the benchmark, 181 pages; ours are the 91 shared ones). */
const published = [
  ['Readability.js 0.6.0 (published)', 0.947, 0.914, 0.982],
  ['trafilatura 2.0.0 (published)', 0.958, 0.938, 0.978],
  ['rs_trafilatura (published)', 0.97, 0.951, 0.99],
];

export function tokenize(text) {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingleCounts(text) {
  const tokens = tokenize(text ?? '');
  const counts = new Map();
  for (let index = 0; index < Math.max(1, tokens.length - 3); index++) {
    const shingle = tokens.slice(index, index + 4);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised [tp, fp, fn] of one page. */
export function pageScore(truth, prediction) {
  const expected = shingleCounts(truth);
  const found = shingleCounts(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...expected.keys(), ...found.keys()])) {
    const want = expected.get(key) ?? 0;
    const got = found.get(key) ?? 0;
    tp += Math.min(want, got);
    fp += Math.max(0, got - want);
    fn += Math.max(0, want - got);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

const precisionOf = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
const recallOf = ([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** F1, precision and recall over pages, as the benchmark averages them. */
export function summarise(scores) {
  const precision = mean(scores.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(scores.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

function loadPages() {
  const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
  return readdirSync(join(corpus, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => {
      const id = name.split('.')[0];
      return {
        id,
        html: gunzipSync(readFileSync(join(corpus, 'html', name))).toString('utf8'),
        truth: truth[id]?.articleBody ?? '',
        url: truth[id]?.url,
      };
    });
}

async function domFactories() {
  const { parseHTML } = fromPage('linkedom');
  const factories = { linkedom: (html) => parseHTML(html).document };
  try {
    // A virtual console that drops jsdom's CSS parse errors; nothing is fetched or run (no `resources`, no `runScripts`).
    const { JSDOM, VirtualConsole } = fromPage('jsdom');
    factories.jsdom = (html) => new JSDOM(html, { url: 'https://example.invalid/', virtualConsole: new VirtualConsole() }).window.document;
  } catch {}
  try {
    const { Window } = fromPage('happy-dom');
    factories['happy-dom'] = (html) => {
      const window = new Window({
        url: 'https://example.invalid/',
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          disableComputedStyleRendering: true,
        },
      });
      window.document.write(html);
      return window.document;
    };
  } catch {}
  return factories;
}

const row = (name, { f1, precision, recall }, extra = '') =>
  `${name.padEnd(36)} ${f1.toFixed(3)}  ${precision.toFixed(3)}      ${recall.toFixed(3)}${extra}`;

async function main() {
  if (!existsSync(truthPath)) {
    console.log(`skip: the article-extraction corpus is not at ${corpus} (ground-truth.json missing); nothing measured`);
    return;
  }
  const pages = loadPages();
  const { Readability } = fromPage('@mozilla/readability');

  const domArg = args.find((arg) => arg === '--dom' || arg.startsWith('--dom='));
  if (domArg) {
    // `--dom=jsdom` runs one library alone, so that the peak memory printed is its own.
    const only = domArg.split('=')[1];
    const factories = Object.fromEntries(Object.entries(await domFactories()).filter(([name]) => !only || name === only));
    console.log(`Readability.js on ${pages.length} pages, by DOM library (one run each, parse + parse() time)`);
    console.log(`${'DOM'.padEnd(36)} F1     precision  recall   pages/s  failed`);
    for (const [name, makeDocument] of Object.entries(factories)) {
      const scores = [];
      let failed = 0;
      const start = performance.now();
      for (const page of pages) {
        let text = '';
        try {
          text = new Readability(makeDocument(page.html)).parse()?.textContent ?? '';
        } catch (error) {
          failed++;
          console.log(`  ${name} failed on ${page.id.slice(0, 12)}: ${String(error?.message ?? error).slice(0, 100)}`);
        }
        scores.push(pageScore(page.truth, text));
      }
      const rate = pages.length / ((performance.now() - start) / 1000);
      console.log(row(name, summarise(scores), `    ${rate.toFixed(1).padStart(5)}    ${failed}`));
    }
    if (only) console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    return;
  }

  const { extractPage } = await import('@syndikit/page');
  const { parseHTML } = fromPage('linkedom');
  const ours = [];
  const plain = [];
  const perPage = [];
  for (const page of pages) {
    const text = extractPage(page.html).text;
    let baseline = '';
    try {
      baseline = new Readability(parseHTML(page.html).document).parse()?.textContent ?? '';
    } catch {}
    const score = pageScore(page.truth, text);
    ours.push(score);
    plain.push(pageScore(page.truth, baseline));
    perPage.push({ id: page.id.slice(0, 12), precision: precisionOf(score), recall: recallOf(score), url: page.url });
  }
  console.log(`Body extraction on ${pages.length} pages of ${corpus}`);
  console.log(`${''.padEnd(36)} F1     precision  recall`);
  console.log(row('syndikit (@syndikit/page)', summarise(ours)));
  console.log(row('Readability.js (same run, linkedom)', summarise(plain)));
  for (const [name, f1, precision, recall] of published) console.log(row(name, { f1, precision, recall }));
  if (args.includes('--pages')) {
    perPage.sort((a, b) => a.precision + a.recall - (b.precision + b.recall));
    for (const page of perPage) console.log(`${page.id}  P ${page.precision.toFixed(2)}  R ${page.recall.toFixed(2)}  ${page.url}`);
  }
}

await main();
