/**
 * Dates in syndikit are ISO 8601 / RFC 3339 date-times with an explicit
 * offset. This module parses what people write in front matter and wire
 * copy, rejects impossible dates (`2024-02-30`) instead of rolling them
 * over as `Date` does, and never produces "Invalid Date".
 */

/** A validated date-time. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset from UTC in minutes, or `undefined` when the input had none. */
  offset: number | undefined;
}

/**
 * Earliest year accepted. A news date before it is a typo (`0024` for
 * `2024`), and years 0–99 are where `Date.UTC` silently adds 1900.
 */
export const minYear = 1000;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Milliseconds since the epoch of a UTC wall time, for any year: unlike
 * `Date.UTC`, years 0–99 stay themselves instead of becoming 1900–1999.
 *
 * @param month 1-12
 */
export function utcEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Days in `month` (1-12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parse an ISO 8601 date or date-time.
 *
 * @returns the parts, or a reason the value is not a valid date.
 */
export function parseIsoDate(value: string): DateTimeParts | { error: string } {
  const match = isoPattern.exec(value.trim());
  if (!match) return { error: `\`${value}\` is not an ISO 8601 date (expected e.g. 2024-01-04T13:01:40-05:00)` };
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const parts: DateTimeParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    offset: zone === undefined ? undefined : parseOffset(zone),
  };
  if (parts.year < minYear) return { error: `\`${value}\` has the year ${parts.year}: years before ${minYear} are not accepted` };
  if (parts.month < 1 || parts.month > 12) return { error: `\`${value}\` has month ${parts.month}` };
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    return { error: `\`${value}\` is not a calendar date: ${y}-${mo} has no day ${parts.day}` };
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return { error: `\`${value}\` has an impossible time` };
  if (parts.offset !== undefined && Math.abs(parts.offset) > 18 * 60) return { error: `\`${value}\` has an impossible offset` };
  return parts;
}

function parseOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/**
 * Offset of `timeZone` from UTC, in minutes, at the given local wall time.
 * Uses `Intl` so any IANA zone works without a time-zone database of our own.
 */
export function zoneOffset(timeZone: string, parts: DateTimeParts): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fixed = /^[+-]\d{2}:?\d{2}$/.test(timeZone) ? parseOffset(timeZone) : undefined;
  if (fixed !== undefined) return fixed;
  const asUtc = utcEpoch(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  // Two passes settle the offset around daylight-saving transitions.
  let offset = offsetAt(timeZone, asUtc);
  offset = offsetAt(timeZone, asUtc - offset * 60_000);
  return offset;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetAt(timeZone: string, epoch: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const local = utcEpoch(fields.year ?? 1970, fields.month ?? 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return Math.round((local - Math.floor(epoch / 1000) * 1000) / 60_000);
}

/** Whether `timeZone` is `UTC`, a fixed offset such as `+02:00`, or an IANA zone `Intl` knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC' || /^[+-]\d{2}:?\d{2}$/.test(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** Format an offset in minutes as `Z` or `±HH:MM`. */
export function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * Normalise a date or date-time to `YYYY-MM-DDTHH:MM:SS[.mmm]±HH:MM`.
 * A value without an offset is read as wall time in `timeZone`.
 *
 * @returns the normalised string, or `{ error }` for an invalid date.
 */
export function normalizeDate(value: string, timeZone = 'UTC'): string | { error: string } {
  const parts = parseIsoDate(value);
  if ('error' in parts) return parts;
  const offset = parts.offset ?? zoneOffset(timeZone, parts);
  const millis = parts.millisecond ? `.${pad(parts.millisecond, 3)}` : '';
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}${millis}${formatOffset(offset)}`;
}

/** Milliseconds since the epoch of a normalised date, for sorting. */
export function dateToEpoch(value: string): number {
  return Date.parse(value);
}
