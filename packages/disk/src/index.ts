export type { ImageFactsOptions } from './lib/image-facts.js';
export { imageFactsReader, readImageFacts } from './lib/image-facts.js';
export type { WriteResult } from './lib/write.js';
export { safeTarget, safeTargetSync, UnsafeOutputPathError, writeOutputs } from './lib/write.js';
