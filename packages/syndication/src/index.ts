export type { FeedImage, FeedItem } from './lib/items.js';
export { feedImage, feedItem, lazyFeedItem } from './lib/items.js';
export type { FeedOptions, ResolvedFeedOptions } from './lib/options.js';
export { defaultFeedOptions, resolveFeedOptions } from './lib/options.js';
export type { FeedPlan } from './lib/plan.js';
export { planFeeds } from './lib/plan.js';
export { feedRules } from './lib/rules.js';
export { selectFeedArticles } from './lib/select.js';
