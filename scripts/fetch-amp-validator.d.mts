/** Path of the cached AMP validator engine. */
export const enginePath: string;
/** The Next.js version whose package carries the engine. */
export const nextVersion: string;
/** Fetch the engine into the cache if it is not there; returns its path. */
export function fetchAmpValidator(): string;
