import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

/** A config with code that leaves a mark when it runs, and asks for RSS so its use shows in the outputs. */
const marking = (mark: string) => `import { writeFileSync } from 'node:fs';
writeFileSync(new URL('./${mark}', import.meta.url), 'ran');
export default { formats: ['rss'], site: { url: 'https://drop.example', title: 'Drop' } };
`;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('config files in input folders (drop folders)', () => {
  it('never runs a JavaScript config found in the input folder, and says how to load it', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'articles', 'syndikit.config.mjs'), marking('ran-mjs'));
    const result = await syndikit(['build', 'articles', '--out', 'out'], dir);
    expect(result.code).toBe(0);
    expect(await exists(join(dir, 'articles', 'ran-mjs'))).toBe(false);
    expect(result.stderr.split('\n')[0]).toBe(
      'syndikit: warning: articles/syndikit.config.mjs was not loaded: a config file with code is read only from the working directory or with --config, never found in an input folder (anyone who can write to the folder could run code); to use it, pass --config articles/syndikit.config.mjs',
    );
    expect(result.stderr.match(/warning: /g)).toHaveLength(1);
    // Built with the defaults, not the config's RSS.
    expect(Object.keys(await tree(join(dir, 'out'))).some((path) => path.startsWith('markdown/'))).toBe(true);
    expect(await exists(join(dir, 'out', 'feed.xml'))).toBe(false);
  });

  it('a CommonJS config (.cjs) is skipped alike', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'articles', 'syndikit.config.cjs'),
      "require('node:fs').writeFileSync(__dirname + '/ran-cjs', 'ran');\nmodule.exports = {};\n",
    );
    const result = await syndikit(['build', 'articles', '--out', 'out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('syndikit: warning: articles/syndikit.config.cjs was not loaded');
    expect(await exists(join(dir, 'articles', 'ran-cjs'))).toBe(false);
  });

  it('loads it with --config, and from the working directory', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'articles', 'syndikit.config.mjs'), marking('ran-mjs'));
    const named = await syndikit(['build', 'articles', '--out', 'out', '--config', 'articles/syndikit.config.mjs'], dir);
    expect(named.code).toBe(0);
    expect(named.stderr).not.toContain('syndikit: warning');
    expect(await readFile(join(dir, 'articles', 'ran-mjs'), 'utf8')).toBe('ran');
    expect(await exists(join(dir, 'out', 'feed.xml'))).toBe(true);

    const other = await workspace();
    await writeFile(join(other, 'syndikit.config.mjs'), marking('ran-here'));
    const here = await syndikit(['build', 'articles', '--out', 'out'], other);
    expect(here.code).toBe(0);
    expect(await exists(join(other, 'ran-here'))).toBe(true);
  });

  it('still finds a YAML or JSON config in the input folder, without a warning', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'drop'));
    await writeFile(join(dir, 'drop', 'story.md'), '---\ntitle: Drop story\ndate: 2024-05-01T09:00:00Z\n---\n\nBody.\n');
    await writeFile(
      join(dir, 'drop', 'syndikit.config.json'),
      JSON.stringify({ formats: ['jsonfeed'], site: { url: 'https://drop.example', title: 'Drop' } }),
    );
    await writeFile(join(dir, 'drop', 'syndikit.config.mjs'), marking('ran-mjs'));
    const result = await syndikit(['build', 'drop', '--out', 'out'], dir);
    // The config is read, and not taken for an article (it would read as ninjs).
    expect(result.stderr).toBe(
      'syndikit: built 1 of 1 article into out (feed.json 1; 1 written, 0 unchanged; 0 from cache, 1 converted; 0 errors, 0 warnings)\n',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('syndikit: warning');
    expect(await exists(join(dir, 'out', 'feed.json'))).toBe(true);
    expect(await exists(join(dir, 'drop', 'ran-mjs'))).toBe(false);
  });
});
