import { access, readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AmpOptions } from '@syndikit/amp';
import type { AdapterFactory, Ingester, Limits, SiteOptions } from '@syndikit/core';
import { checkUrl, isValidTimeZone, permalinkProblem, urlOrPathProblem } from '@syndikit/core';
import type { ImagesOptions } from '@syndikit/images';
import type { JsonFeedOptions } from '@syndikit/jsonfeed';
import type { MarkdownOptions } from '@syndikit/markdown';
import type { NewsMlG2Options } from '@syndikit/newsml-g2';
import type { NinjsOptions } from '@syndikit/ninjs';
import type { XmlFeedOptions } from '@syndikit/rss';
import type { PluggableList } from 'unified';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from './errors.js';
import type { WireOptions } from './formats.js';
import { shownPath } from './inputs.js';

/** File names looked for in the working directory when `--config` is not given, in order. */
export const configFileNames: readonly string[] = Object.freeze([
  'syndikit.config.yaml',
  'syndikit.config.yml',
  'syndikit.config.json',
  'syndikit.config.js',
  'syndikit.config.mjs',
  'syndikit.config.cjs',
  'syndikit.config.ts',
  'syndikit.config.mts',
  'syndikit.config.cts',
]);

/**
 * Extensions of configs that are code (imported, so run): these load only
 * from the working directory or `--config`, never from an input folder.
 */
export const executableConfigExtensions: readonly string[] = Object.freeze(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

/** Extensions of TypeScript configs, loaded through jiti (Node 20 cannot import TypeScript itself). */
const typeScriptExtensions: readonly string[] = ['.ts', '.mts', '.cts'];

/** Whether a config file is code rather than data (YAML, JSON). */
export function isExecutableConfig(path: string): boolean {
  return executableConfigExtensions.includes(extname(path).toLowerCase());
}

const nonEmpty = z.string().trim().min(1);
/** An absolute http(s) URL under core's URL policy (`checkUrl`), with the policy's reason when refused. */
const httpUrl = z.string().superRefine((value, context) => {
  const checked = checkUrl(value);
  if ('error' in checked) {
    // A value with no scheme is simply not absolute; the policy's reason adds nothing then.
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value.trim()) || value.trim().startsWith('//');
    context.addIssue({ code: 'custom', message: `Expected an absolute http(s) URL${absolute ? `: ${checked.error}` : ''}` });
  }
});
/** An http(s) URL or a path resolved later against the site URL (icons, logos). */
const urlOrPath = nonEmpty.superRefine((value, context) => {
  const problem = urlOrPathProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `Expected an http(s) URL or a path: ${problem}` });
});

const siteSchema = z.strictObject({
  title: nonEmpty.optional(),
  url: httpUrl.optional(),
  language: nonEmpty.optional(),
  description: z.string().optional(),
  copyright: z.string().optional(),
  icon: urlOrPath.optional(),
  logo: urlOrPath.optional(),
});

const formatName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a kebab-case format name');

const wireRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a kebab-case rule id'),
  description: nonEmpty,
  pattern: nonEmpty.refine((value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'Expected a regular expression'),
  flags: z
    .string()
    .regex(/^[dgimsuy]*$/)
    .optional(),
  action: z.enum(['drop', 'drop-rest', 'copyright', 'note', 'credits']),
  agencies: z.array(z.string()).optional(),
});

