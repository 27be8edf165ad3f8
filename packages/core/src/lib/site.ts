import { checkUrl, urlOrPathProblem } from './url-policy.js';

/**
 * Site-level metadata, from the config file's `site:` section.
 */
export interface SiteOptions {
  /** Publication name, used as feed and page titles. Default `'syndikit'`. */
  title?: string | null;
  /** Absolute URL of the site's home page; article URLs are made under it. No default. */
  url?: string | null;
  /** BCP 47 language of the site, used for articles that do not say. Default `'en'`. */
  language?: string | null;
  /** One-line description of the site. No default. */
  description?: string | null;
  /** Copyright line for the site. No default. */
  copyright?: string | null;
  /** URL or content-root path of a square icon. No default. */
  icon?: string | null;
  /** URL or content-root path of the publisher logo (used in structured data). No default. */
  logo?: string | null;
}

/** {@link SiteOptions} with defaults applied. */
export interface Site {
  title: string;
  url?: string;
  language: string;
  description?: string;
  copyright?: string;
  icon?: string;
  logo?: string;
}

/** Defaults for {@link SiteOptions}. */
export const defaultSite: Readonly<Site> = Object.freeze({ title: 'syndikit', language: 'en' });

/**
 * Apply defaults to site options, dropping empty values. `url` must pass the
 * URL policy as an absolute http(s) URL; `icon` and `logo` must pass it
 * against `url` (relative paths need `url`, and are kept relative without).
 *
 * @throws {TypeError} when a URL is refused by the policy (`checkUrl`).
 */
export function resolveSite(options?: Readonly<SiteOptions> | null): Site {
  const site: Site = { ...defaultSite };
  if (!options) return site;
  for (const key of ['title', 'url', 'language', 'description', 'copyright', 'icon', 'logo'] as const) {
    const value = options[key];
    if (typeof value === 'string' && value.trim() !== '') site[key] = value.trim();
  }
  if (site.url) {
    const checked = checkUrl(site.url);
    if ('error' in checked) throw new TypeError(`Expected an absolute http(s) URL for site.url: ${checked.error}`);
    site.url = checked.url.replace(/\/+$/, '');
  }
  for (const key of ['icon', 'logo'] as const) {
    const value = site[key];
    if (value === undefined) continue;
    const problem = urlOrPathProblem(value);
    if (problem) throw new TypeError(`Expected an http(s) URL or a path for site.${key}: ${problem}`);
    // Without a site URL a path stays as it is; it is only used once one is set.
    const checked = checkUrl(value, { base: site.url });
    if ('url' in checked) site[key] = checked.url;
  }
  return site;
}
