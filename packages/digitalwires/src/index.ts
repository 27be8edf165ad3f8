export type { DigitalwiresOptions, DigitalwiresResult } from './lib/digitalwires.js';
export { ingestDigitalwires } from './lib/digitalwires.js';
export { digitalwiresIngester, recognizeDigitalwires, sniffNewsJson } from './lib/ingester.js';
export type { DigitalwiresRuleId } from './lib/rules.js';
export { digitalwiresRules } from './lib/rules.js';
