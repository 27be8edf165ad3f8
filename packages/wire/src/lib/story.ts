import { franc } from 'franc-min';
import * as stopwordLists from 'stopword';
import { matchDateline } from './dateline.js';
import { isNavigationWord, readCaption, titleScore } from './header.js';

/**
 * Where the story is in scraped text, found the way jusText finds it in a
 * page (Pomikálek 2011): each line is classed by its length and its
 * stop-word density — prose is long and dense in function words; menus,
 * teasers and footers are short or dense in names — and the story is the
 * first run of prose, or the paragraph that opens with an agency dateline.
 * Position alone decides nothing: a page copied with select-all starts with
 * its menus.
 */
export type LineClass = 'good' | 'near-good' | 'short' | 'bad';

/** jusText's thresholds (characters; share of stop words). The stop lists here are shorter than jusText's, so the densities are lower. */
const lengthLow = 70;
const lengthHigh = 200;
const stopwordsLow = 0.2;
const stopwordsHigh = 0.25;
/** How many lines that are not story may stand between two story paragraphs (a photo, its caption, a subheading, a promo). */
const maxGap = 2;
/** How many short lines a block of links inside the story may have ("Trending News" and four headlines). */
const maxJump = 8;
/** The longest line such a block may hold: a headline, not a paragraph. */
const maxLinkLength = 120;

/**
 * franc-min names individual languages (Standard Arabic `arb`, Mandarin
 * `cmn`, Iranian Persian `pes`, Swahili `swh`, Malay `zlm`, Central Kurdish
 * `ckb`) where the stopword package files its lists under the macrolanguage
 * (`ara`, `zho`, `fas`, `swa`, `msa`, `kur`, whose list is Sorani). Written
 * by hand: the iso-639-3 package carries each code's scope but not the
 * macrolanguage it belongs to (SIL's macrolanguage mappings table); these are
 * the members franc-min can return whose macrolanguage has a list.
 */
const macrolanguages: Readonly<Record<string, string>> = {
  arb: 'ara',
  cmn: 'zho',
  pes: 'fas',
  swh: 'swa',
  zlm: 'msa',
  ckb: 'kur',
};

/** The stop list for a language (ISO 639-3, an individual language by its macrolanguage's list), English when there is none. */
export function stopList(language: string): ReadonlySet<string> {
  const lists = stopwordLists as unknown as Record<string, readonly string[] | undefined>;
  const list = lists[language] ?? lists[macrolanguages[language] ?? ''] ?? lists.eng ?? [];
  return new Set(list.map((word) => word.toLowerCase()));
}

/** The language of the copy by franc-min (ISO 639-3), from its longest lines; `und` below 200 characters. */
export function detectLanguage(text: string): string {
  if (text.length < 200) return 'und';
  return franc(text.slice(0, 10_000), { minLength: 200 });
}

