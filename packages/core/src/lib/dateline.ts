import type { Dateline } from './article.js';

/**
 * Parse a dateline as agencies write it at the start of a story:
 * `WASHINGTON (AP) —`, `KYIV, Ukraine (Reuters) -`, `BERLIN (dpa) -`,
 * `PARIS (AFP) -`. The trailing dash is optional.
 *
 * @returns the place and agency, or `undefined` when the text is not a dateline.
 */
export function parseDateline(text: string): Dateline | undefined {
  const match = /^\s*([\p{Lu}][\p{L}\p{M}.'’ -]*(?:,\s*[\p{L}\p{M}.'’ -]+)*?)\s*\(([^()]{1,40})\)\s*(?:[—–-]+\s*)?$/u.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { place: match[1].trim(), agency: match[2].trim() };
}

/** Write a dateline back as `PLACE (AGENCY)`. */
export function formatDateline(dateline: Dateline): string {
  if (dateline.place && dateline.agency) return `${dateline.place} (${dateline.agency})`;
  return dateline.place ?? (dateline.agency ? `(${dateline.agency})` : '');
}
