export { ninjsAdapter } from './lib/adapter.js';
export { ingestNinjs } from './lib/ingest.js';
export type { NinjsIngestOptions } from './lib/ingester.js';
export { defaultMaxPictures, ninjsIngester } from './lib/ingester.js';
export type { NinjsItem, NinjsOptions, NinjsRendition } from './lib/ninjs.js';
export { articleToNinjs, asUri, ninjsStandard } from './lib/ninjs.js';
export { ninjsRules } from './lib/rules.js';
export type { NinjsVersion } from './lib/version.js';
export { detectNinjsVersion } from './lib/version.js';
