import { parseIsoDate, utcEpoch } from '@syndikit/core';

/**
 * A date as a newspaper prints it, in the article's language and the date's
 * own offset: `March 12, 2024, 11:41 p.m. UTC−4` (English uses AP's
 * `a.m.`/`p.m.`), `12. März 2024, 23:41 UTC−4`, and in Arabic with the Arabic
 * comma. Only the offset is known (not the zone), so the zone is named by it:
 * `EDT` cannot be told from `AST` by `−04:00`. The wall-clock time is
 * formatted as if it were UTC, so no time-zone database is involved and the
 * result is the same on every machine with the same Node.js.
 */
export function displayDate(value: string, language: string): string {
  const parts = parseIsoDate(value);
  if ('error' in parts) return value;
  const wall = new Date(utcEpoch(parts.year, parts.month, parts.day, parts.hour, parts.minute));
  const { date, time, comma, english } = formatters(language);
  let clock = time.format(wall);
  // AP style, as English-language newspapers print times: "11:41 p.m.".
  if (english) clock = clock.replace(/\s*\bAM\b/, '\u00a0a.m.').replace(/\s*\bPM\b/, '\u00a0p.m.');
  return `${date.format(wall)}${comma}${clock}\u00a0${zoneName(parts.offset ?? 0)}`;
}

/** `UTC`, `UTC−4`, `UTC+5:30`: the offset as readers know it, with a real minus sign. */
function zoneName(offset: number): string {
  if (offset === 0) return 'UTC';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '−' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "Updated" in the article's language, before the time of the last change. */
const updatedWords: Record<string, string> = {
  ar: 'آخر تحديث',
  da: 'Opdateret',
  de: 'Aktualisiert',
  es: 'Actualizado',
  fi: 'Päivitetty',
  fr: 'Mis à jour',
  it: 'Aggiornato',
  nb: 'Oppdatert',
  nl: 'Bijgewerkt',
  nn: 'Oppdatert',
  no: 'Oppdatert',
  pl: 'Zaktualizowano',
  pt: 'Atualizado',
  sv: 'Uppdaterad',
  tr: 'Güncellendi',
  uk: 'Оновлено',
};

/** The word for "Updated" in `language` (English for a language not in the table). */
export function updatedLabel(language: string): string {
  return updatedWords[language.toLowerCase().split('-')[0] ?? ''] ?? 'Updated';
}

/** Scripts whose languages separate with the Arabic comma (U+060C). */
const arabicComma = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug']);

interface Formatters {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  comma: string;
  /** The time formatter resolved to English (read once: `resolvedOptions()` makes a new object each call). */
  english: boolean;
}

/** One set of formatters per language: creating an Intl.DateTimeFormat costs far more than using one. */
const cache = new Map<string, Formatters>();

function formatters(language: string): Formatters {
  let entry = cache.get(language);
  if (!entry) {
    let locale = language;
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      locale = 'en';
    }
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    entry = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
      time,
      comma: arabicComma.has(locale.toLowerCase().split('-')[0] ?? '') ? '\u060c ' : ', ',
      english: /^en\b/i.test(time.resolvedOptions().locale),
    };
    cache.set(language, entry);
  }
  return entry;
}
