import { type Rule, rule } from '@syndikit/core';

/**
 * The catalogue of diagnostics the page ingester reports, shaped like the
 * core's (`@syndikit/core` `rules`): a permanent id, a title and a hint.
 * Every id this package prints is here.
 */
export const pageRules = {
  pageNotHtml: rule(
    'page-not-html',
    'The file does not look like an HTML page',
    'Save the page as HTML ("Save page as…, HTML only").',
    'error',
  ),
  pageNoArticle: rule(
    'page-no-article',
    'No article body was found on the page',
    'The page may be an index, a gallery or a page rendered by scripts; save the article page itself.',
    'error',
  ),
  pageTooDeep: rule(
    'page-too-deep',
    'The page or its article HTML nests deeper than the limit',
    'The page is malformed or hostile; raise the `maxPageDepth` option (the page) or `limits.maxDepth` (the article) only for a page you trust.',
    'error',
  ),
  pageStoryFound: rule(
    'page-story-found',
    'Where the story was found',
    'Informational: which extractor and which source gave the body, and a standfirst printed outside it that became the subheadline.',
    'info',
  ),
  pageHeadline: rule(
    'page-headline',
    'Where the headline came from',
    'Informational: JSON-LD, Open Graph, the first heading or the title.',
    'info',
  ),
  pageNoHeadline: rule(
    'page-no-headline',
    'The page has no headline',
    'Give the page a `<title>`, an `<h1>` or JSON-LD `headline`.',
    'warning',
  ),
  pageChromeDropped: rule(
    'page-chrome-dropped',
    'Blocks of site chrome were removed from the body',
    'Informational: each line names the rule and the block; add your own rules through the `rules` option.',
    'info',
  ),
  pageJsonLdInvalid: rule(
    'page-json-ld-invalid',
    'A JSON-LD block is not valid JSON',
    'The block is ignored; the rest of the page is still read.',
    'warning',
  ),
  pageDateInvalid: rule(
    'page-date-invalid',
    'A date on the page is not a valid date',
    'The date is ignored; check the page metadata.',
    'warning',
  ),
  pageDateFromText: rule(
    'page-date-from-text',
    'The date was read from the text of the page',
    'Informational: the metadata gives no publication date, so it was read from a date line, the text beside the headline, an element marked as a date or a publication label anywhere on the page (a date labelled as an update only when the page prints no other); or the page prints its update under the headline as its date, so the update is the date; or the only metadata date is a bare `<meta name="date">` or the first `<time datetime>` and the page prints another day. Add JSON-LD `datePublished` or `article:published_time` to be sure.',
    'info',
  ),
  pageNoDate: rule(
    'page-no-date',
    'No publication date was found on the page',
    'Add JSON-LD `datePublished`, `article:published_time` or a `<time datetime>`.',
    'warning',
  ),
  pageNoByline: rule('page-no-byline', 'No author was found on the page', 'Add JSON-LD `author` or a `<meta name="author">`.', 'warning'),
  pageLanguageDetected: rule(
    'page-language-detected',
    'The language was detected from the text',
    'Informational: the page declares no language (`<html lang>`, JSON-LD `inLanguage`), or one its words are not in (a template\'s `<html lang="en">` on a German page); declare the right one to be sure.',
    'info',
  ),
  pageNoLanguage: rule(
    'page-no-language',
    'The page has no language and the text is too short or too mixed to tell',
    'Add `<html lang>` to the page, or `language:` to the config.',
    'warning',
  ),
  pageImageUnresolved: rule(
    'page-image-unresolved',
    'An image on the page is left out',
    'A relative URL needs the page URL (`<link rel="canonical">` or `og:url`); only http(s) URLs and files saved beside the page are read.',
    'warning',
  ),
  pageCaptionOnly: rule(
    'page-caption-only',
    'A photo caption was kept without its image',
    "Nothing to do; a `<figure>` whose image has no usable source (a lazy loader's placeholder) keeps its caption and credit where it stood, as a figure without a file: no format writes an image for it.",
    'info',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id this package reports. */
export type PageRuleId = (typeof pageRules)[keyof typeof pageRules]['id'];
