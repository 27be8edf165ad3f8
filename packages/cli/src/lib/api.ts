/**
 * The library behind `syndikit build`, for host tools (Vite, Astro,
 * Eleventy, scripts): the same config discovery, site detection, defaults
 * and pipeline as the command, so a host gets byte for byte what
 * `syndikit build` writes.
 */
import type { BuildResult } from '@syndikit/build';
import type { ConvertOptions } from '@syndikit/core';
import { type BuildFlags, type BuildJob, buildOnce, prepareBuild } from './commands/build.js';
import type { WatchHooks } from './commands/watch.js';
import type { LoadedConfig } from './config.js';
import type { CliIo } from './io.js';
import { resolveSettings } from './settings.js';

/** Where messages go: a host's logger (Vite's, Astro's, Eleventy's) or the console. */
export interface SyndikitLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a host changes over the config, as the command's flags do. Every field defaults to the config's value, then the CLI's default. */
export interface BuildOverrides {
  /** Input files and folders, relative to the config's `cwd` (the command's arguments). Default: `inputs` from the config, else the detected site's content folders. */
  inputs?: readonly string[] | null;
  /** The output folder (`--out`), relative to `cwd`. Default: `out` from the config, else `out`. */
  out?: string | null;
  /** Formats (`--formats`). Default: the config's, else every format whose requirements are met. */
  formats?: readonly string[] | null;
  /** The site's URL (`--site-url`). Default: `site.url` from the config, else the detected site's. */
  siteUrl?: string | null;
  /** The site's title (`--site-title`). Default: `site.title`, else the detected site's, else `syndikit`. */
  siteTitle?: string | null;
  /** The content root (`--root`). Default: the config's `root`, else the site root or the inputs' common folder. */
  root?: string | null;
  /** Time zone for dates without an offset (`--time-zone`). Default: the config's, else `UTC`. */
  timeZone?: string | null;
  /** The reference time for embargoes, RFC 3339 (`--now`). Default: the config's, else the time of the build. */
  now?: string | null;
  /** Include Markdown drafts (`--drafts`). Default `false`. */
  drafts?: boolean | null;
  /** Include posts dated after `now` (`--future`). Default `false`. */
  future?: boolean | null;
  /** Write what converted even when some articles fail (`--keep-going`). Default: the config's `keepGoing`, else `false`. */
  keepGoing?: boolean | null;
  /** The build cache (`--cache-dir`), or `false` for none (`--no-cache`). Default: the config's `cacheDir`, else `.syndikit-cache`. */
  cacheDir?: string | false | null;
  /** Worker threads (`--threads`). Default `'auto'`. */
  threads?: number | 'auto' | null;
  /** Also log info messages (`--verbose`). Default `false`. */
  verbose?: boolean | null;
  /** No summary line and no notes (`--quiet`). Default `false`. */
  quiet?: boolean | null;
  /** Where the command's lines go, each to `error`, `warn` or `info` by its severity. Default: standard error, as the command prints them. */
  logger?: SyndikitLogger | null;
}

/** The outcome of {@link buildFromConfig}. */
export interface BuildFromConfigResult extends BuildResult {
  /** The output folder written (absolute). */
  outDir: string;
  /** The formats built. */
  formats: string[];
  /** The exit code `syndikit build` would give: 0 everything converted, 1 content errors. */
  exitCode: number;
}

/**
 * Build as `syndikit build` does with `config` (from `loadConfig`) and
 * `overrides` in place of flags: same inputs, defaults, pipeline, cache,
 * messages and output. Usage mistakes (an unknown format, no inputs, a
 * missing site URL for feeds) throw a `UsageError`; content errors are in
 * the result (`failed`, `exitCode: 1`) and logged.
 *
 * @example
 * const result = await buildFromConfig(await loadConfig({ cwd: root }), { out: 'dist/syndication' })
 * if (result.exitCode !== 0) process.exitCode = 1
 */
export async function buildFromConfig(config: LoadedConfig, overrides?: Readonly<BuildOverrides> | null): Promise<BuildFromConfigResult> {
  const { job, io, flags } = await prepareFromConfig(config, overrides);
  const { result, exitCode } = await buildOnce(job, flags, io);
  return { ...result, outDir: job.outDir, formats: job.settings.formats, exitCode };
}

/** Options of {@link watchFromConfig}: the overrides, and what to call after each build. */
export interface WatchFromConfigOptions extends BuildOverrides {
  /** After every build (the first included), with its result and output folder. */
  onBuilt?: ((result: BuildResult, outDir: string) => void) | null;
}

/** A watch started by {@link watchFromConfig}. */
export interface ConfigWatch {
  /** The output folder the builds write (absolute). */
  outDir: string;
  /** Stop watching and stop the worker threads. */
  close(): Promise<void>;
}

/**
 * `syndikit build --watch` as a library, for dev servers: build once, then
 * rebuild what changed whenever an input or the config file changes
 * (through the cache), until `close()`. Resolves after the first build.
 * A content error is logged and the watch goes on.
 */
