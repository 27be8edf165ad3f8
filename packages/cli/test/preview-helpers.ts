import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The committed launcher: what `npx syndikit` runs. */
export const launcher = fileURLToPath(new URL('../bin/syndikit.mjs', import.meta.url));

/** A `syndikit preview` running as its own process, as a person would start it. */
export interface RunningPreview {
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** Wait for standard error to match. */
  waitFor(pattern: RegExp, timeout?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Start `syndikit preview …args` in `cwd` (always on a free port) and wait until it is serving. */
export async function startPreview(args: readonly string[], cwd: string, command: readonly string[] = [launcher]): Promise<RunningPreview> {
  const child = spawn(process.execPath, [...command, 'preview', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeout = 50_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stderr);
        if (!match) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern} in:\n${stderr}`));
      }, timeout);
      listeners.add(check);
      check();
      exited.then((code) => {
        if (listeners.has(check)) reject(new Error(`preview exited (${code}) before ${pattern}:\n${stderr}`));
      });
    });
  const [, url] = await waitFor(/previewing .* at (http:\/\/[^/\s]+)\//);
  return {
    url: url as string,
    child,
    stderr: () => stderr,
    waitFor,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** GET a raw request path, not normalised the way `fetch` and `URL` normalise `..` and `%2e%2e`. */
export function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
