import { report } from '@syndikit/core';
import type { Image, Root, RootContent } from 'mdast';
import { mathFromMarkdown } from 'mdast-util-math';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { math } from 'micromark-extension-math';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { markdownRules } from './rules.js';

/** MDX (Astro, Docusaurus, Next.js): Markdown with JSX, `import`/`export` and `{expressions}`; parsed by remark's MDX parser. */
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

/**
 * The same with TeX math (`$$…$$`, `$…$`), as MDX sites with math enable it (remark-math): braces in
 * math are TeX, not expressions. Tried only when the file does not parse without it, so that prices
 * (`$5 and $10`) in other files stay text; made the first time.
 */
let mdxMathParser: Processor<Root> | undefined;

/**
 * remark-math's parsing half: `micromark-extension-math`'s syntax and mdast-util-math's `mathFromMarkdown`, as
 * remark-math makes them; nothing here writes math back to Markdown (it becomes code). Not remark-math itself,
 * whose serialiser is never used. The extension's entry also loads KaTeX (for micromark's HTML output, never
 * used); this module is imported only for an `.mdx` file, so Markdown never pays for it. A static import, not a
 * `require()` of the syntax file by its path, so that bundlers and the package's `exports` are respected.
 */
function remarkMathSyntax(this: Processor): undefined {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(math());
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(mathFromMarkdown());
}

/** HTML elements whose content is the text: unwrapped without a warning (the generator shows their children). */
const transparentTags: ReadonlySet<string> = new Set([
  'div',
  'span',
  'p',
  'section',
  'article',
  'aside',
  'center',
  'figure',
  'figcaption',
  'details',
  'summary',
  'small',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'mark',
  'sup',
  'sub',
  'abbr',
  'cite',
  'blockquote',
  'br',
  'hr',
]);

type Parent = { children: RootContent[] };

/** A component or expression to report: its name (reported once per file) and place. */
interface Warning {
  name: string;
  reason: string;
  line: number;
  column: number;
}

/**
 * Parse MDX into an mdast tree of plain Markdown: `import`/`export` lines
 * removed, JSX elements replaced by their children (a component with none
 * is dropped), `<img src>` made an image, `{expressions}` dropped. Each
 * component is reported once per file by name; comments (`{/* … *\/}`) are
 * silent. A Docusaurus `{/* truncate *\/}` becomes the `<!-- truncate -->`
 * separator. Syntax errors are reported at their place.
 *
 * @returns the tree, or `undefined` after reporting an error on `file`
 */
export function parseMdx(file: VFile, text: string): Root | undefined {
  let tree: Root;
  try {
    tree = mdxParser.parse(text) as Root;
  } catch (error) {
    const math = text.includes('$') ? withMath(text) : undefined;
    if (!math) {
      const place = error as { line?: number; column?: number; reason?: string; message: string };
      const point = place.line ? { line: place.line, column: place.column ?? 1 } : undefined;
      report(file, 'error', `MDX: ${place.reason ?? place.message}`, markdownRules.mdxSyntax, point);
      return undefined;
    }
    tree = math;
  }
  const warnings: Warning[] = [];
  flatten(tree as Parent, warnings);
  // In document order, each component once.
  const seen = new Set<string>();
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const warning of warnings) {
    if (seen.has(warning.name)) continue;
    seen.add(warning.name);
    report(file, 'warning', warning.reason, markdownRules.mdxComponent, { line: warning.line, column: warning.column });
  }
  return tree;
}

/** Parse with TeX math; math becomes code (`math` blocks, inline code) holding the TeX, as feeds cannot typeset it. */
function withMath(text: string): Root | undefined {
  let tree: Root;
  try {
    mdxMathParser ??= unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMathSyntax).freeze();
    tree = mdxMathParser.parse(text) as Root;
  } catch {
    return undefined;
  }
  visit(tree, (node) => {
    const math = node as unknown as { type: string; value?: string; lang?: string; meta?: unknown; data?: unknown };
    if (math.type !== 'math' && math.type !== 'inlineMath') return;
    math.type = math.type === 'math' ? 'code' : 'inlineCode';
    if (math.type === 'code') math.lang = 'math';
    math.meta = null;
    delete math.data;
  });
  return tree;
}

function jsxImage(node: MdxJsxFlowElement | MdxJsxTextElement): Image | undefined {
  const attribute = (name: string) => {
    const found = node.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === name);
    return typeof found?.value === 'string' ? found.value : undefined;
  };
  const src = attribute('src');
  if (node.name !== 'img' || !src) return undefined;
  const image: Image = { type: 'image', url: src, alt: attribute('alt') ?? '' };
  const title = attribute('title');
  if (title) image.title = title;
  if (node.position) image.position = node.position;
  return image;
}

/** What an MDX node becomes in plain Markdown: nodes to put in its place. */
function replacement(node: RootContent, warnings: Warning[]): RootContent[] {
  const warn = (name: string, reason: string) => {
    const start = node.position?.start;
    warnings.push({ name, reason, line: start?.line ?? 1, column: start?.column ?? 1 });
  };
  switch (node.type) {
    case 'mdxjsEsm':
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const value = node.value.trim();
      if (/^\/\*\s*truncate\s*\*\/$/.test(value)) return [{ type: 'html', value: '<!-- truncate -->', position: node.position }];
      if (!/^\/\*[\s\S]*\*\/$/.test(value))
        warn(`{${value}}`, `MDX expression \`{${value.slice(0, 40)}}\` has no plain equivalent and was left out`);
      return [];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const image = jsxImage(node);
      if (image) return [node.type === 'mdxJsxFlowElement' ? ({ type: 'paragraph', children: [image] } as RootContent) : image];
      const name = node.name ?? 'fragment';
      if (node.name && !transparentTags.has(node.name)) {
        warn(
          `<${name}>`,
          node.children.length > 0
            ? `MDX component <${name}> is rendered as its content`
            : `MDX component <${name}> has no content and was left out`,
        );
      }
      return node.children as RootContent[];
    }
    default:
      return [node];
  }
}

/** Replace MDX nodes throughout, iteratively (the tree depth was bounded, but keep recursion out). */
function flatten(root: Parent, warnings: Warning[]): void {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop() as Parent;
    let changed = true;
    // Children of an unwrapped element may be MDX nodes too: repeat until the level is plain.
    while (changed) {
      changed = false;
      const next: RootContent[] = [];
      for (const child of parent.children) {
        const replaced = replacement(child, warnings);
        if (replaced.length !== 1 || replaced[0] !== child) changed = true;
        next.push(...replaced);
      }
      parent.children = next;
    }
    for (const child of parent.children) if ('children' in child) stack.push(child as Parent);
  }
}
