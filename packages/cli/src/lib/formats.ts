import { ampAdapter } from '@syndikit/amp';
import type { AdapterFactory, Ingester, Registry } from '@syndikit/core';
import { createRegistry } from '@syndikit/core';
import { imagesAdapter } from '@syndikit/images';
import { jsonFeedAdapter } from '@syndikit/jsonfeed';
import { markdownAdapter } from '@syndikit/markdown';
import { ninjsAdapter } from '@syndikit/ninjs';
import { atomAdapter, rssAdapter } from '@syndikit/rss';
import { type WireOptions, wireIngesters } from '@syndikit/wire';

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
  images: imagesAdapter as AdapterFactory<never>,
});

/** Formats built when neither `--formats` nor the config names any. */
export const defaultFormats: readonly string[] = Object.freeze(['markdown']);

/**
 * Ingesters the command adds before the built-in Markdown ingester: the wire
 * desk's scraped text (`.txt`) and ninjs (`.json`), with the config's `wire:` options.
 */
export function builtinIngesters(options?: Readonly<WireOptions> | null): Ingester[] {
  return wireIngesters(options);
}

/** A registry of the built-in formats plus those a config file adds. */
export function createFormatRegistry(extra?: Readonly<Record<string, AdapterFactory<never>>>): Registry {
  const registry = createRegistry(builtinFormats);
  if (extra) for (const [name, factory] of Object.entries(extra)) registry.register(name, factory);
  return registry;
}
