import type { Article, ArticleImage, Site } from '@syndikit/core';
import { formatDateline } from '@syndikit/core';
import { bodyToHast, type PublishedImage, plainTextField, publishedImage, type Reporter, summarizeTree } from '@syndikit/html';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Handlers } from 'mdast-util-to-hast';
import { boilerplateCss, extensionUrl, maxCustomCssBytes, noscriptBoilerplateCss, runtimeUrl, viewport } from './boilerplate.js';
import { type Extensions, toAmpComponents } from './components.js';
import { displayDate, updatedLabel } from './dates.js';
import { direction } from './direction.js';
import { ampRules } from './rules.js';
import { ampSchema } from './schema.js';
import { jsonForScript, newsArticle, type Publisher } from './structured-data.js';
import { cssBytes } from './theme.js';
import { smartQuotes } from './typography.js';

/** What a page needs beyond the article. */
export interface PageSettings {
  site: Readonly<Site>;
  css: string;
  publisher: Publisher;
  handlers?: Handlers | undefined;
  report: Reporter;
}

/**
 * One AMP page for an article, as a hast tree serialised by
 * hast-util-to-html. Returns `undefined` after reporting an error when no
 * valid page can be made (no canonical URL, a body that fails, CSS over the limit).
 */
export function ampPage(source: Readonly<Article>, settings: PageSettings): string | undefined {
  const { site, report } = settings;
  const article = withPlainFields(source, report);
  if (!article.url) {
    report('AMP pages need a canonical URL: set `site.url` (or --site-url), or give the article a `url`', {
      rule: ampRules.noCanonical,
      severity: 'error',
    });
    return undefined;
  }
  const bytes = cssBytes(settings.css);
  if (bytes > maxCustomCssBytes) {
    report(`The page's CSS is ${bytes} bytes, over AMP's limit of ${maxCustomCssBytes}`, {
      rule: ampRules.cssTooLarge,
      severity: 'error',
    });
    return undefined;
  }

  const extensions: Extensions = new Set();
  const context = { images: article.images, extensions, report };
  const language = article.language ?? site.language;
  // Readers see typographic quotes in their language where the source typed straight ones.
  const body = bodyToHast(smartQuotes(article.body, language), {
    base: article.url,
    images: article.images,
    schema: ampSchema,
    handlers: settings.handlers ?? null,
    after: [(tree) => toAmpComponents(tree, context)],
    report,
  });
  if (!body) return undefined;

  const lead = leadFigure(article, context);
  // Only files the build writes (renditions) or remote images the input gave: never the unprocessed source.
  const published = article.images.flatMap((image) => publishedImage(image, article.url) ?? []);
  const imageUrls = structuredDataImages(article);
  checkLeadWidth(article.images[0], report);
  // Every page gets a description: the article's summary, else the start of its body (as feeds do).
  const description = article.summary ?? (summarizeTree(body) || article.subheadline || undefined);
  const structured = newsArticle(article, site, settings.publisher, imageUrls, description);

  const head: ElementContent[] = [
    h('meta', { charSet: 'utf-8' }),
    h('script', { async: true, src: runtimeUrl }),
    ...[...extensions].sort().map((name) => h('script', { async: true, 'custom-element': name, src: extensionUrl(name) })),
    h('title', article.headline),
    h('link', { rel: 'canonical', href: article.url }),
    h('meta', { name: 'viewport', content: viewport }),
    ...metaTags(article, site, language, description, published[0], article.images[0]),
    h('script', { type: 'application/ld+json' }, jsonForScript(structured)),
    h('style', { 'amp-boilerplate': true }, boilerplateCss),
    h('noscript', [h('style', { 'amp-boilerplate': true }, noscriptBoilerplateCss)]),
    h('style', { 'amp-custom': true }, settings.css),
  ];

  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { '⚡': true, lang: language, dir: direction(language) }, [
        h('head', head),
        h('body', [
          h('header', { className: ['site'] }, [site.url ? h('a', { href: `${site.url}/` }, site.title) : h('span', site.title)]),
          h('main', [
            h('article', [
              articleHeader(article, language),
              ...(lead ? [lead] : []),
              h('div', { className: ['body'] }, body.children),
              articleFooter(article),
            ]),
          ]),
        ]),
      ]),
    ],
  };
  return `${toHtml(page, { allowDangerousCharacters: false })}\n`;
}

