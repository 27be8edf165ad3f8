import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syndikit, tree, workspace } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** Start the real `syndikit` process; collects standard error and waits for lines on it. */
function start(args: string[], cwd: string) {
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    /** Resolve once `pattern` appears in what is printed from now on. */
    waitFor: (pattern: RegExp) => new Promise<void>((resolve) => waiters.push({ pattern, from: stderr.length, resolve })),
  };
}

async function manyArticles(count: number): Promise<string> {
  const dir = await workspace();
  await mkdir(join(dir, 'many'));
  for (let index = 0; index < count; index++) {
    await writeFile(
      join(dir, 'many', `n-${String(index).padStart(4, '0')}.md`),
      `# Note ${index}\n\n${'Words and more words. '.repeat(40)}\n`,
    );
  }
  return dir;
}

describe('syndikit build at scale', () => {
  it('prints JSON events with --json, ending with the summary', async () => {
    const dir = await workspace();
    const result = await syndikit(['build', 'articles', '--out', 'x', '--json', '--formats', 'markdown'], dir);
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toEqual({ type: 'start', total: 9, threads: 0 });
    expect(events.filter((event) => event.type === 'article')).toHaveLength(9);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      articles: 9,
      total: 9,
      failed: [],
      outputs: { markdown: 9 },
      written: 9,
      cacheHits: 0,
      converted: 9,
      errors: 0,
    });
  });

  it('keeps its cache where --cache-dir says, and none with --no-cache', async () => {
    const dir = await workspace();
    await syndikit(['build', 'articles', '--out', 'x', '--cache-dir', 'my-cache'], dir);
    expect(Object.keys(await tree(join(dir, 'my-cache'))).some((path) => path.endsWith('index.jsonl'))).toBe(true);
    const again = await syndikit(['build', 'articles', '--out', 'x', '--cache-dir', 'my-cache'], dir);
    expect(again.stderr).toContain('9 from cache, 0 converted');
    const none = await syndikit(['build', 'articles', '--out', 'y', '--no-cache'], dir);
    expect(none.stderr).toContain('0 from cache, 9 converted');
    expect(Object.keys(await tree(dir)).filter((path) => path.startsWith('.syndikit-cache'))).toEqual([]);
  });

  it('converts in worker threads with --threads and gives the same files', async () => {
    const dir = await workspace();
    await syndikit(['build', 'articles', '--out', 'one', '--threads', '0'], dir);
    const threaded = await syndikit(['build', 'articles', '--out', 'two', '--threads', '2', '--no-cache'], dir);
    expect(threaded.stderr).toContain('9 converted on 2 threads');
    expect(await tree(join(dir, 'two'))).toEqual(await tree(join(dir, 'one')));
    const bad = await syndikit(['build', 'articles', '--threads', 'many'], dir);
    expect(bad).toMatchObject({ code: 2, stderr: 'syndikit: Expected `auto` or a whole number for --threads but received "many"\n' });
  });

  it('stops cleanly on Ctrl-C: exit 130, the output folder as it was', async () => {
    const dir = await manyArticles(400);
    const build = start(
      ['build', 'many', '--out', 'out', '--threads', '0', '--formats', 'markdown,amp,ninjs', '--site-url', 'https://news.example'],
      dir,
    );
    await build.waitFor(/syndikit: \d+\/400 articles/);
    build.child.kill('SIGINT');
    expect(await build.exited).toBe(130);
    expect(build.stderr()).toContain('syndikit: interrupted; out was left as it was');
    expect(await tree(join(dir, 'out'))).toEqual({});
  });

  it('ends quietly when the reader of its output stops early (a closed pipe)', async () => {
    const child = spawn(process.execPath, [bin, 'build', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('--watch rebuilds what changed, reports content errors and keeps watching', async () => {
    const dir = await workspace();
    const watch = start(['build', 'articles', '--out', 'out', '--watch', '--formats', 'markdown'], dir);
    try {
      await watch.waitFor(/syndikit: watching articles/);
      expect(watch.stderr()).toContain('syndikit: built 9 of 9 articles into out (markdown 9; 9 written');

      const rebuilt = watch.waitFor(/syndikit: rebuilt .*; watching\n/);
      await writeFile(join(dir, 'articles', 'new-story.md'), '---\ntitle: Fresh copy\ndate: 2024-05-01T09:00:00Z\n---\n\nJust in.\n');
      await rebuilt;
      expect(watch.stderr()).toMatch(
        /syndikit: rebuilt 10 of 10 articles into out \(markdown 10; 1 written, 9 unchanged; 9 from cache, 1 converted; 0 errors, 0 warnings\) in \d+\.\d s; watching\n/,
      );
      expect(await readFile(join(dir, 'out/markdown/new-story.md'), 'utf8')).toContain('title: Fresh copy');

      const failed = watch.waitFor(/was left as it was .*; watching\n/);
      await writeFile(join(dir, 'articles', 'new-story.md'), '---\ntitle: 42\n---\n\nBroken.\n');
      await failed;
      expect(watch.stderr()).toContain(
        'articles/new-story.md:2:8: error Expected a string for `title` but received 42 of type number [front-matter-type]',
      );
      expect(await readFile(join(dir, 'out/markdown/new-story.md'), 'utf8')).toContain('title: Fresh copy');

      const removed = watch.waitFor(/syndikit: rebuilt .*; watching\n/);
      await writeFile(join(dir, 'articles', 'new-story.md'), '---\ntitle: Fixed copy\ndate: 2024-05-01T09:00:00Z\n---\n\nJust in.\n');
      await removed;
      expect(await readFile(join(dir, 'out/markdown/new-story.md'), 'utf8')).toContain('title: Fixed copy');
    } finally {
      watch.child.kill('SIGINT');
    }
    expect(await watch.exited).toBe(130);
  });
});
