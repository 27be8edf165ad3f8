import { rssXsl } from '../generated/assets.js';

/**
 * The XSLT stylesheet shipped with this package (`assets/rss.xsl`, embedded
 * at build time), which turns an RSS feed into a readable page when opened in a browser.
 */
export function shippedStylesheet(): string {
  return rssXsl;
}
