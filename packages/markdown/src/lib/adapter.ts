import type { Adapter, Article, OutputFile } from '@syndikit/core';
import { adapterCacheKey } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import type { MarkdownStyle } from './body.js';

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
 * The `markdown` format: one `markdown/<slug>.md` per article.
 *
 * @example
 * convert(input, { formats: [markdownAdapter({ dir: 'md' })] })
 */
export function markdownAdapter(options?: Readonly<MarkdownOptions> | null): Adapter {
  const dir = options?.dir ?? 'markdown';
  let write: ((article: Readonly<Article>) => string) | undefined;
  return {
    name: 'markdown',
    scope: 'article',
    // Markdown is the archive: it keeps withheld and embargoed articles, with their status in the front matter.
    unpublished: 'include',
    cacheKey: adapterCacheKey('markdown', version, { dir, frontMatter: options?.frontMatter, style: options?.style }),
    // The writer (remark-stringify, GFM, YAML) loads on the first article: a rebuild that renders none never
    // loads it. The `syndikit` command imports this module (`@syndikit/markdown/adapter`).
    async render({ article }): Promise<OutputFile[]> {
      write ??= (await import('./writer.js')).markdownWriter(options);
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
