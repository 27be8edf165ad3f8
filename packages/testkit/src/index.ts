import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ConvertOptions, type ConvertResult, convert, type Figure, formatMessage, type Ingester } from '@syndikit/core';
import { readImageFacts } from '@syndikit/disk';
import { markdownIngester } from '@syndikit/markdown';
import { VFile } from 'vfile';

/** The fixture articles' folder, which is also their content root. */
export const fixtureRoot = fileURLToPath(new URL('../../../fixtures/articles/', import.meta.url)).replace(/\/$/, '');

/**
 * A hostile XML input (external entity, billion laughs, truncated file,
 * wrong encoding declaration), kept here rather than under `fixtures/`, so
 * that building the fixtures folder never reads it as content.
 */
export function hostileXml(name: string): string {
  return readFileSync(new URL(`../hostile-xml/${name}`, import.meta.url), 'utf8');
}

/** The site the fixtures are built for (as in fixtures/syndikit.config.yaml). */
export const fixtureSite = Object.freeze({
  title: 'The Syndikit Gazette',
  url: 'https://news.example',
  language: 'en',
  description: 'Original sample articles in the shape of wire copy, for testing syndikit.',
  copyright: 'Copyright 2024 The Syndikit Gazette',
});

/** Every fixture article as a VFile, sorted by name. */
export function fixtureFiles(): VFile[] {
  return readdirSync(fixtureRoot)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => new VFile({ path: `${fixtureRoot}/${name}`, value: readFileSync(`${fixtureRoot}/${name}`) }));
}

/**
 * Convert the fixtures as the CLI would (the Markdown ingester after any
 * given, images read from disk), with the given formats.
 */
export function convertFixtures(options: ConvertOptions): Promise<ConvertResult> {
  const ingesters = [...(options.ingesters ?? []), markdownIngester()];
  return convert(fixtureFiles(), { root: fixtureRoot, site: fixtureSite, imageFacts: readImageFacts, ...options, ingesters });
}

/** Text that is hostile to XML and HTML: markup characters, a CDATA end, and characters XML 1.0 forbids. */
export const hostileText = 'Tom & Jerry <b>"bold"</b> \'quoted\' ]]> end\u0000\u0007\uFFFE\uD800 done';

/**
 * Hostile articles, by scenario name: each is Markdown that must still give
 * valid output (or a clear error) in every format.
 */
export function hostileArticles(): Record<string, string> {
  // JSON strings are valid YAML double-quoted scalars, escapes included.
  const yaml = (value: string) => JSON.stringify(value);
  return {
    'markup-in-every-field': [
      '---',
      `title: ${yaml('A <title> & "quotes" ]]> here')}`,
      `subheadline: ${yaml('<&">')}`,
      `summary: ${yaml('Summary <script>alert(1)</script> & more')}`,
      `authors: [{name: ${yaml('Ann <&"> O\'Neil')}, email: "ann@news.example"}]`,
      `section: ${yaml('News & <Views>')}`,
      `tags: [${yaml('a<b')}, ${yaml('c&d')}, ${yaml('"e"')}]`,
      'published: 2024-05-01T10:00:00+02:00',
      '---',
      '',
      'Body with <b>inline html</b> & an ampersand, a ]]> CDATA end, and "quotes".',
    ].join('\n'),
    'control-characters': [
      '---',
      `title: ${yaml('Control \u0007 char \u0000 in title \uFFFE')}`,
      'published: 2024-05-02T10:00:00Z',
      '---',
      '',
      'Body \u0007 with a bell, a \u001b escape and \uFFFF a noncharacter.',
    ].join('\n'),
    'javascript-links': [
      '---',
      'title: Links that try to run code',
      'published: 2024-05-03T10:00:00Z',
      '---',
      '',
      '[click](javascript:alert(1)) <a href="  jAvAsCrIpT:alert(2)">x</a> <a href="java&#x09;script:alert(3)">y</a>',
      '',
      '<img src="x" onerror="alert(4)"> <svg><script>alert(5)</script></svg> <iframe srcdoc="<script>alert(6)</script>"></iframe>',
      '',
      '<a href="vbscript:msgbox(7)">vb</a> <a href="data:text/html,<script>alert(8)</script>">data</a> [rel](../other/)',
      '',
      '<style>body{display:none}</style><form action="/x"><input name="q"></form><object data="x.swf"></object><embed src="x.swf">',
    ].join('\n'),
    'empty-body': ['---', 'title: Headline only, no body', 'published: 2024-05-04T10:00:00Z', '---', ''].join('\n'),
    embeds: [
      '---',
      'title: Every kind of embed',
      'published: 2024-05-05T10:00:00Z',
      '---',
      '',
      '<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ" width="560" height="315"></iframe>',
      '',
      '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
      '',
      '<blockquote class="twitter-tweet"><p>Breaking news</p><a href="https://twitter.com/example/status/1234567890123456789">link</a></blockquote>',
      '',
      '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C0de_123/"><a href="https://www.instagram.com/p/C0de_123/">post</a></blockquote>',
      '',
      '<iframe src="https://maps.example/embed?q=Kyiv" title="Map"></iframe>',
      '',
      '<iframe src="http://insecure.example/embed"></iframe>',
      '',
      '<video src="https://cdn.example/clip.mp4" poster="https://cdn.example/poster.jpg" width="640" height="360" controls></video>',
      '',
      '<video><source src="http://insecure.example/clip.mp4"></video>',
      '',
      '![No size known](https://cdn.example/unknown.jpg) and ![protocol relative](//cdn.example/pr.jpg)',
      '',
      '<img src="https://cdn.example/raw.png" alt="Raw image without size">',
    ].join('\n'),
    'deep-html': [
      '---',
      'title: Deeply nested HTML',
      'published: 2024-05-06T10:00:00Z',
      '---',
      '',
      `${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}`,
    ].join('\n'),
    'right-to-left': [
      '---',
      'title: خبر عاجل',
      'language: ar',
      'published: 2024-05-07T10:00:00+03:00',
      '---',
      '',
      'نص الخبر **المهم** هنا.',
    ].join('\n'),
    'no-date': ['---', 'title: Undated', '---', '', 'Has no date.'].join('\n'),
  };
}

