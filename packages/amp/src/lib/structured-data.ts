import type { Article, Site } from '@syndikit/core';
import { formatDateline, isOrganization } from '@syndikit/core';

/** Publisher details for structured data. */
export interface Publisher {
  name: string;
  /** Absolute URL of the publisher's logo. */
  logo?: string;
  url?: string;
}

/**
 * JSON-LD `NewsArticle` for an article, following Google's article
 * structured-data guidance: headline, images, `datePublished` and
 * `dateModified` with offsets, authors as `Person` with URLs, the
 * publisher with its logo, and the dateline as `dateline` and
 * `locationCreated`.
 *
 * @param images absolute image URLs, lead first
 * @param description plain-text description; default the article's summary
 */
export function newsArticle(
  article: Readonly<Article>,
  site: Readonly<Site>,
  publisher: Publisher,
  images: readonly string[],
  description: string | undefined = article.summary,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: article.url ? { '@type': 'WebPage', '@id': article.url } : undefined,
    headline: article.headline,
    alternativeHeadline: article.subheadline,
    description,
    image: images.length > 0 ? [...images] : undefined,
    datePublished: article.published,
    dateModified: article.updated ?? article.published,
    author:
      article.authors.length > 0
        ? article.authors.map((author) => ({
            '@type': isOrganization(author.name) ? 'Organization' : 'Person',
            name: author.name,
            url: author.url,
          }))
        : undefined,
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publisher.name,
      url: publisher.url,
      logo: publisher.logo ? { '@type': 'ImageObject', url: publisher.logo } : undefined,
    },
    dateline: article.dateline ? formatDateline(article.dateline) : undefined,
    locationCreated: article.dateline?.place ? { '@type': 'Place', name: article.dateline.place } : undefined,
    articleSection: article.section,
    keywords: article.tags.length > 0 ? article.tags.join(', ') : undefined,
    inLanguage: article.language ?? site.language,
    copyrightNotice: article.copyright,
    sourceOrganization: article.source ? { '@type': 'Organization', name: article.source } : undefined,
  };
  return JSON.parse(JSON.stringify(data));
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<` is escaped as
 * `\u003c`, so no `</script>` or `<!--` in the data can end the element.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
