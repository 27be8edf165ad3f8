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
import { toRfc822 } from './dates.js';
import { rssRules } from './rules.js';

const namespaces = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/** An RSS 2.0 document for one planned feed. */
export function rssTree(
  plan: FeedPlan,
  context: CollectionRenderContext,
  options: { hub?: string | undefined; stylesheet?: string | undefined },
): Root {
  const { site } = context;
  const siteUrl = `${site.url}/`;
  const channel: ElementContent[] = [
    x('title', plan.title),
    x('link', siteUrl),
    x('description', plan.description),
    x('language', site.language),
  ];
  if (site.copyright) channel.push(x('copyright', site.copyright));
  if (plan.updated) channel.push(x('lastBuildDate', toRfc822(plan.updated)));
  channel.push(x('generator', generator.name), x('docs', 'https://www.rssboard.org/rss-specification'));
  if (plan.selfUrl) channel.push(x('atom:link', { href: plan.selfUrl, rel: 'self', type: 'application/rss+xml' }));
  if (options.hub) channel.push(x('atom:link', { href: options.hub, rel: 'hub' }));
  if (site.icon) {
    const icon = new URL(site.icon, siteUrl).href;
    channel.push(x('image', [x('url', icon), x('title', plan.title), x('link', siteUrl)]));
  }
  const channelTree: Root = { type: 'root', children: [x('channel', channel)] };
  cleanChannel(channelTree, context, 'rss');
  const channelElement = channelTree.children[0] as Element;
  for (const item of plan.items) {
    // Each item through the build's item cache (at its depth: rss > channel > item): one article changed, one item rendered.
    channelElement.children.push(
      itemNode(context, item, 2, () => {
        const element = rssItem(item, context);
        cleanItem(element, item, context, 'rss');
        return element;
      }),
    );
  }
  return {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      ...stylesheetInstruction(options.stylesheet),
      x('rss', namespaces, [channelElement]),
    ],
  };
}

/** Names as a byline reads them in `language`: "A, B and C", "A, B und C" (Intl.ListFormat). */
function joinNames(names: readonly string[], language: string): string {
  let format: Intl.ListFormat;
  try {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
  } catch {
    format = new Intl.ListFormat('en', { type: 'conjunction' });
  }
  return format.format(names);
}

/** One `<item>`. */
export function rssItem(item: FeedItem, context: CollectionRenderContext): Element {
  const { article } = item;
  const children: ElementContent[] = [x('title', item.title)];
  if (item.link) children.push(x('link', item.link));
  // The id is stable across URL changes; it is not a URL, so not a permalink.
  children.push(x('guid', { isPermaLink: 'false' }, item.id));
  children.push(x('pubDate', toRfc822(item.published)));
  if (item.summary) children.push(x('description', escapeHtml(item.summary)));
  if (item.html) children.push(x('content:encoded', item.html));

  // RSS has one <author>, and it must be an email address: use it only for a
  // single author with an email; otherwise name every author with dc:creator,
  // then all of them in one last dc:creator ("A, B and C"): readers that keep
  // a single author (feedparser keeps the last) then show the whole byline.
  const [only] = article.authors;
  if (article.authors.length === 1 && only?.email) {
    children.push(x('author', `${only.email} (${only.name})`));
  } else {
    for (const author of article.authors) children.push(x('dc:creator', author.name));
    if (article.authors.length > 1)
      children.push(
        x(
          'dc:creator',
          joinNames(
            article.authors.map((author) => author.name),
            article.language ?? context.site.language,
          ),
        ),
      );
    if (article.authors.some((author) => author.email)) {
      context.report(article, 'RSS cannot carry the email addresses of several authors; they are left out of the rss feed', {
        ruleId: rssRules.authorEmailsDropped.id,
      });
    }
  }
  if (article.language !== context.site.language && article.language) children.push(x('dc:language', article.language));
  for (const category of item.categories) children.push(x('category', category));

  const images = feedImages(article, article.url ?? context.site.url);
  const lead = images[0];
  if (lead?.bytes && lead.mediaType) {
    children.push(x('enclosure', { url: lead.url, length: String(lead.bytes), type: lead.mediaType }));
  } else if (lead) {
    context.report(
      article,
      `The lead image ${lead.src} has no known byte length, so it is not an RSS enclosure (it is still in media:content)`,
      {
        ruleId: rssRules.enclosureUnknownLength.id,
      },
    );
  }
  for (const image of images) children.push(mediaContent(image));
  return x('item', children);
}
