export type { XmlFeedOptions } from '@syndikit/xml-feed';
export { atomAdapter } from './lib/adapter.js';
export { atomEntry, atomText, atomTree } from './lib/atom.js';
export { shippedStylesheet } from './lib/stylesheet.js';
