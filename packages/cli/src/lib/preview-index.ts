/**
 * The index page of `syndikit preview`: every article in the output folder
 * with links to each of its outputs and each output's check, the feeds, the
 * image renditions, and the last build's messages. Read from the folder
 * itself, so it shows what is there, whoever built it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { shownPath } from './inputs.js';
import type { CheckResult, OutputChecker } from './preview-checks.js';
import { formatDiagnostics } from './reporter.js';

/** One file in the output folder and what its check said. */
export interface PreviewOutput {
  /** POSIX path relative to the output folder. */
  path: string;
  /** Its format: the first folder (`amp`, `ninjs`) or the file name (`feed.xml`). */
  format: string;
  check: CheckResult;
}

/** The outputs of one article: those named `<slug>.<ext>` in a per-article folder. */
export interface PreviewArticle {
  slug: string;
  title: string;
  outputs: PreviewOutput[];
  /** The build's messages for the input this article came from, `file:line:col: severity message [rule]`. */
  messages: string[];
}

/** What the index page shows. */
export interface PreviewListing {
  articles: PreviewArticle[];
  /** Feeds at the top, and per section and tag. */
  feeds: PreviewOutput[];
  images: string[];
  /** Messages of inputs that no article here came from (failed inputs, collections). */
  otherMessages: { input: string; messages: string[] }[];
  /** The last build's summary line, when this server ran it. */
  summary: string | undefined;
}

/** Folders that hold something other than one file per article. */
const sharedFolders = new Set(['images', 'sections', 'tags']);

/** Every file of the output folder (dot entries, the manifest and staging, left out), POSIX paths. */
async function outputFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')))
    .sort();
}

/** The article's headline from its Markdown front matter, its ninjs, or its AMP page's title. */
function titleOf(path: string, contents: string): string | undefined {
  try {
    if (path.endsWith('.md')) {
      const match = /^---\n([\s\S]*?)\n---/.exec(contents);
      const title = match ? (parseYaml(match[1] as string) as { title?: unknown })?.title : undefined;
      return typeof title === 'string' ? title : undefined;
    }
    if (path.endsWith('.json')) {
      const data = JSON.parse(contents) as { headlines?: { value?: unknown }[]; headline?: unknown };
      const title = data.headlines?.[0]?.value ?? data.headline;
      return typeof title === 'string' ? title : undefined;
    }
    if (path.endsWith('.html')) return /<title>([^<]*)<\/title>/.exec(contents)?.[1];
  } catch {
    // An output that does not parse has no title to give; its check says what is wrong.
  }
  return undefined;
}

/** The build's warnings and errors by input, one printable line each. */
function messagesOf(files: readonly VFile[], cwd: string): { input: string; stem: string; messages: string[] }[] {
  return files.map((file) => ({
    input: file.path?.startsWith('/') ? shownPath(file.path, cwd) : file.path || '<input>',
    stem: (file.stem ?? '').toLowerCase(),
    messages: formatDiagnostics([file], cwd, false),
  }));
}

/**
 * Read the output folder, check every output, and attach the last build's
 * messages (its files, as the build gave them) to the article whose slug is its input's file name (an input
 * whose article took another slug is listed on its own).
 */
export async function listOutputs(outDir: string, checker: OutputChecker, files: readonly VFile[], cwd: string): Promise<PreviewListing> {
  const articles = new Map<string, PreviewArticle>();
  const feeds: PreviewOutput[] = [];
  const images: string[] = [];
  for (const path of await outputFiles(outDir)) {
    const [first = '', ...rest] = path.split('/');
    if (first === 'images') {
      images.push(path);
      continue;
    }
    if (path.endsWith('.xsl')) continue;
    const contents = await readFile(join(outDir, ...path.split('/')), 'utf8').catch(() => '');
    const output: PreviewOutput = { path, format: first, check: await checker.check(path, contents) };
    if (rest.length !== 1 || sharedFolders.has(first)) {
      feeds.push(output);
      continue;
    }
    const slug = (rest[0] as string).replace(/\.[^.]+$/, '');
    const article = articles.get(slug) ?? { slug, title: slug, outputs: [], messages: [] };
    article.title = article.title === slug ? (titleOf(path, contents) ?? slug) : article.title;
    article.outputs.push(output);
    articles.set(slug, article);
  }
  const otherMessages: PreviewListing['otherMessages'] = [];
  for (const { input, stem, messages } of messagesOf(files, cwd)) {
    const article = articles.get(stem);
    if (article) article.messages.push(...messages);
    else otherMessages.push({ input, messages });
  }
  return { articles: [...articles.values()], feeds, images, otherMessages, summary: undefined };
}

