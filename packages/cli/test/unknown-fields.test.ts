import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

/** Three posts of a theme that writes `theme_colour` into every post, one with `mood` too, all with generator fields. */
async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-unknown-'));
  await mkdir(join(dir, 'posts'));
  const post = (title: string, extra = '') =>
    `---\ntitle: ${title}\ndate: 2024-05-0${title.length % 9}\nlayout: post\nweight: 3\ntheme_colour: teal\n${extra}---\n\nText of ${title}.\n`;
  await writeFile(join(dir, 'posts', 'alpha.md'), post('Alpha'));
  await writeFile(join(dir, 'posts', 'beta.md'), post('Beta', 'mood: calm\n'));
  await writeFile(join(dir, 'posts', 'gamma.md'), post('Gamma'));
  return dir;
}

const colourLine =
  'posts/alpha.md:6:15: warning Unknown front matter field `theme_colour` is ignored (in 3 files; the first is this one) [front-matter-unknown-key]';
const moodLine = 'posts/beta.md:7:7: warning Unknown front matter field `mood` is ignored [front-matter-unknown-key]';

describe('unknown front matter fields', () => {
  it('are reported once per build with the number of files and the first of them; generator fields say nothing', async () => {
    const dir = await site();
    const result = await syndikit(['build', 'posts', '--out', 'out', '--no-cache', '--threads', '0'], dir);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.includes('[front-matter-unknown-key]'));
    expect(lines).toEqual([colourLine, moodLine]);
    expect(result.stderr).not.toMatch(/`(layout|weight)`/);
    expect(result.stderr).toContain('0 errors, 2 warnings');
  });

  it('are counted the same from worker threads and from the cache on a rebuild', async () => {
    const dir = await site();
    const args = ['build', 'posts', '--out', 'out', '--threads', '2'];
    const first = await syndikit(args, dir);
    const again = await syndikit(args, dir);
    expect(again.stderr).toContain('3 from cache, 0 converted');
    for (const result of [first, again]) {
      const lines = result.stderr.split('\n').filter((line) => line.includes('[front-matter-unknown-key]'));
      expect(lines).toEqual([colourLine, moodLine]);
      expect(result.stderr).toContain('0 errors, 2 warnings');
    }
  });

  it('convert reports the field of its one file as before', async () => {
    const dir = await site();
    const result = await syndikit(['convert', 'posts/beta.md', '--to', 'markdown'], dir);
    expect(result.stderr).toBe(
      ['posts/beta.md:6:15: warning Unknown front matter field `theme_colour` is ignored [front-matter-unknown-key]', moodLine, ''].join(
        '\n',
      ),
    );
  });
});
