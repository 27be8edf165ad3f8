import type { Adapter, CollectionRenderContext, OutputFile } from '@syndikit/core';
import { type FeedItem, type FeedOptions, type FeedPlan, feedImage, planFeeds, resolveFeedOptions } from '@syndikit/syndication';

/** Options of the `jsonfeed` format. */
export interface JsonFeedOptions extends FeedOptions {
  /** Output path of the main feed. Default `feed.json`. */
  path?: string | null;
}

/** A JSON Feed 1.1 author. */
export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

/** A JSON Feed 1.1 attachment. */
export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
}

/** A JSON Feed 1.1 item. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  title: string;
  content_html?: string;
  content_text: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  attachments?: JsonFeedAttachment[];
}

/** A JSON Feed 1.1 document. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  hubs?: Array<{ type: string; url: string }>;
  items: JsonFeedItem[];
}

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
    render(context): OutputFile[] {
      const outputs: OutputFile[] = [];
      for (const plan of planFeeds(context, feedOptions, path, 'jsonfeed')) {
        if (plan.items.length === 0 && plan.kind === 'main') {
          context.report(undefined, 'No dated articles: the JSON feed is not written', { ruleId: 'feed-empty' });
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

/** A JSON Feed 1.1 document for one planned feed. */
export function jsonFeed(plan: FeedPlan, context: CollectionRenderContext, hub?: string): JsonFeed {
  const { site } = context;
  const feed: JsonFeed = { version: 'https://jsonfeed.org/version/1.1', title: plan.title, items: [] };
  if (site.url) feed.home_page_url = `${site.url}/`;
  if (plan.selfUrl) feed.feed_url = plan.selfUrl;
  feed.description = plan.description;
  if (site.icon && site.url) {
    feed.icon = new URL(site.icon, `${site.url}/`).href;
    feed.favicon = feed.icon;
  }
  feed.language = site.language;
  if (hub) feed.hubs = [{ type: 'WebSub', url: hub }];
  feed.items = plan.items.map((item) => jsonFeedItem(item, context));
  return feed;
}

/** One item. */
export function jsonFeedItem(item: FeedItem, context: CollectionRenderContext): JsonFeedItem {
  const { article } = item;
  const result: JsonFeedItem = {
    id: article.id,
    title: article.headline,
    content_text: item.text,
    date_published: item.published,
    date_modified: item.updated,
  };
  if (item.link) result.url = item.link;
  if (item.html !== undefined) result.content_html = item.html;
  if (item.summary) result.summary = item.summary;
  if (item.image) result.image = item.image.url;
  if (article.authors.length > 0) {
    result.authors = article.authors.map((author) => (author.url ? { name: author.name, url: author.url } : { name: author.name }));
  }
  const tags = [...new Set([...(article.section ? [article.section] : []), ...article.tags])];
  if (tags.length > 0) result.tags = tags;
  if (article.language && article.language !== context.site.language) result.language = article.language;
  const attachments = article.images.flatMap((image): JsonFeedAttachment[] => {
    const resolved = feedImage(image, article.url ?? context.site.url);
    if (!resolved?.mediaType) return [];
    const attachment: JsonFeedAttachment = { url: resolved.url, mime_type: resolved.mediaType };
    if (image.caption) attachment.title = image.caption;
    if (resolved.bytes) attachment.size_in_bytes = resolved.bytes;
    return [attachment];
  });
  if (attachments.length > 0) result.attachments = attachments;
  return result;
}
