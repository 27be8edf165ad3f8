// The wire text ingester measured on scraped text: what "select-all + copy" in a browser gives for each page of the
// article-extraction benchmark (scrapinghub/article-extraction-benchmark, MIT), read by `@syndikit/wire` as a `.txt`,
// and compared field by field with what an editor reads on the page.
//
//   node scripts/wire-text-eval.mjs [corpus-dir] [--pages] [--page=ID-PREFIX] [--split] [--refresh]
//        (default ../shared/corpora/article-extraction)
//
// `--split` also prints the figures for two halves of the pages, by the first hex digit of their id (0–7 and 8–f):
// change the reading looking at one half, and check that the other improves too (more pages of the benchmark are
// held out; a rule that only fits the pages in view does not help them).
//
// The copied text: each page is opened in the system's Chromium (Debian's `chromium`, driven by playwright-core with
// `executablePath: '/usr/bin/chromium'`; never a downloaded browser) with JavaScript off and every request refused
// (the page as saved, no network), the whole body is selected and the selection's text taken — what the clipboard
// gets from Ctrl+A, Ctrl+C. It is kept in .cache/wire-text-eval/<id>.txt (gitignored; `--refresh` makes it anew), so
// later runs need no browser.
//
// What counts as right (text compared after folding whitespace, quotes and dashes, case kept):
//   - headline: equal to the page's og:title / JSON-LD headline, its first <h1>, or its <title> whole or without the
//     site's name (`Headline | Site`, `Headline - Site`);
//   - first / last paragraph: the body's first / last text block equal to the ground truth's first / last paragraph
//     (the first with its dateline taken off, since the ingester keeps the dateline as a field);
//   - dateline: when the ground truth's first paragraph opens with a dateline, the ingester read that place and
//     agency; when it does not, the ingester read none;
//   - authors: the names the page's metadata gives (JSON-LD author, meta author, as @syndikit/page reads them; `By`
//     and a job title or outlet after a comma, bar or dash taken off), as a set, case folded; judged only on the pages
//     whose metadata names someone (a page may print a byline its metadata lacks). Metadata names some pages by a
//     user name (`admin`); those count as misses;
//   - date: the calendar day of the page's publication date as @syndikit/page's metadata reads it (JSON-LD
//     datePublished, else article:published_time, a meta date or a <time datetime>), as the page writes it or in the
//     offset of the ingester's date (`2019-11-20T01:53Z` is Nov 19 at 8:53 PM EST) — and a day without a time of
//     day (a page printing `Nov. 19, 2019` only) when it is that instant's day in some time zone (UTC-12 to UTC+14),
//     since the copy does not say where the day was counted; judged only on the pages whose
//     metadata has a date the web can have (year 1995 or later: `0001-01-01` is a placeholder). No date is a miss;
//   - captions: the captions an editor reads under the story's photos — the page's `<figure>`s with a `<figcaption>`
//     as @syndikit/page reads them (`extractPage(html).figures`: the lead figure and those in the story, caption and
//     credit split) — against the figures the ingester kept (caption and credit; the copy has no photo files, so
//     these are figures without a file). Compared after folding, case and everything but letters and digits ignored:
//     a page caption is found when a kept figure has the same caption, the same caption and credit (in either
//     order: a credit may be printed first), or one contains the other and the shorter is at least 20 characters and
//     80 % of the longer (a credit glued on, or split off, on one side only); each kept figure counts once. Counted
//     as found, missed (page captions no kept figure matches) and extra (kept figures matching no page caption),
//     judged only on the pages with figcaptions; figures kept on the other pages are printed apart.
// A report, not a test: exits 0 whatever the figures; prints a skip line when the corpus or Chromium is missing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const corpus = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(root, '../shared/corpora/article-extraction'));
const truthPath = join(corpus, 'ground-truth.json');
const cacheDir = join(root, '.cache/wire-text-eval');
const executablePath = '/usr/bin/chromium';
// linkedom as @syndikit/page declares it, for the page's metadata (the editor's headline and authors).
const fromPage = createRequire(join(root, 'packages/page/package.json'));
const only = args.find((arg) => arg.startsWith('--page='))?.slice('--page='.length);

