import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/nitf` reports. Ids are permanent; every id this
 * package can report is here (XML-level problems are `@syndikit/xml`'s
 * `xmlRules`).
 */
export const nitfRules = {
  notNitf: rule('nitf-not-nitf', 'The document is not NITF', 'Give an `<nitf>` document, or use the ingester for what it is.', 'error'),
  noHeadline: rule(
    'nitf-no-headline',
    'The document has no headline',
    'Add `<hedline><hl1>` or `<head><title>`; the best text there is was used.',
    'warning',
  ),
  noBody: rule('nitf-no-body', 'The document has no body text', 'Add `<body.content>` with paragraphs.', 'warning'),
  date: rule('nitf-date', 'A NITF date is not a valid date', 'Write `norm` dates as ISO 8601, e.g. 20260302T101500+0100.', 'warning'),
  editorNote: rule(
    'nitf-editor-note-withheld',
    'An editorial message was kept out of the article',
    'Nothing to do: `ed-msg` is for the desk and is never published.',
    'info',
  ),
  bodyUnsafe: rule(
    'nitf-body-unsafe',
    'Markup was removed from the body',
    'Nothing to do; the body is sanitised like every HTML body.',
    'warning',
  ),
  mediaNoSource: rule(
    'nitf-media-no-source',
    'A media element has no usable source',
    'Give `<media-reference source>` an http(s) URL.',
    'warning',
  ),
  field: rule(
    'nitf-field',
    'Where an article field was read from in the document',
    'Nothing to do: `syndikit inspect` (and `--verbose`) show, field by field, which element each value came from.',
    'info',
  ),
  dropped: rule(
    'nitf-dropped',
    'A part of the document has no place in the article model',
    'Nothing to do: the message names what was not carried over (urgency, series, identified content…).',
    'info',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/nitf` can report. */
export type NitfRuleId = (typeof nitfRules)[keyof typeof nitfRules]['id'];
