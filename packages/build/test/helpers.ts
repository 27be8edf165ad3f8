import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build } from '@syndikit/build';

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

/** Every file under a folder with its contents, skipping the lock. */
export async function tree(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(folder.length + 1)] = await readFile(path, 'utf8');
  }
  return files;
}

/** The test pipeline as a module (what worker threads load). */
export const pipelineModule = (options: { version?: number; slowMs?: number } = {}) => ({
  module: new URL('./fixtures/pipeline.mjs', import.meta.url),
  options,
});

/** Build a folder's articles with the test pipeline. */
export async function buildSite(
  where: { articles: string; outDir: string; cacheDir: string },
  options: Partial<BuildOptions> & { version?: number } = {},
) {
  const { version, ...rest } = options;
  return build(await inputsOf(where.articles), {
    outDir: where.outDir,
    cacheDir: where.cacheDir,
    now: '2025-01-01T00:00:00Z',
    threads: 0,
    pipeline: pipelineModule({ version }),
    ...rest,
  });
}
