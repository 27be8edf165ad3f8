// Large-input benchmark: adversarial articles just under the limits, each built alone in its own
// child process (`syndikit build FILE`, every text format), with wall time and peak RSS against a
// 1,000-word article measured in the same run. Exits non-zero when an input that the limits accept
// takes more than the bounds below. Run: npm run bench:large [--size BYTES] [--only NAME,…]
//
// The inputs are generated here (never checked in) so that they track the limits: change
// `defaultLimits` and the shapes grow or shrink with it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultLimits } from '@syndikit/core';

/** Bounds per article on the 2-core bench machine (issue 11): ~10 s and ~512 MB. */
const maxSeconds = 10;
const maxRssMb = 512;

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
/** Bytes each adversarial input is filled to: just under the limit. */
const target = Number(values.size ?? defaultLimits.maxBytes - 1024);
const { maxDelimiters, maxDepth, maxMarkup, maxContainers } = defaultLimits;

const frontMatter = `---
title: Large input
published: 2024-06-15T10:00:00Z
---

`;

const words = 'the council voted late on tuesday to replace the bridge after a decade of argument over the span'.split(' ');
const sentence = (index) => {
  const out = [];
  for (let word = 0; word < 18; word++) out.push(words[(index * 7 + word) % words.length]);
  return `${out.join(' ')}.`;
};
const paragraph = (index) => Array.from({ length: 4 }, (_, offset) => sentence(index + offset)).join(' ');

/** Markup characters and containers about as `checkMarkdownSource` counts them. */
function costOf(text) {
  let markup = 0;
  let containers = 0;
  for (const line of text.split('\n')) {
    const prefix = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)))*/.exec(line)?.[0] ?? '';
    containers += (prefix.match(/>|(?:^|[ \t>])(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/g) ?? []).length;
    markup += (line.match(/https?:\/\/|www\.|@/gi) ?? []).length + (prefix.match(/[-+]|\d[.)]/g) ?? []).length;
    for (const char of line) if ('*_~[]|><`'.includes(char)) markup++;
  }
  return { markup, containers };
}

/**
 * An article of `size` bytes: plain paragraphs first (so the parser's lists of events are long
 * when the markup comes), then as many `unit(index)` as the markup limit allows, each followed by
 * `separator`, after `head`.
 */
function article(unit, separator = '\n\n', head = '', size = target) {
  const units = [head];
  let { markup, containers } = costOf(head);
  let bytes = Buffer.byteLength(head);
  for (let index = 0; ; index++) {
    const part = unit(index) + separator;
    const cost = costOf(part);
    if (markup + cost.markup > maxMarkup || containers + cost.containers > maxContainers) break;
    if (bytes + Buffer.byteLength(part) > size - Buffer.byteLength(frontMatter)) break;
    units.push(part);
    markup += cost.markup;
    containers += cost.containers;
    bytes += Buffer.byteLength(part);
  }
  const tail = units.join('');
  return `${fill(frontMatter, paragraph, '\n\n', size - Buffer.byteLength(tail) - 2)}\n\n${tail}`;
}

/** Repeat `unit(index)` until the text is `size` bytes (never over). */
function fill(head, unit, separator, size = target) {
  const parts = [head];
  let length = Buffer.byteLength(head);
  for (let index = 0; ; index++) {
    const part = unit(index) + separator;
    const bytes = Buffer.byteLength(part);
    if (length + bytes > size) break;
    parts.push(part);
    length += bytes;
  }
  return parts.join('');
}

