import { type CollectionRenderContext, renderItem } from '@syndikit/core';
import { type FeedItem, type FeedOptions, type FeedPlan, feedImage } from '@syndikit/syndication';

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

/** A JSON Feed 1.1 document for one planned feed. */
export function jsonFeed(plan: FeedPlan, context: CollectionRenderContext, hub?: string): JsonFeed {
  const { site } = context;
  const icon = site.icon && site.url ? new URL(site.icon, `${site.url}/`).href : undefined;
  // Keys in the order the specification lists them, for readable output.
  return withoutUndefined<JsonFeed>({
    version: 'https://jsonfeed.org/version/1.1' as const,
    title: plan.title,
    home_page_url: site.url ? `${site.url}/` : undefined,
    feed_url: plan.selfUrl,
    description: plan.description,
    icon,
    favicon: icon,
    language: site.language,
    hubs: hub ? [{ type: 'WebSub', url: hub }] : undefined,
    // Each item through the build's item cache: one article changed, one item rendered.
    items: plan.items.map((item) => renderItem(context, item.article, item.id, () => jsonFeedItem(item, context))),
  });
}

/** One item. */
export function jsonFeedItem(item: FeedItem, context: CollectionRenderContext): JsonFeedItem {
  const { article } = item;
  const tags = item.categories;
  const attachments = article.images.flatMap((image): JsonFeedAttachment[] => {
    const resolved = feedImage(image, article.url ?? context.site.url);
    if (!resolved?.mediaType) return [];
    return [
      withoutUndefined<JsonFeedAttachment>({
        url: resolved.url,
        mime_type: resolved.mediaType,
        title: image.caption,
        size_in_bytes: resolved.bytes,
      }),
    ];
  });
  return withoutUndefined<JsonFeedItem>({
    id: item.id,
    url: item.link,
    title: item.title,
    content_html: item.html,
    content_text: item.text,
    summary: item.summary || undefined,
    image: item.image?.url,
    date_published: item.published,
    date_modified: item.updated,
    authors:
      article.authors.length > 0
        ? article.authors.map((author) => withoutUndefined<JsonFeedAuthor>({ name: author.name, url: author.url }))
        : undefined,
    tags: tags.length > 0 ? tags : undefined,
    // Every item says its language: JSON Feed defines no inheritance from the feed's.
    language: article.language ?? context.site.language,
    attachments: attachments.length > 0 ? attachments : undefined,
  });
}

/** The object without its `undefined` fields (JSON.stringify would drop them, but tests compare objects). */
function withoutUndefined<T extends object>(object: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
