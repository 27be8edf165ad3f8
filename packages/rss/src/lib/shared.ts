import type { Adapter, Article, CollectionRenderContext, OutputFile } from '@syndikit/core';
import type { FeedImage, FeedItem, FeedOptions } from '@syndikit/syndication';
import { type FeedPlan, feedImage, planFeeds, resolveFeedOptions, selectFeedArticles } from '@syndikit/syndication';
import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { shippedStylesheet } from './stylesheet.js';
import { cleanXmlTree, escapeHtml } from './xml-text.js';

/** Options of the `rss` and `atom` formats. */
export interface XmlFeedOptions extends FeedOptions {
  /** Output path of the main feed. Default `feed.xml` (RSS) or `atom.xml` (Atom). */
  path?: string | null;
  /**
   * An XSLT stylesheet for browsers: `true` writes the stylesheet shipped
   * with this package next to the feed and links it; a string links that
   * URL; `false` links none. Default `true`.
   */
  stylesheet?: boolean | string | null;
}

/** The generator named in feeds. */
export const generator = { name: 'syndikit', uri: 'https://www.npmjs.com/package/@syndikit/cli' } as const;

/** Every image of an article that a feed can point at, lead first. */
export function feedImages(article: Readonly<Article>, base: string | undefined): FeedImage[] {
  return article.images.flatMap((image) => feedImage(image, base) ?? []);
}

/** Section, then tags, without repeats. */
export function categoriesOf(article: Readonly<Article>): string[] {
  return [...new Set([...(article.section ? [article.section] : []), ...article.tags])];
}

/**
 * Clean an item's tree of characters XML forbids, warning on the article
 * with the field that lost them.
 */
export function cleanItem(element: Element, item: FeedItem, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(element, (field, count) =>
    context.report(
      item.article,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: 'xml-invalid-character',
      },
    ),
  );
}

/** Clean the channel-level parts (site metadata) the same way, reporting on the collection. */
export function cleanChannel(tree: Root, context: CollectionRenderContext, format: string): void {
  cleanXmlTree(tree, (field, count) =>
    context.report(
      undefined,
      `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML from ${field} in the ${format} feed`,
      {
        ruleId: 'xml-invalid-character',
      },
    ),
  );
}

/**
 * Serialise with every text and attribute escaped, empty elements
 * self-closed, and elements that hold only elements indented.
 *
 * Escapes are chosen for the validators and readers we test against:
 * - in text, hexadecimal references (`&#x26;`, `&#x3C;`), which the RSS
 *   Best Practices Profile (and the W3C validator) ask for in plain text;
 *   xast-util-to-xml writes those already. It leaves `>` alone, but `]]>`
 *   is not allowed in character data, so `>` after `]]` becomes `&#x3E;`;
 * - in attributes, named references (`&amp;`, `&quot;`, `&lt;`), because
 *   some feed readers decode only those there, and URLs with `&` in their
 *   query would break. Start tags are found safely: escaped text never
 *   holds a raw `<`, and attribute values never hold a raw `"`.
 */
export function serialize(tree: Root): string {
  indent(tree, 0);
  const xml = toXml(tree, { closeEmptyElements: true })
    .replaceAll(']]>', ']]&#x3E;')
    .replace(/<[A-Za-z][^\s/>]*(?:\s+[^\s=]+="[^"]*")*\s*\/?>/g, (tag) =>
      tag.replaceAll('&#x26;', '&amp;').replaceAll('&#x22;', '&quot;').replaceAll('&#x3C;', '&lt;'),
    );
  return `${xml}\n`;
}

/**
 * An Atom summary. Plain text is `type="text"`, unless it looks like markup
 * (`<b>`, `&amp;`): the W3C validator flags such a summary as undeclared
 * HTML, so it is written as `type="html"` with the text escaped as HTML,
 * which readers show as the same text. (Titles are not flagged, and stay
 * `type="text"` for readers that do not decode HTML titles.)
 */
