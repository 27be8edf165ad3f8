/**
 * The one URL policy every URL entering syndikit goes through: article URLs
 * and author URLs from any input format, and site, permalink, hub and logo
 * URLs from the config. Whatever passes is written into feeds, AMP pages,
 * JSON Feed and ninjs as it is, so nothing but an absolute http(s) URL may
 * pass: `javascript:`, `data:`, `vbscript:` (in any case, with any leading
 * space or control character), scheme-relative `//host` and bare paths with
 * no site URL to resolve them against are refused.
 *
 * Parsing is the WHATWG URL parser's (Node's `URL`), the one browsers and
 * feed readers use, so what we check is what they will see.
 */

/** Options for {@link checkUrl}. */
export interface UrlPolicyOptions {
  /**
   * Absolute http(s) URL that relative references (`/news/x/`, `x/`) are
   * resolved against, normally the site URL. Without it, relative references
   * are refused. Default: none.
   */
  base?: string | null;
  /**
   * What to do with a scheme-relative `//host/x`: `'refuse'` it (the editor
   * should say which scheme), or read it as `'https'`, for image references
   * copied from pages, which use the form for CDNs. Default `'refuse'`.
   */
  schemeRelative?: 'refuse' | 'https';
}

/** What {@link checkUrl} decided: the absolute URL to write, or why the value is refused. */
export type UrlCheck = { url: string } | { error: string };

/** Schemes allowed to reach an output. */
const allowedProtocols = new Set(['http:', 'https:']);

/**
 * Check `value` against the URL policy.
 *
 * @returns `{ url }`, the absolute http(s) URL as serialised by the WHATWG
 *   parser (so `HTTPS://Example.com` becomes `https://example.com/`), or
 *   `{ error }`, a sentence saying why it is refused and what to write.
 */
export function checkUrl(value: string, options?: Readonly<UrlPolicyOptions> | null): UrlCheck {
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  // What the URL parser would strip or ignore, checked first so that no
  // control character can hide a scheme or a host from the checks below.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u.test(value)) {
    return { error: `URL ${shown} contains control or invisible characters` };
  }
  const trimmed = value.trim();
  if (trimmed === '') return { error: 'URL is empty' };
  // The parser reads `\` as `/` in http(s) URLs, so `/\host` is scheme-relative too.
  if (/^[/\\]{2}/.test(trimmed)) {
    if (options?.schemeRelative !== 'https') {
      return { error: `URL ${shown} is scheme-relative (it starts with //); write it with https://` };
    }
    return checkUrl(`https:${trimmed}`);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  let parsed: URL | null;
  if (scheme !== undefined) {
    if (!allowedProtocols.has(`${scheme.toLowerCase()}:`)) {
      return { error: `URL ${shown} uses the scheme \`${scheme.toLowerCase()}:\`; only http and https URLs are published` };
    }
    parsed = URL.parse(trimmed);
  } else {
    const base = options?.base;
    if (!base) {
      return {
        error: `URL ${shown} is relative and there is no site URL to resolve it against; set site.url or write an absolute https:// URL`,
      };
    }
    parsed = URL.parse(trimmed, base.endsWith('/') ? base : `${base}/`);
  }
  if (!parsed || !allowedProtocols.has(parsed.protocol)) return { error: `URL ${shown} is not a valid http(s) URL` };
  if (parsed.hostname === '') return { error: `URL ${shown} has no host` };
  if (parsed.username !== '' || parsed.password !== '') {
    return { error: `URL ${shown} carries a user name or password; credentials are never published` };
  }
  return { url: parsed.href };
}

/**
 * Check a value that may be an absolute http(s) URL or a path to be resolved
 * later against the site URL (a logo, an icon): refused for the same reasons
 * as {@link checkUrl}, except that a relative path is fine without a base.
 *
 * @returns a sentence saying what is wrong, or `undefined` when it is fine.
 */
export function urlOrPathProblem(value: string): string | undefined {
  const checked = checkUrl(value, { base: 'https://site.invalid/' });
  return 'error' in checked ? checked.error : undefined;
}

/**
 * Check a permalink pattern (`/{slug}/`, `/news/{slug}.html`): a path under
 * the site URL, never a URL of its own, so that the canonical URL of every
 * article stays on the site.
 *
 * @returns a sentence saying what is wrong, or `undefined` when it is fine.
 */
export function permalinkProblem(permalink: string): string | undefined {
  if (!permalink.includes('{slug}') && !permalink.includes('{path}')) {
    return `Expected a permalink pattern containing {slug} or {path} but received ${JSON.stringify(permalink)}`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f\\]/u.test(permalink) || !permalink.startsWith('/') || permalink.startsWith('//')) {
    return `Expected a permalink path starting with a single / (such as /news/{slug}/) but received ${JSON.stringify(permalink)}`;
  }
  return undefined;
}
