/**
 * A real Astro project, installed from the npm registry into a temporary
 * folder: `astro build` gets the feeds and AMP pages in its output with a
 * two-line config change (site URL and output folder from Astro's config),
 * and `astro dev` serves them and reflects an edit. Skipped only when the
 * registry cannot be reached (and says so).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createHostProject, type HostProject, hostArticles, pollUntil, readmeBlock } from '@syndikit/testkit/hosts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const readme = new URL('../README.md', import.meta.url);
let astro = '';
let project: HostProject | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  const made = await createHostProject({
    name: 'astro',
    // Astro 5 is the last line that runs on Node 20, this project's Node (Astro 6 and 7 need Node 22.12).
    dependencies: { astro: '5.18.2' },
    link: ['astro'],
    files: {
      // The user's change, as the README shows it: the import and the entry in `integrations`.
      'astro.config.mjs': await readmeBlock(readme, 'js', "from '@syndikit/astro'"),
      'src/pages/index.astro': '---\n---\n<html><head><title>Orchard Notes</title></head><body><h1>Orchard Notes</h1></body></html>\n',
      'src/content.config.ts': `import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'

export const collections = { blog: defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }) }) }
`,
      ...Object.fromEntries(Object.entries(hostArticles).map(([name, text]) => [`src/content/blog/${name}`, text])),
    },
  });
  if ('skipped' in made) {
    skipped = made.skipped;
    console.warn(`@syndikit/astro end-to-end tests skipped: ${skipped}`);
  } else {
    project = made;
    astro = await made.bin('astro');
    console.info(`astro 5.18.2 installed in ${made.installMs} ms`);
  }
}, 600_000);

afterAll(async () => {
  await project?.remove();
});

describe('@syndikit/astro in a real Astro project', () => {
  it('astro build writes the feeds and AMP pages into dist/syndication, with the site URL from Astro', async (context) => {
    if (!project) return context.skip(skipped);
    const built = await project.run(astro, ['build']);
    expect(built.code, built.output).toBe(0);
    // Through Astro's logger, labelled with the integration's name.
    expect(built.output).toMatch(/\[@syndikit\/astro\] syndikit: built 2 of 2 articles into .*dist\/syndication/);
    const out = join(project.dir, 'dist', 'syndication');
    const files = (await readdir(out, { recursive: true })).map(String);
    expect(files).toEqual(
      expect.arrayContaining(['feed.xml', 'atom.xml', 'feed.json', 'amp/harbor-bridge.html', 'amp/ferry-schedule.html']),
    );
    const feed = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<title>Orchard Notes</title>');
    expect(feed).toContain('<link>https://orchard.example/</link>');
    expect(feed).toContain('https://orchard.example/harbor-bridge/');
    expect(await readFile(join(out, 'amp', 'harbor-bridge.html'), 'utf8')).toContain(
      '<link rel="canonical" href="https://orchard.example/harbor-bridge/">',
    );
    expect(await readFile(join(project.dir, 'dist', 'index.html'), 'utf8')).toContain('Orchard Notes');
    // The cache is in Astro's cache folder.
    expect((await readdir(join(project.dir, 'node_modules', '.astro', 'syndikit', 'build'))).length).toBeGreaterThan(0);
  });

  it('astro dev serves the feeds and AMP pages from memory and reflects an edit', async (context) => {
    if (!project) return context.skip(skipped);
    await rm(join(project.dir, 'dist'), { recursive: true, force: true });
    const server = project.start(astro, ['dev', '--port', '0', '--host', '127.0.0.1']);
    try {
      const [, url] = await server.waitFor(/(http:\/\/127\.0\.0\.1:\d+)\//);
      const feed = await pollUntil(`${url}/syndication/feed.xml`, (status) => status === 200);
      expect(feed).toContain('Harbor council approves bridge replacement');
      const amp = await fetch(`${url}/syndication/amp/ferry-schedule.html`);
      expect([amp.status, amp.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);

      const article = (hostArticles['harbor-bridge.md'] as string).replace('approves bridge replacement', 'delays bridge vote');
      await project.write('src/content/blog/harbor-bridge.md', article);
      const edited = await pollUntil(`${url}/syndication/feed.xml`, (_, body) => body.includes('Harbor council delays bridge vote'));
      expect(edited).not.toContain('approves bridge replacement');
      await expect(readdir(join(project.dir, 'dist'))).rejects.toThrow(/ENOENT/);
    } finally {
      await server.stop();
    }
  });
});
