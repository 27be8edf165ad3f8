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
 * `processor.processSync(text)`, with retext-smartypants shown only the sentences that hold a straight quote.
 *
 * Parsing the whole text into retext's natural-language tree (parse-latin) was the pass's cost, and a quote is
 * decided from its own siblings alone (the node before it, the one or two after it, in its sentence or word). So
 * only the stretches of text around quotes are parsed ({@link quoteStretches}), each cut where parse-latin's tree
 * surely breaks between two sentences, then handed over as {@link curlStretch} says. Checked against the whole
 * text's pass over 20,000 generated bodies, the fixtures and the bench corpus (see docs/performance.md).
 */
function curl(processor: Processor, text: string): string {
  let curled = '';
  let done = 0;
  for (const [from, to] of quoteStretches(text)) {
    const changes = curlStretch(processor, text.slice(from, to));
    if (!changes) return String(processor.processSync(text));
    for (const [offset, before, after] of changes) {
      curled += text.slice(done, from + offset) + after;
      done = from + offset + before.length;
    }
  }
  return curled + text.slice(done);
}

/**
 * Where parse-latin's tree surely has a sentence end: a full stop after a word of five or more ASCII letters
 * with a space before it, then one space and an ASCII capital (`… the bridge. The …`). No plugin of parse-latin 7
 * joins those two sentences or moves a node across them: the word is no abbreviation (its list has none over four
 * letters) nor an initialism, the full stop has a space after it (so it is no word's inner symbol), and the
 * sentence after starts with a space and a capital (not lower case, a digit, a comma or a closing mark). Each
 * sentence's tree is then the same whether the text around it is parsed or not.
 */
const sentenceEnd = /(?<= [A-Za-z]{5,}\.) (?=[A-Z])/g;

/** The stretches `[from, to)` of `text` to parse: from the sentence end before each quote to the one after it, joined where they meet. */
function quoteStretches(text: string): Array<[number, number]> {
  const ends = [0];
  for (const match of text.matchAll(sentenceEnd)) ends.push(match.index);
  ends.push(text.length);
  const stretches: Array<[number, number]> = [];
  let index = 0;
  for (const quote of text.matchAll(/["']/g)) {
    while ((ends[index + 1] as number) <= quote.index) index++;
    const [from, to] = [ends[index] as number, ends[index + 1] as number];
    const last = stretches[stretches.length - 1];
    if (last && last[1] >= from) last[1] = Math.max(last[1], to);
    else stretches.push([from, to]);
  }
  return stretches;
}

/**
 * The quotes retext-smartypants changes in `text`, as `[offset, before, after]` in text order (undefined if a
 * leaf had no offset, which parse-latin always gives). Its pass is a unist-util-visit walk over every node (each
 * naming a function, see `smartQuotes`) that changes nothing but quotes, each from its own siblings: so every
 * parent of a quote is handed over whole, the same objects, and its ancestors as copies holding only such parents.
 * The leaves carry the offset parse-latin cut them at, so a changed quote goes back at its place instead of the
 * tree being written out again.
 */
function curlStretch(processor: Processor, text: string): Array<[number, string, string]> | undefined {
  const tree = processor.parse(text) as unknown as Language;
  const quoted = withQuotes(tree);
  if (!quoted) return [];
  const quotes: Array<[Language, string]> = [];
  collectQuotes(quoted, quotes);
  // biome-ignore lint/suspicious/noExplicitAny: unified's types do not know the nlcst tree.
  processor.runSync(quoted as any);
  const changes: Array<[number, string, string]> = [];
  let done = 0;
  for (const [node, before] of quotes) {
    if (node.value === before) continue;
    const offset = node.position?.start.offset;
    if (offset === undefined || offset < done) return undefined;
    changes.push([offset, before, node.value as string]);
    done = offset + before.length;
  }
  return changes;
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
