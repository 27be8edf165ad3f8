import { type Byline, parseByline } from './byline.js';
import { dateLabel, findDate, locateDate } from './dates.js';
import { captionRules, notHeadlineRules } from './rules.js';

/**
 * The story's header, read as scored candidates in a window of lines above
 * the story: the headline, the date and the byline. Site chrome above the
 * header and captions, menus and widgets inside it are not candidates.
 */

/** How many lines above the story are its header window. */
export const headerWindow = 25;

/**
 * A notice about JavaScript, cookies or an old browser (`For full functionality, enable JavaScript…`, `Hinweis zur
 * Verwendung von Cookies`, `You are using a browser version with limited support…`, `Dein Browser ist leider
 * veraltet.`, `This slideshow requires JavaScript.`): the page's, never the story's.
 */
const notice =
  /^(?=.{0,400}$)(?:.*\b(?:javascript|cookies?)\b.*\b(?:enable|enabled|disabled?|turn on|required|necessary|accept|consent|browser|verwende[nt]?|nutz(?:en|t)|dienen|akzeptieren|zustimmen|einstellungen)\b|.*\b(?:enable|enabled|disabled?|turn on|activate|requires?|needs?)\b.*\bjavascript\b|.*\b(?:hinweis|verwendung|einsatz|nutzung)\b.*\bcookies?\b|.*\bbrowser(?:version)?\b.*\b(?:outdated|out of date|up to date|limited support|not supported|no longer supported|veraltet|nicht (?:mehr )?unterstützt)\b)/iu;

/** Whether a line is a notice about JavaScript or cookies. */
export function isNotice(text: string): boolean {
  return notice.test(text.trim());
}

/** Whether every part of a line split at bars is a link of one or two words (`« Previous | Next »`). */
function barMenu(text: string): boolean {
  const parts = text.split('|').map((part) => part.replace(/[«»‹›<>]/gu, '').trim());
  return parts.length >= 2 && parts.every((part) => part.split(/\s+/u).length <= 2);
}

/** Whether a line is never a headline: a rule of `notHeadlineRules`, a notice, a menu between bars, or a word or two without a sentence's end. */
export function isNavigationWord(text: string): boolean {
  const trimmed = text.trim();
  return (
    notHeadlineRules.some((rule) => rule.pattern.test(trimmed)) ||
    isNotice(text) ||
    barMenu(text) ||
    (text.split(/\s+/).length <= 2 && !/[.!?]$/.test(text) && text.length < 20)
  );
}

/** A photo caption and its credit, when the line reads as one. */
export function readCaption(text: string): { caption: string; credit: string } | undefined {
  // Sites glue their licensing link to the credit ("REUTERS/Amir Haddad Purchase Licensing Rights").
  text = text.replace(/\s*(?:Purchase Licensing Rights|opens new tab)+$/iu, '');
  for (const rule of captionRules) {
    const groups = rule.pattern.exec(text)?.groups;
    if (groups?.credit) return { caption: (groups.caption ?? '').trim(), credit: groups.credit.trim() };
  }
  return undefined;
}

/**
 * A day without a year (`Updated Nov 19, 6:55 AM`, `Posted 19 Nov 06:51`) or a weekday and a time (`Monday 6:30PM`):
 * the page carries a date, but not one to use. The matched text, for the warning.
 */
export function incompleteDate(text: string): string | undefined {
  if (text.length > 120) return undefined;
  const month = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
  const pattern = new RegExp(
    String.raw`\b${month}\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?:,?\s+\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?)?|\b\d{1,2}\s+${month}(?!\s*\d{4})(?:,?\s+\d{1,2}[:.]\d\d)?|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\d{1,2}:\d\d\s*(?:[AP]M)?`,
    'iu',
  );
  return pattern.exec(text)?.[0];
}

