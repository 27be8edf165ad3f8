import { readFileSync } from 'node:fs';
import { ampAdapter } from '@syndikit/amp';
import { atomAdapter } from '@syndikit/atom';
import { convert } from '@syndikit/core';
import { jsonFeedAdapter } from '@syndikit/jsonfeed';
import { newsmlG2Ingester } from '@syndikit/newsml-g2';
import { nitfIngester } from '@syndikit/nitf';
import { rssAdapter } from '@syndikit/rss';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/agency/${name}`, import.meta.url), 'utf8');
const input = (name: string) => new VFile({ path: `/agency/${name}`, value: fixture(name) });

// What the desk's notes hold and readers must never see: phone numbers, a mail address, a closing line.
const secrets = ['5550 1234', '5550 9876', 'sommer@agentur.example', 'Nicht zur Veröffentlichung', 'bsp xy/ab', '555 0100'];

describe("editor's notes are kept in the model and never published", () => {
  it('a dpa-style notepad and a NITF ed-msg reach editorNotes and no AMP page, RSS, Atom or JSON Feed', async () => {
    const result = await convert([input('dpa-style-notepad.xml'), input('ap-style-nitf-media.xml')], {
      ingesters: [newsmlG2Ingester(), nitfIngester()],
      formats: [ampAdapter(), rssAdapter(), atomAdapter(), jsonFeedAdapter()],
      site: { title: 'Desk', url: 'https://desk.example', language: 'de' },
      now: '2026-06-01T00:00:00Z',
    });
    expect(result.failed.flatMap((file) => file.messages.map((message) => message.reason))).toEqual([]);
    const [dpa, ap] = result.articles;
    expect(dpa?.editorNotes?.join('\n')).toContain('+49 30 5550 1234');
    expect(dpa?.editorNotes?.join('\n')).toContain('+49 30 5550 9876');
    expect(ap?.editorNotes).toEqual(['Desk: photographer reachable at +1 555 0100 until 18:00.']);
    // The correction signal is a published note; the desk's notes are not among the notes.
    expect(dpa?.notes).toEqual(['This is a corrected version of the story.']);

    // Every format wrote the story (its headline is there), so the check below reads real pages and feeds.
    const written = (pattern: RegExp) =>
      result.outputs.filter((output) => pattern.test(output.path)).map((output) => String(output.contents));
    for (const pattern of [/^amp\//, /rss|feed\.xml/, /atom/, /\.json$/])
      expect(
        written(pattern).some((text) => text.includes(dpa?.headline ?? '?')),
        String(pattern),
      ).toBe(true);
    for (const output of result.outputs) {
      const text = typeof output.contents === 'string' ? output.contents : Buffer.from(output.contents).toString('utf8');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${output.path}`).toBe(false);
    }
  });
});
