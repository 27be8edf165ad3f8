/**
 * The standfirst (teaser, lead, `Vorspann`): the paragraph printed between
 * the headline and the story that sums the story up. Many pages print it in
 * the article's header, outside the container Readability keeps, so the body
 * would start without it. A header holds other short texts too (a kicker, a
 * byline, a caption, a share bar), so a text is taken for the standfirst only
 * when the page's own description (JSON-LD `description`, `og:description`)
 * repeats it: printed under the headline and declared the story's summary.
 */
import { sharedWords, words } from './words.js';

/** How much text under the headline is searched: a standfirst opens within it. */
const reach = 1500;
/** Elements visited after the headline at most. */
const maxElements = 200;
/** How alike the printed text and the description must be (Dice over their words): a word or two apart. */
const sameText = 0.85;
/** Fewer words than this are a kicker or a label, not a standfirst. */
const minWords = 8;
/** Elements whose text is no standfirst even when the description repeats it (a caption, a link, a form). */
const notStandfirst = /^(?:FIGURE|FIGCAPTION|A|BUTTON|FORM|LABEL|NAV|FOOTER|SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG|TIME)$/u;
const skipped = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG)$/u;
const inline = /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/u;

/**
 * The printed text of the standfirst under `heading` (the headline's `<h1>`) that `description` repeats, if any.
 * Read before Readability changes the document.
 */
export function printedStandfirst(heading: Element | undefined, description: string | undefined): string | undefined {
  if (!heading || !description) return undefined;
  const wanted = words(description);
  if (wanted.length < minWords) return undefined;
  let seen = 0;
  let text = 0;
  for (let element = after(heading); element && seen < maxElements && text < reach; element = next(element)) {
    seen++;
    if (skipped.test(element.tagName)) continue;
    const own = printed(element);
    // Text counts once, at the elements that hold it directly.
    text += directText(element).length;
    if (notStandfirst.test(element.tagName) || element.closest('figure, a, nav, footer, form')) continue;
    const found = words(own);
    if (found.length < minWords || found.length > wanted.length * 1.3) continue;
    if (dice(found, wanted) >= sameText) return own;
  }
  return undefined;
}

/** The first element after `element` and its descendants, in document order. */
function after(element: Element): Element | undefined {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return undefined;
}

/** The element after `element` in document order, its descendants first. */
function next(element: Element): Element | undefined {
  if (!skipped.test(element.tagName) && element.firstElementChild) return element.firstElementChild;
  return after(element);
}

/** An element's text as printed: without script and style text, white space collapsed. */
function printed(element: Element): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType !== 1 || skipped.test((child as Element).tagName)) continue;
    // Inline elements run on (`<em>Wor</em>d`); blocks are words apart.
    else if (inline.test((child as Element).tagName)) text += printed(child as Element);
    else text += ` ${printed(child as Element)} `;
  }
  return text.replace(/\s+/gu, ' ').trim();
}

function directText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) if (child.nodeType === 3) text += child.textContent ?? '';
  return text.trim();
}

/** Dice's coefficient over two lists of words, each word counted as often as both have it. */
function dice(one: readonly string[], other: readonly string[]): number {
  return (2 * sharedWords(one, other)) / (one.length + other.length);
}
