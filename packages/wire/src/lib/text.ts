import type { ArticleFields, ArticleImage, Figure, IngestContext, IngestResult, Rule } from '@syndikit/core';
import { imageMediaType, report, resolveImageRef, splitCredit } from '@syndikit/core';
import { iso6393To1 } from 'iso-639-3';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { type Byline, isJobTitle, parseByline } from './byline.js';
import { agencyName, matchDateline } from './dateline.js';
import { dateFromFileName, dateLabel, locateDate } from './dates.js';
import { wireRules } from './diagnostics-rules.js';
import { authorBoxLabel, authorBoxName, endBylinePatterns } from './end-byline.js';
import { findFragments } from './fragments.js';
import {
  bylineCandidate,
  type DateCandidate,
  dateCandidate,
  headerWindow,
  incompleteDate,
  isHeaderLine,
  isNavigationWord,
  isNotice,
  readCaption,
  relativeTime,
  titleScore,
  withoutSoftHyphens,
} from './header.js';
import type { CompiledRule, WireRule } from './rules.js';
import { addAuthors, applyRules, endsStory, info, isButton, type Line, type Pending, settleRules, shorten } from './rules-pass.js';
import { detectLanguage, findStory, isSentence, placeDateline, stopList } from './story.js';

/** Options for {@link wireTextIngester}. */
export interface WireTextOptions {
  /** Rules of your own, tried before the defaults. Default `[]`. */
  rules?: readonly WireRule[] | null;
  /** Use {@link defaultRules}. Default `true`. */
  defaultRules?: boolean | null;
  /**
   * Where photos named in the copy (`20240104…jpeg`) live, e.g.
   * `https://photos.example/`. Default: none; the name is kept as a path
   * next to the article, and a warning says the photo has no URL.
   */
  photoBaseUrl?: string | null;
}

/** What the reading has found so far; the phases below fill it in order. */
interface Reading {
  readonly context: IngestContext;
  readonly options: Readonly<WireTextOptions>;
  /** The lines left after the rules pass, blank lines dropped (cut at the trailer once it is found). */
  readonly kept: Line[];
  /** Lines rules matched whose action waits until the story is found. */
  readonly pending: readonly Pending[];
  readonly fields: ArticleFields;
  readonly notes: string[];
  readonly body: RootContent[];
  /** Whether the story's first paragraph has been read. */
  bodyStarted: boolean;
  /** The first two lines of the trailer, cut from `kept` (an author box's heading and name). */
  trailerHead: Line[];
  /** The last line of the story (its end byline included), an index into `kept`. */
  storyEnd?: number;
  /** The language of the whole copy (ISO 639-3), as the story finder saw it. */
  language?: string;
  /** Why the headline was chosen, for its diagnostic. */
  headlineReason?: string;
  /** The headline's index in `kept`. */
  headlineIndex: number;
  /** Where the story starts, an index into `kept`. */
  storyStart?: number;
  /** Photo captions read so far (caption and credit, see {@link captionKey}), so that a gallery's repeated captions are read once. */
  readonly captions: Set<string>;
  /** The date read from a date line. */
  published?: string;
  /** A header line with a day but no year (`Updated Nov 19, 6:55 AM`), for the warning when no date is read. */
  incompleteDate?: { text: string; line: Line };
  /** The first date found in a photo file name, the fallback for `published`. */
  photoDate?: { value: string; name: string; line: Line };
}

/** How a byline opens (`By`, `Von`, `written by`), read or not. */
const bylineOpening = /^(?:(?:text|words|story|posted|written|reported|published)\s+)?(?:by|von|par|por):?\s+\S/iu;

/** Lines of the form `20240104130140-6596fbc4ab0e128c0986ac9fjpeg` or `photo-name.jpg`. */
const photoLine = /^(?<name>[\w-]{6,}?)\.?(?<extension>jpe?g|png|gif|webp)$/iu;

/**
 * Read wire copy as scraped from a news site or delivered as text:
 * headline, deck, byline, date line, photos with caption and credit,
 * dateline, body, end byline, contributor notes and copyright. Site chrome
 * and trailers are removed by `rules`; each removal and each guess is
 * reported (as info, warning or error) with its line.
 */
export function ingestWireText(
  context: IngestContext,
  rules: readonly CompiledRule[],
  options: Readonly<WireTextOptions>,
): IngestResult | undefined {
  const { file } = context;
  const fields: ArticleFields = { authors: [], tags: [], images: [] };
  const notes: string[] = [];
  // 1. Rules: chrome now; trailers, notes, copyright and credits once the story is found.
  const { kept, pending } = applyRules(context, rules);
  for (const line of kept) ungluePersonCard(context, line);
  // 2. Structure: the story, its head (headline, deck, byline, date, lead photo) above it, then the body.
  const reading: Reading = {
    context,
    options,
    kept,
    pending,
    fields,
    notes,
    body: [],
    bodyStarted: false,
    headlineIndex: -1,
    trailerHead: [],
    captions: new Set(),
  };
  if (!readLines(reading)) return undefined;
  // Figures kept from captions alone are not a story.
  if (!fields.headline || !reading.body.some((node) => node.type !== 'figure')) {
    report(
      file,
      'error',
      'No article found: after removing site chrome, nothing is left that reads as a headline and a story',
      wireRules.noArticle,
      { line: 1, column: 1 },
    );
    return undefined;
  }
  // 3. Guesses, each explained.
  settlePublished(reading);
  if (fields.dateline?.agency && !fields.source) fields.source = agencyName(fields.dateline.agency);
  if (notes.length > 0) fields.notes = notes;
  settleLanguage(reading);
  // 4. Fragments left where link text was stripped.
  reportFragments(file, reading.body);
  const tree: Root = { type: 'root', children: reading.body };
  return { fields, body: tree, slugHint: fields.headline };
}

/**
 * A person's card glued into a sentence when copied: the name as the story prints it, then the card — the full name
 * (ending with the same surname), the person's latest headlines and a `MORE` link — before the sentence goes on
 * (`Gov. Jane RoeJane Ann RoeTeaser one Teaser two MORE (R) said …`). The card is removed, the name stays.
 */
const personCard = /(?<surname>\p{Lu}\p{Ll}+)(?<card>\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}.'’-]*)* \k<surname>(?=\p{Lu}).{0,600}? MORE)(?= )/gu;

function ungluePersonCard(context: IngestContext, line: Line): void {
  const unglued = line.text.replace(personCard, (_, surname: string) => surname);
  if (unglued === line.text) return;
  info(
    context.file,
    `Removed a person's card glued into the sentence (full name, headlines, MORE): "${shorten(line.text)}"`,
    wireRules.chrome,
    line,
  );
  line.text = unglued;
}

