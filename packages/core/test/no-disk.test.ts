import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Core is the model and the pipeline, usable in memory (a bundle, a
 * worker): the disk and the process belong to `@syndikit/disk` and
 * `@syndikit/build`. This walks core's sources and fails on any import of
 * the file system, the operating system or worker threads.
 */
const source = fileURLToPath(new URL('../src/', import.meta.url));
const forbidden = ['fs', 'fs/promises', 'os', 'worker_threads'];
// `import … from 'x'`, `export … from 'x'`, `import('x')`, `require('x')`, with or without the `node:` prefix.
const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(?:node:)?([^'"]+)\1/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?ts$/.test(entry.name) ? [path] : [];
  });
}

export function diskImports(text: string): string[] {
  return [...text.matchAll(specifiers)].map((match) => match[2] as string).filter((name) => forbidden.includes(name));
}

describe('core sources', () => {
  it('finds the imports it looks for', () => {
    expect(
      diskImports("import { readFile } from 'node:fs/promises';\nimport os from 'os';\nconst w = await import('node:worker_threads');"),
    ).toEqual(['fs/promises', 'os', 'worker_threads']);
    expect(diskImports("import { join } from 'node:path';\nimport 'node:fs';")).toEqual(['fs']);
  });

  it('import no file system, operating system or worker threads', () => {
    const files = sourceFiles(source);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) => diskImports(readFileSync(path, 'utf8')).map((name) => `${path.slice(source.length)}: ${name}`));
    expect(found).toEqual([]);
  });
});
