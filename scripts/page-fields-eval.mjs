// The saved-page ingester (`@syndikit/page`, `.html`) measured field by field on pages it has never seen, as an
// editor reads them: headline, authors, date, story, chrome, language and captions.
//
//   node scripts/page-fields-eval.mjs DIR [--pages] [--json=OUT.json]
//
// DIR holds one folder per page, each with `source.html` (the saved page) and `expected-metadata.json` in the shape of
// trafilatura's evaluation data (adbar/trafilatura, tests/evaldata.json): `url`, `title`, `byline`, `publishedTime`,
// `with` (snippets the story must hold) and `without` (boilerplate snippets it must not). No page text is kept in
// this repository: the pages and their expectations stay in DIR, and this script prints only counts (`--pages` adds
// one line per page with what was wrong, `--json` writes every page's fields to a file outside the repository).
//
// Each page's bytes go through `@syndikit/core`'s `convert` with `pageIngester()` alone, in UTC (decoded in the
// encoding the page declares, as `syndikit build` decodes it). Text is compared after NFKC, folding quotes and
// dashes, collapsing white space and lower-casing. What counts as right:
//   - headline: the article's headline equal to the expected title (no leniency for a site name left on);
//   - authors: the article's author names equal, as a set, to the expected byline split at `,`, `;`, ` and `, ` und `,
//     ` & `, keeping names of two words or more; judged only on pages with such a name;
//   - date: the published date within 26 hours of noon UTC of the expected day; judged on pages with a day;
//   - story: every `with` snippet in the story as printed under the headline, the subheadline (a standfirst the page
//     prints outside the story's container) and the body's text; `in body`: in the body's text alone; clean: no
//     `without` snippet in the subheadline or the body;
//   - language: the article's primary language subtag equal to the one expected from the page URL's country
//     domain (de, at → de; fr → fr; es, cl, mx, ar, co, pe → es; it → it; uk, ie, au, nz → en), else franc-min's
//     reading of the expected title and `with` snippets (at least 80 characters; German, English, French, Spanish,
//     Italian, Portuguese, Dutch), else not judged. A rough expectation: a German page on an Italian domain counts
//     against it, so read the failures with `--pages`;
//   - images: how many article images there are, how many have a caption and a credit, on how many pages.
// A report, not a test: exits 0 whatever the figures.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const directory = args.find((arg) => !arg.startsWith('--'));
const listPages = args.includes('--pages');
const jsonPath = args.find((arg) => arg.startsWith('--json='))?.slice('--json='.length);
if (!directory) {
  console.error('usage: node scripts/page-fields-eval.mjs DIR [--pages] [--json=OUT.json]');
  process.exit(2);
}
const dir = resolve(directory);
const fromPage = createRequire(join(root, 'packages/page/package.json'));

