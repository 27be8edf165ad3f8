import type { Article, CollectionRenderContext } from '@syndikit/core';
import { dateToEpoch, publishable, slugify } from '@syndikit/core';
import { type FeedItem, feedItem } from './items.js';
import type { ResolvedFeedOptions } from './options.js';

/** One feed to write: its path, titles, self URL and items. */
export interface FeedPlan {
  /** Path under the output folder, e.g. `feed.xml` or `sections/politics/feed.xml`. */
  path: string;
  /** `main`, or the section or tag the feed is for. */
  kind: 'main' | 'section' | 'tag';
  /** The section or tag name, for `section` and `tag` feeds. */
  key?: string;
  title: string;
  description: string;
  /** Absolute URL of the feed itself, when the site URL is known. */
  selfUrl: string | undefined;
  /** Newest first, at most `limit`. */
  items: FeedItem[];
  /** The newest `updated` of the items (never the clock); `undefined` for an empty feed. */
  updated: string | undefined;
}

/**
 * Decide which feeds to write and what goes in each: the main feed, plus
 * one per section and per tag when asked. Articles that may not be
 * published (withheld, canceled, under embargo at `context.now`) and
 * articles without a date are left out with a warning saying why.
 * Each article's content is rendered once, however many feeds it is in.
 */
export function planFeeds(context: CollectionRenderContext, options: ResolvedFeedOptions, fileName: string, format: string): FeedPlan[] {
  const { site } = context;
  const dated: Readonly<Article>[] = [];
  for (const article of context.articles) {
    const allowed = publishable(article, context.now);
    if (allowed !== true) context.report(article, `Not published to the ${format} feed: ${allowed}`, { ruleId: 'not-published' });
    else if (article.published || article.updated) dated.push(article);
    else context.report(article, `Article has no date, so it is left out of the ${format} feed`, { ruleId: 'feed-no-date' });
  }
  dated.sort((a, b) => epoch(b) - epoch(a) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const rendered = new Map<Readonly<Article>, FeedItem | undefined>();
  const itemsOf = (articles: readonly Readonly<Article>[]): FeedItem[] => {
    const items: FeedItem[] = [];
    for (const article of articles.slice(0, options.limit)) {
      if (!rendered.has(article)) rendered.set(article, feedItem(article, context, options.fullContent));
      const item = rendered.get(article);
      if (item) items.push(item);
    }
    return items;
  };

  const title = options.title ?? site.title;
  const description = options.description ?? site.description ?? title;
  const plan = (path: string, kind: FeedPlan['kind'], articles: readonly Readonly<Article>[], key?: string): FeedPlan => {
    const items = itemsOf(articles);
    const feed: FeedPlan = {
      path,
      kind,
      title: key ? `${title}: ${key}` : title,
      description: key ? `${description} (${key})` : description,
      selfUrl: site.url ? new URL(path, `${site.url}/`).href : undefined,
      items,
      updated: newest(items),
    };
    if (key !== undefined) feed.key = key;
    return feed;
  };

  const plans = [plan(fileName, 'main', dated)];
  if (options.sections) {
    for (const [key, articles] of groupBy(dated, (article) => (article.section ? [article.section] : []))) {
      plans.push(plan(`sections/${slugify(key) || 'section'}/${fileName}`, 'section', articles, key));
    }
  }
  if (options.tags) {
    for (const [key, articles] of groupBy(dated, (article) => article.tags)) {
      plans.push(plan(`tags/${slugify(key) || 'tag'}/${fileName}`, 'tag', articles, key));
    }
  }
  return dedupePaths(plans, context, format);
}

function epoch(article: Readonly<Article>): number {
  return dateToEpoch((article.published ?? article.updated) as string);
}

function newest(items: readonly FeedItem[]): string | undefined {
  let best: string | undefined;
  for (const item of items) if (!best || dateToEpoch(item.updated) > dateToEpoch(best)) best = item.updated;
  return best;
}

/** Group in first-seen order (articles are already sorted), keys sorted for stable output. */
function groupBy(
  articles: readonly Readonly<Article>[],
  keys: (article: Readonly<Article>) => readonly string[],
): Array<[string, Readonly<Article>[]]> {
  const groups = new Map<string, Readonly<Article>[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const group = groups.get(key) ?? [];
      group.push(article);
      groups.set(key, group);
    }
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Two sections whose slugs collide ("U.S." and "US") would share a path: keep the first, warn about the rest. */
function dedupePaths(plans: FeedPlan[], context: CollectionRenderContext, format: string): FeedPlan[] {
  const seen = new Set<string>();
  return plans.filter((plan) => {
    if (!seen.has(plan.path)) {
      seen.add(plan.path);
      return true;
    }
    context.report(undefined, `The ${plan.kind} "${plan.key}" has the same ${format} feed path as another, ${plan.path}; it is left out`, {
      ruleId: 'feed-path-collision',
    });
    return false;
  });
}
