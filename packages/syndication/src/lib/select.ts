/**
 * Which feeds there are and which articles each carries, from metadata
 * alone: light to load (no rendering), so that an adapter's `select` can run
 * without loading what renders the items (`planFeeds` in `plan.js`).
 */
import type { ArticleSummary, CollectionSelectContext } from '@syndikit/core';
import { dateToEpoch, slugify } from '@syndikit/core';
import type { ResolvedFeedOptions } from './options.js';
import type { FeedPlan } from './plan.js';
import { feedRules } from './rules.js';

/** The shape of article `feedGroups` needs: a summary is enough. */
export type Dated = Readonly<ArticleSummary>;

/** What {@link feedGroups} reads of a select or render context. */
interface GroupContext<A extends Dated> {
  articles: readonly A[];
  now: string;
  report(article: A | undefined, reason: string, options: { ruleId: string }): void;
}

/** One feed before its items are rendered: its path and its articles, newest first, at most `limit`. */
export interface FeedGroup<A extends Dated> {
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
export function feedGroups<A extends Dated>(
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

export function epoch(article: Dated): number {
  return dateToEpoch((article.published ?? article.updated) as string);
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
