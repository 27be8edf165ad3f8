import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * A pack: everything one article's conversion produced (the article itself
 * as JSON, then each output file), in one cache file, so a cold build writes
 * one cache file per article rather than one per output. Written by hand:
 * no small library stores length-prefixed parts with a checksum.
 *
 * Layout: one line of JSON `{"v":1,"parts":[[name, byteLength], …]}`, then
 * the parts' bytes back to back. The file is named by the SHA-256 of its
 * whole contents, which is checked on every read: a truncated, corrupt or
 * half-written pack is refused, never trusted.
 */
export interface PackPart {
  name: string;
  bytes: Uint8Array;
}

const packVersion = 1;

/** Where a pack with this id lives under the packs folder. */
export function packPath(packsDir: string, id: string): string {
  return join(packsDir, id.slice(0, 2), `${id}.pack`);
}

/** Write parts as a pack (atomically: a temporary file renamed into place; synchronously, see `runTask`); returns its id. */
export function writePack(packsDir: string, parts: readonly PackPart[]): string {
  const header = Buffer.from(`${JSON.stringify({ v: packVersion, parts: parts.map((part) => [part.name, part.bytes.byteLength]) })}\n`);
  const hash = createHash('sha256').update(header);
  for (const part of parts) hash.update(part.bytes);
  const id = hash.digest('hex');
  const path = packPath(packsDir, id);
  // Unique among this process's threads by the thread and a count, among processes by the process id.
  const temporary = `${path}.${process.pid}-${threadId}-${++written}.tmp`;
  try {
    writeInFolder(temporary, Buffer.concat([header, ...parts.map((part) => part.bytes)]));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return id;
}

/** Packs this thread has written: part of a temporary file's name. */
let written = 0;

/**
 * Write a file, making its folder only when the write says it is missing:
 * a build writes thousands of files into a few hundred folders, and a
 * `mkdir` before each write cost more than the write (a system call that
 * fails with EEXIST nearly every time).
 */
export function writeInFolder(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
}

/** Read a pack's parts by name, or `undefined` when it is missing or does not match its id. */
export async function readPack(packsDir: string, id: string): Promise<Map<string, Buffer> | undefined> {
  const bytes = await readFile(packPath(packsDir, id)).catch(() => undefined);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== id) return undefined;
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  let header: { v?: unknown; parts?: unknown };
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
  } catch {
    return undefined;
  }
  if (header.v !== packVersion || !Array.isArray(header.parts)) return undefined;
  const parts = new Map<string, Buffer>();
  let offset = newline + 1;
  for (const [name, length] of header.parts as Array<[string, number]>) {
    parts.set(name, bytes.subarray(offset, offset + length));
    offset += length;
  }
  return offset === bytes.byteLength ? parts : undefined;
}
