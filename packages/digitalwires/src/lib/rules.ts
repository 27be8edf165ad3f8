import type { Rule } from '@syndikit/core';

function rule(id: string, title: string, hint: string): Rule {
  return { id, title, hint };
}

/** The diagnostics `@syndikit/digitalwires` reports. Ids are permanent; every id this package can report is here. */
export const digitalwiresRules = {
  syntax: rule('digitalwires-syntax', 'The file is not valid JSON', 'Fix the JSON at the position given.'),
  tooDeep: rule('digitalwires-too-deep', 'The JSON nests deeper than the limit', 'Check the file; digitalwires entries nest a few levels.'),
  notDigitalwires: rule(
    'digitalwires-not-digitalwires',
    'The JSON is not a digitalwires entry',
    'A digitalwires entry has `"format": "digitalwires@…"`; use the ingester for what the file is.',
  ),
  type: rule('digitalwires-type', 'A field has the wrong type', 'Give the field the type the digitalwires format documents.'),
  date: rule('digitalwires-date', 'A date is not a valid ISO 8601 date-time', 'Write dates as ISO 8601 with an offset.'),
  noHeadline: rule('digitalwires-no-headline', 'The entry has no headline', 'Add `headline`; the best text there was used.'),
  editorNote: rule(
    'digitalwires-editor-note-withheld',
    'Editor notes and the notepad were kept out of the article',
    'Nothing to do: they are for the desk (the non-public notepad holds phone numbers) and never published.',
  ),
  bodyUnsafe: rule(
    'digitalwires-body-unsafe',
    'Markup was removed from the body',
    'Nothing to do; the body is sanitised like every HTML body.',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/digitalwires` can report. */
export type DigitalwiresRuleId = (typeof digitalwiresRules)[keyof typeof digitalwiresRules]['id'];
