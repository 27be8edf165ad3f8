import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Article, type ArticleImage, type Figure, imageMediaType, report, rules } from '@syndikit/core';
import { imageSize } from 'image-size';
import type { VFile } from 'vfile';

const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
  heif: 'image/heif',
};

/**
 * Fill in what the files themselves say about an article's local images:
 * byte length (feeds need it for enclosures), MIME type sniffed from the
 * bytes, and width and height from the header (image-size reads only the
 * header; nothing is decoded), turned for EXIF orientation. Figures in the
 * body get the same width and height.
 *
 * A missing or unreadable image is a warning: text formats do not need it.
 * A symbolic link that leads out of the content root is an error. The
 * rules are core's (`image-missing`, `image-outside-root`,
 * `image-type-mismatch`, `image-unreadable`): they are about the article.
 *
 * Give it to `convert` (or a build's pipeline) as `imageFacts`; core itself
 * reads no disk.
 *
 * The file calls are synchronous: they are a few small ones an image (a
 * realpath, a stat, a header read), which cost less than the hand-offs to
 * libuv's thread pool and back that the promise API makes for each (a
 * build converts in worker threads, one article at a time each).
 */
export async function readImageFacts(article: Article, file: VFile, root: string): Promise<void> {
  const realRoot = realOrNull(root) ?? root;
  const figures = new Map<string, Figure[]>();
  for (const node of article.body.children) {
    if (node.type === 'figure') figures.set(node.url, [...(figures.get(node.url) ?? []), node]);
  }
  for (const image of article.images) {
    if (!image.src.startsWith('/')) continue;
    const place = figures.get(image.src)?.[0];
    const facts = measure(image, root, realRoot, file, place);
    if (!facts) continue;
    for (const figure of figures.get(image.src) ?? []) {
      if (!figure.width && image.width && image.height) {
        figure.width = image.width;
        figure.height = image.height;
      }
    }
  }
}

function realOrNull(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function measure(image: ArticleImage, root: string, realRoot: string, file: VFile, place: Figure | undefined): boolean {
  const path = join(root, ...image.src.split('/'));
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    report(file, 'warning', `Image \`${image.src}\` was not found under the content root`, rules.imageMissing, place);
    return false;
  }
  if (relative(realRoot, real).startsWith(`..${sep}`) || relative(realRoot, real) === '..') {
    report(file, 'error', `Image \`${image.src}\` is a link to a file outside the content root`, rules.imageOutsideRoot, place);
    return false;
  }
  let bytes: Buffer;
  try {
    image.bytes = statSync(real).size;
    // Sizes are in the header: read the start of the file, and the whole only when that is not enough.
    bytes = readStart(real, Math.min(1 << 20, image.bytes));
  } catch (error) {
    report(file, 'warning', `Image \`${image.src}\` could not be read: ${(error as Error).message}`, rules.imageMissing, place);
    return false;
  }
  try {
    let size: ReturnType<typeof imageSize>;
    try {
      size = imageSize(bytes);
    } catch (error) {
      if (bytes.byteLength >= image.bytes) throw error;
      size = imageSize(readFileSync(real));
    }
    const sniffed = size.type ? mediaTypes[size.type] : undefined;
    const named = imageMediaType(image.src);
    if (sniffed && named && sniffed !== named) {
      report(file, 'warning', `Image \`${image.src}\` is ${sniffed}, not what its extension says`, rules.imageTypeMismatch, place);
    }
    if (sniffed) image.mediaType = sniffed;
    const turned = size.orientation !== undefined && size.orientation >= 5;
    const width = turned ? size.height : size.width;
    const height = turned ? size.width : size.height;
    if (!image.width && !image.height && width && height) {
      image.width = width;
      image.height = height;
    }
  } catch {
    report(file, 'warning', `Image \`${image.src}\` is not an image syndikit can read the size of`, rules.imageUnreadable, place);
  }
  return true;
}

/** The first `length` bytes of a file (all of it when shorter). */
function readStart(path: string, length: number): Buffer {
  const descriptor = openSync(path, 'r');
  try {
    // Unfilled: only the bytes read are returned.
    const buffer = Buffer.allocUnsafe(length);
    const bytesRead = readSync(descriptor, buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(descriptor);
  }
}
