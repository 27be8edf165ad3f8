import { type Article, type CollectionAdapter, type CollectionItemStore, itemCache, renderItem, type StoredItem } from '@syndikit/core';
import { describe, expect, it } from 'vitest';

/**
 * The per-item cache of collection adapters (`itemCache`, `renderItem`):
 * what an item's render reported is kept with it and reported again when
 * the item is reused.
 */

const adapter: CollectionAdapter = { name: 'list', scope: 'collection', cacheKey: 'list@1', render: () => [] };

/** Articles as the cache sees them: only their identity matters. */
function article(headline: string): Article {
  return { headline } as unknown as Article;
}

/** A store in memory, keyed by the article's headline and the item key. */
function memoryStore(): CollectionItemStore & { entries: Map<string, StoredItem> } {
  const entries = new Map<string, StoredItem>();
  return {
    entries,
    get: (item, key) => entries.get(`${item.headline}|${key}`),
    set: (item, key, stored) => entries.set(`${item.headline}|${key}`, JSON.parse(JSON.stringify(stored)) as StoredItem),
  };
}

describe('itemCache', () => {
  it('renders an item once, then reuses its value and reports what its render reported', () => {
    const store = memoryStore();
    const a = article('A');
    const first: string[] = [];
    const one = itemCache(adapter, store, (about, reason) => first.push(`${about?.headline ?? '-'}: ${reason}`));
    let renders = 0;
    const render = () => {
      renders++;
      one.report(a, 'warned', { ruleId: 'test-warned', place: { line: 2, column: 3 } });
      one.report(undefined, 'on the collection', { ruleId: 'test-collection', severity: 'info' });
      return { html: '<p>A</p>' };
    };
    expect(one.items.item(a, 'a-id', render)).toEqual({ html: '<p>A</p>' });
    expect(renders).toBe(1);
    expect(first).toEqual(['A: warned', '-: on the collection']);

    const replayed: Array<[string, string, unknown]> = [];
    const two = itemCache(adapter, store, (about, reason, options) => replayed.push([about?.headline ?? '-', reason, options]));
    expect(two.items.item(a, 'a-id', render)).toEqual({ html: '<p>A</p>' });
    expect(renders).toBe(1);
    expect(replayed).toEqual([
      ['A', 'warned', { ruleId: 'test-warned', place: { line: 2, column: 3 } }],
      ['-', 'on the collection', { ruleId: 'test-collection', severity: 'info' }],
    ]);
    // Another key is another item.
    expect(two.items.item(a, 'other-id', () => 'other')).toBe('other');
  });

  it('keeps no item whose render reported on another article, and keeps nested items apart', () => {
    const store = memoryStore();
    const [a, b] = [article('A'), article('B')];
    const seen: string[] = [];
    const { items, report } = itemCache(adapter, store, (about, reason) => seen.push(`${about?.headline}: ${reason}`));
    items.item(a, 'a', () => {
      report(b, 'about B', { ruleId: 'test-other' });
      return 'a';
    });
    expect(store.entries.has('A|a')).toBe(false);
    const inner = () => {
      report(b, 'inner', { ruleId: 'test-inner' });
      return 'in';
    };
    const outer = items.item(b, 'outer', () => `${items.item(b, 'inner', inner)}+out`);
    expect(outer).toBe('in+out');
    expect(store.entries.get('B|inner')?.reports).toEqual([[0, 'inner', { ruleId: 'test-inner' }]]);
    // The outer item holds what the inner one reported: replaying it alone reports it.
    expect(store.entries.get('B|outer')?.reports).toEqual([[0, 'inner', { ruleId: 'test-inner' }]]);
    expect(seen).toEqual(['B: about B', 'B: inner']);
  });

  it('refuses a render that returns a promise, and without a cache renders directly', () => {
    const { items } = itemCache(adapter, memoryStore(), () => {});
    expect(() => items.item(article('A'), 'a', () => Promise.resolve('late'))).toThrow(
      new TypeError(
        "Expected the item render of adapter `list` to return its value, not a promise: an item's reports are told apart by running it synchronously",
      ),
    );
    expect(renderItem({}, article('A'), 'a', () => 'direct')).toBe('direct');
  });
});
