import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The XSLT stylesheet shipped with this package (`assets/rss.xsl`), which
 * turns an RSS feed into a readable page when opened in a browser.
 */
export function shippedStylesheet(): string {
  cached ??= readFileSync(new URL('../../assets/rss.xsl', import.meta.url), 'utf8');
  return cached;
}
