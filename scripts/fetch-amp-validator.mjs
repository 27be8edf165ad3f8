// Fetches the official AMP validator engine once into .cache/amp-validator/validator_wasm.js.
//
// The engine ships inside the npm package next@15 (dist/compiled/amphtml-validator/); `npm pack`
// downloads that package's tarball from the npm registry without installing Next, and only the one
// file is kept. Later runs find the cached copy and never reach the network. Tests load it with
// amphtml-validator's getInstance(path).
//
// Usage: node scripts/fetch-amp-validator.mjs   (prints the path of the engine)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const nextVersion = '15.5.6';
const inside = 'package/dist/compiled/amphtml-validator/validator_wasm.js';
export const enginePath = fileURLToPath(new URL('../.cache/amp-validator/validator_wasm.js', import.meta.url));

export function fetchAmpValidator() {
  if (existsSync(enginePath)) return enginePath;
  const work = mkdtempSync(join(tmpdir(), 'syndikit-amp-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(npm, ['pack', `next@${nextVersion}`, '--silent', '--pack-destination', work], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, inside]);
    mkdirSync(join(enginePath, '..'), { recursive: true });
    renameSync(join(work, inside), enginePath);
    return enginePath;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(fetchAmpValidator());
