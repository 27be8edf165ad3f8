import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/ninjs` reports while it reads ninjs. Ids are
 * permanent, as in core's catalogue; problems any ingester can meet (dates,
 * URLs) are core's rules, and HTML bodies `@syndikit/html`'s.
 */
export const ninjsRules = {
  tooDeep: rule(
    'ninjs-too-deep',
    'The JSON nests deeper than the limit',
    'Flatten the document, or raise `wire.maxJsonDepth` if it is a real item.',
    'error',
  ),
  syntax: rule('ninjs-syntax', 'The file is not valid JSON', 'Fix the JSON syntax (no comments, no trailing commas).', 'error'),
  type: rule(
    'ninjs-type',
    'A ninjs property has the wrong type',
    'Give the property the type the ninjs schema gives it (a string, an array of objects, …). An error for a wrong type; a warning for an unknown `pubstatus` (it is ignored).',
  ),
  version: rule(
    'ninjs-version',
    'Which ninjs generation the item was read as',
    'Nothing to do: told by shape (1.x, 2.x, 3.x) or by `standard.version`.',
    'info',
  ),
  associationsTooMany: rule(
    'ninjs-associations-too-many',
    'The item has more picture associations than are read',
    'Split the package, or raise `wire.maxPictures` (each picture becomes an image in every output).',
    'warning',
  ),
  headlineGuessed: rule(
    'ninjs-headline-guessed',
    'The item has no headline; the best text there was used',
    'Give the item a `headlines` entry (ninjs 2.x, 3.x) or a `headline` (1.x).',
    'warning',
  ),
  imageNoHref: rule(
    'ninjs-image-no-href',
    'No rendition of a picture has an http(s) href; the picture is left out',
    'Give the renditions absolute http(s) `href`s.',
    'warning',
  ),
} as const satisfies Record<string, Rule>;
