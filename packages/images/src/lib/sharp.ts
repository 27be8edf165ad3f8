/**
 * sharp, loaded on first use. It is native (libvips) and the largest part of
 * an install (about 18 of the 77 MiB of a CLI install), so it is an optional
 * dependency: an install with `--omit=optional`, or on a platform sharp has
 * no build for, still gets every text format. Nothing loads sharp until an
 * image is processed, so consumers who never touch images never load it, and
 * those who do get one clear message when it is missing.
 */
/** sharp's default export: `sharp(input, options)`. */
export type SharpFactory = typeof import('sharp');

let sharpModule: Promise<SharpFactory> | undefined;

/** What to tell someone whose install lacks sharp, with the loader's own reason. */
function missingMessage(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return (
    `The images format needs sharp, which could not be loaded (${reason}). Install it next to syndikit: npm install sharp. ` +
    `It is an optional dependency of @syndikit/images, left out by --omit=optional (pnpm: --no-optional) and on platforms sharp has no build for (${process.platform}-${process.arch}).`
  );
}

/** sharp's default export; rejects with {@link missingMessage} when sharp cannot be loaded. */
export function loadSharp(): Promise<SharpFactory> {
  sharpModule ??= import('sharp').then(
    (module) => (module as unknown as { default: SharpFactory }).default,
    (error: unknown) => {
      throw new Error(missingMessage(error), { cause: error });
    },
  );
  return sharpModule;
}

/**
 * Why the images format cannot run here (sharp missing or not loadable for
 * this platform), or `undefined` when it can. Loads sharp: call it only when
 * images are wanted. The `syndikit` command asks it before any work when
 * `images` is among the formats, and makes the answer a usage error.
 */
export async function sharpProblem(): Promise<string | undefined> {
  try {
    await loadSharp();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
