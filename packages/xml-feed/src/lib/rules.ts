import type { Rule } from '@syndikit/core';

/**
 * The diagnostics the XML feed formats (RSS, Atom) share, shaped like the
 * core's catalogue: a permanent id, what it is about, and what to do. The
 * rules of every feed (`feed-empty`, `feed-no-site-url`, …) are
 * `@syndikit/syndication`'s `feedRules`.
 */
export const xmlFeedRules = {
  invalidCharacter: {
    id: 'xml-invalid-character',
    title: 'Characters XML 1.0 forbids or discourages were removed',
    hint: 'Remove the control characters (C0, DEL, C1) from the article or site field the message names; the feed is written without them.',
    severity: 'warning',
  },
} as const satisfies Record<string, Rule>;
