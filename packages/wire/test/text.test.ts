import { describe, expect, it } from 'vitest';
import { blocks, convertWire, convertWireFixture } from './helpers.js';

describe('scraped AP copy (modelled on the seed article)', async () => {
  const result = await convertWireFixture('ap-scraped-storm.txt', { photoBaseUrl: 'https://photos.example/' });
  const article = result.articles[0];

  it('reads headline, byline, dateline, photo, source, notes and copyright', () => {
    expect(article).toMatchObject({
      headline: 'Coastal towns brace as late-season storm gains strength off the Carolinas',
      authors: [{ name: 'Jordan Hale' }],
      dateline: { place: 'CHARLESTON, S.C.', agency: 'AP' },
      source: 'The Associated Press',
      copyright: 'Copyright 2024 The Associated Press. All rights reserved.',
      notes: ['Associated Press writer Devon Park in Raleigh, North Carolina, contributed to this report.'],
      images: [
        {
          src: 'https://photos.example/20241108094512-4f2c9ab17e0d3c55aa61b2c0.jpeg',
          caption: 'Volunteers stack sandbags outside a hardware store in Charleston, S.C., Thursday, Nov. 7, 2024.',
          credit: 'AP Photo/Renata Obi',
        },
      ],
    });
  });

  it('keeps only the story in the body, without site chrome or the dateline', () => {
    const text = blocks(result);
    expect(text[0]).toBe(
      'Coastal towns from Georgia to North Carolina filled sandbags and moved boats inland Friday as a late-season storm strengthened over warm Atlantic water, forecasters said.',
    );
    expect(text).toHaveLength(5);
    expect(text.join('\n')).not.toMatch(/Skip to content|push icon|No thanks|Be the first|^128$|Jordan Hale|contributed|Copyright/m);
  });

  it('explains every removed line and every guess, with its line number', () => {
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'ap-scraped-storm.txt:1:1: info Removed a number alone (share or comment counts): "128" [bare-number]',
        'ap-scraped-storm.txt:3:1: info Removed accessibility skip link: "Skip to content" [skip-link]',
        'ap-scraped-storm.txt:7:1: info Removed a teaser that repeats the start of the story: "CHARLESTON, S.C. (AP) — Coastal" [wire-teaser]',
        'ap-scraped-storm.txt:8:1: warning Publication date guessed from the photo file name 20241108094512-4f2c9ab17e0d3c55aa61b2c0 (2024-11-08T09:45:12Z; time zone assumed UTC) [wire-date-guessed]',
        'ap-scraped-storm.txt:29:1: info Removed push notification prompt: "No thanks" [push-prompt]',
        'ap-scraped-storm.txt:21:1: info Kept as an editorial note, not body: "Associated Press writer Devon Park in Raleigh, North Carolina, cont..." [contributor-note]',
        'ap-scraped-storm.txt:23:1: info Read the byline: Jordan Hale, The Associated Press [wire-byline]',
      ]),
    );
    expect(article?.published).toBe('2024-11-08T09:45:12Z');
  });

  it('warns where link text was stripped, at its line and column', () => {
    expect(result.messages).toContain(
      'ap-scraped-storm.txt:19:26: warning "storm is the season’s ," has a space before ",": link text may have been stripped here [wire-stripped-link]',
    );
  });
});