/** The path as a root-relative link, each segment encoded. */
function href(path: string): string {
  return `/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function checkCell(check: CheckResult): ElementContent {
  const label = check.status === 'pass' ? `✓ ${check.check}` : check.status === 'fail' ? `✗ ${check.check}` : 'not checked';
  return h('td', { className: [`check-${check.status.replace(' ', '-')}`], title: check.check }, [
    label,
    ...(check.problems.length > 0
      ? [
          h(
            'ul',
            check.problems.map((problem) => h('li', problem)),
          ),
        ]
      : []),
  ]);
}

function outputRows(outputs: readonly PreviewOutput[]): ElementContent[] {
  return outputs.map((output) =>
    h('tr', [h('td', output.format), h('td', h('a', { href: href(output.path) }, output.path)), checkCell(output.check)]),
  );
}

function articleSection(article: PreviewArticle): ElementContent {
  return h('section.article', { id: `article-${article.slug}` }, [
    h('h3', article.title),
    h('p.slug', article.slug),
    h('table', [h('tr', [h('th', 'format'), h('th', 'output'), h('th', 'check')]), ...outputRows(article.outputs)]),
    article.messages.length > 0
      ? h(
          'ul.messages',
          article.messages.map((message) => h('li', message)),
        )
      : h('p.no-messages', 'No warnings.'),
  ]);
}

const style = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
h1{margin-bottom:.2rem}.summary{color:#555}section.article{border-top:1px solid #ddd;padding:.5rem 0}
h3{margin:.4rem 0 0}.slug{color:#777;margin:0 0 .4rem;font-family:monospace}table{border-collapse:collapse;width:100%;table-layout:fixed}th:first-child{width:8rem}th:last-child{width:16rem}
td,th{text-align:left;padding:.15rem .6rem .15rem 0;vertical-align:top}td ul{margin:.2rem 0;padding-left:1rem;font-size:13px}
.check-pass{color:#137333}.check-fail{color:#b3261e}.check-not-checked{color:#777}
.messages{font-family:monospace;font-size:13px;color:#8a4b00}.no-messages{color:#777;font-size:13px}`;

/** Reload the page when the server says a build finished (`--watch`). */
const reloadScript = `new EventSource('/_syndikit/events').addEventListener('built',()=>location.reload())`;

/** The index page as HTML; `liveReload` adds the script that reloads it after each rebuild. */
export function renderIndex(listing: PreviewListing, options: { title: string; liveReload: boolean }): string {
  const { articles, feeds, images, otherMessages, summary } = listing;
  const body: ElementContent[] = [
    h('h1', options.title),
    h('p.summary', summary ?? `${articles.length} article${articles.length === 1 ? '' : 's'} in the output folder`),
    h('h2', 'Feeds'),
    feeds.length > 0
      ? h('table', [h('tr', [h('th', 'format'), h('th', 'output'), h('th', 'check')]), ...outputRows(feeds)])
      : h('p', 'No feeds built (add rss, atom or jsonfeed to formats).'),
    h('h2', `Articles (${articles.length})`),
    ...articles.map(articleSection),
  ];
  if (otherMessages.length > 0) {
    body.push(
      h('h2', 'Other messages'),
      ...otherMessages.map(({ input, messages }) =>
        h('section', [
          h('h3', input),
          h(
            'ul.messages',
            messages.map((message) => h('li', message)),
          ),
        ]),
      ),
    );
  }
  body.push(
    h('h2', `Images (${images.length})`),
    h('details', [
      h('summary', 'Renditions'),
      h(
        'ul',
        images.map((path) => h('li', h('a', { href: href(path) }, path))),
      ),
    ]),
  );
  if (options.liveReload) body.push(h('script', reloadScript));
  const tree = h('html', { lang: 'en' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', `${options.title} · syndikit preview`), h('style', style)]),
    h('body', body),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}
