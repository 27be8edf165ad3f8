import { formatOffset, normalizeDate } from '@syndikit/core';

const months: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Offsets of the time-zone abbreviations agencies print, in minutes. Ambiguous ones (IST, CST in Asia) are read as the US/UK/EU meaning. */
const zones: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  IST: 330,
};

/** A date found in a line of wire copy. */
export interface FoundDate {
  /** RFC 3339 with offset. */
  value: string;
  /** Whether the line said which time zone; otherwise the configured one was assumed. */
  zoned: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Read a date line as news sites print it: `Updated 2:18 PM EST, January 4, 2024`,
 * `January 4, 2024 at 1:01 p.m. EST`, `Published 4 Jan 2024 13:01 GMT`,
 * `Jan. 4, 2024`, or ISO 8601. Hand-written: date libraries parse one
 * format at a time, and agency lines mix them.
 *
 * @returns the date, or `undefined` when the line holds no complete date.
 */
export function findDate(line: string, timeZone: string): FoundDate | undefined {
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
    return typeof value === 'string' ? { value, zoned: false } : undefined;
  }
  const iso = /\b(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)\b/.exec(line);
  if (iso?.[1]) {
    const value = normalizeDate(iso[1], timeZone);
    return typeof value === 'string' ? { value, zoned: /Z|[+-]\d{2}:?\d{2}$/.test(iso[1]) } : undefined;
  }
  const text = line.replace(/\./g, '').replace(/\s+/g, ' ');
  const monthFirst = /\b([A-Za-z]{3,9}) (\d{1,2}),? (\d{4})\b/.exec(text);
  const dayFirst = /\b(\d{1,2}) ([A-Za-z]{3,9}),? (\d{4})\b/.exec(text);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  if (monthFirst && months[monthFirst[1]?.toLowerCase() ?? '']) {
    [year, month, day] = [Number(monthFirst[3]), months[monthFirst[1]?.toLowerCase() ?? ''], Number(monthFirst[2])];
  } else if (dayFirst && months[dayFirst[2]?.toLowerCase() ?? '']) {
    [year, month, day] = [Number(dayFirst[3]), months[dayFirst[2]?.toLowerCase() ?? ''], Number(dayFirst[1])];
  }
  if (!year || !month || !day) return undefined;
  const time = /\b(\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]m)?\b/i.exec(text);
  let hour = time ? Number(time[1]) : 0;
  const minute = time ? Number(time[2]) : 0;
  const second = time?.[3] ? Number(time[3]) : 0;
  const meridiem = time?.[4]?.toLowerCase();
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const zone = /\b([A-Z]{1,4}T|UTC|GMT|Z)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?/.exec(line.replace(/\./g, ''));
  let offset = zone?.[1] !== undefined ? zones[zone[1]] : undefined;
  // GMT+1, UTC-05:00
  if (offset !== undefined && zone?.[2]) offset += (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? 0));
  const local = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const value = normalizeDate(offset === undefined ? local : `${local}${formatOffset(offset).replace('Z', '+00:00')}`, timeZone);
  return typeof value === 'string' ? { value, zoned: offset !== undefined } : undefined;
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
