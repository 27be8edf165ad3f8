/**
 * A byline printed on the page when neither the metadata nor Readability
 * names an author: a labelled line (`By Jo Weiden`, `Von Jo Weiden`, `Por
 * Agencia EFE`, `Written by: Jo Weiden`) under the headline or dropped from
 * the story's top, or a name printed right before the date under the
 * headline (`Jo Weiden 15 Mai 2019`, `Jo Weiden am Mittwoch, 26.01.2022`).
 */

import { endBylinePatterns, nameWord } from '@syndikit/wire';

// The end-of-story grammar is shared with the scraped-text reader, which owns it.
export { endBylinePatterns, nameWord };

/** Labels that open a byline, in the languages of the pages read. */
const label = String.raw`(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|(?:[Ww]ritten|[Pp]osted) by:?|[Tt]ext:|[Aa]utor(?:in)?:|[Aa]uteur\s?:|[Aa]uthor:)`;
/** A label at the start or after a separator; in running text only a capitalised one (`… Kit By Jo Weiden`), since `von` and `par` are words of a sentence too. */
const labelled = new RegExp(
  String.raw`(?:(?:^|[|•·,;(]\s*)${label}|\s(?=\p{Lu})${label})\s+(\p{Lu}[\p{L}'’.-]*(?:\s+${nameWord}){1,4})`,
  'u',
);
const leading = new RegExp(String.raw`^(\p{Lu}[\p{L}'’.-]*(?:\s+${nameWord}){1,3})\s+`, 'u');
/**
 * Months and weekdays, which follow a byline and are no part of the name (`By Jo Weiden July 11, 2011`): whole words,
 * so that a name that begins like one (`Friedrich`, `Martina`, `Sunita`) stays a name.
 */
const calendarWords = [
  ...['jan', 'january', 'januar', 'jänner', 'janv', 'janvier', 'ene', 'enero', 'gennaio', 'feb', 'february', 'februar'],
  ...['févr', 'février', 'febrero', 'febbraio', 'mar', 'march', 'märz', 'mars', 'marzo', 'apr', 'april', 'avr', 'avril'],
  ...['abr', 'abril', 'aprile', 'may', 'mai', 'mayo', 'maggio', 'jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'jul'],
  ...['july', 'juli', 'juil', 'juillet', 'julio', 'luglio', 'aug', 'august', 'août', 'ago', 'agosto', 'sep', 'sept'],
  ...['september', 'septembre', 'septiembre', 'settembre', 'oct', 'okt', 'october', 'oktober', 'octobre', 'octubre'],
  ...['ottobre', 'nov', 'november', 'novembre', 'noviembre', 'dec', 'dez', 'december', 'dezember', 'décembre', 'dic'],
  ...['diciembre', 'dicembre', 'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs'],
  ...['thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday', 'montag', 'dienstag', 'mittwoch', 'donnerstag'],
  ...['freitag', 'samstag', 'sonntag', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lunes'],
  ...['martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
];
const calendarWord = new RegExp(`^(?:${calendarWords.join('|')})(?!\\p{L})`, 'iu');

/** Words of the page's own labels that follow a byline (`By Jo Weiden Post date …`, `Von Jo Weiden Teilen`). */
const pageWord =
  /^(?:post|posted|published|updated|veröffentlicht|aktualisiert|share|teilen|follow|folgen|kommentare?|comments?|foto|photo|mehr|more)$/iu;

/**
 * The names of a labelled byline in `text` (the label's line may run on into the date, a section or the story), or
 * of a name printed before a date at its start; undefined when there is none.
 */
export function findByline(text: string): string | undefined {
  const match = labelled.exec(text);
  if (match?.[1]) return trimName(match[1]);
  const first = leading.exec(text);
  const rest = first ? text.slice(first[0].length) : '';
  // Unlabelled, a name is only taken with a date right after it: `Jo Weiden 15 Mai 2019`, `Jo Weiden am Mittwoch`.
  if (first?.[1] && /^(?:(?:am|on|le|el|il|den|vom)\s+)?(?:\d|\p{L}+)/iu.test(rest)) {
    const next = rest.replace(/^(?:am|on|le|el|il|den|vom)\s+/iu, '');
    if (/^\d/u.test(next) || calendarWord.test(next)) return trimName(first[1]);
  }
  return undefined;
}

/**
 * The name without the words that follow it on the same line: a month or weekday, a label of the page, a word in capitals after a
 * mixed-case name (`Jo Weiden CVS`), and at most four words.
 */
function trimName(name: string): string | undefined {
  const words = name.split(/\s+/u);
  const upper = words[0] === words[0]?.toUpperCase();
  const kept: string[] = [];
  for (const word of words) {
    if ((calendarWord.test(word) || pageWord.test(word)) && kept.length > 0) break;
    if (!upper && kept.length > 0 && /^\p{Lu}{2,}$/u.test(word)) break;
    kept.push(word);
  }
  // A particle does not end a name (`Jo de`): it began a word that was cut.
  while (kept.length > 1 && /^\p{Ll}/u.test(kept[kept.length - 1] ?? '')) kept.pop();
  const result = kept.join(' ').replace(/[.,;:]+$/u, '');
  // One word is a user name or a word of the sentence more often than a byline.
  return kept.length >= 2 ? result : undefined;
}

/** A paragraph of the story: a sentence or more, ending as one. */
const prose = /^.{80,}[.!?…"“”»]$/su;

/**
 * The names of a byline printed at the story's end, in its last blocks (last first); undefined when there is none.
 * A name alone in its block counts only right after a paragraph of prose, not in a list of names.
 */
export function findEndByline(blocks: readonly string[], look = 8): string | undefined {
  const first = Math.max(0, blocks.length - look);
  for (let index = blocks.length - 1; index >= first; index--) {
    const block = blocks[index]?.trim() ?? '';
    for (const { pattern, alone } of endBylinePatterns) {
      const name = pattern.exec(block)?.[1];
      if (!name || (alone && !prose.test(blocks[index - 1]?.trim() ?? ''))) continue;
      const names = trimName(name);
      if (names) return names;
    }
  }
  return undefined;
}
