import { parseIsoDate, utcEpoch } from '@syndikit/core';

/**
 * A date as readers see it, in the article's language and the date's own
 * offset: `12 March 2024, 23:41 (UTC−04:00)`. The wall-clock time is
 * formatted as if it were UTC, so no time-zone database is involved and the
 * result is the same on every machine with the same Node.js.
 */
export function displayDate(value: string, language: string): string {
  const parts = parseIsoDate(value);
  if ('error' in parts) return value;
  const wall = new Date(utcEpoch(parts.year, parts.month, parts.day, parts.hour, parts.minute));
  const date = formatter(language).format(wall);
  const time = `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
  const offset = parts.offset ?? 0;
  const sign = offset < 0 ? '−' : '+';
  const zone =
    offset === 0
      ? 'UTC'
      : `UTC${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${date}, ${time} (${zone})`;
}

/** One formatter per language: creating an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string): Intl.DateTimeFormat {
  let format = formatters.get(language);
  if (!format) {
    let locale = language;
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      locale = 'en';
    }
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(language, format);
  }
  return format;
}