/**
 * The article with its plain-text fields (headline, deck, section, tags)
 * free of inline HTML tags, each that had some reported once: `<title>`,
 * `<h1>`, Open Graph and the JSON-LD headline are text, where a tag would
 * show as `<b>` or be read as part of the name.
 */
function withPlainFields(article: Readonly<Article>, report: Reporter): Readonly<Article> {
  const plain = (field: string, value: string) => plainTextField(value, field, report);
  return {
    ...article,
    headline: plain('headline', article.headline),
    subheadline: article.subheadline === undefined ? undefined : plain('subheadline', article.subheadline),
    section: article.section === undefined ? undefined : plain('section', article.section),
    tags: [...new Set(article.tags.map((tag) => plain('tag', tag)).filter(Boolean))],
  };
}

/**
 * The images NewsArticle lists: the lead photo's 16:9, 4:3 and 1:1 crops
 * when the images format made them (Google's article guidance asks for
 * these ratios, at least 1,200 px wide), else its widest rendition or the
 * remote URL the input gave; then the other images the same way. Only files
 * the build writes or remote images the input gave, never the unprocessed source.
 */
function structuredDataImages(article: Readonly<Article>): string[] {
  return article.images.flatMap((image, index) => {
    const crops = index === 0 ? (image.crops ?? []).flatMap((crop) => absolute(crop.src, article.url) ?? []) : [];
    if (crops.length > 0) return crops;
    const published = publishedImage(image, article.url);
    return published ? [published.url] : [];
  });
}

/**
 * Google shows large previews (Discover, Top stories) only for a lead image at least 1,200 px wide. The
 * photo's own width is what counts (renditions are never wider; their widths are the site's choice);
 * a remote photo of unknown size is not judged.
 */
function checkLeadWidth(lead: Readonly<ArticleImage> | undefined, report: Reporter): void {
  if (lead?.width && lead.width < 1200)
    report(`The lead photo is ${lead.width} px wide; large previews in search and social need at least 1,200 px`, {
      rule: ampRules.leadImageSmall,
    });
}

function articleHeader(article: Readonly<Article>, language: string): Element {
  const children: ElementContent[] = [];
  if (article.section) children.push(h('p', { className: ['section'] }, article.section));
  children.push(h('h1', article.headline));
  if (article.subheadline) children.push(h('p', { className: ['subheadline'] }, article.subheadline));
  if (article.authors.length > 0) {
    const names: ElementContent[] = [];
    article.authors.forEach((author, index) => {
      if (index > 0) names.push({ type: 'text', value: index === article.authors.length - 1 ? ' & ' : ', ' });
      names.push(author.url ? h('a', { href: author.url, rel: 'author' }, author.name) : h('span', author.name));
    });
    children.push(h('p', { className: ['byline'] }, names));
  }
  const meta: ElementContent[] = [];
  if (article.dateline) meta.push(h('span', { className: ['dateline'] }, formatDateline(article.dateline)), { type: 'text', value: ' ' });
  if (article.published) meta.push(h('time', { dateTime: article.published }, displayDate(article.published, language)));
  if (article.updated && article.updated !== article.published) {
    meta.push(
      { type: 'text', value: ' · ' },
      h(
        'time',
        { dateTime: article.updated, className: ['updated'] },
        `${updatedLabel(language)} ${displayDate(article.updated, language)}`,
      ),
    );
  }
  if (meta.length > 0) children.push(h('p', { className: ['meta'] }, meta));
  return h('header', children);
}

function articleFooter(article: Readonly<Article>): Element {
  const children: ElementContent[] = [];
  if (article.tags.length > 0)
    children.push(
      h(
        'ul',
        { className: ['tags'] },
        article.tags.map((tag) => h('li', tag)),
      ),
    );
  for (const note of article.notes ?? []) children.push(h('p', { className: ['note'] }, note));
  if (article.copyright) children.push(h('p', { className: ['copyright'] }, article.copyright));
  return h('footer', children);
}

