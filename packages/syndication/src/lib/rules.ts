import type { Rule } from '@syndikit/core';

/**
 * The catalogue of diagnostics every feed format (RSS, Atom, JSON Feed)
 * reports, through this package or itself (`feed-empty`,
 * `feed-no-site-url`), shaped like the core's: a permanent id, what it is
 * about, and what to do. Defined once here, so that the formats cannot
 * drift apart. Retired: `feed-markup-in-text` (now `html-markup-in-text`,
 * which AMP and NewsML-G2 report too, once per article).
 */
export const feedRules = {
  empty: {
    id: 'feed-empty',
    title: 'No dated articles for the feed: it is not written',
    hint: 'Give the articles a `published` date (front matter `date:`).',
    severity: 'warning',
  },
  noDate: {
    id: 'feed-no-date',
    title: 'An article has no date, so it is left out of the feed',
    hint: 'Give the article a `published` date (front matter `date:`).',
    severity: 'warning',
  },
  noSiteUrl: {
    id: 'feed-no-site-url',
    title: 'The feed needs the site URL',
    hint: 'Set `site.url` in the config, or pass --site-url.',
    severity: 'error',
  },
  pathCollision: {
    id: 'feed-path-collision',
    title: 'Two sections or tags would share one feed path',
    hint: 'Rename one of them so that their slugs differ; the first keeps the path.',
    severity: 'warning',
  },
  duplicateId: {
    id: 'feed-duplicate-id',
    title: 'Two articles have the same id, so feed readers would merge them',
    hint: 'The article published first keeps the id; the others get one derived from their slug. Give each article its own id (ninjs `uri`, front matter `id:`).',
    severity: 'warning',
  },
  itemContentTooLarge: {
    id: 'feed-item-content-too-large',
    title: "An article's full content is larger than a feed item may carry",
    hint: 'The item carries the summary only. Shorten the article, or raise the feed option `maxContentBytes`.',
    severity: 'warning',
  },
} as const satisfies Record<string, Rule>;
