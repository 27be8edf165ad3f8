import type { Ingester } from '@syndikit/core';
import { type NinjsIngestOptions, ninjsIngester } from './ninjs.js';
import { type WireTextOptions, wireTextIngester } from './text.js';

/** Options for {@link wireIngesters}: the `wire:` section of a config file. */
export interface WireOptions extends WireTextOptions, NinjsIngestOptions {}

/** Both wire-desk ingesters: scraped text (`.txt`) and ninjs (`.json`). */
export function wireIngesters(options?: Readonly<WireOptions> | null): Ingester[] {
  return [wireTextIngester(options), ninjsIngester(options)];
}
