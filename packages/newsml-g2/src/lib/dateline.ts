import type { Dateline } from '@syndikit/core';
import { parseDateline } from '@syndikit/core';
import { matchDateline } from '@syndikit/wire';

/**
 * A dateline as agencies write it in `<dateline>` or dpa's `span.dateline`:
 * `New York (dpa) - `, `Peine (dpa/lni)`, `WASHINGTON (AP) —`, or a bare place.
 */
export function datelineFromText(written: string): Dateline {
  // A date after the place (`PARIS, 2 mars 2026 (AFP)`, `MADRID, 21 Nov. 2024`) is not part of the place.
  const bare = written.replace(/[\s,—–-]+$/, '').replace(/,\s*\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}(?=\s*\(|$)/u, '');
  const matched = matchDateline(`${bare} - x`);
  if (matched) return { place: matched.place, agency: matched.agency };
  const withAgency = /^(.+?)\s*\(([^()]{1,30})\)$/.exec(bare);
  if (withAgency?.[1] && withAgency[2]) return { place: withAgency[1], agency: withAgency[2] };
  return parseDateline(bare) ?? { place: bare };
}
