/**
 * serveFromConfig, what the Vite and Astro integrations run in their dev
 * servers: build and watch into a private folder, serve the outputs from
 * memory under a base path, pass everything else on, and reflect an edit.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig, serveFromConfig } from '@syndikit/cli';
import { describe, expect, it } from 'vitest';
import { tree, workspace } from './helpers.js';

describe('serveFromConfig', () => {
  it('serves the outputs from memory under the base, passes the rest on, and reflects an edit', async () => {
    const dir = await workspace();
    const lines: string[] = [];
    const logger = {
      info: (line: string) => lines.push(line),
      warn: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    };
    const dev = await serveFromConfig(await loadConfig({ cwd: dir }), {
      inputs: ['articles'],
      out: 'dev-out',
      siteUrl: 'https://news.example',
      formats: ['markdown', 'rss', 'amp'],
      now: '2025-01-01T00:00:00Z',
      base: 'feeds',
      logger,
    });
    const server = createServer((request, response) =>
      dev.middleware(request, response, () => {
        response.writeHead(418);
        response.end('host');
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const feed = await fetch(`${url}/feeds/feed.xml`);
      expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'application/rss+xml; charset=utf-8']);
      expect(await feed.text()).toBe(await readFile(join(dir, 'dev-out', 'feed.xml'), 'utf8'));
      const page = await fetch(`${url}/feeds/amp/2024-03-12-harbor-bridge-vote.html`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      // Not ours: the host answers. The manifest (a dot file) is never served.
      expect((await fetch(`${url}/other/feed.xml`)).status).toBe(418);
      expect((await fetch(`${url}/feeds/.syndikit-manifest.json`)).status).toBe(418);
      expect((await fetch(`${url}/feeds/feed.xml`, { method: 'POST' })).status).toBe(418);
      expect([...dev.files().keys()].sort()).toEqual(
        Object.keys(await tree(join(dir, 'dev-out')))
          .filter((path) => !path.startsWith('.'))
          .sort(),
      );

      const file = join(dir, 'articles', '2024-03-12-harbor-bridge-vote.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('title: Harbor city council', 'title: Harbor council'));
      const until = Date.now() + 30_000;
      let body = '';
      while (Date.now() < until && !body.includes('Harbor council approves')) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        body = await (await fetch(`${url}/feeds/amp/2024-03-12-harbor-bridge-vote.html`)).text();
      }
      expect(body).toContain('Harbor council approves');
      expect(lines.some((line) => line.startsWith('syndikit: rebuilt 9 of 9 articles'))).toBe(true);
    } finally {
      server.close();
      await dev.close();
    }
  });
});
