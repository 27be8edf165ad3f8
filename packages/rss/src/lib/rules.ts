import type { Rule } from '@syndikit/core';

/**
 * The diagnostics only the RSS format reports, shaped like the core's
 * catalogue. What every feed reports is `@syndikit/syndication`'s
 * `feedRules`; what every XML feed reports, `@syndikit/xml-feed`'s
 * `xmlFeedRules`.
 */
export const rssRules = {
  authorEmailsDropped: {
    id: 'rss-author-emails-dropped',
    title: 'RSS cannot carry the email addresses of several authors',
    hint: 'Nothing to do: every author is named with dc:creator; RSS has one <author>, for a single author with an email.',
    severity: 'warning',
  },
  enclosureUnknownLength: {
    id: 'rss-enclosure-unknown-length',
    title: 'The lead image has no known byte length, so it is not an RSS enclosure',
    hint: 'Add the `images` format before `rss` (it measures the images), or use a local image; the image is still in media:content.',
    severity: 'warning',
  },
} as const satisfies Record<string, Rule>;
