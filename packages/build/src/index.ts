export type {
  BuildCacheStats,
  BuildEvent,
  Builder,
  BuilderOptions,
  BuildOptions,
  BuildOutputs,
  BuildResult,
  BuildRunOptions,
} from './lib/build.js';
export { autoThreadsFrom, build, createBuilder, stagingFolderName } from './lib/build.js';
export type { StoredMessage } from './lib/messages.js';
export type { CreatedPipeline, PipelineModule } from './lib/pipeline.js';
