import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

describe('syndikit build', () => {
  it('builds every format whose requirements are met by default, byte-identical twice', async () => {
    const dir = await workspace();
    const first = await syndikit(['build', 'articles', '--out', 'x', '--site-url', 'https://news.example'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      [
        'syndikit: building markdown, rss, atom, jsonfeed, amp, ninjs, newsml-g2 (no --formats given); skipped images (made only when asked for: --formats …,images)',
        'articles/2024-08-21-bundestag-haushalt.md:1:1: warning The lead photo is 1000 px wide; large previews in search and social need at least 1,200 px [amp-lead-image-small]',
        'syndikit: built 9 of 9 articles into x (amp 9, atom.xml 1, atom.xsl 1, feed.json 1, feed.xml 1, markdown 9, newsml-g2 9, ninjs 9, rss.xsl 1; 41 written, 0 unchanged; 0 from cache, 9 converted; 0 errors, 1 warning)',
        '',
      ].join('\n'),
    );
    const a = await tree(join(dir, 'x'));
    expect(Object.keys(a).sort()).toContain('markdown/2024-03-12-harbor-bridge-vote.md');
    expect(Object.keys(a)).toContain('amp/2024-03-12-harbor-bridge-vote.html');
    // 9 articles in markdown, amp, ninjs and newsml-g2, three feeds, two stylesheets, and the manifest.
    expect(Object.keys(a)).toHaveLength(4 * 9 + 5 + 1);
    expect(Object.keys(a)).toContain('.syndikit-manifest.json');

    const second = await syndikit(['build', 'articles', '--out', 'y', '--site-url', 'https://news.example'], dir);
    expect(second.code).toBe(0);
    expect(await tree(join(dir, 'y'))).toEqual(a);
  });

  it('without a site URL builds the formats that need none, and says which were skipped and why', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'x'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(
      'syndikit: building markdown, ninjs, newsml-g2 (no --formats given); skipped rss, atom, jsonfeed, amp (need the site URL: --site-url or site.url); images (made only when asked for: --formats …,images)',
    );
    expect(Object.keys(await tree(join(dir, 'x'))).filter((path) => !path.includes('/'))).toEqual(['.syndikit-manifest.json']);
  });

  it('a format that needs the site URL, named without one, is a usage error before any work', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'x', '--formats', 'markdown,rss,amp'], dir);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'syndikit: rss, amp need the site URL (feeds link to the site, AMP pages need a canonical URL): give --site-url URL or `site.url` in the config\n',
    });
    await expect(readFile(join(dir, 'x', '.syndikit-manifest.json'))).rejects.toThrow();
  });

  it('--site-title titles the feeds and AMP pages', async () => {
    const dir = await workspace();
    const result = await syndikit(
      ['build', 'articles', '--out', 'x', '--formats', 'rss,amp', '--site-url', 'https://news.example', '--site-title', 'The Harbor Times'],
      dir,
    );
    expect(result.code).toBe(0);
    const feed = await readFile(join(dir, 'x', 'feed.xml'), 'utf8');
    expect(feed).toContain('<title>The Harbor Times</title>');
    expect(await readFile(join(dir, 'x', 'amp', '2024-03-12-harbor-bridge-vote.html'), 'utf8')).toContain('The Harbor Times');
    expect((await syndikit(['build', 'articles', '--out', 'y', '--site-title', ' '], dir)).code).toBe(2);
  });

  it('writes nothing when an article fails, and keeps the previous output', async () => {
    const dir = await workspace();
    await syndikit(['build', 'articles', '--out', 'x', '--formats', 'markdown'], dir);
    const before = await tree(join(dir, 'x'));
    await writeFile(join(dir, 'articles', 'broken.md'), '---\ntitle: 42\n---\n\nBody\n');
    await writeFile(join(dir, 'articles', '2024-03-12-harbor-bridge-vote.md'), '---\ntitle: Changed headline\n---\n\nChanged.\n');
    const result = await syndikit(['build', 'articles', '--out', 'x', '--formats', 'markdown'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'articles/broken.md:2:8: error Expected a string for `title` but received 42 of type number [front-matter-type]',
        'syndikit: 1 of 10 inputs failed; nothing was written to x (use --keep-going to write the rest)',
        '',
      ].join('\n'),
    );
    expect(await tree(join(dir, 'x'))).toEqual(before);
  });

  it('writes the rest with --keep-going and lists what did not convert', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'articles', 'broken.md'), `# Deep\n\n${'>'.repeat(100_000)}\n`);
    await writeFile(join(dir, 'articles', 'empty.md'), '');
    const result = await syndikit(['build', 'articles', '--out', 'x', '--keep-going', '--formats', 'markdown'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('articles/broken.md:3:65: error Blockquotes are nested more than 64 deep [nesting-too-deep]');
    expect(result.stderr).toContain('articles/empty.md:1:1: error File is empty [empty-file]');
    expect(result.stderr).toContain('syndikit: not converted: articles/broken.md, articles/empty.md');
    expect(Object.keys(await tree(join(dir, 'x')))).toHaveLength(10);
  });

  it('never writes outside --out, whatever the slug', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'evil'));
    await writeFile(join(dir, 'evil', 'a.md'), '---\ntitle: Escape\nslug: ../../../escaped\n---\n\nB\n');
    await writeFile(join(dir, 'evil', 'b.md'), '---\ntitle: Device\nslug: CON\n---\n\nB\n');
    const result = await syndikit(['build', 'evil', '--out', 'x', '--formats', 'markdown'], dir);
    expect(result.code).toBe(0);
    expect(Object.keys(await tree(join(dir, 'x'))).sort()).toEqual([
      '.syndikit-manifest.json',
      'markdown/con-article.md',
      'markdown/escaped.md',
    ]);
    expect(Object.keys(await tree(dir)).filter((path) => path.includes('escaped'))).toEqual(['x/markdown/escaped.md']);
  });

  it('does not read its cache folder as input (an output folder inside an input folder is refused: paths.test.ts)', async () => {
    const dir = await workspace();
    await syndikit(['build', 'articles', '--out', 'out', '--cache-dir', 'articles/cache', '--formats', 'markdown'], dir);
    const again = await syndikit(['build', 'articles', '--out', 'out', '--cache-dir', 'articles/cache', '--formats', 'markdown'], dir);
    expect(again.stderr).toBe(
      'syndikit: built 9 of 9 articles into out (markdown 9; 0 written, 9 unchanged; 9 from cache, 0 converted; 0 errors, 0 warnings)\n',
    );
  });

  it('reads a config file, with flags overriding it', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'syndikit.config.yaml'),
      'site:\n  title: Test Gazette\n  url: https://config.example\ninputs: [articles]\nout: built\nformats: [markdown]\nadapters:\n  markdown:\n    dir: md\n',
    );
    const fromConfig = await syndikit(['build'], dir);
    expect(fromConfig.code).toBe(0);
    const md = await readFile(join(dir, 'built/md/2024-03-12-harbor-bridge-vote.md'), 'utf8');
    expect(md).toContain('url: https://config.example/2024-03-12-harbor-bridge-vote/');
    const flagged = await syndikit(['build', '--site-url', 'https://flag.example', '--out', 'other'], dir);
    expect(flagged.code).toBe(0);
    expect(await readFile(join(dir, 'other/md/2024-03-12-harbor-bridge-vote.md'), 'utf8')).toContain('url: https://flag.example/');
  });
});

describe('a JavaScript config', () => {
  it('registers a user adapter and runs remark plugins, exactly like built-in formats', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'syndikit.config.mjs'),
      `export default {
  inputs: ['articles'],
  out: 'built',
  formats: ['markdown', 'headlines'],
  plugins: {
    formats: {
      headlines: (options) => ({
        name: 'headlines',
        scope: 'collection',
        render: ({ articles }) => [{ path: 'headlines.txt', contents: articles.map((a) => a.headline).sort().join('\\n') + (options?.end ?? ''), mediaType: 'text/plain' }],
      }),
    },
    remarkPlugins: [() => (tree) => { tree.children.push({ type: 'thematicBreak' }) }],
  },
  adapters: { headlines: { end: '\\n-- end\\n' } },
};
`,
    );
    const result = await syndikit(['build'], dir);
    expect(result.code).toBe(0);
    const headlines = await readFile(join(dir, 'built/headlines.txt'), 'utf8');
    expect(headlines.split('\n')).toHaveLength(11);
    expect(headlines.endsWith('-- end\n')).toBe(true);
    expect(await readFile(join(dir, 'built/markdown/2024-03-12-harbor-bridge-vote.md'), 'utf8')).toMatch(/\n\n---\n$/);
  });
});
