import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit } from './helpers.js';

/** A copy of `fixtures/sites/<name>` in a temporary folder, built there with `syndikit build` and no inputs. */
async function buildSite(name: string, args: string[] = [], config?: string) {
  const dir = await mkdtemp(join(tmpdir(), `syndikit-site-${name}-`));
  await cp(join(fixtures, 'sites', name), dir, { recursive: true });
  if (config !== undefined) await writeFile(join(dir, 'syndikit.config.yaml'), config);
  const out = join(dir, '..', `${name}-out-${Math.random().toString(36).slice(2)}`);
  const result = await syndikit(
    ['build', '--formats', 'markdown,jsonfeed', '--out', out, '--now', '2025-01-01T00:00:00Z', '--no-cache', ...args],
    dir,
  );
  const feed = await readFile(join(out, 'feed.json'), 'utf8').then(
    (text) => JSON.parse(text) as { title: string; home_page_url: string; items: Array<{ url: string; date_published: string }> },
    () => undefined,
  );
  const markdown = (await readdir(join(out, 'markdown')).catch(() => [])).sort();
  return { ...result, feed, markdown, out };
}

describe('syndikit build at a site root', () => {
  it('Hugo: content folder, title, base URL with its path and authors from the site; drafts, future, expired and index pages left out', async () => {
    const { code, stderr, feed, markdown } = await buildSite('hugo');
    expect(code).toBe(0);
    expect(stderr).toContain(
      'syndikit: detected a hugo site at .; content from content; title "Tidewater Ferry Notes" (from hugo.toml); site URL https://tidewater.example/ferries/ (from hugo.toml); authors from data/authors.yaml, data/authors/, content/authors/',
    );
    expect(markdown).toEqual(['harbour-ferry.md', 'pier-works.md', 'winter-pause.md']);
    expect(feed?.title).toBe('Tidewater Ferry Notes');
    expect(feed?.items.map((item) => item.url)).toEqual([
      'https://tidewater.example/ferries/harbour-ferry/',
      'https://tidewater.example/ferries/pier-works/',
      'https://tidewater.example/ferries/winter-pause/',
    ]);
  });

  it('Hugo: authors from data/authors.yaml, one file per author in data/authors/ and author pages in content/authors/', async () => {
    const { feed, stderr } = await buildSite('hugo');
    const authors = feed?.items.map((item) => (item as { authors?: Array<{ name: string; url?: string }> }).authors ?? []);
    expect(authors).toEqual([
      [{ name: 'Mara Quill', url: 'https://tidewater.example/ferries/people/mara/' }, { name: 'Ines Okafor' }],
      [{ name: 'Mara Quill' }],
      [{ name: 'Tomás Reyes' }],
    ]);
    // An author's page is a section index of the taxonomy, not a post.
    expect(stderr).not.toContain('content/authors/ines-okafor/_index.md:1:1: error');
  });

  it('Hugo: a permalink of {path} gives each post its path under content/, bundles by their folder', async () => {
    const { code, feed } = await buildSite('hugo', [], 'permalink: /{path}/\n');
    expect(code).toBe(0);
    expect(feed?.items.map((item) => item.url)).toEqual([
      'https://tidewater.example/ferries/news/harbour-ferry/',
      'https://tidewater.example/ferries/news/pier-works/',
      'https://tidewater.example/ferries/news/winter-pause/',
    ]);
  });

  it('Hugo: --drafts and --future include drafts and future posts, never expired ones', async () => {
    const { markdown } = await buildSite('hugo', ['--drafts', '--future']);
    expect(markdown).toEqual(['draft-timetable.md', 'harbour-ferry.md', 'next-season.md', 'pier-works.md', 'winter-pause.md']);
  });

  it('Hugo: shortcodes rendered, unknown ones reported with their place, none left raw', async () => {
    const { stderr, out } = await buildSite('hugo');
    const page = await readFile(join(out, 'markdown', 'harbour-ferry.md'), 'utf8');
    expect(page).toContain('[Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    expect(page).toContain('## Timetable\n');
    expect(page).toContain('```bash\necho "timetable"\n```');
    expect(page).not.toMatch(/\{\{|\{%/);
    expect(stderr).toContain(
      'content/news/harbour-ferry/index.md:32:1: warning Template syntax `{{< warningbox >}}` is not rendered and was left out [template-syntax]',
    );
  });

  it('Jekyll: dates and slugs from file names, authors from _data, Liquid rendered, base URL kept', async () => {
    const { code, feed, markdown, out } = await buildSite('jekyll');
    expect(code).toBe(0);
    expect(markdown).toEqual(['new-wicks.md', 'winter-oil.md']);
    expect(feed?.items.map((item) => [item.url, item.date_published])).toEqual([
      ['https://lamps.example/log/new-wicks/', '2024-01-15T00:00:00Z'],
      ['https://lamps.example/log/winter-oil/', '2023-12-20T16:45:00+01:00'],
    ]);
    const page = await readFile(join(out, 'markdown', 'new-wicks.md'), 'utf8');
    expect(page).toContain('name: Ossie Brandt');
    expect(page).toContain('<https://code.example/lamplighter>');
    expect(page).toContain('Use `{{ page.title }}` to show a title.');
    expect(page).toContain('Read the [previous entry](https://lamps.example/log/winter-oil/).');
  });

  it('Astro: lenient dates, MDX, site URL from astro.config', async () => {
    const { code, feed, stderr } = await buildSite('astro');
    expect(code).toBe(0);
    expect(stderr).toContain(
      'syndikit: detected an astro site at .; content from src/content/blog; site URL https://orchard.example (from astro.config.mjs)',
    );
    expect(feed?.items.map((item) => item.url)).toEqual(['https://orchard.example/grafting/', 'https://orchard.example/first-blossom/']);
  });

  it('Astro 5: the folders its content config loads with glob(), posts before other collections', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-site-astro5-'));
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(join(dir, 'astro.config.ts'), "export default { site: 'https://quarry.example' };\n");
    await writeFile(
      join(dir, 'src', 'content.config.ts'),
      [
        "const post = defineCollection({ loader: glob({ base: './content/posts', pattern: '**/*.md' }) });",
        "const tag = defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/tags' }) });",
        'export const collections = { post, tag };',
        '',
      ].join('\n'),
    );
    const files: Array<[string, string]> = [
      ['content/posts/slate.md', '---\ntitle: Slate season\npublishDate: 12 Mar 2024\n---\nThe slate is cut.\n'],
      ['content/tags/stone.md', '---\ntitle: Stone\n---\nAbout the tag.\n'],
    ];
    for (const [path, text] of files) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const out = join(dir, '..', `astro5-out-${Math.random().toString(36).slice(2)}`);
    const result = await syndikit(['build', '--formats', 'markdown', '--out', out, '--no-cache'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('syndikit: detected an astro site at .; content from content/posts; site URL https://quarry.example');
    expect(await readdir(join(out, 'markdown'))).toEqual(['slate.md']);
  });

  it('Eleventy: executable front matter refused by name', async () => {
    const { code, stderr } = await buildSite('eleventy', ['--keep-going']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'content/blog/computed.md:1:1: error Front matter is JavaScript (`---js`); syndikit reads front matter as data and never runs it [front-matter-executable]',
    );
  });

  it('Docusaurus: dates from names, authors.yml, admonitions as block quotes, truncate as summary', async () => {
    const { code, out, feed } = await buildSite('docusaurus');
    expect(code).toBe(0);
    expect(feed?.items.map((item) => item.url)).toEqual(['https://kiln.example/glaze-notes/', 'https://kiln.example/first-firing/']);
    const page = await readFile(join(out, 'markdown', 'first-firing.md'), 'utf8');
    expect(page).toContain('summary: The kiln reached cone six by evening.');
    expect(page).toContain('> **Before you load**\n>\n> Dry every piece for a full week.');
    expect(page).toContain('name: Juno Harrow');
  });

  it('Zola: TOML front matter, the date and URL from `path`', async () => {
    const { code, feed } = await buildSite('zola');
    expect(code).toBe(0);
    expect(feed?.items.map((item) => [item.url, item.date_published])).toEqual([
      ['https://beekeeping.example/honey/', '2024-07-02T00:00:00Z'],
      ['https://beekeeping.example/2024/05/19/swarm-caught/', '2024-05-19T00:00:00Z'],
    ]);
  });

  it('Next.js: _posts found, drafts left out, authors from data/authors/<key>.mdx', async () => {
    const { code, feed, stderr } = await buildSite('nextjs', ['--site-url', 'https://trams.example']);
    expect(code).toBe(0);
    expect(stderr).toContain('authors from data/authors/');
    expect(feed?.items.map((item) => item.url)).toEqual(['https://trams.example/tram-depot/', 'https://trams.example/depot-history/']);
    const authors = feed?.items.map((item) => (item as { authors?: Array<{ name: string }> }).authors?.map((author) => author.name));
    expect(authors).toEqual([['Pell Ardent'], ['Rosa Lindqvist']]);
  });
});
