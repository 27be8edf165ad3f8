import { readdirSync } from 'node:fs';
import { fixtureRoot } from '@syndikit/testkit';
import { defaultRules, findFragments, wireRules } from '@syndikit/wire';
import { describe, expect, it } from 'vitest';
import { convertWire, convertWireFixture } from './helpers.js';

describe('wire rule catalogue', () => {
  it('has unique, permanent wire-* ids, each with a title and a hint', () => {
    const ids = Object.values(wireRules).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of Object.values(wireRules)) {
      expect(rule.id).toMatch(/^wire-[a-z]+(?:-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.hint.length).toBeGreaterThan(5);
    }
  });

  it('covers every id the text ingester reports on the fixtures (text rules report their own ids)', async () => {
    const known = new Set([...Object.values(wireRules).map((rule) => rule.id), ...defaultRules.map((rule) => rule.id)]);
    const names = readdirSync(`${fixtureRoot}/wire`).filter((name) => name.endsWith('.txt'));
    const seen = new Set<string>();
    for (const name of names) {
      for (const message of (await convertWireFixture(name)).messages) seen.add(/\[([^\]]+)\]$/.exec(message)?.[1] ?? message);
    }
    const cut = await convertWire('A headline\n\nPARIS (AFP) - The minister said the plan would be announced in the', 'cut.txt');
    for (const message of cut.messages) seen.add(/\[([^\]]+)\]$/.exec(message)?.[1] ?? message);
    expect([...seen].filter((id) => !known.has(id))).toEqual([]);
    expect(seen).toContain('wire-paragraph-cut');
  });

  it('tells a paragraph cut mid-sentence apart from stripped link text', () => {
    const fragments = findFragments('Aid went to its , the minister said, and the plan would be announced in the', false);
    expect(fragments.map((fragment) => fragment.rule.id)).toEqual(['wire-stripped-link', 'wire-paragraph-cut']);
  });
});
