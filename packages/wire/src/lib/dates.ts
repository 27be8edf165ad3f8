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
/** chrono's reference date: fixed, so that nothing implied depends on the clock (only complete dates are read). */
const reference = new Date(Date.UTC(2000, 0, 1));
/** A month abbreviation glued to the full name (`Nov.November 18, 2019`): two renderings of one date, split. */
const gluedMonth = /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?=\p{Lu}\p{Ll})/gu;

/**
 * Read a date line as news sites print it: `Updated 2:18 PM EST, January 4, 2024`,
 * `January 4, 2024 at 1:01 p.m. EST`, `Published 4 Jan 2024 13:01 GMT`, `Nov. 18th 2019 8:54 am PT`,
 * `11/19/19 06:56 AM EST`, `30. Juli 2018`, or ISO 8601. Day-first numeric dates (`30/09/2024`, `12.09.2024`)
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
  // A double dash between the day and the time (`November 18, 2019 -- 19:14 GMT`) is one to chrono.
  const text = line.replace(gluedMonth, '$1. ').replace(/(\d)\s+--\s+(?=\d{1,2}[:.]\d\d)/gu, '$1 - ');
  for (const parser of parsers) {
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
      // The index in the line as given: each split abbreviation before the date added one space.
      let shift = 0;
      for (const glued of line.matchAll(gluedMonth)) if (glued.index + shift < result.index) shift += 1;
      if (typeof value === 'string') return { value, zoned, index: Math.max(0, result.index - shift) };
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
