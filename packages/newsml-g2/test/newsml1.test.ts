import { readFileSync } from 'node:fs';
import { ingestResults } from '@syndikit/core';
import { newsml1Ingester, newsml1Rules, readNewsMl1, recognizeNewsMl1 } from '@syndikit/newsml-g2';
import { nitfRules } from '@syndikit/nitf';
import { xmlRules } from '@syndikit/xml';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('../../../fixtures/agency/afp-style-newsml-1.2.xml', import.meta.url), 'utf8');
const context = (value = text) => ({
  file: new VFile({ path: 'afp.xml', value }),
  text: value,
  timeZone: 'UTC',
  articlePath: 'afp.xml',
  limits: {} as never,
});
const catalogue = new Set([...Object.values(newsml1Rules), ...Object.values(nitfRules), ...Object.values(xmlRules)].map((rule) => rule.id));

describe('NewsML 1.2 in', () => {
  const ctx = context();
  const [article] = readNewsMl1(ctx);

  it('reads NewsLines, management and metadata into fields', () => {
    expect(article?.fields).toEqual({
      id: 'urn:newsml:agence.example:20260302:TX-PAR-XYZ31:2',
      headline: 'La ligne de train de nuit Paris-Nice rouvre en avril',
      subheadline: 'Les billets sont en vente dès lundi',
      authors: [{ name: 'Claire Martin' }],
      dateline: { place: 'PARIS', agency: 'AE' },
      copyright: 'Copyright Agence Exemple 2026',
      source: 'Agence Exemple',
      language: 'fr',
      published: '2026-03-02T09:40:00Z',
      updated: '2026-03-02T10:15:00Z',
      status: 'usable',
      notes: ['This is a corrected version of the story.'],
      tags: ['train de nuit', 'transport', 'rail'],
      images: [
        {
          src: 'https://photos.agence.example/XYZ31-hd.jpg',
          mediaType: 'image/jpeg',
          width: 3000,
          height: 2000,
          bytes: 1904312,
          renditions: [
            { src: 'https://photos.agence.example/XYZ31-preview.jpg', width: 512, height: 341, mediaType: 'image/jpeg', bytes: 48211 },
            { src: 'https://photos.agence.example/XYZ31-hd.jpg', width: 3000, height: 2000, mediaType: 'image/jpeg', bytes: 1904312 },
          ],
          caption: 'Un train de nuit en gare de Nice, le 1er mars 2026.',
          credit: 'AE/Paul Durand',
          alt: 'Train de nuit en gare',
        },
      ],
    });
    expect(article?.slugHint).toBe('France-transport-train');
  });

  it('takes the body from the main component’s NITF', () => {
    expect(article?.body.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(ctx.file.messages.map((message) => message.ruleId)).toEqual(['xml-external-dtd']);
    for (const message of ctx.file.messages) expect(catalogue.has(message.ruleId as string)).toBe(true);
  });

  it('is recognised by content and declines other documents', async () => {
    expect(recognizeNewsMl1(text)).toBe(true);
    expect(recognizeNewsMl1('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>')).toBe(false);
    const other = context('<nitf/>');
    expect(readNewsMl1(other)).toEqual([]);
    expect(other.file.messages[0]?.reason).toBe('Expected a NewsML 1.x document (root <NewsML>) but found <nitf>');
    expect(ingestResults(await newsml1Ingester().ingest(context()))[0]?.fields.headline).toBe(
      'La ligne de train de nuit Paris-Nice rouvre en avril',
    );
  });
});
