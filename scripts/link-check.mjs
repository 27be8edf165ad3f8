// A link checker for a build's outputs: every URL that points into the site must be a file the build
// wrote, or a URL the build was given (an article's canonical page, an author's page, the site itself).
// Used by `npm run conformance` over out/ and by packages/amp/test/links.test.ts over a fixture build.
// Markdown output is left out: it is for the site's own generator and keeps the input's image paths.

/** Outputs whose text is scanned for URLs. */
const scanned = /\.(xml|json|html)$/;

/** Absolute http(s) URLs in text: stops at quotes, whitespace, markup and the backslash of a JSON escape. */
const urlPattern = /https?:\/\/[^\s"'<>\\)]+/g;

/**
 * URLs in `text`, each once, with HTML's `&amp;` decoded (a URL in an attribute or XML text is escaped).
 * @param {string} text
 * @returns {string[]}
 */
export function urlsIn(text) {
  return [...new Set((text.match(urlPattern) ?? []).map((url) => url.replace(/&amp;/g, '&').replace(/[.,;]+$/, '')))];
}

/**
 * Every URL under `siteUrl` in the outputs that is neither a written file nor in `given`.
 * @param {ReadonlyMap<string, string | Uint8Array>} outputs path (relative to the output folder) → contents
 * @param {string} siteUrl the site URL outputs are published under, e.g. `https://news.example`
 * @param {Iterable<string>} given URLs the build was given or makes for pages it does not write
 *   (article permalinks, author pages, the site URL); compared without their fragment
 * @returns {{ file: string, url: string }[]} the broken links, in output order
 */
export function brokenLinks(outputs, siteUrl, given) {
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const allowed = new Set([...given].map(withoutFragment));
  const broken = [];
  for (const [file, contents] of outputs) {
    if (!scanned.test(file)) continue;
    const text = typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8');
    for (const url of urlsIn(text)) {
      let parsed;
      try {
        parsed = new URL(url);
      } catch {
        broken.push({ file, url });
        continue;
      }
      if (parsed.origin !== site.origin || !parsed.pathname.startsWith(site.pathname)) continue;
      if (allowed.has(withoutFragment(parsed.href))) continue;
      const path = decodeURIComponent(parsed.pathname.slice(site.pathname.length));
      if (!outputs.has(path)) broken.push({ file, url });
    }
  }
  return broken;
}

/** @param {string} url */
function withoutFragment(url) {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
