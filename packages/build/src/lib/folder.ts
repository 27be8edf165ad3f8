import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lockFileName, report } from '@syndikit/core';
import { VFile } from 'vfile';
import type { CacheIndex } from './cache.js';
import { EnvironmentError, translateEnvironment } from './errors.js';
import { gateName, ownerSuffix } from './lock.js';
import { type ManifestFile, manifestFileName, readManifest, removeManifestTemporaries } from './manifest.js';
import { buildRules } from './rules.js';

/** The folder in the output folder where a running build stages what it writes (a dot folder: never read as input). */
export const stagingFolderName = '.syndikit-staging';

/** Names syndikit keeps in the output folder for itself: not outputs, never listed or removed as such. */
const ownNames = new Set([lockFileName, gateName, `${lockFileName}${ownerSuffix}`, stagingFolderName, manifestFileName]);

/**
 * Make sure `outDir` can be an output folder, and make it: not the root of
 * a file system (a build removes what it no longer produces there), not a
 * file, not under a file, writable.
 *
 * @throws {EnvironmentError} saying which and what to do.
 */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  if (dirname(outDir) === outDir) {
    throw new EnvironmentError(
      'ROOT_FOLDER',
      outDir,
      `Refusing to build into ${outDir}, the root of the file system: a build owns its output folder (it removes outputs it no longer produces). Give --out a folder of its own`,
    );
  }
  const stats = await stat(outDir).catch(() => undefined);
  if (stats && !stats.isDirectory()) {
    throw new EnvironmentError(
      'NOT_A_FOLDER',
      outDir,
      `The output folder ${outDir} is a file, not a folder: remove it or give --out another path`,
    );
  }
  await translateEnvironment(() => mkdir(outDir, { recursive: true }), outDir);
}

/** Which files in the output folder syndikit wrote, as far as it can tell. */
export interface OwnedFiles {
  /** By output path; `pending` ones are removed only when their bytes are still the listed ones. */
  files: Map<string, ManifestFile>;
  /** The checksum of the manifest as read (`undefined` without a valid one). */
  manifestChecksum: string | undefined;
  /** A warning about the manifest (missing with other files around, or corrupt), on a file named after it. */
  file: VFile | undefined;
}

/**
 * The files syndikit wrote in `outDir`: the manifest's list. Without a
 * manifest to trust, the cache index's records stand in — each one only
 * if the file still holds the bytes syndikit wrote (`pending`) — and a
 * warning says so when the folder holds anything: files no list names
 * are never removed.
 */
export async function ownedFiles(outDir: string, index: Readonly<CacheIndex>): Promise<OwnedFiles> {
  const path = join(outDir, manifestFileName);
  // A build killed while writing the manifest left its temporary file (the manifest itself is replaced by a rename, whole or not at all).
  await translateEnvironment(() => removeManifestTemporaries(outDir), outDir);
  const read = await translateEnvironment(() => readManifest(outDir), path);
  if ('files' in read) {
    return { files: read.files, manifestChecksum: read.checksum, file: undefined };
  }
  const files = new Map<string, ManifestFile>();
  for (const [output, record] of Object.entries(index.outputs)) files.set(output, { hash: record[0], size: record[1], pending: true });
  let file: VFile | undefined;
  if (read.problem === 'corrupt') {
    file = new VFile({ path });
    report(
      file,
      'warning',
      `The manifest of what syndikit wrote in this folder is corrupt and was not trusted; only files the cache knows syndikit wrote (with their bytes unchanged) were removed. ${buildRules.manifestCorrupt.hint}`,
      buildRules.manifestCorrupt,
    );
  } else {
    const names = await readdir(outDir).catch(() => [] as string[]);
    if (names.some((name) => !ownNames.has(name))) {
      file = new VFile({ path });
      report(
        file,
        'warning',
        `The output folder holds files but no manifest of what syndikit wrote there (${manifestFileName}); ${files.size > 0 ? 'only files the cache knows syndikit wrote may be removed, and ' : ''}files not produced by this build were left alone. ${buildRules.manifestMissing.hint}`,
        buildRules.manifestMissing,
      );
    }
  }
  return { files, manifestChecksum: undefined, file };
}