function loadPages() {
  const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
  return readdirSync(join(corpus, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => name.split('.')[0])
    .filter((id) => !only || id.startsWith(only))
    .map((id) => ({
      id,
      html: gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))).toString('utf8'),
      truth: truth[id]?.articleBody ?? '',
      url: truth[id]?.url,
    }));
}

/** The copied text of every page not cached yet, made with Chromium. */
async function copyTexts(pages) {
  mkdirSync(cacheDir, { recursive: true });
  const missing = pages.filter((page) => args.includes('--refresh') || !existsSync(join(cacheDir, `${page.id}.txt`)));
  if (missing.length === 0) return true;
  if (!existsSync(executablePath)) {
    console.log(`skip: ${executablePath} not found (apt-get update && apt-get install -y chromium); nothing measured`);
    return false;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 1024 } });
    // The page as saved: nothing is fetched (stylesheets, images, scripts, frames).
    await context.route('**/*', (route) => route.abort());
    for (const page of missing) {
      const tab = await context.newPage();
      await tab.setContent(page.html, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      const text = await tab.evaluate(() => {
        const selection = window.getSelection();
        selection.selectAllChildren(document.body);
        return selection.toString();
      });
      writeFileSync(join(cacheDir, `${page.id}.txt`), text);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  return true;
}

/** Text folded for comparison: spacing, typographic quotes and dashes, a trailing ellipsis mark. */
function fold(text) {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2012]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What an editor would accept as the page's headline. */
function headlineCandidates(metadata) {
  const candidates = new Set();
  for (const value of [metadata.headline?.value, metadata.firstHeading, metadata.title]) {
    if (!value) continue;
    candidates.add(fold(value));
    // `Headline | Site`, `Headline - Site`, `Site: Headline`: each side of the site separator.
    for (const part of value.split(/\s+[|–—:-]\s+|\s+::\s+/u)) if (part.split(/\s+/).length >= 3) candidates.add(fold(part));
  }
  return candidates;
}

function paragraphsOf(text) {
  return text
    .split(/\n+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function textOf(node) {
  if (typeof node.value === 'string') return node.value;
  return Array.isArray(node.children) ? node.children.map(textOf).join('') : '';
}

async function main() {
  if (!existsSync(truthPath)) {
    console.log(`skip: the article-extraction corpus is not at ${corpus} (ground-truth.json missing); nothing measured`);
    return;
  }
  const pages = loadPages();
  if (!(await copyTexts(pages))) return;
  const { convert } = await import('@syndikit/core');
  const { wireTextIngester, matchDateline } = await import('@syndikit/wire');
  const { normalizeDate } = await import('@syndikit/core');
  const { readMetadata, extractPage } = await import('@syndikit/page');
  const { parseHTML } = fromPage('linkedom');
  const ingester = wireTextIngester();
  const counts = { headline: 0, first: 0, last: 0, dateline: 0, authors: 0, date: 0, datelinePages: 0, authorPages: 0, datePages: 0 };
  const rows = [];
  const failureKinds = new Map();
  const captionCounts = { found: 0, missed: 0, extra: 0, pages: 0, unjudged: 0 };
  const captionRows = [];
  for (const page of pages) {
    const text = readFileSync(join(cacheDir, `${page.id}.txt`), 'utf8');
    const result = await convert({ path: `/eval/${page.id}.txt`, value: text }, { root: '/eval', ingesters: [ingester], timeZone: 'UTC' });
    const article = result.articles[0];
    const metadata = readMetadata(parseHTML(page.html).document);
    const blocks = (article?.body.children ?? []).filter((node) => node.type !== 'figure').map((node) => fold(textOf(node)));
    const truth = paragraphsOf(page.truth);
    const truthFirst = truth[0] ?? '';
    const truthDateline = matchDateline(truthFirst) ?? staffDateline(truthFirst);
    const firstExpected = fold(truthDateline ? truthDateline.rest : truthFirst);

    const headline = headlineCandidates(metadata).has(fold(article?.headline));
    const first = blocks[0] !== undefined && (blocks[0] === firstExpected || blocks[0] === fold(truthFirst));
    const last = blocks.at(-1) !== undefined && blocks.at(-1) === fold(truth.at(-1));
    const got = article?.dateline;
    const dateline = truthDateline
      ? fold(got?.place ?? '') === fold(truthDateline.place ?? '') && (got?.agency ?? '') === (truthDateline.agency ?? '')
      : !got;
    const expectedAuthors = [...new Set((metadata.authors?.value ?? []).map(personName).filter(Boolean))].sort();
    const gotAuthors = (article?.authors ?? []).map((author) => fold(author.name).toLowerCase()).sort();
    const authors = expectedAuthors.length === 0 || expectedAuthors.join('|') === gotAuthors.join('|');
    const expectedDate = metadataDate(metadata.published?.value, normalizeDate);
    const gotDate = article?.published;
    const date = expectedDate === undefined || sameDay(gotDate, expectedDate);
    if (expectedDate !== undefined) counts.datePages++;
    if (expectedDate !== undefined && date) counts.date++;
    if (truthDateline) counts.datelinePages++;
    if (expectedAuthors.length > 0) counts.authorPages++;
    for (const [key, right] of Object.entries({ headline, first, last, dateline })) if (right) counts[key]++;
    if (expectedAuthors.length > 0 && authors) counts.authors++;
    const truthFolded = truth.map(fold);
    const kinds = [];
    if (!article) kinds.push('no article found');
    else {
      if (!first) kinds.push(firstKind(blocks, truthFolded, firstExpected));
      if (!last) kinds.push(lastKind(blocks, truthFolded));
      if (!headline)
        kinds.push(
          blocks.includes(fold(article.headline)) || truthFolded.includes(fold(article.headline))
            ? 'headline: a line of the story'
            : 'headline: another line of the page',
        );
    }
    for (const kind of kinds) failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
    const captions = compareCaptions(extractPage(page.html).figures, article);
    if (captions.judged) {
      captionCounts.pages++;
      for (const key of ['found', 'missed', 'extra']) captionCounts[key] += captions[key].length;
      if (captions.missed.length + captions.extra.length > 0) captionRows.push({ id: page.id.slice(0, 12), url: page.url, ...captions });
    } else captionCounts.unjudged += captions.extra.length;
    rows.push({
      id: page.id.slice(0, 12),
      url: page.url,
      marks: { headline, first, last, dateline, authors, date },
      judged: { authors: expectedAuthors.length > 0, date: expectedDate !== undefined },
      kinds,
      headline: article?.headline ?? '(no article)',
      expectedHeadline: metadata.headline?.value ?? metadata.firstHeading ?? metadata.title,
      first: blocks[0],
      firstExpected,
      last: blocks.at(-1),
      lastExpected: fold(truth.at(-1)),
      dateline: got,
      expectedDateline: truthDateline && { place: truthDateline.place, agency: truthDateline.agency },
      authors: gotAuthors,
      expectedAuthors,
      date: gotDate,
      expectedDate,
    });
  }
  const n = pages.length;
  console.log(`Wire text ingester on the copied text of ${n} pages of ${corpus}`);
  console.log(`headline         ${counts.headline}/${n}`);
  console.log(`first paragraph  ${counts.first}/${n}`);
  console.log(`last paragraph   ${counts.last}/${n}`);
  console.log(`dateline         ${counts.dateline}/${n}  (${counts.datelinePages} pages open with one)`);
  console.log(`authors          ${counts.authors}/${counts.authorPages}  (of the pages whose metadata names authors)`);
  console.log(`date             ${counts.date}/${counts.datePages}  (of the pages whose metadata has a date)`);
  console.log(
    `captions         found ${captionCounts.found}, missed ${captionCounts.missed}, extra ${captionCounts.extra}  (on the ${captionCounts.pages} pages with figcaptions; ${captionCounts.unjudged} kept on the others)`,
  );
  if (args.includes('--split')) {
    for (const [name, test] of [
      ['ids 0-7', (id) => /^[0-7]/.test(id)],
      ['ids 8-f', (id) => /^[89a-f]/.test(id)],
    ]) {
      const half = rows.filter((row) => test(row.id));
      const score = (key) => {
        const judged = half.filter((row) => row.judged[key] ?? true);
        return `${judged.filter((row) => row.marks[key]).length}/${judged.length}`;
      };
      const keys = ['headline', 'first', 'last', 'dateline', 'authors', 'date'];
      console.log(`${name}: ${keys.map((key) => `${key} ${score(key)}`).join('  ')}`);
    }
  }
  console.log('\nMisses by kind (a page may have several):');
  for (const [kind, count] of [...failureKinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`  ${String(count).padStart(3)}  ${kind}`);
  if (args.includes('--pages') || only) {
    for (const row of rows) {
      const wrong = Object.entries(row.marks)
        .filter(([, right]) => !right)
        .map(([key]) => key);
      if (wrong.length === 0) continue;
      console.log(
        `\n${row.id} ${row.url}\n  wrong: ${wrong.join(', ')}${row.kinds.length > 0 ? `\n  kinds: ${row.kinds.join('; ')}` : ''}`,
      );
      if (!row.marks.headline)
        console.log(`  headline: ${JSON.stringify(row.headline)}\n      want: ${JSON.stringify(row.expectedHeadline)}`);
      if (!row.marks.first)
        console.log(`  first: ${JSON.stringify(row.first?.slice(0, 160))}\n   want: ${JSON.stringify(row.firstExpected.slice(0, 160))}`);
      if (!row.marks.last)
        console.log(`  last: ${JSON.stringify(row.last?.slice(-160))}\n  want: ${JSON.stringify(row.lastExpected.slice(-160))}`);
      if (!row.marks.dateline) console.log(`  dateline: ${JSON.stringify(row.dateline)} want ${JSON.stringify(row.expectedDateline)}`);
      if (!row.marks.authors) console.log(`  authors: ${JSON.stringify(row.authors)} want ${JSON.stringify(row.expectedAuthors)}`);
      if (!row.marks.date) console.log(`  date: ${JSON.stringify(row.date)} want ${JSON.stringify(row.expectedDate)}`);
    }
    for (const row of captionRows) {
      console.log(`\n${row.id} ${row.url}\n  captions: found ${row.found.length}, missed ${row.missed.length}, extra ${row.extra.length}`);
      for (const text of row.missed) console.log(`  missed: ${JSON.stringify(text.slice(0, 160))}`);
      for (const text of row.extra) console.log(`  extra:  ${JSON.stringify(text.slice(0, 160))}`);
    }
  }
}

/** A caption and credit as compared: folded, lower case, letters and digits only. */
function captionKey(text) {
  return fold(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a page caption and a kept figure are the same caption (see the header comment). */
function sameCaption(expected, kept) {
  const caption = [captionKey(expected.caption ?? ''), captionKey(kept.caption ?? '')];
  if (caption[0] && caption[0] === caption[1]) return true;
  const whole = captionKey(`${expected.caption ?? ''}${expected.credit ?? ''}`);
  const ordered = [`${kept.caption ?? ''}${kept.credit ?? ''}`, `${kept.credit ?? ''}${kept.caption ?? ''}`].map(captionKey);
  if (whole && ordered.includes(whole)) return true;
  return ordered.some((other) => {
    const [shorter, longer] = whole.length <= other.length ? [whole, other] : [other, whole];
    return shorter.length >= 20 && shorter.length >= 0.8 * longer.length && longer.includes(shorter);
  });
}

/** The page's captions found, missed and the kept figures' extra, as text; judged when the page has figcaptions. */
function compareCaptions(pageFigures, article) {
  const text = (figure) => [figure.caption, figure.credit].filter(Boolean).join(' ');
  const expected = [];
  for (const figure of pageFigures) {
    if (!figure.caption && !figure.credit) continue;
    if (!expected.some((other) => captionKey(text(other)) === captionKey(text(figure)))) expected.push(figure);
  }
  const kept = (article?.body.children ?? []).filter((node) => node.type === 'figure' && (node.caption || node.credit));
  const used = new Set();
  const found = [];
  const missed = [];
  for (const figure of expected) {
    const match = kept.find((other) => !used.has(other) && sameCaption(figure, other));
    if (match) {
      used.add(match);
      found.push(text(figure));
    } else missed.push(text(figure));
  }
  const extra = kept.filter((figure) => !used.has(figure)).map(text);
  return { judged: expected.length > 0, found, missed, extra };
}

/** A name as the metadata gives it, without `By`, a job title or outlet after a comma, bar or dash, case folded. */
function personName(value) {
  return fold(value)
    .replace(/^by\s+/i, '')
    .split(/\s*[,|]\s*|\s+-\s+|(?<=\p{L}{3})\.\s+/u)[0]
    .toLowerCase();
}

/**
 * The metadata's publication date as RFC 3339 (`normalizeDate`, as @syndikit/page reads it; other forms such as
 * `19 Nov 2019 07:09 GMT` by `Date.parse`), or `undefined` when there is none or it is a placeholder before 1995.
 */
function metadataDate(value, normalizeDate) {
  if (!value) return undefined;
  let normal = normalizeDate(value.trim().replace(' ', 'T'), 'UTC');
  if (typeof normal !== 'string') {
    const parsed = Date.parse(value);
    normal = Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  return normal && Number(normal.slice(0, 4)) >= 1995 ? normal : undefined;
}

/**
 * Whether `got` falls on the calendar day of `want`: as `want` is written, or in the offset `got` is written in; a
 * day without a time (midnight) also when it is `want`'s day anywhere from UTC-12 to UTC+14.
 */
function sameDay(got, want) {
  if (!got) return false;
  if (got.slice(0, 10) === want.slice(0, 10)) return true;
  const instant = Date.parse(want);
  if (/T00:00:00/.test(got)) {
    const day = got.slice(0, 10);
    const earliest = new Date(instant - 12 * 3_600_000).toISOString().slice(0, 10);
    const latest = new Date(instant + 14 * 3_600_000).toISOString().slice(0, 10);
    if (earliest <= day && day <= latest) return true;
  }
  const offset = /([+-])(\d\d):?(\d\d)$/.exec(got);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const shifted = new Date(instant + minutes * 60_000).toISOString();
  return shifted.slice(0, 10) === got.slice(0, 10);
}

/** Why the first paragraph is not the ground truth's: the story was found too late, too early, or elsewhere. */
function firstKind(blocks, truth, expected) {
  const at = blocks.indexOf(expected);
  if (at > 0) return 'first paragraph: header or chrome kept above the story';
  if (truth.indexOf(blocks[0]) > 0) return 'first paragraph: story found too late (its start missed)';
  return 'first paragraph: story found elsewhere (a teaser, a list, another block)';
}

/** Why the last paragraph is not the ground truth's: the story ended early, ran on, or the truth keeps a trailer. */
function lastKind(blocks, truth) {
  const ours = blocks.at(-1);
  const at = truth.indexOf(ours);
  if (at !== -1 && at < truth.length - 1) {
    const rest = truth.slice(at + 1);
    return rest.every((paragraph) => paragraph.length < 120 && !/[.!?"']$/.test(paragraph))
      ? 'last paragraph: the ground truth keeps short lines after the story (links, lists, dates)'
      : 'last paragraph: story ended early (a list, quote, embed or promotion inside it)';
  }
  if (blocks.includes(truth.at(-1) ?? '')) return 'last paragraph: story ran on into the trailer';
  return 'last paragraph: ends elsewhere (trailer prose taken, or the story found elsewhere)';
}

/** A staff dateline (`MADRID — …`) in the ground truth: a place in capitals and a dash. */
function staffDateline(text) {
  const groups =
    /^(?<place>[\p{Lu}][\p{Lu}\p{M}.'’ ]{2,40}?(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ ]{1,30}?)?)\s*(?:—|–|--)\s*(?<rest>\p{Lu}.{19,})$/u.exec(
      text,
    )?.groups;
  return groups ? { place: groups.place.trim(), rest: groups.rest } : undefined;
}

await main();
