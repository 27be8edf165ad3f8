import type { Adapter, Article, OutputFile } from '@syndikit/core';
import { adapterCacheKey, hasFile } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import { bodyToMarkdown, defaultMarkdownStyle, type MarkdownStyle } from './body.js';
import { frontMatterBlock, frontMatterData } from './front-matter.js';

/** Options for {@link markdownAdapter}. */
export interface MarkdownOptions {
  /** Folder under the output directory. Default `'markdown'`. */
  dir?: string | null;
  /** Write YAML front matter with the article's metadata. Default `true`. */
  frontMatter?: boolean | null;
  /** remark-stringify options for the body; merged over {@link defaultMarkdownStyle}. */
  style?: Readonly<MarkdownStyle> | null;
}

/**
 * An article as clean Markdown: YAML front matter (canonical keys, fixed
 * order) and the body through remark-stringify. Reading the output back
 * with the Markdown ingester gives an equal article.
 */
export function articleToMarkdown(article: Readonly<Article>, options?: Readonly<MarkdownOptions> | null): string {
  return markdownWriter(options)(article);
}

/** {@link articleToMarkdown} with the options resolved once, for many articles (the style object keys the processor). */
function markdownWriter(options?: Readonly<MarkdownOptions> | null): (article: Readonly<Article>) => string {
  const style = { ...defaultMarkdownStyle, ...(options?.style ?? {}) };
  return (article) => writeArticle(article, style, options);
}

function writeArticle(article: Readonly<Article>, style: Readonly<MarkdownStyle>, options?: Readonly<MarkdownOptions> | null): string {
  const bodyImages = new Set(article.body.children.flatMap((node) => (node.type === 'figure' && hasFile(node) ? [node.url] : [])));
  const head = options?.frontMatter === false ? '' : frontMatterBlock(frontMatterData(article, bodyImages));
  const body = article.body.children.length > 0 ? bodyToMarkdown(article.body, style) : '';
  return head && body ? `${head}\n${body}` : head + body;
}

/**
 * The `markdown` format: one `markdown/<slug>.md` per article.
 *
 * @example
 * convert(input, { formats: [markdownAdapter({ dir: 'md' })] })
 */
export function markdownAdapter(options?: Readonly<MarkdownOptions> | null): Adapter {
  const dir = options?.dir ?? 'markdown';
  const write = markdownWriter(options);
  return {
    name: 'markdown',
    scope: 'article',
    // Markdown is the archive: it keeps withheld and embargoed articles, with their status in the front matter.
    unpublished: 'include',
    cacheKey: adapterCacheKey('markdown', version, { dir, frontMatter: options?.frontMatter, style: options?.style }),
    render({ article }): OutputFile[] {
      return [
        {
          path: `${dir}/${article.slug}.md`,
          contents: write(article),
          mediaType: 'text/markdown; charset=utf-8',
        },
      ];
    },
  };
}
