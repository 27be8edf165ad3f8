import { readFileSync } from 'node:fs';
import { ingestResults } from '@syndikit/core';
import { ingestNewsMlG2, newsmlG2Ingester, newsmlG2Rules, recognizeNewsMlG2, sniffAgencyXml } from '@syndikit/newsml-g2';
import { nitfRules } from '@syndikit/nitf';
import { hostileXml } from '@syndikit/testkit';
import { xmlRules } from '@syndikit/xml';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/agency/${name}`, import.meta.url), 'utf8');
const context = (name: string, text = fixture(name)) => ({
  file: new VFile({ path: name, value: text }),
  text,
  articlePath: name,
  timeZone: 'UTC',
  limits: { maxBytes: 10_000_000, maxDepth: 256 } as never,
});
const catalogue = new Set(
  [...Object.values(newsmlG2Rules), ...Object.values(nitfRules), ...Object.values(xmlRules)].map((rule) => rule.id),
);
// The problems and notices, without inspect's lines about where each field came from (tested on their own).
const messages = (file: VFile) =>
  file.messages
    .filter((message) => message.ruleId !== 'g2-field' && !/not carried over|not taken as an author/.test(message.reason))
    .map((message) => `${message.line}:${message.column} ${message.ruleId}`);
const plain = (node: unknown): string =>
  typeof node === 'object' && node !== null
    ? 'value' in node && typeof node.value === 'string'
      ? node.value
      : 'children' in node && Array.isArray(node.children)
        ? node.children.map(plain).join('')
        : ''
    : '';

describe('NewsML-G2 in: a dpa-style item with a notepad', () => {
  const ctx = context('dpa-style-notepad.xml');
  const [article, ...rest] = ingestNewsMlG2(ctx);

  it('reads every field where an editor expects it', () => {
    expect(rest).toEqual([]);
    expect(article?.fields).toEqual({
      id: 'urn:newsml:example.de:20260302:260302-99-100001',
      language: 'de',
      headline: 'Leihräder bekommen eigene Parkzonen am Bahnhof',
      subheadline: 'Stadtverkehr',
      published: '2026-03-02T09:40:00+01:00',
      updated: '2026-03-02T10:15:00+01:00',
      status: 'usable',
      authors: [{ name: 'Petra Sommer' }],
      source: 'Beispiel-Agentur',
      dateline: { place: 'Leipzig', agency: 'bsp' },
      section: 'Wirtschaft',
      tags: ['Verkehr', 'Deutschland', 'Fahrrad'],
      copyright: 'Copyright 2026, Beispiel-Agentur. Alle Rechte vorbehalten',
      summary: 'Abgestellte Leihräder versperren oft Gehwege. Leipzig markiert nun feste Flächen dafür.',
      notes: ['This is a corrected version of the story.'],
      images: [],
    });
  });

  it('never puts edNote (phone numbers) into the article', () => {
    expect(JSON.stringify(article?.fields)).not.toMatch(/5550|sommer@/);
    expect(JSON.stringify(article?.body)).not.toMatch(/5550|sommer@/);
    expect(article?.editorNotes).toEqual([
      'Usage terms: Nutzung nur nach Vereinbarung',
      'bsp xy/ab',
      'Autorin: Petra Sommer, +49 30 5550 1234, sommer@agentur.example',
      'Nicht zur Veröffentlichung Redaktion: +49 30 5550 9876',
    ]);
  });

  it('takes the body from section.main without teaser, dateline or header, sanitised', () => {
    expect(article?.body.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(plain(article?.body.children[0])).toBe('Die Stadt richtet rund um den Hauptbahnhof zwölf Parkzonen für Leihräder ein.');
    expect(JSON.stringify(article?.body)).not.toContain('steal');
    expect(messages(ctx.file)).toEqual(['11:9 g2-dropped', '19:9 g2-editor-note-withheld', '53:30 g2-body-unsafe']);
  });
});

describe('NewsML-G2 in: a Reuters-style news message', () => {
  const ctx = context('reuters-style-message.xml');
  const articles = ingestNewsMlG2(ctx);

  it('gives one article per text item; the linked picture becomes the first one’s image', () => {
    expect(articles.map((article) => [article.fields.headline, article.line, article.column])).toEqual([
      ['Rotterdam port tests driverless cranes on night shifts', 8, 5],
      ['Factbox: how the Rotterdam trial works', 56, 5],
    ]);
    const [first, second] = articles;
    expect(first?.fields).toMatchObject({
      subheadline: 'Unions seek guarantees on jobs',
      summary: "Europe's largest port trials automated cranes at one terminal.",
      authors: [{ name: 'Maarten de Vries' }],
      dateline: { place: 'ROTTERDAM' },
      copyright: '(c) Copyright Example Wire 2026. Click for restrictions.',
      source: 'Example Wire',
      tags: ['shipping'],
      images: [
        {
          src: 'https://pictures.wire.example.com/EXA7781/base.jpg',
          mediaType: 'image/jpeg',
          width: 3000,
          height: 2000,
          bytes: 1480000,
          renditions: [
            { src: 'https://pictures.wire.example.com/EXA7781/thumb.jpg', width: 320, height: 213, mediaType: 'image/jpeg', bytes: 18200 },
            {
              src: 'https://pictures.wire.example.com/EXA7781/base.jpg',
              width: 3000,
              height: 2000,
              mediaType: 'image/jpeg',
              bytes: 1480000,
            },
          ],
          caption: 'An automated crane lifts a container at a Rotterdam terminal, May 5, 2026.',
          credit: 'Example Wire/Anna Kluft',
          alt: 'Automated crane at night',
        },
      ],
    });
    expect(first?.slugHint).toBe('PORTS-ROTTERDAM/AUTOMATION');
    expect(plain(first?.body.children[0])).toBe(
      'ROTTERDAM, May 6 (Example Wire) - The port of Rotterdam began night-shift trials of driverless cranes on Wednesday.',
    );
    expect(second?.body.children.map(plain)).toEqual(['Cranes run on two night shifts.', 'Operators can stop them from the control room.']);
  });

  it("says where each item's fields came from at that item's lines, as info only", () => {
    const lines = ctx.file.messages.filter((message) => message.ruleId === 'g2-field');
    expect(lines.every((message) => message.fatal === undefined)).toBe(true);
    expect(lines.filter((message) => message.reason.startsWith('headline from')).map((message) => message.line)).toEqual([26, 64]);
    expect(lines.map((message) => message.reason)).toEqual(
      expect.arrayContaining(['summary from <description> (role drol:summary)', 'dateline from <located>', 'slug from <slugline>']),
    );
  });

  it('gives an info line for each package reference it cannot resolve', () => {
    expect(messages(ctx.file)).toEqual(['77:11 g2-unresolved-ref']);
  });

  it('as an Ingester returns every article of the message, each with its place and editor notes apart', async () => {
    const one = context('reuters-style-message.xml');
    const results = ingestResults(await newsmlG2Ingester().ingest(one));
    expect(results.map((result) => [result.fields.headline, result.place])).toEqual([
      ['Rotterdam port tests driverless cranes on night shifts', { line: 8, column: 5 }],
      ['Factbox: how the Rotterdam trial works', { line: 56, column: 5 }],
    ]);
    expect(results.map((result) => result.slugHint)).toEqual(['PORTS-ROTTERDAM/AUTOMATION', expect.any(String)]);
    expect(one.file.messages.filter((message) => message.fatal !== undefined)).toEqual([]);
  });

  it('gives a single item no place (its messages keep their own) and its edNote as editorNotes', async () => {
    const one = context('dpa-style-notepad.xml');
    const [result, ...rest] = ingestResults(await newsmlG2Ingester().ingest(one));
    expect(rest).toEqual([]);
    expect(result?.place).toBeUndefined();
    expect(result?.editorNotes?.join(' ')).toMatch(/\d{3}/);
    expect(JSON.stringify(result?.fields)).not.toContain(result?.editorNotes?.[0]);
  });
});

describe('NewsML-G2 in: status, embargo, recognition, hostile input', () => {
  it('reads withheld and embargoed items with their status', () => {
    const withheld = ingestNewsMlG2(context('withheld.xml'))[0];
    expect(withheld?.fields.status).toBe('withheld');
    expect(withheld?.fields.notes).toBeUndefined();
    expect(withheld?.editorNotes).toEqual(['Held pending legal review. Do not use.']);
    expect(ingestNewsMlG2(context('embargoed.xml'))[0]?.fields).toMatchObject({ status: 'usable', embargoed: '2026-09-11T00:01:00+02:00' });
  });

  it('recognises files by content, extension or none', () => {
    const bare = fixture('tag_example.com,2026_newsml_EXT001');
    expect(recognizeNewsMlG2(bare)).toBe(true);
    expect(newsmlG2Ingester().recognize(bare)).toBe(true);
    expect(newsmlG2Ingester().recognize(fixture('afp-style-newsml-1.2.xml'))).toBe(false);
    expect(ingestNewsMlG2(context('tag_example.com,2026_newsml_EXT001', bare))[0]?.fields.headline).toBe(
      'Ferry service resumes after storm',
    );
    expect(recognizeNewsMlG2(fixture('ap-style-nitf-media.xml'))).toBe(false);
    expect(sniffAgencyXml(fixture('ap-style-nitf-media.xml'))?.kind).toBe('nitf');
  });

  it('gives an info line, not an error, for items that are not articles', () => {
    const concept = context(
      'concept.xml',
      '<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="c1" version="1" standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="cinat:concept"/></itemMeta></conceptItem>',
    );
    expect(ingestNewsMlG2(concept)).toEqual([]);
    expect(concept.file.messages.map((message) => [message.reason, message.fatal])).toEqual([
      ['A conceptItem (concept) is not an article: nothing to publish', undefined],
    ]);
  });

  it('refuses hostile XML with positioned errors, without crashing or leaking', () => {
    for (const name of ['external-entity.xml', 'billion-laughs.xml', 'truncated.xml']) {
      const hostile = context(name, hostileXml(name));
      expect(ingestNewsMlG2(hostile)).toEqual([]);
      expect(hostile.file.messages.some((message) => message.fatal === true && (message.line ?? 0) > 0)).toBe(true);
      expect(JSON.stringify(hostile.file.messages)).not.toMatch(/root:x:0/);
    }
    const deep = context(
      'deep.xml',
      `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</newsItem>`,
    );
    expect(ingestNewsMlG2(deep)).toEqual([]);
    expect(deep.file.messages[0]?.ruleId).toBe('xml-too-deep');
  });

  it('reports only catalogued rule ids', () => {
    for (const name of [
      'dpa-style-notepad.xml',
      'reuters-style-message.xml',
      'withheld.xml',
      'embargoed.xml',
      'truncated.xml',
      'wrong-encoding.xml',
    ]) {
      const ctx = context(
        name,
        name.includes('-style-') || name.endsWith('held.xml') || name === 'embargoed.xml' ? undefined : hostileXml(name),
      );
      ingestNewsMlG2(ctx);
      for (const message of ctx.file.messages) expect(catalogue.has(message.ruleId as string)).toBe(true);
    }
  });
});
