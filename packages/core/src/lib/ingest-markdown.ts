import type { Heading, Image, Paragraph, Root, RootContent } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString as mdastToString } from 'mdast-util-to-string';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import type { Figure } from './article.js';
import { splitCredit } from './credit.js';
import { report } from './diagnostics.js';
import { type ArticleFields, type FieldProblem, readFields } from './fields.js';
import { parseFrontMatter } from './front-matter.js';
import { checkMarkdownSource, checkTreeDepth } from './guard.js';
import { imageMediaType, resolveImageRef } from './image-ref.js';
import type { IngestContext, Ingester, IngestResult } from './ingester.js';
import { type Rule, rules } from './rules.js';

const problemRules: Record<FieldProblem['rule'], Rule> = {
  type: rules.frontMatterType,
  date: rules.dateInvalid,
  'image-outside-root': rules.imageOutsideRoot,
  'image-url': rules.imageUrlUnsupported,
  'unknown-key': rules.frontMatterUnknownKey,
  url: rules.urlInvalid,
};

/** The unified processor that parses article Markdown: CommonMark, GFM and YAML front matter. */
export function markdownParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
}

/**
 * GFM without autolink literals (bare `www.`, `https://` and e-mail links):
 * that one extension looks at every character and costs more than the rest
 * of the parse, yet most copy has no bare URL. Made by hand from the same
 * micromark and mdast extensions `remark-gfm` combines.
 */
function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  data.fromMarkdownExtensions.push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const fullParser = markdownParser().freeze();
const parserWithoutAutolinks = unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml']).freeze();

/** Text that may hold a GFM autolink literal outside a link destination or an `<autolink>`. */
const bareLinkCandidate = /(?<!\]\(<?|<|\]:[ \t]*<?)https?:\/\/|(?<![\w./])www\.|@/i;
/** What a text node holds when an autolink literal could have started in it. */
const literalInText = /https?:\/\/|www\.|@/i;

/**
 * Parse with full GFM, skipping the autolink-literal extension when it
 * cannot match: when the source has no bare URL or `@`, and (checked after
 * parsing, so a link destination that was not one cannot hide a URL) no
 * text node holds one. The tree is the same as with `remark-gfm`.
 */
function parseMarkdown(text: string): Root {
  if (bareLinkCandidate.test(text)) return fullParser.parse(text) as Root;
  const tree = parserWithoutAutolinks.parse(text) as Root;
  let literal = false;
  visit(tree, 'text', (node) => {
    if (literalInText.test(node.value)) {
      literal = true;
      return EXIT;
    }
    return CONTINUE;
  });
  return literal ? (fullParser.parse(text) as Root) : tree;
}

/**
 * Parse Markdown with YAML front matter into article fields and an mdast body.
 *
 * - Front matter is read by {@link readFields}; without a `title`, a leading
 *   `# Heading` becomes the headline.
 * - A paragraph holding only an image becomes a {@link Figure}; the image
 *   title is its caption, and a trailing `(AP Photo/Name)` or
 *   `(Photo: Name)` in it is the credit.
 * - Image references are resolved against the article and confined to the
 *   content root.
 */
export function ingestMarkdown(context: IngestContext): IngestResult | undefined {
  const { file, text, limits } = context;
  if (!checkMarkdownSource(file, text, limits)) return undefined;

  const tree = parseMarkdown(text);
  if (!checkTreeDepth(file, tree, limits.maxDepth)) return undefined;

  let fields: ArticleFields = { authors: [], tags: [], images: [] };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const start = { line: (first.position?.start.line ?? 1) + 1, column: 1 };
    const frontMatter = parseFrontMatter(file, first.value, start);
    if (!frontMatter) return undefined;
    const read = readFields(frontMatter.data, { timeZone: context.timeZone, articlePath: context.articlePath, siteUrl: context.siteUrl });
    for (const problem of read.problems) {
      report(file, problem.severity, problem.reason, problemRules[problem.rule], frontMatter.placeOf(problem.path ?? problem.key));
    }
    fields = read.fields;
    tree.children.shift();
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    report(file, 'error', 'Front matter starts with `---` but has no closing `---` line', rules.frontMatterUnclosed, {
      line: 1,
      column: 1,
    });
    return undefined;
  }

  if (!fields.headline) {
    const heading = tree.children[0];
    if (heading?.type === 'heading' && (heading as Heading).depth === 1) {
      const headline = mdastToString(heading).trim();
      if (headline) {
        fields.headline = headline;
        tree.children.shift();
      }
    }
  }

  tree.children = tree.children.map((node) => toFigure(node) ?? node);
  resolveBodyImages(tree, context, fields);

  const stem =
    context.articlePath
      .split('/')
      .pop()
      ?.replace(/\.[^.]*$/, '') ?? '';
  const folder = context.articlePath.split('/').slice(-2, -1)[0] ?? '';
  const slugHint = stem === 'index' && folder ? folder : stem || (fields.headline ?? '');
  return { fields, body: tree, slugHint };
}

/** The built-in Markdown ingester, for `.md`, `.markdown` and `.mdx`-free Markdown. */
export const markdownIngester: Ingester = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  ingest: ingestMarkdown,
};

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/** A paragraph of just one image (ignoring blank text) as a figure. */
function toFigure(node: RootContent): Figure | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = (node as Paragraph).children.filter((child) => !isBlank(child));
  const image = content[0];
  if (content.length !== 1 || image?.type !== 'image') return undefined;
  const figure: Figure = { type: 'figure', url: (image as Image).url };
  if (image.alt) figure.alt = image.alt;
  const { caption, credit } = splitCredit(image.title ?? '');
  if (caption) figure.caption = caption;
  if (credit) figure.credit = credit;
  if (node.position) figure.position = node.position;
  return figure;
}

/**
 * Resolve every image reference in the body, report those outside the root,
 * and add figures to the article's images after any from front matter.
 */
function resolveBodyImages(tree: Root, context: IngestContext, fields: ArticleFields): void {
  const seen = new Set(fields.images.map((image) => image.src));
  // Iterative walk: the tree depth was bounded above, but keep utilities' recursion out of ingest.
  const stack: Array<{ children?: RootContent[] } | RootContent> = [tree as { children: RootContent[] }];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; url?: string; children?: RootContent[] };
    if ((node.type === 'image' || node.type === 'figure') && typeof node.url === 'string') {
      const resolved = resolveImageRef(node.url, context.articlePath);
      if ('error' in resolved) {
        const rule = resolved.error === 'outside-root' ? rules.imageOutsideRoot : rules.imageUrlUnsupported;
        report(context.file, 'error', resolved.reason, rule, node as RootContent);
        continue;
      }
      node.url = resolved.src;
      if (node.type === 'figure' && !seen.has(resolved.src)) {
        seen.add(resolved.src);
        const figure = node as Figure;
        const image: ArticleFields['images'][number] = { src: resolved.src };
        if (figure.alt) image.alt = figure.alt;
        if (figure.caption) image.caption = figure.caption;
        if (figure.credit) image.credit = figure.credit;
        const mediaType = imageMediaType(resolved.src);
        if (mediaType) image.mediaType = mediaType;
        fields.images.push(image);
      }
    }
    if (node.children) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as RootContent);
  }
}
