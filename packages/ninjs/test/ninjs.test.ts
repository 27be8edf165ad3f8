import { convert } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { markdownIngester } from '@syndikit/markdown';
import { asUri, type NinjsItem, ninjsAdapter, ninjsIngester } from '@syndikit/ninjs';
import { convertFixtures, fixtureSite } from '@syndikit/testkit';
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
    expect(bodies.map((body) => [body.role, body.contentType])).toEqual([
      ['main', 'text/html'],
      ['text', 'text/plain'],
    ]);
    expect(bodies[0]?.value).toMatch(/<figure><img src="https:\/\/news\.example\/images\/rail-picket-[0-9a-f]{10}-800\.jpg"/);
  });

  it('gives pictures as associations with the renditions the build writes, caption and credit', () => {
    const [picture] = item('2024-03-12-harbor-bridge-vote').associations ?? [];
    expect(picture).toMatchObject({
      uri: expect.stringMatching(rendition),
      name: 'mainpicture',
      rel: 'lead',
      type: 'picture',
      headlines: [{ value: 'The steel drawbridge over the harbor at dusk' }],
      descriptions: [
        {
          role: 'caption',
          contentType: 'text/plain',
          value: 'The Casco Street drawbridge rises for a fishing boat in Portland, Maine, on Monday, March 11, 2024.',
        },
      ],
      by: 'AP Photo/Maria Okafor',
    });
    // No `original`: the source file is never published, only its renditions.
    expect(picture?.renditions?.map((entry) => [entry.name, entry.width, entry.contentType])).toEqual([
      ['320w-jpeg', 320, 'image/jpeg'],
      ['1024w-jpeg', 1024, 'image/jpeg'],
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
    expect(picture).toMatchObject({ uri: 'urn:syndikit:image:%2Fimages%2Fharbor-bridge.jpg', by: 'AP Photo/Maria Okafor' });
    expect(picture?.renditions).toBeUndefined();
    expect(JSON.stringify(picture)).not.toContain('https://');
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
      tags: ['Business', ...(original?.tags ?? [])],
    });
    expect(JSON.stringify(back.articles[0]?.body)).toContain('Ukraine');
  });

  it('makes ids into URIs', () => {
    expect(asUri('urn:uuid:1')).toBe('urn:uuid:1');
    expect(asUri('https://x.example/1')).toBe('https://x.example/1');
    expect(asUri('renditions example')).toBe('urn:syndikit:renditions%20example');
  });
});
