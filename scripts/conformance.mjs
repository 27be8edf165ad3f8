// `npm run conformance`: checks built output against external validators, beyond the unit tests.
// Run after `npm start` (which builds the fixtures into out/). Called by .ci/run.
//
// - Every XML file in out/ must be well-formed under libxml2's xmllint (from Debian's
//   libxml2-utils, which .ci/run installs); when xmllint is missing the check says so and fails.
// - out/feed.json must validate against the published JSON Feed 1.1 schema (jsonfeed-schema).
// - every page in out/amp/ must PASS the official AMP validator (engine fetched once by
//   scripts/fetch-amp-validator.mjs), with zero errors.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import amphtmlValidator from 'amphtml-validator';
import { fetchAmpValidator } from './fetch-amp-validator.mjs';

const out = process.argv[2] ?? 'out';
const require = createRequire(import.meta.url);
let failures = 0;
let checked = 0;
const fail = (message) => {
  failures++;
  console.error(`conformance: FAIL ${message}`);
};

const files = readdirSync(out, { recursive: true }).map(String).sort();
const xml = files.filter((path) => /\.(xml|xsl)$/.test(path)).map((path) => join(out, path));
if (xml.length === 0) fail(`no XML files in ${out}: run npm start first`);
const lint = spawnSync('xmllint', ['--noout', ...xml], { encoding: 'utf8' });
if (lint.error) fail(`xmllint is not installed (apt-get install libxml2-utils): ${lint.error.message}`);
else if (lint.status !== 0) fail(`xmllint: ${lint.stderr.trim()}`);
else checked += xml.length;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('jsonfeed-schema/schema-v1.1.json'), 'utf8')));
for (const path of files.filter((name) => name.endsWith('feed.json'))) {
  const document = JSON.parse(readFileSync(join(out, path), 'utf8'));
  if (!validate(document)) fail(`${path}: ${ajv.errorsText(validate.errors)}`);
  else if (document.version !== 'https://jsonfeed.org/version/1.1' || 'author' in document) fail(`${path}: not JSON Feed 1.1 with authors`);
  else checked++;
}

const pages = files.filter((path) => path.startsWith('amp/') && path.endsWith('.html'));
if (pages.length === 0) fail(`no AMP pages in ${out}/amp`);
const validator = await amphtmlValidator.getInstance(fetchAmpValidator());
for (const path of pages) {
  const result = validator.validateString(readFileSync(join(out, path), 'utf8'));
  if (result.status !== 'PASS' || result.errors.length > 0) {
    fail(`${path}: AMP ${result.status}: ${result.errors.map((error) => `${error.line}:${error.col} ${error.message}`).join('; ')}`);
  } else checked++;
}

console.log(`conformance: ${checked} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