/** A line that only says how long ago the story was posted (`2 hours ago`, `1 hr 4 mins ago`, `vor 3 Stunden`). */
export const relativeTime =
  /\b(?:(?:\d+|an?|one)\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s*)+ago\b|\bvor\s+\d+\s+(?:Minuten|Stunden|Tagen)\b|\b(?:just now|yesterday)\b/iu;

const monthNames =
  /(?<=\p{Ll})(?=(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d)/gu;

/**
 * The attribution under a quote or an embedded post (`— Jane Roe (@janeroe) November 18, 2019`, `— Jane Roe on
 * Sunday, October 13th, 2019 in a speech`): a dash, then words before the date. Its date is the quote's, not the
 * story's. (A dash right before the date, `- Nov. 18th 2019 8:54 am PT`, is a byline's date line.) A name of two
 * capitalised words or more after the dash.
 */
const attribution = /^[—–-]{1,2}\s*\p{Lu}\p{Ll}+\s+\p{Lu}/u;

/** A date candidate in the header window. */
export interface DateCandidate {
  index: number;
  value: string;
  zoned: boolean;
  score: number;
  /** An update time, not the first publication. */
  updated: boolean;
}

/**
 * A line's date, scored: labelled lines first, then lines that are only a
 * date (with a time and a zone worth more); glued forms (`Associated
 * PressDecember 2, 2016`) are split first. Captions and long lines (prose,
 * widgets) are not candidates.
 */
export function dateCandidate(text: string, index: number, timeZone: string): DateCandidate | undefined {
  if (text.length > 120 || readCaption(text) || attribution.test(text) || isDatedSentence(text)) return undefined;
  // A year glued to the time (`NOV 20 20194:29 AM EST`) is split too.
  const unglued = text.replace(monthNames, ' ').replace(/\b((?:19|20)\d\d)(\d{1,2}:\d\d)\b/u, '$1 $2');
  const found = findDate(unglued, timeZone);
  if (!found) return undefined;
  const label = dateLabel(unglued);
  let score = 1;
  if (label) score += 3;
  if (/\d:\d\d/.test(unglued)) score += 1;
  if (found.zoned) score += 1;
  if (unglued.length <= 60) score += 1;
  return { index, value: found.value, zoned: found.zoned, score, updated: label?.updated ?? false };
}

/**
 * A sentence of the story that names a date (`Example Air has a new date for when it joins the alliance: March 31,
 * 2026.`): more than twelve words, closed by a sentence's end. A date line is a few words (`Published 11:11 PM EST Nov
 * 19, 2019`, `Updated: November 19, 2019 at 10:31 p.m.`), or labelled.
 */
function isDatedSentence(text: string): boolean {
  // A labelled line (`PUBLISHED: … at 4:56 p.m. | UPDATED: … at 6:00 p.m.`) is the header's, however long.
  return text.split(/\s+/u).length > 12 && /[.!?]["”’]?$/u.test(text) && !dateLabel(text) && !text.includes('|');
}

/** A byline in the header: `By …`/`Von …`, or names followed by an agency (`Jane Doe, Associated Press`), or an agency alone. */
export function bylineCandidate(text: string): Byline | undefined {
  const unglued = text.replace(monthNames, '\n').split('\n')[0] ?? text;
  // An agency alone, with or without the byline word (`Associated Press`, `Von dpa`).
  const agencyOnly = /^(?:(?:by|von|par|por)\s+)?(?:the )?(associated press|reuters|afp|agence france-presse|dpa|upi)$/iu.exec(
    unglued.trim(),
  );
  if (agencyOnly?.[1]) {
    const names: Record<string, string> = { 'associated press': 'The Associated Press', 'agence france-presse': 'AFP' };
    const key = agencyOnly[1].toLowerCase();
    return { authors: [], source: names[key] ?? (key === 'reuters' ? 'Reuters' : key === 'dpa' ? 'dpa' : key.toUpperCase()) };
  }
  if (unglued.length > 120) return undefined;
  const { names: undated, dated } = withoutDate(withoutLabels(leadingDateCut(unglued)));
  const by = undated
    // A colon after the byline word (`von: Jane Roe`, `By: Jane Roe`), `By` glued to the name (`ByJ.R. Roe`).
    .replace(/^(by|von|par|por|di)\s*:\s*/iu, '$1 ')
    .replace(/^By(?=\p{Lu})/u, 'By ')
    // Spanish `Escribe Jane Roe` (`… en Sección`: the section the page files it under), `Escrito por Jane Roe`.
    .replace(/^(?:[Ee]scribe|[Ee]scrito por)\s+(\p{Lu}.*?)(?:\s+en\s+\p{Lu}.*)?$/u, 'By $1')
    .replace(/^(?:text|words|story|posted|written|reported|published) by:?\s+/iu, 'By ')
    // A theme's label before the byline (`Post author By Jane Roe`, `Author: Jane Roe`, `Autor: Jane Roe`).
    .replace(/^(?:post author|author|autor|auteur|autore)\s*:?\s+(?:by\s+|von\s+|par\s+|di\s+)?(?=\p{Lu})/iu, 'By ')
    // A time and date before the byline (`5:45 AM PST 11/19/2019 by Jane Roe`).
    .replace(/^[\d:/.,\s]+(?:[AP]\.?M\.?\s+)?(?:[A-Z]{2,4}\s+)?[\d/.,\s]*\s(?=by\s)/u, '')
    // A name with its social handle (`Jane Roe @janeroe / 2 days`).
    .replace(/^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+@\w+.*$/u, 'By $1')
    // A handle glued to the name (`By Jane Roe@janeroe`) ends the byline.
    .replace(/(?<=\p{L})@\w{2,}.*$/u, '')
    // A link to the author's account after the byline (`Von Jane Roe Twitter Account von Jane Roe`) ends it.
    .replace(
      /^((?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+\p{Lu}.*?)\s+(?:Twitter|Facebook|LinkedIn|Instagram|Mastodon)(?:[- ](?:Account|Profil|Profile))?\b.*$/u,
      '$1',
    );
  // A desk's byline names no person (`By Staff Reports`, `By Editorial Board`, `Von der Redaktion`, `Por la
  // Redacción`): a byline without authors.
  if (deskByline.test(by)) return { authors: [] };
  const byline = parseByline(by);
  if (!byline) return undefined;
  // `By`, an agency, or a job title after the names (`Jane Roe, Staff Writer`) make a line a byline.
  const titled = /[,|]\s*[^,|]*\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff)s?\b/iu.test(unglued);
  // Names with the date after them (`Jane Roe - Nov 19, 2019, 10:31 pm CST`) are a byline too: one to three people.
  const namesDated = dated && byline.authors.length > 0 && byline.authors.length <= 3;
  return /^(by|von|par|por)\s/iu.test(by) || byline.source || titled || namesDated ? byline : undefined;
}

/** A desk's byline, naming no person: the byline word, an article, and the desk (`By Staff Reports`, `Von der Online-Redaktion`). */
const deskByline =
  /^(?:by|von|par|por|di)\s+(?:(?:the|die|der|la|le|el|da|della)\s+)?(?:staff|editorial|news|web|wire|digital|(?:online-)?redaktion|redacci[oó]n|r[ée]daction|redazione)\b[\p{L} -]{0,30}\W*$/iu;

/**
 * A date (and a time) leading the byline, before `by`/`von`/`par`/`por` and the names (`02.02.2022, 11:30 Uhr von
 * Jane Roe`, `Posted 11. April 2018 by Jane Roe`): the names after it. The date's words and a label may stand there
 * (`Posted`, `April`, `Uhr`), four words at most; anything longer is no date lead.
 */
function leadingDateCut(text: string): string {
  const lead = /^(?<before>.{4,60}?)\s+(?<rest>(?:by|von|par|por)\s+\p{Lu}.*)$/iu.exec(text)?.groups;
  if (!lead?.before || !lead.rest) return text;
  // The date's words (a month, a weekday, `Uhr`, `at`) and a label: four words at most.
  return locateDate(lead.before, 'UTC') && (lead.before.match(/\p{L}{2,}/gu) ?? []).length <= 4 ? lead.rest : text;
}

/**
 * A byline without the labelled parts a theme prints after the names (`Jane Roe, Datum: 03.03.19`, `Von Jane Roe
 * Kategorien: Mode …`, `… / Kategorien: Event`).
 */
function withoutLabels(text: string): string {
  return text.replace(
    /\s*(?:[,|/·]\s*)?\b(?:datum|date|fecha|kategorien|kategorie|categories|category|topics?|themen|thema|tags|schlagworte)\s*:.*$/iu,
    '',
  );
}

/**
 * A byline line without the date after the names and the words joining them (`By Jane Roe | November 18, 2019 --
 * 19:14 GMT | Topic: Tech`, `Von Jane Roe publiziert am 30. Juli 2018`, `By Jane Roe - Staff Writer
 * 2019-11-19T12:48:14Z Space`), and without a contact address or telephone number (`By Jane Roe jane@example.com
 * (555) 555-0100`).
 */
function withoutDate(text: string): { names: string; dated: boolean } {
  const contact = /\s*(?:\S+@[\w-]+(?:\.[\w-]+)+|\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4})/gu;
  const found = locateDate(text, 'UTC');
  // A date (and a time before it) leading the line: the names follow it (`5:45 AM PST 11/19/2019 by Jane Roe`).
  const leads = found && /^[\d:.,\s]*(?:[AP]\.?M\.?)?\s*(?:[A-Z]{2,4})?\s*$/u.test(text.slice(0, found.index));
  if (!found || leads) return { names: text.replace(contact, '').trim(), dated: false };
  const names = text
    .slice(0, found.index)
    .replace(contact, '')
    .replace(/(?:\s+(?:on|am|le|el|published|posted|updated|publiziert|veröffentlicht|aktualisiert|publié):?|\s*[-–—|,·•])+\s*$/iu, '')
    .trim();
  return { names, dated: names.length > 0 };
}

/**
 * Whether `other` repeats the headline `normal` as a page title or a breadcrumb does: `Headline | Site`,
 * `Headline - Site`, a breadcrumb ending with it, or the same line again (only for five words or more: menus are
 * printed twice, and their items are short).
 */
function isRepeat(other: string, normal: string, words: number): boolean {
  if (other === normal) return words >= 5;
  if (other.startsWith(normal) && /^\s*[|–—-]\s/u.test(other.slice(normal.length))) return true;
  if (other.length <= normal.length || !other.endsWith(normal) || words < 3) return false;
  // After a bar or a dash (`Headline - Site Name`) a short line is the site's name the page title ends with, not a
  // headline; a breadcrumb glues the headline to its last item (`HomeNewsThe headline`).
  return words >= 5 || !/\s[|–—-]\s*$/u.test(other.slice(0, other.length - normal.length));
}

/** Whether the line at `index` stands between two short lines without closing punctuation (items of a menu or a list). */
function inList(lines: readonly string[], index: number): boolean {
  const short = (text: string | undefined) => text !== undefined && text.split(/\s+/).length <= 5 && !/[.!?]$/u.test(text);
  return short(lines[index - 1]) && short(lines[index + 1]);
}

/** Whether the two lines right above the line at `index` are short lines without closing punctuation (links of a menu or a list). */
function afterLinks(lines: readonly string[], index: number): boolean {
  const short = (text: string | undefined) =>
    text !== undefined && text.split(/\s+/).length <= 5 && !/[.!?:]$/u.test(text) && !bylineCandidate(text) && !findDate(text, 'UTC');
  return short(lines[index - 1]) && short(lines[index - 2]);
}

/** A line of the story's header that is never story: a byline, a date line, or a relative time (`2 hours ago`). */
export function isHeaderLine(text: string, timeZone: string): boolean {
  return (
    bylineCandidate(text) !== undefined || dateCandidate(text, 0, timeZone) !== undefined || (text.length < 60 && relativeTime.test(text))
  );
}

/** A line without soft hyphens (U+00AD): invisible hyphenation hints a title printed for narrow columns carries. */
export function withoutSoftHyphens(text: string): string {
  return text.replace(/\u00ad/gu, '');
}

/** Whether a line reads as a headline: a title of three to thirty words, not a sentence of the story, a date or a caption. */
export function titleScore(text: string, lines: readonly string[], index: number): number {
  const words = text.split(/\s+/);
  // A title opens with a capital, a number, an opening quote in any of the page's styles (`"`, `“`, German `„` and
  // `‚`, `«`, `»` and `‹` of German and Swiss print) before one, Spanish `¿` and `¡`, or a number in brackets (a
  // podcast's episode: `(16) …`).
  if (words.length < 3 || words.length > 30 || text.length > 250 || !/^(?:[\p{Lu}\p{N}"“‘'«»„‚‹›¿¡]|\(\d{1,4}\)\s)/u.test(text)) return 0;
  if (
    readCaption(text) ||
    findDate(text, 'UTC') ||
    incompleteDate(text) ||
    bylineCandidate(text) ||
    relativeTime.test(text) ||
    isNavigationWord(text)
  )
    return 0;
  // A social handle (`@janeroe`) is a byline's; a count in brackets at the end (`… (122)`) a most-read list's; a
  // sentence with a credit in brackets after it (`The pier at dawn. (Example Daily)`) a caption's.
  if (/(?:^|\s)@\w{2,}/u.test(text) || /\(\d+\)$/u.test(text) || /[.!?]\s*\([^()]{2,60}\)$/u.test(text)) return 0;
  let score = 1;
  // An abbreviation's full stop (`… in N.Y.C.`) does not close a sentence.
  if (!/[.:,;]$/.test(text) || /(?:^|[\s(])(?:\p{Lu}\.){2,}$/u.test(text)) score += 1;
  if (words.length >= 5 && words.length <= 20) score += 1;
  // Two sentences (`… fuelled the crisis. It is up to them …`) are a deck's or a summary's, seldom a headline's.
  if (/\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(text)) score -= 1;
  // Soft hyphens (U+00AD, a hyphenation hint the copy keeps) do not make two printings of a title differ.
  const fold = (line: string) => withoutSoftHyphens(line).toLowerCase();
  const normal = fold(text);
  // A breadcrumb ends with the headline it leads to ("HomeNewsThe headline"): the breadcrumb is not the headline.
  if (
    lines.some((other, at) => at !== index && other.length < text.length && other.split(/\s+/).length >= 3 && normal.endsWith(fold(other)))
  )
    return 0;
  // The same line twice in menus (a site prints its navigation for wide and narrow screens) is no headline's repeat.
  // Nor is a line that follows two short links in both places (a teaser in a desktop and in a mobile menu).
  const repeated = (other: string, at: number) =>
    isRepeat(fold(other), normal, words.length) &&
    // A title printed again with soft hyphens (for narrow columns) is the title twice, wherever it stands; a menu
    // printed twice prints the same characters.
    !(
      fold(other) === normal &&
      other.includes('\u00ad') === text.includes('\u00ad') &&
      (inList(lines, at) || inList(lines, index) || (afterLinks(lines, at) && afterLinks(lines, index)))
    );
  // A byline or a date line ending with the line's words (`By Jane Roe March 3, 2025 Morning Show`) names the site
  // or the show, not the headline; so does a copyright line (`© 1996-2025 The Example Post`). A sentence closed by a
  // full stop printed twice is a promotion's blurb (a box and its teaser), not a headline and its page title.
  const names = (other: string) => bylineCandidate(other) || findDate(other, 'UTC') || /©|^\(c\)|^copyright\b/iu.test(other);
  if (!/\p{Ll}\.$/u.test(text) && lines.some((other, at) => at !== index && repeated(other, at) && !names(other))) score += 3;
  return score;
}
