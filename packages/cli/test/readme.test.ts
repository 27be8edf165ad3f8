/**
 * The README cannot drift from the code: every fenced `sh` example is run
 * here (against a temporary copy of the fixtures, through `npx` as a reader
 * would) or is a command CI runs (`.ci/run`), and what the text around it
 * says came out is checked. The library and adapter examples run too, and
 * the example config is valid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateConfig } from '@syndikit/cli';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const readme = await readFile(join(repo, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
  /** The prose between this block and the next heading or block: what the text says about it. */
  after: string;
}

const blocks: Block[] = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```\n([\s\S]*?)(?=^```|^#)/gm)].map((match) => ({
  lang: match[1] ?? '',
  code: match[2] ?? '',
  after: match[3] ?? '',
}));

/** A command line without its trailing comment. */
const commandOf = (line: string) => line.replace(/\s+#\s.*$/, '').trim();

/** The npm commands CI runs (`npm ci`, `npm start`, `npm test`, …), from .ci/run. */
const ciCommands = (await readFile(join(repo, '.ci', 'run'), 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('npm '));
const runByCi = (command: string) =>
  command.split('&&').every((part) => ciCommands.some((ci) => ci === part.trim() || ci.startsWith(`${part.trim()} `)));

/** Run `script` with sh in `cwd`; stdout and stderr together, and the exit code. */
function sh(script: string, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-ec', script], { cwd, env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Start a long-running example line (a preview) in its own process group, on a free port. */
function background(
  line: string,
  cwd: string,
): { child: ChildProcess; output(): string; until(pattern: RegExp): Promise<RegExpExecArray> } {
  const child = spawn('sh', ['-ec', `${line} --port 0`], {
    cwd,
    detached: true,
    env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' },
  });
  let output = '';
  const waiting = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    until: (pattern) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), 50_000);
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        waiting.add(check);
        check();
      }),
  };
}

