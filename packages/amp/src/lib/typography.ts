import type { Parent, Root, RootContent } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Double quotation marks by language, as that language's newspapers print
 * them. Single quotes stay ‘ ’: smartypants writes the closing single quote
 * for apostrophes too, and ’ is the apostrophe in all of these languages.
 * Languages not listed get English “ ”. One character each: the text is
 * mapped back to the tree by length (French spacing inside « » is not added).
 */
const doubleQuotes: Record<string, [string, string]> = {
  ar: ['«', '»'],
  cs: ['„', '“'],
  de: ['„', '“'],
  es: ['«', '»'],
  fi: ['”', '”'],
  fr: ['«', '»'],
  it: ['«', '»'],
  nb: ['«', '»'],
  nn: ['«', '»'],
  no: ['«', '»'],
  pl: ['„', '”'],
  pt: ['«', '»'],
  ru: ['«', '»'],
  sv: ['”', '”'],
  uk: ['«', '»'],
};

/** One retext processor per language (quotes only). */
const processors = new Map<string, Processor>();

function quotesFor(primary: string): Processor {
  let processor = processors.get(primary);
  if (!processor) {
    const [open, close] = doubleQuotes[primary] ?? ['“', '”'];
    processor = retext().use(retextSmartypants, {
      dashes: false,
      ellipses: false,
      backticks: false,
      openingQuotes: { double: open, single: '‘' },
      closingQuotes: { double: close, single: '’' },
    }) as unknown as Processor;
    processors.set(primary, processor);
  }
  return processor;
}

/**
 * The nodes read: text, inline code (as letters), and the blocks whose text starts afresh (a space, so that
 * a quote at their start opens). Inline parents (emphasis, links) are not among them: their text joins.
 */
const visited = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);

/** Text inside an MDX `<style>` or `<script>` is not prose. */
function ignoredIn(parent: Parent): boolean {
  const name = (parent as { name?: unknown }).name;
  return (parent.type as string) === 'mdxJsxTextElement' && (typeof name !== 'string' || name === 'style' || name === 'script');
}

/**
 * The body with straight quotes made typographic for `language` (quotes
 * only: dashes, ellipses and backticks stay as written). Code, inline code
 * and raw HTML are left alone. Returns a tree sharing every node whose text
 * did not change (the body itself when none did); the article is not changed.
 *
 * This is remark-smartypants 3's algorithm, the same retext-smartypants pass
 * over the same text, without what cost most and changed nothing: it ran a
 * second retext pass with nothing enabled over every text node (a full
 * natural-language parse each, then written back as it was) and cloned the
 * whole body. The text of all blocks is joined, so quotes pair across links
 * and emphasis; inline code counts as letters; each block starts with a space.
 */
export function smartQuotes(body: Readonly<Root>, language: string): Root {
  const nodes: Array<RootContent> = [];
  let all = '';
  visit(body as Root, (node, _index, parent) => {
    if (!parent || !visited.has(node.type) || ignoredIn(parent)) return;
    if (node.type === 'text') all += node.value;
    else if (node.type === 'inlineCode') all += 'A'.repeat(node.value.length);
    else all += ' ';
    nodes.push(node as RootContent);
  });
  if (!all.includes('"') && !all.includes("'")) return body as Root;
  const primary = language.toLowerCase().split('-')[0] ?? '';
  const curled = String(quotesFor(primary).processSync(all));
  const changed = new Map<RootContent, string>();
  let start = 0;
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = curled.slice(start, start + node.value.length);
      if (value !== node.value) changed.set(node, value);
      start += node.value.length;
    } else if (node.type === 'inlineCode') start += node.value.length;
    else start += 1;
  }
  return changed.size === 0 ? (body as Root) : (withValues(body as Root, changed) as Root);
}

/** A copy of `node` with the new text values, sharing every subtree that has none. */
function withValues(node: Root | RootContent, changed: ReadonlyMap<RootContent, string>): Root | RootContent {
  const value = changed.get(node as RootContent);
  if (value !== undefined) return { ...node, value } as RootContent;
  if (!('children' in node)) return node;
  let copy: Parent | undefined;
  node.children.forEach((child, index) => {
    const next = withValues(child, changed);
    if (next === child) return;
    copy ??= { ...node, children: [...node.children] } as Parent;
    copy.children[index] = next as RootContent;
  });
  return (copy ?? node) as Root | RootContent;
}
