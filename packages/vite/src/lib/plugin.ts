/**
 * The Vite plugin: at the end of `vite build` it builds the syndication
 * outputs into Vite's output folder, exactly as `syndikit build` would
 * (same config, inputs, defaults and pipeline); in `vite dev` it builds
 * into Vite's cache, serves the outputs from memory under the same path,
 * and rebuilds what changed when an article or the config changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
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
export interface SyndikitViteOptions {
  /** A syndikit config file, relative to Vite's root. Default: `syndikit.config.*` in Vite's root, as `syndikit build` finds it. */
  configFile?: string | null;
  /** The folder under Vite's `build.outDir` the outputs go to, and their URL path in `vite dev`. Default `'syndication'`. */
  base?: string | null;
  /** Input files and folders, relative to Vite's root. Default: the config's `inputs`, else the detected site's content folders. */
  inputs?: readonly string[] | null;
  /** Formats. Default: the config's, else every format whose requirements are met (feeds and AMP need a site URL). */
  formats?: readonly string[] | null;
  /** The site's URL (feeds and AMP pages need it). Default: the config's `site.url`. */
  siteUrl?: string | null;
  /** The site's title. Default: the config's `site.title`, else `syndikit`. */
  siteTitle?: string | null;
  /** The build cache, relative to Vite's root, or `false` for none. Default: the config's `cacheDir`, else `<Vite's cacheDir>/syndikit/build`. */
  cacheDir?: string | false | null;
  /** Build and serve the outputs in `vite dev`. Default `true`. */
  dev?: boolean | null;
  /** Fail `vite build` when an article has an error (nothing is written then). Default `true`; `false` writes what converted (`keepGoing`). */
  failOnError?: boolean | null;
}

/** The parts of Vite's resolved config the plugin reads. */
interface ViteConfigLike {
  root: string;
  command: 'build' | 'serve';
  cacheDir: string;
  build: { outDir: string; ssr?: unknown };
  logger: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/** The parts of Vite's dev server the plugin uses. */
interface ViteDevServerLike {
  middlewares: { use(handler: (request: IncomingMessage, response: ServerResponse, next: () => void) => void): unknown };
  httpServer?: { once(event: 'close', listener: () => void): unknown } | null;
}

/** What the plugin returns: a Vite plugin (its hooks are written as methods so Vite's own types accept it). */
export interface VitePluginLike {
  name: string;
  configResolved(config: ViteConfigLike): void;
  configureServer(server: ViteDevServerLike): Promise<void>;
  closeBundle(this: { environment?: { name: string } } | undefined): Promise<void>;
}

/**
 * syndikit as a Vite plugin.
 *
 * @example
 * // vite.config.js
 * import syndikit from '@syndikit/vite'
 * export default { plugins: [syndikit()] }
 */
export function syndikit(options?: Readonly<SyndikitViteOptions> | null): VitePluginLike {
  const given = options ?? {};
  let vite: ViteConfigLike | undefined;
  const base = (given.base ?? 'syndication').replace(/^\/+|\/+$/g, '');
  const resolved = () => {
    if (!vite) throw new TypeError('Expected Vite to call configResolved before building');
    return vite;
  };
  return {
    name: 'syndikit',
    configResolved(config) {
      vite = config;
    },
    async configureServer(server) {
      if (given.dev === false) return;
      const config = resolved();
      const loaded = await loadConfig({ cwd: config.root, configFile: given.configFile ?? null });
      const cache = join(config.cacheDir, 'syndikit');
      const dev: DevSyndication = await serveFromConfig(loaded, {
        ...overrides(given, loaded, cache, config.logger),
        // The dev build's own folder, in Vite's cache: `vite dev` never touches the output folder.
        out: join(cache, 'dev'),
        keepGoing: true,
        base: `/${base}/`,
      });
      server.middlewares.use(dev.middleware);
      server.httpServer?.once('close', () => void dev.close());
    },
    async closeBundle() {
      const config = resolved();
      // One build per `vite build`: the client's (Vite 6+ calls this hook once per environment).
      if (config.command !== 'build' || config.build.ssr || (this?.environment && this.environment.name !== 'client')) return;
      const loaded = await loadConfig({ cwd: config.root, configFile: given.configFile ?? null });
      const out = join(resolve(config.root, config.build.outDir), base);
      const result = await buildFromConfig(loaded, {
        ...overrides(given, loaded, join(config.cacheDir, 'syndikit'), config.logger),
        out,
        keepGoing: given.failOnError === false,
      });
      if (result.exitCode !== 0 && given.failOnError !== false) {
        throw new Error(
          `syndikit: ${result.failed.length} of ${result.total} articles have errors (listed above); nothing was written to ${out}`,
        );
      }
    },
  };
}

/** The plugin's options as the overrides of a syndikit build, with the cache in Vite's cache folder. */
function overrides(given: Readonly<SyndikitViteOptions>, loaded: LoadedConfig, cache: string, logger: SyndikitLogger): BuildOverrides {
  const cacheDir = given.cacheDir ?? loaded.cacheDir ?? join(cache, 'build');
  return {
    ...(given.inputs ? { inputs: given.inputs } : {}),
    ...(given.formats ? { formats: given.formats } : {}),
    ...(given.siteUrl ? { siteUrl: given.siteUrl } : {}),
    ...(given.siteTitle ? { siteTitle: given.siteTitle } : {}),
    cacheDir,
    logger,
  };
}
