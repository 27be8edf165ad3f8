import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit } from './helpers.js';

/** A post with a lead image that is there and an inline figure whose file is missing. */
async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-strict-'));
  await mkdir(join(dir, 'posts', 'img'), { recursive: true });
  await copyFile(join(fixtures, 'articles', 'images', 'harbor-bridge.jpg'), join(dir, 'posts', 'img', 'bridge.jpg'));
  await writeFile(
    join(dir, 'posts', 'bridge.md'),
    '---\ntitle: The bridge\ndate: 2024-05-01\nimage: img/bridge.jpg\n---\n\nThe bridge opened.\n\n![The old pier](img/pier.jpg)\n\nMore text.\n',
  );
  return dir;
}

const build = [
  'build',
  'posts',
  '--out',
  'out',
  '--formats',
  'markdown,jsonfeed',
  '--site-url',
  'https://harbor.example',
  '--threads',
  '0',
];
const warning = 'posts/bridge.md:9:1: warning Image `/img/pier.jpg` was not found under the content root; it is left out [image-missing]';

describe('a missing local image', () => {
  it('is left out with a warning and the post is kept', async () => {
    const dir = await site();
    const result = await syndikit([...build, '--no-cache'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(warning);
    const markdown = await readFile(join(dir, 'out', 'markdown', 'bridge.md'), 'utf8');
    expect(markdown).toContain('More text.');
    expect(markdown).not.toContain('pier');
    expect(await readFile(join(dir, 'out', 'feed.json'), 'utf8')).not.toContain('pier');
  });

  it('with --strict or `strict: true` in the config is an error that fails the post', async () => {
    const dir = await site();
    const flagged = await syndikit([...build, '--no-cache', '--strict'], dir);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain(
      'posts/bridge.md:9:1: error Image `/img/pier.jpg` was not found under the content root [image-missing]',
    );
    await writeFile(join(dir, 'syndikit.config.yaml'), 'strict: true\n');
    const configured = await syndikit([...build, '--no-cache'], dir);
    expect(configured.code).toBe(1);
    expect(configured.stderr).toContain('error Image `/img/pier.jpg` was not found');
  });

  it('is looked for again on a rebuild: once the file is there the post has it; --strict is part of the cache key', async () => {
    const dir = await site();
    const first = await syndikit(build, dir);
    expect(first.stderr).toContain(warning);
    // The same build from the cache says the same; --strict does not take the cached result.
    expect((await syndikit(build, dir)).stderr).toContain(warning);
    expect((await syndikit([...build, '--strict'], dir)).code).toBe(1);
    await copyFile(join(fixtures, 'articles', 'images', 'harbor-bridge.jpg'), join(dir, 'posts', 'img', 'pier.jpg'));
    const after = await syndikit(build, dir);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('image-missing');
    expect(await readFile(join(dir, 'out', 'markdown', 'bridge.md'), 'utf8')).toContain('The old pier');
  });
});
