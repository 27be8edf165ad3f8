/**
 * Word lists for comparing a page's texts with one another (a heading with its titles, a standfirst with the page's
 * description, the text under a heading with the headline): lower-cased runs of letters and digits, so punctuation,
 * quotes and dashes never decide whether two texts say the same.
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words two lists share, each counted as often as both have it. */
export function sharedWords(one: readonly string[], other: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of one) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of other) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return shared;
}
