import type { Article, CollectionRenderContext } from '@syndikit/core';
import { dateToEpoch } from '@syndikit/core';
import { type FeedItem, lazyFeedItem } from './items.js';
import type { ResolvedFeedOptions } from './options.js';
import { feedRules } from './rules.js';
import { epoch, type FeedGroup, feedGroups } from './select.js';

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
 * Decide which feeds to write and what goes in each (see `feedGroups`),
 * rendering each article's content once, however many feeds it is in, and
 * only when a writer reads it (see `lazyFeedItem`).
 */
export function planFeeds(context: CollectionRenderContext, options: ResolvedFeedOptions, fileName: string, format: string): FeedPlan[] {
  const { site } = context;
  const rendered = new Map<Readonly<Article>, FeedItem | undefined>();
  const title = options.title ?? site.title;
  const description = options.description ?? site.description ?? title;
  const groups = feedGroups(context, options, fileName, format);
  const ids = uniqueIds(groups, context, format);
  const plans = groups.map((group): FeedPlan => {
    const items: FeedItem[] = [];
    for (const article of group.articles) {
      if (!rendered.has(article)) {
        // Rendered when a writer first reads it: a writer that takes the item from its cache never does.
        const item = lazyFeedItem(article, context, options.fullContent, options.maxContentBytes);
        if (item) item.id = ids.get(article) ?? article.id;
        rendered.set(article, item);
      }
      const item = rendered.get(article);
      if (item) items.push(item);
    }
    const feed: FeedPlan = {
      path: group.path,
      kind: group.kind,
      title: group.key !== undefined ? `${title}: ${group.key}` : title,
      description: group.key !== undefined ? `${description} (${group.key})` : description,
      selfUrl: site.url ? new URL(group.path, `${site.url}/`).href : undefined,
      items,
      updated: newest(items),
    };
    if (group.key !== undefined) feed.key = group.key;
    return feed;
  });
  return dedupePaths(plans, context, format);
}

/**
 * One id per article over all of a build's feeds, unique: feed readers
 * merge items that share a guid or id. Of the articles that share one, the
 * first published keeps it (ties by slug), so an item's id does not change
 * when a later duplicate arrives; each other gets the id with its slug
 * appended (slugs are unique in a build) and a warning.
 */
function uniqueIds(
  groups: readonly FeedGroup<Readonly<Article>>[],
  context: CollectionRenderContext,
  format: string,
): Map<Readonly<Article>, string> {
  const articles = [...new Set(groups.flatMap((group) => group.articles))];
  const epochs = new Map(articles.map((article) => [article, epoch(article)]));
  articles.sort((a, b) => (epochs.get(a) as number) - (epochs.get(b) as number) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const taken = new Set<string>(articles.map((article) => article.id));
  const seen = new Set<string>();
  const ids = new Map<Readonly<Article>, string>();
  for (const article of articles) {
    if (!seen.has(article.id)) {
      seen.add(article.id);
      ids.set(article, article.id);
      continue;
    }
    let id = `${article.id}/${encodeURIComponent(article.slug)}`;
    for (let n = 2; taken.has(id); n++) id = `${article.id}/${encodeURIComponent(article.slug)}-${n}`;
    taken.add(id);
    ids.set(article, id);
    context.report(article, `Another article published earlier has the id ${article.id}; in the ${format} feed this one is ${id}`, {
      ruleId: feedRules.duplicateId.id,
    });
  }
  return ids;
}

function newest(items: readonly FeedItem[]): string | undefined {
  let best: string | undefined;
  for (const item of items) if (!best || dateToEpoch(item.updated) > dateToEpoch(best)) best = item.updated;
  return best;
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
      ruleId: feedRules.pathCollision.id,
    });
    return false;
  });
}
