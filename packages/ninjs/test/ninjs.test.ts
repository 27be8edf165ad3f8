import { convert } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { asUri, type NinjsItem, ninjsAdapter, ninjsIngester } from '@syndikit/ninjs';
import { captionOnlyMarkdown, convertFixtures, fixtureSite } from '@syndikit/testkit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

// With the images format, as a site publishes them: pictures point at the renditions it writes.
const built = await convertFixtures({
  formats: [imagesAdapter({ widths: [320, 1024], formats: ['jpeg'], cacheDir: false }), ninjsAdapter()],
});
const result = { ...built, outputs: built.outputs.filter((output) => output.path.startsWith('ninjs/')) };
const item = (slug: string): NinjsItem =>
  JSON.parse(String(result.outputs.find((output) => output.path === `ninjs/${slug}.json`)?.contents));
const rendition = /^https:\/\/news\.example\/images\/harbor-bridge-[0-9a-f]{10}-(320|1024)\.jpg$/;

describe('ninjs 3.1 out', () => {
  it('writes one ninjs/<slug>.json per article', () => {
    expect(result.outputs.map((output) => output.path)).toEqual(result.articles.map((article) => `ninjs/${article.slug}.json`).sort());
  });

  it('carries the article: headlines, dates, status, people, bodies, subjects', () => {
    expect(item('2024-10-14-rail-strike-update')).toMatchObject({
      standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
      type: 'text',
      representationType: 'full',
      firstCreated: '2024-10-14T08:00:00+01:00',
      versionCreated: '2024-10-15T19:30:00+01:00',
      pubStatus: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: 'Rail workers extend strike into second week as talks stall' }],
      by: 'Aisha Bello, Tom Hargreaves and Mei Chen',
      people: [
        { name: 'Aisha Bello', rel: 'author', uri: 'https://news.example/staff/aisha-bello' },
        { name: 'Tom Hargreaves', rel: 'author' },
        { name: 'Mei Chen', rel: 'author', uri: 'https://news.example/staff/mei-chen' },
      ],
      located: 'MANCHESTER, England',
      subjects: [{ name: 'Business', rel: 'section' }, { name: 'strikes' }, { name: 'rail' }, { name: 'labor' }],
    });
    const bodies = item('2024-10-14-rail-strike-update').bodies ?? [];
    // As IPTC's text examples (doc-3.1 004, 005): the plain text is the main body, the markup the richtext one.
    expect(bodies.map((body) => [body.role, body.contentType])).toEqual([
      ['main', 'text/plain'],
      ['richtext', 'text/html'],
    ]);
    expect(bodies[0]?.value).not.toContain('<');
    expect(bodies[1]?.value).toMatch(/<figure><img src="https:\/\/news\.example\/images\/rail-picket-[0-9a-f]{10}-800\.jpg"/);
  });

  it('gives pictures as IPTC does: by is the photographer, the credit line a creditline, alt text no headline, renditions named and titled', () => {
    const [picture] = item('2024-03-12-harbor-bridge-vote').associations ?? [];
    expect(picture).toEqual({
      uri: expect.stringMatching(rendition),
      name: 'mainpicture',
      rel: 'lead',
      type: 'picture',
      descriptions: [
        {
          role: 'caption',
          contentType: 'text/plain',
          value: 'The Casco Street drawbridge rises for a fishing boat in Portland, Maine, on Monday, March 11, 2024.',
        },
        { role: 'creditline', contentType: 'text/plain', value: 'AP Photo/Maria Okafor' },
        { role: 'alttext', contentType: 'text/plain', value: 'The steel drawbridge over the harbor at dusk' },
      ],
      by: 'Maria Okafor',
      renditions: expect.any(Array),
    });
    // No `original`: the source file is never published, only its renditions.
    expect(picture?.renditions?.map((entry) => [entry.name, entry.title, entry.width, entry.contentType])).toEqual([
      ['thumbnail', 'Thumbnail (JPEG, 320 × 213 px)', 320, 'image/jpeg'],
      ['main', 'Main (JPEG, 1024 × 683 px)', 1024, 'image/jpeg'],
    ]);
    for (const entry of picture?.renditions ?? []) expect(entry.href).toMatch(rendition);
  });

  it('an image with no published file keeps caption and credit and has no URL', async () => {
    const plain = await convertFixtures({ formats: [ninjsAdapter()] });
    const [picture] =
      (
        JSON.parse(
          String(plain.outputs.find((output) => output.path === 'ninjs/2024-03-12-harbor-bridge-vote.json')?.contents),
        ) as NinjsItem
      ).associations ?? [];
    expect(picture).toMatchObject({
      uri: 'urn:syndikit:image:%2Fimages%2Fharbor-bridge.jpg',
      by: 'Maria Okafor',
      descriptions: expect.arrayContaining([{ role: 'creditline', contentType: 'text/plain', value: 'AP Photo/Maria Okafor' }]),
    });
    expect(picture?.renditions).toBeUndefined();
    expect(JSON.stringify(picture)).not.toContain('https://');
  });

  it('lists contributors in people under their role; by names the authors only', async () => {
    const contributed = `---\ntitle: Central bank holds rates steady\nauthors: [Hannah Lindqvist, Marco Bellandi]\ncontributors:\n  - { name: Tom Aldous, role: editor }\ndate: 2024-11-20T10:42:00+01:00\n---\n\nThe bank kept its main rate unchanged.\n`;
    const converted = await convert(new VFile({ path: '/s/rates.md', value: contributed }), {
      root: '/s',
      site: fixtureSite,
      ingesters: [markdownIngester()],
      formats: [ninjsAdapter()],
    });
    const reuters = JSON.parse(String(converted.outputs[0]?.contents)) as NinjsItem;
    expect(reuters.by).toBe('Hannah Lindqvist and Marco Bellandi');
    expect(reuters.people).toEqual([
      { name: 'Hannah Lindqvist', rel: 'author' },
      { name: 'Marco Bellandi', rel: 'author' },
      { name: 'Tom Aldous', rel: 'editor' },
    ]);
  });

  it('passes on status and embargo, which feeds and pages leave out', async () => {
    const file = new VFile({
      path: '/s/a.md',
      value: '---\ntitle: Held\nstatus: withheld\nembargoed: 2030-01-01T00:00:00Z\ndate: 2024-01-01\n---\n\nBody.\n',
    });
    const held = await convert(file, {
      ingesters: [markdownIngester()],
      root: '/s',
      site: fixtureSite,
      formats: [ninjsAdapter()],
      now: '2025-01-01T00:00:00Z',
    });
    expect(JSON.parse(String(held.outputs[0]?.contents))).toMatchObject({ pubStatus: 'withheld', embargoedUntil: '2030-01-01T00:00:00Z' });
  });

  it('always carries a language: the article language, else the site language', async () => {
    const file = new VFile({ path: '/s/a.md', value: '---\ntitle: Ohne Sprache\ndate: 2024-01-01\n---\n\nText.\n' });
    const built = await convert(file, {
      ingesters: [markdownIngester()],
      root: '/s',
      site: { ...fixtureSite, language: 'de' },
      formats: [ninjsAdapter()],
    });
    expect(JSON.parse(String(built.outputs[0]?.contents)).language).toBe('de');
  });

  it('round-trips through the ninjs ingester: headline, authors, dates and text survive', async () => {
    const original = result.articles.find((article) => article.slug === '2024-05-02-grain-exports-table');
    const json = String(result.outputs.find((output) => output.path === 'ninjs/2024-05-02-grain-exports-table.json')?.contents);
    const back = await convert(new VFile({ path: '/back/grain.json', value: json }), { root: '/back', ingesters: [ninjsIngester()] });
    expect(back.articles[0]).toMatchObject({
      id: original?.id,
      headline: original?.headline,
      authors: original?.authors.map((author) => ({ name: author.name })),
      published: original?.published,
      section: 'Business',
      tags: original?.tags,
    });
    expect(JSON.stringify(back.articles[0]?.body)).toContain('Ukraine');
  });

  it('lists authors who are people under people, agencies and companies under organisations', () => {
    const release = item('2024-09-30-quantum-lab-press-release');
    expect(release.by).toBe('Northwind Quantum, Inc.');
    expect(release.people).toBeUndefined();
    expect(release.organisations).toEqual([{ name: 'Northwind Quantum, Inc.', rel: 'author' }]);
    expect(item('2024-10-14-rail-strike-update').organisations).toBeUndefined();
  });

  it('reads back what it writes: ninjs -> ninjs keeps every field, picture and body figure, the bodies word for word', async () => {
    const ninjs = await convertFixtures({
      formats: [imagesAdapter({ widths: [320, 640, 1024], formats: ['webp', 'jpeg'], cacheDir: false }), ninjsAdapter()],
    });
    const written = ninjs.outputs.filter((output) => output.path.startsWith('ninjs/'));
    expect(written).toHaveLength(9);
    const words = (value: string | undefined) => value?.replace(/\s+/g, ' ').trim();
    let figureCount = 0;
    for (const output of written) {
      const first = JSON.parse(String(output.contents)) as NinjsItem;
      const back = await convert(new VFile({ path: `/back/${output.path}`, value: String(output.contents) }), {
        root: '/back',
        site: fixtureSite,
        ingesters: [ninjsIngester()],
        formats: [ninjsAdapter()],
      });
      const again = JSON.parse(String(back.outputs[0]?.contents)) as NinjsItem;
      expect({ ...again, bodies: undefined }).toEqual({ ...first, bodies: undefined });
      expect(again.bodies?.map((body) => [body.role, body.contentType])).toEqual(
        first.bodies?.map((body) => [body.role, body.contentType]),
      );
      expect(words(again.bodies?.[0]?.value)).toBe(words(first.bodies?.[0]?.value));
      // Figures come back as figures, with image, caption and credit, written exactly as before.
      const figures = (item: NinjsItem) => item.bodies?.[1]?.value.match(/<figure>.*?<\/figure>/gs) ?? [];
      expect(figures(again)).toEqual(figures(first));
      figureCount += figures(first).length;
    }
    expect(figureCount).toBeGreaterThan(0);
  });

  it('keeps the uri and literal of subjects, and the section, through a round trip', async () => {
    const agency = {
      uri: 'urn:wire.example:2024:ferry',
      type: 'text',
      versionCreated: '2024-06-01T08:00:00Z',
      headlines: [{ role: 'main', value: 'Ferry <b>returns</b>' }],
      bodies: [{ role: 'richtext', contentType: 'text/html', value: '<p>The ferry is back.</p>' }],
      subjects: [
        { name: 'Transport', rel: 'section', uri: 'https://cv.wire.example/desk/transport' },
        { name: 'ferries', literal: 'FER' },
        { name: 'Maine' },
      ],
    };
    const file = new VFile({ path: '/in/ferry.json', value: JSON.stringify(agency) });
    const back = await convert(file, { root: '/in', site: fixtureSite, ingesters: [ninjsIngester()], formats: [ninjsAdapter()] });
    expect(back.articles[0]).toMatchObject({
      section: 'Transport',
      tags: ['ferries', 'Maine'],
      subjects: [
        { name: 'Transport', uri: 'https://cv.wire.example/desk/transport' },
        { name: 'ferries', literal: 'FER' },
      ],
    });
    const written = JSON.parse(String(back.outputs[0]?.contents)) as NinjsItem;
    expect(written.subjects).toEqual(agency.subjects);
    // A headline is plain text in ninjs too.
    expect(written.headlines).toEqual([{ role: 'main', value: 'Ferry returns' }]);
    expect(file.messages.map((message) => message.ruleId)).toContain('html-markup-in-text');
  });

  it('makes ids into URIs', () => {
    expect(asUri('urn:uuid:1')).toBe('urn:uuid:1');
    expect(asUri('https://x.example/1')).toBe('https://x.example/1');
    expect(asUri('renditions example')).toBe('urn:syndikit:renditions%20example');
  });
});

describe('a photo known only by its caption and credit (no file)', async () => {
  const file = new VFile({ path: '/site/ferry.md', value: captionOnlyMarkdown });
  const converted = await convert(file, { ingesters: [markdownIngester()], root: '/site', site: fixtureSite, formats: [ninjsAdapter()] });
  const ninjs = JSON.parse(String(converted.outputs[0]?.contents)) as NinjsItem;

  it('is no association (ninjs 3.1 requires a uri, and there is no picture to name); its caption stays in the bodies', () => {
    expect(ninjs.associations).toBeUndefined();
    const richtext = ninjs.bodies?.find((body) => body.role === 'richtext')?.value;
    expect(richtext).toContain(
      '<figure><figcaption>A ferry leaves the repaired pier at Northpoint, Friday, Dec. 6, 2024. <small class="credit">AP Photo/Ola Brandt</small></figcaption></figure>',
    );
    expect(ninjs.bodies?.find((body) => body.role === 'main')?.value).toContain(
      'Crew members coil mooring lines on the ferry deck. Tove Lund',
    );
    expect(file.messages).toEqual([]);
  });
});
