/**
 * A real Vite project, installed from the npm registry into a temporary
 * folder: `vite build` gets the feeds and AMP pages in its output with a
 * two-line config change, and `vite dev` serves them and reflects an edit.
 * Skipped only when the registry cannot be reached (and says so).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHostProject, type HostProject, hostArticles, pollUntil, readmeBlock } from '@syndikit/testkit/hosts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const readme = new URL('../README.md', import.meta.url);
let vite = '';
let project: HostProject | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  const made = await createHostProject({
    name: 'vite',
    dependencies: { vite: '8.4.0' },
    // The plugin, and the CLI it depends on (npm hoists it; the TypeScript config imports defineConfig from it).
    link: ['vite', 'cli'],
    files: {
      'index.html': '<!doctype html><title>Harbor Times</title><h1>Harbor Times</h1>\n',
      // The user's change, as the README shows it: two lines, and a TypeScript syndikit config.
      'vite.config.js': await readmeBlock(readme, 'js', "from '@syndikit/vite'"),
      'syndikit.config.ts': await readmeBlock(readme, 'ts', 'defineConfig'),
      ...Object.fromEntries(Object.entries(hostArticles).map(([name, text]) => [`content/${name}`, text])),
    },
  });
  if ('skipped' in made) {
    skipped = made.skipped;
    console.warn(`@syndikit/vite end-to-end tests skipped: ${skipped}`);
  } else {
    project = made;
    vite = await made.bin('vite');
    console.info(`vite 8.4.0 installed in ${made.installMs} ms`);
  }
}, 600_000);

afterAll(async () => {
  await project?.remove();
});

describe('@syndikit/vite in a real Vite project', () => {
  it('vite build writes the feeds and AMP pages into dist/syndication', async (context) => {
    if (!project) return context.skip(skipped);
    const built = await project.run(vite, ['build']);
    expect(built.code, built.output).toBe(0);
    expect(built.output).toMatch(/syndikit: built 2 of 2 articles into .*dist\/syndication/);
    const out = join(project.dir, 'dist', 'syndication');
    const files = (await readdir(out, { recursive: true })).map(String).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'feed.xml',
        'atom.xml',
        'feed.json',
        'amp/harbor-bridge.html',
        'amp/ferry-schedule.html',
        'markdown/harbor-bridge.md',
      ]),
    );
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<title>Harbor Times</title>');
    expect(feed).toContain('Harbor council approves bridge replacement');
    expect(await readFile(join(out, 'amp', 'harbor-bridge.html'), 'utf8')).toMatch(/^<!doctype html><html ⚡/);
    // Vite's own output is still there, and the cache is in Vite's cache folder, not the project.
    expect(await readFile(join(project.dir, 'dist', 'index.html'), 'utf8')).toContain('Harbor Times');
    expect((await readdir(join(project.dir, 'node_modules', '.vite', 'syndikit', 'build'))).length).toBeGreaterThan(0);
    expect((await readdir(project.dir)).sort()).not.toContain('.syndikit-cache');
  });

  it('vite build fails on an article with an error, naming it', async (context) => {
    if (!project) return context.skip(skipped);
    await project.write('content/broken.md', '---\ntitle: 42\n---\n\nBody\n');
    try {
      const built = await project.run(vite, ['build']);
      expect(built.code).not.toBe(0);
      expect(built.output).toContain('content/broken.md:2:8: error Expected a string for `title`');
    } finally {
      await project.write('content/broken.md', '---\ntitle: Fixed\n---\n\nBody\n');
    }
  });

  it('vite dev serves the feeds and AMP pages from memory and reflects an edit', async (context) => {
    if (!project) return context.skip(skipped);
    await rm(join(project.dir, 'dist'), { recursive: true, force: true });
    const server = project.start(vite, ['--port', '0', '--strictPort', 'false', '--host', '127.0.0.1']);
    try {
      const [, url] = await server.waitFor(/Local:\s+(http:\/\/127\.0\.0\.1:\d+)\//);
      const feed = await pollUntil(`${url}/syndication/feed.xml`, (status) => status === 200);
      expect(feed).toContain('Harbor council approves bridge replacement');
      const amp = await fetch(`${url}/syndication/amp/harbor-bridge.html`);
      expect([amp.status, amp.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      const rss = await fetch(`${url}/syndication/feed.xml`);
      expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');

      const article = (hostArticles['harbor-bridge.md'] as string).replace('approves bridge replacement', 'delays bridge vote');
      await project.write('content/harbor-bridge.md', article);
      const edited = await pollUntil(`${url}/syndication/feed.xml`, (_, body) => body.includes('Harbor council delays bridge vote'));
      expect(edited).not.toContain('approves bridge replacement');
      expect(await (await fetch(`${url}/syndication/amp/harbor-bridge.html`)).text()).toContain('Harbor council delays bridge vote');
      // Served from Vite's cache: the project's output folder was not touched by the dev server.
      await expect(readdir(join(project.dir, 'dist'))).rejects.toThrow(/ENOENT/);
      expect((await readdir(join(project.dir, 'node_modules', '.vite', 'syndikit', 'dev'))).sort()).toContain('feed.xml');
    } finally {
      await server.stop();
    }
  });
});

describe('the host project helper', () => {
  it('skips, saying why, only when the registry cannot be reached', async () => {
    // Port 9 (discard) on this machine: nothing answers, so npm install and npm ping both fail.
    const made = await createHostProject({
      name: 'unreachable',
      dependencies: { vite: '8.4.0' },
      link: [],
      files: {},
      registry: 'http://127.0.0.1:9/',
    });
    expect(made).toEqual({ skipped: expect.stringMatching(/^the npm registry is unreachable \(npm ping: .+\)$/) });
  });
});
