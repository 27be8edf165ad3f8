import { isAbsolute, posix, relative, sep } from 'node:path';
import type { ArticleFields, Figure, IngestContext, IngestResult, Rule, Site } from '@syndikit/core';
import {
  articleUrl,
  checkTreeDepth,
  checkUrl,
  contentPath,
  dateToEpoch,
  hasErrors,
  imageMediaType,
  nodesOfType,
  report,
  resolveImageRef,
  rules,
  slugify,
  splitCredit,
} from '@syndikit/core';
import type { Heading, Image, Link, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import { datePrefix, type PublishState, readFields, readPublishState, staticPath } from './fields.js';
import { findFrontMatter } from './front-matter-block.js';
import type { MarkdownIngestOptions } from './ingester.js';
import type { parseMdx } from './mdx.js';
import { parseMarkdown } from './parse.js';
import { type FrontMatter, parseDataFrontMatter, parseFrontMatter } from './parse-front-matter.js';
import { markdownRules } from './rules.js';
import { checkMarkdownSource } from './source-limits.js';
import { renderTemplates } from './templates.js';

/** For the ingester, which loads `lenient-date.js` when this is thrown (see `fields.ts`). */
export { LenientDatesNotLoaded } from './fields.js';

/** What the front matter of a file gave. */
interface Head {
  fields: ArticleFields;
  state: PublishState;
  /** The file with the front matter blanked out, line for line. */
  body: string;
  problems: Array<{ severity: 'error' | 'warning' | 'info'; reason: string; rule: Rule; place: Point }>;
  /** The publication date came from the file name. */
  datedByName: boolean;
  /** The generator's `layout` (or Hugo's `type`), when the front matter names one. */
  layout?: string;
  /** Notes to editors (`ednote`), never published. */
  editorNotes: string[];
}

/** Layouts of posts: any other layout on a page without a date is a page of the site (an archive, a search page). */
const postLayouts: ReadonlySet<string> = new Set(['post', 'posts', 'single', 'blog', 'article', 'news', 'default', 'page']);

const unclosedHints: Record<string, string> = {
  yaml: 'Front matter starts with `---` but has no closing `---` line',
  toml: 'Front matter starts with `+++` but has no closing `+++` line',
  json: 'Front matter starts with `{` but the JSON object never closes',
};

/** Find and read the front matter; `undefined` after reporting an error. */
function readHead(context: IngestContext, options: Readonly<MarkdownIngestOptions>): Head | undefined {
  const { file, text } = context;
  const block = findFrontMatter(text);
  if (block && 'unclosed' in block) {
    report(file, 'error', unclosedHints[block.unclosed] ?? 'Front matter is not closed', markdownRules.frontMatterUnclosed, {
      line: 1,
      column: 1,
    });
    return undefined;
  }
  if (block?.format === 'executable') {
    const reason = 'Front matter is JavaScript (`---js`); syndikit reads front matter as data and never runs it';
    report(file, 'error', reason, markdownRules.frontMatterExecutable, { line: block.start.line - 1, column: 1 });
    return undefined;
  }
  let data: Record<string, unknown> = {};
  let placeOf: FrontMatter['placeOf'] = () => ({ line: 1, column: 1 });
  if (block) {
    const frontMatter =
      block.format === 'yaml'
        ? parseFrontMatter(file, block.value, block.start)
        : parseDataFrontMatter(file, block.value, block.start, block.format);
    if (!frontMatter) return undefined;
    ({ data, placeOf } = frontMatter);
  }
  const read = readFields(data, {
    timeZone: context.timeZone,
    articlePath: context.articlePath,
    siteUrl: context.siteUrl,
    authors: options.authors,
    staticDirs: options.staticDirs,
  });
  zolaPathUrl(data, context, read.fields);
  return {
    fields: read.fields,
    state: readPublishState(data, context.timeZone),
    body: block ? block.body : text,
    problems: read.problems.map((problem) => ({
      severity: problem.severity,
      reason: problem.reason,
      rule: problem.rule,
      place: problem.key === '' ? { line: 1, column: 1 } : placeOf(problem.path ?? problem.key),
    })),
    datedByName: read.problems.some((problem) => problem.rule === markdownRules.dateFromFileName && problem.key === ''),
    editorNotes: read.editorNotes,
    ...(typeof (data.layout ?? data.type) === 'string' ? { layout: String(data.layout ?? data.type) } : {}),
  };
}

/** Zola's `path = "2016/04/19/title"` is the page's path under the site URL. */
function zolaPathUrl(data: Record<string, unknown>, context: IngestContext, fields: ArticleFields): void {
  if (fields.url || typeof data.path !== 'string' || !context.siteUrl || !/^\/?[\w./-]+$/.test(data.path)) return;
  const path = data.path.replace(/^\//, '');
  const checked = checkUrl(new URL(path.endsWith('/') || /\.\w+$/.test(path) ? path : `${path}/`, `${context.siteUrl}/`).href);
  if ('url' in checked) fields.url = checked.url;
}

/** Why a file is not an article (a section index, a README, a headless bundle, a listing), or `undefined`. */
function notAnArticle(articlePath: string, head?: Head): string | undefined {
  const name = (articlePath.split('/').pop() ?? '').toLowerCase();
  // Hugo's translations carry the language before the extension: `_index.pt-br.md`, `index.fr.md`.
  if (/^_index(?:\.[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?\.[a-z]+$/.test(name)) return 'is a section index page (`_index`), not an article';
  if (/^readme(?:\.[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?\.[a-z]+$/.test(name)) return 'is a README, not an article';
  if (!head) return undefined;
  if (head.state.headless) return 'is a headless bundle (`headless: true`), not an article';
  // A page that only names a template or a redirect (Zola `template = "latest.html"`) has nothing to syndicate.
  if (!head.fields.headline && head.body.trim() === '') return 'has no title and no text (a template or redirect page), not an article';
  if (/^index(?:\.[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?\.[a-z]+$/.test(name) && !head.fields.published && articlePath.includes('/')) {
    return 'is a listing page (`index` without a date), not an article';
  }
  if (head.layout && !head.fields.published && !postLayouts.has(head.layout.toLowerCase())) {
    return `is a page with its own layout (\`${head.layout}\`) and no date, not an article`;
  }
  return undefined;
}

/** Why a post is kept out at `now` (a draft, a future post, an expired one), or `undefined` when it is published. */
function unpublished(head: Head, options: Readonly<MarkdownIngestOptions>): string | undefined {
  const now = options.now ? Date.parse(options.now) : Date.now();
  if (head.state.expires && dateToEpoch(head.state.expires) <= now) return `expired on ${head.state.expires} (\`expiryDate\`)`;
  if (head.state.draft && !options.drafts) return 'is a draft (build with --drafts to include it)';
  if (head.fields.published && dateToEpoch(head.fields.published) > now && !options.future) {
    return `is to be published on ${head.fields.published}, after the build's reference time (build with --future to include it)`;
  }
  return undefined;
}

/**
 * Parse Markdown or MDX with front matter (YAML `---`, TOML `+++` or JSON
 * `{…}`) into article fields and an mdast body.
 *
 * - Front matter is read by {@link readFields}; without a `title`, a leading
 *   `# Heading` becomes the headline.
 * - Section indexes, READMEs, headless bundles and listing pages are not
 *   articles; drafts, future and expired posts are left out (see
 *   {@link MarkdownIngestOptions}): each gives one info message and no article.
 * - Template syntax (shortcodes, Liquid, admonitions) is rendered or
 *   reported ({@link renderTemplates}); `.mdx` is read with remark's MDX parser.
 * - A paragraph holding only an image becomes a {@link Figure}; the image
 *   title is its caption, and a trailing `(AP Photo/Name)` or
 *   `(Photo: Name)` in it is the credit.
 * - Image references are resolved against the article and confined to the
 *   content root.
 *
 * `mdx` is the MDX parser, needed for an `.mdx` file only: this module does not import it, so that
 * converting Markdown does not load remark-mdx and acorn. The ingester imports it the first time an
 * `.mdx` file comes; the package's main entry passes it.
 */
export function ingestMarkdown(
  context: IngestContext,
  options: Readonly<MarkdownIngestOptions> = {},
  mdx?: typeof parseMdx,
): IngestResult | undefined {
  const { file, text, limits } = context;
  if (!checkMarkdownSource(file, text, limits)) return undefined;
  const skipped = (reason: string, rule: Rule): IngestResult | undefined => {
    // No article and no error: the input is done with, and writes nothing.
    report(file, 'info', `${context.articlePath.split('/').pop()} ${reason}`, rule, { line: 1, column: 1 });
    return undefined;
  };
  const name = notAnArticle(context.articlePath);
  if (name) return skipped(name, markdownRules.notAnArticle);
  const head = readHead(context, options);
  if (!head) return undefined;
  // A mistake in the front matter is reported as it is, before judging what the file is.
  const failing = head.problems.some((problem) => problem.severity === 'error');
  const listing = failing ? undefined : notAnArticle(context.articlePath, head);
  if (listing) return skipped(listing, markdownRules.notAnArticle);
  const withheld = failing ? undefined : unpublished(head, options);
  if (withheld) return skipped(withheld, markdownRules.postUnpublished);
  for (const problem of head.problems) report(file, problem.severity, problem.reason, problem.rule, problem.place);
  if (hasErrors(file)) return undefined;

  const named = fileLanguage(context.articlePath);
  if (named && !head.fields.language) head.fields.language = named;
  renderSummary(context, head.fields, options.siteVariables);
  const tree = parseBody(context, head.body, options.siteVariables, mdx);
  if (!tree || !checkTreeDepth(file, tree, limits.maxDepth)) return undefined;
  const { fields } = head;
  takeSummary(tree, fields);
  takeHeadline(tree, fields);
  tree.children = tree.children.map((node) => toFigure(node) ?? node);
  resolveBodyImages(tree, context, fields, options.staticDirs);
  linkPosts(tree, context, options);
  const path = postPath(context.file.path, context.articlePath, options.contentDirs);
  return {
    fields,
    body: tree,
    slugHint: slugHint(context.articlePath, fields, head.datedByName),
    ...(path ? { path } : {}),
    ...(head.editorNotes.length > 0 ? { editorNotes: head.editorNotes } : {}),
  };
}

/** The language of a translation as Hugo names it (`post.pt-br.md`, `index.fr.md`), or `undefined`. */
function fileLanguage(articlePath: string): string | undefined {
  const parts = (articlePath.split('/').pop() ?? '').split('.');
  const tag = parts.length >= 3 ? parts.at(-2) : undefined;
  return tag && /^[a-z]{2}(?:-[a-z0-9]{2,4})?$/i.test(tag) ? tag : undefined;
}

/** The file is MDX (`.mdx`), read with remark's MDX parser. */
export function isMdx(context: Pick<IngestContext, 'file' | 'articlePath'>): boolean {
  return /\.mdx$/i.test(context.file.path ?? context.articlePath);
}

/** Render template syntax, then parse as Markdown or (`.mdx`) MDX. */
function parseBody(
  context: IngestContext,
  text: string,
  site: Readonly<Record<string, string>> | undefined,
  parseMdx: typeof import('./mdx.js').parseMdx | undefined,
): Root | undefined {
  const mdx = isMdx(context);
  const rendered = renderTemplates(text, { siteUrl: context.siteUrl, markdownOnly: mdx, site });
  for (const problem of rendered.problems) {
    report(context.file, 'warning', problem.reason, markdownRules.templateSyntax, { line: problem.line, column: problem.column });
  }
  if (!mdx) return parseMarkdown(rendered.text);
  if (!parseMdx)
    throw new Error(`ingestMarkdown: ${context.articlePath} is MDX; pass parseMdx (from @syndikit/markdown) as its third argument`);
  return parseMdx(context.file, rendered.text);
}

/** Template syntax in a front matter summary (a Jekyll `excerpt` with `{{ site.repository }}`), rendered or reported like the body's. */
function renderSummary(context: IngestContext, fields: ArticleFields, site?: Readonly<Record<string, string>>): void {
  if (!fields.summary || !/\{[{%]/.test(fields.summary)) return;
  const rendered = renderTemplates(fields.summary, { siteUrl: context.siteUrl, site });
  for (const problem of rendered.problems) {
    report(context.file, 'warning', `Summary: ${problem.reason}`, markdownRules.templateSyntax, { line: 1, column: 1 });
  }
  fields.summary = rendered.text.replace(/\s+/g, ' ').trim();
}

/** `<!--more-->` (Hugo, Jekyll) or `<!-- truncate -->` (Docusaurus): the text before it is the summary when none is given. */
function takeSummary(tree: Root, fields: ArticleFields): void {
  const index = tree.children.findIndex((node) => node.type === 'html' && /^<!--\s*(?:more|truncate)\s*-->$/i.test(node.value.trim()));
  if (index === -1) return;
  if (!fields.summary) {
    const before = tree.children
      .slice(0, index)
      .filter((node) => node.type === 'paragraph')
      .map((node) => mdastToString(node).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    if (before) fields.summary = before;
  }
  tree.children.splice(index, 1);
}

/** Without a `title`, a leading `# Heading` is the headline. */
function takeHeadline(tree: Root, fields: ArticleFields): void {
  if (fields.headline) return;
  const heading = tree.children[0];
  if (heading?.type === 'heading' && (heading as Heading).depth === 1) {
    const headline = mdastToString(heading).trim();
    if (headline) {
      fields.headline = headline;
      tree.children.shift();
    }
  }
}

/**
 * The file name (or a bundle's folder name) to make a slug from. A
 * `2024-01-02-` prefix is the post's date, not part of its slug (Jekyll,
 * Docusaurus), when the date was taken from it or the file is in `_posts`.
 */
function slugHint(articlePath: string, fields: ArticleFields, datedByName: boolean): string {
  const parts = articlePath.split('/');
  const stem = parts.at(-1)?.replace(/\.[^.]*$/, '') ?? '';
  const folder = parts.at(-2) ?? '';
  // A bundle's translation (`trip/index.fr.md`) is the bundle's, with its language: `trip-fr`.
  const translated = /^index\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/.exec(stem);
  const name = stem === 'index' && folder ? folder : translated && folder ? `${folder}-${translated[1]}` : stem;
  const prefix = datePrefix(articlePath);
  if (prefix?.[3] && (datedByName || parts.includes('_posts'))) return prefix[3];
  return name || (fields.headline ?? '');
}

/**
 * A post's `{path}`: its path under the deepest content folder that holds
 * it, else under the content root (`articlePath`), without extension.
 */
function postPath(filePath: string | undefined, articlePath: string, contentDirs?: readonly string[]): string {
  if (filePath && isAbsolute(filePath) && contentDirs) {
    const under = contentDirs
      .map((dir) => relative(dir, filePath))
      .filter((rel) => rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
      .sort((a, b) => a.length - b.length)[0];
    if (under) return contentPath(under.split(sep).join('/'));
  }
  return contentPath(articlePath);
}

/**
 * A relative link to another post's file (`other.md`, `../2024-01-02-other.md#part`) as that post's
 * URL, when there is a site URL: the slug its file name gives it (and its `{path}`, and the date of
 * a `2024-01-02-` name), under the permalink pattern.
 */
function linkPosts(tree: Root, context: IngestContext, options: Readonly<MarkdownIngestOptions>): void {
  if (!context.siteUrl) return;
  // Only the URL of the site shapes an article URL.
  const site: Site = { title: '', language: '', url: context.siteUrl };
  const permalink = options.permalink ?? '/{slug}/';
  for (const node of nodesOfType<Link>(tree, 'link')) {
    const match = /^(?![a-z][a-z0-9+.-]*:|\/\/|#)([^?#]+\.(?:md|mdx|markdown))(#[^#]*)?$/i.exec(node.url);
    if (!match?.[1]) continue;
    const linked = decodeURI(match[1]).replace(/^\//, '');
    const target = posix.normalize(posix.join(posix.dirname(context.articlePath), linked));
    if (target.startsWith('..')) continue;
    // A date prefix is left out in `_posts` only: elsewhere the other post's front matter could give its date.
    const slug = slugify(slugHint(target, { authors: [], tags: [], images: [] }, false));
    const filePath = context.file.path && isAbsolute(context.file.path) ? posix.join(posix.dirname(context.file.path), linked) : undefined;
    const date = datePrefix(target);
    const fields = { path: postPath(filePath, target, options.contentDirs), ...(date ? { published: date.slice(0, 3).join('-') } : {}) };
    const url = slug ? articleUrl(site, permalink, slug, fields) : undefined;
    if (url) node.url = `${url}${match[2] ?? ''}`;
  }
}

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/**
 * A paragraph of just one image (ignoring blank text) as a figure; a paragraph
 * of just emphasised plain text ending in a photo credit (`_A crane … (AP
 * Photo/Name)_`, as the Markdown adapter writes a photo known only by its
 * caption and credit) as a figure without a file.
 */
function toFigure(node: RootContent): Figure | undefined {
  if (node.type !== 'paragraph') return undefined;
  const content = (node as Paragraph).children.filter((child) => !isBlank(child));
  const image = content[0];
  if (content.length === 1 && image?.type === 'emphasis') return captionFigure(node as Paragraph, image.children);
  if (content.length !== 1 || image?.type !== 'image') return undefined;
  const figure: Figure = { type: 'figure', url: (image as Image).url };
  if (image.alt) figure.alt = image.alt;
  const { caption, credit } = splitCredit(image.title ?? '');
  if (caption) figure.caption = caption;
  if (credit) figure.credit = credit;
  if (node.position) figure.position = node.position;
  return figure;
}

/** Emphasised text that ends in a credit as a figure without a file; anything else (a link, no credit) stays a paragraph. */
function captionFigure(node: Paragraph, children: readonly RootContent[]): Figure | undefined {
  if (!children.every((child) => child.type === 'text')) return undefined;
  const { caption, credit } = splitCredit(mdastToString({ type: 'paragraph', children: children as Paragraph['children'] }));
  if (!credit) return undefined;
  const figure: Figure = { type: 'figure' };
  if (caption) figure.caption = caption;
  figure.credit = credit;
  if (node.position) figure.position = node.position;
  return figure;
}

/**
 * Resolve every image reference in the body, report those outside the root,
 * and add figures to the article's images after any from front matter.
 */
function resolveBodyImages(tree: Root, context: IngestContext, fields: ArticleFields, staticDirs?: readonly string[]): void {
  const seen = new Set(fields.images.map((image) => image.src));
  // Iterative walk: the tree depth was bounded above, but keep utilities' recursion out of ingest.
  const stack: Array<{ children?: RootContent[] } | RootContent> = [tree as { children: RootContent[] }];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; url?: string; children?: RootContent[] };
    if ((node.type === 'image' || node.type === 'figure') && typeof node.url === 'string') {
      const resolved = resolveImageRef(staticPath(node.url, staticDirs), context.articlePath);
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
