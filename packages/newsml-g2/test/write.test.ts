import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { articleToNewsMlG2, newsmlG2Adapter, newsmlG2Ingester, newsmlG2Rules, readNewsMlG2 } from '@syndikit/newsml-g2';
import { captionOnlyMarkdown, convertFixtures, fixtureSite, hostileArticles } from '@syndikit/testkit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const schema = fileURLToPath(new URL('../../../../shared/corpora/newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd', import.meta.url));
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const canValidate = xmllint && existsSync(schema);
if (!canValidate) console.log(`Skipping NewsML-G2 schema validation: ${xmllint ? `no schema at ${schema}` : 'xmllint is not installed'}`);

/** Validate documents with xmllint against the IPTC 2.35 schema; the failures, by name. */
function validate(documents: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'g2-'));
  try {
    const paths = Object.entries(documents).map(([name, xml]) => {
      const path = join(dir, name.replace(/\//g, '_'));
      writeFileSync(path, xml);
      return path;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...paths], { encoding: 'utf8' });
    const failures: Record<string, string> = {};
    for (const line of run.stderr.split('\n')) if (line && !line.endsWith(' validates')) failures[line.split(':')[0] ?? line] = line;
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = await convertFixtures({ formats: [newsmlG2Adapter()], now: '2026-01-01T00:00:00Z' });
const documents = Object.fromEntries(result.outputs.map((output) => [output.path, String(output.contents)]));

describe('NewsML-G2 out', () => {
  it('writes one newsml-g2/<slug>.xml per article', () => {
    expect(result.outputs.map((output) => output.path)).toEqual(result.articles.map((article) => `newsml-g2/${article.slug}.xml`).sort());
    expect(result.outputs[0]?.mediaType).toBe('application/vnd.iptc.g2.newsitem+xml; charset=utf-8');
  });

  it.skipIf(!canValidate)('is valid against the IPTC NewsML-G2 2.35 schema', () => {
    expect(validate(documents)).toEqual({});
  });

  it('writes a power newsItem with guid, version, itemMeta, contentMeta, rights and an XHTML body', () => {
    const xml = documents['newsml-g2/2024-10-14-rail-strike-update.xml'] ?? '';
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<newsItem xmlns="http:\/\/iptc.org\/std\/nar\/2006-10-01\/" guid="urn:uuid:[0-9a-f-]+" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">/,
    );
    for (const part of [
      '<itemClass qcode="ninat:text" />',
      '<versionCreated>2024-10-15T19:30:00+01:00</versionCreated>',
      '<firstCreated>2024-10-14T08:00:00+01:00</firstCreated>',
      '<pubStatus qcode="stat:usable" />',
      '<headline>Rail workers extend strike into second week as talks stall</headline>',
      '<creator literal="Aisha Bello" uri="https://news.example/staff/aisha-bello">',
      '<by>Aisha Bello, Tom Hargreaves and Mei Chen</by>',
      '<subject type="sktype:section" literal="Business">',
      '<keyword>strikes</keyword>',
      // Images off: the local photo has no file in the output, so no URL, only its caption and credit.
      '<link rel="irel:associatedWith" href="urn:syndikit:image:%2Fimages%2Frail-depot.jpg" rank="1">',
      '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>',
    ])
      expect(xml).toContain(part);
  });

  it('round-trips through the reader: headline, authors, dates, dateline, subjects, body text, image captions and credits', () => {
    for (const article of result.articles) {
      const text = documents[`newsml-g2/${article.slug}.xml`] ?? '';
      const file = new VFile({ path: 'x.xml', value: text });
      const [back] = readNewsMlG2({ file, text, timeZone: 'UTC', articlePath: 'x.xml' });
      expect(file.messages.filter((message) => message.fatal === true)).toEqual([]);
      expect(back?.fields.headline).toBe(article.headline);
      expect(back?.fields.subheadline).toBe(article.subheadline);
      expect(back?.fields.authors.map((author) => author.name)).toEqual(article.authors.map((author) => author.name));
      expect(back?.fields.published).toBe(article.published);
      expect(back?.fields.updated).toBe(article.updated);
      expect(back?.fields.status ?? 'usable').toBe(article.status ?? 'usable');
      expect(back?.fields.embargoed).toBe(article.embargoed);
      expect(back?.fields.section).toBe(article.section);
      expect(back?.fields.tags).toEqual(article.tags);
      if (article.dateline?.place) expect(back?.fields.dateline?.place).toBe(article.dateline.place);
      expect(back?.fields.images.map((image) => [image.caption, image.credit])).toEqual(
        article.images.filter((image) => /^https?:/.test(image.src)).map((image) => [image.caption, image.credit]),
      );
      expect(back?.body.children.length).toBeGreaterThan(0);
    }
  });

  it('writes contributors after the creators, with their role; <by> names the authors only', async () => {
    const contributed = `---\ntitle: Central bank holds rates steady\nauthors: [Hannah Lindqvist, Marco Bellandi]\ncontributors:\n  - { name: Tom Aldous, role: editor }\ndate: 2024-11-20T10:42:00+01:00\n---\n\nThe bank kept its main rate unchanged.\n`;
    const converted = await convert(new VFile({ path: '/s/rates.md', value: contributed }), {
      root: '/s',
      site: fixtureSite,
      ingesters: [markdownIngester()],
      formats: [newsmlG2Adapter()],
    });
    const xml = String(converted.outputs[0]?.contents);
    expect(xml).toMatch(
      /<creator literal="Marco Bellandi">\s*<name>Marco Bellandi<\/name>\s*<\/creator>\s*<contributor literal="Tom Aldous" role="sktype:editor">\s*<name>Tom Aldous<\/name>\s*<\/contributor>/,
    );
    expect(xml).toContain('<by>Hannah Lindqvist and Marco Bellandi</by>');
    if (canValidate) expect(validate({ 'contributors.xml': xml })).toEqual({});
  });

  it('is deterministic', async () => {
    const again = await convertFixtures({ formats: [newsmlG2Adapter()], now: '2026-01-01T00:00:00Z' });
    expect(again.outputs.map((output) => output.contents)).toEqual(result.outputs.map((output) => output.contents));
  });

  it('carries hostile text as valid XML, removing what XML forbids with a warning', async () => {
    const files = Object.entries(hostileArticles()).map(([name, value]) => new VFile({ path: `/hostile/${name}.md`, value }));
    const hostile = await convert(files, {
      ingesters: [markdownIngester()],
      root: '/hostile',
      site: fixtureSite,
      formats: [newsmlG2Adapter()],
      now: '2026-01-01T00:00:00Z',
    });
    expect(hostile.outputs.length).toBeGreaterThan(3);
    const control = files.find((file) => file.path.endsWith('control-characters.md'));
    expect(control?.messages.map((message) => message.ruleId)).toContain(newsmlG2Rules.outControlCharacter.id);
    const noDate = files.find((file) => file.path.endsWith('no-date.md'));
    expect(noDate?.messages.map((message) => message.ruleId)).toContain(newsmlG2Rules.outNoDate.id);
    if (canValidate)
      expect(validate(Object.fromEntries(hostile.outputs.map((output) => [output.path, String(output.contents)])))).toEqual({});
  });

  it('removes DEL and C1 controls like the other control characters, and markup from headline, section and keywords', async () => {
    const file = new VFile({
      path: '/s/a.md',
      value: [
        '---',
        'title: "<b>Bold</b> fare\u0085 rise\u007f"',
        'section: "<i>Transport</i>"',
        'tags: [rail, "<em>fares</em>"]',
        'published: 2024-05-01T10:00:00Z',
        '---',
        '',
        'Fares rise\u0092s by a tenth\u009f.',
      ].join('\n'),
    });
    const converted = await convert(file, { ingesters: [markdownIngester()], root: '/s', site: fixtureSite, formats: [newsmlG2Adapter()] });
    const xml = String(converted.outputs[0]?.contents);
    expect(xml).not.toMatch(/[\u007f-\u009f]/);
    expect(xml).toContain('<headline>Bold fare rise</headline>');
    expect(xml).toContain('<p>Fares rises by a tenth.</p>');
    expect(xml).toContain('literal="Transport"');
    expect(xml).toContain('<keyword>fares</keyword>');
    expect(file.messages.map((message) => `${message.reason} [${message.ruleId}]`)).toEqual([
      'Removed HTML tags from the headline "<b>Bold</b> fare\u0085 rise\u007f": it is plain text [html-markup-in-text]',
      'Removed HTML tags from the section "<i>Transport</i>": it is plain text [html-markup-in-text]',
      'Removed HTML tags from the tag "<em>fares</em>": it is plain text [html-markup-in-text]',
      // NEL and DEL in the headline and again in the XHTML title, and the two C1 controls of the body.
      'Removed 6 characters that XML 1.0 does not allow (control characters, unpaired surrogates) [g2-out-control-character]',
    ]);
    if (canValidate) expect(validate({ 'a.xml': xml })).toEqual({});
  });

  it('takes a ninjs article through NewsML-G2 and back', async () => {
    const ninjs = readFileSync(new URL('../../../fixtures/agency/reuters-style-message.xml', import.meta.url), 'utf8');
    const file = new VFile({ path: '/in/story.xml', value: ninjs });
    const converted = await convert([file], {
      root: '/in',
      site: fixtureSite,
      ingesters: [newsmlG2Ingester()],
      formats: [newsmlG2Adapter()],
    });
    const article = converted.articles[0];
    expect(article?.headline).toBe('Rotterdam port tests driverless cranes on night shifts');
    const written = articleToNewsMlG2(article as never, fixtureSite as never, { now: '2026-01-01T00:00:00Z' }) ?? '';
    const back = readNewsMlG2({ file: new VFile(), text: written, timeZone: 'UTC', articlePath: 'x.xml' })[0];
    expect(back?.fields).toMatchObject({
      headline: article?.headline,
      subheadline: 'Unions seek guarantees on jobs',
      authors: [{ name: 'Maarten de Vries' }],
      published: '2026-05-06T13:20:00Z',
      tags: ['shipping'],
    });
    expect(back?.fields.images[0]).toMatchObject({
      caption: 'An automated crane lifts a container at a Rotterdam terminal, May 5, 2026.',
      credit: 'Example Wire/Anna Kluft',
      width: 3000,
      height: 2000,
    });
    if (canValidate) expect(validate({ 'roundtrip.xml': written })).toEqual({});
  });
});

describe('a photo known only by its caption and credit (no file)', async () => {
  const file = new VFile({ path: '/site/ferry.md', value: captionOnlyMarkdown });
  const converted = await convert(file, {
    ingesters: [markdownIngester()],
    root: '/site',
    site: fixtureSite,
    formats: [newsmlG2Adapter()],
  });
  const xml = String(converted.outputs[0]?.contents);

  it('is no picture link (a link with neither href nor residref points at nothing); the caption stays in the body', () => {
    expect(xml).not.toContain('ninat:picture');
    expect(xml).toContain(
      '<figure><figcaption>A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024. <small class="credit">AP Photo/Ola Brandt</small></figcaption></figure>',
    );
    expect(file.messages).toEqual([]);
  });

  it.skipIf(!canValidate)('is valid against the IPTC NewsML-G2 2.35 schema', () => {
    expect(validate({ 'ferry.xml': xml })).toEqual({});
  });
});
