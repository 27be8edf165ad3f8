import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, workspace } from './helpers.js';

const agency = (name: string) => new URL(`../../../fixtures/agency/${name}`, import.meta.url);

describe('syndikit inspect on agency XML', () => {
  it('says line by line where each field came from and what was left out, and shows the editor notes', async () => {
    const dir = await workspace();
    await copyFile(agency('dpa-style-notepad.xml'), join(dir, 'item.xml'));
    const result = await syndikit(['inspect', 'item.xml'], dir);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    for (const line of [
      'item.xml:35:9: info headline from <headline> [g2-field]',
      'item.xml:37:9: info dateline from <dateline> [g2-field]',
      'item.xml:30:9: info section from subject bspcat:wi [g2-field]',
      'item.xml:31:9: info tag "Verkehr" from subject medtop:20000344 [g2-field]',
      'item.xml:17:9: info published from <firstCreated> [g2-field]',
      'item.xml:43:9: info body from <inlineXML> (4 blocks) [g2-field]',
      'item.xml:27:9: info <urgency> "3" in <contentMeta> not carried over: the article model has no field for it [g2-dropped]',
    ])
      expect(lines).toContain(line);
    // Info lines only, besides the one sanitiser warning: explaining never fails or warns.
    expect(lines.filter((line) => !/: info /.test(line))).toEqual([
      'item.xml:53:30: warning Body: Removed `onclick` from `<a>` [g2-body-unsafe]',
    ]);
    const article = JSON.parse(result.stdout);
    expect(article.editorNotes.join('\n')).toContain('+49 30 5550 1234');
  });

  it('prints every article of a news message, messages at their items', async () => {
    const dir = await workspace();
    await copyFile(agency('reuters-style-message.xml'), join(dir, 'message.xml'));
    const result = await syndikit(['inspect', 'message.xml'], dir);
    expect(result.code).toBe(0);
    const articles = JSON.parse(result.stdout);
    expect(articles.map((article: { headline: string }) => article.headline)).toEqual([
      'Rotterdam port tests driverless cranes on night shifts',
      'Factbox: how the Rotterdam trial works',
    ]);
    expect(result.stderr).toContain('message.xml:26:9: info headline from <headline> [g2-field]');
    expect(result.stderr).toContain('message.xml:64:9: info headline from <headline> [g2-field]');
  });
});