export function atomText(name: string, value: string): Element {
  const looksLikeMarkup = /<[/a-zA-Z!?]|&[#a-zA-Z]/.test(value);
  return looksLikeMarkup ? x(name, { type: 'html' }, escapeHtml(value)) : x(name, { type: 'text' }, value);
}

/** Put each child of a container element (one holding only elements) on its own indented line. */
function indent(node: Root | Element, depth: number): void {
  const onlyElements = node.children.length > 0 && node.children.every((child) => child.type === 'element');
  for (const child of node.children) if (child.type === 'element') indent(child, node.type === 'root' ? depth : depth + 1);
  if (node.type === 'root') {
    node.children = node.children.flatMap((child, index) => (index === 0 ? [child] : [{ type: 'text', value: '\n' } as const, child]));
    return;
  }
  if (!onlyElements) return;
  const inner = `\n${'  '.repeat(depth + 1)}`;
  node.children = [
    ...node.children.flatMap((child) => [{ type: 'text', value: inner } as const, child]),
    { type: 'text', value: `\n${'  '.repeat(depth)}` },
  ];
}

/** A relative link from a feed at `from` to a file at the output root named `to`. */
export function relativeToRoot(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

/** The `xml-stylesheet` processing instruction, or nothing. */
export function stylesheetInstruction(href: string | undefined): Root['children'] {
  if (!href) return [];
  return [
    { type: 'instruction', name: 'xml-stylesheet', value: `type="text/xsl" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` },
  ];
}

/** Media RSS `<media:content>` for an image, with its caption as description and its credit. */
export function mediaContent(image: FeedImage): Element {
  const attributes: Record<string, string> = { url: image.url, medium: 'image' };
  if (image.mediaType) attributes.type = image.mediaType;
  if (image.bytes) attributes.fileSize = String(image.bytes);
  if (image.width && image.height) {
    attributes.width = String(image.width);
    attributes.height = String(image.height);
  }
  const children: ElementContent[] = [];
  const description = image.caption ?? image.alt;
  if (description) children.push(x('media:description', { type: 'plain' }, description));
  if (image.credit) children.push(x('media:credit', image.credit));
  return x('media:content', attributes, children);
}

/** What distinguishes the RSS and Atom formats, for {@link xmlFeedAdapter}. */
export interface XmlFeedFormat {
  /** Format name: `rss` or `atom`. */
  name: 'rss' | 'atom';
  /** Name in messages: `RSS`, `Atom`. */
  label: string;
  /** Why the format needs the site URL, for the error message. */
  needsSiteUrl: string;
  /** Main feed's default path. */
  defaultPath: string;
  /** The shipped stylesheet written beside the feeds. */
  stylesheetName: 'rss.xsl' | 'atom.xsl';
  mediaType: string;
  /** The document for one planned feed with at least one item. */
  tree(plan: FeedPlan, context: CollectionRenderContext, options: { hub?: string | undefined; stylesheet?: string | undefined }): Root;
}

/**
 * An RSS or Atom adapter: the site URL check, one document per planned
 * feed (empty feeds are not written), and the stylesheet beside them.
 */
export function xmlFeedAdapter(format: XmlFeedFormat, options?: Readonly<XmlFeedOptions> | null): Adapter {
  const feedOptions = resolveFeedOptions(format.name, options);
  const path = options?.path ?? format.defaultPath;
  const stylesheet = options?.stylesheet ?? true;
  return {
    name: format.name,
    scope: 'collection',
    select: (context) => (context.site.url ? selectFeedArticles(context, feedOptions, path, format.name) : []),
    render(context): OutputFile[] {
      if (!context.site.url) {
        context.report(
          undefined,
          `${format.label} needs the site URL (\`site.url\` in the config, or --site-url): ${format.needsSiteUrl}`,
          {
            ruleId: 'feed-no-site-url',
            severity: 'error',
          },
        );
        return [];
      }
      const outputs: OutputFile[] = [];
      for (const plan of planFeeds(context, feedOptions, path, format.name)) {
        if (plan.items.length === 0) {
          if (plan.kind === 'main')
            context.report(undefined, `No dated articles: the ${format.label} feed is not written`, { ruleId: 'feed-empty' });
          continue;
        }
        const href = stylesheet === true ? relativeToRoot(plan.path, format.stylesheetName) : stylesheet || undefined;
        const tree = format.tree(plan, context, { hub: feedOptions.hub, stylesheet: href });
        outputs.push({ path: plan.path, contents: serialize(tree), mediaType: format.mediaType });
      }
      if (stylesheet === true && outputs.length > 0) {
        const contents = shippedStylesheet(format.stylesheetName);
        outputs.push({ path: format.stylesheetName, contents, mediaType: 'application/xslt+xml; charset=utf-8', asset: true });
      }
      return outputs;
    },
  };
}
