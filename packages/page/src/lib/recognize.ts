/**
 * Content sniffing: whether a text is an HTML page, so that a tool can route
 * an input with a wrong or missing extension (a `.txt` that is a saved page).
 * After the WHATWG MIME Sniffing standard's HTML signatures, made stricter
 * for whole pages: leading white space, a byte order mark and comments
 * (`<!-- saved from url=… -->`) are skipped; then the text must start with
 * `<!doctype html`, `<html`, `<head` or `<body`, or carry `<html`/`<body`
 * tags within its first 4 KiB after a bare fragment tag such as `<meta`.
 */
const pageStart = /^<(?:!doctype\s+html|html|head|body)[\s>/]/iu;
const pageTag = /<(?:html|body)[\s>]/iu;
const fragmentStart = /^<(?:meta|title|link|script|style|div|p|h1|table|!--)[\s>/]/iu;

/** Whether `text` is an HTML page (not an HTML fragment in prose, not Markdown, not XML). */
export function recognize(text: string): boolean {
  if (typeof text !== 'string') throw new TypeError(`Expected a string for recognize but received ${text === null ? 'null' : typeof text}`);
  let rest = text.replace(/^\uFEFF/u, '').trimStart();
  // Skip leading comments, bounded so that a hostile run of comments costs little.
  for (let count = 0; count < 16 && rest.startsWith('<!--'); count++) {
    const end = rest.indexOf('-->');
    if (end < 0) return false;
    rest = rest.slice(end + 3).trimStart();
  }
  if (pageStart.test(rest)) return true;
  return fragmentStart.test(rest) && pageTag.test(rest.slice(0, 4096));
}
