import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Adapter, type BuildEvent, build, lockFileName, OutputLockedError } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const story = (name: string) => new VFile({ path: `/site/${name}.md`, value: `# ${name}\n\nBody.\n` });
const text: Adapter = {
  name: 'text',
  scope: 'article',
  render: ({ article }) => [{ path: `text/${article.slug}.txt`, contents: article.headline, mediaType: 'text/plain' }],
};

describe('build', () => {
  it('converts, writes, and reports progress', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'syndikit-build-'));
    const events: BuildEvent['type'][] = [];
    const result = await build([story('a'), story('b')], { outDir, formats: [text], onProgress: (event) => events.push(event.type) });
    expect(result.write?.written).toEqual(['text/a.txt', 'text/b.txt']);
    expect(events).toEqual(['start', 'loaded', 'loaded', 'article', 'article', 'write', 'done']);
    expect(await readdir(outDir)).toEqual(['text']);
  });

  it('writes nothing after an AbortSignal fires', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'syndikit-build-'));
    const controller = new AbortController();
    const build1 = build([story('a'), story('b')], {
      outDir,
      formats: [text],
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'loaded') controller.abort(new Error('stopped by the user'));
      },
    });
    await expect(build1).rejects.toThrow('stopped by the user');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses to write into a folder another running build holds, and takes over a stale lock', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'syndikit-build-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(join(outDir, lockFileName), `${other.pid}\n`);
      await expect(build([story('a')], { outDir, formats: [text] })).rejects.toThrow(OutputLockedError);
      await expect(build([story('a')], { outDir, formats: [text] })).rejects.toThrow(
        `Another syndikit build (process ${other.pid}) is writing to ${outDir}`,
      );
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.on('exit', resolve));
    const result = await build([story('a')], { outDir, formats: [text] });
    expect(result.write?.written).toEqual(['text/a.txt']);
    expect(await readdir(outDir)).toEqual(['text']);
  });
});
