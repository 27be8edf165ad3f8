import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics the wire text ingester reports about what it read and
 * guessed, shaped like the core's catalogue: a permanent id, what it is
 * about, and what to do. (The agency *text rules* — which lines are chrome,
 * trailers, notes — are data of their own in `rules.ts`; each reports under
 * its own id.)
 */
export const wireRules = {
  storyFound: rule(
    'wire-story-found',
    'The story was found',
    'Nothing to do; the story is the first paragraph that opens with a dateline, else the first run of prose paragraphs (long, dense in stop words).',
    'info',
  ),
  chrome: rule(
    'wire-chrome',
    'Site chrome was removed',
    'Nothing to do; lines above the headline (menus, widgets), header lines that are not headline, deck, byline or date, and a block of links between the story’s paragraphs are not the article.',
    'info',
  ),
  trailer: rule(
    'wire-trailer',
    'The trailer after the story was removed',
    'Nothing to do; what follows the story’s last paragraph and its byline (footers, related stories, tags) is not the article.',
    'info',
  ),
  headline: rule(
    'wire-headline',
    'The headline was read',
    'Nothing to do; the headline is the best title-like line above the story (one repeated as the page title scores highest).',
    'info',
  ),
  headlineNavigation: rule(
    'wire-headline-navigation',
    'The headline is a navigation word',
    'No title-like line was found above the story; check the copy holds the headline, or add it as the first line.',
    'warning',
  ),
  caption: rule(
    'wire-caption',
    'A photo caption was read',
    'Nothing to do; a line with a photo credit (`(AP Photo/…)`, `REUTERS/…`, `© Name, AFP | …`) is a caption, not body text. Without a photo file it is kept as a figure without a file where it stood (its caption and credit; no image is written for it); a caption printed again is read once.',
    'info',
  ),
  dateRelative: rule(
    'wire-date-relative',
    'A relative time was not used as the date',
    'Add the absolute date and time to the copy; "2 hours ago" depends on when the page was copied.',
    'warning',
  ),
  language: rule('wire-language', 'The language was detected from the story', 'Nothing to do; check the tag in the output.', 'info'),
  noLanguage: rule(
    'wire-no-language',
    'The story is too short to detect its language',
    'Nothing to do when the site language is right; the configured language is used.',
    'info',
  ),
  deck: rule(
    'wire-deck',
    'The deck (subheadline) was read',
    'Nothing to do; a short line under the headline without a full stop is a deck.',
    'info',
  ),
  byline: rule('wire-byline', 'The byline was read', 'Nothing to do; check the names in the output.', 'info'),
  date: rule(
    'wire-date',
    'The publication date was read',
    'Nothing to do; a date without a time zone is read in the configured `timeZone`.',
    'info',
  ),
  dateGuessed: rule(
    'wire-date-guessed',
    'The publication date was guessed from a photo file name',
    'Check the date; add a date line (e.g. "Updated 9:45 AM EST, November 8, 2024") to the copy to set it.',
    'warning',
  ),
  noDate: rule('wire-no-date', 'No publication date was found in the copy', 'Add a date line under the headline.', 'warning'),
  dateIncomplete: rule(
    'wire-date-incomplete',
    'A date without a year was not used as the publication date',
    'Add the year to the date line ("Updated Nov 19, 2024, 6:55 AM"); a day and a time alone do not say when the story was published.',
    'warning',
  ),
  noByline: rule(
    'wire-no-byline',
    'A line reads like a byline but names no one',
    'Check the byline: names of two words or more are read (`By Jane Roe`); a user name (`By admin`) or a single name is not.',
    'warning',
  ),
  dateline: rule('wire-dateline', 'The dateline was read', 'Nothing to do; the place and agency are kept as the dateline.', 'info'),
  teaser: rule(
    'wire-teaser',
    'A teaser repeating the start of the story was removed',
    'Nothing to do; the story itself is kept once.',
    'info',
  ),
  photo: rule(
    'wire-photo',
    'A photo was read',
    'Nothing to do; the line under a photo name is its caption when it reads like one.',
    'info',
  ),
  photoNoUrl: rule(
    'wire-photo-no-url',
    'A photo is named in the copy but has no URL',
    'Set the wire option `photoBaseUrl` to where the agency photos live.',
    'warning',
  ),
  subheading: rule(
    'wire-subheading',
    'A subheading was read',
    'Nothing to do; a short line without closing punctuation inside the story is a subheading.',
    'info',
  ),
  noBody: rule('wire-no-body', 'The dateline has no story after it', 'Check that the file holds the whole story.', 'error'),
  noArticle: rule(
    'wire-no-article',
    'No article was found',
    'Check that the file is the copy of a story: after removing site chrome, nothing reads as a headline and a body.',
    'error',
  ),
  strippedLink: rule(
    'wire-stripped-link',
    'Link text may have been stripped here',
    'Compare with the source and put back the words of the link the scraper dropped.',
    'warning',
  ),
  paragraphCut: rule(
    'wire-paragraph-cut',
    'A paragraph ends mid-sentence',
    'Compare with the source: the end of the paragraph may be missing (a cut scrape or a dropped link).',
    'warning',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id the wire text ingester itself can report. */
export type WireRuleId = (typeof wireRules)[keyof typeof wireRules]['id'];
