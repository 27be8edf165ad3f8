/**
 * Real host projects for the end-to-end tests of syndikit's integrations
 * (Vite, Astro, Eleventy): a temporary folder outside the repository, the
 * host tool installed into it from the npm registry as a user would
 * (npm's download cache kept in `<repo>/.cache/npm`, so later runs install
 * from it), and syndikit's packages linked from the workspace, as `file:`
 * links are. Nothing resolves from the repository's own node_modules but
 * through those links.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** Options of {@link createHostProject}. */
export interface HostProjectOptions {
  /** Names the temporary folder. */
  name: string;
  /** Registry packages and exact versions to install (`{ vite: '8.4.0' }`). */
  dependencies: Readonly<Record<string, string>>;
  /** Workspace packages to link into `node_modules`, by folder under `packages/` (`['vite']` links `@syndikit/vite`). */
  link: readonly string[];
  /** Files of the project, by path: the host's config, pages, articles. */
  files: Readonly<Record<string, string>>;
  /** Another registry (a test of the unreachable case), tried once without retries. Default: npm's configured registry. */
  registry?: string;
}

/** What a command printed and how it ended. */
export interface RunResult {
  code: number | null;
  output: string;
}

/** A long-running command (a dev server). */
export interface Started {
  output(): string;
  /** Resolves with the match once `pattern` is in the output; rejects if the process ends first or after `timeout` ms. */
  waitFor(pattern: RegExp, timeout?: number): Promise<RegExpExecArray>;
  /** Stop it (SIGTERM to its process group, then SIGKILL) and wait for it to end. */
  stop(): Promise<void>;
}

/** A host project ready to run. */
export interface HostProject {
  dir: string;
  /** How long installing took, in milliseconds. */
  installMs: number;
  /** Run `node script …args` in the project (`script` relative to it), up to `timeout` ms. */
  run(script: string, args: readonly string[], timeout?: number): Promise<RunResult>;
  /** Start `node script …args` in the project, in its own process group. */
  start(script: string, args: readonly string[]): Started;
  /** Write a file of the project. */
  write(path: string, contents: string): Promise<void>;
  /** The script of an installed package's command, relative to the project (`bin('vite')`: `node_modules/vite/bin/vite.js`), read from its package.json. */
  bin(packageName: string, command?: string): Promise<string>;
  remove(): Promise<void>;
}

// No colours to parse around, no telemetry or update checks: CI's environment.
const environment = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  npm_config_update_notifier: 'false',
  CI: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

/**
 * Make a host project, or say why it cannot be made: the registry is
 * unreachable (the only reason to skip; any other failure throws with
 * npm's output).
 */
export async function createHostProject(options: Readonly<HostProjectOptions>): Promise<HostProject | { skipped: string }> {
  const dir = await mkdtemp(join(tmpdir(), `syndikit-${options.name}-`));
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: options.name, private: true, type: 'module', dependencies: options.dependencies }, null, 2)}\n`,
  );
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const registry = options.registry ? ['--registry', options.registry, '--fetch-retries', '0', '--fetch-timeout', '5000'] : [];
  const install = await exec(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--cache', join(repo, '.cache', 'npm'), '--loglevel', 'error', ...registry],
    dir,
    600_000,
  );
  if (install.code !== 0) {
    const ping = await exec(npm, ['ping', '--cache', join(repo, '.cache', 'npm'), ...registry], dir, 60_000);
    await rm(dir, { recursive: true, force: true });
    if (ping.code !== 0) return { skipped: `the npm registry is unreachable (npm ping: ${ping.output.trim().split('\n').at(-1)})` };
    throw new Error(`npm install of ${Object.keys(options.dependencies).join(', ')} failed:\n${install.output}`);
  }
  const installMs = Date.now() - started;
  await mkdir(join(dir, 'node_modules', '@syndikit'), { recursive: true });
  for (const name of options.link) await symlink(join(repo, 'packages', name), join(dir, 'node_modules', '@syndikit', name), 'dir');
  const project: HostProject = {
    dir,
    installMs,
    run: (script, args, timeout = 300_000) => exec(process.execPath, [script, ...args], dir, timeout),
    start: (script, args) => startProcess(process.execPath, [script, ...args], dir),
    async write(path, contents) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), contents);
    },
    async bin(packageName, command) {
      const folder = join('node_modules', packageName);
      const manifest = JSON.parse(await readFile(join(dir, folder, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
      const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[command ?? packageName.split('/').at(-1) ?? packageName];
      if (!bin) throw new TypeError(`Expected ${packageName} to have a command ${command ?? ''} but its package.json names none`);
      return join(folder, bin);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [path, contents] of Object.entries(options.files)) await project.write(path, contents);
  return project;
}

/** Run a command to its end (killed after `timeout` ms), with its output. */
function exec(command: string, args: readonly string[], cwd: string, timeout: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeout} ms]`;
      child.kill('SIGKILL');
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function startProcess(command: string, args: readonly string[], cwd: string): Started {
  const child: ChildProcess = spawn(command, args, { cwd, env: environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ended = false;
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => {
      ended = true;
      for (const listener of listeners) listener();
      resolve();
    }),
  );
  return {
    output: () => output,
    waitFor: (pattern, timeout = 120_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out after ${timeout} ms waiting for ${pattern}:\n${output}`));
        }, timeout);
        const check = () => {
          const match = pattern.exec(output);
          if (match || ended) {
            clearTimeout(timer);
            listeners.delete(check);
            if (match) resolve(match);
            else reject(new Error(`the process ended before ${pattern}:\n${output}`));
          }
        };
        listeners.add(check);
        check();
      }),
    async stop() {
      if (ended || child.pid === undefined) return;
      const pid = child.pid;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {}
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Two short articles of our own, as a news site keeps them: Markdown with front matter. */
export const hostArticles: Readonly<Record<string, string>> = Object.freeze({
  'harbor-bridge.md': `---
title: Harbor council approves bridge replacement
published: 2024-03-12T23:41:00-04:00
authors: [Dana Whitcomb]
section: Politics
summary: The 7-2 vote ends a decade of argument over the 1931 drawbridge.
---

The city council voted 7-2 late Tuesday to replace the Casco Street drawbridge.

Construction is scheduled to start in the spring of 2026 and take four years.
`,
  'ferry-schedule.md': `---
title: Island ferries add a late sailing for the summer
published: 2024-05-02T08:15:00-04:00
authors: [Luis Ferreira]
section: Transport
---

Ferries to the outer islands will run a 10:30 p.m. sailing from June through August.

The service says the new crossing answers a petition signed by 1,200 residents.
`,
});

/** Poll `url` until `accept` holds for its response body, up to `timeout` ms; the last body otherwise. */
export async function pollUntil(url: string, accept: (status: number, body: string) => boolean, timeout = 60_000): Promise<string> {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    const response = await fetch(url).catch(() => undefined);
    if (response) {
      last = await response.text();
      if (accept(response.status, last)) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeout} ms polling ${url}; last body:\n${last.slice(0, 500)}`);
}

/**
 * The fenced code block of a README in language `lang` that contains
 * `including`: the integrations' tests write their README's examples into
 * the host project as they are, so the README cannot drift from what works.
 */
export async function readmeBlock(readme: URL, lang: string, including: string): Promise<string> {
  const text = await readFile(readme, 'utf8');
  for (const match of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (match[1] === lang && match[2]?.includes(including)) return match[2];
  }
  throw new Error(`${readme.pathname} has no \`\`\`${lang} block with ${including}`);
}
