export { embedSource, embedsToLinks } from './lib/embeds.js';
export { figureHandler } from './lib/figure.js';
export { articleSchema, safeProtocols } from './lib/schema.js';
export { hastToHtml, hastToText, summarize } from './lib/text.js';
export type { BodyToHastOptions, HastTransform } from './lib/to-hast.js';
export { bodyToHast, defaultHandlers, estimateHtmlDepth } from './lib/to-hast.js';
export type { Reporter } from './lib/unsafe.js';
export { isSafeUrl, reportUnsafe } from './lib/unsafe.js';
export { absolutizeUrls, walkElements } from './lib/urls.js';
