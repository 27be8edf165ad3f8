import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

const story = 'articles/2024-03-12-harbor-bridge-vote.md';

describe('inputs, output folder and cache never overlap (usage error, before any work)', () => {
  it('an input file inside --out: `build p2/markdown/story.md --out p2` would replace its own source', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'p2/markdown'), { recursive: true });
    await writeFile(join(dir, 'p2/markdown/story.md'), '---\ntitle: Story\nslug: story\n---\n\nThe source.\n');
    const result = await syndikit(['build', 'p2/markdown/story.md', '--out', 'p2'], dir);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'syndikit: The input file p2/markdown/story.md is inside the output folder p2: a build would overwrite or remove it; choose an --out outside the inputs\n',
    });
    expect(await readFile(join(dir, 'p2/markdown/story.md'), 'utf8')).toBe('---\ntitle: Story\nslug: story\n---\n\nThe source.\n');
  });

  it('--out equal to the folder of an input file (once "No articles found")', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', story, '--out', 'articles'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `syndikit: The input file ${story} is inside the output folder articles: a build would overwrite or remove it; choose an --out outside the inputs\n`,
    );
  });

  it('--out equal to an input folder', async () => {
    const dir = await workspace();
    const before = await tree(join(dir, 'articles'));
    const result = await syndikit(['build', 'articles', '--out', 'articles'], dir);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'syndikit: The output folder articles is the input folder articles: a build would overwrite its own input; choose an --out outside the inputs\n',
    });
    expect(await tree(join(dir, 'articles'))).toEqual(before);
  });

  it('--out inside an input folder', async () => {
    const dir = await workspace();
    const inside = await syndikit(['build', 'articles', '--out', 'articles/out'], dir);
    expect(inside).toMatchObject({
      code: 2,
      stderr:
        'syndikit: The output folder articles/out is inside the input folder articles: a build would read its own output; choose an --out outside the inputs\n',
    });
    const here = await syndikit(['build', '.', '--out', 'out'], dir);
    expect(here.stderr).toBe(
      'syndikit: The output folder out is inside the input folder .: a build would read its own output; choose an --out outside the inputs\n',
    );
    expect(Object.keys(await tree(dir)).filter((path) => path.startsWith('out/') || path.startsWith('articles/out/'))).toEqual([]);
  });

  it('real paths: a symbolic link does not hide the overlap', async () => {
    const dir = await workspace();
    await symlink(join(dir, 'articles'), join(dir, 'alias'));
    const result = await syndikit(['build', 'articles', '--out', 'alias/built'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'syndikit: The output folder alias/built is inside the input folder articles: a build would read its own output; choose an --out outside the inputs\n',
    );
    const linkedInput = await syndikit(['build', 'alias', '--out', 'articles'], dir);
    expect(linkedInput.stderr).toBe(
      'syndikit: The output folder articles is the input folder alias: a build would overwrite its own input; choose an --out outside the inputs\n',
    );
  });

  it('a cache inside --out would publish embargoed and withheld articles', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'site', '--cache-dir', 'site/.cache'], dir);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'syndikit: The cache folder site/.cache is inside the output folder site: it holds every article, embargoed and withheld ones too, and would be published; choose a --cache-dir outside it\n',
    });
    await writeFile(join(dir, 'syndikit.config.yaml'), 'inputs: [articles]\nout: site\ncacheDir: site\n');
    const fromConfig = await syndikit(['build'], dir);
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain('The cache folder site is inside the output folder site');
    expect(await tree(join(dir, 'site'))).toEqual({});
    // --no-cache keeps its temporary cache elsewhere: fine.
    expect((await syndikit(['build', 'articles', '--out', 'site', '--no-cache', '--cache-dir', 'site/.cache'], dir)).code).toBe(0);
  });

  it('the output folder inside the cache folder', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'cache/site', '--cache-dir', 'cache'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('syndikit: The output folder cache/site is inside the cache folder cache; choose an --out outside it\n');
  });

  it('--out / and --out naming a file', async () => {
    const dir = await workspace();
    expect(await syndikit(['build', 'articles', '--out', '/'], dir)).toMatchObject({
      code: 2,
      stderr: 'syndikit: The output folder / is the root of the file system; choose a folder of its own for --out\n',
    });
    await writeFile(join(dir, 'notes.txt'), 'not a folder\n');
    expect(await syndikit(['build', 'articles', '--out', 'notes.txt'], dir)).toMatchObject({
      code: 2,
      stderr: 'syndikit: The output folder notes.txt is a file; expected a folder (or a path where one can be made) for --out\n',
    });
    expect(await syndikit(['build', 'articles', '--out', 'notes.txt/site'], dir)).toMatchObject({
      code: 2,
      stderr: 'syndikit: The output folder notes.txt/site cannot be made: notes.txt is a file, not a folder\n',
    });
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('not a folder\n');
  });

  it('side by side is fine, and an output folder that does not exist yet is made', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'new/deep/site'], dir);
    expect(result.code).toBe(0);
    expect(Object.keys(await tree(join(dir, 'new/deep/site')))).toContain('markdown/2024-03-12-harbor-bridge-vote.md');
  });
});
