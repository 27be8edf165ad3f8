// Agency formats against the real corpus in ../shared/corpora (skipped, with a reason, when it is absent):
// every NewsML-G2 example of IPTC's 2.35 listings and every dpa NewsML-G2 rendering goes through
// @syndikit/newsml-g2's reader, every dpa digitalwires entry through @syndikit/digitalwires; every article
// read is written back as NewsML-G2, validated with xmllint against the IPTC 2.35 schema, and read again:
// headline and body text must survive. Files that are not articles must say so (an info line), files that
// are not documents (listing fragments) must be declined with a positioned error.
// Prints one line per file, then `N passed, N failed`; exits 1 on any failure.
// Run after a build: `npx turbo run build --output-logs=errors-only && node scripts/conformance-agency.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSite, slugify } from '@syndikit/core';
import { ingestDigitalwires } from '@syndikit/digitalwires';
import { articleToNewsMlG2, readNewsMlG2 } from '@syndikit/newsml-g2';
import { VFile } from 'vfile';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = resolve(root, '../shared/corpora');
const schema = join(corpora, 'newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd');
const now = '2026-01-01T00:00:00Z';
const site = { ...defaultSite, title: 'syndikit conformance' };

if (!existsSync(corpora)) {
  console.log(`conformance-agency: skipped, no corpus at ${corpora}`);
  process.exit(0);
}
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!xmllint) console.log('conformance-agency: xmllint is not installed (apt-get install libxml2-utils): schema validation skipped');

let passed = 0;
let failed = 0;
const check = (ok, label) => {
  if (ok) passed++;
  else {
    failed++;
    console.log(`  FAIL ${label}`);
  }
};

/** Text of an mdast body: every value, figure captions and credits, whitespace collapsed. */
const bodyText = (node) => {
  const parts = [];
  const walk = (current) => {
    if (typeof current.value === 'string' && current.type !== 'html') parts.push(current.value);
    if (current.type === 'figure') parts.push(current.caption ?? '', current.credit ?? '');
    for (const child of current.children ?? []) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
};
const severity = (message) => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info');
const summary = (article) => {
  const f = article.fields;
  return [
    `headline ${f.headline ? 'yes' : 'NO'}`,
    f.subheadline ? 'sub' : '',
    `authors ${f.authors.length}`,
    f.dateline ? `dateline ${[f.dateline.place, f.dateline.agency].filter(Boolean).join('/')}` : '',
    f.published ? 'published' : '',
    f.updated ? 'updated' : '',
    f.embargoed ? 'embargoed' : '',
    f.status ? `status ${f.status}` : '',
    f.language ? `lang ${f.language}` : '',
    f.section ? `section ${f.section}` : '',
    `tags ${f.tags.length}`,
    f.summary ? 'summary' : '',
    f.copyright ? '©' : '',
    f.source ? `source ${f.source}` : '',
    `images ${f.images.length}`,
    `editor notes ${article.editorNotes.length}`,
    `body ${article.body.children.length} blocks`,
  ]
    .filter(Boolean)
    .join(', ');
};

const outputs = [];
const handle = (label, text, read) => {
  const file = new VFile({ path: label, value: text });
  let articles;
  try {
    articles = read(file, text);
  } catch (error) {
    check(false, `${label}: crashed: ${error.message}`);
    return;
  }
  const errors = file.messages.filter((message) => message.fatal === true);
  const info = file.messages.filter((message) => severity(message) === 'info' && /not-article|unresolved-ref/.test(message.ruleId ?? ''));
  if (articles.length === 0) {
    const declined = errors.length > 0 && errors.every((message) => message.line && message.ruleId);
    const outcome =
      info.length > 0
        ? `not an article: ${info[0].reason}`
        : declined
          ? `declined: ${errors[0].reason} [${errors[0].ruleId}]`
          : 'nothing read, nothing said';
    console.log(`${label}: ${outcome}`);
    check(info.length > 0 || declined, `${label}: no article and no info line or positioned error`);
    return;
  }
  for (const [index, article] of articles.entries()) {
    const name = articles.length > 1 ? `${label}#${index + 1}` : label;
    console.log(`${name}: ${summary(article)}`);
    check(errors.length === 0, `${name}: errors: ${errors.map((message) => message.reason).join('; ')}`);
    const slug = slugify(article.slugHint || article.fields.headline || 'item') || 'item';
    const full = { ...article.fields, id: article.fields.id ?? slug, slug, headline: article.fields.headline ?? '', body: article.body };
    const xml = articleToNewsMlG2(full, site, { now });
    check(Boolean(xml), `${name}: the writer failed`);
    if (!xml) continue;
    outputs.push({ name, xml });
    const again = new VFile({ path: `${name}.out.xml`, value: xml });
    const [back] = readNewsMlG2({ file: again, text: xml, timeZone: 'UTC', articlePath: `${slug}.xml` });
    check(
      back?.fields.headline === full.headline,
      `${name}: headline changed: ${JSON.stringify(full.headline)} → ${JSON.stringify(back?.fields.headline)}`,
    );
    const before = bodyText(article.body);
    const after = back ? bodyText(back.body) : '';
    check(
      before === after,
      `${name}: body text changed (${before.length} → ${after.length} characters): ${firstDifference(before, after)}`,
    );
  }
};

function firstDifference(a, b) {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return `at ${index}: ${JSON.stringify(a.slice(index, index + 40))} vs ${JSON.stringify(b.slice(index, index + 40))}`;
}

const g2 = (file, text) => readNewsMlG2({ file, text, timeZone: 'UTC', articlePath: file.path });
const dw = (file, text) => {
  const result = ingestDigitalwires({ file, text, timeZone: 'UTC' });
  return result ? [result] : [];
};
const sources = [
  ['newsml-g2/examples', '.xml', g2],
  ['dpa-digitalwires/newsml-g2', '.xml', g2],
  ['dpa-digitalwires/input', '.json', dw],
];
for (const [folder, extension, read] of sources) {
  const dir = join(corpora, folder);
  if (!existsSync(dir)) {
    console.log(`conformance-agency: no ${folder}, skipped`);
    continue;
  }
  for (const name of readdirSync(dir)
    .filter((entry) => entry.endsWith(extension))
    .sort()) {
    handle(`${folder}/${name}`, readFileSync(join(dir, name), 'utf8'), read);
  }
}

if (xmllint && existsSync(schema) && outputs.length > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-agency-'));
  try {
    const paths = outputs.map((output, index) => {
      const path = join(dir, `${index}.xml`);
      writeFileSync(path, output.xml);
      return path;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...paths], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const valid = new Set(
      run.stderr.split('\n').flatMap((line) => (line.endsWith(' validates') ? [line.slice(0, -' validates'.length)] : [])),
    );
    outputs.forEach((output, index) => {
      const path = paths[index];
      const problems = run.stderr.split('\n').filter((line) => line.startsWith(`${path}:`));
      check(valid.has(path), `${output.name}: NewsML-G2 output is not valid against the 2.35 schema: ${problems.slice(0, 3).join(' | ')}`);
    });
    console.log(`conformance-agency: ${valid.size} of ${outputs.length} NewsML-G2 outputs valid against ${schema}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (outputs.length > 0) console.log('conformance-agency: schema validation skipped (no xmllint or no schema)');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
