import { posix } from 'node:path';
import { checkUrl } from './url-policy.js';

/** The outcome of resolving an image reference. */
export type ImageRefResult = { src: string } | { error: 'outside-root' | 'unsupported-scheme'; reason: string };

/**
 * Resolve an image reference from an article to the form stored in the
 * article model (see `ArticleImage.src`):
 * - `https://…` and `http://…` URLs pass the URL policy (`checkUrl`) and
 *   are kept as it serialises them, `//host/x` is read as https, other
 *   schemes are refused;
 * - `/x` is relative to the content root;
 * - anything else is relative to the article, and must stay inside the root.
 *
 * Confinement here is lexical; the image adapter also checks the real path,
 * which catches symbolic links out of the root.
 *
 * @param reference what the article says, e.g. `../images/kharkiv.jpg`
 * @param articlePath the article's path relative to the content root, POSIX, e.g. `news/story.md`
 */
export function resolveImageRef(reference: string, articlePath: string): ImageRefResult {
  const ref = reference.trim().replace(/\\/g, '/');
  // Remote images go through the one URL policy (http(s) only, no credentials or control characters);
  // `//cdn/x`, common in copied pages, is read as https.
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
    const checked = checkUrl(ref, { schemeRelative: 'https' });
    if ('error' in checked) return { error: 'unsupported-scheme', reason: `Image: ${checked.error}` };
    return { src: checked.url };
  }
  if (ref.startsWith('/')) return { src: posix.normalize(ref) };
  const joined = posix.normalize(posix.join(posix.dirname(articlePath), ref));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) {
    return { error: 'outside-root', reason: `Image \`${reference}\` points outside the content root` };
  }
  return { src: `/${joined}` };
}

/** Guess a MIME type from a file name's extension. */
export function imageMediaType(src: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(src)?.[1]?.toLowerCase();
  switch (extension) {
    case 'jpg':
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'gif':
      return 'image/gif';
    case 'webp':
      return 'image/webp';
    case 'avif':
      return 'image/avif';
    case 'svg':
      return 'image/svg+xml';
    default:
      return undefined;
  }
}
