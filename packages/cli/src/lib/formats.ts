import { ampAdapter } from '@syndikit/amp/adapter';
import { atomAdapter } from '@syndikit/atom/adapter';
import type { AdapterFactory, Ingester, Registry } from '@syndikit/core';
import { createRegistry } from '@syndikit/core';
import { digitalwiresIngester } from '@syndikit/digitalwires/ingester';
import { imagesAdapter } from '@syndikit/images/adapter';
import { jsonFeedAdapter } from '@syndikit/jsonfeed/adapter';
import { markdownAdapter } from '@syndikit/markdown/adapter';
import { type MarkdownIngestOptions, markdownIngester } from '@syndikit/markdown/ingester';
import { newsmlG2Adapter } from '@syndikit/newsml-g2/adapter';
import { newsmlG2Ingester } from '@syndikit/newsml-g2/ingester';
import { newsml1Ingester } from '@syndikit/newsml-g2/newsml1-ingester';
import { ninjsAdapter } from '@syndikit/ninjs/adapter';
import { type NinjsIngestOptions, ninjsIngester } from '@syndikit/ninjs/ingester';
import { nitfIngester } from '@syndikit/nitf/ingester';
// The ingester alone: what reads a page loads on the first one (see @syndikit/page's ingester module).
import { pageIngester } from '@syndikit/page/ingester';
import { rssAdapter } from '@syndikit/rss/adapter';
import type { WireTextOptions } from '@syndikit/wire';
import { wireTextIngester } from '@syndikit/wire/ingester';

/**
 * The formats the `syndikit` command knows out of the box, by name.
 * Each is an adapter package's factory, used exactly as a user's would be.
 */
export const builtinFormats: Readonly<Record<string, AdapterFactory<never>>> = Object.freeze({
  markdown: markdownAdapter as AdapterFactory<never>,
  rss: rssAdapter as AdapterFactory<never>,
  atom: atomAdapter as AdapterFactory<never>,
  jsonfeed: jsonFeedAdapter as AdapterFactory<never>,
  amp: ampAdapter as AdapterFactory<never>,
  ninjs: ninjsAdapter as AdapterFactory<never>,
  'newsml-g2': newsmlG2Adapter as AdapterFactory<never>,
  images: imagesAdapter as AdapterFactory<never>,
});

/**
 * The `wire:` section of a config file: options of the scraped-text
 * ingester (`@syndikit/wire`) and of the ninjs ingester (`@syndikit/ninjs`).
 */
export interface WireOptions extends WireTextOptions, NinjsIngestOptions {}

/** Built-in formats that need the site URL: feeds link to the site, AMP pages need a canonical URL. */
export const siteUrlFormats: readonly string[] = Object.freeze(['rss', 'atom', 'jsonfeed', 'amp']);

/**
 * Built-in formats left out of the default set, with why: image renditions
 * take time and sharp, and change what the other formats point at, so they
 * are asked for by name.
 */
const optInFormats: Readonly<Record<string, string>> = Object.freeze({ images: 'made only when asked for: --formats …,images' });

/**
 * Formats built when neither `--formats` nor the config names any, for a
 * run with or without a site URL: every built-in format whose requirements
 * are met, in {@link builtinFormats} order (feeds and AMP need the site URL;
 * `images` is opt-in), plus the formats a config adds. `skipped` says which
 * were left out and why.
 */
export function defaultFormatsFor(options: Readonly<{ siteUrl: boolean; extra?: readonly string[] }>): {
  formats: string[];
  skipped: { name: string; why: string }[];
} {
  const formats: string[] = [];
  const skipped: { name: string; why: string }[] = [];
  for (const name of Object.keys(builtinFormats)) {
    const optIn = optInFormats[name];
    if (optIn) skipped.push({ name, why: optIn });
    else if (siteUrlFormats.includes(name) && !options.siteUrl) skipped.push({ name, why: 'need the site URL: --site-url or site.url' });
    else formats.push(name);
  }
  for (const name of options.extra ?? []) if (!formats.includes(name)) formats.push(name);
  return { formats, skipped };
}

/** Formats built by default with a site URL; see {@link defaultFormatsFor}. */
export const defaultFormats: readonly string[] = Object.freeze(defaultFormatsFor({ siteUrl: true }).formats);

/**
 * The ingesters the command registers after a config's own, each a format
 * package's factory used exactly as a user's ingester would be: the wire
 * desk's scraped text (`.txt`, with the config's `wire:` options), the
 * agencies' formats — NewsML-G2, NITF and NewsML 1.2 (`.xml`, told apart by
 * their root element and namespace, and files without an extension),
 * dpa-digitalwires and ninjs (`.json`, told apart by shape) — saved news
 * pages (`.html`, `.htm`), and Markdown (`.md`, `.markdown`, `.mdx`; with
 * `markdown` options: drafts, future posts, `now`, a site's authors) last. Ingesters
 * that `recognize` content come before the one that reads any file of its
 * extension (ninjs for `.json`).
 */
export function builtinIngesters(options?: Readonly<WireOptions> | null, markdown?: Readonly<MarkdownIngestOptions> | null): Ingester[] {
  return [
    wireTextIngester(options),
    newsmlG2Ingester(),
    nitfIngester(),
    newsml1Ingester(),
    digitalwiresIngester(),
    ninjsIngester(options),
    pageIngester(),
    markdownIngester(markdown),
  ];
}

/** A registry of the built-in formats plus those a config file adds. */
export function createFormatRegistry(extra?: Readonly<Record<string, AdapterFactory<never>>>): Registry {
  const registry = createRegistry(builtinFormats);
  if (extra) for (const [name, factory] of Object.entries(extra)) registry.register(name, factory);
  return registry;
}
