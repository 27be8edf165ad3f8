import { formatOffset, normalizeDate } from '@syndikit/core';
import * as chrono from 'chrono-node';

/** A date found in a line of wire copy. */
export interface FoundDate {
  /** RFC 3339 with offset. */
  value: string;
  /** Whether the line said which time zone; otherwise the configured one was assumed. */
  zoned: boolean;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * chrono's strict parsers (complete dates only, nothing relative such as "tomorrow"), in the languages of the
 * agencies' sites: English first, then German (dpa: `30. Juli 2018`) and French (AFP: `5 décembre 2023 à 14h05`).
 */
const parsers: readonly chrono.Chrono[] = [chrono.strict, chrono.de.strict, chrono.fr.strict];

/**
 * Then the other languages chrono reads that news sites print their dates in: Spanish (`martes, 3 de mayo de 2022
 * 10:00`), Portuguese (`4 de maio de 2022`), Dutch and Swedish (`14 januari 2022`), Italian (`14 gennaio 2022`),
 * Russian (`15 августа 2016, 13:43`) and Ukrainian (`15 серпня 2016`). They print the day, the month's name and the
 * year in that order (numeric dates are read before chrono), so they are tried only on a line holding that shape
 * ({@link dayMonthYear}), and the Cyrillic ones only on a line in Cyrillic, the others only on one without. The first
 * date read wins, so their order only sets who pays: V8 compiles a parser's patterns on its first lines, a one-time
 * cost of some 10 ms each and 0.1 s for the Italian one, which is last of its kind.
 */
const dayFirstParsers: readonly chrono.Chrono[] = [
  chrono.es.strict,
  chrono.pt.strict,
  chrono.nl.strict,
  chrono.sv.strict,
  chrono.it.strict,
];
const cyrillicParsers: readonly chrono.Chrono[] = [chrono.ru.strict, chrono.uk.strict];
/** A day, a word (the month, `de` before and after it in Spanish and Portuguese) and a year. */
const dayMonthYear = /\b\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?(?:19|20)\d\d/u;

/** A label a site prints before a date line (`Published …`, `Actualizado el …`). */
export interface DateLabel {
  /** The label's words, matched at the start of the line, in any case, as whole words. */
  label: string;
  /** The language it is written in (BCP 47). */
  language: string;
  /** Whether the date it labels is a later revision's, not the first publication's. */
  updated: boolean;
}

/**
 * The labels before a date line, in the languages the date reader reads. A labelled date is the header's likeliest
 * date; an update label marks the article's `updated` date. Each is tested with an invented line in
 * `test/dates.test.ts`.
 */
export const dateLabels: readonly DateLabel[] = Object.freeze(
  [
    ...['published', 'posted', 'first published', 'issued on'].map((label) => ({ label, language: 'en', updated: false })),
    ...['updated', 'last updated', 'latest update', 'modified'].map((label) => ({ label, language: 'en', updated: true })),
    ...['veröffentlicht', 'datum'].map((label) => ({ label, language: 'de', updated: false })),
    ...['aktualisiert', 'stand', 'letzte aktualisierung', 'zuletzt aktualisiert'].map((label) => ({
      label,
      language: 'de',
      updated: true,
    })),
    ...['publié', 'mis en ligne', 'mise en ligne'].map((label) => ({ label, language: 'fr', updated: false })),
    { label: 'mis à jour', language: 'fr', updated: true },
    { label: 'publicado', language: 'es', updated: false },
    ...['actualizado', 'última actualización'].map((label) => ({ label, language: 'es', updated: true })),
    { label: 'pubblicato', language: 'it', updated: false },
    ...['aggiornato', 'ultimo aggiornamento', 'ultima modifica'].map((label) => ({ label, language: 'it', updated: true })),
    { label: 'publicado em', language: 'pt', updated: false },
    { label: 'atualizado', language: 'pt', updated: true },
    { label: 'gepubliceerd', language: 'nl', updated: false },
    ...['bijgewerkt', 'laatst bijgewerkt'].map((label) => ({ label, language: 'nl', updated: true })),
    { label: 'publicerad', language: 'sv', updated: false },
    { label: 'uppdaterad', language: 'sv', updated: true },
    { label: 'опубликовано', language: 'ru', updated: false },
    { label: 'обновлено', language: 'ru', updated: true },
    { label: 'опубліковано', language: 'uk', updated: false },
    { label: 'оновлено', language: 'uk', updated: true },
  ].map((label) => Object.freeze(label)),
);

/**
 * The labels (words and spaces only) as one pattern, the longest first (`publicado em` before `publicado`). No
 * letter may follow: `\b` knows only ASCII letters, so it would not end `publié` or `опубликовано`.
 */
const labelPattern = new RegExp(
  `^(?:${[...dateLabels]
    .sort((a, b) => b.label.length - a.label.length)
    .map(({ label }) => label.replace(/ /gu, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** The label opening a date line (`Updated 2:18 PM EST, …`, `Pubblicato il 14 gennaio 2022`), if any. */
export function dateLabel(line: string): DateLabel | undefined {
  const found = labelPattern.exec(line.trim())?.[0].replace(/\s+/gu, ' ').toLowerCase();
  return found === undefined ? undefined : dateLabels.find((label) => label.label === found);
}

/** chrono's reference date: fixed, so that nothing implied depends on the clock (only complete dates are read). */
const reference = new Date(Date.UTC(2000, 0, 1));
/**
 * Where copied text glued two parts of a date line that chrono reads only apart, a space is put back: a month
 * abbreviation and the full name (`Nov.November 18, 2019`: two renderings of one date), a year and the time after it
 * (`3 de mayo de 202221:25`), a time and the word after it (`a las 07:46hrs.`, `21:25LA NACION`).
 */
const glued =
  /(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)(?=\p{Lu}\p{Ll})|(?<=(?<!\d)(?:19|20)\d\d)(?=\d{1,2}:\d\d(?!\d))|(?<=\d:\d\d)(?=\p{L}{2})/gu;

/**
 * Read a date line as news sites print it: `Updated 2:18 PM EST, January 4, 2024`,
 * `January 4, 2024 at 1:01 p.m. EST`, `Published 4 Jan 2024 13:01 GMT`, `Nov. 18th 2019 8:54 am PT`,
 * `11/19/19 06:56 AM EST`, `30. Juli 2018`, `martes, 3 de mayo de 2022 10:00`, `Pubblicato il 14 gennaio 2022`,
 * `15 августа 2016, 13:43`, or ISO 8601. Day-first numeric dates (`30/09/2024`, `12.09.2024`)
 * and ISO 8601 are read here; the rest by chrono (a well-kept date-in-text parser), with its year, month and day
 * all written in the line: a date without a year (`Nov 19, 6:55 AM`) is no date.
 *
 * @returns the date, or `undefined` when the line holds no complete date.
 */
export function findDate(line: string, timeZone: string): FoundDate | undefined {
  const found = locateDate(line, timeZone);
  return found && { value: found.value, zoned: found.zoned };
}

/** {@link findDate}, with where the date starts in the line (a byline with its date after the names). */
export function locateDate(line: string, timeZone: string): (FoundDate & { index: number }) | undefined {
  // Long zone names, as Business Wire prints them.
  line = line.replace(
    /\b(Eastern|Central|Mountain|Pacific) (Standard|Daylight) Time\b/g,
    (_, region: string, kind: string) => `${region[0]}${kind[0]}T`,
  );
  // Day first, as European sites print it: AFP's 30/09/2024 - 11:20, dpa's 12.09.2024, 14:05 Uhr.
  const numeric =
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*-?\s*(\d{1,2}):(\d{2}))?/.exec(line) ??
    /\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?:\s*Uhr)?)?/.exec(line);
  if (numeric) {
    let [, day = '0', month = '0', year, hour = '0', minute = '0'] = numeric;
    // Month first, as US sites print it, when the day cannot be a month: 11/19/2019.
    if (Number(month) > 12 && Number(day) <= 12) [day, month] = [month, day];
    const value = normalizeDate(
      `${year}-${pad(Number(month))}-${pad(Number(day))}T${pad(Number(hour))}:${minute.padStart(2, '0')}:00`,
      timeZone,
    );
    return typeof value === 'string' ? { value, zoned: false, index: numeric.index } : undefined;
  }
  const iso = /\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?![\d:-])/.exec(line);
  if (iso?.[1]) {
    const value = normalizeDate(iso[1].replace(' ', 'T'), timeZone);
    return typeof value === 'string' ? { value, zoned: /Z|[+-]\d{2}:?\d{2}$/.test(iso[1]), index: iso.index } : undefined;
  }
  // chrono is slow next to a test for a year: a line without one (4 digits, or a US `11/19/19`) holds no date.
  if (!/\d{4}|\b\d{1,2}\/\d{1,2}\/\d{2}\b/.test(line)) return undefined;
  // Where each space was put back, in the text given to chrono: the date's index in the line is found from them.
  const spaces: number[] = [];
  // A double dash between the day and the time (`November 18, 2019 -- 19:14 GMT`) is one to chrono; a dash or a bar
  // between the year and the time (`4 mayo 2025 - 08:30`, `8 de mayo 2025 | 6:00 h`) is none, so that the Spanish
  // and Italian parsers read the time too. Both come after the date's start: its index is not moved.
  const text = line
    .replace(glued, (_, offset: number) => {
      spaces.push(offset + spaces.length);
      return ' ';
    })
    .replace(/(\d)\s+--\s+(?=\d{1,2}[:.]\d\d)/gu, '$1 - ')
    .replace(/\b((?:19|20)\d\d)\s+[-–|]\s+(?=\d{1,2}:\d\d\b)/gu, '$1 ');
  const others = /\p{Script=Cyrillic}/u.test(text) ? cyrillicParsers : dayFirstParsers;
  for (const parser of dayMonthYear.test(text) ? [...parsers, ...others] : parsers) {
    for (const result of parser.parse(text, reference, { forwardDate: false })) {
      const date = result.start;
      if (!date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) continue;
      // A relative time (`2 days ago`) is certain in chrono's eyes, but no year is written in it.
      if (!/\d{4}|\d\/\d{2}\b/.test(result.text)) continue;
      const timed = date.isCertain('hour');
      const local = `${pad(date.get('year') ?? 0, 4)}-${pad(date.get('month') ?? 1)}-${pad(date.get('day') ?? 1)}T${timed ? `${pad(date.get('hour') ?? 0)}:${pad(date.get('minute') ?? 0)}:${pad(date.get('second') ?? 0)}` : '00:00:00'}`;
      const offset = date.isCertain('timezoneOffset') ? date.get('timezoneOffset') : null;
      const zoned = offset !== null && offset !== undefined;
      const value = normalizeDate(zoned ? `${local}${formatOffset(offset).replace('Z', '+00:00')}` : local, timeZone);
      // The index in the line as given: each space put back before the date moved it by one.
      const shift = spaces.filter((at) => at < result.index).length;
      if (typeof value === 'string') return { value, zoned, index: result.index - shift };
    }
  }
  return undefined;
}

/**
 * The date and time in a timestamped photo file name such as
 * `20240104130140-6596fbc4ab0e128c0986ac9fjpeg`, read in `timeZone`.
 */
export function dateFromFileName(name: string, timeZone: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\b/.exec(name);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const value = normalizeDate(`${year}-${month}-${day}T${hour}:${minute}:${second}`, timeZone);
  return typeof value === 'string' ? value : undefined;
}
