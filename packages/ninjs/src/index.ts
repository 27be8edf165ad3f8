export type { NinjsItem, NinjsOptions, NinjsRendition } from './lib/ninjs.js';
export { articleToNinjs, asUri, ninjsAdapter, ninjsStandard } from './lib/ninjs.js';
