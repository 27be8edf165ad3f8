import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, type BuildResult, build, manifestFileName } from '@syndikit/build';
import type { VFile } from 'vfile';

/** A site folder with Markdown articles `story-N.md`, an output folder and a cache folder, all temporary. */
export async function site(count: number, extra: (index: number) => string = () => '') {
  const dir = await mkdtemp(join(tmpdir(), 'syndikit-build-test-'));
  const articles = join(dir, 'articles');
  await mkdir(articles);
  for (let index = 0; index < count; index++) await writeArticle(articles, index, extra(index));
  return { dir, articles, outDir: join(dir, 'out'), cacheDir: join(dir, 'cache') };
}

/** Write `story-N.md`: a dated article with a few paragraphs. */
export async function writeArticle(folder: string, index: number, front = '', title = `Story ${index}`): Promise<string> {
  const path = join(folder, `story-${String(index).padStart(3, '0')}.md`);
  const day = String((index % 28) + 1).padStart(2, '0');
  await writeFile(
    path,
    `---\ntitle: ${title}\ndate: 2024-03-${day}T10:00:00Z\n${front}---\n\nFirst paragraph of ${index}.\n\nSecond paragraph.\n`,
  );
  return path;
}

/** The article paths of a folder, sorted. */
export async function inputsOf(folder: string): Promise<string[]> {
  return (await readdir(folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(folder, name));
}

/** Every file under a folder with its contents; the manifest of what syndikit wrote only with `withManifest`. */
export async function tree(folder: string, options: { withManifest?: boolean } = {}): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(folder.length + 1);
    if (relative === manifestFileName && !options.withManifest) continue;
    files[relative] = await readFile(path, 'utf8');
  }
  return files;
}

/** Every file and folder under a folder (files with their bytes as text), the manifest included: to compare two output folders whole. */
export async function wholeTree(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const all: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(folder.length + 1);
    all[relative] = entry.isFile() ? await readFile(path, 'utf8') : entry.isDirectory() ? '(folder)' : '(other)';
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The test pipeline as a module (what worker threads load). */
export const pipelineModule = (options: { version?: number; slowMs?: number; archive?: boolean; spy?: boolean } = {}) => ({
  module: new URL('./fixtures/pipeline.mjs', import.meta.url),
  options,
});

/** Build, keeping every file `onFile` is given, in the order it was given (and still calling the caller's `onFile`). */
export async function buildKeepingFiles(
  inputs: readonly string[],
  options: Readonly<BuildOptions>,
): Promise<BuildResult & { files: VFile[] }> {
  const files: VFile[] = [];
  const result = await build(inputs, {
    ...options,
    onFile: (file) => {
      files.push(file);
      options.onFile?.(file);
    },
  });
  return { ...result, files };
}

/** Build a folder's articles with the test pipeline, keeping the files of messages (see {@link buildKeepingFiles}). */
export async function buildSite(
  where: { articles: string; outDir: string; cacheDir: string },
  options: Partial<BuildOptions> & { version?: number } = {},
) {
  const { version, ...rest } = options;
  return buildKeepingFiles(await inputsOf(where.articles), {
    outDir: where.outDir,
    cacheDir: where.cacheDir,
    now: '2025-01-01T00:00:00Z',
    threads: 0,
    pipeline: pipelineModule({ version }),
    ...rest,
  });
}
