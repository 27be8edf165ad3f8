import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launcher } from './preview-helpers.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('the syndikit bin', () => {
  it('is the committed launcher, which npm links into the workspace at install time', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin).toEqual({ syndikit: './bin/syndikit.mjs' });
    expect(await realpath(join(repo, 'node_modules', '.bin', 'syndikit'))).toBe(await realpath(launcher));
  });

  it('runs the built CLI', () => {
    const result = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('runs through npm exec, as the README shows', () => {
    const result = spawnSync('npm', ['exec', '--no', 'syndikit', '--', '--version'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect([result.status, result.stdout]).toEqual([0, `${version}\n`]);
  });

  it('says what to do when the CLI is not built yet (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'syndikit-launcher-'));
    await mkdir(join(dir, 'bin'));
    await cp(launcher, join(dir, 'bin', 'syndikit.mjs'));
    const result = spawnSync(process.execPath, [join(dir, 'bin', 'syndikit.mjs'), '--help'], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'syndikit is not built yet: run npm run build (or npm start) first\n',
    ]);
  });
});
