import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, workspace } from './helpers.js';

describe('syndikit convert', () => {
  it('prints one article in the requested format', async () => {
    const dir = await workspace();
    const result = await syndikit(['convert', 'articles/2024-05-02-grain-exports-table.md', '--to', 'markdown'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^---\nid: urn:uuid:/);
    expect(result.stdout).toContain('title: Black Sea grain shipments climb to highest level since corridor opened');
    expect(result.stdout).toContain('| Month    | All cargo (million t) |');
  });

  it('exits 1 with a located error for a bad article', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'bad.md'), '---\ntitle: T\ndate: 2024-02-30\n---\n\nB\n');
    const result = await syndikit(['convert', 'bad.md', '--to', 'markdown'], dir);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bad.md:3:7: error `2024-02-30` is not a calendar date: 2024-02 has no day 30 [date-invalid]\n',
    });
  });

  it('requires --to', async () => {
    const result = await syndikit(['convert', 'x.md'], await workspace());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '-t, --to <format>' not specified");
  });
});

describe('syndikit inspect', () => {
  it('prints the article as JSON and diagnostics on stderr', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'story.md'), '---\ntitle: Inspected\ncolour: red\nauthors: [A, B]\n---\n\nBody.\n');
    const result = await syndikit(['inspect', 'story.md'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('story.md:3:9: warning Unknown front matter field `colour` is ignored [front-matter-unknown-key]\n');
    const article = JSON.parse(result.stdout);
    expect(article).toMatchObject({ headline: 'Inspected', slug: 'story', authors: [{ name: 'A' }, { name: 'B' }] });
    expect(result.stdout).not.toContain('"position"');
    const withPositions = await syndikit(['inspect', 'story.md', '--positions'], dir);
    expect(withPositions.stdout).toContain('"position"');
  });
});
