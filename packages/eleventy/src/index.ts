export type { EleventyConfigLike, SyndikitEleventyOptions } from './lib/plugin.js';
export { syndikit as default, syndikit } from './lib/plugin.js';
