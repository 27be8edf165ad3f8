/**
 * The site's own name, to tell it from a headline's words and from an
 * author's name: a title ends in it (`Story | Acme Daily`), and pages name
 * the site or its host as the author (`meta author="acme.example"`).
 */
import type { PageMetadata } from './metadata.js';

/** Separators between a headline and the site's name or section in a title: `|`, `-`, `–`, `—`, `»`, `·`, `/`, `::`, `:`. */
const separator = /\s+(?:[|–—»«·•/\\-]|::|-{2})\s+|\s*[|»«]\s*|:\s+/gu;

/** The title's parts between separators, with their places in it. */
export function splitParts(title: string): Array<{ start: number; end: number; text: string }> {
  const parts: Array<{ start: number; end: number; text: string }> = [];
  let start = 0;
  for (const match of title.matchAll(separator)) {
    parts.push({ start, end: match.index, text: title.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  parts.push({ start, end: title.length, text: title.slice(start) });
  return parts.filter((part) => part.text.trim() !== '');
}

/**
 * The names a site goes by: `og:site_name`, `application-name`, the JSON-LD publisher (without the parts a heading
 * of the page prints: a CMS may put the page's title there), and its host name without `www.` (`lastampa.it` → `lastampa`, `lastampait`), each squashed to letters and
 * digits.
 */
export function siteNames(metadata: Pick<PageMetadata, 'siteNames' | 'url' | 'headings'>): string[] {
  // A CMS may fill `og:site_name` or `application-name` with the page's whole title (`Story - Site`): the parts
  // of it that the page's headings print are the story's, not the site's.
  // Headings of four words or more: a logo printed as an `<h1>` is the site's name itself.
  const headings = metadata.headings.filter((heading) => heading.split(/\s+/u).length >= 4).map(squash);
  const names = metadata.siteNames.flatMap((name) => {
    const parts = splitParts(name).map((part) => squash(part.text));
    const own = parts.filter((part) => !headings.some((heading) => heading.includes(part)));
    return own.length === parts.length ? [squash(name)] : own;
  });
  const url = metadata.url?.value;
  if (url) {
    try {
      const host = new URL(url).hostname.replace(/^www\d*\./u, '');
      names.push(squash(host), squash(host.replace(/\.[a-z]+$/u, '')));
    } catch {
      // A URL that does not parse names no site.
    }
  }
  return [...new Set(names.filter((name) => name.length >= 4))];
}

/**
 * Whether a title part is the site's name: the same letters as one of its names, or one of them with a little more
 * around it (`Lebensmittelpraxis.de`, `Acme News Online`); a headline that merely mentions the site is longer.
 */
export function isSiteName(text: string, names: readonly string[]): boolean {
  const own = squash(text);
  if (own.length < 3) return false;
  return names.some(
    (name) => own === name || (name.includes(own) && own.length >= 4) || (own.includes(name) && own.length <= name.length * 1.6 + 3),
  );
}

/** Lowercase letters and digits only, umlauts as two letters and other accents dropped, so `Rütter` is `ruetter`. */
function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/gu, 'ae')
    .replace(/ö/gu, 'oe')
    .replace(/ü/gu, 'ue')
    .replace(/ß/gu, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/gu, '');
}
