/** Notes to editors (`ednote:` in front matter) reach the desk formats and never a published one. */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

describe('editor notes', () => {
  it('keeps ednote in Markdown and ninjs, out of AMP pages and feeds; public notes stay published', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-ednote-'));
    await mkdir(join(dir, 'in'));
    await writeFile(
      join(dir, 'in', 'story.md'),
      '---\ntitle: Harbour vote\npublished: 2024-03-12T10:00:00Z\nednote: "Desk: call Ana on +49 30 5550 1234 before publishing"\nnotes: Ana Ruiz contributed reporting.\n---\n\nThe council voted.\n',
    );
    const result = await syndikit(
      [
        'build',
        'in',
        '--out',
        'out',
        '--formats',
        'markdown,rss,atom,jsonfeed,amp,ninjs',
        '--site-url',
        'https://news.example',
        '--no-cache',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    const read = (path: string) => readFile(join(dir, 'out', path), 'utf8');
    const published = [
      await read('feed.xml'),
      await read('atom.xml'),
      await read('feed.json'),
      await read(join('amp', (await readdir(join(dir, 'out', 'amp')))[0] ?? '')),
    ];
    for (const text of published) expect(text).not.toContain('5550 1234');
    expect(published[3]).toContain('Ana Ruiz contributed reporting.');
    expect(await read('markdown/story.md')).toContain('ednote:\n  - "Desk: call Ana on +49 30 5550 1234 before publishing"');
    expect(JSON.parse(await read('ninjs/story.json')).edNote).toContain('5550 1234');
  });
});
