import { readFileSync } from 'node:fs';
import { ingestResults } from '@syndikit/core';
import { extendedDate, hastToBody, ingestNitf, nitfIngester, nitfRules, recognizeNitf } from '@syndikit/nitf';
import { hostileXml } from '@syndikit/testkit';
import { xmlRules } from '@syndikit/xml';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/agency/${name}`, import.meta.url), 'utf8');
const context = (text: string) => ({
  file: new VFile({ path: 'story.xml', value: text }),
  text,
  articlePath: 'story.xml',
  timeZone: 'UTC',
  limits: { maxBytes: 10_000_000, maxDepth: 256 } as never,
});
const catalogue = new Set([...Object.values(nitfRules), ...Object.values(xmlRules)].map((rule) => rule.id));

describe('NITF 3.x in', () => {
  const ctx = context(fixture('ap-style-nitf-media.xml'));
  const result = ingestNitf(ctx);

  it('reads head, body.head and body.end into fields', () => {
    expect(result?.fields).toMatchObject({
      id: 'EX-NITF-2026-0412',
      headline: 'Harbor city opens floating solar farm on old ferry basin',
      subheadline: "Panels on pontoons are expected to cover a tenth of the port's power needs",
      summary: 'A disused ferry basin now carries 4,000 solar panels on floating pontoons.',
      authors: [{ name: 'Rosa Delgado' }, { name: 'Jonah Pike' }],
      language: 'en-US',
      published: '2026-04-12T09:00:00Z',
      embargoed: '2026-04-12T09:00:00Z',
      copyright: '© 2026 Example Press',
      source: 'Example Press',
      section: 'Business',
      tags: ['solar', 'harbor', 'Energy'],
      notes: ['Jonah Pike reported from Boston.'],
      dateline: { place: 'PORTSMOUTH, Maine', agency: 'EP' },
    });
  });

  it('keeps ed-msg for the desk, out of the published notes', () => {
    expect(result?.editorNotes).toEqual(['Desk: photographer reachable at +1 555 0100 until 18:00.']);
    expect(JSON.stringify(result?.fields)).not.toContain('555 0100');
    expect(ctx.file.messages.map((message) => message.ruleId)).toContain('nitf-editor-note-withheld');
  });

  it('makes body.content mdast: paragraphs, subheads, tables, blocks, media as figures', () => {
    const types = result?.body.children.map((node) => node.type);
    expect(types).toEqual(['paragraph', 'paragraph', 'figure', 'heading', 'paragraph', 'table', 'paragraph']);
    expect(result?.body.children[0]).toMatchObject({
      children: [{ type: 'text', value: expect.stringMatching(/^A disused ferry basin/) }],
    });
    expect(result?.body.children[2]).toEqual({
      type: 'figure',
      url: 'https://photos.example.com/2026/04/solar-basin-2048.jpg',
      alt: 'Workers check pontoons on the former ferry basin.',
      caption: 'Workers check pontoons on the former ferry basin.',
      credit: 'Lena Ortiz/Example Press',
      width: 2048,
      height: 1366,
    });
    expect(result?.fields.images).toEqual([
      {
        src: 'https://photos.example.com/2026/04/solar-basin-2048.jpg',
        mediaType: 'image/jpeg',
        width: 2048,
        height: 1366,
        caption: 'Workers check pontoons on the former ferry basin.',
        credit: 'Lena Ortiz/Example Press',
      },
    ]);
  });

  it('reports only catalogued rule ids, each with a place', () => {
    for (const message of ctx.file.messages) {
      expect(catalogue.has(message.ruleId as string)).toBe(true);
      expect(message.line).toBeGreaterThan(0);
    }
  });

  it('refuses hostile XML with positioned errors and no article', () => {
    for (const name of ['external-entity.xml', 'billion-laughs.xml', 'truncated.xml']) {
      const hostile = context(hostileXml(name));
      expect(ingestNitf(hostile)).toBeUndefined();
      expect(hostile.file.messages.some((message) => message.fatal === true && (message.line ?? 0) > 0)).toBe(true);
    }
    const wrong = context(hostileXml('wrong-encoding.xml'));
    expect(ingestNitf(wrong)?.fields.headline).toBe('Zürich: Gespräche über Straßenbahn');
    expect(wrong.file.messages.map((message) => message.ruleId).filter((id) => id !== 'nitf-field')).toEqual(['xml-encoding-declaration']);
  });

  it('says what it found when the root is not nitf', () => {
    const other = context('<rss version="2.0"/>');
    expect(ingestNitf(other)).toBeUndefined();
    expect(other.file.messages[0]?.reason).toBe('Expected a NITF document (root <nitf>) but found <rss>');
  });

  it('is an ingester recognised by content', async () => {
    const ingester = nitfIngester();
    expect(ingester).toMatchObject({ name: 'nitf', extensions: ['.nitf', '.xml'] });
    expect(ingestResults(await ingester.ingest(context(fixture('ap-style-nitf-media.xml'))))[0]?.slugHint).toBe(
      'Harbor city opens floating solar farm on old ferry basin',
    );
    expect(recognizeNitf(fixture('ap-style-nitf-media.xml'))).toBe(true);
    expect(ingester.recognize(fixture('ap-style-nitf-media.xml'))).toBe(true);
    expect(ingester.recognize(fixture('dpa-style-notepad.xml'))).toBe(false);
    expect(recognizeNitf('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>')).toBe(false);
  });

  it('reads NITF basic dates', () => {
    expect(extendedDate('20260412T061500Z')).toBe('2026-04-12T06:15:00Z');
    expect(extendedDate('20260412T0615+0200')).toBe('2026-04-12T06:15:00+02:00');
    expect(extendedDate('20260412')).toBe('2026-04-12');
  });
});

describe('figures in HTML bodies', () => {
  it('keeps the caption and credit of a figure without an image as a paragraph', () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const el = (tagName: string, children: never[] | ReturnType<typeof text>[] = []) =>
      ({ type: 'element' as const, tagName, properties: {}, children }) as never;
    const body = hastToBody(
      [el('figure', [el('figcaption', [text('Cranes at night. '), el('small', [text('Wire/A. Kluft')])] as never)] as never)],
      () => {},
    );
    expect(body.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Cranes at night. Wire/A. Kluft' }] }]);
  });
});

describe('what inspect says about a NITF document', () => {
  it('gives an info line per field at its element and one per part left out', () => {
    const ap = context(fixture('ap-style-nitf-media.xml'));
    ingestNitf(ap);
    const lines = ap.file.messages
      .filter((message) => message.ruleId === 'nitf-field' || message.ruleId === 'nitf-dropped')
      .map((message) => `${message.line}:${message.column} ${message.reason}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '26:9 headline from <hl1>',
        '31:7 dateline from <dateline>',
        '13:7 published from <date.release>',
        '21:5 section from <pubdata position.section>',
        '17:9 tag "solar" from <keyword>',
        '37:7 image 1 (https://photos.example.com/2026/04/solar-basin-2048.jpg) from <media>',
        '11:7 <urgency> "4" in <docdata> not carried over: the article model has no field for it',
      ]),
    );
    expect(ap.file.messages.filter((message) => message.ruleId?.endsWith('-field')).every((message) => message.fatal === undefined)).toBe(
      true,
    );
  });
});
