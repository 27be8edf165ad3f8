/**
 * The `ninjs` format itself, light to load: its options and cache key. What
 * writes an item (`articleToNinjs` in `ninjs.js`) is imported on the first
 * article. The `syndikit` command imports this module (`@syndikit/ninjs/adapter`).
 */
import type { Adapter, OutputFile } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import type { NinjsOptions } from './ninjs.js';

/**
 * The `ninjs` format: one `ninjs/<slug>.json` per article in IPTC ninjs
 * 3.1, carrying the article's status and embargo (a wire desk passes them
 * on, unlike feeds and pages), the body as sanitised HTML and plain text,
 * and the images as associations with their renditions.
 */
export function ninjsAdapter(options?: Readonly<NinjsOptions> | null): Adapter {
  const dir = options?.dir ?? 'ninjs';
  const plainText = options?.plainText ?? true;
  return {
    name: 'ninjs',
    scope: 'article',
    // ninjs carries pubstatus and embargoed to the receiving system, which honours them.
    unpublished: 'include',
    cacheKey: adapterCacheKey('ninjs', version, { dir, plainText }),
    // The writer (sanitised HTML and text through @syndikit/html) loads on the first article.
    async render({ article, site, report }): Promise<OutputFile[]> {
      const { articleToNinjs } = await import('./ninjs.js');
      const item = articleToNinjs(article, site, { plainText, report });
      if (!item) return [];
      return [
        {
          path: `${dir}/${article.slug}.json`,
          contents: `${JSON.stringify(item, null, 2)}\n`,
          mediaType: 'application/json; charset=utf-8',
        },
      ];
    },
  };
}
