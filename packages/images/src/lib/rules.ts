import { rules as coreRules, type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/images` reports, each on the article and the
 * line of the image. Ids are permanent; every id this package can report is
 * here (`image-url-unsupported` is core's: it is found at ingest).
 */
export const imageRules = {
  // Shared with the facts reader, so defined once in core's catalogue.
  missing: coreRules.imageMissing,
  outsideRoot: coreRules.imageOutsideRoot,
  tooLarge: rule(
    'image-too-large',
    'The image has more pixels than the limit',
    'Resize the photo, or raise `images.limitInputPixels` if it is genuine.',
    'error',
  ),
  typeMismatch: coreRules.imageTypeMismatch,
  svgExternal: rule(
    'image-svg-external',
    'The SVG refers to other files or declares entities',
    'Embed what the SVG needs, or export it as a self-contained SVG or a PNG.',
    'error',
  ),
  unreadable: coreRules.imageUnreadable,
  failed: rule(
    'image-failed',
    'The image could not be processed',
    'Read the reason in the message; report it if the file opens elsewhere.',
    'error',
  ),
  remoteSkipped: rule(
    'image-remote-skipped',
    'A remote image is used as it is',
    'Nothing to do; set `images.remote.allow` and `images.remote.hosts` to make renditions of it.',
    'info',
  ),
  remoteRefused: rule(
    'image-remote-refused',
    'A remote image was not fetched',
    'Read the reason: list the host in `images.remote.hosts`, use https, or fix the server (size, time, redirects, address).',
    'error',
  ),
  remoteNotImage: rule(
    'image-remote-not-image',
    'A remote URL did not answer with an image',
    'Check the URL in a browser: the server sent something else (often an HTML error page).',
    'error',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/images` can report. */
export type ImageRuleId = (typeof imageRules)[keyof typeof imageRules]['id'];
