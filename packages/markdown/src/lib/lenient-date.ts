import { normalizeDate } from '@syndikit/core';
import * as chrono from 'chrono-node';
import { useLenientDates } from './fields.js';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * A date people write that is not ISO 8601 — `2024-01-02 10:00`,
 * `2024-01-02 10:00:00 +0100` (Jekyll), `Jul 08 2022`, `July 8, 2022` —
 * read with chrono's strict parser (no relative dates such as "tomorrow"),
 * as wall time in `timeZone` unless it gives an offset. `undefined` when
 * the text is not wholly one date.
 */
export function lenientDate(value: string, timeZone: string): string | undefined {
  const text = value.trim();
  const [result, ...more] = chrono.strict.parse(text, undefined, { forwardDate: false });
  if (!result || more.length > 0 || result.end || result.text.length < text.replace(/\s*\([^)]*\)$/, '').length - 1) return undefined;
  const date = result.start;
  if (!date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) return undefined;
  let iso = `${pad(date.get('year') ?? 0, 4)}-${pad(date.get('month') ?? 1)}-${pad(date.get('day') ?? 1)}`;
  if (date.isCertain('hour')) {
    iso += `T${pad(date.get('hour') ?? 0)}:${pad(date.get('minute') ?? 0)}:${pad(date.get('second') ?? 0)}`;
    const offset = date.isCertain('timezoneOffset') ? date.get('timezoneOffset') : null;
    if (offset !== null && offset !== undefined) {
      const sign = offset < 0 ? '-' : '+';
      iso += `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    }
  }
  const normalized = normalizeDate(iso, timeZone);
  return typeof normalized === 'string' ? normalized : undefined;
}

// Front matter read from here on reads such dates (see `useLenientDates`).
useLenientDates(lenientDate);
