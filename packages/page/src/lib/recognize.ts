/**
 * Content sniffing: whether a text is an HTML page, so that a tool can route
 * an input with a wrong or missing extension (a `.txt` that is a saved page).
 * After the WHATWG MIME Sniffing standard's HTML signatures, made stricter
 * for whole pages: leading white space, a byte order mark, comments
 * (`<!-- saved from url=… -->`) and an XML declaration (an XHTML page's
 * `<?xml version="1.0"?>`, which an HTML parser reads as a comment) are
 * skipped; then the text must start with `<!doctype html`, `<html`, `<head`
 * or `<body`, or carry `<html`/`<body` tags within its first 4 KiB after a
 * bare fragment tag such as `<meta`, or after what a server printed before
 * the page (PHP's `<br />\n<b>Warning</b>: …`, which a browser shows above it).
 */
const pageStart = /^<(?:!doctype\s+html|html|head|body)[\s>/]/iu;
const pageTag = /<(?:html|body)[\s>]/iu;
const fragmentStart = /^<(?:meta|title|link|script|style|div|p|h1|table|!--|br|b)[\s>/]/iu;

/** Whether `text` is an HTML page (not an HTML fragment in prose, not Markdown, not XML). */
export function recognize(text: string): boolean {
  if (typeof text !== 'string') throw new TypeError(`Expected a string for recognize but received ${text === null ? 'null' : typeof text}`);
  let rest = skipComments(text.replace(/^\uFEFF/u, '').trimStart());
  if (rest === undefined) return false;
  // An XHTML page's XML declaration; an XML document (NITF, a feed) has no HTML start after it.
  if (rest.startsWith('<?xml')) {
    const end = rest.indexOf('?>');
    rest = end < 0 ? undefined : skipComments(rest.slice(end + 2).trimStart());
    if (rest === undefined) return false;
  }
  if (pageStart.test(rest)) return true;
  return fragmentStart.test(rest) && pageTag.test(rest.slice(0, 4096));
}

/** The text after its leading comments, bounded so that a hostile run of comments costs little; none when one never ends. */
function skipComments(text: string): string | undefined {
  let rest = text;
  for (let count = 0; count < 16 && rest.startsWith('<!--'); count++) {
    const end = rest.indexOf('-->');
    if (end < 0) return undefined;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}

/**
 * Where the page's own markup starts when a server printed something before it (PHP's `<br />\n<b>Warning</b>: …`
 * above `<!DOCTYPE html>`): 0 for a page that starts as pages do. A browser shows that output above the page; the DOM
 * library (linkedom) loses the page's `<head>` and body after it, so the extractor reads from the page's start. What
 * comes before a doctype or `<html>` is taken for such output only when it holds no element of a head.
 */
export function pageMarkupStart(text: string): number {
  const head = text.slice(0, 4096);
  const start = /<(?:!doctype\s+html|html)[\s>]/iu.exec(head)?.index ?? 0;
  if (start === 0 || /<(?:head|meta|title|link|script|style|base)[\s>/]/iu.test(head.slice(0, start))) return 0;
  return /^\s*(?:\uFEFF\s*)?<(?:br|b)[\s>/]/iu.test(head) ? start : 0;
}
