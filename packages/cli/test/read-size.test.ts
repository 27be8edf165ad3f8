import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLimits } from '@syndikit/core';
import { describe, expect, it } from 'vitest';
import { syndikit } from './helpers.js';

/** A 3 GB file that takes no disk space (sparse): reading it whole would fail or fill memory. */
async function hugeInput(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-read-size-'));
  await writeFile(join(dir, 'huge.md'), '# Huge\n');
  await truncate(join(dir, 'huge.md'), 3_000_000_000);
  return dir;
}

describe('input size is checked before reading', () => {
  const tooLarge = `huge.md:1:1: error File is 3000000000 bytes, over the limit of ${defaultLimits.maxBytes} [file-too-large]`;

  it('refuses a 3 GB file in convert, inspect and build without reading it', async () => {
    const dir = await hugeInput();
    for (const args of [
      ['convert', 'huge.md', '--to', 'markdown'],
      ['inspect', 'huge.md'],
      ['build', 'huge.md', '--out', 'out', '--no-cache'],
    ]) {
      const result = await syndikit(args, dir);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toContain(tooLarge);
      // The size problem is the only one: no "empty" or "could not be read" after it.
      expect(result.stderr, args[0]).not.toMatch(/empty-file|read-failed|input-unreadable/);
    }
  });

  it('uses the configured limits.maxBytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-read-size-'));
    await writeFile(join(dir, 'syndikit.config.yaml'), 'site:\n  title: T\n  url: https://news.example\nlimits:\n  maxBytes: 100\n');
    await writeFile(join(dir, 'story.md'), `# Story\n\n${'word '.repeat(40)}\n`);
    await writeFile(join(dir, 'small.md'), '# Small\n\nBody.\n');
    for (const args of [
      ['convert', 'story.md', '--to', 'markdown'],
      ['inspect', 'story.md'],
      ['build', 'story.md', '--out', 'out', '--no-cache'],
    ]) {
      const result = await syndikit(args, dir);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toContain('story.md:1:1: error File is 210 bytes, over the limit of 100 [file-too-large]');
    }
    expect((await syndikit(['convert', 'small.md', '--to', 'markdown'], dir)).code).toBe(0);
  });
  it('reads saved pages up to their own limit (5 MB), Markdown up to limits.maxBytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-read-size-'));
    // 700 kB of page chrome around a short story: over the Markdown limit, well under the page limit.
    const chrome = `<nav>${'<a href="/section">Section</a> '.repeat(20_000)}</nav>`;
    const story = `<article><h1>Harbour ferry returns</h1>${'<p>The ferry returned to the harbour on Monday after a week of repairs, the operator said.</p>'.repeat(12)}</article>`;
    await writeFile(
      join(dir, 'page.html'),
      `<!doctype html><html lang="en"><head><title>Harbour ferry returns</title></head><body>${chrome}${story}</body></html>`,
    );
    await writeFile(join(dir, 'story.md'), `# Story\n\n${'word '.repeat(140_000)}\n`);
    const page = await syndikit(['build', 'page.html', '--out', 'out', '--no-cache'], dir);
    expect(page.stderr).not.toContain('file-too-large');
    expect(page.code).toBe(0);
    const markdown = await syndikit(['build', 'story.md', '--out', 'out-md', '--no-cache'], dir);
    expect(markdown.code).toBe(1);
    expect(markdown.stderr).toContain(`over the limit of ${defaultLimits.maxBytes} [file-too-large]`);
  });
});
