/**
 * Site-root detection: is a folder the root of a static-site generator's
 * project, and if so, where is its content, where are its static files, and
 * what title and base URL does its own config give? Config files are read as
 * data (TOML, YAML, JSON) or scanned for literal values (JavaScript and
 * TypeScript configs): nothing in a site is ever run.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** The generators {@link detectSite} knows. */
export type SiteGenerator = 'hugo' | 'jekyll' | 'astro' | 'eleventy' | 'docusaurus' | 'zola' | 'nextjs';

/** What {@link detectSite} found at a site root. */
export interface DetectedSite {
  generator: SiteGenerator;
  /** The site root (the folder given). */
  root: string;
  /** Folders holding posts, absolute, that exist. */
  contentDirs: string[];
  /** Folders that root-relative URLs (`/img/a.png`) are served from, absolute, that exist. */
  staticDirs: string[];
  /** The site's title from its config, when it gives one as a literal. */
  title?: string;
  /** The site's base URL from its config (with its path, such as `https://user.github.io/project/`). */
  url?: string;
  /** The config file the facts were read from, absolute. */
  configFile?: string;
}

type Facts = Pick<DetectedSite, 'title' | 'url'>;

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function firstFile(dir: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) if (await isFile(join(dir, name))) return join(dir, name);
  return undefined;
}

async function existingDirs(dir: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) if (await isDir(join(dir, name))) found.push(join(dir, name));
  return found;
}

/** A config file as data by its extension; `undefined` when it cannot be read or parsed. */
async function readData(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const text = await readFile(path, 'utf8');
    const data: unknown = path.endsWith('.toml') ? parseToml(text) : path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A literal string property (`title: 'My site'`, `url: "https://…"`) in JavaScript source, never run. */
function literal(source: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|[\\s,{])${key}\\s*[:=]\\s*(['"\`])([^'"\`\\n]*)\\1`, 'm').exec(source);
  return match?.[2]?.trim() || undefined;
}

function isHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/[^/]/i.test(value);
}

/** Join a host URL and a base path (`https://a.example` + `/blog/`). */
function withBase(url: string | undefined, base: string | undefined): string | undefined {
  if (!isHttpUrl(url)) return undefined;
  if (!base || base === '/') return url;
  return `${url.replace(/\/+$/, '')}/${base.replace(/^\/+/, '')}`;
}

function clean(facts: Facts): Facts {
  const out: Facts = {};
  if (facts.title) out.title = facts.title;
  if (isHttpUrl(facts.url)) out.url = facts.url;
  return out;
}

/** Sub-folders of `dir` (absolute), sorted, skipping dot folders. */
async function subDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(dir, entry.name))
    .sort();
}

async function zola(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, ['zola.toml', 'config.toml']);
  if (!configFile) return undefined;
  const data = await readData(configFile);
  if (!data || !('base_url' in data) || !(await isDir(join(dir, 'content')))) return undefined;
  const facts = clean({ title: str(data.title), url: str(data.base_url) });
  return {
    generator: 'zola',
    root: dir,
    contentDirs: [join(dir, 'content')],
    staticDirs: await existingDirs(dir, ['static']),
    configFile,
    ...facts,
  };
}

const hugoConfigs = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

async function hugo(dir: string): Promise<DetectedSite | undefined> {
  let configFile = await firstFile(dir, hugoConfigs);
  // A split config (`config/_default/hugo.toml`) is Hugo's other layout.
  configFile ??= await firstFile(join(dir, 'config', '_default'), hugoConfigs);
  if (!configFile) return undefined;
  const data = (await readData(configFile)) ?? {};
  const isHugo = /[\\/]hugo\.\w+$/.test(configFile) || 'baseURL' in data || 'baseurl' in data || (await isDir(join(dir, 'archetypes')));
  if (!isHugo) return undefined;
  const contentDir = str(data.contentDir) ?? 'content';
  const contentDirs = await existingDirs(dir, [contentDir]);
  const facts = clean({ title: str(data.title), url: str(data.baseURL) ?? str(data.baseurl) });
  return { generator: 'hugo', root: dir, contentDirs, staticDirs: await existingDirs(dir, ['static', 'assets']), configFile, ...facts };
}

async function jekyll(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, ['_config.yml', '_config.yaml', '_config.toml']);
  if (!configFile) return undefined;
  const data = (await readData(configFile)) ?? {};
  const contentDirs = await existingDirs(dir, ['_posts']);
  const facts = clean({ title: str(data.title), url: withBase(str(data.url), str(data.baseurl)) });
  // Jekyll copies every other file of the root as is: `/assets/a.png` is `<root>/assets/a.png`.
  return { generator: 'jekyll', root: dir, contentDirs, staticDirs: [dir], configFile, ...facts };
}

async function docusaurus(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, [
    'docusaurus.config.ts',
    'docusaurus.config.js',
    'docusaurus.config.mjs',
    'docusaurus.config.cjs',
  ]);
  if (!configFile) return undefined;
  const source = await readFile(configFile, 'utf8').catch(() => '');
  const facts = clean({ title: literal(source, 'title'), url: withBase(literal(source, 'url'), literal(source, 'baseUrl')) });
  const contentDirs = await existingDirs(dir, ['blog']);
  return { generator: 'docusaurus', root: dir, contentDirs, staticDirs: await existingDirs(dir, ['static']), configFile, ...facts };
}

/** Collection folders whose names say they hold posts; when a site's collections have such names, only those are read. */
const postFolders = /^(?:posts?|blog|articles?|news|notes?)$/i;

/**
 * The folders Astro's content collections load with `glob({ base: './content/posts', … })`,
 * read as literal strings from `src/content.config.*` (or the older `src/content/config.*`),
 * never run; those that exist inside the project. Collections named like posts (`posts`,
 * `blog`, `notes`) are preferred to others (tags, authors).
 */
