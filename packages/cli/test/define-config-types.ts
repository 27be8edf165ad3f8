// Checked by `npm run typecheck` (tsc over src and test): each @ts-expect-error must meet an error.
import { defineConfig } from '@syndikit/cli';

export const good = defineConfig({ formats: ['markdown', 'rss'], adapters: { rss: { limit: 5 } } });

// @ts-expect-error `rsss` is not a format
export const typo = defineConfig({ formats: ['rsss'] });

// @ts-expect-error `limt` is not an option of rss
export const option = defineConfig({ adapters: { rss: { limt: 5 } } });
