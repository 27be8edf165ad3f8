import { readFileSync } from 'node:fs';
import { ingestResults } from '@syndikit/core';
import { digitalwiresIngester, digitalwiresRules, ingestDigitalwires, recognizeDigitalwires, sniffNewsJson } from '@syndikit/digitalwires';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const text = readFileSync(new URL('../../../fixtures/agency/digitalwires-entry.json', import.meta.url), 'utf8');
const context = (value = text) => ({
  file: new VFile({ path: 'entry.json', value }),
  text: value,
  timeZone: 'UTC',
  articlePath: 'entry.json',
  limits: {} as never,
});
const catalogue = new Set(Object.values(digitalwiresRules).map((rule) => rule.id));

describe('digitalwires in', () => {
  const ctx = context();
  const result = ingestDigitalwires(ctx);

  it('reads the fields an editor expects', () => {
    expect(result?.fields).toEqual({
      id: 'urn:newsml:example.de:20260603:260603-99-200002',
      headline: 'Gewitter sorgen für Sperrungen im Mittelgebirge',
      subheadline: 'Wetter',
      summary: 'Nach Starkregen bleiben mehrere Landstraßen gesperrt.',
      language: 'de',
      copyright: 'Copyright 2026, Beispiel-Agentur',
      published: '2026-06-03T09:05:00+02:00',
      status: 'usable',
      authors: [{ name: 'Jonas Brandt' }],
      source: 'Beispiel-Agentur',
      dateline: { place: 'Kassel', agency: 'bsp' },
      section: 'Vermischtes',
      tags: ['Unwetter', 'Verkehr', 'Hessen'],
      images: [
        {
          src: 'https://img.example.de/200003-s2048.jpeg',
          mediaType: 'image/jpeg',
          width: 2048,
          height: 1365,
          renditions: [
            { src: 'https://img.example.de/200003-s640.jpeg', width: 640, height: 427, mediaType: 'image/jpeg' },
            { src: 'https://img.example.de/200003-s2048.jpeg', width: 2048, height: 1365, mediaType: 'image/jpeg' },
          ],
          caption: 'Ein umgestürzter Baum liegt auf der Landstraße bei Kassel.',
          credit: 'Lea Vogt/bsp',
          alt: 'Baum auf Straße',
        },
      ],
    });
  });

  it('keeps ednotes, notepad and usage terms for the desk only', () => {
    expect(result?.editorNotes).toEqual([
      'bsp jb/xy',
      'Fotos folgen.',
      'Autor: Jonas Brandt, +49 561 5550 4321',
      'Usage terms: Nutzung nur nach Vereinbarung',
    ]);
    expect(JSON.stringify([result?.fields, result?.body])).not.toContain('5550');
  });

  it('makes a sanitised body without teaser or dateline', () => {
    expect(result?.body.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(JSON.stringify(result?.body)).not.toMatch(/alert|teaser|Kassel \(bsp\)/);
    expect(ctx.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '32:14 digitalwires-editor-note-withheld',
      '21:19 digitalwires-body-unsafe',
    ]);
    for (const message of ctx.file.messages) expect(catalogue.has(message.ruleId as string)).toBe(true);
  });

  it('is recognised by its format field among JSON inputs', async () => {
    expect(recognizeDigitalwires(text)).toBe(true);
    expect(digitalwiresIngester().recognize(text)).toBe(true);
    expect(digitalwiresIngester().recognize('{"uri": "urn:x", "type": "text"}')).toBe(false);
    expect(sniffNewsJson('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe('jsonfeed');
    expect(sniffNewsJson('{"uri": "urn:x", "type": "text"}')).toBe('ninjs');
    expect(sniffNewsJson('<xml/>')).toBeUndefined();
    expect(ingestResults(await digitalwiresIngester().ingest(context()))[0]?.slugHint).toBe(
      'Gewitter sorgen für Sperrungen im Mittelgebirge',
    );
  });

  it('reports wrong shapes at their place', () => {
    const wrong = context('{\n  "format": "digitalwires@0.9.1",\n  "headline": 42\n}');
    expect(ingestDigitalwires(wrong)).toBeUndefined();
    expect(wrong.file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '3:15 Expected a string for headline but received number',
      '1:1 The entry has no headline',
    ]);
    const other = context('{"uri": "x"}');
    expect(ingestDigitalwires(other)).toBeUndefined();
    expect(other.file.messages[0]?.ruleId).toBe('digitalwires-not-digitalwires');
    const deep = context(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(ingestDigitalwires(deep)).toBeUndefined();
    expect(deep.file.messages[0]?.ruleId).toBe('digitalwires-too-deep');
  });
});
