/**
 * The packaging scripts: what scripts/prepare-build.mjs embeds, what
 * scripts/check-package-metadata.mjs and scripts/check-deps.mjs refuse, and
 * the checks scripts/pack-check.mjs runs on each unpacked tarball. (The whole
 * pack-check, which installs from the registry, runs in CI: npm run pack:check.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultThemeCss } from '@syndikit/amp';
import { shippedStylesheet as atomStylesheet } from '@syndikit/atom';
import { version as coreVersion } from '@syndikit/core';
import { shippedStylesheet as rssStylesheet } from '@syndikit/rss';
import { describe, expect, it } from 'vitest';
import { checkPackage, rootContext, workspacePackages } from '../../../scripts/check-package-metadata.mjs';
import { checkTarball } from '../../../scripts/pack-check.mjs';
import { embed, exportName, generatedFiles } from '../../../scripts/prepare-build.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `syndikit-${name}-`));

/** A package folder with a package.json and the given files. */
function fakePackage(files: Record<string, string>, manifest: Record<string, unknown>): string {
  const folder = join(temp('package'), 'pkg');
  for (const [path, text] of Object.entries({ ...files, 'package.json': `${JSON.stringify(manifest)}\n` })) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe('scripts/prepare-build.mjs', () => {
  // Everything a string literal must escape, and a `${…}` that must stay text.
  const tricky = ['a "quoted" \\ back`tick` ', '$', '{not} </style>\n\u2028line\tend ü\n'].join('');

  it('embeds the name, the version and every asset as its exact text', async () => {
    const folder = fakePackage(
      { 'assets/rss.xsl': tricky, 'assets/theme.css': 'body{}\n', 'assets/.hidden': 'x' },
      { name: '@x/y', version: '1.2.3' },
    );
    expect(embed(folder)).toEqual(['src/generated/package.ts', 'src/generated/assets.ts']);
    const pkg = await import(pathToFileURL(join(folder, 'src/generated/package.ts')).href);
    expect([pkg.packageName, pkg.packageVersion]).toEqual(['@x/y', '1.2.3']);
    const assets = await import(pathToFileURL(join(folder, 'src/generated/assets.ts')).href);
    expect({ ...assets }).toEqual({ rssXsl: tricky, themeCss: 'body{}\n' });
  });

  it('is deterministic and rewrites nothing that is current; --check names what is stale', () => {
    const folder = fakePackage({ 'assets/a.css': 'a' }, { name: 'p', version: '1.0.0' });
    const first = generatedFiles(folder);
    expect(embed(folder)).toHaveLength(2);
    expect(generatedFiles(folder)).toEqual(first);
    expect(embed(folder)).toEqual([]);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.1' }));
    expect(embed(folder, { check: true })).toEqual(['src/generated/package.ts']);
    expect(readFileSync(join(folder, 'src/generated/package.ts'), 'utf8')).toContain('"1.0.0"');
  });

  it('empties dist/ before a build, so a module whose source is gone does not ship', () => {
    const folder = fakePackage({ 'dist/gone.js': 'export {};\n' }, { name: 'p', version: '1.0.0' });
    const result = spawnSync(process.execPath, [join(repo, 'scripts/prepare-build.mjs')], { cwd: folder, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(existsSync(join(folder, 'dist'))).toBe(false);
    expect(existsSync(join(folder, 'src/generated/package.ts'))).toBe(true);
  });

  it('names exports after the files, and refuses names that would clash', () => {
    expect(['rss.xsl', 'theme.css', 'og-image.SVG'].map(exportName)).toEqual(['rssXsl', 'themeCss', 'ogImageSvg']);
    expect(() => exportName('1.css')).toThrow(TypeError);
    const folder = fakePackage({ 'assets/a.css': '', 'assets/a-css': '' }, { name: 'p', version: '1.0.0' });
    expect(() => generatedFiles(folder)).toThrow('a-css and a.css are both aCss');
  });

  it('has embedded the current version and assets in every built package', () => {
    for (const { folder, manifest } of workspacePackages(join(repo, 'packages'))) {
      if (!existsSync(join(folder, 'src'))) continue;
      expect([manifest.name, embed(folder, { check: true })]).toEqual([manifest.name, []]);
      expect(readFileSync(join(folder, 'dist/generated/package.js'), 'utf8')).toContain(
        `packageVersion = ${JSON.stringify(manifest.version)}`,
      );
    }
    expect(rssStylesheet()).toBe(read('packages/rss/assets/rss.xsl'));
    expect(atomStylesheet()).toBe(read('packages/atom/assets/atom.xsl'));
    expect(defaultThemeCss()).toBe(read('packages/amp/assets/theme.css'));
    expect(coreVersion).toBe(JSON.parse(read('packages/core/package.json')).version);
  });
});

describe('scripts/check-package-metadata.mjs', () => {
  const context = rootContext(repo);
  const rss = JSON.parse(read('packages/rss/package.json'));

  /** A copy of packages/rss under a folder named rss, changed by `edit`. */
  function rssCopy(edit: (manifest: Record<string, unknown>) => void, files: Record<string, string> = {}): string {
    const folder = join(temp('metadata'), 'rss');
    cpSync(join(repo, 'packages/rss'), folder, { recursive: true, filter: (path) => !/node_modules|dist|\.turbo/.test(path) });
    const manifest = structuredClone(rss);
    edit(manifest);
    writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
    for (const [path, text] of Object.entries(files)) writeFileSync(join(folder, path), text);
    return folder;
  }

  it('passes every package of this repository', () => {
    const result = spawnSync(process.execPath, [join(repo, 'scripts/check-package-metadata.mjs')], { cwd: repo, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^check-package-metadata: \d+ public packages have full metadata/);
    expect(
      checkPackage(
        rssCopy(() => {}),
        context,
      ),
    ).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    const folder = rssCopy((manifest) => {
      delete manifest.repository;
      delete manifest.publishConfig;
      delete manifest.author;
      manifest.keywords = ['rss'];
      manifest.homepage = 'https://example.com';
      manifest.engines = { node: '>=18' };
      manifest.files = ['dist'];
      manifest.sideEffects = undefined;
    });
    expect(checkPackage(folder, context)).toEqual([
      '@syndikit/rss: "author" is missing',
      '@syndikit/rss: "keywords" must list "syndikit" and at least two words that say what the package is for',
      `@syndikit/rss: "repository" must be { "type": "git", "url": "${context.repositoryUrl}", "directory": "packages/rss" }`,
      `@syndikit/rss: "homepage" must be "${context.web}/tree/main/packages/rss#readme"`,
      '@syndikit/rss: "publishConfig.access" must be "public" (scoped packages publish as restricted otherwise)',
      `@syndikit/rss: "engines.node" must be "${context.node}", as in the root package.json`,
      '@syndikit/rss: "sideEffects" must be false or the list of files that have them',
      '@syndikit/rss: "files" must include "src": the build emits source maps that point at ../src (or turn sourceMap and declarationMap off)',
    ]);
  });

  it('wants the root LICENSE in every package, and a README', () => {
    const folder = rssCopy(() => {}, { LICENSE: 'All rights reserved\n' });
    writeFileSync(join(folder, 'README.md'), '');
    expect(checkPackage(folder, context)).toEqual(['@syndikit/rss: LICENSE differs from the root LICENSE']);
  });

  it('refuses run-time reads of package.json and assets, and a build that does not embed them', () => {
    const folder = rssCopy((manifest) => ((manifest.scripts as Record<string, string>).build = 'tsc -p tsconfig.build.json'), {
      'src/lib/version.ts': [
        "import { createRequire } from 'node:module';",
        "const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };",
        "const css = readFileSync(new URL('../../assets/theme.css', import.meta.url), 'utf8');",
        "if (name === 'package.json') skip();",
      ].join('\n'),
    });
    const problems = checkPackage(folder, context);
    expect(problems[0]).toBe(
      '@syndikit/rss: the "build" script must start with "node ../../scripts/prepare-build.mjs && " (versions and assets embedded)',
    );
    expect(problems.slice(1)).toEqual([
      expect.stringMatching(
        /^@syndikit\/rss: src\/lib\/version\.ts:2 reads a package file at run time, which bundles cannot follow: import \{ packageVersion \}/,
      ),
      expect.stringMatching(
        /^@syndikit\/rss: src\/lib\/version\.ts:3 reads a package file at run time, which bundles cannot follow: import the text from/,
      ),
    ]);
  });

  it('wants exact versions of workspace packages, and no private one', () => {
    const folder = rssCopy((manifest) => {
      manifest.dependencies = { ...(manifest.dependencies as object), '@syndikit/core': '^0.1.0', '@syndikit/testkit': '0.1.0' };
    });
    const workspace = new Map([
      ['@syndikit/core', { version: '0.1.0' }],
      ['@syndikit/testkit', { version: '0.1.0', private: true }],
    ]);
    expect(checkPackage(folder, context, workspace)).toEqual([
      '@syndikit/rss: "dependencies" names @syndikit/core@^0.1.0, expected exactly its version 0.1.0',
      '@syndikit/rss: "dependencies" names @syndikit/testkit, which is private and never published',
    ]);
  });
});

describe('scripts/check-deps.mjs', () => {
  function checkDeps(source: string, manifest: Record<string, unknown>) {
    const root = temp('deps');
    const folder = join(root, 'pkg');
    mkdirSync(join(folder, 'src'), { recursive: true });
    writeFileSync(join(folder, 'src/index.ts'), source);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'pkg', ...manifest }));
    return spawnSync(process.execPath, [join(repo, 'scripts/check-deps.mjs'), root], { cwd: repo, encoding: 'utf8' });
  }

  it('lets type-only imports come from devDependencies: they are erased, and pack-check judges the declarations', () => {
    const source = "import type { Root } from 'hast';\nexport type { Node } from 'unist';\nexport type T = typeof import('vfile');\n";
    const result = checkDeps(source, { devDependencies: { '@types/hast': '1', '@types/unist': '1', vfile: '1' } });
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('still wants what the code loads at run time in dependencies', () => {
    const source = "import { type Root, h } from 'hastscript';\nimport 'side-effect';\nconst x = await import('lazy');\n";
    const result = checkDeps(source, { devDependencies: { hastscript: '1', 'side-effect': '1', lazy: '1' } });
    expect(result.status).toBe(1);
    expect(
      result.stderr
        .split('\n')
        .filter((line) => line.startsWith('pkg:'))
        .map((line) => line.replace(/^pkg: \S*src\//, 'pkg: src/')),
    ).toEqual([
      'pkg: src/index.ts imports "hastscript", declared only in devDependencies (move it to dependencies)',
      'pkg: src/index.ts imports "side-effect", declared only in devDependencies (move it to dependencies)',
      'pkg: src/index.ts imports "lazy", declared only in devDependencies (move it to dependencies)',
    ]);
  });
});

describe("pack-check's tarball checks", () => {
  const license = read('LICENSE');
  const manifest = { name: '@x/pkg', version: '2.0.0', dependencies: { '@types/hast': '3', unified: '11', unused: '1' } };

  it('passes a package whose shipped files import only what it declares', () => {
    const root = fakePackage(
      {
        LICENSE: license,
        'dist/index.js':
          "import { unified } from 'unified';\nimport { readFile } from 'node:fs';\nexport * from './generated/package.js';\n",
        'dist/index.d.ts': "import type { Root } from 'hast';\nexport declare const x: Root;\n",
        'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }),
        'src/index.ts': "import { h } from 'hastscript';\n",
        'dist/generated/package.js': 'export const packageVersion = "2.0.0";\n',
      },
      manifest,
    );
    expect(checkTarball(root, manifest)).toEqual([
      '@x/pkg: "unused" is a dependency, but no shipped file (dist, bin) imports it: remove it or move it to devDependencies',
    ]);
    // A peer names the host the package runs in (Vite, Astro, Eleventy); it need not be imported.
    const withPeer = { ...manifest, dependencies: { '@types/hast': '3', unified: '11' }, peerDependencies: { vite: '7' } };
    expect(checkTarball(root, withPeer)).toEqual([]);
  });

  it('finds undeclared imports, maps without their sources, a stale version and a missing LICENSE', () => {
    const root = fakePackage(
      {
        'dist/index.js': "import { h } from 'hastscript';\nexport const u = () => import('unified');\n",
        'dist/index.d.ts':
          "import type { VFile } from 'vfile';\nimport type { Root } from 'hast';\nexport declare const x: VFile | Root;\n",
        'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }),
        'dist/generated/package.js': 'export const packageVersion = "1.0.0";\n',
        'bin/cli.mjs': "import 'unused';\n",
      },
      manifest,
    );
    expect(checkTarball(root, manifest)).toEqual([
      '@x/pkg: dist/index.d.ts imports "vfile", which is not in its dependencies (nor @types/vfile): a strict install (pnpm) cannot resolve it',
      '@x/pkg: dist/index.js imports "hastscript", which is not in its dependencies: a strict install (pnpm) cannot resolve it',
      '@x/pkg: dist/index.js.map points at src/index.ts, which is not in the tarball: ship the sources or no maps',
      '@x/pkg: the tarball has no LICENSE',
      '@x/pkg: dist/generated/package.js does not embed version 2.0.0: rebuild (npm run build)',
    ]);
  });
});
