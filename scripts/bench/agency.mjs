// `node scripts/bench/agency.mjs`: NewsML-G2 ingest throughput beside the Markdown ingest, on the same
// machine in the same run: 10,000 generated items (about 800 words each, the same text in both formats),
// each read into article fields and an mdast body. Not wired into `npm run bench` yet (scripts/bench/index.mjs
// belongs to the build benches); run it after `npx turbo run build`.
import { defaultLimits } from '@syndikit/core';
import { ingestMarkdown } from '@syndikit/markdown';
import { ingestNewsMlG2 } from '@syndikit/newsml-g2';
import { VFile } from 'vfile';
import { article as articleMarkdown } from './corpus.mjs';
import { median, peakRss, seconds } from './measure.mjs';

const count = Number(process.argv[2] ?? 10_000);
const xmlEscape = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same article as a dpa-style NewsML-G2 item: metadata from the front matter, paragraphs as XHTML. */
function g2Item(markdown, index) {
  const title = /^title: "?(.*?)"?$/m.exec(markdown)?.[1] ?? `Item ${index}`;
  const paragraphs =
    markdown
      .split('\n---\n')[1]
      ?.split(/\n\n+/)
      .filter((block) => /^[\w>]/.test(block)) ?? [];
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:${index}" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Bench"/><versionCreated>2026-01-0${(index % 9) + 1}T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/><edNote>Desk: +1 555 0100</edNote></itemMeta>
  <contentMeta><subject qcode="medtop:20000344"><name>transport</name></subject><headline>${xmlEscape(title)}</headline><by>By Jane Doe, Bench</by><dateline>SPRINGFIELD (Bench) -</dateline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><section class="main">${paragraphs
    .map((paragraph) => `<p>${xmlEscape(paragraph.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))}</p>`)
    .join('')}</section></body></html></inlineXML></contentSet>
</newsItem>`;
}

const markdown = Array.from({ length: count }, (_, index) => articleMarkdown(index));
const g2 = markdown.map(g2Item);
const context = (text, index, extension) => ({
  file: new VFile({ path: `item-${index}${extension}`, value: text }),
  text,
  articlePath: `item-${index}${extension}`,
  timeZone: 'UTC',
  limits: defaultLimits,
});

const g2Time = await median(async () => {
  for (const [index, text] of g2.entries())
    if (ingestNewsMlG2(context(text, index, '.xml')).length !== 1) throw new Error(`item ${index} did not convert`);
}, 3);
const mdTime = await median(async () => {
  for (const [index, text] of markdown.entries())
    if (!(await ingestMarkdown(context(text, index, '.md')))) throw new Error(`article ${index} did not convert`);
}, 3);
console.log(`agency ingest, ${count} items, median of 3:`);
console.log(`  NewsML-G2 (newsItem, XHTML body): ${seconds(g2Time)}, ${Math.round(count / g2Time)} items/s`);
console.log(`  Markdown (same text):             ${seconds(mdTime)}, ${Math.round(count / mdTime)} articles/s`);
console.log(`  peak RSS ${peakRss()} MB`);