/** The lead image as a figure, unless the body already shows it. */
function leadFigure(article: Readonly<Article>, context: Parameters<typeof toAmpComponents>[1]): Element | undefined {
  const image: ArticleImage | undefined = article.images[0];
  if (!image || article.body.children.some((node) => node.type === 'figure' && node.url === image.src)) return undefined;
  const caption: ElementContent[] = [];
  if (image.caption) caption.push({ type: 'text', value: image.caption });
  if (image.credit) caption.push({ type: 'text', value: ' ' }, h('small', { className: ['credit'] }, image.credit));
  // The source's own URL: ampImage finds the image by it and points at its renditions when there are some.
  const src = publishedImage(image, article.url) ? absolute(image.src, article.url) : undefined;
  if (!src && caption.length === 0) return undefined;
  const figure = h('figure', { className: ['lead'] }, [
    ...(src ? [h('img', { src, alt: image.alt ?? image.caption ?? '', width: image.width, height: image.height })] : []),
    ...(caption.length > 0 ? [h('figcaption', caption)] : []),
  ]);
  const wrapper: Root = { type: 'root', children: [figure] };
  toAmpComponents(wrapper, context);
  return wrapper.children[0] as Element;
}

/** Open Graph's `og:locale` (`language_TERRITORY`, e.g. `de_DE`) for a BCP 47 tag, by likely subtags. */
export function ogLocale(language: string): string | undefined {
  if (ogLocales.has(language)) return ogLocales.get(language);
  let found: string | undefined;
  try {
    const locale = new Intl.Locale(language).maximize();
    found = locale.region ? `${locale.language}_${locale.region}` : undefined;
  } catch {
    found = undefined;
  }
  ogLocales.set(language, found);
  return found;
}

/** `og:locale` by language tag: a build has a handful of languages, and maximising a locale costs more than the page's other metadata. */
const ogLocales = new Map<string, string | undefined>();

function metaTags(
  article: Readonly<Article>,
  site: Readonly<Site>,
  language: string,
  description: string | undefined,
  lead: PublishedImage | undefined,
  leadSource: Readonly<ArticleImage> | undefined,
): Element[] {
  const image = lead?.url;
  const tags: Element[] = [];
  if (description) tags.push(h('meta', { name: 'description', content: description }));
  tags.push(
    h('meta', { property: 'og:type', content: 'article' }),
    h('meta', { property: 'og:title', content: article.headline }),
    h('meta', { property: 'og:url', content: article.url }),
    h('meta', { property: 'og:site_name', content: site.title }),
  );
  const locale = ogLocale(language);
  if (locale) tags.push(h('meta', { property: 'og:locale', content: locale }));
  if (description) tags.push(h('meta', { property: 'og:description', content: description }));
  if (lead) {
    tags.push(h('meta', { property: 'og:image', content: lead.url }));
    if (lead.width && lead.height)
      tags.push(
        h('meta', { property: 'og:image:width', content: String(lead.width) }),
        h('meta', { property: 'og:image:height', content: String(lead.height) }),
      );
    const alt = leadSource?.alt ?? leadSource?.caption;
    if (alt) tags.push(h('meta', { property: 'og:image:alt', content: alt }));
  }
  if (article.published) tags.push(h('meta', { property: 'article:published_time', content: article.published }));
  if (article.updated) tags.push(h('meta', { property: 'article:modified_time', content: article.updated }));
  // article:author is a profile URL where there is one, else the name (what Facebook and others show).
  for (const author of article.authors) tags.push(h('meta', { property: 'article:author', content: author.url ?? author.name }));
  if (article.section) tags.push(h('meta', { property: 'article:section', content: article.section }));
  for (const tag of article.tags) tags.push(h('meta', { property: 'article:tag', content: tag }));
  tags.push(
    h('meta', { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' }),
    h('meta', { name: 'twitter:title', content: article.headline }),
  );
  if (description) tags.push(h('meta', { name: 'twitter:description', content: description }));
  if (image) tags.push(h('meta', { name: 'twitter:image', content: image }));
  return tags;
}

function absolute(src: string, base: string | undefined): string | undefined {
  try {
    const url = new URL(src, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
