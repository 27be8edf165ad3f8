/**
 * syndikit inside a host's dev server (Vite, Astro): `syndikit build
 * --watch` into a private folder in the host's cache, its outputs kept in
 * memory and served under a base path by a connect-style middleware, so
 * the project's own output folder is never touched while developing.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { type ConfigWatch, type WatchFromConfigOptions, watchFromConfig } from './api.js';
import type { LoadedConfig } from './config.js';
import { mediaTypeOf } from './preview-server.js';

/** Options of {@link serveFromConfig}: those of `watchFromConfig`, where the outputs are served, and where to keep them. */
export interface ServeFromConfigOptions extends WatchFromConfigOptions {
  /** URL path the outputs are served under, as they will be on the built site. Default `'/syndication/'`. */
  base?: string | null;
}

/** What {@link serveFromConfig} gives a dev server. */
export interface DevSyndication {
  /** Serves the outputs: `GET base + path` answers from memory, anything else goes on to `next`. */
  middleware(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** The outputs in memory now, by path under the base (`feed.xml`, `amp/story.html`). */
  files(): ReadonlyMap<string, Uint8Array>;
  /** Stop watching. */
  close(): Promise<void>;
}

/** Media types of the files syndikit writes that {@link mediaTypeOf} leaves to the extension. */
const byExtension: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * Build and watch as `syndikit build --watch` does, and serve the outputs
 * from memory under `base`. `out` should be a folder in the host's cache
 * (the dev build's own). Resolves after the first build.
 */
export async function serveFromConfig(config: LoadedConfig, options: Readonly<ServeFromConfigOptions>): Promise<DevSyndication> {
  const base = normalBase(options.base ?? '/syndication/');
  const outputs = new Map<string, Uint8Array>();
  let reading: Promise<void> = Promise.resolve();
  let first = true;
  const watch: ConfigWatch = await watchFromConfig(config, {
    ...options,
    onBuilt(result, outDir) {
      options.onBuilt?.(result, outDir);
      if (!result.outputs) return;
      const changed = first ? undefined : result.outputs;
      first = false;
      // Rebuilds name what they wrote and removed; the first build reads the whole folder (unchanged files included).
      // A file gone between the build and the read (a rebuild under way) is picked up by the next build.
      reading = reading
        .then(() => refresh(outputs, outDir, changed))
        .catch((error: Error) => options.logger?.warn(`syndikit: could not load the outputs of ${outDir}: ${error.message}`));
    },
  });
  await reading;
  return {
    middleware(request, response, next) {
      const method = request.method ?? 'GET';
      const path = (request.url ?? '').split('?')[0] ?? '';
      if ((method !== 'GET' && method !== 'HEAD') || !path.startsWith(base)) return next();
      let name: string;
      try {
        name = decodeURIComponent(path.slice(base.length));
      } catch {
        return next();
      }
      void reading.then(() => {
        const body = outputs.get(name) ?? outputs.get(`${name}${name === '' || name.endsWith('/') ? '' : '/'}index.html`);
        if (!body) return next();
        const extension = name.split('.').at(-1)?.toLowerCase() ?? '';
        response.writeHead(200, {
          'Content-Type': mediaTypeOf(name) ?? byExtension[extension] ?? 'application/octet-stream',
          'Content-Length': body.byteLength,
          'Cache-Control': 'no-store',
        });
        response.end(method === 'HEAD' ? undefined : body);
      });
    },
    files: () => outputs,
    close: () => watch.close(),
  };
}

/** `/syndication/` from `syndication`, `/syndication` or `/syndication/`. */
function normalBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Load what a build changed into memory: every file the first time, then what was written or removed. */
async function refresh(
  outputs: Map<string, Uint8Array>,
  outDir: string,
  changed: { written: readonly string[]; removed: readonly string[] } | undefined,
): Promise<void> {
  const paths = (changed ? changed.written : await listFiles(outDir)).filter((path) => !isDotPath(toKey(path, outDir)));
  if (!changed) outputs.clear();
  for (const path of changed?.removed ?? []) outputs.delete(toKey(path, outDir));
  await Promise.all(
    paths.map(async (path) => {
      const absolute = path.startsWith(outDir) ? path : join(outDir, path);
      outputs.set(toKey(path, outDir), await readFile(absolute));
    }),
  );
}

/** A path under the output folder as a URL path (`amp/story.html`). */
function toKey(path: string, outDir: string): string {
  return (path.startsWith(outDir) ? relative(outDir, path) : path).split(sep).join('/');
}

/** Whether a path has a dot entry in it (the manifest, the lock, staging): never served. */
function isDotPath(key: string): boolean {
  return key.split('/').some((part) => part.startsWith('.'));
}

/** Every file under `dir`, relative, without dot entries (the manifest, the lock). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !isDotPath(path.split(sep).join('/')));
}
