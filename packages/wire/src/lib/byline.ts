import type { Author } from '@syndikit/core';

/** Agency names as they appear after the authors in a byline, with the source they stand for. */
const agencies: ReadonlyArray<[RegExp, string]> = [
  [/^(the )?associated press$|^ap$/i, 'The Associated Press'],
  [/^reuters$|^thomson reuters$/i, 'Reuters'],
  [/^(agence france-presse|afp)$/i, 'AFP'],
  [/^(dpa|deutsche presse-agentur)$/i, 'dpa'],
  [/^business ?wire$/i, 'Business Wire'],
  [/^(tt|ntb|sipa|ansa|efe|kyodo|xinhua|pa media|aap|cp|the canadian press)$/i, ''],
];

/** A byline split into people and the agency they write for. */
export interface Byline {
  authors: Author[];
  source?: string;
}

/**
 * Parse a byline as agencies write it:
 * `Colleen Long And Aamer Madhani, The Associated Press`,
 * `By JANE DOE and JOHN ROE Associated Press`, `Von Christian Hollmann, dpa`,
 * `Paulo Santalucia and Frances d'Emilio`. Names in capitals are
 * title-cased.
 *
 * @returns the authors and source, or `undefined` when the text does not read as a byline.
 */
export function parseByline(text: string): Byline | undefined {
  let rest = text
    .trim()
    .replace(/^(by|von|par|por|av|di)\s+/i, '')
    .trim();
  let source: string | undefined;
  // A date or time after a dash or bar is the date line glued to the byline (`By Tess Bonn - 11/19/19 06:56 AM EST`).
  rest = rest
    .replace(/\s+[-–—|]\s+(?=\d|(?:updated|published|posted)\b).*$/iu, '')
    // `… on Monday, November 18th, 2019 at 11:08 a.m.`, `… on November 19, 2019`: the date after the names.
    .replace(/\s+on\s+(?:\p{L}+day,?\s+)?\p{Lu}\p{Ll}+\.?\s+\d.*$/u, '')
    // A job title glued to the name (`Michael HiltzikBusiness Columnist`) is split off.
    .replace(/(\p{Ll})(\p{Lu}[\p{L} ]*?\b(?:[Ww]riter|[Cc]olumnist|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Cc]ontributor)\b.*)$/u, '$1, $2')
    // An outlet glued to the name (`Jane RoeFOXBusiness`): capitals in a row after a small letter.
    .replace(/(\p{Ll})(\p{Lu}{2,}\p{L}*)$/u, '$1, $2')
    .replace(/\s+on$|\s*[-–—|]\s*$/u, '')
    // A full stop closing the line (`By Jane Roe.`), not an initial's (`Jane Q.`).
    .replace(/(\p{Ll}{2})\.$/u, '$1');
  // A job title or an outlet after the names is not a name (`Tom Krisher, AP Auto Writer`, `Jane Roe | Example Media for example.com`).
  // A spaced dash separates too (`Jane Roe - Staff Writer`); a hyphen inside a name (`Jean-Paul`) has no spaces.
  const split = rest.split(/\s*[,|/]\s*|\s+[-–—]\s+/u);
  // A legal form (`Northwind Quantum, Inc.`) makes the byline a company's, not people's.
  if (split.slice(1).some((part) => /^(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|sa|s\.a|nv|bv|ab|as|oy|spa|srl)\.?$/iu.test(part.trim())))
    return undefined;
  const parts = withoutRoles(split);
  rest = parts.join(', ');
  const last = parts.at(-1) ?? '';
  const agency = agencies.find(([pattern]) => pattern.test(last.trim()));
  if (agency && parts.length > 1) {
    source = agency[1] || last.trim();
    rest = parts.slice(0, -1).join(', ');
  } else {
    const trailing = /\s+(the associated press|associated press|reuters|afp|dpa)$/i.exec(rest);
    if (trailing?.[1]) {
      source = agencies.find(([pattern]) => pattern.test(trailing[1] as string))?.[1];
      rest = rest.slice(0, trailing.index);
    }
  }
  const listed = rest
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\boch\b|&)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
  // An agency or a desk named beside the people (`Jane Roe and AP`, `Jane Roe und der Redaktion`) is no person: the
  // agency is the source, the desk is left out.
  const names = listed.filter((name) => {
    const agency = agencies.find(([pattern]) => pattern.test(name));
    if (agency && listed.length > 1) source ??= agency[1] || name;
    return !(agency && listed.length > 1) && !desk.test(name);
  });
  if (names.length === 0 && listed.length > names.length && (source || listed.every((name) => desk.test(name))))
    return source ? { authors: [], source } : { authors: [] };
  if (names.length === 0 || names.length > 8) return undefined;
  // A byline is names: two to five words each, each capitalised.
  const isName = (name: string) =>
    /^[\p{Lu}][\p{L}\p{M}'’.-]*(\s+[\p{Lu}\p{Ll}][\p{L}\p{M}'’.-]*){1,4}$/u.test(name) &&
    name.split(/\s+/).every((word) => /^[\p{Lu}]|^[dlo]['’]\p{Lu}|^(de|da|van|von|der|di|le|la|bin|al|el)$/u.test(word));
  if (!names.every((name) => isName(name) && !isJobTitle(name))) return undefined;
  const byline: Byline = { authors: names.map((name) => ({ name: titleCase(name) })) };
  if (source) byline.source = source;
  return byline;
}

/** A desk named in a byline, no person (`der Redaktion`, `the newsroom`, `la redacción`). */
const desk =
  /^(?:(?:der|die|the|la|le|el|da|della)\s+)?(?:(?:online-)?redaktion|staff|newsroom|news desk|redacci[oó]n|r[ée]daction|redazione)$/iu;

/**
 * A job title printed alone, as a line of its own under the name (`Games Editor`, `Contributing Correspondent`):
 * two to four words ending in a job noun. It reads like a name (two capitalised words), but names no one.
 */
export function isJobTitle(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    // Singular: a plural alone (`Columnists`) is a section of the site, not what one person is.
    /\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|journalist|critic|analyst)$/iu.test(text.trim())
  );
}

/**
 * Words of job titles and outlets that follow the names in a byline, as data: a part of the byline
 * holding one is a role or an outlet, not a person.
 */
const roleWords =
  /\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer|analyst|critic|staff|chief|bureau|senior|photographer|journalist|anchor|host|director|manager|intern|fellow|opinion|media|news|newsroom|times|post|herald|tribune|network|magazine|journal|daily|gazette)s?\b|\.(?:com|org|net|co|ca|de|uk|au|in)\b|\bfor\s+\p{Lu}/iu;

/** The parts of a byline without the job titles and outlets after the names; the agency part is kept for the source. */
function withoutRoles(parts: readonly string[]): string[] {
  const kept = [...parts];
  while (kept.length > 1) {
    const last = (kept.at(-1) ?? '').trim();
    if (agencies.some(([pattern]) => pattern.test(last))) break;
    // A single word after the names is an outlet (`Sandee LaMotte, CNN`), as is a part with a role or outlet word.
    if (!roleWords.test(last) && /\s/u.test(last)) break;
    kept.pop();
  }
  return kept;
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
