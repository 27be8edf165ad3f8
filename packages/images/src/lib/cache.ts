import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CropFile, ImageFacts, ProcessedImage, RenditionFile } from './process.js';

/** Bumped whenever what the cache stores changes; entries from other versions are ignored. */
const cacheVersion = 3;

interface Manifest {
  version: number;
  /** The entry's own key (its folder name): a manifest moved to another folder is not trusted there. */
  key: string;
  facts: ImageFacts;
  renditions: Array<Omit<RenditionFile, 'bytes'> & { file: string; size: number; sha256: string }>;
  /** The lead photo's crops (none for other images), checked like the renditions. */
  crops: Array<Omit<CropFile, 'bytes'> & { file: string; size: number; sha256: string }>;
}

/**
 * A persistent, content-addressed cache of processed images, safe to keep
 * between CI runs: one folder per key (source bytes + every option that
 * changes the output), holding the renditions and a manifest written last.
 * Nothing read back is trusted unchecked: the manifest and the source index
 * are {@link seal}ed with a SHA-256 of their content, a manifest names its
 * own key, and every rendition's size and SHA-256 are compared with the
 * manifest. An entry from another version, edited by hand, moved, with a
 * missing file or with bytes that do not match (a corrupt or interrupted
 * write) is a miss and is made again. Per adapter instance, never a module
 * global.
 */
export class ImageCache {
  /** Source hashes by real path, size, modification time and inode, so an unchanged source is not read again. */
  private sources: Map<string, { size: number; mtimeMs: number; ino: number; hash: string }> | undefined;
  private sourcesChanged = false;

  constructor(private readonly dir: string | false) {}

  /** The recorded hash of a source file, when its size, time and inode are unchanged. */
  async knownHash(path: string, stats: { size: number; mtimeMs: number; ino: number }): Promise<string | undefined> {
    if (!this.dir) return undefined;
    if (!this.sources) {
      this.sources = new Map();
      // No index yet, or a broken or edited one: every source is hashed again.
      const saved = unseal(await readFile(join(this.dir, 'sources.json'), 'utf8').catch(() => '')) as {
        version?: number;
        entries?: Array<[string, { size: number; mtimeMs: number; ino: number; hash: string }]>;
      } | null;
      if (saved?.version === cacheVersion && Array.isArray(saved.entries)) this.sources = new Map(saved.entries);
    }
    const entry = this.sources.get(path);
    return entry && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino ? entry.hash : undefined;
  }

  /** Remember a source file's hash (saved by {@link saveIndex}). */
  rememberHash(path: string, stats: { size: number; mtimeMs: number; ino: number }, hash: string): void {
    if (!this.dir) return;
    this.sources ??= new Map();
    this.sources.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, hash });
    this.sourcesChanged = true;
  }

  /** Write the source index, if it changed. */
  async saveIndex(): Promise<void> {
    if (!this.dir || !this.sources || !this.sourcesChanged) return;
    await mkdir(this.dir, { recursive: true });
    const entries = [...this.sources].sort(([a], [b]) => (a < b ? -1 : 1));
    await atomicWrite(join(this.dir, 'sources.json'), seal({ version: cacheVersion, entries }));
    this.sourcesChanged = false;
  }

  /** The cached image for `key`, or `undefined`. */
  async get(key: string): Promise<ProcessedImage | undefined> {
    if (!this.dir) return undefined;
    const folder = join(this.dir, key);
    const manifest = unseal(await readFile(join(folder, 'manifest.json'), 'utf8').catch(() => '')) as Manifest | null;
    if (
      !manifest ||
      manifest.version !== cacheVersion ||
      manifest.key !== key ||
      !Array.isArray(manifest.renditions) ||
      !Array.isArray(manifest.crops)
    )
      return undefined;
    const renditions: RenditionFile[] = [];
    for (const entry of manifest.renditions) {
      const bytes = await checkedFile(folder, entry);
      if (!bytes) return undefined;
      renditions.push({ path: entry.path, width: entry.width, height: entry.height, mediaType: entry.mediaType, bytes });
    }
    const crops: CropFile[] = [];
    for (const entry of manifest.crops) {
      const bytes = await checkedFile(folder, entry);
      if (!bytes) return undefined;
      crops.push({
        path: entry.path,
        width: entry.width,
        height: entry.height,
        mediaType: entry.mediaType,
        aspectRatio: entry.aspectRatio,
        bytes,
      });
    }
    return { facts: manifest.facts, renditions, crops };
  }

  /** Store an image; each file is written to a temporary name and renamed, the manifest last. */
  async put(key: string, image: ProcessedImage): Promise<void> {
    if (!this.dir) return;
    const folder = join(this.dir, key);
    await mkdir(folder, { recursive: true });
    const manifest: Manifest = { version: cacheVersion, key, facts: image.facts, renditions: [], crops: [] };
    for (const rendition of image.renditions) manifest.renditions.push(await storeFile(folder, rendition));
    for (const crop of image.crops) manifest.crops.push({ ...(await storeFile(folder, crop)), aspectRatio: crop.aspectRatio });
    await atomicWrite(join(folder, 'manifest.json'), seal(manifest));
  }
}

/** Write one file of an entry; what the manifest records of it. */
async function storeFile(folder: string, rendition: RenditionFile): Promise<Manifest['renditions'][number]> {
  const file = rendition.path.split('/').pop() as string;
  await atomicWrite(join(folder, file), rendition.bytes);
  return {
    path: rendition.path,
    width: rendition.width,
    height: rendition.height,
    mediaType: rendition.mediaType,
    file,
    size: rendition.bytes.byteLength,
    sha256: sha256(rendition.bytes),
  };
}

/** The bytes of an entry's file when its size and SHA-256 are what the manifest says, else `undefined`. */
async function checkedFile(folder: string, entry: { file: string; size: number; sha256: string }): Promise<Buffer | undefined> {
  const bytes = await readFile(join(folder, entry.file)).catch(() => undefined);
  return bytes && bytes.byteLength === entry.size && sha256(bytes) === entry.sha256 ? bytes : undefined;
}

/**
 * A JSON document with its SHA-256 on the first line, so that an edit by
 * hand, a bit flip or a torn write is noticed: `<sha256 of the rest>\n<json>`.
 */
export function seal(value: unknown): string {
  const body = JSON.stringify(value);
  return `${sha256(Buffer.from(body))}\n${body}`;
}

/** The value of a {@link seal}ed document, or `null` when its checksum does not match (or it is no such document). */
export function unseal(text: string): unknown {
  const newline = text.indexOf('\n');
  if (newline !== 64) return null;
  const body = text.slice(newline + 1);
  if (sha256(Buffer.from(body)) !== text.slice(0, newline)) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function atomicWrite(path: string, contents: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
