export type { BodyReporter, NitfMedia } from './lib/body.js';
export { hastToBody, nitfHandlers, nitfToBody, readMedia } from './lib/body.js';
export { nitfIngester, recognizeNitf } from './lib/ingester.js';
export type { NitfIngestOptions, NitfReadResult } from './lib/nitf.js';
export { extendedDate, ingestNitf, openingDateline, readNitf } from './lib/nitf.js';
export type { NitfRuleId } from './lib/rules.js';
export { nitfRules } from './lib/rules.js';
