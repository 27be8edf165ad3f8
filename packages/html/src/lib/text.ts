import type { ElementContent, Root as HastRoot, RootContent } from 'hast';
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
    if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return [];
    if (node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined))
      return [];
    return [{ ...node, children: node.children.flatMap(keep) }];
  };
  return { ...tree, children: tree.children.flatMap((node): RootContent[] => (node.type === 'doctype' ? [node] : keep(node))) };
}

/**
 * A plain-text summary: the first paragraph (blocks up to `maxLength`
 * characters), cut at a word boundary with an ellipsis when longer.
 */
export function summarize(text: string, maxLength = 300): string {
  const first = text.split(/\n\s*\n/).find((block) => block.trim() !== '') ?? '';
  const flat = first.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
