/**
 * The headline as an editor reads it on the page. Title metadata (JSON-LD
 * `headline`, `og:title`, `<title>`) often carries the site's name
 * (`Story - Site`), a section (`Site: Section / Story`) or a date, and a
 * CMS may give JSON-LD a headline other than the one printed. So:
 *
 * 1. a first-level heading on the page that the title metadata repeats (the
 *    metadata split at its separators, any run of its parts) is the
 *    headline as printed; when the heading adds a kicker or a date around
 *    that run, the run is the headline (an `<h1>` in a breadcrumb trail is
 *    the trail's last item, not the headline);
 * 2. else a second-level heading the same way (a page whose `<h1>` names the
 *    site or the section prints its headline in an `<h2>`);
 * 3. otherwise the most trusted title, without its site-name, date and
 *    symbol parts at either end.
 */
import type { PageMetadata, Sourced } from './metadata.js';
import { isSiteName, siteNames, splitParts } from './site.js';
import { sharedWords, words } from './words.js';

/** How alike a heading and a title part must be (Dice over their words) to be the same headline printed twice. */
const sameHeadline = 0.7;
/** Alike enough to be the same text (a quote mark or a dash apart). */
const sameText = 0.95;

/**
 * The headline, by the rules above, with where it came from; `readabilityTitle` is Readability's title, trusted
 * after Open Graph and before `<title>`.
 */
export function chooseHeadline(metadata: PageMetadata, readabilityTitle?: string): Sourced<string> | undefined {
  const titles = [...metadata.titles];
  if (readabilityTitle) {
    const at = titles.findIndex((title) => title.from === '<title>');
    titles.splice(at < 0 ? titles.length : at, 0, { value: readabilityTitle, from: 'the page title (Readability)' });
  }
  const site = siteNames(metadata);
  // An `<h2>` only when no `<h1>` prints a title: some pages give the `<h1>` to the site or the section.
  const printed = printedHeadline(metadata.headings, titles, site, '<h1>') ?? printedHeadline(metadata.subheadings, titles, site, '<h2>');
  if (printed) {
    // A date printed before the headline in the same heading (`23.01.2022 - Story`) is no part of it.
    const value = withoutLeadingDate(printed.value);
    return value === printed.value ? printed : { value, from: `${printed.from}, without the date before it` };
  }
  // A one-word title (a section name such as `News`) is no headline when a longer one is given.
  const title = titles.find((candidate) => words(candidate.value).length > 1) ?? titles[0];
  if (title) {
    const value = withoutSiteParts(title.value, site);
    return value === title.value ? title : { value, from: `${title.from}, without the site's name` };
  }
  const heading = metadata.headings[0];
  return heading ? { value: heading, from: 'the first <h1>' } : undefined;
}

/**
 * The first-level heading the title metadata repeats, or the repeated part of the title when the heading adds to it.
 * A run printed whole inside a longer heading (after a kicker, a date) is the headline unless a heading is the same
 * as a run outright; of several such runs, the most trusted title's (JSON-LD, then Open Graph, …).
 */
function printedHeadline(
  headings: readonly string[],
  titles: readonly Sourced<string>[],
  site: readonly string[],
  tag: string,
): Sourced<string> | undefined {
  let best: { score: number; value: string; from: string } | undefined;
  let inHeading: Sourced<string> | undefined;
  for (const heading of headings) {
    const own = words(heading);
    if (own.length < 2 || isSiteName(heading, site)) continue;
    for (const title of titles) {
      for (const run of runs(title.value)) {
        if (isSiteName(run, site)) continue;
        const other = words(run);
        const shared = sharedWords(own, other);
        const score = (2 * shared) / (own.length + other.length);
        if (shared === other.length && other.length >= 3 && other.length < own.length && addsToTitle(own, other, title.value)) {
          inHeading ??= { value: run, from: `${title.from}, as the page's ${tag} prints it within a longer heading` };
        } else if (score >= sameHeadline && (!best || score > best.score)) {
          best = { score, value: heading, from: `the page's ${tag}, which ${title.from} repeats` };
        }
      }
    }
  }
  if (best && (best.score >= sameText || !inHeading)) return { value: best.value, from: best.from };
  return inHeading;
}

/**
 * Whether the words a heading has beyond a run of a title are its own (a kicker, a date: mostly not in the title),
 * rather than the rest of a headline the title cut at a separator.
 */
function addsToTitle(heading: readonly string[], run: readonly string[], title: string): boolean {
  const rest = without(heading, run);
  return sharedWords(rest, without(words(title), run)) * 3 < rest.length;
}

/** A list of words without one occurrence of each of `taken`. */
function without(list: readonly string[], taken: readonly string[]): string[] {
  const rest = [...list];
  for (const word of taken) {
    const at = rest.indexOf(word);
    if (at >= 0) rest.splice(at, 1);
  }
  return rest;
}

/** Every run of consecutive parts of a title split at its separators, the longest first. */
function runs(title: string): string[] {
  const parts = splitParts(title);
  const result: string[] = [];
  for (let length = parts.length; length >= 1; length--) {
    for (let start = 0; start + length <= parts.length; start++) {
      const first = parts[start];
      const last = parts[start + length - 1];
      if (first && last) result.push(title.slice(first.start, last.end).trim());
    }
  }
  return result;
}

/**
 * The title without the parts at either end that are the site's name, a date or no words at all
 * (`Story - Site`, `Site: Section / Story`, `23.01.2022 - Story`); never without all its parts.
 */
function withoutSiteParts(title: string, site: readonly string[]): string {
  const parts = splitParts(title);
  const chrome = (text: string) => words(text).every((word) => /^\d+$/u.test(word)) || isDate(text) || isSiteName(text, site);
  let first = 0;
  let last = parts.length - 1;
  while (first < last && chrome(parts[first]?.text ?? '')) first++;
  while (last > first && chrome(parts[last]?.text ?? '')) last--;
  const from = parts[first];
  const to = parts[last];
  return from && to ? title.slice(from.start, to.end).trim() : title;
}

/** The text without a first part that is a date alone (`23.01.2022 - Story` → `Story`). */
function withoutLeadingDate(text: string): string {
  const [first, second] = splitParts(text);
  return first && second && isDate(first.text) ? text.slice(second.start).trim() : text;
}

/** A date written alone: `23.01.2022`, `2022-01-23`, `1. Februar 2022`, `January 23, 2022`. */
function isDate(text: string): boolean {
  return /^\s*(?:\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})\s*$/u.test(
    text,
  );
}
