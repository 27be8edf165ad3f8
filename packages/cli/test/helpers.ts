import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '@syndikit/cli';

export const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** Run the CLI in-process in `cwd`, capturing its output. */
export async function syndikit(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: {},
    stdout: { write: (chunk) => (stdout += String(chunk)) },
    stderr: { write: (chunk) => (stderr += chunk) },
  });
  // The build summary ends with the time it took; tests compare everything else.
  return { code, stdout, stderr: stderr.replace(/\) in \d+\.\d s\n/g, ')\n') };
}

/** A fresh temporary folder with a copy of the nine Markdown fixture articles (and their images) under `articles/`. */
export async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-cli-'));
  await cp(join(fixtures, 'articles'), join(dir, 'articles'), { recursive: true, filter: (source) => !source.includes(`${sep}wire`) });
  return dir;
}

/** Every file under `dir` with its bytes, keyed by relative path. */
export async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = (await readFile(path)).toString('base64');
  }
  return files;
}
