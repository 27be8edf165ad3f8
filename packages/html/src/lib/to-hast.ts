import type { ArticleImage } from '@syndikit/core';
import { largestRendition } from '@syndikit/core';
import type { Element, Root as HastRoot, Nodes } from 'hast';
import { raw } from 'hast-util-raw';
import { type Schema, sanitize } from 'hast-util-sanitize';
import type { Html, Root as MdastRoot, RootContent } from 'mdast';
import { type Handlers, toHast } from 'mdast-util-to-hast';
import { VFile } from 'vfile';
import { figureHandler } from './figure.js';
import { commonImageTypes, isRemoteImage } from './images.js';
import { htmlRules } from './rules.js';
import { articleSchema } from './schema.js';
import { type Reporter, reportUnsafe } from './unsafe.js';
import { absolutizeUrls, walkElements } from './urls.js';

/** A step on the hast tree between parsing raw HTML and sanitising it. */
export type HastTransform = (tree: HastRoot, report: Reporter) => void;

/** Options for {@link bodyToHast}. */
export interface BodyToHastOptions {
  /** Where problems go: `ArticleRenderContext.report`. Default: ignored. */
  report?: Reporter | null;
  /** Base URL for relative links and images: the article's URL. Default: none (URLs stay as they are). */
  base?: string | null;
  /** Also make fragment-only links (`#fn-1`) absolute, for content shown away from its page. Default `false`. */
  absoluteFragments?: boolean | null;
  /** The article's images; `<img>` with a matching `src` get their width and height. Default `[]`. */
  images?: readonly ArticleImage[] | null;
  /** Sanitisation schema. Default {@link articleSchema}. */
  schema?: Readonly<Schema> | null;
  /** mdast-util-to-hast handlers, merged over syndikit's (which add `figure`). */
  handlers?: Handlers | null;
  /** Steps run after raw HTML is parsed and before sanitising (e.g. embeds to links). Default `[]`. */
  transforms?: readonly HastTransform[] | null;
  /** Steps run last, on the sanitised tree with absolute URLs (e.g. AMP components). Default `[]`. */
  after?: readonly HastTransform[] | null;
  /** Deepest element nesting accepted; deeper raw HTML fails the article. Default `256`. */
  maxDepth?: number | null;
}

/** Default handlers: mdast-util-to-hast's, plus syndikit's `figure`. */
export const defaultHandlers: Readonly<Handlers> = Object.freeze({ figure: figureHandler } as unknown as Handlers);

/**
 * An article body as a sanitised hast tree: mdast → hast (figures
 * included) → raw HTML parsed into the tree → transforms → what the schema
 * does not allow reported and removed → image sizes filled in → URLs made
 * absolute.
 *
 * @returns the tree, or `undefined` when raw HTML nests deeper than
 *   `maxDepth` (reported as an error).
 */
export function bodyToHast(body: Readonly<MdastRoot>, options?: Readonly<BodyToHastOptions> | null): HastRoot | undefined {
  const report: Reporter = options?.report ?? (() => {});
  const schema = options?.schema ?? articleSchema;
  const maxDepth = options?.maxDepth ?? 256;
  const handlers = { ...defaultHandlers, ...(options?.handlers ?? {}) } as Handlers;
  // mdast-util-to-hast makes new nodes but passes `data.hChildren` through as they are, and the steps
  // below change the hast in place: only a body that carries `hChildren` is cloned, so the article never changes.
  const mdast = (carriesHastChildren(body) ? structuredClone(body) : body) as MdastRoot;
  let tree = toHast(mdast, { allowDangerousHtml: true, handlers }) as HastRoot;

  const rawDepth = rawHtmlDepth(mdast);
  if (rawDepth.depth > maxDepth) {
    report(`Raw HTML opens more than ${maxDepth} nested elements`, { rule: htmlRules.tooDeep, severity: 'error', place: rawDepth.node });
    return undefined;
  }
  // Re-parsing the whole tree with parse5 is the costliest step: only do it when there is raw HTML.
  // hast-util-raw keeps positions only when given a file; the positions come from the raw nodes.
  if (rawDepth.hasRaw) tree = raw(tree, { file: new VFile('') }) as HastRoot;
  const parsed = deepestElement(tree);
  if (parsed.depth > maxDepth) {
    report(`HTML is nested more than ${maxDepth} levels deep`, { rule: htmlRules.tooDeep, severity: 'error', place: parsed.node });
    return undefined;
  }

  for (const transform of options?.transforms ?? []) transform(tree, report);
  reportUnsafe(tree, schema, report);
  tree = sanitize(tree, schema as Schema) as HastRoot;
  removeEmpty(tree);
  addImageSizes(tree, options?.images ?? []);
  absolutizeUrls(tree, options?.base ?? undefined, options?.absoluteFragments ?? false);
  for (const transform of options?.after ?? []) transform(tree, report);
  return tree;
}

