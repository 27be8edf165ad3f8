/**
 * The library behind the command, for host tools: `loadConfig({ cwd })`
 * and `buildFromConfig` find the same config, inputs and site, use the
 * same defaults and pipeline, and write byte for byte what `syndikit
 * build` writes; TypeScript configs load; `convertOptions` gives `convert`
 * the command's defaults.
 */
import { access, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromConfig, convertOptions, loadConfig, UsageError } from '@syndikit/cli';
import { convert } from '@syndikit/core';
import { describe, expect, it } from 'vitest';
import { fixtures, syndikit, tree, workspace } from './helpers.js';

const tsConfig = `import { defineConfig } from '@syndikit/cli'

interface Desk { title: string }
const desk: Desk = { title: 'The Harbor Times' }

export default defineConfig({
  site: { title: desk.title, url: 'https://news.example' },
  inputs: ['articles'],
  now: '2025-01-01T00:00:00Z',
  adapters: { rss: { limit: 5 } },
})
`;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('loadConfig and buildFromConfig', () => {
  it('write byte for byte what syndikit build writes, from a TypeScript config found in the working directory', async () => {
    const dir = await workspace();
    // As in a project that installed @syndikit/cli: the config imports defineConfig from it.
    await mkdir(join(dir, 'node_modules', '@syndikit'), { recursive: true });
    await symlink(fileURLToPath(new URL('..', import.meta.url)), join(dir, 'node_modules', '@syndikit', 'cli'), 'dir');
    await writeFile(join(dir, 'syndikit.config.ts'), tsConfig);
    const cli = await syndikit(['build', '--out', 'by-cli'], dir);
    expect(cli.code, cli.stderr).toBe(0);

    const lines: string[] = [];
    const logger = {
      info: (line: string) => lines.push(`info ${line}`),
      warn: (line: string) => lines.push(`warn ${line}`),
      error: (line: string) => lines.push(`error ${line}`),
    };
    const config = await loadConfig({ cwd: dir });
    expect(config.path).toBe(join(dir, 'syndikit.config.ts'));
    expect(config.site).toEqual({ title: 'The Harbor Times', url: 'https://news.example' });
    const result = await buildFromConfig(config, { out: 'by-library', logger });
    expect(result.exitCode).toBe(0);
    expect(result.outDir).toBe(join(dir, 'by-library'));
    expect(result.formats).toEqual(['markdown', 'rss', 'atom', 'jsonfeed', 'amp', 'ninjs', 'newsml-g2']);

    const byCli = await tree(join(dir, 'by-cli'));
    expect(Object.keys(byCli)).toContain('feed.xml');
    expect((await readFile(join(dir, 'by-cli', 'feed.xml'), 'utf8')).match(/<item>/g)).toHaveLength(5);
    expect(await tree(join(dir, 'by-library'))).toEqual(byCli);
    // The same lines as the command printed, each at its severity.
    expect(
      lines.map((line) =>
        line
          .replace(/^\w+ /, '')
          .replace(/by-library/, 'by-cli')
          .replace(/; \d+ from cache, \d+ converted/, '')
          .replace(/ in [\d.]+ s$/, ''),
      ),
    ).toEqual(
      cli.stderr
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/; \d+ from cache, \d+ converted/, '').replace(/ in [\d.]+ s$/, '')),
    );
    expect(lines.filter((line) => line.startsWith('warn '))).toEqual([expect.stringContaining('warning The lead photo is 1000 px wide')]);
  });

  it('detect a site as the command does, with its title, URL and content folders', async () => {
    const dir = await workspace();
    await cp(join(fixtures, 'sites', 'hugo'), join(dir, 'site'), { recursive: true });
    const site = join(dir, 'site');
    const cli = await syndikit(['build', '--out', 'by-cli', '--now', '2025-01-01T00:00:00Z'], site);
    expect(cli.code, cli.stderr).toBe(0);
    const result = await buildFromConfig(await loadConfig({ cwd: site }), {
      out: 'by-library',
      now: '2025-01-01T00:00:00Z',
      logger: { info() {}, warn() {}, error() {} },
    });
    expect(result.exitCode).toBe(0);
    const byCli = await tree(join(site, 'by-cli'));
    expect(Object.keys(byCli)).toContain('feed.xml');
    expect(await tree(join(site, 'by-library'))).toEqual(byCli);
  });

  it('report content errors in the result, and usage errors as UsageError before any work', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'articles', 'broken.md'), '---\ntitle: 42\n---\n\nBody\n');
    const errors: string[] = [];
    const config = await loadConfig({ cwd: dir });
    const logger = { info() {}, warn() {}, error: (line: string) => errors.push(line) };
    const result = await buildFromConfig(config, { inputs: ['articles'], out: 'x', formats: ['markdown'], logger });
    expect(result.exitCode).toBe(1);
    expect(result.failed.map((file) => file.path)).toEqual([join(dir, 'articles', 'broken.md')]);
    expect(errors[0]).toBe(
      'articles/broken.md:2:8: error Expected a string for `title` but received 42 of type number [front-matter-type]',
    );
    // Nothing written (the folder may have been made for the build's lock).
    expect(await tree(join(dir, 'x'))).toEqual({});

    await expect(buildFromConfig(config, { inputs: ['articles'], out: 'x', formats: ['rsss'], logger })).rejects.toThrow(UsageError);
    await expect(buildFromConfig(config, { inputs: ['articles'], out: 'x', formats: ['amp'], logger })).rejects.toThrow(
      'amp needs the site URL',
    );
    await expect(buildFromConfig({} as never, {})).rejects.toThrow(TypeError);
  });

  it('keep the path form, name a config file, and refuse what is not options', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'other.yaml'), 'site:\n  title: Other\n');
    expect((await loadConfig(join(dir, 'other.yaml'))).site).toEqual({ title: 'Other' });
    const named = await loadConfig({ cwd: dir, configFile: 'other.yaml' });
    expect([named.path, named.cwd, named.site.title]).toEqual([join(dir, 'other.yaml'), dir, 'Other']);
    expect(await loadConfig({ cwd: dir })).toMatchObject({ cwd: dir, inputs: [], site: {} });
    await expect(loadConfig(42 as never)).rejects.toThrow('Expected a config file path or options `{ cwd, configFile }` but received 42');
  });

  it('load .mts and .cts configs, and never run a TypeScript config found in an input folder', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'a.mts'), "const title: string = 'From mts'\nexport default { site: { title } }\n");
    await writeFile(join(dir, 'b.cts'), "const title: string = 'From cts'\nmodule.exports = { site: { title } }\n");
    expect((await loadConfig({ cwd: dir, configFile: 'a.mts' })).site.title).toBe('From mts');
    expect((await loadConfig({ cwd: dir, configFile: 'b.cts' })).site.title).toBe('From cts');

    await writeFile(
      join(dir, 'articles', 'syndikit.config.ts'),
      "import { writeFileSync } from 'node:fs'\nwriteFileSync(new URL('./ran-ts', import.meta.url), 'ran')\nexport default {}\n",
    );
    const found = await loadConfig({ cwd: dir, inputs: ['articles'] });
    expect(found.path).toBeUndefined();
    expect(found.warnings).toEqual([expect.stringMatching(/^articles\/syndikit\.config\.ts was not loaded: a config file with code/)]);
    const result = await syndikit(['build', 'articles', '--out', 'out', '--formats', 'markdown'], dir);
    expect(result.stderr.split('\n')[0]).toContain('syndikit: warning: articles/syndikit.config.ts was not loaded');
    expect(await exists(join(dir, 'articles', 'ran-ts'))).toBe(false);
  });
});

describe('convertOptions', () => {
  it('give convert() the command defaults: the same output as syndikit convert, image facts read', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'syndikit.config.yaml'), 'site:\n  url: https://news.example\n');
    const path = join(dir, 'articles', '2024-03-12-harbor-bridge-vote.md');
    const cli = await syndikit(['convert', 'articles/2024-03-12-harbor-bridge-vote.md', '--to', 'amp'], dir);
    expect(cli.code, cli.stderr).toBe(0);
    const options = await convertOptions(await loadConfig({ cwd: dir }), { formats: ['amp'], root: 'articles' });
    expect(options.imageFacts).toBeTypeOf('function');
    const result = await convert([{ path, value: await readFile(path) }], options);
    expect(result.failed).toEqual([]);
    expect(result.outputs.find((output) => output.path.startsWith('amp/'))?.contents).toBe(cli.stdout);
  });
});
