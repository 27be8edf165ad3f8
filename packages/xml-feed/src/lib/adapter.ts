import type { Adapter, CollectionRenderContext, OutputFile } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import type { FeedOptions, FeedPlan } from '@syndikit/syndication';
import { resolveFeedOptions } from '@syndikit/syndication/options';
import { feedRules } from '@syndikit/syndication/rules';
import { selectFeedArticles } from '@syndikit/syndication/select';
import type { Root } from 'xast';
import { packageVersion } from '../generated/package.js';

/** Options of the `rss` and `atom` formats. */
export interface XmlFeedOptions extends FeedOptions {
  /** Output path of the main feed. Default `feed.xml` (RSS) or `atom.xml` (Atom). */
  path?: string | null;
  /**
   * An XSLT stylesheet for browsers: `true` writes the stylesheet shipped
   * with the format's package next to the feed and links it; a string links
   * that URL; `false` links none. Default `true`.
   */
  stylesheet?: boolean | string | null;
}

/** What distinguishes one XML feed format (RSS, Atom) from another, for {@link xmlFeedAdapter}. */
export interface XmlFeedFormat {
  /** Format name: `rss` or `atom`. */
  name: string;
  /** Name in messages: `RSS`, `Atom`. */
  label: string;
  /** Why the format needs the site URL, for the error message. */
  needsSiteUrl: string;
  /** Main feed's default path. */
  defaultPath: string;
  /** The file name of the shipped stylesheet written beside the feeds (`rss.xsl`, `atom.xsl`). */
  stylesheetName: string;
  mediaType: string;
  /**
   * The format package's version. With it the adapter has a `cacheKey` (this
   * version, xml-feed's and the resolved options), which tells a build that
   * the feeds depend on nothing else, so it may reuse them when no article
   * changed. Optional.
   */
  version?: string;
  /**
   * What writes the format, imported on the first render (once): a rebuild
   * that takes its feeds from the cache never loads it.
   */
  load(): Promise<XmlFeedWriter>;
}

/** What an {@link XmlFeedFormat} loads to write its feeds. */
export interface XmlFeedWriter {
  /** The document for one planned feed with at least one item. */
  tree(plan: FeedPlan, context: CollectionRenderContext, options: { hub?: string | undefined; stylesheet?: string | undefined }): Root;
  /** The shipped stylesheet's text. */
  stylesheet(): string;
}

/**
 * An XML feed adapter: the site URL check, one document per planned feed
 * (empty feeds are not written), and the stylesheet beside them.
 */
export function xmlFeedAdapter(format: XmlFeedFormat, options?: Readonly<XmlFeedOptions> | null): Adapter {
  const feedOptions = resolveFeedOptions(format.name, options);
  const path = options?.path ?? format.defaultPath;
  const stylesheet = options?.stylesheet ?? true;
  let writer: Promise<XmlFeedWriter> | undefined;
  return {
    name: format.name,
    scope: 'collection',
    ...(format.version
      ? { cacheKey: adapterCacheKey(format.name, format.version, { xmlFeed: packageVersion, feedOptions, path, stylesheet }) }
      : {}),
    select: (context) => (context.site.url ? selectFeedArticles(context, feedOptions, path, format.name) : []),
    // What renders the items (bodies to HTML and text) and writes XML loads on the first render: a rebuild
    // that takes the feeds from its cache never loads it. The `syndikit` command imports this module.
    async render(context): Promise<OutputFile[]> {
      if (!context.site.url) {
        context.report(
          undefined,
          `${format.label} needs the site URL (\`site.url\` in the config, or --site-url): ${format.needsSiteUrl}`,
          {
            ruleId: feedRules.noSiteUrl.id,
            severity: 'error',
          },
        );
        return [];
      }
      writer ??= format.load();
      const [{ planFeeds }, { serialize }, { tree, stylesheet: shippedStylesheet }] = await Promise.all([
        import('@syndikit/syndication'),
        import('./serialize.js'),
        writer,
      ]);
      const outputs: OutputFile[] = [];
      for (const plan of planFeeds(context, feedOptions, path, format.name)) {
        if (plan.items.length === 0) {
          if (plan.kind === 'main')
            context.report(undefined, `No dated articles: the ${format.label} feed is not written`, { ruleId: feedRules.empty.id });
          continue;
        }
        const href = stylesheet === true ? relativeToRoot(plan.path, format.stylesheetName) : stylesheet || undefined;
        const document = tree(plan, context, { hub: feedOptions.hub, stylesheet: href });
        outputs.push({ path: plan.path, contents: serialize(document), mediaType: format.mediaType });
      }
      if (stylesheet === true && outputs.length > 0) {
        const contents = shippedStylesheet();
        outputs.push({ path: format.stylesheetName, contents, mediaType: 'application/xslt+xml; charset=utf-8', asset: true });
      }
      return outputs;
    },
  };
}

/** A relative link from a feed at `from` to a file at the output root named `to`. */
export function relativeToRoot(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}
