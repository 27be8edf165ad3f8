import { readFileSync } from 'node:fs';
import type { Adapter, OutputFile } from '@syndikit/core';
import { adapterCacheKey, checkUrl, urlOrPathProblem } from '@syndikit/core';
import type { Handlers } from 'mdast-util-to-hast';
import { packageVersion as version } from '../generated/package.js';
import { defaultThemeCss, themeProblem } from './theme.js';

/** Options for {@link ampAdapter}. */
export interface AmpOptions {
  /** Folder under the output directory. Default `'amp'`. */
  dir?: string | null;
  /** CSS for `<style amp-custom>`, replacing the default theme. Default: the shipped theme. */
  css?: string | null;
  /** A CSS file to use instead of the default theme (in a config file: relative to it). */
  cssFile?: string | null;
  /** Publisher logo URL for structured data. Default: `site.logo`, else `site.icon`. */
  logo?: string | null;
  /** mdast-util-to-hast handlers, by node type, over syndikit's (one handler per node type). */
  handlers?: Handlers | null;
}

/**
 * The `amp` format: one valid AMP HTML page per article at
 * `amp/<slug>.html`, rendered as trees: mdast → hast (remark-rehype's
 * handlers plus syndikit's) → sanitised → AMP components → hast-util-to-html.
 *
 * Throws a `TypeError` for a theme AMP would reject (over 75,000 bytes,
 * `!important`, `@import`), naming the size.
 */
export function ampAdapter(options?: Readonly<AmpOptions> | null): Adapter {
  const dir = options?.dir ?? 'amp';
  let css = options?.css ?? defaultThemeCss();
  if (options?.cssFile) {
    try {
      css = readFileSync(options.cssFile, 'utf8');
    } catch (error) {
      throw new TypeError(
        `Expected a readable CSS file for amp option \`cssFile\` but could not read ${options.cssFile}: ${(error as Error).message}`,
      );
    }
  }
  if (options?.logo !== undefined && options.logo !== null) {
    const logoProblem = typeof options.logo === 'string' ? urlOrPathProblem(options.logo) : `it is of type ${typeof options.logo}`;
    if (logoProblem) throw new TypeError(`Expected an http(s) URL or a path for amp option \`logo\` but ${logoProblem}`);
  }
  const problem = themeProblem(css);
  if (problem) throw new TypeError(`Expected an AMP-valid stylesheet for the amp theme but ${problem}`);
  return {
    name: 'amp',
    scope: 'article',
    cacheKey: adapterCacheKey('amp', version, { dir, css, logo: options?.logo, handlers: options?.handlers }),
    // The renderer (mdast-util-to-hast, retext, hast-util-to-html) loads on the first article: a rebuild
    // that renders none never loads it. The `syndikit` command imports this module (`@syndikit/amp/adapter`).
    async render({ article, site, report }): Promise<OutputFile[]> {
      const { ampPage } = await import('./page.js');
      const logo = options?.logo ?? site.logo ?? site.icon;
      const publisher = {
        name: site.title,
        url: site.url ? `${site.url}/` : undefined,
        logo: logoUrl(logo, site.url),
      };
      const html = ampPage(article, {
        site,
        css,
        publisher: JSON.parse(JSON.stringify(publisher)),
        handlers: options?.handlers ?? undefined,
        report,
      });
      if (html === undefined) return [];
      return [{ path: `${dir}/${article.slug}.html`, contents: html, mediaType: 'text/html; charset=utf-8' }];
    },
  };
}

/** The logo as an absolute URL under the URL policy, or none without a site URL. */
function logoUrl(logo: string | undefined, siteUrl: string | undefined): string | undefined {
  if (!logo || !siteUrl) return undefined;
  const checked = checkUrl(logo, { base: siteUrl });
  return 'url' in checked ? checked.url : undefined;
}
