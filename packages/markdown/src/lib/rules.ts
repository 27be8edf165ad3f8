import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/markdown` reports while it reads Markdown: the
 * front matter and the limits checked on the source before it is parsed.
 * Ids are permanent, as in core's catalogue; problems any ingester can meet
 * (dates, URLs, image references, nesting) are core's rules.
 */
export const markdownRules = {
  frontMatterUnclosed: rule(
    'front-matter-unclosed',
    'Front matter has no closing fence',
    'End the YAML front matter with a line of `---`.',
    'error',
  ),
  frontMatterSyntax: rule('front-matter-syntax', 'Front matter is not valid YAML', 'Fix the YAML syntax.', 'error'),
  frontMatterAlias: rule(
    'front-matter-alias',
    'Front matter expands too many YAML aliases',
    'Remove the aliases; front matter should be plain data.',
    'error',
  ),
  frontMatterShape: rule('front-matter-shape', 'Front matter is not a mapping', 'Write front matter as `key: value` lines.', 'error'),
  frontMatterType: rule(
    'front-matter-type',
    'A front matter field has the wrong type',
    'Give the field a value of the expected type.',
    'error',
  ),
  frontMatterUnknownKey: rule(
    'front-matter-unknown-key',
    'Front matter has a field syndikit does not know',
    'Check the spelling; unknown fields are ignored.',
    'warning',
  ),
  delimitersTooMany: rule(
    'delimiters-too-many',
    'A block has more emphasis or link delimiters than the limit',
    'Split the block; this many delimiters is almost always corrupt input.',
    'error',
  ),
  markupTooMuch: rule(
    'markup-too-much',
    'A document has more Markdown markup than the limit',
    'Split the article, or raise `limits.maxMarkup` (each mark can open a node, and nodes cost memory in every output).',
    'error',
  ),
} as const satisfies Record<string, Rule>;
