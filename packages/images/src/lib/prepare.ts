import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import type { Article, ArticleImage, Figure, OutputFile, PrepareContext } from '@syndikit/core';
import { hasFile, slugify } from '@syndikit/core';
import pLimit from 'p-limit';
import { ImageCache } from './cache.js';
import type { ResolvedImagesOptions } from './options.js';
import { ImageProblem, type ProcessedImage, processImage, sourceHash } from './process.js';
import { fetchRemote, isPrivateAddress } from './remote.js';
import { imageRules } from './rules.js';
import { sniffImageType } from './sniff.js';

/**
 * What the `images` format does for each article (see `imagesAdapter`):
 * responsive renditions of every image it references (lead and inline), made
 * with sharp, and what was found (sizes, renditions, `srcset`, dominant
 * colour, placeholder) put on the article for the adapters after it.
 *
 * Each source is decoded once; images run with bounded concurrency; results
 * are cached by content in `cacheDir`, so an unchanged rebuild does no image
 * work. Remote images are fetched only when `remote.allow` and the host is
 * listed, never from private addresses.
 */
export function imagesPreparer(settings: ResolvedImagesOptions): (context: PrepareContext) => Promise<OutputFile[]> {
  const cacheFor = cacheFinder(settings);
  const noCache = new ImageCache(false);
  const processed = processor(settings);
  return async (context) => {
    const outputs: OutputFile[] = [];
    const cache = cacheFor(context);
    const figures = figuresOf(context.article);
    await Promise.all(
      context.article.images.map(async (image, index) => {
        const place = figures.get(image.src)?.[0];
        const report = (reason: string, ruleId: string, severity: 'error' | 'warning' | 'info' = 'error') =>
          context.report(`Image \`${image.src}\`: ${reason}`, { ruleId, severity, place });
        try {
          const source = await readSource(image, context, settings, report);
          if (!source) return;
          // The lead photo (first in the article's images) also gets its crops for search and social previews.
          const result = await processed(source, cache ?? noCache, index === 0);
          applyFacts(image, result, result.bytes, context, figures.get(image.src) ?? []);
          for (const rendition of [...result.renditions, ...result.crops]) {
            outputs.push({ path: rendition.path, contents: rendition.bytes, mediaType: rendition.mediaType, asset: true });
          }
        } catch (error) {
          if (error instanceof ImageProblem) report(error.message, error.ruleId);
          else report(`it could not be processed (${(error as Error).message})`, imageRules.failed.id);
        }
      }),
    );
    await cache?.saveIndex().catch(() => {});
    return outputs.sort((a, b) => (a.path < b.path ? -1 : 1));
  };
}

/** The cache of a run: one per folder, made on first use, since the folder depends on the run (its working directory and cache folder). */
function cacheFinder(settings: ResolvedImagesOptions): (context: PrepareContext) => ImageCache | undefined {
  const caches = new Map<string, ImageCache>();
  return (context) => {
    const dir =
      settings.cacheDir === false
        ? undefined
        : settings.cacheDir !== undefined
          ? resolve(context.cwd, settings.cacheDir)
          : context.cacheDir
            ? join(resolve(context.cwd, context.cacheDir), 'images')
            : undefined;
    if (!dir) return undefined;
    let cache = caches.get(dir);
    if (!cache) {
      cache = new ImageCache(dir);
      caches.set(dir, cache);
    }
    return cache;
  };
}

/** The part of a cache entry's key that comes from the options that change the output. */
function optionsKeyOf(settings: ResolvedImagesOptions): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        widths: settings.widths,
        formats: settings.formats,
        quality: settings.quality,
        keep: settings.keep,
        dir: settings.dir,
        limit: settings.limitInputPixels,
      }),
    )
    .digest('hex')
    .slice(0, 16);
}

/**
 * Process a source once per build, with bounded concurrency, from the cache
 * when it can (an unchanged local source is not even read); the same source
 * asked for twice at once is processed once.
 */
function processor(
  settings: ResolvedImagesOptions,
): (source: Source, store: ImageCache, lead: boolean) => Promise<ProcessedImage & { bytes: number }> {
  const limit = pLimit(settings.concurrency);
  const inFlight = new Map<string, Promise<ProcessedImage>>();
  const optionsKey = optionsKeyOf(settings);
  const cropsKey = settings.crops ? createHash('sha256').update(JSON.stringify(settings.crops)).digest('hex').slice(0, 8) : undefined;
  return async (source, store, lead) => {
    // A lead photo's entry holds its crops as well, under a key of its own: the same photo inline elsewhere needs none.
    const crops = lead ? settings.crops : false;
    let bytes = source.bytes;
    let hash = source.stats ? await store.knownHash(source.path, source.stats) : undefined;
    if (!hash) {
      bytes ??= await readFile(source.path);
      hash = sourceHash(bytes);
      if (source.stats) store.rememberHash(source.path, source.stats, hash);
    }
    const key = `${hash.slice(0, 32)}-${optionsKey}${crops && cropsKey ? `-c${cropsKey}` : ''}`;
    let work = inFlight.get(key);
    if (!work) {
      work = limit(async () => {
        const hit = await store.get(key);
        if (hit) {
          return hit;
        }
        bytes ??= await readFile(source.path);
        const image = await processImage(bytes, source.name, source.extension, settings, hash, crops);
        await store.put(key, image).catch(() => {});
        return image;
      });
      inFlight.set(key, work);
    }
    return { ...(await work), bytes: source.stats?.size ?? bytes?.byteLength ?? 0 };
  };
}

