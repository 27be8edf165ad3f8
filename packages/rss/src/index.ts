export type { XmlFeedOptions } from '@syndikit/xml-feed';
export { rssAdapter } from './lib/adapter.js';
export { toRfc822 } from './lib/dates.js';
export { rssItem, rssTree } from './lib/rss.js';
export { rssRules } from './lib/rules.js';
export { shippedStylesheet } from './lib/stylesheet.js';
