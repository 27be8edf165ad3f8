import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit, workspace } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe('usage errors exit 2 with a clear message and no stack trace', () => {
  it('an unknown format', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--formats', 'markdown,telex'], dir);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'syndikit: Unknown format telex; known formats: amp, atom, images, jsonfeed, markdown, newsml-g2, ninjs, rss\n',
    });
  });

  it('a missing input', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'nowhere'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'syndikit: Input nowhere does not exist\n' });
  });

  it('no inputs at all', async () => {
    const dir = await workspace();
    const result = await syndikit(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('syndikit: No inputs: name files or folders, or list `inputs:` in the config file\n');
  });

  it('a bad --site-url', async () => {
    const result = await syndikit(['build', 'articles', '--site-url', 'news.example'], await workspace());
    expect(result.stderr).toBe('syndikit: Expected an absolute http(s) URL for --site-url but received "news.example"\n');
    expect(result.code).toBe(2);
  });

  it('an invalid config, with every problem and its path', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'bad.yaml'), 'site:\n  url: not a url\n  titel: typo\nformats: [Markdown]\ntimeZone: Mars/Olympus\n');
    const result = await syndikit(['build', 'articles', '--config', 'bad.yaml'], dir);
    expect(result.code).toBe(2);
    const path = join(dir, 'bad.yaml');
    expect(result.stderr.split('\n')).toEqual([
      `syndikit: Config file ${path} has 4 problems`,
      `  ${path}: site.url: Expected an absolute http(s) URL`,
      `  ${path}: site: Unrecognized key: "titel"`,
      `  ${path}: formats.0: Expected a kebab-case format name`,
      `  ${path}: timeZone: Expected an IANA time zone, UTC or ±HH:MM`,
      '',
    ]);
  });

  it('an unknown flag', async () => {
    const result = await syndikit(['build', '--frobnicate'], await workspace());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown option '--frobnicate'");
  });
});

describe('help and version', () => {
  it('prints help for every command with exit 0', async () => {
    for (const args of [['--help'], ['build', '--help'], ['convert', '--help'], ['inspect', '--help']]) {
      const result = await syndikit(args, fixtures);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: syndikit');
      expect(result.stdout).toContain('Exit codes:');
    }
    expect((await syndikit(['build', '--help'], fixtures)).stdout).toContain('--keep-going');
  });

  it('the installed bin prints its version and sets the exit code', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    await expect(run(process.execPath, [bin, 'build', '/nonexistent-syndikit-input'])).rejects.toMatchObject({
      code: 2,
      stderr: 'syndikit: Input /nonexistent-syndikit-input does not exist\n',
    });
  });
});
