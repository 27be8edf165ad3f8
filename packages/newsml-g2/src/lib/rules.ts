import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/newsml-g2` reports. Ids are permanent; every id
 * this package can report is here (XML-level problems are `@syndikit/xml`'s
 * `xmlRules`, NITF bodies `@syndikit/nitf`'s `nitfRules`).
 */
export const newsmlG2Rules = {
  notG2: rule(
    'g2-not-newsml-g2',
    'The document is not NewsML-G2',
    'Give a NewsML-G2 item or message, or use the ingester for what it is.',
    'error',
  ),
  notArticle: rule(
    'g2-not-article',
    'The item is not a news article (concept, knowledge, planning or catalog item)',
    'Nothing to do: such items describe or plan news, and are not published as articles.',
    'info',
  ),
  unresolvedRef: rule(
    'g2-unresolved-ref',
    'A package refers to an item that is not in the file',
    'Deliver the referenced item in the same news message, or fetch it separately.',
    'info',
  ),
  noHeadline: rule(
    'g2-no-headline',
    'The item has no headline',
    'Add `<headline>` to contentMeta. A warning where the best text there was used instead; an error where the item has no text to take one from.',
  ),
  noBody: rule('g2-no-body', 'The item has no body text', 'Give contentSet an inlineXML or inlineData body.', 'warning'),
  date: rule(
    'g2-date',
    'A date is not a valid ISO 8601 date-time',
    'Write dates as in the schema, e.g. 2026-03-02T10:15:00+01:00.',
    'warning',
  ),
  pubStatus: rule(
    'g2-pub-status',
    'The publication status is not one syndikit knows',
    'Use stat:usable, stat:withheld or stat:canceled.',
    'warning',
  ),
  editorNote: rule(
    'g2-editor-note-withheld',
    'Editor notes were kept out of the article',
    'Nothing to do: edNote (dpa’s notepad holds phone numbers) is for the desk and never published.',
    'info',
  ),
  bodyUnsafe: rule(
    'g2-body-unsafe',
    'Markup was removed from the body',
    'Nothing to do; the body is sanitised like every HTML body.',
    'warning',
  ),
  field: rule(
    'g2-field',
    'Where an article field was read from in the item',
    'Nothing to do: `syndikit inspect` (and `--verbose`) show, field by field, which element each value came from.',
    'info',
  ),
  dropped: rule(
    'g2-dropped',
    'A part of the item has no place in the article model',
    'Nothing to do: the message names what was not carried over (usage terms, video renditions…).',
    'info',
  ),
  outNoDate: rule(
    'g2-out-no-date',
    'The article has no date for versionCreated',
    'Give the article `published`, or pin the build time with `--now` for byte-identical output.',
    'warning',
  ),
  outControlCharacter: rule(
    'g2-out-control-character',
    'The article has characters XML cannot carry',
    'Remove control characters from the source; they were left out of the NewsML-G2 file.',
    'warning',
  ),
} as const satisfies Record<string, Rule>;

/** The diagnostics of the NewsML 1.x reader in this package. Ids are permanent. */
export const newsml1Rules = {
  notNewsMl1: rule(
    'newsml1-not-newsml',
    'The document is not NewsML 1.x',
    'Give a `<NewsML>` document, or use the ingester for what it is.',
    'error',
  ),
  noHeadline: rule(
    'newsml1-no-headline',
    'The news item has no headline',
    'Add `<HeadLine>` to the NewsLines of the top NewsComponent.',
    'error',
  ),
  date: rule('newsml1-date', 'A NewsML 1.x date is not valid', 'Write dates as ISO 8601 basic, e.g. 20260302T101500Z.', 'warning'),
  bodyUnsafe: rule(
    'newsml1-body-unsafe',
    'Markup was removed from the body',
    'Nothing to do; the body is sanitised like every HTML body.',
    'warning',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/newsml-g2` can report. */
export type NewsMlG2RuleId =
  | (typeof newsmlG2Rules)[keyof typeof newsmlG2Rules]['id']
  | (typeof newsml1Rules)[keyof typeof newsml1Rules]['id'];
