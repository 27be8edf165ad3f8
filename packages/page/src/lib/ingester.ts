/**
 * The page ingester itself, light to load: its settings and cache key. What
 * reads a page ({@link ingestPage} in `ingest.js`) is imported on the first
 * page it is given. The `syndikit` command imports this module
 * (`@syndikit/page/ingester`), so that builds of other inputs skip loading
 * linkedom and Readability.
 */
import type { Ingester } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import type { BlockRule } from './blocks.js';
import { defaultMaxPageBytes, defaultMaxPageDepth } from './defaults.js';
import type { ExtractOptions } from './extract.js';

/** Options for {@link pageIngester}: those of {@link ExtractOptions}, and the size limit. */
export interface PageIngestOptions extends ExtractOptions {
  /**
   * The largest saved page read, in bytes. Default {@link defaultMaxPageBytes}: pages carry scripts,
   * styles and menus around a small article (real saved pages reach 1.4 MB), so the Markdown limit
   * (`limits.maxBytes`, 500 kB) would refuse them; extraction is linear (a 5 MB page: 0.5 s, 176 MB).
   */
  maxBytes?: number | null;
}

/** The ingester for saved HTML news pages (`.html`, `.htm`). */
export function pageIngester(options?: Readonly<PageIngestOptions> | null): Ingester {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`Expected an options object for pageIngester but received ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const rules = checkRules(options?.rules);
  const maxPageDepth = options?.maxPageDepth ?? defaultMaxPageDepth;
  if (!Number.isInteger(maxPageDepth) || maxPageDepth < 1) {
    throw new TypeError(`Expected a positive integer for \`maxPageDepth\` but received ${JSON.stringify(maxPageDepth)}`);
  }
  const maxBytes = options?.maxBytes ?? defaultMaxPageBytes;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new TypeError(`Expected a positive integer for \`maxBytes\` but received ${JSON.stringify(maxBytes)}`);
  }
  const settings: ExtractOptions = {
    rules,
    defaultRules: options?.defaultRules ?? true,
    useArticleBody: options?.useArticleBody ?? true,
    maxPageDepth,
  };
  return {
    name: 'page',
    extensions: ['.html', '.htm'],
    maxBytes,
    cacheKey: adapterCacheKey('page', version, {
      rules: rules.map((rule) => ({ ...rule, pattern: String(rule.pattern) })),
      defaultRules: settings.defaultRules,
      useArticleBody: settings.useArticleBody,
      maxPageDepth,
    }),
    // Read as a browser reads a saved page: a byte order mark, else the `<meta>` that declares the
    // encoding, else UTF-8 (`encoding.js`, loaded with the first page, like the extraction).
    sniffEncoding: async (bytes) => (await import('./encoding.js')).sniffPageEncoding(bytes),
    // The extraction (linkedom, Readability, language detection) loads on the first page: a build
    // without saved pages never loads it (about a third of the command's start-up).
    ingest: async (context) => (await import('./ingest.js')).ingestPage(context, settings),
  };
}

function checkRules(rules: unknown): BlockRule[] {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) throw new TypeError(`Expected an array of block rules for \`rules\` but received ${typeof rules}`);
  return rules.map((rule, index) => {
    if (typeof rule !== 'object' || rule === null || typeof rule.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(rule.id)) {
      throw new TypeError(`Expected block rule ${index} to have a kebab-case id but received ${JSON.stringify(rule?.id)}`);
    }
    if (!(rule.pattern instanceof RegExp)) {
      throw new TypeError(`Expected block rule \`${rule.id}\` to have a RegExp pattern but received ${typeof rule.pattern}`);
    }
    if (rule.action !== 'drop' && rule.action !== 'drop-rest') {
      throw new TypeError(
        `Expected block rule \`${rule.id}\` to have an action of drop or drop-rest but received ${JSON.stringify(rule.action)}`,
      );
    }
    return rule as BlockRule;
  });
}
