/**
 * The Eleventy plugin: after every Eleventy build (`eleventy`, and each
 * rebuild of `eleventy --serve` or `--watch`) it builds the syndication
 * outputs into a folder of Eleventy's output, exactly as `syndikit build`
 * would (same config, inputs, defaults and pipeline). Rebuilds go through
 * the cache, so only changed articles convert again, and Eleventy's dev
 * server serves what was written. Messages go through Eleventy's logger.
 */
import { join, resolve } from 'node:path';
import { buildFromConfig, loadConfig, type SyndikitLogger } from '@syndikit/cli';

/** Options of {@link syndikit}, given to `addPlugin`. Everything else comes from the syndikit config file, as for `syndikit build`. */
export interface SyndikitEleventyOptions {
  /** A syndikit config file, relative to the project root. Default: `syndikit.config.*` in the root, as `syndikit build` finds it. */
  configFile?: string | null;
  /** The folder under Eleventy's output folder the outputs go to. Default `'syndication'`. */
  base?: string | null;
  /** Input files and folders, relative to the root. Default: the config's `inputs`, else the site's posts (`blog/`, `posts/` in Eleventy's input folder). */
  inputs?: readonly string[] | null;
  /** Formats. Default: the config's, else every format whose requirements are met (feeds and AMP need a site URL). */
  formats?: readonly string[] | null;
  /** The site's URL. Default: the config's `site.url`, else `url` in `_data/metadata.json` (or `site.json`). */
  siteUrl?: string | null;
  /** The site's title. Default: the config's `site.title`, else `title` in `_data/metadata.json`, else `syndikit`. */
  siteTitle?: string | null;
  /** The build cache, relative to the root, or `false` for none. Default: the config's `cacheDir`, else `node_modules/.cache/syndikit`. */
  cacheDir?: string | false | null;
  /** Fail `eleventy` (a build, not `--serve` or `--watch`) when an article has an error. Default `true`; `false` writes what converted. */
  failOnError?: boolean | null;
}

/** What `eleventy.after` receives that the plugin reads. */
interface AfterEvent {
  directories: { output: string };
  runMode?: 'build' | 'watch' | 'serve';
}

/** The parts of Eleventy's config API the plugin uses. */
export interface EleventyConfigLike {
  on(event: 'eleventy.after', listener: (event: AfterEvent) => Promise<void>): unknown;
  /** Eleventy's logger, set once Eleventy runs. */
  logger?: Partial<SyndikitLogger> | undefined;
}

/**
 * syndikit as an Eleventy plugin.
 *
 * @example
 * // eleventy.config.js
 * import syndikit from '@syndikit/eleventy'
 * export default function (eleventyConfig) { eleventyConfig.addPlugin(syndikit) }
 */
export function syndikit(eleventyConfig: EleventyConfigLike, options?: Readonly<SyndikitEleventyOptions> | null): void {
  if (!eleventyConfig || typeof eleventyConfig.on !== 'function') {
    throw new TypeError("Expected Eleventy's config (use `eleventyConfig.addPlugin(syndikit)`) but received something without `on`");
  }
  const given = options ?? {};
  const folder = (given.base ?? 'syndication').replace(/^\/+|\/+$/g, '');
  eleventyConfig.on('eleventy.after', async ({ directories, runMode }) => {
    // Eleventy runs from the project root: its folders are relative to the working directory.
    const root = process.cwd();
    const loaded = await loadConfig({ cwd: root, configFile: given.configFile ?? null });
    const out = join(resolve(root, directories.output), folder);
    // While serving or watching, a content error is reported and the rest is written; the server goes on.
    const building = (runMode ?? 'build') === 'build';
    const result = await buildFromConfig(loaded, {
      ...(given.inputs ? { inputs: given.inputs } : {}),
      ...(given.formats ? { formats: given.formats } : {}),
      ...(given.siteUrl ? { siteUrl: given.siteUrl } : {}),
      ...(given.siteTitle ? { siteTitle: given.siteTitle } : {}),
      cacheDir: given.cacheDir ?? loaded.cacheDir ?? join(root, 'node_modules', '.cache', 'syndikit'),
      out,
      keepGoing: !building || given.failOnError === false,
      logger: loggerOf(eleventyConfig),
    });
    if (result.exitCode !== 0 && building && given.failOnError !== false) {
      throw new Error(
        `syndikit: ${result.failed.length} of ${result.total} articles have errors (listed above); nothing was written to ${out}`,
      );
    }
  });
}

/** Eleventy's logger, or the console when Eleventy has none (an older Eleventy, or a test). */
function loggerOf(eleventyConfig: EleventyConfigLike): SyndikitLogger {
  const logger = eleventyConfig.logger;
  const pick = (level: keyof SyndikitLogger, fallback: (message: string) => void) => {
    const method = logger?.[level];
    return typeof method === 'function' ? (message: string) => method.call(logger, message) : fallback;
  };
  return { info: pick('info', console.info), warn: pick('warn', console.warn), error: pick('error', console.error) };
}
