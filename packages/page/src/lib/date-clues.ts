/**
 * Where a page prints its date when its metadata gives none: next to the
 * headline (`Dienstag, 1. Februar 2022` above it, `Handball Schweiz •
 * 02.02.2022` under it), or in an element the page marks as a date
 * (`class="date"`, `itemprop="datePublished"`, `<time>` without
 * `datetime`). These are the texts to read a date from, most telling
 * first; the ingester reads them with `@syndikit/wire`'s date grammar in
 * its time zone. Comments, teasers and related lists print dates of other
 * things and are not read.
 */
import { dateLabel, dateLabels } from '@syndikit/wire';
import { words } from './words.js';

/** A text that may hold the article's date, with where it was found. */
export interface DateClue {
  text: string;
  from: string;
}

/** How much text next to the headline is read: after it (a dateline, a byline with a date), and before it (a kicker date). */
const after = 300;
const before = 150;
/** Elements the page marks as a date. */
const dateSelector =
  'time, [itemprop*="date" i], [class*="date" i], [class*="datum" i], [class*="publish" i], [class*="posted" i], [class*="meta" i], [class*="time" i]';
/** Places where dates belong to something else: comments, teasers, related stories, the site's own clock. */
const elsewhere = /comment|kommentar|teaser|related|sidebar|widget|footer|clock|weather|wetter/iu;
const skipped = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG|HEAD|META|LINK|TITLE)$/u;

/**
 * The texts that may hold the date, most telling first: after the headline's `<h1>`, before it ({@link headerText}),
 * then elements marked as dates (those after the headline first). Read before Readability changes the document.
 */
export function dateClues(document: Document, header: HeaderText): DateClue[] {
  const clues: DateClue[] = [];
  const { heading } = header;
  // A date printed inside the headline's own `<h1>`, beside the headline (`Story 02.02.2022 • Desk`).
  const own = (heading?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  if (own && heading) clues.push({ text: own, from: `the headline's <${heading.tagName.toLowerCase()}>` });
  if (header.under) clues.push({ text: header.under, from: 'the text under the headline' });
  if (header.above) clues.push({ text: header.above, from: 'the text above the headline' });
  const marked: Array<DateClue & { later: boolean }> = [];
  for (const element of document.querySelectorAll(dateSelector)) {
    if (skipped.test(element.tagName) || element.closest('[class*="comment" i], [id*="comment" i]')) continue;
    if (elsewhere.test(`${element.getAttribute('class') ?? ''} ${element.parentElement?.getAttribute('class') ?? ''}`)) continue;
    const text = (element.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text.length < 6 || text.length > 100 || !/\d/u.test(text)) continue;
    marked.push({
      text,
      from: `an element marked as a date (<${element.tagName.toLowerCase()}>)`,
      later: !!heading && (heading.compareDocumentPosition(element) & 4) !== 0,
    });
    if (marked.length >= 20) break;
  }
  for (const clue of [...marked.filter((clue) => clue.later), ...marked.filter((clue) => !clue.later)])
    clues.push({ text: clue.text, from: clue.from });
  clues.push(...labelledDates(document));
  return clues;
}

/**
 * Last, a publication label anywhere on the page with its date beside it: a label element alone (`<p>Mise en
 * ligne</p>`, `<dt>Veröffentlicht:</dt>`) and the element after it, as credits boxes under a player print them.
 * Update labels are not read here: the page's last change is not its publication.
 */
function labelledDates(document: Document): DateClue[] {
  const clues: DateClue[] = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.children.length > 0 || skipped.test(element.tagName)) continue;
    const label = (element.textContent ?? '').replace(/\s+/gu, ' ').trim().replace(/\s*:$/u, '');
    if (label.length === 0 || label.length > 30) continue;
    const found = dateLabel(label);
    if (!found || found.updated || found.label.length !== label.length) continue;
    if (element.closest('[class*="comment" i], [id*="comment" i]')) continue;
    const next = (element.nextElementSibling?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (next.length < 6 || next.length > 100 || !/\d/u.test(next)) continue;
    clues.push({ text: `${label} ${next}`, from: `a publication label on the page (<${element.tagName.toLowerCase()}>)` });
    if (clues.length >= 3) break;
  }
  return clues;
}

