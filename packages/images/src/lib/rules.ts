import type { Rule } from '@syndikit/core';

function rule(id: string, title: string, hint: string): Rule {
  return { id, title, hint };
}

/**
 * The diagnostics `@syndikit/images` reports, each on the article and the
 * line of the image. Ids are permanent; every id this package can report is
 * here (`image-url-unsupported` is core's: it is found at ingest).
 */
export const imageRules = {
  missing: rule(
    'image-missing',
    'The image file was not found',
    'Check the path: it is relative to the article, or to the content root with a leading `/`.',
  ),
  outsideRoot: rule(
    'image-outside-root',
    'The image leads outside the content root',
    'Copy the photo into the content folder instead of linking to it.',
  ),
  tooLarge: rule(
    'image-too-large',
    'The image has more pixels than the limit',
    'Resize the photo, or raise `images.limitInputPixels` if it is genuine.',
  ),
  typeMismatch: rule(
    'image-type-mismatch',
    'The image is not what its extension says',
    'Rename the file to its real type, or convert it to JPEG, PNG, GIF, WebP or AVIF.',
  ),
  svgExternal: rule(
    'image-svg-external',
    'The SVG refers to other files or declares entities',
    'Embed what the SVG needs, or export it as a self-contained SVG or a PNG.',
  ),
  unreadable: rule('image-unreadable', 'The image cannot be decoded', 'Check that the file is complete and a supported image type.'),
  failed: rule(
    'image-failed',
    'The image could not be processed',
    'Read the reason in the message; report it if the file opens elsewhere.',
  ),
  remoteSkipped: rule(
    'image-remote-skipped',
    'A remote image is used as it is',
    'Nothing to do; set `images.remote.allow` and `images.remote.hosts` to make renditions of it.',
  ),
  remoteRefused: rule(
    'image-remote-refused',
    'A remote image was not fetched',
    'Read the reason: list the host in `images.remote.hosts`, use https, or fix the server (size, time, redirects, address).',
  ),
  remoteNotImage: rule(
    'image-remote-not-image',
    'A remote URL did not answer with an image',
    'Check the URL in a browser: the server sent something else (often an HTML error page).',
  ),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/images` can report. */
export type ImageRuleId = (typeof imageRules)[keyof typeof imageRules]['id'];
