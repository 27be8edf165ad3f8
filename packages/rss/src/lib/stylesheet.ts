import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/**
 * The XSLT stylesheet shipped with this package (`assets/<name>`), which
 * turns a feed into a readable page when opened in a browser.
 */
export function shippedStylesheet(name: 'rss.xsl' | 'atom.xsl'): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../../assets/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}