function deepestElement(tree: HastRoot): { depth: number; node: Nodes | undefined } {
  let deepest: { depth: number; node: Nodes | undefined } = { depth: 0, node: undefined };
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    if (depth > deepest.depth) deepest = { depth, node };
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Give `<img>` the width and height the article knows for its source, and
 * when an image adapter made renditions, point it at the largest JPEG one:
 * the source file itself is not published. An image under the content root
 * with no renditions has no published file at all: its `<img>` is removed
 * (a figure keeps its caption and credit) rather than left pointing at a
 * file the build never writes.
 */
function addImageSizes(tree: HastRoot, images: readonly ArticleImage[]): void {
  if (images.length === 0) return;
  const bySource = new Map(images.map((image) => [image.src, image]));
  const unpublished: Array<[Element, HastRoot | Element]> = [];
  walkElements(tree, (element: Element, parent) => {
    if (element.tagName !== 'img' || typeof element.properties.src !== 'string') return;
    const image = bySource.get(element.properties.src);
    if (!image) return;
    if (image.width && image.height && element.properties.width === undefined) {
      element.properties.width = image.width;
      element.properties.height = image.height;
    }
    const largest = largestRendition(image) ?? largestRendition(image, commonImageTypes);
    if (largest) element.properties.src = largest.src;
    else if (!isRemoteImage(image.src)) unpublished.push([element, parent]);
  });
  for (const [element, parent] of unpublished) parent.children.splice(parent.children.indexOf(element), 1);
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Estimate how deep the raw HTML in a body nests, before parsing it: parse5
 * is fine, but hast-util-from-parse5 recurses per level and overflows the
 * stack on a few thousand nested `<div>`s. Counts start tags minus end tags
 * over all raw HTML in document order (void and self-closed tags excluded).
 * Implicitly closed tags (`<p>`, `<li>`) make it over-estimate, never under.
 * Hand-written: no HTML tokenizer offers a depth bound.
 */
/** How deeply a string of HTML nests, estimated before parsing it (see {@link bodyToHast}). */
export function estimateHtmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(tagPattern)) {
    const [, closing, name = '', selfClosing] = match;
    if (voidElements.has(name.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const tagPattern = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

function rawHtmlDepth(tree: MdastRoot): { depth: number; node: Html | undefined; hasRaw: boolean } {
  let depth = 0;
  let deepest: { depth: number; node: Html | undefined; hasRaw: boolean } = { depth: 0, node: undefined, hasRaw: false };
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as RootContent;
    if (node.type === 'html') {
      deepest.hasRaw = true;
      for (const match of node.value.matchAll(tagPattern)) {
        const [, closing, name = '', selfClosing] = match;
        if (voidElements.has(name.toLowerCase()) || selfClosing) continue;
        depth = closing ? Math.max(0, depth - 1) : depth + 1;
        if (depth > deepest.depth) deepest = { depth, node, hasRaw: true };
      }
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as RootContent);
  }
  return deepest;
}

/** Remove what sanitising left empty: paragraphs with no content, images with no source. */
function removeEmpty(tree: HastRoot): void {
  const found: Array<[Element, HastRoot | Element]> = [];
  walkElements(tree, (element, parent) => {
    const empty =
      (element.tagName === 'img' && typeof element.properties.src !== 'string') ||
      (element.tagName === 'p' && element.children.every((child) => child.type === 'text' && child.value.trim() === ''));
    if (empty) found.push([element, parent]);
  });
  for (const [element, parent] of found) parent.children.splice(parent.children.indexOf(element), 1);
  // The line breaks that stood between removed blocks: one between blocks, none at the ends.
  const blank = (node: HastRoot['children'][number] | undefined) => node?.type === 'text' && node.value.trim() === '';
  tree.children = tree.children.filter(
    (node, index, all) => !(blank(node) && (index === 0 || index === all.length - 1 || blank(all[index - 1]))),
  );
  while (blank(tree.children.at(-1))) tree.children.pop();
}

/** Whether any node carries `data.hChildren`, which mdast-util-to-hast puts in the hast as they are. */
function carriesHastChildren(node: Readonly<{ data?: { hChildren?: unknown }; children?: readonly unknown[] }>): boolean {
  if (node.data?.hChildren !== undefined) return true;
  return (node.children ?? []).some((child) =>
    carriesHastChildren(child as { data?: { hChildren?: unknown }; children?: readonly unknown[] }),
  );
}
