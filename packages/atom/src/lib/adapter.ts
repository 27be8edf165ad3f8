/**
 * The `atom` format itself, light to load: what it writes
 * (`atomTree` in `atom.js`, the shipped stylesheet) is imported on the first
 * render, so a rebuild that takes its feeds from the cache never loads it.
 * The `syndikit` command imports this module (`@syndikit/atom/adapter`).
 */
import type { Adapter, CollectionAdapter, CollectionRenderContext, OutputFile } from '@syndikit/core';
import { type XmlFeedOptions, xmlFeedAdapter } from '@syndikit/xml-feed/adapter';
import { packageVersion } from '../generated/package.js';
import type { atomTree } from './atom.js';

/** What {@link atomAdapter} loads on its first render. */
interface Loaded {
  tree: typeof atomTree;
  stylesheet(): string;
}

/**
 * The `atom` format: Atom 1.0 (RFC 4287) at `atom.xml`, and per-section and
 * per-tag feeds when asked.
 */
export function atomAdapter(options?: Readonly<XmlFeedOptions> | null): Adapter {
  let loaded: Loaded | undefined;
  const adapter = xmlFeedAdapter(
    {
      name: 'atom',
      label: 'Atom',
      needsSiteUrl: 'the feed id and links are made from it',
      defaultPath: 'atom.xml',
      stylesheetName: 'atom.xsl',
      stylesheet: () => (loaded as Loaded).stylesheet(),
      mediaType: 'application/atom+xml; charset=utf-8',
      tree: (plan, context, treeOptions) => (loaded as Loaded).tree(plan, context, treeOptions),
      version: packageVersion,
    },
    options,
  ) as CollectionAdapter;
  return {
    ...adapter,
    async render(context: CollectionRenderContext): Promise<OutputFile[]> {
      if (!loaded) {
        const [{ atomTree }, { shippedStylesheet }] = await Promise.all([import('./atom.js'), import('./stylesheet.js')]);
        loaded = { tree: atomTree, stylesheet: shippedStylesheet };
      }
      return adapter.render(context);
    },
  };
}
