export type { XmlFeedOptions } from '@syndikit/xml-feed';
export { toRfc822 } from './lib/dates.js';
export { rssAdapter, rssItem, rssTree } from './lib/rss.js';
export { rssRules } from './lib/rules.js';
export { shippedStylesheet } from './lib/stylesheet.js';
