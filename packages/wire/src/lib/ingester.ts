/**
 * The wire-text ingester itself, light to load: its options (rules
 * compiled and checked at once) and cache key. What reads a file
 * (`ingestWireText` in `text.js`) is imported on the first one. The
 * `syndikit` command imports this module (`@syndikit/wire/ingester`), so that
 * a rebuild which converts nothing never loads the reader.
 */
import type { Ingester } from '@syndikit/core';
import { adapterCacheKey, checkUrl } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import { compileRules } from './rules.js';
import type { WireTextOptions } from './text.js';

/** The `.txt` ingester for scraped wire copy. */
export function wireTextIngester(options?: Readonly<WireTextOptions> | null): Ingester {
  const rules = compileRules(options?.rules ?? [], options?.defaultRules ?? true);
  if (options?.photoBaseUrl !== undefined && options.photoBaseUrl !== null) {
    const checked = typeof options.photoBaseUrl === 'string' ? checkUrl(options.photoBaseUrl) : undefined;
    if (!checked || 'error' in checked) {
      throw new TypeError(
        `Expected an absolute http(s) URL for wire option \`photoBaseUrl\` but received ${JSON.stringify(options.photoBaseUrl)}${checked && 'error' in checked ? `: ${checked.error}` : ''}`,
      );
    }
  }
  return {
    name: 'wire-text',
    extensions: ['.txt'],
    // The build cache keys converted articles by this: the package version stands for the reading code,
    // the options (rules included) for what the user configured.
    cacheKey: adapterCacheKey('wire-text', version, {
      rules: (options?.rules ?? []).map((rule) => ({ ...rule, pattern: String(rule.pattern) })),
      defaultRules: options?.defaultRules ?? true,
      photoBaseUrl: options?.photoBaseUrl ?? null,
    }),
    // The reader (language detection, dates, byline rules) loads on the first file it is given.
    ingest: async (context) => (await import('./text.js')).ingestWireText(context, rules, options ?? {}),
  };
}
