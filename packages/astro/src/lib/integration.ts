/**
 * The Astro integration: after `astro build` it builds the syndication
 * outputs into Astro's output folder, exactly as `syndikit build` would
 * (same config, inputs, defaults and pipeline), with the site URL and
 * output folder taken from Astro's config; in `astro dev` it builds into
 * Astro's cache folder, serves the outputs from memory under the same
 * path, and rebuilds what changed. Messages go through Astro's logger.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BuildOverrides,
  buildFromConfig,
  type DevSyndication,
  type LoadedConfig,
  loadConfig,
  type SyndikitLogger,
  serveFromConfig,
} from '@syndikit/cli';

/** Options of {@link syndikit}. Everything else comes from the syndikit config file, as for `syndikit build`. */
export interface SyndikitAstroOptions {
  /** A syndikit config file, relative to the project root. Default: `syndikit.config.*` in the root, as `syndikit build` finds it. */
  configFile?: string | null;
  /** The folder under Astro's `outDir` the outputs go to, and their URL path (under Astro's `base`) in `astro dev`. Default `'syndication'`. */
  base?: string | null;
  /** Input files and folders, relative to the root. Default: the config's `inputs`, else the content collections (`src/content/*`). */
  inputs?: readonly string[] | null;
  /** Formats. Default: the config's, else every format whose requirements are met (feeds and AMP need a site URL). */
  formats?: readonly string[] | null;
  /** The site's URL. Default: the config's `site.url`, else Astro's `site` (with its `base`). */
  siteUrl?: string | null;
  /** The site's title. Default: the config's `site.title`, else `syndikit`. */
  siteTitle?: string | null;
  /** The build cache, relative to the root, or `false` for none. Default: the config's `cacheDir`, else `<Astro's cacheDir>/syndikit/build`. */
  cacheDir?: string | false | null;
  /** Build and serve the outputs in `astro dev`. Default `true`. */
  dev?: boolean | null;
  /** Fail `astro build` when an article has an error (nothing is written then). Default `true`; `false` writes what converted. */
  failOnError?: boolean | null;
}

/** The parts of Astro's config the integration reads. */
interface AstroConfigLike {
  root: URL;
  outDir: URL;
  cacheDir: URL;
  site?: string | undefined;
  base: string;
}

/** Astro's logger for an integration. */
type AstroLoggerLike = SyndikitLogger;

/** The parts of Vite's dev server the integration uses. */
interface DevServerLike {
  middlewares: { use(handler: (request: IncomingMessage, response: ServerResponse, next: () => void) => void): unknown };
}

/** What the integration returns: an Astro integration (hooks as methods, so Astro's own types accept it). */
export interface AstroIntegrationLike {
  name: string;
  hooks: {
    'astro:config:done'(options: { config: AstroConfigLike; logger: AstroLoggerLike }): void;
    'astro:server:setup'(options: { server: DevServerLike; logger: AstroLoggerLike }): Promise<void>;
    'astro:server:done'(): Promise<void>;
    'astro:build:done'(options: { dir: URL; logger: AstroLoggerLike }): Promise<void>;
  };
}

/**
 * syndikit as an Astro integration.
 *
 * @example
 * // astro.config.mjs
 * import syndikit from '@syndikit/astro'
 * export default defineConfig({ site: 'https://news.example', integrations: [syndikit()] })
 */
export function syndikit(options?: Readonly<SyndikitAstroOptions> | null): AstroIntegrationLike {
  const given = options ?? {};
  const folder = (given.base ?? 'syndication').replace(/^\/+|\/+$/g, '');
  let astro: AstroConfigLike | undefined;
  let dev: DevSyndication | undefined;
  const resolved = () => {
    if (!astro) throw new TypeError('Expected Astro to call astro:config:done first');
    return astro;
  };
  const load = () => loadConfig({ cwd: fileURLToPath(resolved().root), configFile: given.configFile ?? null });
  return {
    name: '@syndikit/astro',
    hooks: {
      'astro:config:done'({ config }) {
        astro = config;
      },
      async 'astro:server:setup'({ server, logger }) {
        if (given.dev === false) return;
        const config = resolved();
        const loaded = await load();
        const cache = join(fileURLToPath(config.cacheDir), 'syndikit');
        const base = `${config.base.replace(/\/+$/, '')}/${folder}/`;
        dev = await serveFromConfig(loaded, {
          ...overrides(given, loaded, config, cache, logger),
          // The dev build's own folder, in Astro's cache: `astro dev` never touches the output folder.
          out: join(cache, 'dev'),
          keepGoing: true,
          base,
        });
        server.middlewares.use(dev.middleware);
      },
      async 'astro:server:done'() {
        await dev?.close();
        dev = undefined;
      },
      async 'astro:build:done'({ dir, logger }) {
        const config = resolved();
        const loaded = await load();
        // `dir` is where Astro wrote the pages (`outDir`, or `build.client` with an adapter).
        const out = join(fileURLToPath(dir), folder);
        const result = await buildFromConfig(loaded, {
          ...overrides(given, loaded, config, join(fileURLToPath(config.cacheDir), 'syndikit'), logger),
          out,
          keepGoing: given.failOnError === false,
        });
        if (result.exitCode !== 0 && given.failOnError !== false) {
          throw new Error(
            `syndikit: ${result.failed.length} of ${result.total} articles have errors (listed above); nothing was written to ${out}`,
          );
        }
      },
    },
  };
}

/** The options as the overrides of a syndikit build: the site URL from Astro, the cache in Astro's cache folder. */
function overrides(
  given: Readonly<SyndikitAstroOptions>,
  loaded: LoadedConfig,
  astro: AstroConfigLike,
  cache: string,
  logger: SyndikitLogger,
): BuildOverrides {
  const astroSite = astro.site ? new URL(astro.base, astro.site).href.replace(/\/+$/, '') : undefined;
  const siteUrl = given.siteUrl ?? (loaded.site.url ? undefined : astroSite);
  return {
    ...(given.inputs ? { inputs: given.inputs } : {}),
    ...(given.formats ? { formats: given.formats } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    ...(given.siteTitle ? { siteTitle: given.siteTitle } : {}),
    cacheDir: given.cacheDir ?? loaded.cacheDir ?? join(cache, 'build'),
    logger,
  };
}
