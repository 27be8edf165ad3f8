export type { DigitalwiresOptions, DigitalwiresResult } from './lib/digitalwires.js';
export { digitalwiresIngester, ingestDigitalwires, recognizeDigitalwires, sniffNewsJson } from './lib/digitalwires.js';
export type { DigitalwiresRuleId } from './lib/rules.js';
export { digitalwiresRules } from './lib/rules.js';