function figuresOf(article: Article): Map<string, Figure[]> {
  const figures = new Map<string, Figure[]>();
  // A figure without a file (caption and credit only) has no image to process: skipped, as it is not in `images`.
  for (const node of article.body.children) {
    if (node.type === 'figure' && hasFile(node)) figures.set(node.url, [...(figures.get(node.url) ?? []), node]);
  }
  return figures;
}

/** An image source: a local file (read only when needed) or fetched bytes. */
interface Source {
  path: string;
  name: string;
  extension: string;
  bytes?: Uint8Array;
  stats?: { size: number; mtimeMs: number; ino: number };
}

/** Where an image is: a local file confined to the content root (symbolic links included), or a remote one fetched within limits. */
async function readSource(
  image: ArticleImage,
  context: PrepareContext,
  settings: ResolvedImagesOptions,
  report: (reason: string, ruleId: string, severity?: 'error' | 'warning' | 'info') => void,
): Promise<Source | undefined> {
  const fileName = decodeURIComponent(image.src.split(/[?#]/)[0]?.split('/').pop() ?? 'image');
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '';
  const name = slugify(fileName.replace(/\.[a-z0-9]+$/i, '')) || 'image';
  if (/^https?:\/\//i.test(image.src)) {
    const url = new URL(image.src);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host)) {
      report(`points at the private or link-local address ${host}; it is never fetched`, imageRules.remoteRefused.id);
      return undefined;
    }
    if (!settings.remote.allow) {
      report('is remote and remote images are not fetched (images.remote.allow); it is used as it is', imageRules.remoteSkipped.id, 'info');
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fetchRemote(url, settings.remote, { signal: context.signal });
    } catch (error) {
      report(`could not be fetched: ${(error as Error).message}`, imageRules.remoteRefused.id);
      return undefined;
    }
    // A remote image is what its bytes say, not what its URL says (CDN URLs often have no extension).
    const sniffed = sniffImageType(bytes);
    if (!sniffed) {
      report('is not an image: the server sent something else (not JPEG, PNG, GIF, WebP, AVIF or SVG)', imageRules.remoteNotImage.id);
      return undefined;
    }
    return { path: image.src, bytes, name, extension: sniffed };
  }
  if (!context.root) {
    report('cannot be read: the inputs have no content root on disk', imageRules.missing.id);
    return undefined;
  }
  const root = await realpath(context.root).catch(() => context.root as string);
  const path = join(root, ...image.src.split('/'));
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    report('was not found', imageRules.missing.id);
    return undefined;
  }
  const inside = relative(root, real);
  if (inside.startsWith(`..${sep}`) || inside === '..') {
    report('leads outside the content root (through a symbolic link)', imageRules.outsideRoot.id);
    return undefined;
  }
  const stats = await stat(real);
  return { path: real, name, extension, stats: { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino } };
}

/** Put what processing found on the article, for the adapters after this one. */
function applyFacts(image: ArticleImage, result: ProcessedImage, bytes: number, context: PrepareContext, figures: Figure[]): void {
  const base = context.site.url ? `${context.site.url}/` : '/';
  const url = (path: string) => (base === '/' ? `/${path}` : `${base}${path}`);
  image.width = result.facts.width;
  image.height = result.facts.height;
  image.mediaType = result.facts.mediaType;
  image.bytes = bytes;
  image.dominantColor = result.facts.dominantColor;
  image.placeholder = result.facts.placeholder;
  image.renditions = result.renditions.map((rendition) => ({
    src: url(rendition.path),
    width: rendition.width,
    height: rendition.height,
    mediaType: rendition.mediaType,
    bytes: rendition.bytes.byteLength,
  }));
  if (result.crops.length > 0)
    image.crops = result.crops.map((crop) => ({
      src: url(crop.path),
      width: crop.width,
      height: crop.height,
      mediaType: crop.mediaType,
      bytes: crop.bytes.byteLength,
      aspectRatio: crop.aspectRatio,
    }));
  const srcset: Record<string, string> = {};
  for (const rendition of image.renditions) {
    srcset[rendition.mediaType] =
      `${srcset[rendition.mediaType] ? `${srcset[rendition.mediaType]}, ` : ''}${rendition.src} ${rendition.width}w`;
  }
  image.srcset = srcset;
  // The photo's own caption and credit, when the article gives none.
  if (!image.caption && result.facts.metadata.caption) image.caption = result.facts.metadata.caption;
  if (!image.credit && (result.facts.metadata.credit ?? result.facts.metadata.creator))
    image.credit = result.facts.metadata.credit ?? result.facts.metadata.creator;
  if (!image.creator && result.facts.metadata.creator) image.creator = result.facts.metadata.creator;
  for (const figure of figures) {
    figure.width = image.width;
    figure.height = image.height;
    if (!figure.caption && image.caption) figure.caption = image.caption;
    if (!figure.credit && image.credit) figure.credit = image.credit;
  }
}
