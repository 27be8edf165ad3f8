/**
 * Agency deliveries and saved pages through the command: files chosen by
 * content (NewsML-G2, NITF and NewsML 1.2 share `.xml`; digitalwires and
 * ninjs share `.json`; a URN-named file has no extension at all).
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit } from './helpers.js';

async function copyOf(...folders: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-agency-'));
  for (const folder of folders) await cp(join(fixtures, folder), join(dir, 'in', folder), { recursive: true });
  return dir;
}

describe('agency deliveries and saved pages', () => {
  it('reads every agency fixture by its content, extensionless files included, and writes NewsML-G2', async () => {
    const dir = await copyOf('agency');
    const result = await syndikit(
      ['build', 'in', '--out', 'out', '--formats', 'ninjs,newsml-g2', '--no-cache', '--now', '2026-01-01T00:00:00Z'],
      dir,
    );
    expect(result.stderr).not.toMatch(/\berror\b/);
    expect(result.code).toBe(0);
    const written = (await readdir(join(dir, 'out', 'newsml-g2'))).sort();
    // One article per delivery, except the news message, which carries two items.
    const inputs = (await readdir(join(dir, 'in', 'agency'))).length;
    expect(written).toHaveLength(inputs + 1);
    const ninjs = await readdir(join(dir, 'out', 'ninjs'));
    const nitf = JSON.parse(await readFile(join(dir, 'out', 'ninjs', ninjs.find((name) => name.includes('solar')) ?? ''), 'utf8'));
    expect(nitf.headlines[0].value).toMatch(/solar/i);
  });

  it('reads saved news pages (.html) with their language', async () => {
    const dir = await copyOf('pages');
    const result = await syndikit(['build', 'in', '--out', 'out', '--formats', 'ninjs', '--no-cache'], dir);
    expect(result.code).toBe(0);
    const files = await readdir(join(dir, 'out', 'ninjs'));
    const languages = await Promise.all(
      files.map(async (name) => JSON.parse(await readFile(join(dir, 'out', 'ninjs', name), 'utf8')).language),
    );
    expect(languages).toContain('de-DE');
  });

  it('names what it found when no ingester recognises a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-agency-'));
    await writeFile(join(dir, 'feed.xml'), '<?xml version="1.0"?>\n<catalog xmlns="urn:example:books"><book/></catalog>\n');
    const result = await syndikit(['build', 'feed.xml', '--out', 'out', '--no-cache'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('root element <catalog> in urn:example:books');
    expect(result.stderr).toContain('[no-ingester]');
  });
});
