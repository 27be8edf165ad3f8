/**
 * sharp is an optional dependency of @syndikit/images: an install without it
 * (`--omit=optional`, a platform sharp has no build for) still builds every
 * text format, and asking for `images` is a usage error that says what to do.
 * "Without sharp" is made real in a child process by a module resolution hook
 * that refuses `sharp` as Node does for a package that is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'packages/cli/bin/syndikit.mjs');
const dir = mkdtempSync(join(tmpdir(), 'syndikit-no-sharp-'));
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'sharp' || specifier.startsWith('sharp/')) {
    const error = new Error(\`Cannot find package 'sharp' imported from \${context.parentURL}\`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}
`;
writeFileSync(join(dir, 'hooks.mjs'), hooks);
writeFileSync(
  join(dir, 'no-sharp.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
);
const withoutSharp = ['--import', pathToFileURL(join(dir, 'no-sharp.mjs')).href];
const config = join(repo, 'fixtures/syndikit.config.yaml');

function syndikit(args: string[]) {
  return spawnSync(process.execPath, [...withoutSharp, bin, ...args], { cwd: dir, encoding: 'utf8' });
}

describe('without sharp installed', () => {
  it('the hook really hides sharp', () => {
    const result = spawnSync(process.execPath, [...withoutSharp, '--input-type=module', '-e', "await import('sharp')"], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot find package 'sharp'");
  });

  it('every text format builds: nothing loads sharp unless images are made', () => {
    const out = join(dir, 'text-out');
    const result = syndikit([
      'build',
      '--config',
      config,
      '--out',
      out,
      '--formats',
      'markdown,rss,atom,jsonfeed,amp,ninjs,newsml-g2',
      '--no-cache',
      '--quiet',
    ]);
    expect([result.status, result.stderr]).toEqual([0, expect.not.stringContaining('sharp')]);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(['amp', 'atom.xml', 'feed.json', 'feed.xml', 'markdown', 'newsml-g2', 'ninjs']),
    );
  });

  it('asking for images is a usage error (exit 2) before any work, saying how to install sharp', () => {
    const out = join(dir, 'images-out');
    const result = syndikit(['build', '--config', config, '--out', out, '--formats', 'markdown,images', '--no-cache']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("The images format needs sharp, which could not be loaded (Cannot find package 'sharp' imported from");
    expect(result.stderr).toContain('Install it next to syndikit: npm install sharp. It is an optional dependency of @syndikit/images');
    expect(() => readdirSync(out)).toThrow();
  });

  it('the library says the same: sharpProblem() names what is missing, and is undefined when sharp loads', () => {
    const script = "import { sharpProblem } from '@syndikit/images'; console.log(String(await sharpProblem()));";
    const missing = spawnSync(process.execPath, [...withoutSharp, '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' });
    expect([missing.status, missing.stdout]).toEqual([
      0,
      expect.stringMatching(/^The images format needs sharp, which could not be loaded/),
    ]);
    const present = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' });
    expect([present.status, present.stdout]).toEqual([0, 'undefined\n']);
  });
});
