/**
 * Running at a site root: which site (if any) a build's inputs belong to,
 * what it adds to the settings (its content folders as inputs, its title
 * and URL when the config has none, its authors file), and the one line
 * that says what was detected.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findFrontMatter } from '@syndikit/markdown/front-matter-block';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { shownPath } from './inputs.js';
import { type DetectedSite, detectSite } from './site-detect.js';

/** A site found for a build, and how it was found. */
export interface SiteInputs {
  site: DetectedSite;
  /** The inputs are the site's content folders (the site root was named, or the working directory with no inputs). */
  useContentDirs: boolean;
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
}

/**
 * The site of a build: the working directory when no inputs are named
 * anywhere, the one input folder named when it is a site root, or the site
 * whose content folder holds that one input folder (`syndikit build
 * content` in a Hugo project).
 */
export async function siteForInputs(
  cwd: string,
  inputs: readonly string[],
  configInputs: readonly string[],
): Promise<SiteInputs | undefined> {
  if (inputs.length === 0 && configInputs.length === 0) {
    const site = await detectSite(cwd);
    return site && site.contentDirs.length > 0 ? { site, useContentDirs: true } : undefined;
  }
  const named =
    inputs.length === 1
      ? resolve(cwd, inputs[0] as string)
      : configInputs.length === 1 && inputs.length === 0
        ? configInputs[0]
        : undefined;
  if (!named || !(await isDir(named))) return undefined;
  const atRoot = await detectSite(named);
  if (atRoot && atRoot.contentDirs.length > 0) return { site: atRoot, useContentDirs: inputs.length === 1 };
  for (let folder = dirname(named), depth = 0; depth < 3 && folder !== dirname(folder); folder = dirname(folder), depth++) {
    const site = await detectSite(folder);
    if (site?.contentDirs.some((dir) => inside(named, dir) || inside(dir, named))) return { site, useContentDirs: false };
  }
  return undefined;
}

/** Where each generator keeps its authors file, relative to the site root (then the content folders). */
const authorFiles = [
  'blog/authors.yml',
  'blog/authors.yaml',
  'blog/authors.json',
  '_data/authors.yml',
  '_data/authors.yaml',
  '_data/authors.json',
  'data/authors.yaml',
  'data/authors.yml',
  'data/authors.toml',
  'data/authors.json',
];

/**
 * Folders of one file per author, the file's name its key: Hugo `data/authors/jane.toml` (themes such
 * as Blowfish), `data/_authors/` (Hugo's old author profiles), the Next.js starter's `data/authors/jane.mdx`.
 */
const authorFolders = ['data/authors', 'data/_authors'];

/** Folders of author pages, the folder's name its key: Hugo `content/authors/<key>/_index.md` (the authors taxonomy's term pages; Wowchemy/Hugo Blox profiles). */
const authorPages = ['content/authors'];

/** The site's people by key, and the files and folders they came from. */
export interface SiteAuthors {
  /** Each file or folder read, absolute, in the order read (a folder ends with the path separator). */
  paths: string[];
  authors: Record<string, unknown>;
}

/** A data file as a plain value (YAML, TOML or JSON by extension); `undefined` when it cannot be read or parsed. */
async function readData(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const data: unknown = path.endsWith('.toml') ? parseToml(text) : path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    // Plain JSON data: TOML dates and YAML's own types become strings.
    return JSON.parse(JSON.stringify(data)) as unknown;
  } catch {
    // A broken authors file is the site's problem; posts keep their keys as names.
    return undefined;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The front matter of a Markdown page as data (YAML, TOML or JSON); `undefined` when it has none or it cannot be read. */
function pageData(text: string): Record<string, unknown> | undefined {
  const block = findFrontMatter(text.replace(/^\uFEFF/, ''));
  if (!block || 'unclosed' in block || block.format === 'executable') return undefined;
  try {
    const data: unknown =
      block.format === 'toml' ? parseToml(block.value) : block.format === 'json' ? JSON.parse(block.value) : parseYaml(block.value);
    return isMapping(data) ? (JSON.parse(JSON.stringify(data)) as Record<string, unknown>) : undefined;
  } catch {
    // A page whose front matter cannot be read gives no profile.
    return undefined;
  }
}

/**
 * `data/authors/<key>.{yaml,yml,toml,json}`: one entry per file; also `.md`/`.mdx` pages, whose
 * front matter is the entry (the Next.js starter's `data/authors/default.mdx`).
 */
async function readAuthorFolder(folder: string): Promise<Record<string, unknown>> {
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => /^[^.].*\.(?:ya?ml|toml|json|mdx?)$/i.test(name))
    .sort();
  const found: Record<string, unknown> = {};
  for (const name of names) {
    const path = join(folder, name);
    const data = /\.mdx?$/i.test(name) ? pageData((await readFile(path, 'utf8').catch(() => undefined)) ?? '') : await readData(path);
    const key = name.replace(/\.[^.]+$/, '');
    if (isMapping(data) && !Object.hasOwn(found, key)) found[key] = data;
  }
  return found;
}

