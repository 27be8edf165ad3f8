import { atomXsl } from '../generated/assets.js';

/**
 * The XSLT stylesheet shipped with this package (`assets/atom.xsl`, embedded
 * at build time), which turns an Atom feed into a readable page when opened in a browser.
 */
export function shippedStylesheet(): string {
  return atomXsl;
}
