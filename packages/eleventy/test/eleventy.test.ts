/**
 * A real Eleventy project, installed from the npm registry into a
 * temporary folder: `eleventy` gets the feeds and AMP pages in its output
 * folder with a two-line config change (site title and URL from its
 * `_data/metadata.json`), and `eleventy --serve` rebuilds them when an
 * article changes. Skipped only when the registry cannot be reached (and
 * says so).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHostProject, type HostProject, hostArticles, pollUntil, readmeBlock } from '@syndikit/testkit/hosts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const readme = new URL('../README.md', import.meta.url);
let eleventy = '';
let project: HostProject | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  const made = await createHostProject({
    name: 'eleventy',
    dependencies: { '@11ty/eleventy': '3.1.8' },
    link: ['eleventy'],
    files: {
      // The user's change, as the README shows it (the import and `addPlugin`), in the project's config.
      'eleventy.config.js': `${await readmeBlock(readme, 'js', "from '@syndikit/eleventy'")}
export const config = { dir: { input: 'content', output: '_site' } }
`,
      'content/_data/metadata.json': '{ "title": "Signal Box Diary", "url": "https://signalbox.example/" }\n',
      'content/index.md': '# Signal Box Diary\n\nNotes from the line.\n',
      ...Object.fromEntries(Object.entries(hostArticles).map(([name, text]) => [`content/blog/${name}`, text])),
    },
  });
  if ('skipped' in made) {
    skipped = made.skipped;
    console.warn(`@syndikit/eleventy end-to-end tests skipped: ${skipped}`);
  } else {
    project = made;
    eleventy = await made.bin('@11ty/eleventy', 'eleventy');
    console.info(`@11ty/eleventy 3.1.8 installed in ${made.installMs} ms`);
  }
}, 600_000);

afterAll(async () => {
  await project?.remove();
});

describe('@syndikit/eleventy in a real Eleventy project', () => {
  it('eleventy writes the feeds and AMP pages into _site/syndication', async (context) => {
    if (!project) return context.skip(skipped);
    const built = await project.run(eleventy, []);
    expect(built.code, built.output).toBe(0);
    expect(built.output).toMatch(/syndikit: built 2 of 2 articles into .*_site\/syndication/);
    // The site was detected as Eleventy, its title and URL read from its global data.
    expect(built.output).toContain('Signal Box Diary');
    const out = join(project.dir, '_site', 'syndication');
    const files = (await readdir(out, { recursive: true })).map(String);
    expect(files).toEqual(
      expect.arrayContaining(['feed.xml', 'atom.xml', 'feed.json', 'amp/harbor-bridge.html', 'amp/ferry-schedule.html']),
    );
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<title>Signal Box Diary</title>');
    expect(feed).toContain('https://signalbox.example/harbor-bridge/');
    // Eleventy's own pages are there too, and the cache is in node_modules/.cache.
    expect(await readFile(join(project.dir, '_site', 'blog', 'harbor-bridge', 'index.html'), 'utf8')).toContain('Casco Street');
    expect((await readdir(join(project.dir, 'node_modules', '.cache', 'syndikit'))).length).toBeGreaterThan(0);
  });

  it('eleventy fails on an article with an error, naming it', async (context) => {
    if (!project) return context.skip(skipped);
    await project.write('content/blog/broken.md', '---\ntitle: Broken\npublished: yesterday\n---\n\nBody\n');
    try {
      const built = await project.run(eleventy, []);
      expect(built.code).not.toBe(0);
      expect(built.output).toContain('content/blog/broken.md:3:12: error');
    } finally {
      await rm(join(project.dir, 'content', 'blog', 'broken.md'));
    }
  });

  it('eleventy --serve serves them and rebuilds when an article changes', async (context) => {
    if (!project) return context.skip(skipped);
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const server = project.start(eleventy, ['--serve', '--port', port]);
    try {
      await server.waitFor(/Server at (http:\/\/localhost:\d+)\//);
      const url = `http://127.0.0.1:${port}`;
      const feed = await pollUntil(`${url}/syndication/feed.xml`, (status) => status === 200);
      expect(feed).toContain('Harbor council approves bridge replacement');
      const article = (hostArticles['harbor-bridge.md'] as string).replace('approves bridge replacement', 'delays bridge vote');
      await project.write('content/blog/harbor-bridge.md', article);
      const edited = await pollUntil(`${url}/syndication/feed.xml`, (_, body) => body.includes('Harbor council delays bridge vote'));
      expect(edited).not.toContain('approves bridge replacement');
      expect(await (await fetch(`${url}/syndication/amp/harbor-bridge.html`)).text()).toContain('Harbor council delays bridge vote');
    } finally {
      await server.stop();
    }
  });
});
