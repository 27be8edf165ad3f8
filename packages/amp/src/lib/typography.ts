import type { Parent, Root, RootContent } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Processor } from 'unified';

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
  // A walk of its own, in unist-util-visit's order (depth first, parents before children): unist-util-visit-parents 6
  // names a new function after every node it visits (`Object.defineProperty(visit, 'name', …)`, for stack traces),
  // which cost more than the walk itself. Like the visit it replaces, it skips the children of an MDX `<style>` or
  // `<script>`, not their descendants.
  const walk = (parent: Root | Parent): void => {
    const ignored = ignoredIn(parent);
    for (const node of parent.children) {
      if (!ignored && visited.has(node.type)) {
        if (node.type === 'text') all += node.value;
        else if (node.type === 'inlineCode') all += 'A'.repeat(node.value.length);
        else all += ' ';
        nodes.push(node);
      }
      if ('children' in node) walk(node);
    }
  };
  walk(body as Root);
  if (!all.includes('"') && !all.includes("'")) return body as Root;
  const primary = language.toLowerCase().split('-')[0] ?? '';
  const curled = curl(quotesFor(primary), all);
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

/** A node of retext's natural-language tree (nlcst), as far as this file reads it. */
interface Language {
  type: string;
  value?: string;
  children?: Language[];
  position?: { start: { offset?: number } };
}

/**
 * `processor.processSync(text)`, with retext-smartypants shown only the parts of the tree that hold a straight
 * quote, and the text written back from the quotes it changed. Its pass is a unist-util-visit walk over every node
 * of the tree (about 5,000 for an 800-word article, each naming a function, see `smartQuotes`) that changes nothing
 * but quotes, and it decides each quote from the quote's own siblings (the node before, the one or two after)
 * alone: so every parent of a quote is handed over whole, the same objects, and its ancestors as copies holding
 * only such parents. Same parse, same decisions, same order inside each parent. The tree's leaves carry the offset
 * parse-latin cut them at, so a changed quote goes back into the text at its place instead of the whole tree being
 * written out again (nlcst-to-string over every node).
 */
function curl(processor: Processor, text: string): string {
  const tree = processor.parse(text) as unknown as Language;
  const quoted = withQuotes(tree);
  if (!quoted) return text;
  const quotes: Array<[Language, string]> = [];
  collectQuotes(quoted, quotes);
  // biome-ignore lint/suspicious/noExplicitAny: unified's types do not know the nlcst tree.
  processor.runSync(quoted as any);
  let curled = '';
  let done = 0;
  for (const [node, before] of quotes) {
    if (node.value === before) continue;
    const offset = node.position?.start.offset;
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    if (offset === undefined || offset < done) return String(processor.stringify(tree as any));
    curled += text.slice(done, offset) + node.value;
    done = offset + before.length;
  }
  return curled + text.slice(done);
}

function hasQuote(value: string | undefined): boolean {
  return value !== undefined && (value.includes('"') || value.includes("'"));
}

/** `node` itself when one of its children is a quote; else a copy with only its children that hold one; else undefined. */
function withQuotes(node: Language): Language | undefined {
  const kept: Language[] = [];
  for (const child of node.children ?? []) {
    if (child.children === undefined) {
      if (hasQuote(child.value)) return node;
    } else {
      const inner = withQuotes(child);
      if (inner) kept.push(inner);
    }
  }
  return kept.length > 0 ? { type: node.type, children: kept } : undefined;
}

/** The leaves under `node` holding a straight quote, in text order, each with its value before the pass. */
function collectQuotes(node: Language, into: Array<[Language, string]>): void {
  for (const child of node.children ?? []) {
    if (child.children !== undefined) collectQuotes(child, into);
    else if (hasQuote(child.value)) into.push([child, child.value as string]);
  }
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
