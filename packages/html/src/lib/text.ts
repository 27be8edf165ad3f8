import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { htmlRules } from './rules.js';
import type { Reporter } from './unsafe.js';

/** Serialise a sanitised tree to HTML. */
export function hastToHtml(tree: HastRoot): string {
  return toHtml(tree, { allowDangerousHtml: false });
}

/**
 * A tree as plain text, with blank lines between blocks, as `innerText`
 * would give it (hast-util-to-text).
 */
export function hastToText(tree: HastRoot): string {
  return toText(tree)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Inline HTML formatting tags (`<b>`, `<em>`, `<a href>`, `<br>`, …) in text
 * meant to be plain. Only these: a headline about `<title>` elements keeps
 * its words, and entities stay as written (the field is text, not HTML).
 */
const inlineTag =
  /<\/?(?:a|abbr|b|big|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr)(?:\s[^<>]*)?\/?>/gi;

/**
 * Plain text with inline HTML tags removed (`<b>bold</b>` → `bold`, `<br>`
 * → a space), and whether any were. For fields that are plain text in every
 * format (titles, categories), where readers and the W3C feed rules take
 * tags as text or flag them.
 */
export function stripInlineMarkup(value: string): { value: string; stripped: boolean } {
  let stripped = false;
  const text = value.replace(inlineTag, (tag) => {
    stripped = true;
    return /^<br|^<wbr/i.test(tag) ? ' ' : '';
  });
  return { value: stripped ? text.replace(/\s{2,}/g, ' ').trim() : value, stripped };
}

/**
 * A plain-text field (headline, deck, section, tag) without inline HTML tags
 * ({@link stripInlineMarkup}), reporting `html-markup-in-text` when it had
 * some. The message names the field and its value and not the format, so
 * that the pipeline prints it once per article however many formats (feeds,
 * AMP, NewsML-G2) write the field.
 *
 * @param field what the value is, in words (`headline`, `section`, `tag`).
 */
export function plainTextField(value: string, field: string, report: Reporter): string {
  const result = stripInlineMarkup(value);
  if (result.stripped)
    report(`Removed HTML tags from the ${field} ${JSON.stringify(value)}: it is plain text`, { rule: htmlRules.markupInText });
  return result.value;
}

/**
 * The tree without its footnote apparatus: reference markers (`<sup><a
 * data-footnote-ref>`) and the footnotes section. Plain-text summaries are
 * read away from the notes, where a marker is a stray digit
 * ("…election offices1."). Nodes are shared with `tree`, never changed.
 */
export function withoutFootnotes(tree: HastRoot): HastRoot {
  const keep = (node: ElementContent): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if (isFootnoteApparatus(node)) return [];
    return [{ ...node, children: node.children.flatMap(keep) }];
  };
  return { ...tree, children: tree.children.flatMap((node): RootContent[] => (node.type === 'doctype' ? [node] : keep(node))) };
}

/** The footnotes section, or a reference marker (a `<sup>` holding the `<a data-footnote-ref>`). */
function isFootnoteApparatus(node: Element): boolean {
  if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return true;
  return (
    node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)
  );
}

/** Where `summarize` splits text into blocks: a blank line. */
const blankLine = /\n\s*\n/;

/**
 * A plain-text summary: the first paragraph (blocks up to `maxLength`
 * characters), cut at a word boundary with an ellipsis when longer.
 */
export function summarize(text: string, maxLength = 300): string {
  const first = text.split(blankLine).find((block) => block.trim() !== '') ?? '';
  const flat = first.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * `summarize(hastToText(withoutFootnotes(tree)), maxLength)`, the same string, from as few of the tree's
 * top-level children as hold its first block of text: a description needs only that, and the text of a
 * whole body was a tenth of an AMP page's time (docs/performance.md, 2026-12-08). Starts with four
 * children and doubles until the text has a block after the first with text in it.
 *
 * Why the start of the text is the whole text's start: hast-util-to-text renders a root's children one
 * after another, telling each only whether the next one is a `<br>` (a table row or cell alone looks further,
 * at the later siblings: a tree with one at the top is read whole), and joins the pieces in order. So the
 * text of the first `k` children, when child `k` is no `<br>`, begins the whole text; after the
 * normalising of {@link hastToText}, it still does up to its last character that is not white space, and
 * every blank line before that is one of the whole text's. Its first block with text is the whole
 * text's when another block follows it.
 */
export function summarizeTree(tree: HastRoot, maxLength = 300): string {
  const { children } = tree;
  const whole = () => summarize(hastToText(withoutFootnotes(tree)), maxLength);
  if (children.some(readsLaterSiblings)) return whole();
  for (let count = 4; count < children.length; count *= 2) {
    const end = cleanCut(children, count);
    if (end === children.length) break;
    const text = hastToText(withoutFootnotes({ ...tree, children: children.slice(0, end) }));
    const blocks = text.split(blankLine);
    const first = blocks.findIndex((block) => block.trim() !== '');
    if (first !== -1 && first < blocks.length - 1) return summarize(text, maxLength);
  }
  return whole();
}

/** A table row or cell: hast-util-to-text renders it by whether a later sibling is one too. */
function readsLaterSiblings(node: RootContent): boolean {
  return node.type === 'element' && (node.tagName === 'tr' || node.tagName === 'td' || node.tagName === 'th');
}

/**
 * The first index from `end` on where the children can be cut: a child after the cut that is no `<br>` and
 * that {@link withoutFootnotes} keeps (so that it is the next sibling of the last child kept before it).
 */
function cleanCut(children: readonly RootContent[], end: number): number {
  let index = end;
  while (index < children.length) {
    const next = children[index] as RootContent;
    if (next.type !== 'element' || (next.tagName !== 'br' && !isFootnoteApparatus(next))) break;
    index++;
  }
  return index;
}
