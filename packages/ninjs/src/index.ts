export type { NinjsItem, NinjsOptions, NinjsRendition } from './lib/ninjs.js';
export { articleToNinjs, ninjsAdapter, ninjsStandard } from './lib/ninjs.js';
