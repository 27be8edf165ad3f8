export type { AstroIntegrationLike, SyndikitAstroOptions } from './lib/integration.js';
export { syndikit as default, syndikit } from './lib/integration.js';