/** `content/authors/<key>/_index.md`: the front matter of each author's page (YAML, TOML or JSON). */
async function readAuthorPages(folder: string): Promise<Record<string, unknown>> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: Record<string, unknown> = {};
  for (const entry of entries
    .filter((item) => item.isDirectory() && !item.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const page of ['_index.md', 'index.md']) {
      const text = await readFile(join(folder, entry.name, page), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const data = pageData(text);
      if (data) found[entry.name] = data;
      break;
    }
  }
  return found;
}

/**
 * The site's people by key: its authors file (Docusaurus `blog/authors.yml`,
 * Jekyll `_data/authors.yml`, Hugo `data/authors.*`, or `authors.yml` in a
 * content folder), Hugo's one file per author (`data/authors/<key>.toml`,
 * `data/_authors/`), and Hugo's author pages (`content/authors/<key>/_index.md`,
 * whose `name` or `title` is the name). All are read; a key found twice
 * keeps its first entry, in that order. `undefined` when there are none.
 */
export async function loadAuthors(root: string, contentDirs: readonly string[]): Promise<SiteAuthors | undefined> {
  const candidates = [
    ...authorFiles.map((name) => join(root, name)),
    ...contentDirs.flatMap((dir) => ['authors.yml', 'authors.yaml'].map((name) => join(dir, name))),
  ];
  const paths: string[] = [];
  const authors: Record<string, unknown> = {};
  const add = (path: string, found: Record<string, unknown>) => {
    if (Object.keys(found).length === 0) return;
    paths.push(path);
    for (const [key, value] of Object.entries(found)) if (!Object.hasOwn(authors, key)) authors[key] = value;
  };
  for (const path of candidates) {
    const data = await readData(path);
    // The first authors file is the site's: the others are the same convention in another place.
    if (isMapping(data)) {
      add(path, data);
      break;
    }
  }
  for (const folder of authorFolders) add(`${join(root, folder)}${sep}`, await readAuthorFolder(join(root, folder)));
  for (const folder of authorPages) add(`${join(root, folder)}${sep}`, await readAuthorPages(join(root, folder)));
  return paths.length > 0 ? { paths, authors } : undefined;
}

/**
 * The site's own variables for `{{ site.name }}`: the top-level strings of
 * a Jekyll `_config.yml` (other generators' templates do not reach posts).
 */
export async function loadSiteVariables(site: DetectedSite): Promise<Record<string, string> | undefined> {
  if (site.generator !== 'jekyll' || !site.configFile) return undefined;
  try {
    const data: unknown = parseYaml(await readFile(site.configFile, 'utf8'));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    const strings = Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return strings.length > 0 ? Object.fromEntries(strings.sort(([a], [b]) => (a < b ? -1 : 1))) : undefined;
  } catch {
    return undefined;
  }
}

/** One line saying what was detected and what is taken from it. */
export function describeSite(found: SiteInputs, cwd: string, taken: { title: boolean; url: boolean; authors?: readonly string[] }): string {
  const { site } = found;
  const parts = [`${site.generator} site at ${shownPath(site.root, cwd) || '.'}`];
  if (found.useContentDirs) parts.push(`content from ${site.contentDirs.map((dir) => shownPath(dir, cwd)).join(', ')}`);
  const from = site.configFile ? ` (from ${shownPath(site.configFile, cwd)})` : '';
  if (taken.title && site.title) parts.push(`title ${JSON.stringify(site.title)}${from}`);
  if (taken.url && site.url) parts.push(`site URL ${site.url}${from}`);
  if (taken.authors)
    parts.push(`authors from ${taken.authors.map((path) => shownPath(path, cwd) + (path.endsWith(sep) ? sep : '')).join(', ')}`);
  return `detected ${/^[aeiou]/.test(site.generator) ? 'an' : 'a'} ${parts.join('; ')}`;
}