/** The data part of a config file: everything a YAML or JSON config can say. */
export const configSchema = z.strictObject({
  /** Site metadata. */
  site: siteSchema.optional(),
  /** Input files or folders, relative to the config file. */
  inputs: z.array(nonEmpty).optional(),
  /** Output folder, relative to the config file. */
  out: nonEmpty.optional(),
  /** Content root, relative to the config file. Default: the common folder of the inputs. */
  root: nonEmpty.optional(),
  /** Formats to build. */
  formats: z.array(formatName).optional(),
  /** Time zone for dates without an offset. */
  timeZone: nonEmpty.refine(isValidTimeZone, 'Expected an IANA time zone, UTC or ±HH:MM').optional(),
  /** URL path of an article under `site.url`. */
  permalink: nonEmpty
    .superRefine((value, context) => {
      const problem = permalinkProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Write what converted even when some articles fail. */
  keepGoing: z.boolean().optional(),
  /** A missing local image fails its article instead of being left out with a warning (`--strict`). Default `false`. */
  strict: z.boolean().optional(),
  /** The build cache folder, relative to the config file, or `false` for none. Default `.syndikit-cache` in the working directory. */
  cacheDir: z.union([nonEmpty, z.literal(false)]).optional(),
  /** Options per format, by format name. */
  adapters: z.record(formatName, z.record(z.string(), z.unknown())).optional(),
  /** Wire-desk ingest: rules for scraped copy, photo URLs, ninjs limits. */
  wire: z
    .strictObject({
      rules: z.array(wireRuleSchema).optional(),
      defaultRules: z.boolean().optional(),
      photoBaseUrl: httpUrl.optional(),
      maxJsonDepth: z.int().positive().max(1000).optional(),
    })
    .optional(),
  /** The reference time for embargoes (RFC 3339). Default: the time of the build. */
  now: z.iso.datetime({ offset: true }).optional(),
  /** Parser limits. */
  limits: z
    .strictObject({
      maxBytes: z.int().positive().optional(),
      maxDepth: z.int().positive().max(10_000).optional(),
      maxDelimiters: z.int().positive().optional(),
      maxMarkup: z.int().positive().optional(),
      maxContainers: z.int().positive().optional(),
    })
    .optional(),
});

/** What a JavaScript config may add beyond {@link configSchema}: code. */
export interface ConfigPlugins {
  /** Extra formats, by name: adapter factories. */
  formats?: Record<string, AdapterFactory<never>>;
  /** Extra ingesters, tried before the built-in ones. */
  ingesters?: Ingester[];
  /** unified plugins run on every article body. */
  remarkPlugins?: PluggableList;
}

/** A config file as written by a user, loosely typed (any format name); {@link defineConfig} types it strictly. */
export type UserConfig = z.input<typeof configSchema> & { plugins?: ConfigPlugins };

/** Options of each built-in format, by its name: what `adapters.<name>` takes. */
export interface BuiltinFormatOptions {
  markdown: MarkdownOptions;
  rss: XmlFeedOptions;
  atom: XmlFeedOptions;
  jsonfeed: JsonFeedOptions;
  amp: AmpOptions;
  ninjs: NinjsOptions;
  'newsml-g2': NewsMlG2Options;
  images: ImagesOptions;
}

/** The name of a built-in format. */
export type BuiltinFormatName = keyof BuiltinFormatOptions;

/** The options an adapter factory takes. */
type FactoryOptions<Factory> = Factory extends (options?: infer Options) => unknown ? NonNullable<Options> : never;

/**
 * A config whose format names and adapter options are checked by the
 * compiler: the built-in formats plus those in `plugins.formats`.
 */
export type TypedUserConfig<Extra extends Record<string, AdapterFactory<never>> = Record<never, never>> = Omit<
  z.input<typeof configSchema>,
  'formats' | 'adapters'
> & {
  /** Formats to build. Default: every format whose requirements are met (see the README). */
  formats?: Array<BuiltinFormatName | (keyof NoInfer<Extra> & string)>;
  /** Options per format, by format name. */
  adapters?: { [Name in BuiltinFormatName]?: BuiltinFormatOptions[Name] } & {
    [Name in keyof NoInfer<Extra>]?: FactoryOptions<NoInfer<Extra>[Name]>;
  };
  plugins?: Omit<ConfigPlugins, 'formats'> & { formats?: Extra };
};

/** A loaded config with paths made absolute. */
export interface LoadedConfig {
  /** Absolute path of the config file, if one was read. */
  path?: string;
  /**
   * The working directory the config was found from (by
   * `loadConfig({ cwd })`): where `buildFromConfig` resolves what the CLI
   * resolves against its working directory. Default `process.cwd()`.
   */
  cwd?: string;
  /** Warnings about finding the config (a code config skipped in an input folder), one line each. */
  warnings?: string[];
  site: SiteOptions;
  inputs: string[];
  out?: string;
  root?: string;
  formats?: string[];
  timeZone?: string;
  permalink?: string;
  keepGoing: boolean;
  /** A missing local image is an error (`strict: true`, `--strict`). Default `false`. */
  strict?: boolean;
  /** Absolute, or `false` for no persistent cache. */
  cacheDir?: string | false;
  adapters: Record<string, Record<string, unknown>>;
  limits: Partial<Limits>;
  wire: WireOptions;
  now?: string;
  plugins: ConfigPlugins;
}

/**
 * Identity helper that types a config file written in JavaScript or
 * TypeScript: format names and each format's options are checked, so
 * `formats: ['rsss']` fails in the editor. Formats added under
 * `plugins.formats` are known by their names too.
 *
 * @example
 * // syndikit.config.ts
 * import { defineConfig } from '@syndikit/cli'
 * export default defineConfig({ site: { title: 'The Daily' }, formats: ['markdown', 'rss'] })
 */
export function defineConfig<const Extra extends Record<string, AdapterFactory<never>> = Record<never, never>>(
  config: TypedUserConfig<Extra>,
): TypedUserConfig<Extra> {
  return config;
}

/** Where {@link loadConfig} looks for a config, as the `syndikit` command does. */
export interface LoadConfigOptions {
  /** The working directory: a config there is found, and relative paths resolve against it. Default `process.cwd()`. */
  cwd?: string | null;
  /** A config file to read instead of looking for one (`--config`), relative to `cwd`. Default: look for one. */
  configFile?: string | null;
  /**
   * The inputs named on the command line, if any: with exactly one folder
   * and no config in `cwd`, a YAML or JSON config in that folder is used
   * (never a JavaScript or TypeScript one, which would run code from a drop
   * folder). Default `[]`.
   */
  inputs?: readonly string[] | null;
}

/**
 * Find and read the config exactly as `syndikit build` does: `configFile`
 * if given, else the first of {@link configFileNames} in `cwd`, else a data
 * config in the one input folder named; with none, an empty config (the
 * CLI's defaults, and the site detected in `cwd`). Given a path instead of
 * options, read that file. Every problem is reported at once, each with its
 * path (`site.url: Expected an absolute http(s) URL`), as a
 * {@link UsageError}. TypeScript configs load through jiti.
 *
 * @example
 * const config = await loadConfig({ cwd: '/srv/site' })
 * await buildFromConfig(config, { out: 'dist/syndication' })
 */
export async function loadConfig(options?: string | Readonly<LoadConfigOptions> | null): Promise<LoadedConfig> {
  if (typeof options === 'string') return loadConfigFile(options);
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError(`Expected a config file path or options \`{ cwd, configFile }\` but received ${JSON.stringify(options)}`);
  }
  const cwd = resolve(options?.cwd ?? process.cwd());
  const inputs = options?.inputs ?? [];
  const discovered = options?.configFile ? { path: resolve(cwd, options.configFile) } : await discoverConfig(cwd, inputs);
  const config = discovered.path ? await loadConfigFile(discovered.path) : emptyConfig();
  config.cwd = cwd;
  if (discovered.skipped) config.warnings = [skippedWarning(discovered.skipped, cwd)];
  return config;
}

/** The warning for a code config found in an input folder and not loaded. */
function skippedWarning(path: string, cwd: string): string {
  const shown = shownPath(path, cwd);
  return `${shown} was not loaded: a config file with code is read only from the working directory or with --config, never found in an input folder (anyone who can write to the folder could run code); to use it, pass --config ${shown}`;
}

/** Read and validate one config file. */
async function loadConfigFile(path: string): Promise<LoadedConfig> {
  const extension = extname(path).toLowerCase();
  let raw: unknown;
  if (isExecutableConfig(path)) {
    try {
      raw = await importConfig(path, extension);
    } catch (error) {
      throw new UsageError(`Could not load config ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new UsageError(`Config file ${path} could not be read`);
    }
    try {
      raw = extension === '.json' ? JSON.parse(text) : parseYaml(text, { schema: 'core', maxAliasCount: 50 });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new UsageError(`Config file ${path} is not valid ${extension === '.json' ? 'JSON' : 'YAML'}: ${detail}`);
    }
  }
  if (raw === null || raw === undefined) raw = {};
  return validateConfig(raw, path);
}

/**
 * A config that is code, run: JavaScript by Node's own `import`, TypeScript
 * through jiti (as ESLint, Tailwind CSS and Nuxt load theirs), without its
 * file cache, so that loading a config writes nothing.
 */
async function importConfig(path: string, extension: string): Promise<unknown> {
  if (!typeScriptExtensions.includes(extension)) {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return module.default;
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { fsCache: false, moduleCache: false, interopDefault: true });
  return jiti.import(path, { default: true });
}

/**
 * The config used when none is named: one in the working directory, else a
 * YAML or JSON one in the single input folder named on the command line (so
 * `syndikit build fixtures` finds `fixtures/syndikit.config.yaml`). A code
 * config in the input folder is never loaded: input folders are often drop
 * folders that agencies or colleagues write to, and loading it would run
 * their code. It is returned as `skipped`, for a warning.
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

/** Validate config data; `path` is used in messages and to resolve relative paths. */
export function validateConfig(raw: unknown, path: string): LoadedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`Config file ${path} must contain a mapping of options`);
  }
  const { plugins, ...data } = raw as Record<string, unknown>;
  const parsed = configSchema.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  const pluginProblems = validatePlugins(plugins, path);
  if (!parsed.success || pluginProblems.length > 0) {
    const all = [...problems, ...pluginProblems];
    throw new UsageError(`Config file ${path} has ${all.length} problem${all.length === 1 ? '' : 's'}`, all);
  }
  const config = parsed.data;
  const base = dirname(path);
  const absolute = (value: string) => (isAbsolute(value) ? value : resolve(base, value));
  const loaded: LoadedConfig = {
    path,
    site: config.site ?? {},
    inputs: (config.inputs ?? []).map(absolute),
    keepGoing: config.keepGoing ?? false,
    adapters: config.adapters ?? {},
    limits: config.limits ?? {},
    wire: (config.wire as WireOptions | undefined) ?? {},
    plugins: (plugins as ConfigPlugins | undefined) ?? {},
  };
  if (config.now) loaded.now = config.now;
  if (config.cacheDir !== undefined) loaded.cacheDir = config.cacheDir === false ? false : absolute(config.cacheDir);
  // Adapter options named `…File` are paths, relative to the config file like every other path.
  for (const options of Object.values(loaded.adapters)) {
    for (const [key, value] of Object.entries(options)) {
      if (key.endsWith('File') && typeof value === 'string') options[key] = absolute(value);
    }
  }
  if (config.out) loaded.out = absolute(config.out);
  if (config.root) loaded.root = absolute(config.root);
  if (config.formats) loaded.formats = config.formats;
  if (config.timeZone) loaded.timeZone = config.timeZone;
  if (config.permalink) loaded.permalink = config.permalink;
  if (config.strict !== undefined) loaded.strict = config.strict;
  return loaded;
}

function validatePlugins(plugins: unknown, path: string): string[] {
  if (plugins === undefined) return [];
  const problems: string[] = [];
  if (typeof plugins !== 'object' || plugins === null) return [`${path}: plugins: Expected an object`];
  const { formats, ingesters, remarkPlugins, ...rest } = plugins as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`${path}: plugins.${key}: Unrecognized key`);
  if (formats !== undefined) {
    if (typeof formats !== 'object' || formats === null) problems.push(`${path}: plugins.formats: Expected an object of adapter factories`);
    else
      for (const [name, factory] of Object.entries(formats)) {
        if (typeof factory !== 'function') problems.push(`${path}: plugins.formats.${name}: Expected an adapter factory function`);
      }
  }
  if (ingesters !== undefined && !Array.isArray(ingesters)) problems.push(`${path}: plugins.ingesters: Expected an array`);
  if (remarkPlugins !== undefined && !Array.isArray(remarkPlugins)) problems.push(`${path}: plugins.remarkPlugins: Expected an array`);
  return problems;
}

/** An empty config, for runs without a config file. */
export function emptyConfig(): LoadedConfig {
  return { site: {}, inputs: [], keepGoing: false, adapters: {}, limits: {}, wire: {}, plugins: {} };
}
