import type { Rule } from '@syndikit/core';
import { wireRules } from './diagnostics-rules.js';

/**
 * Signs that a scraper dropped the text of a link and left the sentence
 * around it: `supplies for its , the White House said`, `missiles from and
 * is seeking`, a paragraph starting `in September to meet…`, a paragraph
 * ending `in the early 1`.
 */
export interface Fragment {
  /** 0-based offset in the paragraph. */
  offset: number;
  reason: string;
  /** `wire-stripped-link` where a link's text seems dropped, `wire-paragraph-cut` where the paragraph ends mid-sentence. */
  rule: Rule;
}

// Words that are almost never followed by a conjunction in edited copy ("to and from" is, so `to` is not here).
const dangling = /\b(from|of|its|his|her|their|our|the|an?)\s+(and|or|as|but)\b/giu;

/** Where a paragraph looks like link text was stripped from it. */
export function findFragments(paragraph: string, isFirst: boolean): Fragment[] {
  const found: Fragment[] = [];
  for (const match of paragraph.matchAll(/(\p{L}) ([,.;:])(?=\s|$)/gu)) {
    found.push({
      offset: (match.index ?? 0) + 1,
      reason: `"${context(paragraph, match.index ?? 0)}" has a space before "${match[2]}": link text may have been stripped here`,
      rule: wireRules.strippedLink,
    });
  }
  for (const match of paragraph.matchAll(dangling)) {
    found.push({
      offset: match.index ?? 0,
      reason: `"${match[0]}" reads like a missing word between "${match[1]}" and "${match[2]}": link text may have been stripped here`,
      rule: wireRules.strippedLink,
    });
  }
  if (!isFirst && /^[\p{Ll}]/u.test(paragraph)) {
    found.push({
      offset: 0,
      reason: `Paragraph starts mid-sentence ("${paragraph.slice(0, 30)}…"): its beginning may have been a link`,
      rule: wireRules.strippedLink,
    });
  }
  if (!/[.!?…"”’')\]:]$/u.test(paragraph.trimEnd())) {
    found.push({
      offset: paragraph.trimEnd().length,
      reason: `Paragraph ends mid-sentence ("…${paragraph.trimEnd().slice(-30)}"): text may be missing`,
      rule: wireRules.paragraphCut,
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function context(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 3).trimStart();
}
