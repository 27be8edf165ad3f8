import { relative, resolve, sep } from 'node:path';
import type { ConvertOptions, Ingester, Registry } from '@syndikit/core';
import { checkUrl } from '@syndikit/core';
import { imageFactsReader, readImageFacts } from '@syndikit/disk';
import { sharpProblem } from '@syndikit/images/sharp';
import type { MarkdownIngestOptions } from '@syndikit/markdown';
import { type LoadedConfig, loadConfig } from './config.js';
import { UsageError } from './errors.js';
import { builtinIngesters, createFormatRegistry, defaultFormatsFor, siteUrlFormats } from './formats.js';
import type { CliIo } from './io.js';
import { describeSite, loadAuthors, loadSiteVariables, type SiteInputs, siteForInputs } from './site-inputs.js';

/** Flags shared by every command that converts. */
export interface CommonFlags {
  config?: string;
  formats?: string;
  siteUrl?: string;
  root?: string;
  timeZone?: string;
  now?: string;
  /** Include drafts (`draft: true`, `published: false`) of Markdown inputs. */
  drafts?: boolean;
  /** Include Markdown posts dated after `--now`. */
  future?: boolean;
  /** The site's title, over the config's `site.title` (feeds and AMP pages are titled with it). */
  siteTitle?: string;
  /** A missing local image fails its article (default: a warning, and the image is left out). */
  strict?: boolean;
}

/** Config plus flags, resolved once for a run. */
export interface Settings {
  config: LoadedConfig;
  ingesters: Ingester[];
  formats: string[];
  /** Convert options without `root` (that depends on the inputs). */
  convert: ConvertOptions;
  /** Warnings about the settings, one line each, for the command to print once (never per worker or rebuild). */
  warnings: string[];
  /** The static-site project the inputs belong to, when one was detected (see `siteForInputs`). */
  site?: SiteInputs;
  /** What was detected, one line each, for the command to print once. */
  notes: string[];
  /** A missing local image fails its article (`--strict`, or `strict: true` in the config). */
  strict: boolean;
}

/** `images` named without sharp (an optional dependency): a usage error, said before any work rather than on every image. */
async function requireSharp(formats: readonly string[]): Promise<void> {
  const sharpMissing = formats.includes('images') ? await sharpProblem() : undefined;
  if (sharpMissing) throw new UsageError(sharpMissing);
}

/**
 * Load the config (`--config FILE`, else the first of
 * {@link configFileNames} in the working directory), apply flags over it,
 * and check format names. Flags win over the config. A config already
 * loaded (`loadConfig({ cwd })` by a host tool) is used as it is.
 */
export async function resolveSettings(
  flags: Readonly<CommonFlags>,
  io: Pick<CliIo, 'cwd'>,
  inputs: readonly string[] = [],
  preloaded?: LoadedConfig,
): Promise<Settings> {
  const config = preloaded ?? (await loadConfig({ cwd: io.cwd, configFile: flags.config ?? null, inputs }));
  const configPath = config.path;
  const warnings = [...(config.warnings ?? [])];
  let registry: Registry;
  try {
    registry = createFormatRegistry(config.plugins.formats);
  } catch (error) {
    throw new UsageError(`Config ${configPath}: ${(error as Error).message}`);
  }
  const site = { ...config.site, ...siteFlags(flags) };
  const notes: string[] = [];
  const found = await siteForInputs(io.cwd, inputs, config.inputs);
  const markdown: MarkdownIngestOptions = {
    ...(await siteMarkdownOptions(found, site, io.cwd, notes)),
    ...publishFlags(flags, config),
    contentDirs: contentDirsOf(found, inputs, config, io.cwd),
  };
  const formats = chooseFormats(flags, config, registry, site, notes);
  await requireSharp(formats);
  let ingesters: Ingester[];
  try {
    ingesters = [...(config.plugins.ingesters ?? []), ...builtinIngesters(config.wire, markdown)];
  } catch (error) {
    throw new UsageError(`Wire options${configPath ? ` in ${configPath}` : ''}: ${(error as Error).message}`);
  }
  // Adapters are created here, once, so that bad adapter options are usage errors (exit 2).
  const adapters = formats.map((name) => {
    try {
      return registry.create(name, config.adapters[name]);
    } catch (error) {
      throw new UsageError(`Options of format ${name}${configPath ? ` in ${configPath}` : ''}: ${(error as Error).message}`);
    }
  });
  requireSiteUrl(formats, site);
  const strict = flags.strict ?? config.strict ?? false;
  const convert: ConvertOptions = {
    ...sharedConvertDefaults,
    formats: adapters,
    site,
    ingesters,
    limits: config.limits,
    remarkPlugins: config.plugins.remarkPlugins ?? [],
    imageFacts: imageFactsReader({ strict }),
    cwd: io.cwd,
  };
  const timeZone = flags.timeZone ?? config.timeZone;
  if (timeZone) convert.timeZone = timeZone;
  if (config.permalink) convert.permalink = config.permalink;
  const now = flags.now ?? config.now;
  if (now !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(now) || Number.isNaN(Date.parse(now))) {
      throw new UsageError(`Expected an RFC 3339 date-time with an offset for --now but received ${JSON.stringify(now)}`);
    }
    convert.now = now;
  }
  // A host tool's config object is not changed: the root chosen here is the run's own.
  const runConfig = { ...config };
  if (flags.root) runConfig.root = resolve(io.cwd, flags.root);
  // A site's posts reach into the whole project (`../../assets/a.jpg` in Astro, `/img/a.png` from `static/`).
  else if (found && !config.root) runConfig.root = found.site.root;
  return { config: runConfig, ingesters, formats, convert, warnings, notes, strict, ...(found ? { site: found } : {}) };
}

