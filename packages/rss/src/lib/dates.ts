import { parseIsoDate, utcEpoch } from '@syndikit/core';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An RFC 3339 date-time as RFC 822 (with a four-digit year, as RFC 2822 and
 * the feed validators want), keeping its own offset:
 * `2024-01-04T13:01:40-05:00` → `Thu, 04 Jan 2024 13:01:40 -0500`.
 * Throws a `TypeError` for a date that is not RFC 3339 with an offset.
 */
export function toRfc822(value: string): string {
  const parts = parseIsoDate(value);
  if ('error' in parts || parts.offset === undefined)
    throw new TypeError(
      `Expected an RFC 3339 date-time with an offset but received ${JSON.stringify(value)}${'error' in parts ? ` (${parts.error})` : ''}`,
    );
  const weekday = new Date(utcEpoch(parts.year, parts.month, parts.day)).getUTCDay();
  const pad = (number: number) => String(number).padStart(2, '0');
  const sign = parts.offset < 0 ? '-' : '+';
  const offset = Math.abs(parts.offset);
  return `${days[weekday]}, ${pad(parts.day)} ${months[parts.month - 1]} ${String(parts.year).padStart(4, '0')} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)} ${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`;
}
