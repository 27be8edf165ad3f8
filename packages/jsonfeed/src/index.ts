export { jsonFeedAdapter } from './lib/adapter.js';
export type { JsonFeed, JsonFeedAttachment, JsonFeedAuthor, JsonFeedItem, JsonFeedOptions } from './lib/jsonfeed.js';
export { jsonFeed, jsonFeedItem } from './lib/jsonfeed.js';
