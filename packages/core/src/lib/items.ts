import type { CollectionAdapter, CollectionItemCache, CollectionRenderContext, ReportOptions, ReportPlace } from './adapter.js';
import type { Article } from './article.js';

/**
 * The per-item cache of collection adapters (`context.items`): a feed of 50
 * items of which one article changed renders one item, and takes the other
 * 49 (and what rendering them reported) from the last build. Core runs the
 * cache — which messages belong to an item, how they are replayed — and the
 * caller of the collection step keeps the entries (`@syndikit/build` stores
 * them with its cache; `convert` keeps none, so its adapters render every
 * item).
 */

/** One report an item's render made, as kept: about the item's article (`0`) or the collection (`-1`). */
export type StoredReport = [about: 0 | -1, reason: string, options: StoredReportOptions];

/** {@link ReportOptions} as JSON: the rule by its id, the place as a point or position only. */
export interface StoredReportOptions {
  ruleId: string;
  place?: ReportPlace;
  severity?: 'error' | 'warning' | 'info';
}

/** What an item store keeps of one rendered item. */
export interface StoredItem {
  /** What `render` returned: JSON data. */
  value: unknown;
  /** What it reported, in order. */
  reports: StoredReport[];
}

/**
 * Where a collection step keeps rendered items between builds, for one
 * adapter: entries are found by the article (the store tells articles
 * apart, e.g. by their cache pack) and the adapter's key for the item.
 * `@syndikit/build` gives one to every collection adapter with a
 * `cacheKey`.
 */
export interface CollectionItemStore {
  /** The item stored for `article` under `key` (by this build or the last), or `undefined`. */
  get(article: Readonly<Article>, key: string): StoredItem | undefined;
  /** Keep an item this build rendered. Not called for an item whose render reported on another article. */
  set(article: Readonly<Article>, key: string, item: StoredItem): void;
}

/**
 * The `report` and `items` of one collection adapter's render context:
 * `report` passes each report on (to `report`) and also to every item
 * render under way, so that an item keeps what it reported; `items` looks
 * items up in `store` and replays their reports on a hit.
 */
export function itemCache(
  adapter: CollectionAdapter,
  store: CollectionItemStore,
  report: CollectionRenderContext['report'],
): { report: CollectionRenderContext['report']; items: CollectionItemCache } {
  // Item renders under way, innermost last: a report during a nested item's render belongs to the outer one too.
  const open: Array<{ article: Readonly<Article>; reports: StoredReport[] | undefined }> = [];
  const capture: CollectionRenderContext['report'] = (article, reason, options) => {
    for (const item of open) {
      if (!item.reports) continue;
      const about = article === undefined ? -1 : article === item.article ? 0 : undefined;
      // A report on another article cannot be replayed from this item's entry: the item is not kept.
      item.reports = about === undefined ? undefined : [...item.reports, [about, reason, storedOptions(options)]];
    }
    report(article, reason, options);
  };
  const items: CollectionItemCache = {
    item<T>(article: Readonly<Article>, key: string, render: () => T): T {
      if (typeof key !== 'string') {
        throw new TypeError(`Expected a string for the item key of adapter \`${adapter.name}\` but received ${typeof key}`);
      }
      const stored = store.get(article, key);
      if (stored) {
        for (const [about, reason, options] of stored.reports) capture(about === 0 ? article : undefined, reason, options as ReportOptions);
        return stored.value as T;
      }
      const entry: { article: Readonly<Article>; reports: StoredReport[] | undefined } = { article, reports: [] };
      open.push(entry);
      let value: T;
      try {
        value = render();
      } finally {
        open.splice(open.lastIndexOf(entry), 1);
      }
      if (typeof (value as { then?: unknown } | null)?.then === 'function') {
        throw new TypeError(
          `Expected the item render of adapter \`${adapter.name}\` to return its value, not a promise: an item's reports are told apart by running it synchronously`,
        );
      }
      if (entry.reports) store.set(article, key, { value, reports: entry.reports });
      return value;
    },
  };
  return { report: capture, items };
}

/** The options of a report as JSON: a rule object becomes its id, a node given as place its position. */
function storedOptions(options: Readonly<ReportOptions>): StoredReportOptions {
  const stored: StoredReportOptions = { ruleId: options.rule?.id ?? (options.ruleId as string) };
  const place = options.place;
  if (place && ('line' in place || 'start' in place)) stored.place = place;
  else if (place?.position) stored.place = { start: place.position.start, end: place.position.end };
  if (options.severity) stored.severity = options.severity;
  return stored;
}

/**
 * Render one item through `context.items` when the build keeps items
 * (see {@link CollectionItemCache}), else directly: what a collection
 * adapter calls for each item, so it works with and without a cache.
 */
export function renderItem<T>(
  context: Pick<CollectionRenderContext, 'items'>,
  article: Readonly<Article>,
  key: string,
  render: () => T,
): T {
  return context.items ? context.items.item(article, key, render) : render();
}
