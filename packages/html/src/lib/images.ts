import type { ArticleImage } from '@syndikit/core';
import { largestRendition } from '@syndikit/core';

/** Formats every reader of an output shows, in the order a rendition is chosen. */
export const commonImageTypes: readonly string[] = Object.freeze(['image/jpeg', 'image/png', 'image/gif']);

/** An image as an output may point at it: a URL the build publishes, with what is known of that file. */
export interface PublishedImage {
  /** Absolute http(s) URL: a rendition the build writes, or the remote source the input gave. */
  url: string;
  width?: number;
  height?: number;
  mediaType?: string;
  bytes?: number;
}

/** Whether `src` is an absolute http(s) URL (a remote image the input named), not a path under the content root. */
export function isRemoteImage(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

/**
 * Where an output may point for an image: the largest rendition in
 * `mediaTypes` (else the largest of any type) when an image adapter made
 * some, else the source when it is a remote URL the input gave. A source
 * under the content root is never published as it is (only its renditions
 * are written), so without renditions such an image has no URL: outputs keep
 * its caption and credit and leave the picture out, rather than point at a
 * file that does not exist.
 *
 * @param base the URL root-relative rendition paths resolve against (the
 *   article's URL or the site URL); without one, a rendition path has no URL.
 */
export function publishedImage(
  image: Readonly<ArticleImage>,
  base: string | undefined,
  mediaTypes: readonly string[] = commonImageTypes,
): PublishedImage | undefined {
  const rendition =
    largestRendition(image, mediaTypes) ??
    largestRendition(
      image,
      (image.renditions ?? []).map((candidate) => candidate.mediaType),
    );
  if (rendition) {
    const url = absoluteHttp(rendition.src, base);
    if (!url) return undefined;
    const result: PublishedImage = { url, width: rendition.width, height: rendition.height, mediaType: rendition.mediaType };
    if (rendition.bytes !== undefined) result.bytes = rendition.bytes;
    return result;
  }
  if (!isRemoteImage(image.src)) return undefined;
  const url = absoluteHttp(image.src, undefined);
  if (!url) return undefined;
  const result: PublishedImage = { url };
  if (image.width && image.height) {
    result.width = image.width;
    result.height = image.height;
  }
  if (image.mediaType) result.mediaType = image.mediaType;
  if (image.bytes !== undefined) result.bytes = image.bytes;
  return result;
}

function absoluteHttp(src: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(src, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
