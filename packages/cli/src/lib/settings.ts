import { access, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ConvertOptions, Ingester, Registry } from '@syndikit/core';
import { checkUrl } from '@syndikit/core';
import { readImageFacts } from '@syndikit/disk';
import type { MarkdownIngestOptions } from '@syndikit/markdown';
import { configFileNames, emptyConfig, isExecutableConfig, type LoadedConfig, loadConfig } from './config.js';
import { UsageError } from './errors.js';
import { builtinIngesters, createFormatRegistry, defaultFormats } from './formats.js';
import { shownPath } from './inputs.js';
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
}

/**
 * Load the config (`--config FILE`, else the first of
 * {@link configFileNames} in the working directory), apply flags over it,
 * and check format names. Flags win over the config.
 */
export async function resolveSettings(
  flags: Readonly<CommonFlags>,
  io: Pick<CliIo, 'cwd'>,
  inputs: readonly string[] = [],
): Promise<Settings> {
  const warnings: string[] = [];
  const discovered = flags.config ? undefined : await discoverConfig(io.cwd, inputs);
  const configPath = flags.config ? resolve(io.cwd, flags.config) : discovered?.path;
  if (discovered?.skipped) {
    const shown = shownPath(discovered.skipped, io.cwd);
    warnings.push(
      `${shown} was not loaded: a config file with code is read only from the working directory or with --config, never found in an input folder (anyone who can write to the folder could run code); to use it, pass --config ${shown}`,
    );
  }
  const config = configPath ? await loadConfig(configPath) : emptyConfig();
  let registry: Registry;
  try {
    registry = createFormatRegistry(config.plugins.formats);
  } catch (error) {
    throw new UsageError(`Config ${configPath}: ${(error as Error).message}`);
  }
  const formats = flags.formats !== undefined ? parseFormats(flags.formats) : (config.formats ?? [...defaultFormats]);
  const unknown = formats.filter((name) => !registry.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown format${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known formats: ${registry.names().join(', ')}`,
    );
  }
  const site = { ...config.site };
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
  const notes: string[] = [];
  const found = await siteForInputs(io.cwd, inputs, config.inputs);
  const markdown = { ...(await siteMarkdownOptions(found, site, io.cwd, notes)), ...publishFlags(flags, config) };
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
  const convert: ConvertOptions = {
    formats: adapters,
    site,
    ingesters,
    limits: config.limits,
    remarkPlugins: config.plugins.remarkPlugins ?? [],
    imageFacts: readImageFacts,
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
  if (flags.root) config.root = resolve(io.cwd, flags.root);
  // A site's posts reach into the whole project (`../../assets/a.jpg` in Astro, `/img/a.png` from `static/`).
  else if (found && !config.root) config.root = found.site.root;
  return { config, ingesters, formats, convert, warnings, notes, ...(found ? { site: found } : {}) };
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
  notes.push(describeSite(found, cwd, { ...taken, ...(authors ? { authors: authors.path } : {}) }));
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

/**
 * The config used when `--config` is not given: one in the working
 * directory, else a YAML or JSON one in the single input folder named on the
 * command line (so `syndikit build fixtures` finds
 * `fixtures/syndikit.config.yaml`). A JavaScript config in the input folder
 * is never loaded: input folders are often drop folders that agencies or
 * colleagues write to, and loading it would run their code. It is returned
 * as `skipped`, for a warning.
 */
async function discoverConfig(cwd: string, inputs: readonly string[]): Promise<{ path?: string; skipped?: string }> {
  const found = await findConfig(cwd, configFileNames);
  if (found) return { path: found };
  if (inputs.length !== 1) return {};
  const folder = resolve(cwd, inputs[0] as string);
  const isFolder = await stat(folder).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isFolder) return {};
  const data = await findConfig(
    folder,
    configFileNames.filter((name) => !isExecutableConfig(name)),
  );
  if (data) return { path: data };
  const skipped = await findConfig(folder, configFileNames.filter(isExecutableConfig));
  return skipped ? { skipped } : {};
}

async function findConfig(folder: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    const path = join(folder, name);
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return undefined;
}