/** Read the kept lines: find the story, then its header above it; what is above the header is chrome, what follows the story a trailer. `false` when the copy stops short. */
function readLines(reading: Reading): boolean {
  const { kept, context } = reading;
  const texts = kept.map((line) => line.text);
  // A notice about JavaScript or cookies is a sentence, but the page's: the story finder does not see it as prose.
  const span = findStory(
    texts.map((text) => (isNotice(text) ? '' : text)),
    (index) => photoLine.test(texts[index] ?? '') || isTeaser(texts, index),
    (index) => isHeaderLine(texts[index] ?? '', context.timeZone),
  );
  const trailer = settleRules(context.file, reading.pending, span?.start ?? -1, reading.fields, reading.notes, kept);
  if (!span) return true;
  // Lines after the start of a trailer ("Most read", "Comments") are not read.
  if (trailer !== undefined) {
    // The label that starts the trailer is no kept line (the rules pass held it back): it goes first.
    const label = reading.pending.find((entry) => entry.at === trailer && entry.rule.action === 'drop-rest')?.line;
    reading.trailerHead = [...(label ? [label] : []), ...kept.slice(trailer, trailer + 2)].slice(0, 2);
    kept.length = trailer;
  }
  // The story ends before the first line after its start that a rule says ends it (copyright, notes, credits, `___`,
  // a related-links label). A separator (`___`) or a label (`More:`) with the story's prose going on below it
  // divides sections or heads a block of links inside the story; it ends the story only when no long paragraph
  // follows it and the story was not read across it.
  // Inside the story: it was read across the block the line heads, or two paragraphs follow within four lines.
  const inside = (at: number) =>
    span.crossed.some(([above, below]) => above < at && at <= below) ||
    kept.slice(at, at + 4).filter((line) => line.text.length >= 70 && /[.!?"”'’]$/u.test(line.text)).length >= 2;
  const marker = reading.pending.find(
    (entry) =>
      entry.at > span.start &&
      endsStory(entry.rule) &&
      !(entry.rule.action === 'drop' && (proseResumes(kept, entry.at) || inside(entry.at))) &&
      !(entry.rule.action === 'drop-rest' && isButton(reading.pending, kept, entry.at, entry.line)),
  );
  const box = authorBox(kept, span.start, span.end);
  const cut = Math.min(kept.length - 1, marker ? marker.at - 1 : Number.POSITIVE_INFINITY, box - 1);
  if (cut < span.end) {
    // Cut short by a trailer or a marker: the story ends at its last closed line before it, not at a label or a
    // link there ("Permalink 34 Comments Feed"), nor at a menu of links closed by a guillemet ("« Previous | Next »").
    span.end = cut;
    const closed = (text: string) => /[.!?…"”»'’):]$/u.test(text) && !isNavigationWord(text);
    while (span.end > span.start && !closed(kept[span.end]?.text ?? '')) span.end -= 1;
  }
  // An author box closing the story (`Autor` / `Jana Roth (Redakteurin)`) is no subheading and paragraph of it: its
  // byline is read after the story ({@link readEndByline}).
  const boxAt = (at: number) => authorBoxLabel.test(kept[at]?.text ?? '') && authorBoxName.test(kept[at + 1]?.text ?? '');
  if (span.end - 1 > span.start && boxAt(span.end - 1)) span.end -= 2;
  reading.language = span.language;
  const first = kept[span.start] as Line;
  info(context.file, `Found the story at line ${first.line} by ${span.reason}`, wireRules.storyFound, first);
  reading.storyStart = span.start;
  const headline = chooseHeadline(reading, span.start);
  reportDropped(reading, 0, headline, 'site chrome above the headline', wireRules.chrome);
  readHeader(reading, headline, span.start);
  // Links skipped inside the story count only up to its end (a marker or the trailer may have cut it short).
  const end = readStory(reading, span.start, span.end, new Set(span.skipped.filter((index) => index < span.end)));
  if (end === 'no-body') return false;
  readEndByline(reading, end);
  reportUnreadByline(reading, headline, span.start);
  reportDropped(reading, end + 1, kept.length, 'the trailer after the story', wireRules.trailer);
  return true;
}

/** `About Jane Doe` (Über, À propos de, Sobre, Over): a heading naming someone, two to four capitalised words. */
const aboutHeading =
  /^(?:[Aa]bout|[Üü]ber|[Àà] propos de|[Ss]obre|[Oo]ver) (?<name>\p{Lu}[\p{L}\p{M}'’.-]+(?: \p{Lu}[\p{L}\p{M}'’.-]+){1,3})$/u;

/**
 * Where the author box below the story starts: a heading `About <Name>`
 * whose name is one the byline above the story gives. A press release's
 * `About <Company>` is part of the release and stays: it names no author.
 * `Infinity` when there is none.
 */
function authorBox(kept: readonly Line[], start: number, end: number): number {
  const authors = new Set(
    kept
      .slice(0, start)
      .flatMap((line) => bylineCandidate(line.text)?.authors ?? [])
      .map((author) => author.name.toLowerCase()),
  );
  if (authors.size === 0) return Number.POSITIVE_INFINITY;
  for (let at = start + 1; at <= end; at++) {
    const name = aboutHeading.exec(kept[at]?.text ?? '')?.groups?.name;
    if (name && authors.has(name.toLowerCase())) return at;
  }
  return Number.POSITIVE_INFINITY;
}

/** Whether a long paragraph (150 characters or more, closed by punctuation) stands among the three lines from `at`. */
function proseResumes(kept: readonly Line[], at: number): boolean {
  return kept.slice(at, at + 3).some((line) => line.text.length >= 150 && /[.!?…"”'’)]$/u.test(line.text));
}

/** Whether line `index` opens with a dateline and is repeated at the start of a later line (a teaser). */
function isTeaser(texts: readonly string[], index: number): boolean {
  const text = texts[index] ?? '';
  return matchDateline(text) !== undefined && texts.slice(index + 1).some((later) => startsWithText(later, text));
}

/** How many words a line has (none for no line: one, as `''.split` gives). */
const wordsOf = (text: string | undefined) => (text ?? '').split(/\s+/).length;

/**
 * The headline: the best title-like line in the window above the story (a
 * line repeated as the page title or in a breadcrumb scores highest), above
 * the first byline or date when there is one; ties go to the line nearest
 * the story. Without one, the line above the story, with a warning.
 */
function chooseHeadline(reading: Reading, start: number): number {
  const { kept, context } = reading;
  // Only lines above the story repeat the headline (a page title, a breadcrumb): a footer repeats its own promotions.
  const texts = kept.slice(0, start).map((line) => line.text);
  const from = Math.max(0, start - headerWindow);
  const { until, blockEnd } = headerBlock(reading, texts, from, start);
  let best = -1;
  let bestScore = 0;
  for (let index = from; index < until; index++) {
    const score = headlineScore(kept, texts, index);
    if (score > 0 && score >= bestScore) [best, bestScore] = [index, score];
  }
  const repeatedBelow = bestScore < 3 ? repeatedUnder(reading, texts, until, start) : undefined;
  const underOnly = repeatedBelow ? undefined : onlyTitleUnder(reading, texts, best, blockEnd, start);
  const below = repeatedBelow ?? titleUnderBlock(reading, texts, best, blockEnd, start) ?? underOnly;
  if (below) [best, bestScore] = below;
  // Of two title-like lines in a row, the upper one is the headline and the lower one the deck (unless the lower is
  // repeated as the page title).
  const above = texts[best - 1];
  if (
    !below &&
    best > from &&
    above !== undefined &&
    bestScore < 4 &&
    // The upper one is not the last of a list of titles (links to other stories, a menu of sections). Links that
    // open with the same three words (`External link, opens the site's page on …`) are a menu's, not titles.
    (best - 2 < 0 || titleScore(texts[best - 2] ?? '', texts, best - 2) === 0 || sameOpening(texts[best - 2], texts[best - 3])) &&
    wordsOf(above) < 2 * wordsOf(texts[best]) &&
    !labelOver(above, texts[best] ?? '') &&
    // A kicker in capitals (`TECH  PERSONAL TECHNOLOGY: REVIEW`) above a headline in mixed case is a section label.
    !(above === above.toUpperCase() && texts[best] !== texts[best]?.toUpperCase()) &&
    !inMenu(kept, best - 1) &&
    titleScore(above, texts, best - 1) >= bestScore - 1
  ) {
    best -= 1;
    reading.headlineReason = 'the upper of two title-like lines (the lower is the deck)';
  } else if (below && below === underOnly) reading.headlineReason = 'the title-like line under the byline and date (none above them)';
  else if (below && !repeatedBelow)
    reading.headlineReason = 'the title-like line right under the byline and date (the line above them sits in a menu)';
  else if (bestScore >= 4) reading.headlineReason = 'a title-like line repeated above the story (the page title, a breadcrumb)';
  else
    reading.headlineReason = `the best title-like line ${until < start ? 'above the byline and date' : `in the ${headerWindow} lines above the story`}`;
  if (best === -1) {
    best = Math.max(0, until - 1);
    reading.headlineReason = 'no title-like line above the story: the line right above it';
  }
  const line = kept[best] as Line;
  if (bestScore === 0 && isNavigationWord(line.text)) {
    report(
      context.file,
      'warning',
      `The headline "${shorten(line.text)}" is a navigation word: no title-like line was found above the story`,
      wireRules.headlineNavigation,
      {
        line: line.line,
        column: line.column,
      },
    );
  }
  return best;
}

/**
 * The header's byline or date block nearest the story, under a title-like line (a weather widget's date above the
 * header does not count, nor does a date in a menu far above the story): its first line (`until`, the story's start
 * when there is none) and its last (`blockEnd`, or `-1`).
 */
function headerBlock(reading: Reading, texts: readonly string[], from: number, start: number): { until: number; blockEnd: number } {
  const { kept, context } = reading;
  const firstTitle = texts.slice(from, start).findIndex((text, at) => titleScore(text, texts, from + at) > 0);
  if (firstTitle === -1) return { until: start, blockEnd: -1 };
  const isAnchor = (index: number) =>
    bylineAt(texts, index) !== undefined || dateCandidate(texts[index] ?? '', 0, context.timeZone) !== undefined;
  let last = start - 1;
  while (last > from + firstTitle && !isAnchor(last)) last -= 1;
  if (!(last > from + firstTitle && isAnchor(last))) return { until: start, blockEnd: -1 };
  // The block's first line: bylines and dates stand together, with at most one other line between them — but not a
  // full title (five words or more, no sentence's end) without a title right above the upper byline or date (one
  // line between them allowed): a page that prints its date above the headline and the byline under it (`October
  // 22, 2019 report` / headline / `by Jane Roe`) has the headline there. Under a title and its byline and date, such
  // a line is a photo's caption (`Harbour master Jane Roe` / `Jon Doe, Associated Press`).
  const titled = (index: number) => headlineScore(kept, texts, index) >= 3;
  const between = (index: number) => {
    if (!titled(index)) return true;
    let upper = index - 1;
    while (upper > from && isAnchor(upper - 1)) upper -= 1;
    return titled(upper - 1) || titled(upper - 2);
  };
  let until = last;
  while (
    until - 1 > from + firstTitle &&
    (isAnchor(until - 1) || (until - 2 > from + firstTitle && isAnchor(until - 2) && between(until - 1)))
  )
    until -= isAnchor(until - 1) ? 1 : 2;
  return { until, blockEnd: last };
}

/**
 * Whether `above` is a label of a few words over a longer title (`Newsdesk Keeping you current`, a magazine's name in
 * a menu): a section's or a menu's, not the headline. A headline's topic and colon (`Harbour: Checks widened`) make
 * a short line a title, not a label.
 */
function labelOver(above: string, title: string): boolean {
  return wordsOf(above) < 5 && wordsOf(above) < wordsOf(title) && !/^\p{Lu}[\p{L}-]+:\s+\p{Lu}/u.test(above);
}

/** How much the line at `index` reads as the headline ({@link titleScore}); 0 for a dateline, a photo line or a line in a menu. */
function headlineScore(kept: readonly Line[], texts: readonly string[], index: number): number {
  const text = texts[index] ?? '';
  return matchDateline(text) || photoLine.test(text) || inMenu(kept, index) ? 0 : titleScore(text, texts, index);
}

/**
 * A title-like line the copy repeats (the page title, a breadcrumb) between the byline or date and the story, as
 * some pages print it (`08.04.2025 12:46` / headline / deck): it wins when nothing above them reads as a title of
 * five words or more (a label of a few words does not); a full title above wins over a teaser printed twice below
 * the byline. Its index and score.
 */
function repeatedUnder(reading: Reading, texts: readonly string[], until: number, start: number): [number, number] | undefined {
  for (let index = until; index < start; index++) {
    const score = headlineScore(reading.kept, texts, index);
    if (score >= 4) return [index, score];
  }
  return undefined;
}

/**
 * The title-like line right under the byline and date block, when the line chosen above the block closes a run of
 * short links (`Podcast` / `Eye Opener` / `Money Desk` / date / title): some pages print the date or the byline
 * above the headline, under their menu. Its index and score.
 */
function titleUnderBlock(
  reading: Reading,
  texts: readonly string[],
  best: number,
  blockEnd: number,
  start: number,
): [number, number] | undefined {
  if (best === -1 || blockEnd === -1 || !closesList(reading, best)) return undefined;
  const index = blockEnd + 1;
  if (index >= start) return undefined;
  const text = texts[index] ?? '';
  const words = (line: string | undefined) => (line ?? '').split(/\s+/u).length;
  // The line above sits inside the run (a short link under it too), or closes it with a few words where the line
  // under the block is a full title.
  const closesWithFew = words(texts[best]) <= 3 && words(text) >= 6 && isHeaderLine(texts[best + 1] ?? '', reading.context.timeZone);
  if (!linkLike(reading, best + 1) && !closesWithFew) return undefined;
  // A sentence (a caption, the lead), a caption's credit glued on or labelled (`… in 2019.Jane Roe/Getty`, `Source:
  // Supplied`), a line in capitals (a call to action) or of three words (a player's label) under the block is no title.
  if (
    /[.!]["”’]?$|\p{Ll}[.!]\s*\p{Lu}|\b(?:Source|Photo|Photograph|Foto|Bild|Image|Credit)s?:/u.test(text) ||
    text === text.toUpperCase() ||
    words(text) < 4
  )
    return undefined;
  const score = headlineScore(reading.kept, texts, index);
  return score > 0 ? [index, score] : undefined;
}

/**
 * The best title-like line between the byline or date block and the story, when no line above the block reads as a
 * title (`Home ›› Politik` / date / `Drucken` / `Politik` / headline / story: the page prints its date under the
 * breadcrumb, above the headline). Ties go to the upper line. Its index and score.
 */
function onlyTitleUnder(
  reading: Reading,
  texts: readonly string[],
  best: number,
  blockEnd: number,
  start: number,
): [number, number] | undefined {
  if (best !== -1 || blockEnd === -1) return undefined;
  let found: [number, number] | undefined;
  for (let index = blockEnd + 1; index < start; index++) {
    const score = headlineScore(reading.kept, texts, index);
    if (score > (found?.[1] ?? 0)) found = [index, score];
  }
  return found;
}

/**
 * Whether the line at `index` closes or sits in a run of short links: the two lines right above it are short (five
 * words at most), without a sentence's end, and neither a byline nor a date (a menu, a list of sections).
 */
function closesList(reading: Reading, index: number): boolean {
  return linkLike(reading, index - 1) && linkLike(reading, index - 2);
}

/** Whether the line at `index` reads as a link of a menu: five words at most, no sentence's end, no byline or date. */
function linkLike(reading: Reading, index: number): boolean {
  const line = reading.kept[index];
  return (
    line !== undefined &&
    line.text.split(/\s+/u).length <= 5 &&
    !/[.!?:]$/u.test(line.text) &&
    !isHeaderLine(line.text, reading.context.timeZone)
  );
}

/** Whether two lines open with the same three words (items of one menu: `External link, opens …`). */
function sameOpening(a: string | undefined, b: string | undefined): boolean {
  const opening = (text: string | undefined) => (text ?? '').toLowerCase().split(/\s+/u).slice(0, 3).join(' ');
  return a !== undefined && b !== undefined && a.split(/\s+/u).length >= 3 && opening(a) === opening(b);
}

/** A short line between two short lines right above and below it (no blank line between): a menu item, not a title. */
function inMenu(kept: readonly Line[], index: number): boolean {
  // A byline under the headline (`By JANE ROE`) is short too, but no menu item.
  const short = (line: Line | undefined) =>
    line !== undefined && line.text.split(/\s+/).length <= 4 && !/[.!?]$/u.test(line.text) && !bylineCandidate(line.text);
  const line = kept[index] as Line;
  const before = kept[index - 1];
  const after = kept[index + 1];
  return short(line) && short(before) && short(after) && before?.line === line.line - 1 && after?.line === line.line + 1;
}

/** One info line per block of dropped lines (a block ends at a blank line), with a sample of what it held. */
function reportDropped(reading: Reading, from: number, to: number, what: string, rule: Rule): void {
  const { kept, context } = reading;
  let blockStart = from;
  for (let index = from; index < to; index++) {
    const next = kept[index + 1];
    if (index + 1 < to && next && next.line === (kept[index] as Line).line + 1) continue;
    const block = kept.slice(blockStart, index + 1);
    const sample = block
      .slice(0, 3)
      .map((line) => `"${shorten(line.text, 30)}"`)
      .join(', ');
    const count = block.length === 1 ? 'a line' : `${block.length} lines`;
    info(context.file, `Removed ${count} of ${what}: ${sample}${block.length > 3 ? ', …' : ''}`, rule, block[0] as Line);
    blockStart = index + 1;
  }
}

/** A photo line and the caption under it, if the next line reads as one. Returns how many lines after it were used. */
function readPhoto(reading: Reading, index: number, name: string, extension: string): number {
  const { context, fields, kept } = reading;
  const line = kept[index] as Line;
  const caption = kept[index + 1];
  const hasCaption =
    caption !== undefined && !photoLine.test(caption.text) && !matchDateline(caption.text) && looksLikeCaption(caption.text);
  const image = photoImage(name, extension, hasCaption ? caption.text : undefined, context, reading.options, line);
  const used = hasCaption ? 1 : 0;
  // The same caption printed again without its file (a gallery) is then a repeat, not a second photo.
  const printed = hasCaption ? readCaption(caption.text) : undefined;
  if (printed) reading.captions.add(captionKey(printed.caption, printed.credit));
  if (!image) return used;
  const cue = dateFromFileName(name, context.timeZone);
  if (cue && !reading.photoDate) reading.photoDate = { value: cue, name, line };
  if (reading.bodyStarted) reading.body.push(figureOf(image, line));
  else fields.images.push(image);
  info(context.file, `Read a photo${hasCaption ? ' and its caption' : ''}: ${image.src}`, wireRules.photo, line);
  return used;
}

/** The header between the headline and the story: deck, bylines, dates (scored), photos and captions; the rest is dropped. */
function readHeader(reading: Reading, headline: number, start: number): void {
  const { kept, context, fields } = reading;
  const line = kept[headline] as Line;
  fields.headline = withoutKicker(reading, headline);
  reading.headlineIndex = headline;
  const glued =
    withoutSoftHyphens(line.text) === fields.headline
      ? ''
      : ` (the words glued before it left out: the page prints the title apart, "${shorten(fields.headline)}")`;
  info(
    context.file,
    `Read the headline: "${shorten(line.text)}", ${reading.headlineReason ?? 'the line above the story'}${glued}`,
    wireRules.headline,
    line,
  );
  // Dates under the headline first; above it (a dpa page prints it there) only when there are none under it.
  const datesIn = (from: number, to: number) =>
    kept
      .slice(from, to)
      .map((other, at) => dateCandidate(other.text, from + at, context.timeZone))
      .filter((candidate): candidate is DateCandidate => candidate !== undefined);
  let dates = datesIn(headline + 1, start);
  if (dates.length === 0) dates = datesIn(Math.max(0, headline - 3), headline);
  const dropped: number[] = [];
  for (let index = headline + 1; index < start; index++) {
    const incomplete = reading.incompleteDate ? undefined : incompleteDate((kept[index] as Line).text);
    if (incomplete) reading.incompleteDate = { text: incomplete, line: kept[index] as Line };
    const used = readHeaderLine(reading, index, dates);
    if (used === false) dropped.push(index);
    else index += used;
  }
  // A byline above the headline (a blog prints `Von Jane Roe publiziert am …` over the title), when none is under it.
  if (fields.authors.length === 0 && !fields.source) {
    for (let index = Math.max(0, headline - 2); index < headline; index++) {
      const byline = bylineCandidate((kept[index] as Line).text);
      if (!byline || byline.authors.length === 0) continue;
      addAuthors(fields, byline.authors);
      if (byline.source) fields.source ??= byline.source;
      info(
        context.file,
        `Read the byline above the headline: ${byline.authors.map((author) => author.name).join(', ')}`,
        wireRules.byline,
        kept[index] as Line,
      );
      break;
    }
  }
  for (const index of dropped) {
    const other = kept[index] as Line;
    info(
      context.file,
      `Removed a line of the header that is not headline, deck, byline or date: "${shorten(other.text)}"`,
      wireRules.chrome,
      other,
    );
  }
  settleDates(reading, dates);
}

/**
 * The headline without a kicker, a section or a breadcrumb glued before it (`Grenzschließungen Deutschland, Frankreich
 * und …`, `Home Issues Prison official: …`): the page prints the title apart from those words elsewhere — alone
 * (below the story, in a share box) or after a separator (`Mehr zu: Grenzschließungen - Deutschland, Frankreich und
 * …`) — and the headline line is a few words (four at most) and that title. The title has four words or more. Every
 * line of the copy counts, the trailer's too.
 */
function withoutKicker(reading: Reading, headline: number): string {
  const printed = withoutSoftHyphens((reading.kept[headline] as Line).text);
  const fold = (text: string) => withoutSoftHyphens(text).replace(/\s+/gu, ' ').trim();
  const text = fold(printed);
  const titleAfter = (other: string): string | undefined => {
    if (other.length >= text.length + 80) return undefined;
    // The title alone, or after a separator, with the glued words before it in the same order.
    for (const cut of [0, ...[...other.matchAll(/\s*[-–—|:]\s+/gu)].map((match) => (match.index ?? 0) + match[0].length)]) {
      const title = other.slice(cut);
      if (title.split(' ').length < 4 || title.length >= text.length || !text.endsWith(` ${title}`)) continue;
      const glued = text.slice(0, text.length - title.length - 1);
      if (
        glued.split(' ').length <= 4 &&
        (cut === 0 ||
          other
            .slice(0, cut)
            .replace(/\s*[-–—|:]\s+$/u, '')
            .endsWith(glued))
      )
        return title;
    }
    return undefined;
  };
  for (const other of reading.context.text.split(/\r\n|\r|\n/u)) {
    const title = titleAfter(fold(other));
    if (title) return title;
  }
  return printed;
}

/** How many lines below the story's end a labelled date line is looked for ({@link labelledDateBelow}). */
const dateBelowWindow = 60;

/**
 * A labelled date line below the story (`Datum: 18.10.2021`, `Stand 27.01.2022`, `Letzte Aktualisierung: …`), when
 * the header has none: some sites print the date only under the story. A publication label is taken before an
 * update label; an unlabelled date there (a teaser's, a comment's) is none. Read from the copy's own lines, the
 * trailer's too.
 */
function labelledDateBelow(reading: Reading): { value: string; zoned: boolean; line: Line } | undefined {
  const end = reading.kept[reading.storyEnd ?? -1];
  if (!end) return undefined;
  const all = reading.context.text.split(/\r\n|\r|\n/u);
  const found: { value: string; zoned: boolean; line: Line; updated: boolean }[] = [];
  for (let index = end.line; index < Math.min(all.length, end.line + dateBelowWindow); index++) {
    const raw = all[index] ?? '';
    const text = raw.trim();
    const label = dateLabel(text);
    const date = label && dateCandidate(text, index, reading.context.timeZone);
    if (!label || !date) continue;
    const line = { text, line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    found.push({ value: date.value, zoned: date.zoned, line, updated: label.updated });
  }
  return found.find((date) => !date.updated) ?? found[0];
}

/** One header line; how many lines after it were used, or `false` when it was none of the header's parts. */
function readHeaderLine(reading: Reading, index: number, dates: readonly DateCandidate[]): number | false {
  const { kept, context, fields } = reading;
  const line = kept[index] as Line;
  const photo = photoLine.exec(line.text);
  if (photo?.groups) return readPhoto(reading, index, photo.groups.name ?? '', photo.groups.extension ?? 'jpg');
  const texts = kept.map((other) => other.text);
  if (isTeaser(texts, index)) {
    info(context.file, `Removed a teaser that repeats the start of the story: "${shorten(line.text)}"`, wireRules.teaser, line);
    return 0;
  }
  const caption = readCaptionLine(reading, line, index);
  if (caption !== false) return caption;
  const label = bylineLabel(line.text) ? bylineAt(texts, index) : undefined;
  const byline = label ?? bylineCandidate(line.text) ?? nameAboveDate(reading, index);
  if (byline) {
    addAuthors(fields, byline.authors);
    if (byline.source) fields.source ??= byline.source;
    const names = [...byline.authors.map((author) => author.name), ...(byline.source ? [byline.source] : [])];
    info(context.file, `Read the byline: ${names.join(', ') || 'a desk, no person named'}`, wireRules.byline, line);
  }
  const relative = relativeTime.exec(line.text);
  if (relative) {
    const reason = `"${relative[0]}" gives a time only relative to when the page was copied; it is not used as a date`;
    report(context.file, 'warning', reason, wireRules.dateRelative, { line: line.line, column: line.column + relative.index });
    return 0;
  }
  if (byline || dates.some((date) => date.index === index)) return label ? 1 : 0;
  if (
    // A deck sits right under the headline.
    index === reading.headlineIndex + 1 &&
    !fields.subheadline &&
    // The page title repeating the headline (`Headline | Site`) is not a deck.
    !withoutSoftHyphens(line.text)
      .toLowerCase()
      .startsWith((fields.headline ?? '').toLowerCase()) &&
    fields.images.length === 0 &&
    line.text.length < 250 &&
    !/[.!?]["”]?$/.test(line.text) &&
    // A byline that names no one (`By admin`) or a date without a year is not a deck.
    !bylineOpening.test(line.text) &&
    !incompleteDate(line.text) &&
    line.text.split(/\s+/).length >= 3
  ) {
    fields.subheadline = withoutSoftHyphens(line.text);
    info(context.file, `Read the deck: "${shorten(line.text)}"`, wireRules.deck, line);
    return 0;
  }
  return false;
}

/**
 * A line that ends where the names should follow: the byline word alone (`By`), or after a date and a time
 * (`10.12.2024 18:27 von`) — select-all breaks the byline there, the names are on the next line.
 */
function bylineLabel(text: string): boolean {
  return bylineWordAlone.test(text) || (/\s(?:by|von|par|por):?$/iu.test(text) && locateDate(text, 'UTC') !== undefined);
}

/** The byline word or an author label alone on its line (`By`, `von`, `Autor`, `Autorin:`), the names on the next. */
const bylineWordAlone = /^(?:by|von|par|por|autor(?:in|\*in)?|author):?$/iu;

/** The byline on line `index`, or across it and the next when it ends with the byline word ({@link bylineLabel}). */
function bylineAt(texts: readonly string[], index: number): Byline | undefined {
  const text = texts[index] ?? '';
  if (!bylineLabel(text)) return bylineCandidate(text);
  return bylineCandidate(`${bylineWordAlone.test(text) ? 'By' : text.replace(/:$/u, '')} ${texts[index + 1] ?? ''}`);
}

/** The pop-up of an author's name that offers to search for them elsewhere, printed under the byline. */
const authorSearch = /^search for this author in:?$/iu;

/**
 * A name alone on a line near a date: a byline printed without `By`. One person of two or three words, above a
 * social handle (`@janeroe`), a time (`Jane Roe` / `Monday 6:30PM`), a job title (`Jane Roe` / `Staff Writer`) or a
 * date line — the date may stand one short line further down (`Jane Roe` / `—` / `31. Oktober 2023`, `Jane Roe` /
 * `am` / `Mittwoch, 26.01.2022 - 14:30`) or right above the name (`AUGUST 23, 2020` / `Jane Roe`).
 */
function nameAboveDate(reading: Reading, index: number): Byline | undefined {
  const { kept, context } = reading;
  const text = (kept[index] as Line).text;
  const next = kept[index + 1]?.text ?? '';
  const isDate = (at: number) => at > reading.headlineIndex && dateCandidate(kept[at]?.text ?? '', at, context.timeZone) !== undefined;
  // Two or three people listed, each of two or three words, with the date right under them (`Jane Roe, John Doe` /
  // `November 8 2023, 3:18 p.m.`).
  if (/,|\s(?:and|und|&)\s/u.test(text) && isDate(index + 1)) {
    const byline = parseByline(text);
    const count = byline?.authors.length ?? 0;
    const short = byline?.authors.every((author) => author.name.split(/\s+/u).length <= 3);
    if (byline && !byline.source && count >= 2 && count <= 3 && short) return byline;
  }
  if (text.split(/\s+/).length > 3) return undefined;
  const person = () => {
    const byline = parseByline(text);
    return byline?.authors.length === 1 && !byline.source ? byline : undefined;
  };
  // A job title alone on the next line (`Jane Roe` / `Games Editor`) makes the name a byline as a date would.
  if (isJobTitle(next)) return person();
  // A handle, a time, a relative time, or an author profile's pop-up (`Search for this author in:`) under the name.
  if (/^@\w{2,}$/u.test(next) || /^(?:\p{L}+day\s+)?\d{1,2}:\d\d/u.test(next) || relativeTime.test(next) || authorSearch.test(next))
    return person();
  // One short line may stand between the name and the date: a dash, a word (`am`, `on`), a separator.
  const connector = /^(?:[—–|·•-]|\p{Ll}{1,4})$/u.test(next);
  const dated = isDate(index + 1) || (connector && isDate(index + 2));
  if (!dated) return undefined;
  // Right under the headline, a short deck of two or three capitalised words reads as a name too: there the name
  // must hold no stop word (`Ein Kommentar`, `The Big Picture`).
  if (index === reading.headlineIndex + 1) {
    const stopwords = stopList(reading.language ?? 'und');
    if (
      text
        .toLowerCase()
        .split(/\s+/u)
        .some((word) => stopwords.has(word))
    )
      return undefined;
  }
  return person();
}

/**
 * A photo caption by its credit pattern: kept once (galleries print captions several times), never body text.
 * A credit alone on a line (`Photo: Getty Images`) takes the caption from the line above it. Scraped copy
 * never carries the photo's file, so the caption and credit are kept as a figure without a file where the
 * photo stood: in the story at its place, above the story (the lead photo) at the start of the body. It is
 * no article image (an image needs a file or a URL); formats keep its caption and credit and write no image.
 */
function readCaptionLine(reading: Reading, line: Line, index: number): number | false {
  const caption = readCaption(line.text);
  if (!caption) return false;
  if (!caption.caption) caption.caption = captionAbove(reading, index) ?? '';
  // Above the story, a credit printed first (`Jane Roe | Example Images` over its caption) takes the line below.
  const below = caption.caption ? undefined : captionBelow(reading, index);
  if (below) caption.caption = below;
  const used = below ? 1 : 0;
  const key = captionKey(caption.caption, caption.credit);
  if (reading.captions.has(key)) {
    info(reading.context.file, `Removed a photo caption printed again: "${shorten(line.text)}"`, wireRules.caption, line);
    return used;
  }
  reading.captions.add(key);
  const figure: Figure = { type: 'figure', credit: caption.credit, position: paragraph(line).position };
  if (caption.caption) figure.caption = caption.caption;
  reading.body.push(figure);
  info(
    reading.context.file,
    `Kept a photo caption (credit ${caption.credit}) as a figure without a photo file, where the photo stood: "${shorten(caption.caption || caption.credit)}"`,
    wireRules.caption,
    line,
  );
  return used;
}

/** A caption and credit as one key, spacing and case folded: a gallery prints the same caption several times. */
function captionKey(caption: string, credit: string): string {
  const fold = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();
  return `${fold(caption)}|${fold(credit)}`;
}

/**
 * The caption under a credit line printed first, above the story: the next line, when it reads as a caption and
 * stands before the story's start (never a byline, a date or the story's own text).
 */
function captionBelow(reading: Reading, index: number): string | undefined {
  const next = reading.kept[index + 1];
  if (reading.bodyStarted || !next || index + 1 >= (reading.storyStart ?? 0) || index <= reading.headlineIndex) return undefined;
  if (!looksLikeCaption(next.text) || readCaption(next.text) || isHeaderLine(next.text, reading.context.timeZone)) return undefined;
  return next.text;
}

/**
 * The caption text above a credit line: the last body paragraph when it reads as a caption, or the header line above.
 * A short closed line right above the credit, with no blank line between (one figure's caption and credit: `Jane Roe
 * in 1987.` / `Photo by John Doe`), is its caption too.
 */
function captionAbove(reading: Reading, index: number): string | undefined {
  const above = reading.kept[index - 1];
  const credit = reading.kept[index];
  const joined = above !== undefined && credit !== undefined && above.line === credit.line - 1 && shortCaption(above.text);
  if (!above || index - 1 <= reading.headlineIndex || !(looksLikeCaption(above.text) || joined)) return undefined;
  const last = reading.body.at(-1);
  if (reading.bodyStarted) {
    if (last?.type !== 'paragraph' || last.position?.start.line !== above.line) return undefined;
    reading.body.pop();
  }
  return above.text;
}

/** The publication date: the best-scored candidate (an update time only when nothing else is dated). */
function settleDates(reading: Reading, dates: readonly DateCandidate[]): void {
  const { context, kept, fields } = reading;
  const ranked = [...dates].sort((a, b) => b.score - a.score || a.index - b.index);
  const published = ranked.find((date) => !date.updated) ?? ranked[0];
  if (!published) return;
  reading.published = published.value;
  const line = kept[published.index] as Line;
  const zone = published.zoned ? '' : ` (no time zone given; ${context.timeZone} assumed)`;
  info(context.file, `Read the publication date ${published.value}${zone}`, wireRules.date, line);
  const updated = ranked.find((date) => date.updated && date !== published && date.value > published.value);
  if (updated) fields.updated = updated.value;
}

/**
 * The story: dateline, paragraphs, photos and captions, subheadings, and bylines right after its end; the
 * `skipped` lines (a block of links between its paragraphs) are dropped. Returns its last line.
 */
function readStory(reading: Reading, start: number, end: number, skipped: ReadonlySet<number>): number | 'no-body' {
  const { kept } = reading;
  let last = end;
  // An agency byline or credit line right after the story belongs to it.
  while (last + 1 < kept.length && last - end < 3 && bylineCandidate((kept[last + 1] as Line).text)) last += 1;
  reading.storyEnd = last;
  for (let index = start; index <= last; index++) {
    if (skipped.has(index)) {
      let to = index;
      while (to + 1 < last && skipped.has(to + 1)) to += 1;
      reportDropped(reading, index, to + 1, 'links inside the story', wireRules.chrome);
      index = to;
      continue;
    }
    const line = kept[index] as Line;
    const photo = photoLine.exec(line.text);
    if (photo?.groups) index += readPhoto(reading, index, photo.groups.name ?? '', photo.groups.extension ?? 'jpg');
    else if (!reading.bodyStarted) {
      // A photo caption read by its credit where the story was found (it reads as prose) is a figure: the story
      // starts below it.
      if (readCaption(line.text)?.caption && readCaptionLine(reading, line, index) !== false) continue;
      const dateline = readDateline(reading, index);
      if (dateline === 'no-body') return 'no-body';
      if (dateline === 'none') {
        reading.bodyStarted = true;
        reading.body.push(paragraph(line));
      }
    } else if (readCaptionLine(reading, line, index) === false) readBodyLine(reading, index);
  }
  return last;
}

/** How many lines after the story's last one an end byline may stand (a `(wird fortgesetzt)`, a bio line between). */
const endBylineWindow = 4;

/**
 * A byline printed after the story when none was read above it ({@link endBylinePatterns}, shared with the page
 * ingester): the story's last paragraph ending in the name (`… zu. (Jo Weiden) +++`), a labelled name on a line of
 * its own (`Text: Jo Weiden`, `Von Jo Weiden`), or an author box's heading with the name under it (`Autor` /
 * `Jo Weiden,`, `von` / `Jo Weiden`), within a few lines of the story's end. Only one person or more counts: an agency
 * or a desk is no author.
 */
function readEndByline(reading: Reading, end: number): void {
  const { context, fields, kept } = reading;
  if (fields.authors.length > 0) return;
  const person = (name: string | undefined) => {
    const byline = name ? parseByline(name) : undefined;
    return byline && byline.authors.length > 0 && !byline.authors.some((author) => isJobTitle(author.name)) ? byline : undefined;
  };
  const found = (byline: Byline, line: Line, where: string) => {
    addAuthors(fields, byline.authors);
    const names = byline.authors.map((author) => author.name).join(', ');
    info(context.file, `Read the byline ${where}: ${names}`, wireRules.byline, line);
  };
  const last = kept[end];
  if (last) {
    for (const { pattern, alone } of endBylinePatterns) {
      const byline = alone ? undefined : person(pattern.exec(last.text)?.[1]);
      if (byline) {
        found(byline, last, "at the end of the story's last paragraph");
        return;
      }
    }
  }
  // The lines after the story, on into the trailer's first lines (an `About the author` box starts a trailer).
  const tail = [...kept.slice(end, end + endBylineWindow + 1), ...reading.trailerHead].slice(0, endBylineWindow + 2);
  for (let index = 1; index < tail.length; index++) {
    const line = tail[index] as Line;
    // Right under a closed sentence or note (`(wird fortgesetzt)`), not in a list (`Autorin: Jo Weiden` in a book's
    // fact sheet, `Jo Weiden, Band` in a list of names) nor under a teaser's title (`von Jo Weiden` under a link).
    if (!/[.!?…"“”»)]$/u.test(tail[index - 1]?.text ?? '')) continue;
    for (const { pattern, alone } of endBylinePatterns) {
      const byline = alone ? person(pattern.exec(line.text)?.[1]) : undefined;
      if (byline) {
        found(byline, line, 'after the story');
        return;
      }
    }
    const next = tail[index + 1];
    if (next && authorBoxLabel.test(line.text)) {
      const byline = person(authorBoxName.exec(next.text)?.[1]);
      if (byline) {
        found(byline, next, `in the author box after the story ("${line.text}")`);
        return;
      }
    }
  }
}

/** A dateline (`CHARLESTON, S.C. (AP) — …`) opens the story. */
function readDateline(reading: Reading, index: number): 'read' | 'no-body' | 'none' {
  const { context, fields, kept } = reading;
  const line = kept[index] as Line;
  const dateline = matchDateline(line.text) ?? staffDateline(line.text);
  if (!dateline) return 'none';
  fields.dateline = dateline.place ? { place: dateline.place, agency: dateline.agency } : { agency: dateline.agency };
  reading.bodyStarted = true;
  if (!dateline.rest) {
    if (!kept[index + 1]) {
      report(context.file, 'error', `Dateline "${shorten(line.text)}" has no story after it`, wireRules.noBody, {
        line: line.line,
        column: line.column,
      });
      return 'no-body';
    }
    return 'read';
  }
  const column = line.column + line.text.length - dateline.rest.length;
  reading.body.push(paragraph({ text: dateline.rest, line: line.line, column }));
  const parts = [dateline.place, dateline.agency && `(${dateline.agency})`].filter(Boolean);
  info(context.file, `Read the dateline ${parts.join(' ')}`, wireRules.dateline, line);
  return 'read';
}

/** A staff dateline without an agency (`MADRID — …`): the place, and the text after it. */
function staffDateline(text: string): { place: string; agency?: undefined; rest: string } | undefined {
  const groups = placeDateline.exec(text)?.groups;
  return groups?.place && groups.rest ? { place: groups.place.trim(), rest: groups.rest } : undefined;
}

/** A line of the body: an end byline (metadata, not text), a subheading, or a paragraph. */
function readBodyLine(reading: Reading, index: number): void {
  const { context, fields, kept, body } = reading;
  const line = kept[index] as Line;
  // A byline at the end is metadata, not text.
  const near = (reading.storyEnd ?? kept.length) - index < 3;
  const endByline = near && line.text.length < 200 ? bylineCandidate(line.text) : undefined;
  if (endByline) {
    if (fields.authors.length === 0) fields.authors.push(...endByline.authors);
    if (endByline.source) fields.source ??= endByline.source;
    const names = endByline.authors.map((author) => author.name).join(', ');
    info(context.file, `Read the byline: ${names}${endByline.source ? `, ${endByline.source}` : ''}`, wireRules.byline, line);
    return;
  }
  // A short line without closing punctuation between two story paragraphs is a subheading ("About Harborlight").
  const next = kept[index + 1];
  if (
    line.text.length <= 80 &&
    !/[.!?:;,"”’)]$/u.test(line.text) &&
    /^[\p{Lu}\p{N}]/u.test(line.text) &&
    // A figure (a photo, a caption) stands beside the text: the paragraph before it counts.
    body.findLast((node) => node.type !== 'figure')?.type === 'paragraph' &&
    next &&
    index + 1 <= (reading.storyEnd ?? kept.length) &&
    !photoLine.test(next.text) &&
    isSentence(next.text)
  ) {
    body.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: line.text }], position: paragraph(line).position });
    info(context.file, `Read a subheading: "${shorten(line.text)}"`, wireRules.subheading, line);
    return;
  }
  body.push(paragraph(line));
}

/** The publication date: the date line's, else guessed from a photo file name (a warning), else none (a warning). */
function settlePublished(reading: Reading): void {
  const { context, fields, published, photoDate } = reading;
  const below = published ? undefined : labelledDateBelow(reading);
  if (published) fields.published = published;
  else if (below) {
    fields.published = below.value;
    const zone = below.zoned ? '' : ` (no time zone given; ${context.timeZone} assumed)`;
    info(
      context.file,
      `Read the publication date ${below.value}${zone} from a labelled date line below the story`,
      wireRules.date,
      below.line,
    );
  } else if (photoDate) {
    fields.published = photoDate.value;
    report(
      context.file,
      'warning',
      `Publication date guessed from the photo file name ${photoDate.name} (${photoDate.value}; time zone assumed ${context.timeZone})`,
      wireRules.dateGuessed,
      { line: photoDate.line.line, column: photoDate.line.column },
    );
  } else if (reading.incompleteDate) {
    const { text, line } = reading.incompleteDate;
    report(
      context.file,
      'warning',
      `No publication date found: "${text}" has no year; it is not used as a date`,
      wireRules.dateIncomplete,
      { line: line.line, column: line.column + Math.max(0, line.text.indexOf(text)) },
    );
  } else report(context.file, 'warning', 'No publication date found in the copy', wireRules.noDate, { line: 1, column: 1 });
}

/**
 * A warning when no author and no agency was read although a header line opens like a byline (`By admin`,
 * `written by Regan`): the page names someone the reading did not take as a person.
 */
function reportUnreadByline(reading: Reading, headline: number, start: number): void {
  const { kept, context, fields } = reading;
  if (fields.authors.length > 0 || fields.source) return;
  for (let index = headline + 1; index < start; index++) {
    const line = kept[index] as Line;
    if (!bylineOpening.test(line.text)) continue;
    if (line.text.length > 120 || bylineCandidate(line.text)) continue;
    report(
      context.file,
      'warning',
      `No byline read: "${shorten(line.text)}" opens like one, but names no one as a byline does (a name of two words or more)`,
      wireRules.noByline,
      { line: line.line, column: line.column },
    );
    return;
  }
}

/**
 * The article's language: detected by franc-min from the story (at least
 * 200 characters: shorter text misleads trigram statistics), as the
 * shortest BCP 47 tag (`deu` → `de`). Wire copy does not say its language.
 */
function settleLanguage(reading: Reading): void {
  const { context, fields, body } = reading;
  const text = body
    .filter((node): node is Paragraph => node.type === 'paragraph')
    .map((node) => (node.children[0] as { value: string }).value)
    .join('\n');
  const code = detectLanguage(text);
  const first = body.find((node) => node.type === 'paragraph')?.position?.start ?? { line: 1, column: 1 };
  if (code === 'und') {
    info(
      context.file,
      `No language detected: the story has ${text.length} characters, fewer than the 200 a reliable guess needs`,
      wireRules.noLanguage,
      first as Line,
    );
    return;
  }
  fields.language = (iso6393To1 as Record<string, string | undefined>)[code] ?? code;
  info(context.file, `Language detected from the story: ${fields.language}`, wireRules.language, first as Line);
}

/** Warn where a paragraph looks like link text was stripped from it, or ends mid-sentence. */
function reportFragments(file: VFile, body: readonly RootContent[]): void {
  for (const node of body) {
    if (node.type !== 'paragraph') continue;
    const start = node.position?.start;
    const text = (node.children[0] as { value: string }).value;
    for (const fragment of findFragments(text, node === body.find((other) => other.type === 'paragraph'))) {
      report(file, 'warning', fragment.reason, fragment.rule, {
        line: start?.line ?? 1,
        column: (start?.column ?? 1) + fragment.offset,
      });
    }
  }
}

/** A short caption: two words or more, closed by a full stop or a bracket (`Jane Roe in 1987.`). */
function shortCaption(text: string): boolean {
  return text.length <= 200 && text.split(/\s+/u).length >= 2 && /^\p{Lu}/u.test(text) && /[.)]$/u.test(text);
}

function looksLikeCaption(text: string): boolean {
  return Boolean(splitCredit(text).credit) || (text.length > 40 && /[.)]$/.test(text));
}

/** Whether `later` starts with the text of `teaser`, ignoring spacing and case. */
function startsWithText(later: string, teaser: string): boolean {
  const normalize = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  const a = normalize(later);
  const b = normalize(teaser);
  return a.length > b.length && a.startsWith(b);
}

function paragraph(line: Line): Paragraph {
  const end = { line: line.line, column: line.column + line.text.length };
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: line.text }],
    position: { start: { line: line.line, column: line.column }, end },
  };
}

function photoImage(
  name: string,
  extension: string,
  caption: string | undefined,
  context: IngestContext,
  options: Readonly<WireTextOptions>,
  line: Line,
): ArticleImage | undefined {
  const fileName = `${name}.${extension.toLowerCase()}`;
  let src: string;
  if (options.photoBaseUrl) src = new URL(fileName, options.photoBaseUrl).href;
  else {
    const resolved = resolveImageRef(fileName, context.articlePath);
    if ('error' in resolved) return undefined;
    src = resolved.src;
    report(
      context.file,
      'warning',
      `Photo ${fileName} is named in the copy but has no URL; set the wire option photoBaseUrl`,
      wireRules.photoNoUrl,
      { line: line.line, column: line.column },
    );
  }
  const image: ArticleImage = { src };
  const mediaType = imageMediaType(fileName);
  if (mediaType) image.mediaType = mediaType;
  if (caption) {
    const split = splitCredit(caption);
    if (split.caption) image.caption = split.caption;
    if (split.credit) image.credit = split.credit;
  }
  return image;
}

function figureOf(image: ArticleImage, line: Line): Figure {
  const figure: Figure = {
    type: 'figure',
    url: image.src,
    position: { start: { line: line.line, column: line.column }, end: { line: line.line, column: line.column + line.text.length } },
  };
  if (image.caption) figure.caption = image.caption;
  if (image.credit) figure.credit = image.credit;
  return figure;
}
