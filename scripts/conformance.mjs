// `npm run conformance`: checks output against external validators, beyond the unit tests.
// Called by .ci/run after `npm start` has built the fixtures into out/.
//
// 1. The fixtures' build (out/): every XML file well-formed under libxml2's xmllint (Debian's
//    libxml2-utils, which .ci/run installs), every feed.json valid against the published JSON Feed
//    1.1 schema, every AMP page PASSing the official AMP validator, every ninjs file valid against
//    IPTC's ninjs 3.1 schema (when ../shared/corpora/ninjs is there).
// 2. When ../shared/corpora/ninjs exists: every example there (agency samples and IPTC's
//    documentation examples, ninjs 1.x to 3.x) is built to every format, the outputs pass the same
//    checks, and each article's headline and body text survive.
// 3. Both builds: Python's feedparser (Debian's python3-feedparser, which .ci/run installs) reads every
//    RSS and Atom feed with no bozo flag, one entry per JSON Feed item with the same title, link, id,
//    dates, authors and enclosure, and no two entries of a feed share an id.
// 4. Both builds: every URL into the site points at a file the build wrote, or at a URL it was given
//    (an article's canonical page, a URL written in an input, the site itself): scripts/link-check.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv as Ajv7 } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import amphtmlValidator from 'amphtml-validator';
import { fetchAmpValidator } from './fetch-amp-validator.mjs';
import { brokenLinks, urlsIn } from './link-check.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'out');
const corpus = resolve(root, '../shared/corpora/ninjs');
const require = createRequire(import.meta.url);
let failures = 0;
let checked = 0;
const fail = (message) => {
  failures++;
  console.error(`conformance: FAIL ${message}`);
};
const filesIn = (dir) => readdirSync(dir, { recursive: true }).map(String).sort();

const jsonFeed = new Ajv7({ allErrors: true, strict: false });
addFormats(jsonFeed);
const validateJsonFeed = jsonFeed.compile(JSON.parse(readFileSync(require.resolve('jsonfeed-schema/schema-v1.1.json'), 'utf8')));

let validateNinjs;
if (existsSync(corpus)) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The schema refers to GeoJSON by URL; a local stand-in is registered so nothing is fetched.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object', required: ['type'] });
  validateNinjs = ajv.compile(JSON.parse(readFileSync(join(corpus, 'schema/ninjs-schema_3.1.json'), 'utf8')));
} else console.log(`conformance: ${corpus} not found; ninjs schema checks skipped`);

const amp = await amphtmlValidator.getInstance(fetchAmpValidator());

/**
 * Every URL into `siteUrl` in the build is a written file or was given: written in an input under
 * `inputs`, the site URL, or an article's canonical page (AMP's rel=canonical, JSON Feed's item url).
 */
function checkLinks(dir, label, siteUrl, inputs) {
  const files = filesIn(dir).filter((path) => !path.startsWith('.') && statSync(join(dir, path)).isFile());
  const outputs = new Map(files.map((path) => [path, readFileSync(join(dir, path))]));
  const given = new Set([`${siteUrl}/`]);
  for (const path of filesIn(inputs)) {
    const file = join(inputs, path);
    if (statSync(file).isFile()) for (const url of urlsIn(readFileSync(file, 'utf8'))) given.add(url);
  }
  for (const [path, contents] of outputs) {
    if (path.startsWith('amp/'))
      for (const match of String(contents).matchAll(/<link rel="canonical" href="([^"]+)">/g)) given.add(match[1]);
    if (path.endsWith('feed.json')) for (const item of JSON.parse(String(contents)).items) if (item.url) given.add(item.url);
  }
  const broken = brokenLinks(outputs, siteUrl, given);
  for (const { file, url } of broken) fail(`${label}/${file}: ${url} points into the site at a file the build did not write`);
  if (broken.length === 0) checked++;
}

