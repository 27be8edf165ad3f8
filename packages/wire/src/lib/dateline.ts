/** A dateline opening the first paragraph, by agency convention. */
const datelines: readonly RegExp[] = [
  // Business Wire: SAN FRANCISCO--(BUSINESS WIRE)--…
  /^(?<place>[\p{Lu}][\p{L}\p{M}.'’, -]*?)\s*-{1,2}\s*\((?<agency>BUSINESS WIRE)\)\s*-{1,2}\s*(?<rest>.*)$/u,
  // AP, Reuters, AFP, dpa: WASHINGTON (AP) — …, KYIV, Ukraine (Reuters) - …, Berlin (dpa) - …
  /^(?<place>[\p{Lu}][\p{L}\p{M}.'’ -]*(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ -]*)?)\s*\((?<agency>[\p{L}][\p{L} .&-]{0,24})\)\s*(?:[—–]|-{1,2})\s*(?<rest>.*)$/u,
  // Reuters with the date: LONDON, Jan 4 (Reuters) - …
  /^(?<place>[\p{Lu}][\p{L}\p{M}.'’ -]*),\s+[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2}\s*\((?<agency>Reuters)\)\s*(?:[—–]|-{1,2})\s*(?<rest>.*)$/u,
];

/** A dateline at the start of a paragraph: place, agency, and the text after it. */
export function matchDateline(text: string): { place: string; agency: string; rest: string } | undefined {
  for (const pattern of datelines) {
    const groups = pattern.exec(text)?.groups;
    if (groups?.place && groups.agency)
      return { place: groups.place.trim(), agency: groups.agency.trim(), rest: (groups.rest ?? '').trim() };
  }
  return undefined;
}

/** The agency's name as a source, from its dateline abbreviation. */
export function agencyName(agency: string): string {
  const known: Record<string, string> = {
    AP: 'The Associated Press',
    REUTERS: 'Reuters',
    AFP: 'AFP',
    DPA: 'dpa',
    'BUSINESS WIRE': 'Business Wire',
  };
  return known[agency.toUpperCase()] ?? agency;
}
