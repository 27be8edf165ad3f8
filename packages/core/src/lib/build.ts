import { resolve } from 'node:path';
import type { VFile } from 'vfile';
import { type ConvertOptions, type ConvertResult, convert, type InputLike, type ProgressEvent } from './convert.js';
import { lockOutput } from './lock.js';
import { type WriteResult, writeOutputs } from './write.js';

/** Options for {@link build}: those of `convert`, plus where and how to write. */
export interface BuildOptions extends Omit<ConvertOptions, 'onProgress'> {
  /** The output folder. Required. */
  outDir: string;
  /** Called as the build goes on: conversion events, then `write` and `done`. */
  onProgress?: ((event: BuildEvent) => void) | null;
  /** Write what converted even when some inputs failed. Default `false`: with any error nothing is written. */
  keepGoing?: boolean | null;
}

/** Progress of a build: conversion events, then writing. */
export type BuildEvent = ProgressEvent | { type: 'write'; files: number } | { type: 'done'; result: BuildResult };

/** The outcome of {@link build}. */
export interface BuildResult {
  convert: ConvertResult;
  /** What was written; `undefined` when nothing was, because of errors without `keepGoing`. */
  write: WriteResult | undefined;
  /** Inputs that had errors. */
  failed: VFile[];
  /** Whole seconds are not rounded: milliseconds the build took. */
  milliseconds: number;
}

/**
 * Convert inputs and write the outputs to disk: the library API behind
 * `syndikit build`, for build tools. Progress goes to `onProgress`; an
 * `AbortSignal` cancels it between steps, before anything is written.
 * With any content error nothing is written (the previous output stays
 * intact) unless `keepGoing`. While writing, the output folder is locked
 * (`.syndikit.lock`): a second build into it fails with
 * {@link OutputLockedError} instead of interleaving.
 *
 * @example
 * const controller = new AbortController()
 * const result = await build(files, { outDir: 'public', formats: [markdownAdapter()], signal: controller.signal, onProgress: console.log })
 */
export async function build(input: InputLike | readonly InputLike[], options: Readonly<BuildOptions>): Promise<BuildResult> {
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') {
    throw new TypeError(`Expected an output folder as \`outDir\` but received ${JSON.stringify(options?.outDir)}`);
  }
  const started = performance.now();
  const emit = (event: BuildEvent) => options.onProgress?.(event);
  const converted = await convert(input, options);
  let write: WriteResult | undefined;
  if (converted.failed.length === 0 || options.keepGoing) {
    options.signal?.throwIfAborted();
    emit({ type: 'write', files: converted.outputs.length });
    // Two builds into one folder must not interleave: the second fails with a clear message.
    const release = await lockOutput(resolve(options.outDir));
    try {
      write = await writeOutputs(converted.outputs, resolve(options.outDir));
    } finally {
      await release();
    }
  }
  const result: BuildResult = {
    convert: converted,
    write,
    failed: converted.failed,
    milliseconds: Math.round(performance.now() - started),
  };
  emit({ type: 'done', result });
  return result;
}
