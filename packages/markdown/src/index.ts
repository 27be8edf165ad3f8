export type { MarkdownOptions } from './lib/adapter.js';
export { articleToMarkdown, markdownAdapter } from './lib/adapter.js';
export type { MarkdownStyle } from './lib/body.js';
export { bodyToMarkdown, defaultMarkdownStyle, figureToParagraph } from './lib/body.js';
export { frontMatterBlock, frontMatterData } from './lib/front-matter.js';
