import type { Rule } from '@syndikit/core';

/**
 * The catalogue of diagnostics the feed formats (RSS, Atom, JSON Feed)
 * report through this package, shaped like the core's: a permanent id, what
 * it is about, and what to do.
 */
export const feedRules = {
  itemContentTooLarge: {
    id: 'feed-item-content-too-large',
    title: "An article's full content is larger than a feed item may carry",
    hint: 'The item carries the summary only. Shorten the article, or raise the feed option `maxContentBytes`.',
  },
} as const satisfies Record<string, Rule>;
