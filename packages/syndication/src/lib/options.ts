import { checkUrl } from '@syndikit/core';

/**
 * Options every feed format takes, under `adapters.<format>` in the config.
 */
export interface FeedOptions {
  /** Most items in a feed, newest first. Default `50`. */
  limit?: number | null;
  /** Also write one feed per section, at `sections/<section>/<file>`. Default `false`. */
  sections?: boolean | null;
  /** Also write one feed per tag, at `tags/<tag>/<file>`. Default `false`. */
  tags?: boolean | null;
  /** WebSub hub URL advertised in the feed. No default. */
  hub?: string | null;
  /** Feed title. Default: the site title. */
  title?: string | null;
  /** Feed description. Default: the site description, else the title. */
  description?: string | null;
  /** Put each article's full body in the feed (not only the summary). Default `true`. */
  fullContent?: boolean | null;
  /**
   * Largest full content of one item, in bytes of UTF-8 HTML. A larger
   * body is left out of the feed (the item carries its summary) with a
   * `feed-item-content-too-large` warning: XML tools refuse a text node
   * over 10 MB by default (libxml2's `XML_MAX_TEXT_LENGTH`), escaping can
   * make HTML four times longer, and readers fetch every item of a feed.
   * Default `1_000_000`.
   */
  maxContentBytes?: number | null;
}

/** {@link FeedOptions} with defaults applied. */
export interface ResolvedFeedOptions {
  limit: number;
  sections: boolean;
  tags: boolean;
  hub: string | undefined;
  title: string | undefined;
  description: string | undefined;
  fullContent: boolean;
  maxContentBytes: number;
}

/** Default feed options. */
export const defaultFeedOptions: Readonly<ResolvedFeedOptions> = Object.freeze({
  limit: 50,
  sections: false,
  tags: false,
  hub: undefined,
  title: undefined,
  description: undefined,
  fullContent: true,
  maxContentBytes: 1_000_000,
});

/**
 * Apply defaults and check types. Throws a `TypeError` saying what was
 * expected and what arrived, as options are the caller's responsibility.
 */
export function resolveFeedOptions(format: string, options?: Readonly<FeedOptions> | null): ResolvedFeedOptions {
  const resolved = { ...defaultFeedOptions };
  if (!options) return resolved;
  const fail = (key: string, expected: string, value: unknown): never => {
    throw new TypeError(
      `Expected ${expected} for ${format} option \`${key}\` but received ${JSON.stringify(value)} of type ${typeof value}`,
    );
  };
  if (options.limit !== undefined && options.limit !== null) {
    if (!Number.isInteger(options.limit) || options.limit < 1) fail('limit', 'a positive integer', options.limit);
    resolved.limit = options.limit;
  }
  if (options.maxContentBytes !== undefined && options.maxContentBytes !== null) {
    if (!Number.isInteger(options.maxContentBytes) || options.maxContentBytes < 1) {
      fail('maxContentBytes', 'a positive integer', options.maxContentBytes);
    }
    resolved.maxContentBytes = options.maxContentBytes;
  }
  for (const key of ['sections', 'tags', 'fullContent'] as const) {
    const value = options[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') fail(key, 'a boolean', value);
    resolved[key] = value;
  }
  if (options.hub !== undefined && options.hub !== null) {
    const checked = typeof options.hub === 'string' ? checkUrl(options.hub) : undefined;
    if (checked && 'url' in checked) resolved.hub = checked.url;
    else fail('hub', 'an absolute http(s) URL', options.hub);
  }
  for (const key of ['title', 'description'] as const) {
    const value = options[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') fail(key, 'a string', value);
    resolved[key] = value;
  }
  return resolved;
}
