/**
 * Every rule id a user can see is in a catalogue, and docs/rules.md is the
 * catalogues' own rendering (scripts/rules-doc.mjs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  collectRules,
  collectTextRules,
  conflictingRules,
  literalRuleIds,
  renderRulesDoc,
  rulesDocPath,
} from '../../../scripts/rules-doc.mjs';

describe('the rule catalogues', () => {
  it('syndikit code reports catalogue entries, never rule ids written as strings', async () => {
    const known = new Set((await collectRules()).map((entry) => entry.rule.id));
    expect(literalRuleIds(known)).toEqual([]);
  });

  it('each id means one thing in every catalogue that lists it', async () => {
    const entries = await collectRules();
    expect(entries.length).toBeGreaterThan(50);
    expect(conflictingRules(entries).map((list) => list[0]?.rule.id)).toEqual([]);
  });

  it('docs/rules.md is generated from the catalogues (npm run docs:rules)', async () => {
    expect(readFileSync(rulesDocPath, 'utf8')).toBe(renderRulesDoc(await collectRules(), await collectTextRules()));
  });
});
