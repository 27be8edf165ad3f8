/**
 * The `jsonfeed` format itself, light to load: its options and cache key.
 * What writes the feed (`jsonFeed` in `jsonfeed.js`) is imported on the first render.
 */
import type { Adapter, OutputFile } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { resolveFeedOptions } from '@syndikit/syndication/options';
import { feedRules } from '@syndikit/syndication/rules';
import { selectFeedArticles } from '@syndikit/syndication/select';
import { packageVersion } from '../generated/package.js';
import type { JsonFeedOptions } from './jsonfeed.js';

/**
 * The `jsonfeed` format: JSON Feed 1.1 at `feed.json` (and per-section and
 * per-tag feeds when asked), with `authors` (never the deprecated 1.0
 * `author`), full HTML and plain-text content, and the lead image.
 */
export function jsonFeedAdapter(options?: Readonly<JsonFeedOptions> | null): Adapter {
  const feedOptions = resolveFeedOptions('jsonfeed', options);
  const path = options?.path ?? 'feed.json';
  return {
    name: 'jsonfeed',
    scope: 'collection',
    // Says the feed depends on nothing but these options and the articles: a build may reuse it when no article changed.
    cacheKey: adapterCacheKey('jsonfeed', packageVersion, { feedOptions, path }),
    select: (context) => selectFeedArticles(context, feedOptions, path, 'jsonfeed'),
    // What renders the items (bodies to HTML and text) loads on the first render: a rebuild that takes the
    // feed from its cache never loads it. The `syndikit` command imports this module (`@syndikit/jsonfeed/adapter`).
    async render(context): Promise<OutputFile[]> {
      const [{ planFeeds }, { jsonFeed }] = await Promise.all([import('@syndikit/syndication'), import('./jsonfeed.js')]);
      const outputs: OutputFile[] = [];
      for (const plan of planFeeds(context, feedOptions, path, 'jsonfeed')) {
        if (plan.items.length === 0 && plan.kind === 'main') {
          context.report(undefined, 'No dated articles: the JSON feed is not written', { ruleId: feedRules.empty.id });
          continue;
        }
        const feed = jsonFeed(plan, context, feedOptions.hub);
        outputs.push({
          path: plan.path,
          contents: `${JSON.stringify(feed, null, 2)}\n`,
          mediaType: 'application/feed+json; charset=utf-8',
        });
      }
      return outputs;
    },
  };
}