async function collectionDirs(dir: string): Promise<string[]> {
  const config = await firstFile(join(dir, 'src'), [
    'content.config.ts',
    'content.config.mjs',
    'content.config.js',
    'content.config.mts',
    'content/config.ts',
    'content/config.mjs',
    'content/config.js',
  ]);
  if (!config) return [];
  const source = await readFile(config, 'utf8').catch(() => '');
  const bases = [...source.matchAll(/\bglob\s*\(\s*\{[^}]*?\bbase\s*:\s*(['"`])([^'"`\n]+)\1/g)].map((match) => match[2] as string);
  const found = await existingDirs(dir, [
    ...new Set(bases.map((base) => base.replace(/^\.\//, '').replace(/\/+$/, '')).filter((base) => !base.split('/').includes('..'))),
  ]);
  const posts = found.filter((folder) => postFolders.test(basename(folder)));
  return posts.length > 0 ? posts : found;
}

async function astro(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, [
    'astro.config.mjs',
    'astro.config.ts',
    'astro.config.js',
    'astro.config.mts',
    'astro.config.cjs',
  ]);
  if (!configFile) return undefined;
  const source = await readFile(configFile, 'utf8').catch(() => '');
  const facts = clean({ url: withBase(literal(source, 'site'), literal(source, 'base')) });
  // Content collections: the folders their `glob` loaders read (Astro 5), else every folder of `src/content`
  // (the blog example's `blog`), else pages.
  let contentDirs = await collectionDirs(dir);
  if (contentDirs.length === 0) contentDirs = await subDirs(join(dir, 'src', 'content'));
  if (contentDirs.length === 0) contentDirs = await existingDirs(dir, ['src/content', 'src/pages/posts', 'src/pages/blog']);
  return { generator: 'astro', root: dir, contentDirs, staticDirs: await existingDirs(dir, ['public']), configFile, ...facts };
}

async function eleventy(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, [
    'eleventy.config.js',
    'eleventy.config.mjs',
    'eleventy.config.cjs',
    'eleventy.config.ts',
    '.eleventy.js',
  ]);
  if (!configFile) return undefined;
  const source = await readFile(configFile, 'utf8').catch(() => '');
  const input = literal(source, 'input');
  const inputDir = input && !input.includes('..') ? join(dir, input) : dir;
  let facts: Facts = {};
  let factsFile: string | undefined;
  for (const dataDir of [join(inputDir, '_data'), join(dir, '_data')]) {
    const metadataFile = await firstFile(dataDir, ['metadata.json', 'metadata.yaml', 'site.json', 'site.yaml']);
    const js = metadataFile ? undefined : await firstFile(dataDir, ['metadata.js', 'metadata.mjs', 'site.js']);
    if (metadataFile) {
      const data = (await readData(metadataFile)) ?? {};
      facts = clean({ title: str(data.title), url: str(data.url) });
    } else if (js) {
      const jsSource = await readFile(js, 'utf8').catch(() => '');
      facts = clean({ title: literal(jsSource, 'title'), url: literal(jsSource, 'url') });
    }
    factsFile = metadataFile ?? js;
    if (factsFile) break;
  }
  let contentDirs = await existingDirs(inputDir, ['blog', 'posts']);
  if (contentDirs.length === 0) contentDirs = [inputDir];
  // The config file named is the one the title and URL came from (Eleventy keeps them in global data).
  const named = factsFile && (facts.title || facts.url) ? factsFile : configFile;
  return { generator: 'eleventy', root: dir, contentDirs, staticDirs: await existingDirs(dir, ['public']), configFile: named, ...facts };
}

async function nextjs(dir: string): Promise<DetectedSite | undefined> {
  const configFile = await firstFile(dir, ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs']);
  if (!configFile) return undefined;
  const contentDirs = await existingDirs(dir, ['_posts', 'posts', 'content/posts', 'content/blog', 'data/blog', 'content']);
  // Next.js has no site config of its own; starters keep one in `data/siteMetadata.js` or `lib/constants.ts`.
  const metadata = await firstFile(dir, ['data/siteMetadata.js', 'data/siteMetadata.mjs', 'site.config.js', 'lib/constants.ts']);
  const source = metadata ? await readFile(metadata, 'utf8').catch(() => '') : '';
  const facts = clean({ title: literal(source, 'title'), url: literal(source, 'siteUrl') ?? literal(source, 'url') });
  return {
    generator: 'nextjs',
    root: dir,
    contentDirs: contentDirs.slice(0, 1),
    staticDirs: await existingDirs(dir, ['public']),
    configFile: metadata && (facts.title || facts.url) ? metadata : configFile,
    ...facts,
  };
}

/**
 * Detectors in order: the most specific config first (Zola's `config.toml`
 * has `base_url`, Hugo's has `baseURL`; Docusaurus and Astro before
 * Next.js, whose config may sit beside theirs).
 */
const detectors = [zola, hugo, docusaurus, astro, eleventy, jekyll, nextjs] as const;

/**
 * Detect the static-site generator whose project root `dir` is, from its
 * config file, and where its posts and static files are. Reads only; runs
 * nothing.
 *
 * @param dir an absolute folder path
 * @returns the site, or `undefined` when `dir` is no known generator's root
 */
export async function detectSite(dir: string): Promise<DetectedSite | undefined> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`Expected a folder path for dir but received ${JSON.stringify(dir)}`);
  if (!(await isDir(dir))) return undefined;
  for (const detect of detectors) {
    const site = await detect(dir);
    if (site) return site;
  }
  return undefined;
}
