import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

/**
 * `syndikit build` prints each article's messages as the build hands them
 * over (in input order) and keeps only counts for its summary: the text is
 * the same on one thread or many, cold or from the cache, and a
 * once-per-run message comes after the others, with the number of files.
 */

/** Five posts: four with a missing picture (a warning each, as copy often has), two with a theme's field. */
async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-stream-'));
  await mkdir(join(dir, 'articles'));
  for (const [index, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
    const theme = name === 'b' || name === 'd' ? 'theme_colour: teal\n' : '';
    const picture = name === 'c' ? '' : `![Photo ${name}](images/${name}.jpg)\n`;
    await writeFile(
      join(dir, 'articles', `${name}.md`),
      `---\ntitle: Story ${name}\npublished: 2024-05-0${index + 1}T10:00:00Z\n${theme}---\n\nText of ${name}.\n\n${picture}`,
    );
  }
  return dir;
}

const missing = (name: string, line: number) =>
  `articles/${name}.md:${line}:1: warning Image \`/images/${name}.jpg\` was not found under the content root; it is left out [image-missing]`;

const expected = [
  missing('a', 8),
  missing('b', 9),
  missing('d', 9),
  missing('e', 8),
  'articles/b.md:4:15: warning Unknown front matter field `theme_colour` is ignored (in 2 files; the first is this one) [front-matter-unknown-key]',
];

/** The diagnostic lines of a run's standard error (`file:line:col: …`), in order. */
const diagnosticLines = (stderr: string) => stderr.split('\n').filter((line) => /^articles\/\w+\.md:\d+:\d+: /.test(line));

describe('diagnostics of a build', () => {
  it('are printed in input order, the once-per-run line last, the same on one thread, on worker threads and from the cache', async () => {
    const dir = await site();
    const one = await syndikit(['build', 'articles', '--out', 'out', '--threads', '0'], dir);
    const threads = await syndikit(['build', 'articles', '--out', 'threads', '--no-cache', '--threads', '2'], dir);
    const cached = await syndikit(['build', 'articles', '--out', 'out', '--threads', '0'], dir);
    expect(cached.stderr).toContain('5 from cache, 0 converted');
    for (const result of [one, threads, cached]) {
      expect(result.code).toBe(0);
      expect(diagnosticLines(result.stderr)).toEqual(expected);
      // Counted as printed: the theme's field once for both files.
      expect(result.stderr).toContain('0 errors, 5 warnings)');
    }
    // Nothing but the lines themselves differs between the runs' diagnostics.
    expect(threads.stderr.split('\n').filter((line) => line.startsWith('articles/'))).toEqual(diagnosticLines(one.stderr));
  });

  it('are counted in the --json done event without being printed', async () => {
    const dir = await site();
    const result = await syndikit(['build', 'articles', '--out', 'out', '--no-cache', '--threads', '0', '--json'], dir);
    expect(result.code).toBe(0);
    expect(diagnosticLines(result.stderr)).toEqual([]);
    const done = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; errors?: number; warnings?: number })
      .find((event) => event.type === 'done');
    expect(done).toMatchObject({ errors: 0, warnings: 5 });
  });

  it('with an error: the failed article is named, counted, and nothing is written', async () => {
    const dir = await site();
    await writeFile(join(dir, 'articles', 'c.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const result = await syndikit(['build', 'articles', '--out', 'out', '--no-cache', '--threads', '0'], dir);
    expect(result.code).toBe(1);
    const lines = diagnosticLines(result.stderr);
    expect(lines.slice(0, 2)).toEqual([missing('a', 8), missing('b', 9)]);
    expect(lines[2]).toMatch(/^articles\/c\.md:\d+:\d+: error /);
    expect(lines.slice(3)).toEqual(expected.slice(2));
    expect(result.stderr).toContain('syndikit: 1 of 5 inputs failed; nothing was written to out');
  });
});
