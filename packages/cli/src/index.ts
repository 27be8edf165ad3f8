export type {
  BuildFromConfigResult,
  BuildOverrides,
  ConfigWatch,
  SyndikitLogger,
  WatchFromConfigOptions,
} from './lib/api.js';
export { buildFromConfig, convertOptions, watchFromConfig } from './lib/api.js';
export type {
  BuiltinFormatName,
  BuiltinFormatOptions,
  ConfigPlugins,
  LoadConfigOptions,
  LoadedConfig,
  TypedUserConfig,
  UserConfig,
} from './lib/config.js';
export { configFileNames, configSchema, defineConfig, loadConfig, validateConfig } from './lib/config.js';
export type { DevSyndication, ServeFromConfigOptions } from './lib/dev-server.js';
export { serveFromConfig } from './lib/dev-server.js';
export { exitCodes, UsageError } from './lib/errors.js';
export { builtinFormats, createFormatRegistry, defaultFormats, defaultFormatsFor, siteUrlFormats } from './lib/formats.js';
export type { CliIo } from './lib/io.js';
export { run } from './lib/program.js';
