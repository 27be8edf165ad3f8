import type { Article, ArticleSummary, CollectionRenderContext, CollectionSelectContext } from '@syndikit/core';
import { dateToEpoch, slugify } from '@syndikit/core';
import { type FeedItem, feedItem } from './items.js';
import type { ResolvedFeedOptions } from './options.js';
import { feedRules } from './rules.js';

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

/** The shape of article `feedGroups` needs: a summary is enough. */
type Dated = Readonly<ArticleSummary>;

/** What {@link feedGroups} reads of a select or render context. */
interface GroupContext<A extends Dated> {
  articles: readonly A[];
  now: string;
  report(article: A | undefined, reason: string, options: { ruleId: string }): void;
}

/** One feed before its items are rendered: its path and its articles, newest first, at most `limit`. */
interface FeedGroup<A extends Dated> {
  path: string;
  kind: FeedPlan['kind'];
  key?: string;
  articles: A[];
}

/**
 * Which feeds there are and which articles each carries: the main feed,
 * plus one per section and per tag when asked. Articles without a date
 * are left out with a warning saying why (the pipeline has already hidden
 * withheld, canceled and embargoed ones from feeds, which do not opt in). Needs
 * only article metadata, so a build can pick the items before it loads
 * any body.
 */
function feedGroups<A extends Dated>(
  context: GroupContext<A>,
  options: ResolvedFeedOptions,
  fileName: string,
  format: string,
): FeedGroup<A>[] {
  const dated: A[] = [];
  for (const article of context.articles) {
    if (article.published || article.updated) dated.push(article);
    else context.report(article, `Article has no date, so it is left out of the ${format} feed`, { ruleId: feedRules.noDate.id });
  }
  // Each date parsed once, not once per comparison: a build's feeds sort every article.
  const epochs = new Map(dated.map((article) => [article, epoch(article)]));
  dated.sort((a, b) => (epochs.get(b) as number) - (epochs.get(a) as number) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const group = (path: string, kind: FeedPlan['kind'], articles: readonly A[], key?: string): FeedGroup<A> => {
    const feed: FeedGroup<A> = { path, kind, articles: articles.slice(0, options.limit) };
    if (key !== undefined) feed.key = key;
    return feed;
  };
  const groups = [group(fileName, 'main', dated)];
  if (options.sections) {
    for (const [key, articles] of groupBy(dated, (article) => (article.section ? [article.section] : []))) {
      groups.push(group(`sections/${slugify(key) || 'section'}/${fileName}`, 'section', articles, key));
    }
  }
  if (options.tags) {
    for (const [key, articles] of groupBy(dated, (article) => article.tags)) {
      groups.push(group(`tags/${slugify(key) || 'tag'}/${fileName}`, 'tag', articles, key));
    }
  }
  return groups;
}

/**
 * The articles a feed adapter's feeds will carry, from metadata alone: the
 * adapter's `select`, so that a build loads only their bodies. Messages
 * about the articles left out are reported here; `planFeeds` over the
 * selection plans the same feeds.
 */
export function selectFeedArticles(
  context: CollectionSelectContext,
  options: ResolvedFeedOptions,
  fileName: string,
  format: string,
): Readonly<ArticleSummary>[] {
  const chosen = new Set<Readonly<ArticleSummary>>();
  for (const group of feedGroups(context, options, fileName, format)) for (const article of group.articles) chosen.add(article);
  return context.articles.filter((article) => chosen.has(article));
}

/**
 * Decide which feeds to write and what goes in each (see `feedGroups`),
 * rendering each article's content once, however many feeds it is in.
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
        const item = feedItem(article, context, options.fullContent, options.maxContentBytes);
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

function epoch(article: Dated): number {
  return dateToEpoch((article.published ?? article.updated) as string);
}

function newest(items: readonly FeedItem[]): string | undefined {
  let best: string | undefined;
  for (const item of items) if (!best || dateToEpoch(item.updated) > dateToEpoch(best)) best = item.updated;
  return best;
}

/** Group in first-seen order (articles are already sorted), keys sorted for stable output. */
function groupBy<A extends Dated>(articles: readonly A[], keys: (article: A) => readonly string[]): Array<[string, A[]]> {
  const groups = new Map<string, A[]>();
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
      ruleId: feedRules.pathCollision.id,
    });
    return false;
  });
}
