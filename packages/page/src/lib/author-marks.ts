/**
 * Authors the markup marks as such, for a page whose metadata, Readability byline and printed byline name no one:
 * microdata (`itemprop="author"`), `rel="author"` links, elements whose class or id says author or byline (an
 * author card in a sidebar, an author box under the story, outside the container Readability keeps), and links
 * to an author's page (`/autor/jo-weiden`). The first marked element that holds a person's name wins, with the
 * other names marked beside it in the same short byline.
 */

import { nameWord } from './byline.js';

/** A person's name: two to five words, capitalised or particles (`Jo de Weiden`), no digits. */
const personName = new RegExp(String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+${nameWord}){1,4}$`, 'u');

export function isPersonName(name: string): boolean {
  return personName.test(name);
}

/** What marks an author in the markup, most specific first; selectors as data. */
export const authorMarks: readonly string[] = [
  '[itemprop~="author" i]',
  '[rel~="author" i]',
  '[class*="author" i]',
  '[id*="author" i]',
  '[class*="byline" i]',
  'a[href*="/author/" i]',
  'a[href*="/authors/" i]',
  'a[href*="/autor/" i]',
  'a[href*="/autoren/" i]',
  'a[href*="/auteur/" i]',
  'a[href*="/auteurs/" i]',
  'a[href*="/autore/" i]',
  'a[href*="/autori/" i]',
  'a[href*="/redakteur/" i]',
  'a[href*="/journalist/" i]',
  'a[href*="/profil/" i]',
  'a[href*="/profile/" i]',
];

/**
 * Places whose authors are not the story's: comments, teasers of other stories, menus. An ancestor's class or id
 * with one of these words puts a marked element out.
 */
const elsewhere =
  /comment|related|teaser|recommend|popular|trending|more-?(?:stories|articles|news)|read-?more|newsletter|carousel|slider|breadcrumb/iu;

/** A byline holds a few names; a marked element with more text than this is a biography or a list. */
const maxBylineLength = 120;
/** How far up from a marked element its byline goes to find the names beside it (`Jo Weiden and Ana Ferrol`). */
const maxGroupLength = 200;

/**
 * The texts of the marked author elements of `document`, in page order, one per byline: each is the text of the
 * first marked element with the texts of the other marked elements in the same short container. The caller reads
 * names from them (`splitAuthors`) and keeps the first that names a person.
 */
export function markedAuthorTexts(document: Document): string[][] {
  const marked = [...document.querySelectorAll(authorMarks.join(', '))].filter(
    (element) => !/^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|LINK|HTML|BODY)$/u.test(element.tagName) && !outOfStory(element),
  );
  const groups: string[][] = [];
  const seen = new Set<Element>();
  for (const element of marked) {
    if (seen.has(element)) continue;
    const text = textOf(element);
    if (!text || text.length > maxBylineLength) continue;
    // The byline around it: up while the text stays short, so that co-authors marked beside it come along.
    let group = element;
    while (group.parentElement && textOf(group.parentElement).length <= maxGroupLength) group = group.parentElement;
    const texts = [text];
    for (const other of marked) {
      if (other === element || !group.contains(other)) continue;
      seen.add(other);
      const otherText = textOf(other);
      if (otherText && otherText.length <= maxBylineLength && !texts.includes(otherText)) texts.push(otherText);
    }
    groups.push(texts);
  }
  return groups;
}

/** Blocks of running text: a link to a profile inside a long one names someone the story is about (`… said <a>Jo Weiden</a> …`). */
const proseBlock = /^(?:P|LI|DD|TD|BLOCKQUOTE)$/u;

function outOfStory(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (/^(?:NAV|MENU)$/u.test(node.tagName)) return true;
    // Inside a link: a teaser card of another story (`<a href="/story"><h4>…</h4><span class="author">…</span></a>`).
    if (node !== element && node.tagName === 'A') return true;
    if (proseBlock.test(node.tagName) && node !== element && isProse(textOf(node), textOf(element))) return true;
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (elsewhere.test(names)) return true;
  }
  return false;
}

/**
 * Whether a block around a marked element is a sentence rather than a byline: long, or with words of a sentence
 * around the name (`The captain <a>Jo Weiden</a> told the council …`); a byline's lower-case words are its labels
 * (`by`, `von`, `and`).
 */
function isProse(block: string, own: string): boolean {
  if (block.length > maxGroupLength) return true;
  const words = block.replace(own, ' ').split(/\s+/u);
  return (
    words.filter((word) => /^\p{Ll}/u.test(word) && !/^(?:by|von|par|por|door|di|da|de|and|und|et|y|e|with|mit|avec|con)$/u.test(word))
      .length >= 5
  );
}

/** A marked element's name: a `<meta>`'s content, else its text, white space collapsed. */
function textOf(element: Element): string {
  const text = element.tagName === 'META' ? (element.getAttribute('content') ?? '') : (element.textContent ?? '');
  return text.replace(/\s+/gu, ' ').trim();
}
