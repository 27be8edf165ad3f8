export type { XmlFeedFormat, XmlFeedOptions, XmlFeedWriter } from './lib/adapter.js';
export { relativeToRoot, xmlFeedAdapter } from './lib/adapter.js';
export { categoriesOf, feedImages, generator, mediaContent, stylesheetInstruction } from './lib/elements.js';
export { xmlFeedRules } from './lib/rules.js';
export { itemNode, serialize, serializeElement } from './lib/serialize.js';
export { cleanChannel, cleanItem, cleanXmlText, cleanXmlTree, escapeHtml } from './lib/xml-text.js';
