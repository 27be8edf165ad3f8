export type { JsonFeed, JsonFeedAttachment, JsonFeedAuthor, JsonFeedItem, JsonFeedOptions } from './lib/jsonfeed.js';
export { jsonFeed, jsonFeedAdapter, jsonFeedItem } from './lib/jsonfeed.js';
