export type {
  BuildCacheStats,
  BuildEvent,
  Builder,
  BuilderOptions,
  BuildMessageCounts,
  BuildOptions,
  BuildOutputs,
  BuildResult,
  BuildRunOptions,
} from './lib/build.js';
export { autoThreadsFrom, build, createBuilder } from './lib/build.js';
export type { EnvironmentCode } from './lib/errors.js';
export { EnvironmentError, environmentErrorOf } from './lib/errors.js';
export { stagingFolderName } from './lib/folder.js';
export type { OutputLock } from './lib/lock.js';
export { defaultLockStaleMs, lockOutput } from './lib/lock.js';
export { manifestFileName } from './lib/manifest.js';
export type { StoredMessage } from './lib/messages.js';
export type { CreatedPipeline, PipelineModule } from './lib/pipeline.js';
export { buildRules } from './lib/rules.js';
