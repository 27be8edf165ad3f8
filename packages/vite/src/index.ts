export type { SyndikitViteOptions, VitePluginLike } from './lib/plugin.js';
export { syndikit as default, syndikit } from './lib/plugin.js';
