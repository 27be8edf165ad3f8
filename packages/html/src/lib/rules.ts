import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/html` reports while it turns bodies into
 * sanitised HTML: what the sanitiser removed, markup taken out of plain-text
 * fields, and HTML too deep to walk.
 * Ids are permanent, as in core's catalogue.
 */
export const htmlRules = {
  elementRemoved: rule(
    'html-element-removed',
    'An HTML element was removed from the body',
    'Only article markup is kept (no scripts, styles, forms or frames outside the known embeds); remove it from the source to silence this.',
    'warning',
  ),
  attributeRemoved: rule(
    'html-attribute-removed',
    'An HTML attribute was removed from the body',
    'Event handlers, inline styles and unknown attributes are dropped; remove it from the source to silence this.',
    'warning',
  ),
  urlRemoved: rule(
    'html-url-removed',
    'An unsafe URL was removed from the body',
    'Only http(s), mailto and relative links are kept; fix the link in the source.',
    'warning',
  ),
  markupInText: rule(
    'html-markup-in-text',
    'HTML tags were removed from a plain-text field (headline, section or tag)',
    'Headlines, sections and tags are plain text in every format: feed readers and pages show tags as text, and the W3C feed rules flag them. Write the field without markup. (Reported once per article, whichever formats found it; it replaces `feed-markup-in-text`.)',
    'warning',
  ),
  tooDeep: rule(
    'html-too-deep',
    'HTML in the body is nested deeper than the limit',
    'Flatten the markup, or raise `limits.maxDepth` if it is real content.',
    'error',
  ),
} as const satisfies Record<string, Rule>;
