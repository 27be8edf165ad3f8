import type { Article, ArticleImage, CollectionRenderContext, ReportOptions } from '@syndikit/core';
import {
  bodyToHast,
  embedsToLinks,
  hastToHtml,
  hastToText,
  plainTextField,
  publishedImage,
  summarize,
  withoutFootnotes,
} from '@syndikit/html';
import { defaultFeedOptions } from './options.js';
import { feedRules } from './rules.js';

/** One article as a feed item: what every feed format writes for it. */
export interface FeedItem {
  article: Readonly<Article>;
  /**
   * The item's id (RSS `guid`, Atom `id`, JSON Feed `id`), unique in every
   * feed of a build: the article's id, or one derived from it and the slug
   * when an earlier-published article has the same id (see `planFeeds`).
   */
  id: string;
  /** The headline as plain text: inline HTML tags removed (with an `html-markup-in-text` warning). */
  title: string;
  /** Section, then tags, as plain text, each once. */
  categories: string[];
  /** Canonical URL, if the article has one. */
  link: string | undefined;
  /** When first published: `published`, else `updated`. RFC 3339. */
  published: string;
  /** When last changed: `updated`, else `published`. RFC 3339. */
  updated: string;
  /**
   * Sanitised body HTML with absolute URLs, or `undefined` without full
   * content or when it is over `maxContentBytes`.
   */
  html: string | undefined;
  /** The body as plain text. */
  text: string;
  /** Plain-text summary: the article's, else the start of the body. */
  summary: string;
  /** The lead image with an absolute URL, if it has one. */
  image: FeedImage | undefined;
}

/** An image as a feed carries it: absolute URL and what is known of it. */
export interface FeedImage extends ArticleImage {
  /** Absolute http(s) URL. */
  url: string;
}

/**
 * Render an article for feeds: body through the project's mdast → hast →
 * sanitised HTML path (embeds become links: feed readers drop frames),
 * plain text, summary, lead image. Problems are reported on the article.
 *
 * @param fullContent whether the item carries the body's HTML.
 * @param [maxContentBytes=1_000_000] largest HTML (UTF-8 bytes) an item
 *   carries; over it the item has the summary only and a
 *   `feed-item-content-too-large` warning says so.
 */
export function feedItem(
  article: Readonly<Article>,
  context: Pick<CollectionRenderContext, 'report' | 'site'>,
  fullContent: boolean,
  maxContentBytes: number = defaultFeedOptions.maxContentBytes,
): FeedItem | undefined {
  const dates = itemDates(article);
  if (!dates) return undefined;
  const [published, updated] = dates;
  const content = feedContent(article, context);
  const { text } = content;
  let html = fullContent ? content.html : undefined;
  if (html !== undefined) {
    const bytes = Buffer.byteLength(html);
    if (bytes > maxContentBytes) {
      html = undefined;
      context.report(
        article,
        `Full content is ${bytes} bytes of HTML, over the feed item limit of ${maxContentBytes}; the item carries the summary only`,
        { ruleId: feedRules.itemContentTooLarge.id },
      );
    }
  }
  const leadImage = article.images[0];
  const plain = plainFields(article, context);
  return {
    article,
    id: article.id,
    title: plain.title,
    categories: plain.categories,
    link: article.url,
    published,
    updated,
    html,
    text,
    // Never empty: validators warn about entries without any text.
    summary: article.summary ?? (summarize(content.summaryText) || article.subheadline || article.headline),
    image: leadImage ? feedImage(leadImage, article.url ?? context.site.url) : undefined,
  };
}

/**
 * {@link feedItem}, rendered when first read: the article, id, link and
 * dates are there at once, the rest (content, text, summary, headline and
 * categories as plain text, image) is rendered, with its reports, the first
 * time any of it is read. A writer that takes an item from its cache
 * (`renderItem`) never reads it, so the body is never rendered; one that
 * renders it reports what `feedItem` would, in the same order, inside the
 * item's render, where the cache keeps it.
 */
