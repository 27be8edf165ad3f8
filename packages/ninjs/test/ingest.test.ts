import { defaultLimits } from '@syndikit/core';
import { detectNinjsVersion } from '@syndikit/ninjs';
import { jsonDepth } from '@syndikit/wire';
import { describe, expect, it } from 'vitest';
import { blocks, convertNinjs, convertNinjsFixture } from './helpers.js';

describe('ninjs in', () => {
  it('maps an agency item into the article model, sanitising the HTML body', async () => {
    const result = await convertNinjsFixture('ninjs-agency-item.json');
    expect(result.articles[0]).toMatchObject({
      id: 'urn:newsml:wire.example:20241115:harbor-ferry',
      headline: 'Ferry service returns to the outer islands after a two-week halt',
      subheadline: 'Repairs to the main pier were finished ahead of schedule',
      summary: 'Ferries to three outer islands resumed on Friday after pier repairs.',
      authors: [{ name: 'Tomas Ruiz' }, { name: 'Adaeze Okonkwo' }],
      dateline: { place: 'PORTLAND, Maine', agency: 'AP' },
      published: '2024-11-15T08:30:00Z',
      updated: '2024-11-15T11:05:00Z',
      language: 'en',
      status: 'usable',
      copyright: 'Copyright 2024 Wire Example News. All rights reserved.',
      tags: ['Transport', 'Maine'],
      images: [
        {
          src: 'https://photos.wire.example/harbor-ferry-1600.jpg',
          width: 1600,
          height: 1067,
          bytes: 284112,
          caption: 'The first ferry of the day leaves the repaired pier on Friday.',
          credit: 'Wire Example Photo/Sam Reyes',
        },
      ],
    });
    expect(blocks(result)).toEqual([
      'Ferries to three outer islands resumed on Friday after repairs to the main pier were finished ahead of schedule.',
      'Islanders had relied on a single water taxi for groceries and medicine.',
      'The first boat left at 7 a.m., carrying mail and a delivery of heating oil.',
    ]);
    expect(JSON.stringify(result.articles[0]?.body)).not.toMatch(/script|onclick|javascript/);
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'ninjs-agency-item.json:21:16: warning Body: Removed `<script>`: not allowed in article HTML [html-element-removed]',
        'ninjs-agency-item.json:21:16: warning Body: Removed `onclick` from `<p>` [html-attribute-removed]',
      ]),
    );
  });

  it('tells the versions apart by shape', () => {
    expect(detectNinjsVersion({ uri: 'x', headline: 'H', body_text: 'B' })).toBe('1');
    expect(detectNinjsVersion({ uri: 'x', headlines: [{ value: 'H' }], versioncreated: '2020-01-01T00:00:00Z' })).toBe('2');
    expect(detectNinjsVersion({ uri: 'x', headlines: [{ value: 'H' }], versionCreated: '2020-01-01T00:00:00Z' })).toBe('3');
    expect(detectNinjsVersion({ uri: 'x', standard: { version: '3.1' } })).toBe('3');
  });

  it('reads ninjs 1.x', async () => {
    const item = {
      uri: 'urn:x:1',
      headline: 'Old-style headline',
      byline: 'By JANE DOE Associated Press',
      versioncreated: '2015-03-01T10:00:00Z',
      pubstatus: 'withheld',
      embargoed: '2015-03-02T00:00:00Z',
      body_text: 'First paragraph.\n\nSecond paragraph.',
      associations: {
        main: {
          type: 'picture',
          renditions: { base: { href: 'https://x.example/a.jpg', width: 800, height: 600, mimetype: 'image/jpeg' } },
        },
      },
    };
    const result = await convertNinjs(JSON.stringify(item, null, 2), 'old.json');
    expect(result.articles[0]).toMatchObject({
      headline: 'Old-style headline',
      authors: [{ name: 'Jane Doe' }],
      source: 'The Associated Press',
      status: 'withheld',
      embargoed: '2015-03-02T00:00:00Z',
      images: [{ src: 'https://x.example/a.jpg', width: 800, height: 600 }],
    });
    expect(blocks(result)).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(result.messages).toContain('old.json:1:1: info Read as ninjs 1.x [ninjs-version]');
  });

  it('reports wrong types at their line and column', async () => {
    const text =
      '{\n  "uri": "urn:x:2",\n  "headlines": [{ "value": 42 }],\n  "versionCreated": "2024-02-30T00:00:00Z",\n  "language": ["en"]\n}\n';
    const result = await convertNinjs(text, 'types.json');
    expect(result.articles).toEqual([]);
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'types.json:3:17: error Expected headlines[0] to be an object with a string value [ninjs-type]',
        'types.json:4:21: error `2024-02-30T00:00:00Z` is not a calendar date: 2024-02 has no day 30 [date-invalid]',
        'types.json:5:15: error Expected a string for language but received ["en"] of type object [ninjs-type]',
      ]),
    );
  });

  it('keeps one image per picture URL and caps picture associations with a warning', async () => {
    // 1,500 associations naming 1,200 distinct pictures (every fifth repeats the one before):
    // duplicates are dropped, and reading stops at the 1,000th association.
    const associations = Array.from({ length: 1500 }, (_, index) => ({
      type: 'picture',
      renditions: { base: { href: `https://x.example/${index % 5 === 4 ? index - 1 : index}.jpg` } },
    }));
    const item = { uri: 'urn:x:pictures', headline: 'Pictures', body_text: 'Body.', versioncreated: '2024-06-15T10:00:00Z', associations };
    const result = await convertNinjs(JSON.stringify(item), 'pictures.json');
    const images = result.articles[0]?.images ?? [];
    expect(images).toHaveLength(800);
    expect(new Set(images.map((image) => image.src)).size).toBe(800);
    expect(images.slice(0, 5).map((image) => image.src)).toEqual([0, 1, 2, 3, 5].map((index) => `https://x.example/${index}.jpg`));
    expect(result.messages.filter((message) => message.includes('[ninjs-associations-too-many]'))).toEqual([
      expect.stringMatching(/^pictures\.json:1:\d+: warning Item has more than 1000 picture associations; the rest are left out/),
    ]);
  });

  it('checks depth before parsing: a 10,000-deep document', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(jsonDepth(deep, 64)).toEqual({ depth: 65, offset: 64 });
    const result = await convertNinjs(deep, 'deep.json');
    expect(result.messages).toEqual(['deep.json:1:65: error JSON nests more than 64 levels deep [ninjs-too-deep]']);
  });

  it('checks size before parsing: a 50 MB document', async () => {
    const result = await convertNinjs(new Uint8Array(50_000_000).fill(0x20), 'huge.json');
    expect(result.messages).toEqual([
      `huge.json:1:1: error File is 50000000 bytes, over the limit of ${defaultLimits.maxBytes} [file-too-large]`,
    ]);
  });

  it('reports JSON syntax errors with their place', async () => {
    const result = await convertNinjs('{\n  "uri": "x",\n  "headlines": [\n}', 'broken.json');
    expect(result.messages[0]).toMatch(/^broken\.json:4:1: error JSON syntax: \w+ \[ninjs-syntax\]$/);
  });

  it('does not nest HTML bodies deeper than it can parse', async () => {
    const item = {
      uri: 'urn:x:3',
      headlines: [{ value: 'Deep' }],
      bodies: [{ contentType: 'text/html', value: `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}` }],
    };
    const result = await convertNinjs(JSON.stringify(item), 'deephtml.json');
    expect(result.messages).toContain('deephtml.json:1:94: error The HTML body nests more than 256 elements deep [html-too-deep]');
    expect(result.articles).toEqual([]);
  });
});

