export type { SafeXmlOptions, SafeXmlResult, XmlProblem } from './lib/parse.js';
export { defaultSafeXmlOptions, parseSafeXml, reportXmlProblems } from './lib/parse.js';
export type { XmlRuleId } from './lib/rules.js';
export { xmlRules } from './lib/rules.js';
export type { ScanResult } from './lib/scan.js';
export { scanXml } from './lib/scan.js';
export type { XmlKind, XmlSniff } from './lib/sniff.js';
export { newsNamespaces, sniffXml } from './lib/sniff.js';
export { attribute, descendants, element, elements, languageOf, localName, path, rawText, rootElement, text } from './lib/tree.js';
