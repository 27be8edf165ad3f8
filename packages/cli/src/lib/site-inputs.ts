/**
 * Running at a site root: which site (if any) a build's inputs belong to,
 * what it adds to the settings (its content folders as inputs, its title
 * and URL when the config has none, its authors file), and the one line
 * that says what was detected.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
 * The site's authors file by key (Docusaurus `blog/authors.yml`, Jekyll
 * `_data/authors.yml`, Hugo `data/authors.*`), or one named `authors.yml`
 * in a content folder. `undefined` when there is none or it is not a mapping.
 */
export async function loadAuthors(
  root: string,
  contentDirs: readonly string[],
): Promise<{ path: string; authors: Record<string, unknown> } | undefined> {
  const candidates = [
    ...authorFiles.map((name) => join(root, name)),
    ...contentDirs.flatMap((dir) => ['authors.yml', 'authors.yaml'].map((name) => join(dir, name))),
  ];
  for (const path of candidates) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    try {
      const data: unknown = path.endsWith('.toml') ? parseToml(text) : path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { path, authors: JSON.parse(JSON.stringify(data)) };
    } catch {
      // A broken authors file is the site's problem; posts keep their keys as names.
    }
  }
  return undefined;
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
export function describeSite(found: SiteInputs, cwd: string, taken: { title: boolean; url: boolean; authors?: string }): string {
  const { site } = found;
  const parts = [`${site.generator} site at ${shownPath(site.root, cwd) || '.'}`];
  if (found.useContentDirs) parts.push(`content from ${site.contentDirs.map((dir) => shownPath(dir, cwd)).join(', ')}`);
  const from = site.configFile ? ` (from ${shownPath(site.configFile, cwd)})` : '';
  if (taken.title && site.title) parts.push(`title ${JSON.stringify(site.title)}${from}`);
  if (taken.url && site.url) parts.push(`site URL ${site.url}${from}`);
  if (taken.authors) parts.push(`authors from ${shownPath(taken.authors, cwd)}`);
  return `detected a ${parts.join('; ')}`;
}
