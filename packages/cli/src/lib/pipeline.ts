import type { CreatedPipeline } from '@syndikit/build';
import { fingerprint } from '@syndikit/core';
import { packageVersion as version } from '../generated/package.js';
import { type CommonFlags, resolveSettings, type Settings } from './settings.js';

/** What `syndikit build` hands every worker thread: enough to make the same pipeline again. */
export interface CliPipelineOptions {
  flags: CommonFlags;
  cwd: string;
  inputs: string[];
  /** The content root the build settled on. */
  root: string;
}

/**
 * The pipeline module of `syndikit build`: each worker thread imports this
 * file and calls it with the same options, so it loads the same config and
 * creates the same adapters (a config's adapters and plugins are code and
 * cannot be sent to a thread). The fingerprint stands for the resolved
 * config (minus what does not change an article: where it was read from,
 * inputs, output folder, cache, `now`), so editing the config invalidates the cache.
 */
export async function createPipeline(options: CliPipelineOptions): Promise<CreatedPipeline> {
  return pipelineFromSettings(await resolveSettings(options.flags, { cwd: options.cwd }, options.inputs), options.root);
}

/** The pipeline for settings already resolved (the main thread has them; workers resolve their own). */
export function pipelineFromSettings(settings: Settings, root: string): CreatedPipeline {
  const {
    path: _path,
    cwd: _cwd,
    warnings: _warnings,
    inputs: _inputs,
    out: _out,
    keepGoing: _keepGoing,
    now: _now,
    cacheDir: _cacheDir,
    ...config
  } = settings.config;
  return {
    ...settings.convert,
    root,
    // Flags are already folded into the settings (formats, site, root, time zone); the engine keys those itself.
    // `strict` changes what the image reader does, which its source text (part of the key) does not show.
    fingerprint: fingerprint({ cli: version, config, formats: settings.formats, strict: settings.strict }),
  };
}