/** A line's class, from its length and its stop-word density. */
export function classify(text: string, stopwords: ReadonlySet<string>): LineClass {
  const words = text.toLowerCase().match(/[\p{L}\p{M}'’]+/gu) ?? [];
  if (words.length === 0) return 'bad';
  const density = words.filter((word) => stopwords.has(word)).length / words.length;
  if (text.length < lengthLow) return density > 0 && isSentence(text) ? 'near-good' : 'short';
  // A line in title case is a headline or a link (a related story), not prose, wherever it stands.
  if (isTitleCase(words, text)) return 'short';
  if (density >= stopwordsHigh && text.length >= lengthHigh) return 'good';
  return density >= stopwordsLow ? 'near-good' : 'bad';
}

/** Most words of four letters or more capitalised ("Scientists Have Created a Vaccine for Cat Allergies"). */
function isTitleCase(words: readonly string[], text: string): boolean {
  const long = text.match(/[\p{L}\p{M}'’]{4,}/gu) ?? [];
  return words.length >= 4 && long.length >= 3 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length > 0.75;
}

/** A complete sentence: four words or more, ending with closing punctuation. */
export function isSentence(text: string): boolean {
  return /[.!?…"”»«'’)]$/u.test(text) && text.split(/\s+/).length >= 4;
}

/** Where the story starts and ends among the lines, and why. */
export interface StorySpan {
  start: number;
  /** Inclusive. */
  end: number;
  /** Why the start was chosen, for the diagnostics. */
  reason: string;
  /** The detected language of the copy (ISO 639-3) or `und`. */
  language: string;
  /** Lines between `start` and `end` that are not story: the titles and labels of a block of links inside it. */
  skipped: readonly number[];
  /** The blocks of links the story was read across: the story line above each and the story line below it. */
  crossed: readonly (readonly [number, number])[];
}

/**
 * Find the story among `lines` (blank lines already dropped): the first
 * dateline paragraph followed by prose, else the first run of prose (a good
 * line with another good or near-good one within the next three, or an
 * earlier run of short closed paragraphs, {@link denseRun}); then its end,
 * the last story line before more than {@link maxGap} lines that are not.
 * Blocks of links inside the story are crossed ({@link acrossLinks}).
 */
export function findStory(
  lines: readonly string[],
  isSkippable: (index: number) => boolean,
  isHeaderLine: (index: number) => boolean = () => false,
): StorySpan | undefined {
  const language = detectLanguage(
    lines
      .filter((line) => line.length >= lengthLow)
      .join('\n')
      .slice(0, 10_000),
  );
  const stopwords = stopList(language);
  const classes = lines.map((line) => classify(line, stopwords));
  const prose = (index: number) => classes[index] === 'good' || classes[index] === 'near-good';
  const view: Classed = { lines, classes, isExcluded: (index) => isSkippable(index) || isHeaderLine(index) };
  // A staff dateline (no agency) opens the story only when prose follows it: a teaser in capitals and a dash in a list
  // of links below the story (`KURZ MAL WEG – Heute erscheint …` / `WIR INFORMIEREN`) reads as one.
  const followed = (index: number) => matchDateline(lines[index] ?? '') !== undefined || [1, 2, 3].some((step) => prose(index + step));
  let start = lines.findIndex((_, index) => !isSkippable(index) && datelineParagraph(lines, index) && followed(index));
  let reason = 'its dateline';
  if (start === -1) {
    start = classes.findIndex((kind, index) => kind === 'good' && [1, 2, 3].some((step) => prose(index + step)));
    // A story told in short paragraphs has no long one near its start (or none at all): a run of closed
    // paragraphs that comes first is the story's start. A teaser's summary is not closed by a full stop.
    const dense = denseRun(view);
    if (dense !== -1 && (start === -1 || dense < start)) start = dense;
    reason = 'the first run of prose paragraphs';
  }
  if (start === -1) {
    // No run of prose (a paywalled page prints one paragraph of its story): the first long prose line, then the
    // first prose of a line's length that is no photo caption — jusText keeps no short line without long prose around
    // it, so a form's closing sentence (`A password will be e-mailed to you.`) comes last.
    start = classes.findIndex((kind, index) => kind === 'good' && !view.isExcluded(index));
    if (start === -1)
      start = lines.findIndex(
        (line, index) => isProse(view, index) && !view.isExcluded(index) && line.length >= lengthLow && !readCaption(line),
      );
    if (start === -1) start = classes.findIndex((kind) => kind === 'good' || kind === 'near-good');
    reason = 'the first prose paragraph';
  }
  if (start === -1) return undefined;
  // The dateline may open the second or third paragraph of the run (a standfirst above it).
  const later = [1, 2].map((step) => start + step).find((index) => index < lines.length && datelineParagraph(lines, index));
  if (reason !== 'its dateline' && later !== undefined) {
    start = later;
    reason = 'its dateline';
  }
  const skipped: number[] = [];
  const crossed: [number, number][] = [];
  // A byline or date line right under the start means the start was the deck: the story starts below the header.
  if (reason !== 'its dateline') start = belowHeader(start, lines.length, prose, isHeaderLine);
  if (reason !== 'its dateline') {
    for (;;) {
      start = climb(start, lines, prose, view.isExcluded, (index) => namesLead(lines[index] ?? '', stopwords));
      const above = acrossLinks(view, start, -1);
      if (!above) break;
      skipped.push(...above.skipped);
      crossed.push([above.resume, start]);
      start = above.to;
    }
  }
  if (reason !== 'its dateline') start = belowTitle(view, start, isHeaderLine);
  if (reason !== 'its dateline') start = atPlace(view, start, isHeaderLine);
  let end = runFrom(view, start, 1);
  for (let below = acrossLinks(view, end, 1); below; below = acrossLinks(view, end, 1)) {
    skipped.push(...below.skipped);
    crossed.push([end, below.resume]);
    end = below.to;
  }
  return { start, end, reason, language, skipped: skipped.sort((x, y) => x - y), crossed };
}

/** The longest line read as a title at the story's start ({@link belowTitle}). */
const maxTitleLength = 110;

/**
 * The story's first line when it is its title: a short title-like line not closed by a full stop (a title ending
 * with `?`, `…` or a closing quote reads as a short paragraph; {@link maxTitleLength} characters at most) with
 * menu links above it — no title within three lines and no byline or date right above, which a short first paragraph
 * under the header has — and a paragraph under it within three lines. The story
 * starts at that paragraph, and the title is left to the header.
 */
function belowTitle(view: Classed, start: number, isHeaderLine: (index: number) => boolean): number {
  const { lines } = view;
  const line = lines[start] ?? '';
  if (line.length > maxTitleLength || /[.!:;,]$/u.test(line) || titleScore(line, lines, start) === 0 || isHeaderLine(start - 1))
    return start;
  for (let above = start - 1; above >= Math.max(0, start - 3); above--) if (titleScore(lines[above] ?? '', lines, above) > 0) return start;
  for (let below = start + 1; below <= start + 3; below++) if (isParagraph(view, below)) return below;
  return start;
}

/**
 * A place alone on its line (`BAAR, SWITZERLAND`, `PITTSBURGH`, `Pittsburgh`): a dateline printed apart from the
 * story's first paragraph. Places in capitals: up to four words, a region after a comma; in title case one word.
 */
const placeInCapitals = /^\p{Lu}[\p{Lu}\p{M}.'’ -]{2,30}(?:,\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,30})?$/u;
const placeWord = /^\p{Lu}\p{Ll}{2,20}$/u;
const isCapitalPlace = (text: string) => placeInCapitals.test(text) && text.split(/\s+/u).length <= 4;

/**
 * The story opens at a place alone on its line between the header's byline or date and its first paragraph: the
 * page prints the dateline as the story's first line. (Below a summary, a place is not climbed across: the story
 * starts under it, {@link climb}.)
 */
function atPlace(view: Classed, start: number, isHeaderLine: (index: number) => boolean): number {
  const above = view.lines[start - 1] ?? '';
  const underHeader = start >= 2 && isHeaderLine(start - 2);
  return underHeader && (isCapitalPlace(above) || placeWord.test(above)) && !view.isExcluded(start - 1) ? start - 1 : start;
}

/** How many paragraphs in a row make a run of prose without a long one ({@link denseRun}). */
const denseParagraphs = 4;

/**
 * The first of {@link denseParagraphs} paragraphs or more ({@link isParagraph}: a full line's length, closed,
 * not a teaser's `…`, not a byline or date), the first two in a row, then at most one other line between two of
 * them (a caption, a subheading) — or `-1`.
 */
function denseRun(view: Classed): number {
  const { lines } = view;
  for (let first = 0; first < lines.length; first++) {
    // The run opens with two paragraphs in a row: a caption above the story is followed by its credit.
    if (!isParagraph(view, first) || !isParagraph(view, first + 1)) continue;
    let count = 1;
    let last = first;
    for (let index = first + 1; index < lines.length && index - last <= 2 && count < denseParagraphs; index++)
      if (isParagraph(view, index)) [count, last] = [count + 1, index];
    if (count >= denseParagraphs) return first;
  }
  return -1;
}

/** The lines with their classes, and which lines can never be story (skipped, or the header's). */
interface Classed {
  lines: readonly string[];
  classes: readonly LineClass[];
  isExcluded: (index: number) => boolean;
}

const isProse = (view: Classed, index: number) => view.classes[index] === 'good' || view.classes[index] === 'near-good';
const isClosed = (view: Classed, index: number) => /[.!?…"”»'’):]$/u.test(view.lines[index] ?? '');
/**
 * A paragraph of a run: prose of a full line's length, closed by a sentence's end — not by `)` (a caption's
 * credit, `(Credit: Example Images)`) nor cut short with `…` (a teaser's link) — and no byline or date.
 */
const isParagraph = (view: Classed, index: number) =>
  isProse(view, index) &&
  !view.isExcluded(index) &&
  (view.lines[index] ?? '').length >= lengthLow &&
  /[.!?"”»'’]$/u.test(view.lines[index] ?? '') &&
  !/(?:…|\.\.\.)$/u.test(view.lines[index] ?? '');

/**
 * Where a run of story lines from `from` stops, going down (`step` 1) or up (`-1`): the last story line before
 * more than {@link maxGap} lines that are not. Going down, a short closing sentence right after the run still
 * belongs to it ("Second paragraph."); a line without closing punctuation short of a long paragraph is a title
 * or a link (a related story) and does not carry it on. Going up, only closed prose carries it, and an excluded
 * line stops it.
 */
function runFrom(view: Classed, from: number, step: 1 | -1): number {
  const { lines, classes } = view;
  let last = from;
  for (let index = from + step; index >= 0 && index < lines.length && (index - last) * step <= maxGap + 1; index += step) {
    if (step === -1) {
      // A header line (a byline, a date) stands above the story: the run stops there.
      if (view.isExcluded(index)) break;
      if (isProse(view, index) && isClosed(view, index)) last = index;
      continue;
    }
    // A short closing sentence has words and is not a title ("Why Do We Get Allergies?" is a link; "..." is nothing).
    const line = lines[index] ?? '';
    // A teaser cut short (`…`) is a link, and a date or byline line below the story is its footer's: none of these
    // carries the story on.
    // A short question below it is a prompt or a link ("Like this article?", "Why Do We Get Allergies?").
    if (/(?:…|\.\.\.)$/u.test(line) || view.isExcluded(index) || (line.length < lengthLow && /\?["”’]?$/u.test(line))) continue;
    const words = line.match(/[\p{L}\p{M}'’]+/gu) ?? [];
    // A menu of links closed by a guillemet (`« Previous | Next »`) is no closing sentence.
    const closing =
      index - last === 1 && /[.!?…"”»)]$/u.test(line) && words.length >= 2 && !isTitleCase(words, line) && !isNavigationWord(line);
    // An interview's questions and answers (`Q: Favorite books?` / `A: Two novels`) are the story's however short.
    const interview = /^[QA][:.]\s+\S/u.test(line) && /^[QA][:.]\s/u.test(lines[last] ?? '');
    if ((isProse(view, index) && (isClosed(view, index) || classes[index] === 'good')) || closing || interview) last = index;
  }
  return last;
}

/**
 * A block of links inside the story ("Trending News" and four headlines, "More:" and three, an embedded post's
 * short lines) is longer than {@link maxGap}: the story goes on across it, below its end (`step` 1) or above its
 * start (`-1`), when the block is only short lines none of which is the header's, and prose goes on beyond it as
 * a run — three paragraphs below (a footer's teasers are single paragraphs between titles, a privacy notice one
 * or two), two above (the story's first two: the header's deck and caption are one line each, and a byline or
 * date stops the run); a teaser cut short with `…` is a link, not a paragraph. Returns the run's far end and the
 * block's titles and labels (a closed sentence in it, "Here are the highlights:", is the story's).
 */
function acrossLinks(view: Classed, from: number, step: 1 | -1): { to: number; resume: number; skipped: number[] } | undefined {
  const { lines, classes } = view;
  let resume = from + step;
  while (resume >= 0 && resume < lines.length && !(isProse(view, resume) && isClosed(view, resume) && !view.isExcluded(resume)))
    resume += step;
  const gap = Math.abs(resume - from) - 1;
  if (resume < 0 || resume >= lines.length || gap > maxJump) return undefined;
  const between = Array.from({ length: gap }, (_, at) => from + step * (at + 1));
  // Above the story, a byline or a date in the block means it is the header, not links.
  const isLink = (index: number) =>
    (lines[index] ?? '').length <= maxLinkLength && classes[index] !== 'good' && !(step === -1 && view.isExcluded(index));
  if (!between.every(isLink)) return undefined;
  const to = runFrom(view, resume, step);
  const run = Array.from({ length: Math.abs(to - resume) + 1 }, (_, at) => resume + step * at).filter((index) => isParagraph(view, index));
  // Above the story, its first two paragraphs are enough (the header's deck and caption are one line each).
  if (run.length < (step === -1 ? 2 : 3)) return undefined;
  return { to, resume, skipped: between.filter((index) => !isClosed(view, index)) };
}

/**
 * jusText's context rule: prose right above the start (a short first paragraph) is story too, unless it is
 * skipped, a line of the header, or a title (no closing punctuation). A subheading between two runs of prose
 * (`1. Ditch the diet`: up to eight words, no closing punctuation) is climbed over too, when closed prose stands
 * above it, and so are photo captions read by their credit (caption and credit on one line).
 */
function climb(
  start: number,
  lines: readonly string[],
  prose: (index: number) => boolean,
  isExcluded: (index: number) => boolean,
  lead: (index: number) => boolean = () => false,
): number {
  // A sentence closed inside brackets (`… (Here is the online version.)`) is closed too; a caption's credit in
  // brackets, `(Credit: Example Images)`, is not.
  const closed = (index: number) => /(?:[.!?…"”»'’]|[.!?]\))$/u.test(lines[index] ?? '');
  const story = (index: number) => index >= 0 && prose(index) && !isExcluded(index) && closed(index);
  for (;;) {
    if (start > 0 && story(start - 1)) start -= 1;
    // A lead dense in names is taken only right above the story: across a short line (a place alone, a
    // subheading) it is as likely a summary above the story.
    else if (start > 0 && !isExcluded(start - 1) && closed(start - 1) && lead(start - 1)) start -= 1;
    else if (start > 1 && isSubheading(lines[start - 1] ?? '') && !isExcluded(start - 1) && story(start - 2)) start -= 2;
    else {
      // Photo captions (by their credit, caption and credit on one line) between the story's first paragraphs and
      // the rest: the story goes on above them. (A credit alone takes its caption from the line above: no story.)
      let above = start - 1;
      while (above > 0 && readCaption(lines[above] ?? '')?.caption && !isExcluded(above)) above -= 1;
      if (above === start - 1 || !story(above)) return start;
      start = above;
    }
  }
}

/**
 * A lead dense in names (`In October, Rep. Jane Doe, R-Ore., visited …`): a
 * long closed sentence a little under the prose threshold of stop words.
 * Right above the story it is the story's first paragraph; alone it is not
 * prose (a list of names, a caption).
 */
function namesLead(text: string, stopwords: ReadonlySet<string>): boolean {
  if (text.length < 150 || !isSentence(text)) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{M}'’]+/gu) ?? [];
  return words.filter((word) => stopwords.has(word)).length / words.length >= stopwordsLow * 0.75;
}

/** A short line between paragraphs that reads as a subheading: up to eight words, no closing punctuation. */
function isSubheading(text: string): boolean {
  return text.split(/\s+/).length <= 8 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?…"”»'’,;:]$/u.test(text) && !/\p{L}:\s/u.test(text);
}

/** The first prose line below a byline or date line that stands within three lines under `start`; else `start`. */
function belowHeader(start: number, count: number, prose: (index: number) => boolean, isHeaderLine: (index: number) => boolean): number {
  let header = -1;
  for (let index = start + 1; index < Math.min(count, start + 4); index++) {
    if (isHeaderLine(index)) header = index;
    else if (prose(index)) break;
  }
  if (header === -1) return start;
  for (let index = header + 1; index < count; index++) if (prose(index)) return index;
  return start;
}

/**
 * Whether the line at `index` opens the story with a dateline. An agency's (`WASHINGTON (AP) —`) is enough by itself,
 * even alone on its line or cut short; a staff dateline (a place in capitals and a dash) must open a paragraph — a
 * line's length or a sentence: a label of a few words after a dash (`KI – Chancen und Gefahren`, `BMDW –
 * Handysignatur`, a dossier menu's entries) reads as one but opens nothing.
 */
function datelineParagraph(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (!isDatelineOpening(line)) return false;
  return matchDateline(line) !== undefined || line.length >= lengthLow || isSentence(line);
}

function isDatelineOpening(line: string): boolean {
  const dateline = matchDateline(line);
  if (dateline) return dateline.rest === '' || dateline.rest.length >= 20;
  return placeDateline.test(line);
}

/**
 * A staff dateline without an agency: a place in capitals and a dash
 * (`MADRID — …`, `BERLIN -- …`, `CLEVELAND, Ohio – …`). A single hyphen is
 * not enough: it also joins words in capitals.
 */
export const placeDateline =
  /^(?<place>[\p{Lu}][\p{Lu}\p{M}.'’ ]{2,40}?(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ ]{1,30}?)?)\s*(?:—|–|--)\s*(?<rest>\p{Lu}.{19,})$/u;
