import { type Rule, rule } from '@syndikit/core';

/** The diagnostics `@syndikit/digitalwires` reports. Ids are permanent; every id this package can report is here. */
export const digitalwiresRules = {
  syntax: rule('digitalwires-syntax', 'The file is not valid JSON', 'Fix the JSON at the position given.', 'error'),
  tooDeep: rule(
    'digitalwires-too-deep',
    'The JSON nests deeper than the limit',
    'Check the file; digitalwires entries nest a few levels.',
    'error',
  ),
  notDigitalwires: rule(
    'digitalwires-not-digitalwires',
    'The JSON is not a digitalwires entry',
    'A digitalwires entry has `"format": "digitalwires@…"`; use the ingester for what the file is.',
    'error',
  ),
  type: rule(
    'digitalwires-type',
    'A field has the wrong type',
    'Give the field the type the digitalwires format documents. An error where a field is not a string (the entry is not read); a warning for an unknown `pubstatus` (it is ignored).',
  ),
  date: rule('digitalwires-date', 'A date is not a valid ISO 8601 date-time', 'Write dates as ISO 8601 with an offset.', 'warning'),
  noHeadline: rule(
    'digitalwires-no-headline',
    'The entry has no headline',
    'Add `headline`. A warning where the caption or teaser was used instead; an error where there is no text to use.',
  ),
  editorNote: rule(
    'digitalwires-editor-note-withheld',
    'Editor notes and the notepad were kept out of the article',
    'Nothing to do: they are for the desk (the non-public notepad holds phone numbers) and never published.',
    'info',
  ),
  bodyUnsafe: rule(
    'digitalwires-body-unsafe',
    'Markup was removed from the body',
    'A warning where markup was removed: nothing to do, the body is sanitised like every HTML body. An error where the body HTML nests more than 256 elements deep (the entry is not read): flatten it.',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/digitalwires` can report. */
export type DigitalwiresRuleId = (typeof digitalwiresRules)[keyof typeof digitalwiresRules]['id'];