/** Each shape is `[name, what it stresses, make text]`. */
const shapes = [
  ['baseline', 'a normal 1,000-word article', () => fill(frontMatter, paragraph, '\n\n', 6_500)],
  ['prose', 'plain paragraphs up to the size limit', () => fill(frontMatter, paragraph, '\n\n')],
  [
    'single-line',
    'one paragraph on one line',
    () => `${frontMatter}${fill('', sentence, ' ', target - frontMatter.length - 1).trimEnd()}\n`,
  ],
  [
    'emphasis',
    `blocks of ${maxDelimiters} emphasis delimiters`,
    () => article(() => Array.from({ length: maxDelimiters / 2 }, (_, index) => (index % 2 ? '*word*' : '_word_')).join(' ')),
  ],
  [
    'emphasis-list',
    `tight lists whose items each have ${maxDelimiters} emphasis delimiters`,
    // Each item is its own inline run, counted alone (a changelog's shape), with no blank line between.
    () =>
      article(() => Array.from({ length: 4 }, () => `- ${Array.from({ length: maxDelimiters / 2 }, () => '*w*').join(' ')}`).join('\n')),
  ],
  [
    'unclosed-emphasis',
    `blocks of ${maxDelimiters} unmatched emphasis openers`,
    () => article(() => Array.from({ length: maxDelimiters }, () => '*a').join(' ')),
  ],
  ['blockquotes', `blockquotes nested ${maxDepth - 4} deep`, () => article((index) => `${'> '.repeat(maxDepth - 4)}${sentence(index)}`)],
  [
    'lazy-blockquotes',
    `blockquotes nested ${maxDepth - 4} deep, each with 20 lazy lines`,
    () =>
      article(
        (index) =>
          `${'> '.repeat(maxDepth - 4)}${sentence(index)}\n${Array.from({ length: 20 }, (_, line) => sentence(index + line)).join('\n')}`,
      ),
  ],
  [
    'lists',
    `lists nested ${Math.floor(maxDepth / 2) - 2} deep`,
    () => {
      const depth = Math.floor(maxDepth / 2) - 2;
      return article(() => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n'));
    },
  ],
  [
    'table',
    'one table of 8 columns',
    () =>
      article(
        (index) => `| ${index} | two | three | four | five | six | seven | eight |`,
        '\n',
        '| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n',
      ),
  ],
  ['wide-table', 'tables of 500 columns', () => article(() => `${'| x '.repeat(500)}|\n${'|---'.repeat(500)}|\n${'| y '.repeat(500)}|`)],
  [
    'links',
    'paragraphs of links',
    () => article((index) => `See [story ${index}](https://news.example/story/${index}) and [more](https://news.example/m/${index}).`),
  ],
  [
    'autolinks',
    'paragraphs of bare URLs and e-mail addresses',
    () => article((index) => `Read https://news.example/story/${index} or write desk${index}@news.example or www.news.example/${index}.`),
  ],
  [
    'images',
    'figures with distinct remote images',
    () => article((index) => `![Photo ${index}](https://photos.news.example/${index}.jpg "Caption ${index}")`),
  ],
  [
    'footnotes',
    'footnote references and definitions',
    () => {
      const count = Math.floor(maxMarkup / 8);
      const refs = Array.from({ length: count }, (_, index) => `Claim ${index}.[^n${index}]${index % 50 === 49 ? '\n\n' : ' '}`).join('');
      const definitions = Array.from(
        { length: count },
        (_, index) => `[^n${index}]: Source ${index}.${index % 50 === 49 ? '\n' : ''}`,
      ).join('\n');
      const tail = `${refs}\n\n${definitions}\n`;
      return `${fill(frontMatter, paragraph, '\n\n', target - Buffer.byteLength(tail) - 2)}\n\n${tail}`;
    },
  ],
  ['html', 'raw HTML blocks', () => article((index) => `<div class="box"><p>Raw <b>block</b> ${index}</p></div>`)],
  [
    'ninjs-html',
    'a ninjs item whose HTML body is dense markup',
    () => {
      const head = { uri: 'urn:bench:html', headline: 'Large HTML', versioncreated: '2024-06-15T10:00:00Z', body_html: '' };
      const room = target - Buffer.byteLength(JSON.stringify(head)) - 16;
      return JSON.stringify({
        ...head,
        body_html: fill('', (index) => `<p><b>${index}</b> <i>x</i> <a href='https://news.example/${index}'>y</a></p>`, '', room),
      });
    },
    '.json',
  ],
  [
    'ninjs-pictures',
    'a ninjs item with picture associations up to the size limit',
    () => {
      const picture = (index) => ({
        type: 'picture',
        renditions: { base: { href: `https://photos.news.example/${index}.jpg`, width: 1200, height: 800 } },
      });
      const count = Math.floor(target / Buffer.byteLength(JSON.stringify(picture(100_000))));
      const associations = Array.from({ length: count - 10 }, (_, index) => picture(index));
      return JSON.stringify({
        uri: 'urn:bench:pictures',
        headline: 'Pictures',
        body_text: 'Body.',
        versioncreated: '2024-06-15T10:00:00Z',
        associations,
      });
    },
    '.json',
  ],
  [
    'front-matter',
    'front matter of many tags and a long summary',
    () => {
      const tags = fill('tags:\n', (index) => `  - tag number ${index}`, '\n', target / 2);
      const summary = `summary: "${fill('', sentence, ' ', target / 2 - 200).trimEnd()}"\n`;
      return `---\ntitle: Large front matter\npublished: 2024-06-15T10:00:00Z\n${tags}${summary}---\n\nBody.\n`;
    },
  ],
];

const only = values.only ? new Set(values.only.split(',')) : undefined;
const cli = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'syndikit-large-'));