/** Python with Debian's feedparser: the system interpreter, not one a version manager puts first on PATH. */
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** What a feed reader should see for a JSON Feed item, in the RSS or Atom feed beside it. */
function expectedEntry(item, format) {
  const names = (item.authors ?? []).map((author) => author.name);
  const lead = (item.attachments ?? [])[0];
  return {
    title: item.title,
    link: item.url,
    id: item.id,
    published: Date.parse(item.date_published) / 1000,
    // Atom: one author element per author. RSS: feedparser keeps one author, the last dc:creator, which
    // syndikit makes the whole byline; a single author with an email is `<author>email (Name)</author>`,
    // which feedparser gives as written (its address pattern takes 2-4 letter domains only, so it splits
    // `…@news.example` wrongly in `authors`): the check is that its author shows every name.
    ...(format === 'atom10'
      ? { updated: Date.parse(item.date_modified) / 1000, authors: names }
      : { author: names.length > 0 ? new Intl.ListFormat(item.language, { type: 'conjunction' }).format(names) : null }),
    enclosures: lead?.size_in_bytes ? [{ href: lead.url, length: String(lead.size_in_bytes), type: lead.mime_type }] : [],
  };
}

/** feedparser reads each RSS and Atom feed as the JSON Feed beside it says, bozo-free, with unique ids. */
function checkFeedparser(dir, label, files) {
  const feeds = files.filter((path) => /(^|\/)(feed|atom)\.xml$/.test(path));
  if (feeds.length === 0) return;
  const run = spawnSync(python, [join(root, 'scripts/feedparser-read.py'), ...feeds.map((path) => join(dir, path))], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) {
    fail(`feedparser did not run (apt-get install python3-feedparser): ${run.error?.message ?? run.stderr.trim()}`);
    return;
  }
  for (const [index, parsed] of JSON.parse(run.stdout).entries()) {
    const path = feeds[index];
    const where = `${label}/${path}: feedparser`;
    if (parsed.bozo) fail(`${where}: bozo: ${parsed.bozo_exception}`);
    const ids = parsed.entries.map((entry) => entry.id);
    const repeated = ids.filter((id, position) => ids.indexOf(id) !== position);
    if (repeated.length > 0) fail(`${where}: entries share ids: ${[...new Set(repeated)].join(', ')}`);
    const json = join(dir, path.replace(/(feed|atom)\.xml$/, 'feed.json'));
    if (!existsSync(json)) continue;
    const items = JSON.parse(readFileSync(json, 'utf8')).items;
    if (parsed.entries.length !== items.length) fail(`${where}: ${parsed.entries.length} entries for ${items.length} JSON Feed items`);
    let matched = true;
    for (const [position, item] of items.entries()) {
      const expected = expectedEntry(item, parsed.version);
      const entry = parsed.entries[position] ?? {};
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, entry[key]]));
      // feedparser's RSS author is the byline, or `email (Name)` for one author with an email.
      if (typeof expected.author === 'string' && typeof actual.author === 'string' && actual.author.endsWith(`(${expected.author})`))
        actual.author = expected.author;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        matched = false;
        fail(`${where}: entry ${position + 1} reads as ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    }
    if (!parsed.bozo && repeated.length === 0 && matched) checked++;
  }
}

/** Check one build folder: XML, JSON Feed, AMP, ninjs. */
function checkBuild(dir, label) {
  const files = filesIn(dir);
  const xml = files.filter((path) => /\.(xml|xsl)$/.test(path)).map((path) => join(dir, path));
  if (xml.length === 0) fail(`${label}: no XML files`);
  else {
    const lint = spawnSync('xmllint', ['--noout', ...xml], { encoding: 'utf8' });
    if (lint.error) fail(`xmllint is not installed (apt-get install libxml2-utils): ${lint.error.message}`);
    else if (lint.status !== 0) fail(`${label}: xmllint: ${lint.stderr.trim()}`);
    else checked += xml.length;
  }
  for (const path of files.filter((name) => name.endsWith('feed.json'))) {
    const document = JSON.parse(readFileSync(join(dir, path), 'utf8'));
    if (!validateJsonFeed(document)) fail(`${label}/${path}: ${jsonFeed.errorsText(validateJsonFeed.errors)}`);
    else if (document.version !== 'https://jsonfeed.org/version/1.1' || 'author' in document)
      fail(`${label}/${path}: not JSON Feed 1.1 with authors`);
    else checked++;
  }
  checkFeedparser(dir, label, files);
  const pages = files.filter((path) => path.startsWith('amp/') && path.endsWith('.html'));
  if (pages.length === 0) fail(`${label}: no AMP pages`);
  for (const path of pages) {
    const result = amp.validateString(readFileSync(join(dir, path), 'utf8'));
    if (result.status !== 'PASS' || result.errors.length > 0) {
      fail(
        `${label}/${path}: AMP ${result.status}: ${result.errors.map((error) => `${error.line}:${error.col} ${error.message}`).join('; ')}`,
      );
    } else checked++;
  }
  if (validateNinjs) {
    for (const path of files.filter((name) => name.startsWith('ninjs/') && name.endsWith('.json'))) {
      const document = JSON.parse(readFileSync(join(dir, path), 'utf8'));
      if (!validateNinjs(document)) fail(`${label}/${path}: ninjs 3.1: ${JSON.stringify(validateNinjs.errors?.slice(0, 3))}`);
      else checked++;
    }
  }
}

const words = (text) =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Headline and body text of every corpus example survive into ninjs output. */
function checkPreserved(dir) {
  const outputs = filesIn(join(dir, 'ninjs')).map((name) => JSON.parse(readFileSync(join(dir, 'ninjs', name), 'utf8')));
  for (const name of filesIn(join(corpus, 'examples')).filter((path) => path.endsWith('.json'))) {
    const input = JSON.parse(readFileSync(join(corpus, 'examples', name), 'utf8'));
    // Several examples share a uri; the article is the output with that uri and this headline.
    const uri = /^[a-z][a-z0-9+.-]*:/i.test(input.uri) ? input.uri : `urn:syndikit:${encodeURIComponent(input.uri)}`;
    const headline = (
      input.headline ??
      (input.headlines ?? []).find((entry) => !entry.role || entry.role === 'main')?.value ??
      input.headlines?.[0]?.value
    )?.trim();
    const candidates = outputs.filter((item) => item.uri === uri && (!headline || item.headlines[0].value === headline));
    if (candidates.length === 0) {
      fail(`corpus/${name}: no ninjs output with uri ${uri} and headline ${JSON.stringify(headline)}`);
      continue;
    }
    const bodies = input.bodies ?? [];
    const body =
      input.body_html ??
      input.body_text ??
      (bodies.find((entry) => /html|xml/i.test(entry.contentType ?? entry.contenttype ?? '')) ?? bodies[0])?.value ??
      '';
    const expected = words(body);
    // The dateline moves from the first words into metadata, so compare the middle and the end, in order.
    const tail = expected.slice(-40).join(' ');
    const middle = expected.slice(Math.floor(expected.length / 2), Math.floor(expected.length / 2) + 20).join(' ');
    const preserved = candidates.some((output) => {
      const actual = words((output.bodies ?? []).find((entry) => entry.contentType === 'text/plain')?.value ?? '').join(' ');
      return actual.includes(tail) && actual.includes(middle);
    });
    if (expected.length > 12 && !preserved) fail(`corpus/${name}: body text was not preserved`);
    else checked++;
  }
}

checkBuild(out, 'out');
checkLinks(out, 'out', 'https://news.example', join(root, 'fixtures'));

if (existsSync(corpus)) {
  const build = mkdtempSync(join(tmpdir(), 'syndikit-conformance-'));
  try {
    const cli = join(root, 'packages/cli/dist/bin.js');
    const args = [
      cli,
      'build',
      join(corpus, 'examples'),
      '--out',
      build,
      '--formats',
      'ninjs,rss,atom,jsonfeed,amp,markdown',
      '--site-url',
      'https://wire.example',
      '--now',
      '2026-01-01T00:00:00Z',
      '--config',
      '/dev/null',
      '--quiet',
    ];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) fail(`building the ninjs corpus exited ${run.status}: ${run.stderr}`);
    const converted = filesIn(join(build, 'ninjs')).length;
    const inputs = filesIn(join(corpus, 'examples')).filter((path) => path.endsWith('.json')).length;
    if (converted !== inputs) fail(`ninjs corpus: ${converted} of ${inputs} examples converted`);
    checkBuild(build, 'corpus');
    checkLinks(build, 'corpus', 'https://wire.example', join(corpus, 'examples'));
    checkPreserved(build);
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

console.log(`conformance: ${checked} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
