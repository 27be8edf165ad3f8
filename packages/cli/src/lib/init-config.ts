/**
 * What `syndikit init` writes: a plan read from the folder (the site a
 * generator's config describes, or the folders that hold articles) and the
 * commented `syndikit.config.yaml` made from it. Pure but for reading the
 * folder; nothing is written here.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { builtinIngesters } from './formats.js';
import { expandInputs } from './inputs.js';
import type { DetectedSite, SiteGenerator } from './site-detect.js';

/** Where each generator expects files it serves as they are, relative to the site root. */
export const outFolders: Readonly<Record<SiteGenerator, { out: string; why: string }>> = Object.freeze({
  hugo: { out: 'static/syndication', why: 'Hugo copies static/ into the site as it is (and hugo server serves it)' },
  zola: { out: 'static/syndication', why: 'Zola copies static/ into the site as it is' },
  docusaurus: { out: 'static/syndication', why: 'Docusaurus copies static/ into the site as it is' },
  astro: { out: 'public/syndication', why: 'Astro copies public/ into the site as it is' },
  nextjs: { out: 'public/syndication', why: 'Next.js serves public/ as it is' },
  eleventy: { out: '_site/syndication', why: "Eleventy's output folder; run syndikit build after eleventy" },
  jekyll: {
    out: '_site/syndication',
    why: "Jekyll's output folder, which jekyll build empties: run syndikit build after it (or add syndication to keep_files)",
  },
});

/** Folders looked at, in order, for articles when the folder is no known site. */
const contentCandidates = ['articles', 'content', 'posts', '_posts', 'news', 'src/content'];

/** Image files the `images` format makes renditions of. */
const imageExtension = /\.(?:jpe?g|png|webp|gif|avif|tiff?)$/i;

/** Formats with no requirement, then those that need the site URL (feeds and pages link to articles). */
const alwaysFormats = ['markdown', 'ninjs', 'newsml-g2'] as const;
const urlFormats = ['rss', 'atom', 'jsonfeed', 'amp'] as const;

/** `a hugo site`, `an astro site`. */
export function siteName(generator: SiteGenerator | undefined): string {
  if (!generator) return 'a folder of articles';
  return `${/^[aeiou]/.test(generator) ? 'an' : 'a'} ${generator} site`;
}

/** What `syndikit init` found and will write. */
export interface InitPlan {
  generator: SiteGenerator | undefined;
  title: string | undefined;
  url: string | undefined;
  /** Article folders or files, relative to the folder (POSIX). */
  inputs: string[];
  articles: number;
  out: string;
  outWhy: string;
  /** Whether the inputs hold images (the `images` format needs some). */
  hasImages: boolean;
}

async function countArticles(root: string, paths: readonly string[], exclude: readonly string[]): Promise<number> {
  const extensions = [...new Set(builtinIngesters().flatMap((ingester) => ingester.extensions))];
  const files = await expandInputs(
    paths.map((path) => join(root, path)),
    { extensions, exclude: exclude.map((path) => join(root, path)), cwd: root },
  ).catch(() => []);
  return files.length;
}

async function holdsImages(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.some((entry) => imageExtension.test(String(entry)) && !String(entry).split(sep).includes('node_modules'));
}

const posix = (path: string) => path.split(sep).join('/') || '.';

/** The folders with articles in a folder that is no known site: the first candidate that has some, else each top-level entry that does. */
async function contentOf(root: string, out: string): Promise<string[]> {
  for (const candidate of contentCandidates) if ((await countArticles(root, [candidate], [out])) > 0) return [candidate];
  const found: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === out) continue;
    if (entry.name.startsWith('syndikit.config.') || entry.name === 'package.json' || entry.name === 'package-lock.json') continue;
    if ((await countArticles(root, [entry.name], [out])) > 0) found.push(entry.name);
  }
  return found;
}

/** Read the folder: the site detected in it (if any), or its article folders. */
export async function planInit(root: string, site: DetectedSite | undefined, given: { title?: string; url?: string }): Promise<InitPlan> {
  const target = site ? outFolders[site.generator] : { out: 'out', why: 'a folder of its own beside the articles' };
  const inputs = site ? site.contentDirs.map((dir) => posix(relative(root, dir))) : await contentOf(root, target.out);
  const articles = inputs.length > 0 ? await countArticles(root, inputs, [target.out]) : 0;
  let hasImages = false;
  for (const input of inputs) hasImages ||= await holdsImages(join(root, input));
  return {
    generator: site?.generator,
    title: given.title ?? site?.title,
    url: given.url ?? site?.url,
    inputs,
    articles,
    out: target.out,
    outWhy: target.why,
    hasImages,
  };
}

/** The formats whose requirements the plan meets, and those it does not with the reason. */
export function formatsOf(plan: InitPlan): { on: string[]; off: { name: string; why: string }[] } {
  const on: string[] = [];
  const off: { name: string; why: string }[] = [];
  if (plan.hasImages) on.push('images');
  else off.push({ name: 'images', why: 'no images next to the articles' });
  on.push(...alwaysFormats);
  for (const name of urlFormats) {
    if (plan.url) on.push(name);
    else off.push({ name, why: 'needs site.url' });
  }
  return { on, off };
}

const scalar = (value: string) => stringify(value).trimEnd();

/** The commented config file for a plan. */
export function renderInitConfig(plan: InitPlan): string {
  const { on, off } = formatsOf(plan);
  const found = siteName(plan.generator);
  const lines = [
    `# syndikit config, written by \`syndikit init\` for ${found}. Paths are relative to this file.`,
    '# Every key is described in the syndikit README, section "Config file".',
    'site:',
    plan.title ? `  title: ${scalar(plan.title)}` : '  # title: My Site                  # default: syndikit',
    plan.url
      ? `  url: ${scalar(plan.url)}${' '.repeat(Math.max(1, 30 - plan.url.length))}# article URLs are made under it`
      : '  # url: https://example.com        # needed by rss, atom, jsonfeed and amp',
    '  language: en',
    `inputs:                              # ${plan.articles} article${plan.articles === 1 ? '' : 's'} found`,
    ...plan.inputs.map((input) => `  - ${scalar(input)}`),
    `out: ${scalar(plan.out)}${' '.repeat(Math.max(1, 32 - plan.out.length))}# ${plan.outWhy}`,
    'formats:',
    ...on.map((name) => `  - ${name}`),
    ...off.map(({ name, why }) => `  # - ${name}${' '.repeat(Math.max(1, 12 - name.length))}# ${why}`),
    'timeZone: UTC                        # for dates without an offset',
    'cacheDir: .syndikit-cache            # the build cache (keep it out of version control)',
    '',
  ];
  return lines.join('\n');
}