/**
 * Build `inputs` (`[file name, text]`) in a child process of their own; return seconds, peak RSS
 * (MB), exit status and stderr.
 */
function run(name, inputs, args = []) {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  const paths = inputs.map(([file, text]) => {
    writeFileSync(join(folder, file), text);
    return join(folder, file);
  });
  writeFileSync(
    join(folder, 'syndikit.config.yaml'),
    [
      'site:',
      '  title: Bench Gazette',
      '  url: https://news.example',
      '  language: en',
      'formats: [markdown, rss, atom, jsonfeed, amp, ninjs]',
      'now: 2025-01-01T00:00:00Z',
      '',
    ].join('\n'),
  );
  // The child reports its own peak RSS: `process.resourceUsage().maxRSS` at exit.
  const probe = 'process.on("exit",()=>process.stderr.write("\\n@@rss "+process.resourceUsage().maxRSS+"\\n"))';
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(probe)}`,
      cli,
      'build',
      ...paths,
      '--out',
      join(folder, 'out'),
      '--no-cache',
      ...args,
    ],
    { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const secondsTaken = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = Number(/@@rss (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  const stderr = child.stderr.replace(/\n?@@rss \d+\n/, '').trim();
  return { seconds: secondsTaken, rss, status: child.status, stderr };
}

const results = [];
let baseline;
console.log(
  `large inputs: each shape filled to ${target.toLocaleString('en')} bytes (limit ${defaultLimits.maxBytes.toLocaleString('en')}), built alone`,
);
console.log(
  `  ${'shape'.padEnd(18)} ${'bytes'.padStart(11)} ${'status'.padEnd(9)} ${'time'.padStart(8)} ${'× base'.padStart(7)} ${'peak RSS'.padStart(9)} ${'× base'.padStart(7)}`,
);
for (const [name, what, make, extension = '.md'] of shapes) {
  if (only && name !== 'baseline' && !only.has(name)) continue;
  const text = make();
  const result = { name, what, bytes: Buffer.byteLength(text), ...run(name, [[`${name}${extension}`, text]]) };
  if (name === 'baseline') baseline = result;
  results.push(result);
  print(result);
}

// In a threaded build each worker converts one article at a time, so two workers hold at most two
// articles' work: the two heaviest shapes together, one worker each (bounds doubled, as the work is).
if (!only || only.has('two-workers')) {
  const heavy = shapes.filter(([name]) => name === 'images' || name === 'ninjs-html');
  const inputs = heavy.map(([name, , make, extension = '.md']) => [`${name}${extension}`, make()]);
  const bytes = inputs.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
  const result = { name: 'two-workers', bytes, scale: 2, ...run('two-workers', inputs, ['--threads', '2']) };
  results.push(result);
  print(result);
}

function print(result) {
  const outcome = result.status === 0 ? 'built' : result.status === 1 ? 'refused' : `exit ${result.status}`;
  console.log(
    `  ${result.name.padEnd(18)} ${result.bytes.toLocaleString('en').padStart(11)} ${outcome.padEnd(9)} ${`${result.seconds.toFixed(2)} s`.padStart(8)} ${`${(result.seconds / baseline.seconds).toFixed(1)}`.padStart(7)} ${`${Math.round(result.rss)} MB`.padStart(9)} ${`${(result.rss / baseline.rss).toFixed(1)}`.padStart(7)}`,
  );
  if (result.status !== 0) console.log(`      ${result.stderr.split('\n').slice(0, 2).join('\n      ')}`);
}

if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`inputs kept in ${work}`);

const over = results.filter((result) => result.seconds > maxSeconds * (result.scale ?? 1) || result.rss > maxRssMb * (result.scale ?? 1));
const crashed = results.filter((result) => result.status !== 0 && result.status !== 1);
// Every shape is made to be just inside the limits: a refusal means it no longer measures the worst case.
const refused = results.filter((result) => result.status === 1);
for (const result of refused)
  console.error(`FAIL ${result.name}: refused, so the shape is not inside the limits any more\n${result.stderr}`);
for (const result of over)
  console.error(
    `FAIL ${result.name}: ${result.seconds.toFixed(2)} s, ${Math.round(result.rss)} MB (bounds ${maxSeconds} s, ${maxRssMb} MB)`,
  );
for (const result of crashed) console.error(`FAIL ${result.name}: exit ${result.status}\n${result.stderr}`);
if (over.length > 0 || crashed.length > 0 || refused.length > 0) process.exit(1);
console.log(`every shape within ${maxSeconds} s and ${maxRssMb} MB an article`);
