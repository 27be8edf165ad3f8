/**
 * The `atom` format itself, light to load: what it writes
 * (`atomTree` in `atom.js`, the shipped stylesheet) is imported on the first
 * render, so a rebuild that takes its feeds from the cache never loads it.
 * The `syndikit` command imports this module (`@syndikit/atom/adapter`).
 */
import type { Adapter } from '@syndikit/core';
import { type XmlFeedOptions, xmlFeedAdapter } from '@syndikit/xml-feed/adapter';
import { packageVersion } from '../generated/package.js';

/**
 * The `atom` format: Atom 1.0 (RFC 4287) at `atom.xml`, and per-section and
 * per-tag feeds when asked.
 */
export function atomAdapter(options?: Readonly<XmlFeedOptions> | null): Adapter {
  return xmlFeedAdapter(
    {
      name: 'atom',
      label: 'Atom',
      needsSiteUrl: 'the feed id and links are made from it',
      defaultPath: 'atom.xml',
      stylesheetName: 'atom.xsl',
      mediaType: 'application/atom+xml; charset=utf-8',
      version: packageVersion,
      async load() {
        const [{ atomTree }, { shippedStylesheet }] = await Promise.all([import('./atom.js'), import('./stylesheet.js')]);
        return { tree: atomTree, stylesheet: shippedStylesheet };
      },
    },
    options,
  );
}
