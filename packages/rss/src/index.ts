export { atomAdapter, atomEntry, atomTree } from './lib/atom.js';
export { toRfc822 } from './lib/dates.js';
export { rssAdapter, rssItem, rssTree } from './lib/rss.js';
export type { XmlFeedOptions } from './lib/shared.js';
export { shippedStylesheet } from './lib/stylesheet.js';
export { cleanXmlText, cleanXmlTree, escapeHtml } from './lib/xml-text.js';