describe('other agencies', () => {
  it('Reuters: byline, dated dateline, credits as authors and notes, trust-principles line removed', async () => {
    const result = await convertWireFixture('reuters-scraped-rates.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Central bank holds rates steady, signals cuts may come next year',
      authors: [{ name: 'Hannah Lindqvist' }, { name: 'Marco Bellandi' }],
      dateline: { place: 'FRANKFURT', agency: 'Reuters' },
      published: '2024-11-20T10:42:00+01:00',
      source: 'Reuters',
      notes: ['Editing by Tom Aldous'],
    });
    expect(blocks(result).join('\n')).not.toMatch(/Trust Principles|Licensing|Reporting by/);
  });

  it('AFP: dateline, day-first date, editor slug removed', async () => {
    const result = await convertWireFixture('afp-scraped-glacier.txt');
    expect(result.articles[0]).toMatchObject({
      dateline: { place: 'GENEVA', agency: 'AFP' },
      published: '2024-09-30T11:20:00Z',
      source: 'AFP',
    });
    expect(result.messages).toContain(
      'afp-scraped-glacier.txt:17:1: info Removed editors\' initials at the end of agency copy (ab/cd, bur-jm/rl): "ab/cd" [editor-slug]',
    );
  });

  it('dpa: German byline and date, infocom line as copyright', async () => {
    const result = await convertWireFixture('dpa-scraped-rail.txt');
    expect(result.articles[0]).toMatchObject({
      headline: 'Bahn kündigt neue Verbindungen zwischen Berlin und Prag an',
      authors: [{ name: 'Lena Vogt' }],
      source: 'dpa',
      dateline: { place: 'Berlin', agency: 'dpa' },
      published: '2024-09-12T14:05:00Z',
      copyright: '© dpa-infocom, dpa:240912-99-123456/2',
    });
  });

  it('Business Wire: deck, long time-zone names, subheadings, source link removed', async () => {
    const result = await convertWireFixture('businesswire-release.txt');
    expect(result.articles[0]).toMatchObject({
      subheadline: 'Free data from 1,200 sensors to help cities plan for rising seas',
      dateline: { place: 'SEATTLE', agency: 'BUSINESS WIRE' },
      published: '2024-11-12T08:00:00-08:00',
      source: 'Business Wire',
    });
    expect(result.articles[0]?.body.children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(blocks(result).join('\n')).not.toContain('View source version');
  });
});

describe('rules are data, extensible by users', () => {
  const copy =
    'Download our app for more news\n\nA headline for the test\n\nLONDON (Reuters) - The story begins here and goes on.\n\nSecond paragraph.\n\nRelated coverage below\n\nAn unrelated teaser.\n';

  it('runs user rules before the defaults', async () => {
    const result = await convertWire(copy, 'a.txt', {
      rules: [
        { id: 'app-promo', description: 'app promotion', pattern: '^download our app\\b', action: 'drop' },
        { id: 'related-below', description: 'related block', pattern: /^related coverage below$/i, action: 'drop-rest' },
      ],
    });
    expect(result.articles[0]?.headline).toBe('A headline for the test');
    expect(blocks(result)).toEqual(['The story begins here and goes on.', 'Second paragraph.']);
    expect(result.messages).toContain(
      'a.txt:9:1: info Removed related block: "Related coverage below" and the 1 line after it [related-below]',
    );
  });

  it('rejects a rule that cannot work', async () => {
    await expect(convertWire(copy, 'a.txt', { rules: [{ id: 'Bad Id', description: 'x', pattern: 'x', action: 'drop' }] })).rejects.toThrow(
      new TypeError('Expected wire rule 0 to have a kebab-case id but received "Bad Id"'),
    );
    await expect(convertWire(copy, 'a.txt', { rules: [{ id: 'broken', description: 'x', pattern: '(', action: 'drop' }] })).rejects.toThrow(
      /Expected wire rule `broken` to have a valid pattern/,
    );
  });
});

describe('bad wire input', () => {
  it('a file that is only boilerplate: no article found', async () => {
    const result = await convertWire('Skip to content\n\npush icon\nNo thanks\n\nAdvertisement\n', 'chrome.txt');
    expect(result.articles).toEqual([]);
    expect(result.messages.at(-1)).toBe(
      'chrome.txt:1:1: error No article found: after removing site chrome, nothing is left that reads as a headline and a story [wire-no-article]',
    );
  });

  it('a dateline without a body', async () => {
    const result = await convertWire('A headline\n\nWASHINGTON (AP) —\n', 'dateline.txt');
    expect(result.messages).toContain('dateline.txt:3:1: error Dateline "WASHINGTON (AP) —" has no story after it [wire-no-body]');
  });

  it('truncated copy is kept, with a warning where it stops', async () => {
    const result = await convertWire('A headline\n\nPARIS (AFP) - The minister said the plan would be announced in the', 'cut.txt');
    expect(result.articles).toHaveLength(1);
    expect(result.messages).toContain(
      'cut.txt:3:67: warning Paragraph ends mid-sentence ("…plan would be announced in the"): text may be missing [wire-paragraph-cut]',
    );
  });

  it('copy that is not UTF-8', async () => {
    const result = await convertWire(new Uint8Array([0x48, 0x65, 0x61, 0x64, 0x0a, 0x0a, 0xe9, 0x74, 0xe9]), 'latin1.txt');
    expect(result.messages).toEqual(['latin1.txt:3:1: error File is not valid UTF-8: bad byte 0xE9 at offset 6 [invalid-utf8]']);
  });
});