export function lazyFeedItem(
  article: Readonly<Article>,
  context: Pick<CollectionRenderContext, 'report' | 'site'>,
  fullContent: boolean,
  maxContentBytes: number = defaultFeedOptions.maxContentBytes,
): FeedItem | undefined {
  const dates = itemDates(article);
  if (!dates) return undefined;
  const [published, updated] = dates;
  let full: FeedItem | undefined;
  const rendered = (): FeedItem => {
    full ??= feedItem(article, context, fullContent, maxContentBytes) as FeedItem;
    return full;
  };
  return {
    article,
    id: article.id,
    link: article.url,
    published,
    updated,
    get title() {
      return rendered().title;
    },
    get categories() {
      return rendered().categories;
    },
    get html() {
      return rendered().html;
    },
    get text() {
      return rendered().text;
    },
    get summary() {
      return rendered().summary;
    },
    get image() {
      return rendered().image;
    },
  };
}

/** An item's published and updated dates, each standing in for the other; `undefined` when the article has neither. */
function itemDates(article: Readonly<Article>): [string, string] | undefined {
  const published = article.published ?? article.updated;
  const updated = article.updated ?? article.published;
  return published && updated ? [published, updated] : undefined;
}

/** Headline and categories without markup, each field that had some reported once. */
function plainFields(
  article: Readonly<Article>,
  context: Pick<CollectionRenderContext, 'report'>,
): { title: string; categories: string[] } {
  const report = (reason: string, options: ReportOptions) => context.report(article, reason, options);
  const plain = (field: string, value: string): string => plainTextField(value, field, report);
  const categories = [...(article.section ? [plain('section', article.section)] : []), ...article.tags.map((tag) => plain('tag', tag))];
  return { title: plain('headline', article.headline), categories: [...new Set(categories.filter(Boolean))] };
}

interface FeedContent {
  html: string | undefined;
  text: string;
  /** The text without footnote markers and notes, for the summary. */
  summaryText: string;
}

/**
 * Rendered content by article object. RSS, Atom and JSON Feed all carry
 * the same HTML, so an article is rendered once per build, not once per
 * format. Weak keys: the entries go with the articles, and a new build
 * (new article objects) never sees an old one.
 */
const rendered = new WeakMap<Readonly<Article>, FeedContent>();

function feedContent(article: Readonly<Article>, context: Pick<CollectionRenderContext, 'report' | 'site'>): FeedContent {
  const cached = rendered.get(article);
  if (cached) return cached;
  const tree = bodyToHast(article.body, {
    base: article.url ?? context.site.url ?? null,
    absoluteFragments: true,
    images: article.images,
    transforms: [embedsToLinks],
    report: (reason, options) => context.report(article, reason, options),
  });
  const content = {
    html: tree ? hastToHtml(tree) : undefined,
    text: tree ? hastToText(tree) : '',
    summaryText: tree ? hastToText(withoutFootnotes(tree)) : '',
  };
  rendered.set(article, content);
  return content;
}

/**
 * The image a feed should point at: the largest JPEG, PNG or GIF rendition
 * when an image adapter made some (every feed reader shows those), else the
 * source when it is a remote URL the input gave. A source under the content
 * root without renditions is not a published file, so the item has no image.
 */
export function feedImage(image: Readonly<ArticleImage>, base: string | undefined): FeedImage | undefined {
  const published = publishedImage(image, base);
  if (!published) return undefined;
  const result: FeedImage = { ...image, url: published.url };
  delete result.width;
  delete result.height;
  delete result.mediaType;
  delete result.bytes;
  if (published.width !== undefined && published.height !== undefined) {
    result.width = published.width;
    result.height = published.height;
  }
  if (published.mediaType) result.mediaType = published.mediaType;
  if (published.bytes !== undefined) result.bytes = published.bytes;
  return result;
}
