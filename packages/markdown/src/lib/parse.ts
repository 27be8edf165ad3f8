import { someNode } from '@syndikit/core';
import type { Root, Text } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

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
export function parseMarkdown(text: string): Root {
  if (bareLinkCandidate.test(text)) return fullParser.parse(text) as Root;
  const tree = parserWithoutAutolinks.parse(text) as Root;
  const literal = someNode(tree, (node) => node.type === 'text' && literalInText.test((node as Text).value));
  return literal ? (fullParser.parse(text) as Root) : tree;
}
