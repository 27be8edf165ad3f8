/**
 * The agencies a dateline can name, as data: how the copy writes the
 * agency (matched case-insensitively inside the agency mark) and the
 * source it stands for. An agency not listed here is still read when the
 * dateline has a place (`STOCKHOLM (TT) -`); its mark is then its name.
 */
export interface DatelineAgency {
  /** The agency as written in the mark, a regular-expression source (`AP`, `BUSINESS WIRE`). */
  mark: string;
  /** The source it stands for. */
  name: string;
  /**
   * Whether the mark is printed with no separator before the story (`Hong Kong (CNN Business)A muddled …`, the
   * story glued to the mark when copied, or after a space). Default `false`: a dash follows the mark.
   */
  bare?: boolean;
}

export const datelineAgencies: readonly DatelineAgency[] = Object.freeze([
  { mark: 'AP', name: 'The Associated Press' },
  { mark: 'Reuters', name: 'Reuters' },
  { mark: 'AFP', name: 'AFP' },
  { mark: 'dpa(?:-AFX)?', name: 'dpa' },
  { mark: 'UPI', name: 'UPI' },
  { mark: 'BUSINESS ?WIRE', name: 'Business Wire' },
  { mark: 'PR ?Newswire', name: 'PR Newswire' },
  { mark: 'GLOBE ?NEWSWIRE', name: 'GlobeNewswire' },
  { mark: 'ACCESSWIRE', name: 'ACCESSWIRE' },
  { mark: 'CNN(?: Business| Money| Sport| Travel)?', name: 'CNN', bare: true },
  { mark: 'KNA|epd|APA|SDA|Keystone-SDA|ANSA|EFE|Kyodo|Xinhua|CNA|TASS|PTI|IANS|AAP|CP', name: '' },
]);

const known = datelineAgencies.map((agency) => agency.mark).join('|');
const bare = datelineAgencies
  .filter((agency) => agency.bare)
  .map((agency) => agency.mark)
  .join('|');

/** A place: capitalised words, with `/` (`Frankfurt/Main`), dots and a `, State` or `, Country` part. */
const place = String.raw`[\p{Lu}][\p{L}\p{M}.'’ -]{0,40}?(?:\/[\p{Lu}][\p{L}\p{M}.'’ -]{0,30}?)?(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ -]{0,30}?)?`;
/** A date after the place: `Nov 3`, `Dec. 23`, `November 3, 2024`, `3. November`. */
const date = String.raw`[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\.?\s+[\p{Lu}][\p{Ll}]{2,8}\.?(?:\s+\d{4})?`;
/** The separators between the dateline and the story. */
const separator = String.raw`(?:—|–|-{1,2}|‒)`;

/**
 * One grammar for every agency's dateline: optional place, optional date,
 * the agency mark — `(AP)`, `--(BUSINESS WIRE)--`, `/PRNewswire/ --` —
 * then a separator and the story. Place and date are optional only for a
 * known agency (`(Reuters) - …`); an unknown mark needs a place.
 */
const grammar: readonly RegExp[] = [
  // Release wires write the mark between slashes or dashes: SEATTLE--(BUSINESS WIRE)--, NEW YORK, Nov. 3, 2024 /PRNewswire/ --
  new RegExp(
    String.raw`^(?:(?<place>${place})(?:,\s*(?<date>${date}))?)?\s*(?:-{1,2}\s*\((?<agency>${known})\)\s*-{1,2}|\/(?<slash>${known})\/\s*${separator}?|\((?<paren>GLOBE ?NEWSWIRE|ACCESSWIRE)\)\s*${separator})\s*(?<rest>.*)$`,
    'iu',
  ),
  // News agencies: WASHINGTON (AP) —, HONOLULU, Dec. 23 (UPI) --, Frankfurt/Main (dpa) -, (Reuters) -
  new RegExp(String.raw`^(?:(?<place>${place})(?:,\s*(?<date>${date}))?\s*)?\((?<agency>${known})\)\s*${separator}\s*(?<rest>.*)$`, 'u'),
  // A mark printed without a separator, after a place: Hong Kong (CNN Business)A muddled view …, Atlanta (CNN) The …
  new RegExp(String.raw`^(?<place>${place})\s*\((?<agency>${bare})\)\s*(?<rest>\p{Lu}.*)$`, 'u'),
  // An agency not in the table, after a place in capitals: STOCKHOLM (TT) -, ROME, Italy (ANSA) -
  new RegExp(
    String.raw`^(?<place>[\p{Lu}][\p{Lu}\p{M}.'’ -]{1,40}?(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ -]{0,30}?)?)\s*\((?<agency>\p{Lu}[\p{L} .&-]{0,24})\)\s*${separator}\s*(?<rest>.*)$`,
    'u',
  ),
];

/** A dateline read by {@link matchDateline}. */
export interface DatelineMatch {
  /** The place, when the dateline names one. */
  place?: string;
  /** The agency as the copy writes it (`AP`, `BUSINESS WIRE`, `dpa`). */
  agency: string;
  /** The date in the dateline as written (`Dec. 23`), when there is one. */
  date?: string;
  /** The text after the dateline. */
  rest: string;
}

/** A dateline at the start of a paragraph: place, date, agency, and the text after it. */
export function matchDateline(text: string): DatelineMatch | undefined {
  if (text.length > 5000) text = text.slice(0, 5000);
  for (const pattern of grammar) {
    const groups = pattern.exec(text)?.groups;
    const agency = groups?.agency ?? groups?.slash ?? groups?.paren;
    if (!groups || !agency) continue;
    // Lower case is only for the agencies that write themselves so (dpa, epd); a place is capitalised.
    const placeText = groups.place?.trim().replace(/[,\s]+$/u, '');
    if (placeText && !/^\p{Lu}/u.test(placeText)) continue;
    const match: DatelineMatch = { agency: agency.trim(), rest: (groups.rest ?? '').trim() };
    if (placeText) match.place = placeText;
    if (groups.date) match.date = groups.date.trim();
    return match;
  }
  return undefined;
}

/** The agency's name as a source, from its dateline mark. */
export function agencyName(agency: string): string {
  const entry = datelineAgencies.find((candidate) => new RegExp(`^(?:${candidate.mark})$`, 'iu').test(agency.trim()));
  return entry?.name || agency;
}