/** Country domains whose pages are in one language, for the expected language. */
const domainLanguage = {
  de: 'de',
  at: 'de',
  fr: 'fr',
  es: 'es',
  cl: 'es',
  mx: 'es',
  ar: 'es',
  co: 'es',
  pe: 'es',
  it: 'it',
  uk: 'en',
  ie: 'en',
  au: 'en',
  nz: 'en',
};
/** The languages franc-min may name for the expectation, ISO 639-3 → 639-1. */
const francLanguages = { deu: 'de', eng: 'en', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl' };

export function fold(text) {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Plain text of an mdast node. */
function textOf(node) {
  if (typeof node.value === 'string') return node.value;
  return Array.isArray(node.children) ? node.children.map(textOf).join(' ') : '';
}

/** The expected authors: persons' names of two words or more from the byline. */
function expectedAuthors(byline) {
  return [byline ?? '']
    .flat()
    .join(', ')
    .split(/\s*(?:,|;| and | und | & )\s*/)
    .map(fold)
    .filter((name) => name.split(' ').length >= 2);
}

function expectedLanguage(expected, franc) {
  const domain = new URL(expected.url).hostname.split('.').pop();
  if (domainLanguage[domain]) return domainLanguage[domain];
  const sample = [expected.title, ...(expected.with ?? [])].join(' ');
  if (sample.length < 80) return undefined;
  return francLanguages[franc(sample, { only: Object.keys(francLanguages), minLength: 80 })];
}

async function main() {
  if (!existsSync(dir)) {
    console.log(`page-fields-eval: skipped, ${dir} does not exist`);
    return;
  }
  const { convert } = await import('@syndikit/core');
  const { pageIngester } = await import('@syndikit/page');
  const { franc } = await import(fromPage.resolve('franc-min'));
  const counts = {};
  const count = (field, right) => {
    counts[field] ??= [0, 0];
    counts[field][1]++;
    if (right) counts[field][0]++;
  };
  const images = { all: 0, captioned: 0, credited: 0, pages: 0 };
  const rows = [];
  const ids = readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'expected-metadata.json')))
    .sort();
  for (const id of ids) {
    const expected = JSON.parse(readFileSync(join(dir, id, 'expected-metadata.json'), 'utf8'));
    // The bytes, as `syndikit build` reads them: the pipeline decodes the page in the encoding it declares.
    const html = readFileSync(join(dir, id, 'source.html'));
    const result = await convert(
      { path: `/pages/${id}.html`, value: html },
      { root: '/pages', ingesters: [pageIngester()], timeZone: 'UTC' },
    );
    const article = result.articles[0];
    const row = { id, wrong: [] };
    const headline = !!article?.headline && fold(article.headline) === fold(expected.title);
    count('headline', headline);
    if (!headline) row.wrong.push('headline');
    const wantAuthors = expectedAuthors(expected.byline).sort();
    const gotAuthors = (article?.authors ?? []).map((author) => fold(author.name)).sort();
    if (wantAuthors.length > 0) {
      const right = gotAuthors.join('|') === wantAuthors.join('|');
      count('authors', right);
      if (!right) row.wrong.push('authors');
    }
    const day = expected.publishedTime?.slice(0, 10);
    if (day) {
      const right = !!article?.published && Math.abs(Date.parse(article.published) - Date.parse(`${day}T12:00:00Z`)) <= 26 * 3600e3;
      count('date', right);
      if (!right) row.wrong.push('date');
    }
    const bodyAlone = fold((article?.body?.children ?? []).map(textOf).join(' \n '));
    const body = article?.subheadline ? `${fold(article.subheadline)} \n ${bodyAlone}` : bodyAlone;
    const withs = (expected.with ?? []).map(fold).filter(Boolean);
    const story = withs.length > 0 && withs.every((snippet) => body.includes(snippet));
    count('story', story);
    count('in body', withs.length > 0 && withs.every((snippet) => bodyAlone.includes(snippet)));
    if (!story) row.wrong.push(`story (${withs.filter((snippet) => !body.includes(snippet)).length} of ${withs.length} missing)`);
    const kept = (expected.without ?? []).map(fold).filter((snippet) => snippet && body.includes(snippet));
    count('clean', kept.length === 0);
    if (kept.length > 0) row.wrong.push(`clean (${kept.length} kept)`);
    const language = expectedLanguage(expected, franc);
    if (language) {
      const got = article?.language?.split('-')[0]?.toLowerCase();
      count('language', got === language);
      if (got !== language) row.wrong.push(`language ${got} for ${language}`);
    }
    const articleImages = article?.images ?? [];
    images.all += articleImages.length;
    images.captioned += articleImages.filter((image) => image.caption).length;
    images.credited += articleImages.filter((image) => image.credit).length;
    if (articleImages.some((image) => image.caption)) images.pages++;
    rows.push({
      ...row,
      article: article ?? null,
      messages: result.files.flatMap((file) => file.messages).map((message) => message.reason),
    });
  }
  console.log(`Saved-page ingester, field by field, on ${ids.length} pages of ${dir}`);
  for (const [field, [right, all]] of Object.entries(counts)) console.log(`${field.padEnd(9)} ${right}/${all}`);
  console.log(
    `images    ${images.all} (${images.captioned} with a caption, ${images.credited} with a credit; ${images.pages} pages with a captioned image)`,
  );
  if (listPages) for (const row of rows) if (row.wrong.length > 0) console.log(`${row.id}: ${row.wrong.join(', ')}`);
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(rows, null, 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
