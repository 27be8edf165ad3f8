/**
 * The `images` format itself, light to load: its options and cache key.
 * What makes the renditions (`imagesPreparer` in `prepare.js`: the image
 * cache, remote fetching, metadata readers, and through them sharp) is
 * imported on the first `prepare`, so a run without images never loads it.
 * The `syndikit` command imports this module (`@syndikit/images/adapter`).
 */
import type { Adapter, OutputFile, PrepareContext } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import { type ImagesOptions, resolveImagesOptions } from './options.js';

/**
 * The `images` format: responsive renditions of every image an article
 * references (lead and inline), made with sharp in `prepare`, so that the
 * AMP, feed and ninjs adapters after it see the sizes, renditions, `srcset`,
 * dominant colour and placeholder on the article.
 *
 * Each source is decoded once; images run with bounded concurrency; results
 * are cached by content in `cacheDir`, so an unchanged rebuild does no image
 * work. Remote images are fetched only when `remote.allow` and the host is
 * listed, never from private addresses.
 */
export function imagesAdapter(options?: Readonly<ImagesOptions> | null): Adapter {
  const settings = resolveImagesOptions(options);
  let preparer: Promise<(context: PrepareContext) => Promise<OutputFile[]>> | undefined;
  return {
    name: 'images',
    scope: 'article',
    // ninjs and NewsML-G2 keep unpublished articles and list their renditions, so the renditions must exist for them too.
    unpublished: 'include',
    // The cache folder and concurrency change where and how fast, not what: they stay out of the key.
    cacheKey: adapterCacheKey('images', version, { ...settings, cacheDir: undefined, concurrency: undefined }),
    async prepare(context): Promise<OutputFile[]> {
      // One preparer per adapter, made on the first article: its concurrency limit and in-flight work are shared by all.
      preparer ??= import('./prepare.js').then(({ imagesPreparer }) => imagesPreparer(settings));
      return (await preparer)(context);
    },
    render: () => [],
  };
}