export async function watchFromConfig(config: LoadedConfig, options?: Readonly<WatchFromConfigOptions> | null): Promise<ConfigWatch> {
  const { job, io, flags, inputs } = await prepareFromConfig(config, options);
  const { startWatch } = await import('./commands/watch.js');
  const onBuilt = options?.onBuilt;
  const hooks: WatchHooks = onBuilt ? { onBuilt: (result, built) => onBuilt(result, built.outDir) } : {};
  const watch = await startWatch(job, inputs, { ...flags, watch: true }, io, hooks);
  return { outDir: job.outDir, close: () => watch.close() };
}

/**
 * The options `convert` from `@syndikit/core` gets from `syndikit convert`
 * for `config`: ingesters (Markdown last), adapters of the config's
 * formats, site, limits, time zone, reading local images' facts, and the
 * content root (the config's, else the detected site's, else `cwd`). Pass
 * them to `convert` to get the command's output in memory.
 *
 * @example
 * const result = await convert(files, await convertOptions(await loadConfig(), { formats: ['markdown'] }))
 */
export async function convertOptions(
  config: LoadedConfig,
  overrides?: Readonly<Omit<BuildOverrides, 'out' | 'cacheDir' | 'threads' | 'keepGoing'>> | null,
): Promise<ConvertOptions> {
  const cwd = config.cwd ?? process.cwd();
  const settings = await resolveSettings(flagsOf(config, overrides), { cwd }, overrides?.inputs ?? [], config);
  return { ...settings.convert, root: settings.config.root ?? cwd };
}

/** The build job, the io and the flags that stand for `config` and `overrides`. */
async function prepareFromConfig(
  config: LoadedConfig,
  overrides: Readonly<BuildOverrides> | null | undefined,
): Promise<{ job: BuildJob; io: CliIo; flags: BuildFlags; inputs: string[] }> {
  if (!config || typeof config !== 'object' || !Array.isArray(config.inputs)) {
    throw new TypeError(`Expected a config from \`loadConfig()\` but received ${config === null ? 'null' : typeof config}`);
  }
  const cwd = config.cwd ?? process.cwd();
  const io = loggerIo(overrides?.logger ?? null, cwd);
  const flags = flagsOf(config, overrides);
  const inputs = [...(overrides?.inputs ?? [])];
  const job = await prepareBuild(inputs, flags, io, config);
  for (const warning of job.settings.warnings) io.stderr.write(`syndikit: warning: ${warning}\n`);
  if (!flags.quiet) for (const note of job.settings.notes) io.stderr.write(`syndikit: ${note}\n`);
  return { job, io, flags, inputs };
}

/** The command-line flags that say what `overrides` say (worker threads make their pipeline from these). */
function flagsOf(config: LoadedConfig, overrides: Readonly<BuildOverrides> | null | undefined): BuildFlags {
  const given = overrides ?? {};
  const flags: BuildFlags = {};
  if (config.path) flags.config = config.path;
  if (given.out) flags.out = given.out;
  if (given.formats) flags.formats = given.formats.join(',');
  if (given.siteUrl) flags.siteUrl = given.siteUrl;
  if (given.siteTitle) flags.siteTitle = given.siteTitle;
  if (given.root) flags.root = given.root;
  if (given.timeZone) flags.timeZone = given.timeZone;
  if (given.now) flags.now = given.now;
  if (given.drafts) flags.drafts = true;
  if (given.future) flags.future = true;
  if (typeof given.keepGoing === 'boolean') flags.keepGoing = given.keepGoing;
  if (given.cacheDir === false) flags.cache = false;
  else if (given.cacheDir) flags.cacheDir = given.cacheDir;
  if (given.threads !== undefined && given.threads !== null) flags.threads = String(given.threads);
  if (given.verbose) flags.verbose = true;
  if (given.quiet) flags.quiet = true;
  return flags;
}

/** A diagnostic line's severity (`file:1:2: error …`), or a line of the command's own. */
const severityPattern = /^(?:.*?:\d+:\d+: (error|warning|info) |syndikit: (warning): )/;

/**
 * The command's standard error as a logger's calls: one call per line, to
 * `error`, `warn` or `info` by the line's severity (summary and notes are
 * info; a failed build's summary is an error). Without a logger, the lines
 * go to standard error as the command writes them.
 */
function loggerIo(logger: SyndikitLogger | null, cwd: string): CliIo {
  const stderr = logger
    ? {
        write(chunk: string) {
          for (const line of chunk.split('\n')) {
            if (line === '') continue;
            const severity = severityPattern.exec(line);
            const level = severity?.[1] ?? severity?.[2];
            if (level === 'error' || / failed[;:]|not converted:/.test(line)) logger.error(line);
            else if (level === 'warning') logger.warn(line);
            else logger.info(line);
          }
          return true;
        },
      }
    : { write: (chunk: string) => process.stderr.write(chunk) };
  return { cwd, stdout: { write: () => true }, stderr, env: process.env };
}
