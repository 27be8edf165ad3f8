import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  type Article,
  type ArticleImage,
  type Figure,
  hasFile,
  type ImageFactsReader,
  imageMediaType,
  nodesOfType,
  report,
  rules,
} from '@syndikit/core';
import { imageSize } from 'image-size';
import type { Image, RootContent } from 'mdast';
import { remove } from 'unist-util-remove';
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

/** Options of {@link imageFactsReader}. */
export interface ImageFactsOptions {
  /**
   * A local image whose file is missing (or cannot be read) is an error
   * that fails the article, instead of a warning that leaves the image out
   * and keeps the article (`syndikit build --strict`). Default: `false`.
   */
  strict?: boolean;
}

/**
 * Fill in what the files themselves say about an article's local images:
 * byte length (feeds need it for enclosures), MIME type sniffed from the
 * bytes, and width and height from the header (image-size reads only the
 * header; nothing is decoded), turned for EXIF orientation. Figures in the
 * body get the same width and height.
 *
 * A missing or unreadable local image (lead, figure or inline) is a warning
 * and is left out of the article — its entry in `images`, its figures and
 * inline images — so that no output points at a file that is not there;
 * the article is kept. With `strict` it is an error, which fails the
 * article. Its path is listed in `file.data.missingImages`. A symbolic link
 * that leads out of the content root is an error. The rules are core's
 * (`image-missing`, `image-outside-root`, `image-type-mismatch`,
 * `image-unreadable`): they are about the article.
 *
 * Give it to `convert` (or a build's pipeline) as `imageFacts`; core itself
 * reads no disk.
 *
 * The file calls are synchronous: they are a few small ones an image (a
 * realpath, a stat, a header read), which cost less than the hand-offs to
 * libuv's thread pool and back that the promise API makes for each (a
 * build converts in worker threads, one article at a time each).
 *
 * @param [options.strict=false] a missing image fails the article
 */
export function imageFactsReader(options?: Readonly<ImageFactsOptions> | null): ImageFactsReader {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`Expected an options object or nothing for imageFactsReader but received ${typeof options}`);
  }
  const strict = options?.strict ?? false;
  if (typeof strict !== 'boolean') throw new TypeError(`Expected a boolean for strict but received ${typeof strict}`);
  return (article, file, root) => readFacts(article, file, root, strict);
}

/** {@link imageFactsReader} with its defaults: a missing image is a warning and is left out. */
export const readImageFacts: ImageFactsReader = imageFactsReader();

async function readFacts(article: Article, file: VFile, root: string, strict: boolean): Promise<void> {
  const realRoot = realOrNull(root) ?? root;
  const figures = new Map<string, Figure[]>();
  for (const node of article.body.children) {
    // A figure without a file (caption and credit only) has nothing to measure.
    if (node.type === 'figure' && hasFile(node)) figures.set(node.url, [...(figures.get(node.url) ?? []), node]);
  }
  const missing = new Set<string>();
  const problem = (image: ArticleImage, reason: string, place: Place) => {
    missing.add(image.src);
    report(file, strict ? 'error' : 'warning', strict ? reason : `${reason}; it is left out`, rules.imageMissing, place);
  };
  for (const image of article.images) {
    if (!image.src.startsWith('/')) continue;
    const place = figures.get(image.src)?.[0];
    const facts = measure(image, root, realRoot, file, place, problem);
    if (!facts) continue;
    for (const figure of figures.get(image.src) ?? []) {
      if (!figure.width && image.width && image.height) {
        figure.width = image.width;
        figure.height = image.height;
      }
    }
  }
  checkInlineImages(article, root, missing, problem);
  if (missing.size > 0) {
    leaveOut(article, missing);
    file.data.missingImages = [...new Set([...(file.data.missingImages ?? []), ...missing])].sort();
  }
}

function realOrNull(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

type Place = Figure | RootContent | undefined;
type Problem = (image: ArticleImage, reason: string, place: Place) => void;

/** Local images inside paragraphs (not figures, not in `images`): only whether the file is there. */
function checkInlineImages(article: Article, root: string, missing: Set<string>, problem: Problem): void {
  const inline: Array<{ url: string; node: RootContent }> = [];
  const known = new Set(article.images.map((image) => image.src));
  for (const node of nodesOfType<Image>(article.body, 'image')) {
    if (node.url.startsWith('/') && !node.url.startsWith('//') && !known.has(node.url)) inline.push({ url: node.url, node });
  }
  for (const { url, node } of inline) {
    if (missing.has(url)) continue;
    if (realOrNull(join(root, ...url.split('/'))) === undefined)
      problem({ src: url }, `Image \`${url}\` was not found under the content root`, node);
  }
}

/** Take the missing images out of the article: from `images`, figures, and inline images anywhere in the body. */
function leaveOut(article: Article, missing: ReadonlySet<string>): void {
  article.images = article.images.filter((image) => !missing.has(image.src));
  remove(
    article.body,
    (node) => (node.type === 'figure' || node.type === 'image') && missing.has(String((node as unknown as { url: unknown }).url)),
  );
}

function measure(image: ArticleImage, root: string, realRoot: string, file: VFile, place: Figure | undefined, problem: Problem): boolean {
  const path = join(root, ...image.src.split('/'));
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    problem(image, `Image \`${image.src}\` was not found under the content root`, place);
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
    problem(image, `Image \`${image.src}\` could not be read: ${(error as Error).message}`, place);
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
