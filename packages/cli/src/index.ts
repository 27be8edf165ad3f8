export type { ConfigPlugins, LoadedConfig, UserConfig } from './lib/config.js';
export { configFileNames, configSchema, defineConfig, loadConfig, validateConfig } from './lib/config.js';
export { exitCodes, UsageError } from './lib/errors.js';
export { builtinFormats, createFormatRegistry, defaultFormats } from './lib/formats.js';
export type { CliIo } from './lib/io.js';
export { run } from './lib/program.js';