describe('README shell examples', () => {
  const shBlocks = blocks.filter((block) => block.lang === 'sh');
  let dir: string;

  beforeAll(async () => {
    // The examples run where a clone would be: the fixtures, the workspace's node_modules, a package.json.
    dir = await mkdtemp(join(tmpdir(), 'syndikit-readme-'));
    await cp(join(repo, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
    await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'));
    await writeFile(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has the first-ten-minutes commands, exactly as a newcomer types them', () => {
    const commands = shBlocks.flatMap((block) => block.code.split('\n').map(commandOf));
    expect(commands).toContain('npx syndikit --help');
    expect(commands.some((command) => command.startsWith('npm exec syndikit -- build '))).toBe(true);
    expect(commands).toContain('cd my-site && npx syndikit init --yes');
    expect(commands).toContain('cd my-site && npx syndikit preview --watch');
  });

  it('runs every example in order, and each does what the text says', async () => {
    const checked: string[] = [];
    for (const block of shBlocks) {
      const lines = block.code.split('\n').map(commandOf).filter(Boolean);
      if (lines.every(runByCi)) {
        checked.push(...lines);
        continue;
      }
      const preview = lines.find((line) => /\bsyndikit preview\b/.test(line));
      if (preview) {
        await checkPreview(preview, block.after);
        checked.push(preview);
        continue;
      }
      const { code, output } = await sh(lines.join('\n'), dir);
      expect([block.code, code, output]).toEqual([block.code, 0, output]);
      for (const line of lines) {
        await checkLine(line, output, block.after);
        checked.push(line);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  }, 240_000);

  /** What each command's text promises. A command with no check here fails the test. */
  async function checkLine(line: string, output: string, after: string): Promise<void> {
    if (/^(mkdir|cp|printf) /.test(line)) return; // setup, whose result the next command reads
    if (line === 'npx syndikit --help') {
      expect(output).toContain('Usage: syndikit [options] [command]');
      for (const command of ['build', 'convert', 'inspect', 'init', 'preview']) expect(output).toMatch(new RegExp(`\\n  ${command} `));
      return;
    }
    if (line.startsWith('npm exec syndikit -- build ')) {
      // "That writes my-out/markdown/<slug>.md for each article and the feed my-out/feed.xml."
      expect(after).toContain('`my-out/markdown/<slug>.md` for each article and the feed `my-out/feed.xml`');
      const articles = (await readdir(join(dir, 'fixtures', 'articles'))).filter((name) => name.endsWith('.md'));
      expect((await readdir(join(dir, 'my-out', 'markdown'))).sort()).toEqual(articles.sort());
      expect(await readFile(join(dir, 'my-out', 'feed.xml'), 'utf8')).toContain('<rss');
      return;
    }
    if (line === 'cd my-site && npx syndikit init --yes') {
      const config = await readFile(join(dir, 'my-site', 'syndikit.config.yaml'), 'utf8');
      // Every `key: value` the text names is in the config, and so are the folders it names.
      const said = [...after.matchAll(/`((?:title|url): [^`]+)`/g)].map((match) => match[1] as string);
      expect(said).toEqual(['title: The Harbor Times', 'url: https://news.example/']);
      for (const pair of said) expect(config).toMatch(new RegExp(`\\n {2}${pair.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s`));
      expect(after).toContain('content folder (`content`)');
      expect(config).toMatch(/\ninputs:.*\n {2}- content\n/);
      expect(after).toContain('(`static/syndication`)');
      expect(config).toMatch(/\nout: static\/syndication /);
      expect(output).toContain('syndikit: wrote syndikit.config.yaml for a hugo site');
      return;
    }
    throw new Error(`README command with no check in readme.test.ts: ${line}`);
  }

  /** Start the preview as written (on a free port), look at the index, edit an article, see it rebuilt. */
  async function checkPreview(line: string, after: string): Promise<void> {
    expect(after).toContain('`http://127.0.0.1:5170/`');
    const running = background(line, dir);
    try {
      const [, url] = await running.until(/previewing static\/syndication at (http:\/\/127\.0\.0\.1:\d+)\//);
      await running.until(/watching content/);
      const index = await fetch(`${url}/`);
      expect(index.status).toBe(200);
      const html = await index.text();
      expect(html).toContain('<h1>The Harbor Times</h1>');
      expect(html.match(/<section class="article"/g)).toHaveLength(9);
      expect(html).toContain('✓ AMP validator');
      // "editing an article rebuilds it and the index page reloads itself; reload an output to see it"
      expect(html).toContain("new EventSource('/_syndikit/events')");
      const events = await fetch(`${url}/_syndikit/events`);
      const reader = (events.body as ReadableStream<Uint8Array>).getReader();
      const file = join(dir, 'my-site', 'content', '2024-03-12-harbor-bridge-vote.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('title: Harbor city council', 'title: Harbor council'));
      let received = '';
      while (!received.includes('event: built')) received += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      const page = await (await fetch(`${url}/amp/2024-03-12-harbor-bridge-vote.html`)).text();
      expect(page).toContain('Harbor council approves');
      expect(await (await fetch(`${url}/`)).text()).toContain('Harbor council approves');
    } finally {
      // The whole group: sh, npx and the CLI.
      if (running.child.pid) process.kill(-running.child.pid, 'SIGTERM');
    }
  }
});

describe('README code examples', () => {
  /** Run a module's source from a folder where the workspace's packages resolve; return its exports. */
  async function runModule(source: string, name: string): Promise<Record<string, unknown>> {
    const folder = join(repo, 'node_modules', '.cache', 'syndikit-readme');
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${name}-${process.pid}.mjs`);
    await writeFile(file, source);
    try {
      return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } finally {
      await rm(file, { force: true });
    }
  }

  it('the library example converts as its comments say', async () => {
    const block = blocks.find((candidate) => candidate.lang === 'js' && candidate.code.includes("from '@syndikit/core'")) as Block;
    const { result } = (await runModule(`${block.code}\nexport { result }\n`, 'library')) as {
      result: { outputs: { path: string; contents: string; mediaType: string }[]; articles: unknown[]; files: { messages: unknown[] }[] };
    };
    const comment = /result\.outputs\s+\/\/ \[\{ path: '([^']+)', contents: '([^…']+)…', mediaType: '([^']+)' \}\]/.exec(block.code);
    expect(comment).not.toBeNull();
    const [, path, start, mediaType] = comment as RegExpExecArray;
    expect(result.outputs).toHaveLength(1);
    expect(result.outputs[0]).toMatchObject({ path, mediaType });
    expect(result.outputs[0]?.contents.startsWith((start as string).replace(/\\n/g, '\n'))).toBe(true);
    expect(result.articles).toHaveLength(1);
    expect(result.files).toHaveLength(1);
  });

  it('the adapter example works when passed to convert, as the text says', async () => {
    const block = blocks.find((candidate) => candidate.lang === 'ts' && candidate.code.includes('headlinesAdapter')) as Block;
    const js = ts.transpileModule(block.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const { headlinesAdapter } = (await runModule(js, 'adapter')) as { headlinesAdapter: (options?: { dir?: string }) => unknown };
    const { convert } = await import('@syndikit/core');
    const { markdownIngester } = await import('@syndikit/markdown');
    expect(block.after).toContain('Pass it to `convert({ formats: [headlinesAdapter()] })`');
    const result = await convert(
      { path: 'story.md', value: '# Hello\n\nWorld' },
      { ingesters: [markdownIngester()], formats: [headlinesAdapter() as never], site: { url: 'https://news.example' } },
    );
    expect(result.outputs.map((output) => [output.path, output.contents])).toEqual([['headlines/story.txt', 'Hello\n']]);
  });

  it('the example config is valid', () => {
    const block = blocks.find((candidate) => candidate.lang === 'yaml' && candidate.code.includes('site:')) as Block;
    const config = validateConfig(parseYaml(block.code), join(repo, 'syndikit.config.yaml'));
    expect(config.site.title).toBe('The Syndikit Gazette');
    expect(config.formats).toEqual(['markdown', 'rss', 'atom', 'jsonfeed', 'amp']);
  });

  it('the TypeScript config example loads through defineConfig and is valid', async () => {
    const block = blocks.find((candidate) => candidate.lang === 'ts' && candidate.code.includes('defineConfig')) as Block;
    const js = ts.transpileModule(block.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const { default: raw } = await runModule(js, 'ts-config');
    const config = validateConfig(raw, join(repo, 'syndikit.config.ts'));
    expect(config.site).toEqual({ title: 'The Harbor Times', url: 'https://news.example' });
    expect(config.adapters).toEqual({ rss: { limit: 20 } });
  });

  it('the build-from-config example builds a site as syndikit build does', async () => {
    const block = blocks.find((candidate) => candidate.lang === 'js' && candidate.code.includes('buildFromConfig(')) as Block;
    // `my-site` as the first ten minutes made it: a Hugo site with its syndikit config.
    const site = await mkdtemp(join(tmpdir(), 'syndikit-readme-library-'));
    try {
      await cp(join(repo, 'fixtures', 'articles'), join(site, 'content'), { recursive: true });
      await writeFile(join(site, 'hugo.toml'), 'baseURL = "https://news.example/"\ntitle = "The Harbor Times"\n');
      await writeFile(join(site, 'syndikit.config.yaml'), 'inputs: [content]\n');
      const source = block.code.replace("cwd: 'my-site'", `cwd: ${JSON.stringify(site)}`);
      expect(source).not.toBe(block.code);
      const { result } = (await runModule(`${source}\nexport { result }\n`, 'build-from-config')) as {
        result: { exitCode: number; outDir: string; formats: string[] };
      };
      expect(block.code).toMatch(/result\.exitCode {3}\/\/ 0, as `syndikit build` would exit/);
      expect(result.exitCode).toBe(0);
      expect(result.outDir).toBe(join(site, 'public', 'syndication'));
      // The Hugo site's URL was detected, so the feeds and AMP pages were built by default.
      expect(result.formats).toEqual(['markdown', 'rss', 'atom', 'jsonfeed', 'amp', 'ninjs', 'newsml-g2']);
      expect(await readFile(join(site, 'public', 'syndication', 'feed.xml'), 'utf8')).toContain('<title>The Harbor Times</title>');
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it("the build-tool examples are the integrations' own README examples, which their end-to-end tests run", async () => {
    const hosts = blocks.filter((candidate) => candidate.lang === 'js' && /from '@syndikit\/(vite|astro|eleventy)'/.test(candidate.code));
    expect(hosts).toHaveLength(3);
    for (const block of hosts) {
      const name = /from '@syndikit\/(vite|astro|eleventy)'/.exec(block.code)?.[1] as string;
      const own = await readFile(join(repo, 'packages', name, 'README.md'), 'utf8');
      // The main README's copy starts with a comment naming the file; the rest is the package README's block.
      const code = block.code.replace(/^\/\/.*\n/, '');
      expect(own).toContain(`\`\`\`js\n${code}\`\`\``);
    }
  });
});
