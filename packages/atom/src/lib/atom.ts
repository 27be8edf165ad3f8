import type { CollectionRenderContext } from '@syndikit/core';
import type { FeedItem, FeedPlan } from '@syndikit/syndication';
import {
  cleanChannel,
  cleanItem,
  escapeHtml,
  feedImages,
  generator,
  itemNode,
  mediaContent,
  stylesheetInstruction,
} from '@syndikit/xml-feed';
import type { Element, ElementContent, Root } from 'xast';
import { x } from 'xastscript';

/** An Atom document for one planned feed with at least one item. */
export function atomTree(
  plan: FeedPlan,
  context: CollectionRenderContext,
  options: { hub?: string | undefined; stylesheet?: string | undefined },
): Root {
  const { site } = context;
  const siteUrl = `${site.url}/`;
  const children: ElementContent[] = [
    x('id', plan.selfUrl ?? siteUrl),
    x('title', { type: 'text' }, plan.title),
    x('subtitle', { type: 'text' }, plan.description),
    x('updated', plan.updated as string),
    x('link', { rel: 'alternate', type: 'text/html', href: siteUrl }),
  ];
  if (plan.selfUrl) children.push(x('link', { rel: 'self', type: 'application/atom+xml', href: plan.selfUrl }));
  if (options.hub) children.push(x('link', { rel: 'hub', href: options.hub }));
  if (site.copyright) children.push(x('rights', { type: 'text' }, site.copyright));
  children.push(x('generator', { uri: generator.uri }, generator.name));
  if (site.icon) children.push(x('icon', new URL(site.icon, siteUrl).href));
  if (site.logo) children.push(x('logo', new URL(site.logo, siteUrl).href));
  // Atom requires an author on every entry; entries without one inherit the feed's.
  if (plan.items.some((item) => item.article.authors.length === 0)) children.push(x('author', [x('name', site.title)]));

  const feed = x(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': 'http://search.yahoo.com/mrss/', 'xml:lang': site.language },
    children,
  );
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      ...stylesheetInstruction(options.stylesheet),
      feed,
    ],
  };
  cleanChannel(tree, context, 'atom');
  for (const item of plan.items) {
    // Each entry through the build's item cache (at its depth: feed > entry): one article changed, one entry rendered.
    feed.children.push(
      itemNode(context, item, 1, () => {
        const entry = atomEntry(item, context);
        cleanItem(entry, item, context, 'atom');
        return entry;
      }),
    );
  }
  return tree;
}

/** One `<entry>`. */
export function atomEntry(item: FeedItem, context: CollectionRenderContext): Element {
  const { article } = item;
  const children: ElementContent[] = [x('id', item.id), x('title', { type: 'text' }, item.title)];
  if (item.link) children.push(x('link', { rel: 'alternate', type: 'text/html', href: item.link }));
  children.push(x('published', item.published), x('updated', item.updated));
  for (const author of article.authors) {
    const person: ElementContent[] = [x('name', author.name)];
    if (author.url) person.push(x('uri', author.url));
    if (author.email) person.push(x('email', author.email));
    children.push(x('author', person));
  }
  for (const category of item.categories) children.push(x('category', { term: category }));
  if (item.summary) children.push(atomText('summary', item.summary));
  if (item.html) children.push(x('content', { type: 'html' }, item.html));
  else if (!item.link) children.push(x('content', { type: 'text' }, item.text));

  const images = feedImages(article, article.url ?? context.site.url);
  const lead = images[0];
  if (lead?.bytes && lead.mediaType)
    children.push(x('link', { rel: 'enclosure', type: lead.mediaType, length: String(lead.bytes), href: lead.url }));
  for (const image of images) children.push(mediaContent(image));
  const attributes: Record<string, string> = {};
  if (article.language && article.language !== context.site.language) attributes['xml:lang'] = article.language;
  return x('entry', attributes, children);
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
