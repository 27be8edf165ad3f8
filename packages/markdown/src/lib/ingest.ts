import type { ArticleFields, Figure, IngestContext, Ingester, IngestResult } from '@syndikit/core';
import { checkTreeDepth, imageMediaType, report, resolveImageRef, rules, splitCredit } from '@syndikit/core';
import type { Heading, Image, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { readFields } from './fields.js';
import { parseMarkdown } from './parse.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { markdownRules } from './rules.js';
import { checkMarkdownSource } from './source-limits.js';

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
      report(file, problem.severity, problem.reason, problem.rule, frontMatter.placeOf(problem.path ?? problem.key));
    }
    fields = read.fields;
    tree.children.shift();
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    report(file, 'error', 'Front matter starts with `---` but has no closing `---` line', markdownRules.frontMatterUnclosed, {
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

/**
 * The Markdown ingester, for `.md` and `.markdown` files (not MDX). A
 * factory like every other ingester (`wireTextIngester(options)`,
 * `ninjsIngester(options)`); it has no options yet. Core registers no
 * ingester of its own: pass this one to `convert` (`ingesters`), last, as
 * the `syndikit` command does.
 */
export function markdownIngester(): Ingester {
  return { name: 'markdown', extensions: ['.md', '.markdown'], ingest: ingestMarkdown };
}

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
