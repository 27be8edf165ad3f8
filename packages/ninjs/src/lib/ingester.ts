/**
 * The ninjs ingester itself, light to load: its options and cache key. What
 * reads an item (`ingestNinjs` in `ingest.js`) is imported on the first one.
 * The `syndikit` command imports this module (`@syndikit/ninjs/ingester`),
 * so that a rebuild which converts nothing never loads the reader.
 */
import type { Ingester } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';

/** Options for {@link ninjsIngester}. */
export interface NinjsIngestOptions {
  /** Deepest JSON nesting accepted, checked before parsing. Default `64`. */
  maxJsonDepth?: number | null;
  /**
   * Most picture and graphic associations read from one item; the rest are
   * dropped with a `ninjs-associations-too-many` warning. Every picture
   * becomes an image in every output, so this bounds the work and the page
   * size of a hostile item (real packages carry a few dozen).
   * Default {@link defaultMaxPictures} (`1000`).
   */
  maxPictures?: number | null;
}

/** Default {@link NinjsIngestOptions.maxPictures}. */
export const defaultMaxPictures = 1000;

/** The `.json` ingester for IPTC ninjs 1.x, 2.x and 3.x. */
export function ninjsIngester(options?: Readonly<NinjsIngestOptions> | null): Ingester {
  const maxDepth = options?.maxJsonDepth ?? 64;
  const maxPictures = options?.maxPictures ?? defaultMaxPictures;
  return {
    name: 'ninjs',
    extensions: ['.json'],
    cacheKey: `ninjs@${version}:${maxDepth}:${maxPictures}`,
    // The reader (hast-util-from-html, sanitising, hast-util-to-mdast) loads on the first item it is given.
    ingest: async (context) => (await import('./ingest.js')).ingestNinjs(context, maxDepth, maxPictures),
  };
}
