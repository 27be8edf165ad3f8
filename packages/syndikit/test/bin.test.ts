import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const cliManifest = createRequire(import.meta.url)('@syndikit/cli/package.json') as { version: string };
const bin = fileURLToPath(new URL(`../${manifest.bin.syndikit}`, import.meta.url));

describe('the syndikit package', () => {
  it('has one bin, syndikit, which is what npx syndikit runs', () => {
    expect(Object.keys(manifest.bin)).toEqual(['syndikit']);
  });

  it('depends on exactly the version of @syndikit/cli in this repository', () => {
    expect(manifest.dependencies).toEqual({ '@syndikit/cli': cliManifest.version });
  });

  it('runs the command of @syndikit/cli', () => {
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${cliManifest.version}\n`, '']);
    const help = spawnSync(process.execPath, [bin, 'build', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--site-url');
  });

  it('passes on the exit code of a usage error', () => {
    const result = spawnSync(process.execPath, [bin, 'build', '--no-such-flag'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--no-such-flag');
  });
});