/**
 * What every conversion the CLI runs gets unless told otherwise, and what
 * `convertOptions()` gives library users: local images' size and type read
 * from their headers (so feeds and AMP pages carry them, without warnings
 * about missing dimensions).
 */
export const sharedConvertDefaults: Readonly<Pick<ConvertOptions, 'imageFacts'>> = Object.freeze({ imageFacts: readImageFacts });

/** `rss, atom: they need …; images: …`: the skipped formats grouped by reason. */
function describeSkipped(skipped: readonly { name: string; why: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { name, why } of skipped) byReason.set(why, [...(byReason.get(why) ?? []), name]);
  return [...byReason].map(([why, names]) => `${names.join(', ')} (${why})`).join('; ');
}

/** `--site-url` and `--site-title` over the config's `site`. */
function siteFlags(flags: Readonly<CommonFlags>): { url?: string; title?: string } {
  const site: { url?: string; title?: string } = {};
  if (flags.siteUrl !== undefined) {
    const checked = checkUrl(flags.siteUrl);
    if ('error' in checked) {
      // A value with no scheme is simply not absolute; the policy's reason adds nothing then.
      const value = flags.siteUrl.trim();
      const reason = /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') ? `: ${checked.error}` : '';
      throw new UsageError(`Expected an absolute http(s) URL for --site-url but received ${JSON.stringify(flags.siteUrl)}${reason}`);
    }
    site.url = flags.siteUrl;
  }
  if (flags.siteTitle !== undefined) {
    if (flags.siteTitle.trim() === '') throw new UsageError('Expected a non-empty title for --site-title');
    site.title = flags.siteTitle;
  }
  return site;
}

/**
 * The formats of a run: those named (`--formats`, else the config's
 * `formats`), every one known and, when it needs the site URL, with one;
 * else every format whose requirements are met, saying in one note which
 * were skipped and why.
 */
function chooseFormats(
  flags: Readonly<CommonFlags>,
  config: LoadedConfig,
  registry: Registry,
  site: { url?: string | null },
  notes: string[],
): string[] {
  const named = flags.formats !== undefined ? parseFormats(flags.formats) : config.formats;
  if (named === undefined) {
    const { formats, skipped } = defaultFormatsFor({ siteUrl: Boolean(site.url), extra: Object.keys(config.plugins.formats ?? {}) });
    if (skipped.length > 0) notes.push(`building ${formats.join(', ')} (no --formats given); skipped ${describeSkipped(skipped)}`);
    return formats;
  }
  const unknown = named.filter((name) => !registry.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown format${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known formats: ${registry.names().join(', ')}`,
    );
  }
  return named;
}

/** Formats that need the site URL, named without one: a usage error, found before any work. */
function requireSiteUrl(formats: readonly string[], site: { url?: string | null }): void {
  const needUrl = formats.filter((name) => siteUrlFormats.includes(name));
  if (needUrl.length > 0 && !site.url) {
    throw new UsageError(
      `${needUrl.join(', ')} ${needUrl.length === 1 ? 'needs' : 'need'} the site URL (feeds link to the site, AMP pages need a canonical URL): give --site-url URL or \`site.url\` in the config`,
    );
  }
}

/** A permalink's `{path}` is a post's path under its site's content folder, else under the input folder named. */
function contentDirsOf(found: SiteInputs | undefined, inputs: readonly string[], config: LoadedConfig, cwd: string): string[] {
  if (found) return found.site.contentDirs;
  return inputs.length > 0 ? inputs.map((input) => resolve(cwd, input)) : config.inputs;
}

/** `--drafts`, `--future`, the reference time and the permalink pattern (for links between posts), for the Markdown ingester. */
function publishFlags(flags: Readonly<CommonFlags>, config: LoadedConfig): MarkdownIngestOptions {
  const now = flags.now ?? config.now;
  return {
    drafts: flags.drafts ?? false,
    future: flags.future ?? false,
    ...(now ? { now } : {}),
    ...(config.permalink ? { permalink: config.permalink } : {}),
  };
}

/**
 * What a detected site gives when the config does not: its title and base
 * URL (into `site`), and its authors file (for the Markdown ingester). Says
 * what was taken in `notes`.
 */
async function siteMarkdownOptions(
  found: SiteInputs | undefined,
  site: { title?: string | null; url?: string | null },
  cwd: string,
  notes: string[],
): Promise<MarkdownIngestOptions> {
  if (!found) return {};
  const detected = found.site;
  const taken = { title: !site.title && detected.title !== undefined, url: !site.url && detected.url !== undefined };
  if (taken.title && detected.title) site.title = detected.title;
  if (taken.url && detected.url) {
    const checked = checkUrl(detected.url);
    if ('url' in checked) site.url = detected.url.replace(/\/+$/, '');
    else taken.url = false;
  }
  const authors = await loadAuthors(detected.root, detected.contentDirs);
  notes.push(describeSite(found, cwd, { ...taken, ...(authors ? { authors: authors.paths } : {}) }));
  // Root-relative images (`/img/a.png`) are served from the static folder; the content root is the site root.
  const staticDirs = detected.staticDirs.map((dir) => relative(detected.root, dir).split(sep).join('/'));
  const siteVariables = await loadSiteVariables(detected);
  return { ...(authors ? { authors: authors.authors } : {}), staticDirs, ...(siteVariables ? { siteVariables } : {}) };
}

/** Split `a,b, c` into format names; an empty list is a usage error. */
export function parseFormats(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('Expected at least one format name for --formats');
  return [...new Set(names)];
}
