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
  frontMatterSyntax: rule(
    'front-matter-syntax',
    'Front matter is not valid YAML, TOML or JSON',
    'Fix the syntax of the block (`---` YAML, `+++` TOML, `{…}` JSON).',
    'error',
  ),
  frontMatterLenient: rule(
    'front-matter-lenient',
    'Front matter is not strict YAML, but the generators read it (a quoted value continued on an unindented line)',
    'Indent the continued lines of a quoted value, or write it on one line, so that every YAML reader agrees.',
    'warning',
  ),
  frontMatterExecutable: rule(
    'front-matter-executable',
    'Front matter is code (`---js`), which syndikit never runs',
    'Write the fields as YAML (`---`), TOML (`+++`) or JSON; syndikit reads data only.',
    'error',
  ),
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
  dateLenient: rule(
    'date-lenient',
    'A date is not ISO 8601 but was understood',
    'Write it as `2024-01-02` or `2024-01-02T10:00:00+01:00` so every reader understands it the same way.',
    'warning',
  ),
  dateFromFileName: rule(
    'date-from-file-name',
    'The publication date comes from the file or folder name (`2024-01-02-title.md`) or a Zola `path`',
    'Nothing to do; give `date` in the front matter to set the time of day.',
    'info',
  ),
  postUnpublished: rule(
    'post-unpublished',
    'A draft, a post with a future publication date, or an expired post is left out of every output',
    'Build with `--drafts` or `--future` to include drafts or future posts; an expired post stays out.',
    'info',
  ),
  notAnArticle: rule(
    'not-an-article',
    'A section index (`_index.md`), a listing `index.md` without a date, a headless bundle or a README is not an article',
    'Nothing to do; give the file a date to publish it as a post.',
    'info',
  ),
  mdxSyntax: rule('mdx-syntax', 'An MDX file cannot be parsed', 'Fix the JSX or expression at the place given.', 'error'),
  mdxComponent: rule(
    'mdx-component',
    'An MDX component or expression has no plain equivalent',
    'Its text content is kept when it has any, else it is left out; use Markdown where the syndicated copy needs the content.',
    'warning',
  ),
  templateSyntax: rule(
    'template-syntax',
    'Template syntax (a Hugo shortcode, a Liquid tag or a `{{ … }}` expression) was left out',
    'Only the common shortcodes and tags are rendered; write the content as Markdown where the syndicated copy needs it.',
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
