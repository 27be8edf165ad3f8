/**
 * The HTTP server of `syndikit preview`: the output folder served by sirv
 * with each format's media type, the index page at `/`, and server-sent
 * events at `/_syndikit/events` that tell open index pages to reload after a
 * rebuild. Nothing outside the output folder is ever served: every request
 * path is decoded and checked, with symbolic links resolved, before sirv
 * sees it; dot entries (the manifest, staging, lock) are not served either.
 */
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import sirv from 'sirv';

/** Media types by file name where the extension alone says too little (`.xml`, `.json`). */
export function mediaTypeOf(path: string): string | undefined {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  if (name === 'feed.xml') return 'application/rss+xml; charset=utf-8';
  if (name === 'atom.xml') return 'application/atom+xml; charset=utf-8';
  if (name === 'feed.json') return 'application/feed+json; charset=utf-8';
  if (name.endsWith('.xsl')) return 'text/xsl; charset=utf-8';
  // NewsML-G2 items and any other XML: generic XML, which browsers show as a tree.
  if (name.endsWith('.xml')) return 'application/xml; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  if (name.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return undefined;
}

/** Options of {@link startPreviewServer}. */
export interface PreviewServerOptions {
  outDir: string;
  /** Interface to listen on; default `127.0.0.1` (loopback only). */
  host?: string;
  /** Port; `0` picks a free one. Default 5170. */
  port?: number;
  /** The index page, made on request. */
  index(): Promise<string>;
}

/** A running preview server. */
export interface PreviewServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** Tell every open page a build finished. */
  notifyBuilt(): void;
  close(): Promise<void>;
}

/** The default port: away from the ones site generators take (1313, 3000, 4000, 4321, 8080). */
export const defaultPreviewPort = 5170;

/**
 * The request's path as segments of the output folder, or `undefined` for
 * anything that could leave it or reach a dot entry: `..` and `.` (plain or
 * percent-encoded), encoded slashes and backslashes, NUL, malformed escapes.
 */
export function safeSegments(url: string | undefined): string[] | undefined {
  const pathname = (url ?? '/').split(/[?#]/)[0] ?? '/';
  if (!pathname.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '') continue;
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Whether the file a request names is inside the output folder once symbolic links are resolved. */
async function insideOutput(outDir: string, segments: readonly string[]): Promise<boolean> {
  const root = await realpath(outDir).catch(() => undefined);
  if (!root) return false;
  const target = await realpath(join(root, ...segments)).catch(() => undefined);
  // A file that does not exist is sirv's 404; one that resolves elsewhere is ours.
  return target === undefined || target === root || target.startsWith(`${root}${sep}`);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

/** Serve the output folder; resolves once listening. A port in use rejects with EADDRINUSE. */
export async function startPreviewServer(options: Readonly<PreviewServerOptions>): Promise<PreviewServer> {
  const { outDir, host = '127.0.0.1', port = defaultPreviewPort } = options;
  const clients = new Set<ServerResponse>();
  // Dev mode: files are looked up on each request, so rebuilt and new outputs are served at once.
  const files = sirv(outDir, {
    dev: true,
    etag: true,
    setHeaders(res, pathname) {
      const type = mediaTypeOf(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const segments = safeSegments(req.url);
    if (!segments) return notFound(res);
    if (segments.length === 0) {
      const html = await options.index();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if (segments.length === 2 && segments[0] === '_syndikit' && segments[1] === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': syndikit preview\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (!(await insideOutput(outDir, segments))) return notFound(res);
    files(req, res, () => notFound(res));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`syndikit preview: ${error.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    notifyBuilt() {
      for (const client of clients) client.write(`event: built\ndata: ${Date.now()}\n\n`);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
