/**
 * The `newsml-g2` format itself, light to load: its options and cache key.
 * What writes an item (`articleToNewsMlG2` in `write.js`) is imported on the
 * first article. The `syndikit` command imports this module (`@syndikit/newsml-g2/adapter`).
 */
import type { Adapter, OutputFile } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import type { NewsMlG2Options } from './write.js';

/**
 * The `newsml-g2` format: one `newsml-g2/<slug>.xml` per article. Status and
 * embargo are passed on (a wire format is for the next desk), so withheld and
 * embargoed articles are written with their status, as ninjs does.
 */
export function newsmlG2Adapter(options?: Readonly<NewsMlG2Options> | null): Adapter {
  const dir = options?.dir ?? 'newsml-g2';
  const provider = options?.provider ?? undefined;
  return {
    name: 'newsml-g2',
    scope: 'article',
    // NewsML-G2 carries pubStatus and embargoed to the receiving system, which honours them.
    unpublished: 'include',
    cacheKey: adapterCacheKey('newsml-g2', version, { dir, provider: provider ?? null }),
    // The writer (hast, xast, XML) loads on the first article.
    async render({ article, site, now, report }): Promise<OutputFile[]> {
      const { articleToNewsMlG2 } = await import('./write.js');
      const xml = articleToNewsMlG2(article, site, { now, provider, report });
      if (!xml) return [];
      return [{ path: `${dir}/${article.slug}.xml`, contents: xml, mediaType: 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8' }];
    },
  };
}