/** `count` small generated articles, dated one hour apart, newest last. */
export function manyArticles(count: number): VFile[] {
  const files: VFile[] = [];
  for (let index = 0; index < count; index++) {
    const hour = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString().replace('.000Z', 'Z');
    files.push(
      new VFile({
        path: `/generated/article-${String(index).padStart(5, '0')}.md`,
        value: `---\ntitle: Generated article ${index}\nauthors: [Reporter ${index % 7}]\npublished: ${hour}\ntags: [t${index % 5}]\nsection: S${index % 3}\n---\n\nParagraph ${index} with [a link](https://example.com/${index}) and *emphasis*.\n`,
      }),
    );
  }
  return files;
}

/**
 * Convert one input with one ingester (no adapters), returning the result and every message as
 * `name:line:col: severity reason [rule]`: the ingester packages' tests read their input this way.
 */
export async function convertWith(
  ingester: Ingester,
  value: string | Uint8Array,
  name: string,
  path = `/input/${name}`,
): Promise<ConvertResult & { messages: string[] }> {
  const file = new VFile({ path, value });
  const result = await convert(file, { root: path.slice(0, path.lastIndexOf('/')), ingesters: [ingester] });
  return { ...result, messages: file.messages.map((message) => formatMessage(message, name)) };
}

/** The text of every top-level text block of the first article's body; figures are not text (see {@link figures}). */
export function blocks(result: ConvertResult): string[] {
  return (result.articles[0]?.body.children ?? []).filter((node) => node.type !== 'figure').map((node) => textOf(node));
}

/** The figures of the first article's body, in order, without their positions. */
export function figures(result: ConvertResult): Figure[] {
  return (result.articles[0]?.body.children ?? []).flatMap((node) => {
    if (node.type !== 'figure') return [];
    const { position: _position, ...figure } = node;
    return [figure];
  });
}

function textOf(node: object): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return node.children.map(textOf).join('');
  return '';
}

/**
 * Markdown of an article whose two photos are known only by their caption and credit, as scraped copy gives
 * them (the emphasised caption line the Markdown ingester reads as a figure without a file): every format
 * must keep the captions where it has a place for them and write no image without a file.
 */
export const captionOnlyMarkdown = `---
date: 2024-12-06T09:15:00-05:00
author: Mara Lind
---

# Ferry service returns to the outer islands after pier repairs

_A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024. (AP Photo/Ola Brandt)_

Ferries to three outer islands resumed on Friday after repairs to the main pier were finished two weeks ahead of schedule.

_Crew members coil mooring lines on the ferry deck. (Photo: Tove Lund)_

Islanders had relied on a single water taxi for groceries and medicine since the pier was closed in October.
`;