describe('ninjs in: figures in HTML bodies', () => {
  it('reads an image and caption figure as a figure with caption and credit, and keeps every word of any other figure', async () => {
    const html = [
      '<p>Before.</p>',
      '<figure><img src="https://photos.wire.example/pier.jpg" alt="The pier" width="800" height="533">',
      '<figcaption>The repaired pier on Friday. <small class="credit">Wire Photo/Sam Reyes</small></figcaption></figure>',
      // TT puts the photographer's line in a <div> of its own: that figure is read as its content.
      '<figure><img src="https://photos.wire.example/drill.jpg" alt=""><div class="byline">Karl Melander/TT</div>',
      '<figcaption>A drill in 2017.</figcaption></figure>',
    ].join('');
    const item = {
      uri: 'urn:wire.example:fig',
      type: 'text',
      headlines: [{ value: 'Figures' }],
      bodies: [{ role: 'richtext', contentType: 'text/html', value: html }],
    };
    const result = await convertNinjs(JSON.stringify(item), 'figures.json');
    const body = result.articles[0]?.body.children ?? [];
    expect(body[1]).toEqual({
      type: 'figure',
      url: 'https://photos.wire.example/pier.jpg',
      alt: 'The pier',
      caption: 'The repaired pier on Friday.',
      credit: 'Wire Photo/Sam Reyes',
      width: 800,
      height: 533,
    });
    expect(body.filter((node) => node.type === 'figure')).toHaveLength(1);
    expect(JSON.stringify(body.slice(2))).toContain('Karl Melander/TT');
    expect(JSON.stringify(body.slice(2))).toContain('A drill in 2017.');
  });
});
