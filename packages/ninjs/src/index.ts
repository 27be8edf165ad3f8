export type { NinjsIngestOptions } from './lib/ingest.js';
export { defaultMaxPictures, ingestNinjs, ninjsIngester } from './lib/ingest.js';
export type { NinjsItem, NinjsOptions, NinjsRendition } from './lib/ninjs.js';
export { articleToNinjs, asUri, ninjsAdapter, ninjsStandard } from './lib/ninjs.js';
export { ninjsRules } from './lib/rules.js';
export type { NinjsVersion } from './lib/version.js';
export { detectNinjsVersion } from './lib/version.js';
