/**
 * The `rss` format itself, light to load: what it writes
 * (`rssTree` in `rss.js`, the shipped stylesheet) is imported on the first
 * render, so a rebuild that takes its feeds from the cache never loads it.
 * The `syndikit` command imports this module (`@syndikit/rss/adapter`).
 */
import type { Adapter } from '@syndikit/core';
import { type XmlFeedOptions, xmlFeedAdapter } from '@syndikit/xml-feed/adapter';
import { packageVersion } from '../generated/package.js';

/**
 * The `rss` format: RSS 2.0 at `feed.xml` (and per-section and per-tag
 * feeds when asked), written as an xast tree and serialised by
 * xast-util-to-xml.
 *
 * Not built on the `feed` package: it cannot write `dc:creator` per author,
 * Media RSS, a stylesheet link or a WebSub hub, and it writes a name-only
 * `<author>`, `length="0"` enclosures and the clock as `lastBuildDate`.
 */
export function rssAdapter(options?: Readonly<XmlFeedOptions> | null): Adapter {
  return xmlFeedAdapter(
    {
      name: 'rss',
      label: 'RSS',
      needsSiteUrl: 'every channel must link to its site',
      defaultPath: 'feed.xml',
      stylesheetName: 'rss.xsl',
      mediaType: 'application/rss+xml; charset=utf-8',
      version: packageVersion,
      async load() {
        const [{ rssTree }, { shippedStylesheet }] = await Promise.all([import('./rss.js'), import('./stylesheet.js')]);
        return { tree: rssTree, stylesheet: shippedStylesheet };
      },
    },
    options,
  );
}
