import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/amp` reports while it renders a page. Ids are
 * permanent, as in core's catalogue. Unpublished articles never reach AMP:
 * the pipeline hides them and reports core's `not-published` once.
 */
export const ampRules = {
  noCanonical: rule(
    'amp-no-canonical',
    'An AMP page needs a canonical URL',
    'Set `site.url` (or `--site-url`), or give the article a `url`.',
    'error',
  ),
  cssTooLarge: rule(
    'amp-css-too-large',
    "The page's CSS is over AMP's limit",
    'Shorten the theme (`adapters.amp.css` or `cssFile`): AMP allows 75,000 bytes.',
    'error',
  ),
  embedNotHttps: rule(
    'amp-embed-not-https',
    'An embed without an https source was removed',
    'AMP embeds load over https only; link to an https source.',
    'warning',
  ),
  imageSizeUnknown: rule(
    'amp-image-size-unknown',
    'An image has no known size',
    'Give the image `width` and `height`, use a local file syndikit can read, or turn on the images format; it is shown in a 3:2 box meanwhile.',
    'warning',
  ),
  leadImageSmall: rule(
    'amp-lead-image-small',
    'The lead photo is less than 1,200 px wide',
    'Google shows large previews (Discover, Top stories) only for images at least 1,200 px wide: use a larger photo (and give the images format a width of 1200 or more).',
    'warning',
  ),
} as const satisfies Record<string, Rule>;
