import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

describe('syndikit build', () => {
  it('builds the fixtures into one folder per format, byte-identical twice', async () => {
    const dir = await workspace();
    const first = await syndikit(['build', 'articles', '--out', 'x', '--site-url', 'https://news.example'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      'syndikit: built 9 of 9 articles into x (markdown 9; 9 written, 0 unchanged; 0 from cache, 9 converted; 0 errors, 0 warnings)\n',
    );
    const a = await tree(join(dir, 'x'));
    expect(Object.keys(a).sort()).toContain('markdown/2024-03-12-harbor-bridge-vote.md');
    // Nine articles, and the manifest of what syndikit wrote (the same bytes for the same build).
    expect(Object.keys(a)).toHaveLength(10);
    expect(Object.keys(a)).toContain('.syndikit-manifest.json');

    const second = await syndikit(['build', 'articles', '--out', 'y', '--site-url', 'https://news.example'], dir);
    expect(second.code).toBe(0);
    expect(await tree(join(dir, 'y'))).toEqual(a);
  });

  it('writes nothing when an article fails, and keeps the previous output', async () => {
    const dir = await workspace();
    await syndikit(['build', 'articles', '--out', 'x'], dir);
    const before = await tree(join(dir, 'x'));
    await writeFile(join(dir, 'articles', 'broken.md'), '---\ntitle: 42\n---\n\nBody\n');
    await writeFile(join(dir, 'articles', '2024-03-12-harbor-bridge-vote.md'), '---\ntitle: Changed headline\n---\n\nChanged.\n');
    const result = await syndikit(['build', 'articles', '--out', 'x'], dir);
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
    const result = await syndikit(['build', 'articles', '--out', 'x', '--keep-going'], dir);
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
    const result = await syndikit(['build', 'evil', '--out', 'x'], dir);
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
    await syndikit(['build', 'articles', '--out', 'out', '--cache-dir', 'articles/cache'], dir);
    const again = await syndikit(['build', 'articles', '--out', 'out', '--cache-dir', 'articles/cache'], dir);
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
