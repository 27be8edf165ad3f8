import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';
import { type RunningPreview, rawGet, startPreview } from './preview-helpers.js';

const config = `site:
  title: Preview Gazette
  url: https://news.example
inputs: [articles]
out: built
formats: [images, markdown, rss, atom, jsonfeed, amp, newsml-g2, ninjs]
now: 2025-01-01T00:00:00Z
adapters:
  images: { widths: [320], formats: [jpeg] }
`;

const slug = '2024-03-12-harbor-bridge-vote';

describe('syndikit preview', () => {
  let dir: string;
  let preview: RunningPreview;

  beforeAll(async () => {
    dir = await workspace();
    await writeFile(join(dir, 'syndikit.config.yaml'), config);
    await writeFile(join(dir, 'secret.txt'), 'not for the web\n');
    preview = await startPreview([], dir);
    await preview.waitFor(/syndikit: built 9 of 9 articles/);
  });

  afterAll(async () => {
    await preview?.stop();
  });

  it('listens on loopback only and says where', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(preview.stderr()).toContain(`previewing built at ${preview.url}/`);
  });

  it('serves each format with its media type', async () => {
    const expected: [string, string][] = [
      ['/feed.xml', 'application/rss+xml; charset=utf-8'],
      ['/atom.xml', 'application/atom+xml; charset=utf-8'],
      ['/feed.json', 'application/feed+json; charset=utf-8'],
      [`/amp/${slug}.html`, 'text/html;charset=utf-8'],
      [`/newsml-g2/${slug}.xml`, 'application/xml; charset=utf-8'],
      [`/ninjs/${slug}.json`, 'application/json; charset=utf-8'],
      [`/markdown/${slug}.md`, 'text/markdown; charset=utf-8'],
    ];
    for (const [path, type] of expected) {
      const response = await fetch(`${preview.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, type]);
      expect(await response.text()).toBe(await readFile(join(dir, 'built', path), 'utf8'));
    }
    const image = (await readdir(join(dir, 'built', 'images'))).find((name) => name.endsWith('.jpg')) as string;
    const response = await fetch(`${preview.url}/images/${image}`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('indexes every article with its outputs, their checks and its warnings', async () => {
    const response = await fetch(`${preview.url}/`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await response.text();
    expect(html).toContain('<h1>Preview Gazette</h1>');
    expect(html).toContain('syndikit: built 9 of 9 articles into built');
    expect(html.match(/<section class="article"/g)).toHaveLength(9);
    expect(html).toContain('Harbor city council approves $412 million bridge replacement after nine-hour hearing');
    for (const path of [
      `amp/${slug}.html`,
      `markdown/${slug}.md`,
      `ninjs/${slug}.json`,
      `newsml-g2/${slug}.xml`,
      'feed.xml',
      'atom.xml',
      'feed.json',
    ]) {
      expect(html).toContain(`<a href="/${path}">${path}</a>`);
    }
    // Every AMP page went through the official validator (the engine `npm test` caches) and passed.
    expect(html.match(/✓ AMP validator/g)).toHaveLength(9);
    expect(html).toContain('✓ JSON Feed 1.1 schema');
    expect(html.match(/✓ well-formed XML/g)?.length).toBe(2 + 9);
    expect(html.match(/>not checked</g)).toHaveLength(9);
    // The bundestag article's lead photo is 1000 px wide: the build warns, and the index shows it with the article.
    const bundestag = html.slice(html.indexOf('id="article-2024-08-21-bundestag-haushalt"'));
    expect(bundestag.slice(0, bundestag.indexOf('</section>'))).toContain('[amp-lead-image-small]');
    // Not a watch: no live-reload script.
    expect(html).not.toContain('EventSource');
  });

  it('serves nothing outside the output folder', async () => {
    await symlink(join(dir, 'secret.txt'), join(dir, 'built', 'leak.txt'));
    await symlink(dir, join(dir, 'built', 'up'));
    try {
      for (const path of [
        '/../secret.txt',
        '/amp/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2E%2E/secret.txt',
        '/amp/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/..%2fsecret.txt',
        '/..%5csecret.txt',
        '/%252e%252e/secret.txt',
        '/leak.txt',
        '/up/secret.txt',
        '/up/syndikit.config.yaml',
        '/.syndikit-manifest.json',
        '/%2esyndikit-manifest.json',
        '/amp%00/x',
        '/%zz',
      ]) {
        const response = await rawGet(preview.url, path);
        expect([path, response.status]).toEqual([path, 404]);
        expect(response.body).not.toContain('not for the web');
      }
    } finally {
      await rm(join(dir, 'built', 'leak.txt'));
      await rm(join(dir, 'built', 'up'));
    }
  });

  it('stops on SIGTERM with exit 0', async () => {
    expect(await preview.stop()).toBe(0);
  });
});

describe('syndikit preview --watch', () => {
  it('rebuilds an edited article, tells open index pages to reload, and serves the new output', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'syndikit.config.yaml'), config.replace('images, ', ''));
    const preview = await startPreview(['--watch'], dir);
    try {
      await preview.waitFor(/watching articles/);
      const index = await (await fetch(`${preview.url}/`)).text();
      expect(index).toContain("new EventSource('/_syndikit/events')");

      const events = await fetch(`${preview.url}/_syndikit/events`);
      expect([events.status, events.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
      const reader = (events.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let received = '';
      const built = (async () => {
        while (!received.includes('event: built')) {
          const { value, done } = await reader.read();
          if (done) break;
          received += decoder.decode(value);
        }
        return received;
      })();

      const file = join(dir, 'articles', `${slug}.md`);
      const source = await readFile(file, 'utf8');
      await writeFile(file, source.replace('title: Harbor city council approves', 'title: Harbor council approves'));
      expect(await built).toContain('event: built');
      await reader.cancel();
      await preview.waitFor(/rebuilt 9 of 9 articles/);

      const amp = await (await fetch(`${preview.url}/amp/${slug}.html`)).text();
      expect(amp).toContain('Harbor council approves $412 million bridge replacement');
      const after = await (await fetch(`${preview.url}/`)).text();
      expect(after).toContain('Harbor council approves $412 million bridge replacement');
      expect(after).toContain('syndikit: built 9 of 9 articles into built');
    } finally {
      expect(await preview.stop()).toBe(0);
    }
  });

  it('says when the port is taken (exit 2)', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'syndikit.config.yaml'), config.replace('images, ', ''));
    const first = await startPreview([], dir);
    try {
      const port = new URL(first.url).port;
      const second = await import('node:child_process').then(({ spawnSync }) =>
        spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'syndikit.mjs'), 'preview', '--port', port], {
          cwd: dir,
          encoding: 'utf8',
        }),
      );
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`syndikit: Port ${port} on 127.0.0.1 is in use: give another with --port (0 picks a free one)`);
    } finally {
      await first.stop();
    }
  });

  it('refuses a port that is not one (exit 2)', async () => {
    const dir = await workspace();
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '..', 'bin', 'syndikit.mjs'), 'preview', 'articles', '--port', 'eighty'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('syndikit: Expected a port from 0 to 65535 for --port but received "eighty"\n');
  });
});
