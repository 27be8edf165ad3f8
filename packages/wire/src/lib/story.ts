import { franc } from 'franc-min';
import * as stopwordLists from 'stopword';
import { matchDateline } from './dateline.js';

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

/** The stop list for a language (ISO 639-3), English when there is none. */
function stopList(language: string): ReadonlySet<string> {
  const lists = stopwordLists as unknown as Record<string, readonly string[] | undefined>;
  return new Set((lists[language] ?? lists.eng ?? []).map((word) => word.toLowerCase()));
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
}

/**
 * Find the story among `lines` (blank lines already dropped): the first
 * dateline paragraph followed by prose, else the first run of prose (a good
 * line with another good or near-good one within the next three); then its
 * end, the last story line before more than {@link maxGap} lines that are not.
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
  let start = lines.findIndex((line, index) => !isSkippable(index) && isDatelineOpening(line));
  let reason = 'its dateline';
  if (start === -1) {
    start = classes.findIndex((kind, index) => kind === 'good' && [1, 2, 3].some((step) => prose(index + step)));
    reason = 'the first run of prose paragraphs';
  }
  if (start === -1) {
    start = classes.findIndex((kind) => kind === 'good' || kind === 'near-good');
    reason = 'the first prose paragraph';
  }
  if (start === -1) return undefined;
  // The dateline may open the second or third paragraph of the run (a standfirst above it).
  const later = [1, 2].map((step) => start + step).find((index) => index < lines.length && isDatelineOpening(lines[index] ?? ''));
  if (reason !== 'its dateline' && later !== undefined) {
    start = later;
    reason = 'its dateline';
  }
  // A byline or date line right under the start means the start was the deck: the story starts below the header.
  if (reason !== 'its dateline') start = belowHeader(start, lines.length, prose, isHeaderLine);
  if (reason !== 'its dateline') start = climb(start, lines, prose, (index) => isSkippable(index) || isHeaderLine(index));
  const closed = (index: number) => /[.!?…"”»'’):]$/u.test(lines[index] ?? '');
  const runEnd = (from: number): number => {
    let end = from;
    for (let index = from + 1; index < lines.length && index - end <= maxGap + 1; index++) {
      // A short closing sentence right after the story still belongs to it ("Second paragraph.").
      // A line without closing punctuation short of a long paragraph is a title or a link (a related story): it
      // does not carry the story on.
      // A short closing sentence has words and is not a title ("Why Do We Get Allergies?" is a link; "..." is nothing).
      const line = lines[index] ?? '';
      const words = line.match(/[\p{L}\p{M}'’]+/gu) ?? [];
      const closing = index - end === 1 && /[.!?…"”»)]$/u.test(line) && words.length >= 2 && !isTitleCase(words, line);
      if ((prose(index) && (closed(index) || classes[index] === 'good')) || closing) end = index;
    }
    return end;
  };
  let end = runEnd(start);
  const skipped: number[] = [];
  // A block of links inside the story ("Trending News" and four headlines, "Related articles") is longer than
  // {@link maxGap}; the story goes on below it when the block is only short lines and prose resumes as a run
  // (two paragraphs or more, one of them long) — a footer's teasers are single short paragraphs between titles.
  for (;;) {
    const resume = lines.findIndex(
      (_, index) => index > end && prose(index) && closed(index) && !isSkippable(index) && !isHeaderLine(index),
    );
    if (resume === -1 || resume - end - 1 > maxJump) break;
    const gap = lines.slice(end + 1, resume);
    if (!gap.every((line, at) => line.length <= maxLinkLength && classes[end + 1 + at] !== 'good')) break;
    const runTo = runEnd(resume);
    // Paragraphs of the run: prose of a full line's length, closed by a sentence's end (a teaser cut short with
    // `…` is a link, not a paragraph).
    const run = Array.from({ length: runTo - resume + 1 }, (_, at) => resume + at).filter(
      (index) => prose(index) && closed(index) && (lines[index] ?? '').length >= lengthLow && !/(?:…|\.\.\.)$/u.test(lines[index] ?? ''),
    );
    if (run.length < 3 && !(run.length === 2 && run.some((index) => classes[index] === 'good'))) break;
    // The gap's titles and labels are links; a closed sentence in it ("Here are the highlights:") is the story's.
    for (let index = end + 1; index < resume; index++) if (!closed(index)) skipped.push(index);
    end = runTo;
  }
  return { start, end, reason, language, skipped };
}

/**
 * jusText's context rule: prose right above the start (a short first paragraph) is story too, unless it is
 * skipped, a line of the header, or a title (no closing punctuation). A subheading between two runs of prose
 * (`1. Ditch the diet`: up to eight words, no closing punctuation) is climbed over too, when closed prose stands
 * above it.
 */
function climb(start: number, lines: readonly string[], prose: (index: number) => boolean, isExcluded: (index: number) => boolean): number {
  const closed = (index: number) => /[.!?…"”»'’]$/u.test(lines[index] ?? '');
  const story = (index: number) => index >= 0 && prose(index) && !isExcluded(index) && closed(index);
  for (;;) {
    if (start > 0 && story(start - 1)) start -= 1;
    else if (start > 1 && isSubheading(lines[start - 1] ?? '') && !isExcluded(start - 1) && story(start - 2)) start -= 2;
    else return start;
  }
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