/**
 * An update label right before a date (`Article mis à jour le`, `Aktualisiert am`, `Last updated:`), from
 * `@syndikit/wire`'s `dateLabels`: such a date is the page's last change, not its first publication. A word such as
 * `le`, `am`, `on`, `el`, `il`, `em`, `op`, `den` may come between.
 */
const updateLabel = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${dateLabels
    .filter((label) => label.updated)
    .map(({ label }) => label.replace(/ /gu, '\\s+'))
    .join('|')})(?:\\s+(?:le|am|on|at|el|il|em|op|den|vom))?\\s*:?\\s*$`,
  'iu',
);

/** Whether `before`, the text up to a date, ends with an update label. */
export function labelsUpdate(before: string): boolean {
  return updateLabel.test(before.slice(-60));
}

/** The text beside the headline's `<h1>`, where pages print the date and the byline. */
export interface HeaderText {
  heading?: Element;
  /** Up to 300 characters after the `<h1>`. */
  under: string;
  /** Up to 150 characters before it. */
  above: string;
}

/** The text under and above the heading that prints `headline` (none when no `<h1>` or `<h2>` does). */
export function headerText(document: Document, headline: string | undefined): HeaderText {
  const heading = headline ? headingOf(document, headline) : undefined;
  return heading ? { heading, under: textAfter(heading, after), above: textBefore(heading, before) } : { under: '', above: '' };
}

/**
 * The heading that prints the headline: its words are mostly the headline's, or hold them all. An `<h1>`, else an
 * `<h2>` (a page whose `<h1>` names the site, `headline.ts`); soft hyphens (`Mes&shy;sen&shy;ger`) split no word.
 */
function headingOf(document: Document, headline: string): Element | undefined {
  return headingIn(document.querySelectorAll('h1'), headline) ?? headingIn(document.querySelectorAll('h2'), headline);
}

function headingIn(headings: Iterable<Element>, headline: string): Element | undefined {
  const wanted = new Set(words(headline));
  for (const heading of headings) {
    const own = words((heading.textContent ?? '').replace(/\u00AD/gu, ''));
    const printed = new Set(own);
    // Mostly the headline's words, or all of them with more around (a kicker, a date, a desk).
    if (
      own.length > 0 &&
      (own.filter((word) => wanted.has(word)).length * 2 >= Math.max(own.length, wanted.size) ||
        [...wanted].every((word) => printed.has(word)))
    )
      return heading;
  }
  return undefined;
}

/** Up to `limit` characters of text that follow `element` in the document, without script or style text. */
function textAfter(element: Element, limit: number): string {
  let text = '';
  for (let node: Element | null = element; node && text.length < limit; node = node.parentElement) {
    for (let sibling = node.nextElementSibling; sibling && text.length < limit; sibling = sibling.nextElementSibling) {
      if (!skipped.test(sibling.tagName)) text = flatten(`${text} ${visibleText(sibling)}`);
    }
    if (node.tagName === 'BODY') break;
  }
  return text.replace(/\s+/gu, ' ').trim().slice(0, limit);
}

/** Up to `limit` characters of text that come before `element` in the document, nearest last. */
function textBefore(element: Element, limit: number): string {
  let text = '';
  for (let node: Element | null = element; node && text.length < limit; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling && text.length < limit; sibling = sibling.previousElementSibling) {
      if (!skipped.test(sibling.tagName)) text = flatten(`${visibleText(sibling)} ${text}`);
    }
    if (node.tagName === 'BODY') break;
  }
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.slice(Math.max(0, flat.length - limit));
}

/**
 * White space collapsed as the page shows it: the limits count printed characters, not the indentation of the
 * markup (a page indented with runs of tabs would otherwise fill them before the date a few elements away).
 */
function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function visibleText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1 && !skipped.test((child as Element).tagName)) text += ` ${visibleText(child as Element)} `;
  }
  return text;
}
