export type { XmlFeedOptions } from '@syndikit/xml-feed';
export { atomAdapter, atomEntry, atomText, atomTree } from './lib/atom.js';
export { shippedStylesheet } from './lib/stylesheet.js';
