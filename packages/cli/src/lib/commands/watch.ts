import { access } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import type { Builder, BuildResult } from '@syndikit/build';
import { createBuilder } from '@syndikit/build';
import { escapeControlCharacters } from '@syndikit/core';
import type { FSWatcher } from 'chokidar';
import { exitCodes } from '../errors.js';
import { shownPath } from '../inputs.js';
import type { CliIo } from '../io.js';
import { type Diagnostics, diagnostics, stderrLines } from '../reporter.js';
import type { BuildFlags, BuildJob } from './build.js';
import { prepareBuild, summaryLine } from './build.js';

/** Quiet time after the last file event before a rebuild starts, in milliseconds. */
export const watchDebounce = 150;

/** How often an input that was deleted is looked for again, in milliseconds. */
export const watchGonePoll = 250;

/**
 * `syndikit build --watch`: build once, then rebuild on every change to the
 * inputs or the config file (chokidar events, debounced), printing one
 * summary line per rebuild and the diagnostics of the articles that were
 * converted again. A content error is reported and the watch goes on; so
 * is a broken config (the last good one stays in use until it is fixed).
 * Worker threads and the pipeline stay loaded between rebuilds. An input
 * file or folder that is deleted is reported once and looked for again;
 * the watch rebuilds when it is back. Stops on Ctrl-C (exit 130, like an
 * interrupted build) or SIGTERM (exit 0: a service manager stopping it).
 */
export async function watchBuild(
  first: BuildJob,
  inputs: readonly string[],
  flags: Readonly<BuildFlags>,
  io: CliIo,
  hooks?: Readonly<WatchHooks> | null,
): Promise<number> {
  // Listening before the watch starts and says so: a Ctrl-C right after "watching" must stop it cleanly.
  const stopped = new Promise<'SIGINT' | 'SIGTERM'>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const watch = await startWatch(first, inputs, flags, io, hooks);
  const stoppedBy = await stopped;
  await watch.close();
  return stoppedBy === 'SIGINT' ? exitCodes.interrupted : exitCodes.ok;
}

/** A running watch: {@link startWatch}. */
export interface Watch {
  /** Stop watching, wait for a rebuild under way, stop the worker threads. */
  close(): Promise<void>;
}

/**
 * Build once, then watch and rebuild, until `close()`: `syndikit build
 * --watch` without the signals, for host tools' dev servers.
 */
export async function startWatch(
  first: BuildJob,
  inputs: readonly string[],
  flags: Readonly<BuildFlags>,
  io: CliIo,
  hooks?: Readonly<WatchHooks> | null,
): Promise<Watch> {
  const state: WatchState = {
    hooks: hooks ?? {},
    job: first,
    builder: await createBuilder(first.builder),
    running: undefined,
    again: false,
    configChanged: false,
    timer: undefined,
    watcher: undefined,
    gone: [],
    goneTimer: undefined,
    inputs,
    flags,
    io,
  };
  state.running = rebuild(state, true).finally(() => {
    state.running = undefined;
  });
  await state.running;
  // The watcher may hold no handle at all (its only input deleted): without one of our own, Node would
  // end the process with an unsettled await (exit 13) instead of waiting for the input to come back.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const watcher = await startWatcher(state);
  if (!flags.quiet)
    io.stderr.write(`syndikit: watching ${state.job.inputPaths.map((path) => shownPath(path, io.cwd)).join(', ')} (Ctrl-C to stop)\n`);
  return {
    async close() {
      clearInterval(keepAlive);
      clearInterval(state.goneTimer);
      clearTimeout(state.timer);
      await watcher.close();
      await state.running;
      await state.builder.close();
    },
  };
}

/** What a caller of {@link watchBuild} hears (`syndikit preview --watch` reloads its pages). */
export interface WatchHooks {
  /** After every build that ran, the first included, with the settings it used and all its diagnostics (their files with `keepFiles`). */
  onBuilt?(result: BuildResult, job: BuildJob, diagnostics: Diagnostics): void;
  /** Keep every file of messages of each build for `onBuilt` (`preview`'s index page shows them). Default `false`. */
  keepFiles?: boolean;
}

/** What the watch keeps between rebuilds; every phase below reads and updates it. */
interface WatchState {
  readonly hooks: Readonly<WatchHooks>;
  /** The last good build settings. */
  job: BuildJob;
  builder: Builder;
  /** The rebuild under way, if any. */
  running: Promise<void> | undefined;
  /** A change came in during a rebuild: run another when it ends. */
  again: boolean;
  configChanged: boolean;
  /** The debounce timer. */
  timer: NodeJS.Timeout | undefined;
  watcher: FSWatcher | undefined;
  /** Named inputs found missing, while they are. */
  gone: string[];
  goneTimer: NodeJS.Timeout | undefined;
  readonly inputs: readonly string[];
  readonly flags: Readonly<BuildFlags>;
  readonly io: CliIo;
}

/** Watch the inputs and the config file; resolves once the watcher is ready. */
async function startWatcher(state: WatchState): Promise<FSWatcher> {
  const { job, io } = state;
  const configPath = job.settings.config.path;
  const ignored = [job.outDir, ...(typeof job.builder.cacheDir === 'string' ? [job.builder.cacheDir] : [])];
  const { watch } = await import('chokidar');
  const watcher = watch([...job.inputPaths, ...(configPath ? [configPath] : [])], {
    ignoreInitial: true,
    // The build's own output and cache, editors' dot files and node_modules never trigger a rebuild.
    ignored: (path: string) =>
      ignored.some((folder) => path === folder || path.startsWith(`${folder}${sep}`)) ||
      basename(path).startsWith('.') ||
      path.split(sep).includes('node_modules'),
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
  });
  state.watcher = watcher;
  watcher.on('all', (_event, path) => {
    if (path === configPath) state.configChanged = true;
    schedule(state);
  });
  watcher.on('error', (error) => io.stderr.write(`syndikit: watching failed: ${escapeControlCharacters((error as Error).message)}\n`));
  await new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
  return watcher;
}

/** A rebuild after the quiet time; changes during a rebuild run one more when it ends. */
function schedule(state: WatchState): void {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (state.running) {
      state.again = true;
      return;
    }
    const loop = async () => {
      do {
        state.again = false;
        await rebuild(state, false);
      } while (state.again);
      state.running = undefined;
    };
    state.running = loop();
  }, watchDebounce);
}

/**
 * A named input is gone (a deleted drop folder): building would only fail
 * on every file. Say so once, then look for it until it is back: the
 * watcher stops watching a deleted root and does not see it come back.
 */
function waitForInputs(state: WatchState, missing: string[]): void {
  const { io } = state;
  const newlyGone = missing.filter((path) => !state.gone.includes(path));
  state.gone = missing;
  if (newlyGone.length > 0) {
    const names = newlyGone.map((path) => shownPath(path, io.cwd)).join(', ');
    io.stderr.write(
      `syndikit: ${names} ${newlyGone.length === 1 ? 'is' : 'are'} gone; waiting for ${newlyGone.length === 1 ? 'it' : 'them'} to come back\n`,
    );
  }
  if (state.goneTimer) return;
  state.goneTimer = setInterval(async () => {
    if ((await missingInputs(state.gone)).length > 0) return;
    clearInterval(state.goneTimer);
    state.goneTimer = undefined;
    const back = state.gone;
    state.gone = [];
    state.watcher?.unwatch(back);
    state.watcher?.add(back);
    schedule(state);
  }, watchGonePoll);
}

/** One build: the first in full, later ones after resolving the inputs and config again. */
async function rebuild(state: WatchState, initial: boolean): Promise<void> {
  if (!initial && !(await refreshJob(state))) return;
  const { job, flags, io } = state;
  const converted = new Set<string>();
  // Every message is counted for the summary; a rebuild prints only those of what it converted again (and
  // those not tied to an input file). The build gives an input's messages after its `article` event.
  const all = diagnostics({ cwd: io.cwd, keep: state.hooks.keepFiles ?? false });
  const shown = diagnostics({ cwd: io.cwd, includeInfo: flags.verbose ?? false, print: stderrLines(io) });
  let result: BuildResult;
  try {
    result = await state.builder.build(job.paths, {
      onProgress: (event) => {
        if (event.type === 'article' && !event.cached) converted.add(event.path);
      },
      onFile: (file) => {
        all.add(file);
        if (initial || converted.has(file.path) || !file.path.startsWith('/')) shown.add(file);
      },
    });
  } catch (error) {
    io.stderr.write(`syndikit: the build failed: ${escapeControlCharacters((error as Error).message)}; still watching\n`);
    return;
  }
  all.end();
  shown.end();
  state.hooks.onBuilt?.(result, job, all);
  const shownOut = shownPath(job.outDir, io.cwd);
  if (!result.outputs) {
    io.stderr.write(
      `syndikit: ${result.failed.length} of ${result.total} failed; ${shownOut} was left as it was (fix it, or run with --keep-going); watching\n`,
    );
  } else {
    io.stderr.write(
      `${summaryLine(result, all.counts, shownOut).replace(/^syndikit: built/, initial ? 'syndikit: built' : 'syndikit: rebuilt')}; watching\n`,
    );
  }
}

/**
 * Before a rebuild: false (and wait) while a named input is gone; otherwise
 * resolve the inputs and config again, keeping the last good settings when
 * the config is broken. A new pipeline needs a new builder.
 */
async function refreshJob(state: WatchState): Promise<boolean> {
  const { io } = state;
  const missing = await missingInputs(state.job.inputPaths);
  if (missing.length > 0) {
    waitForInputs(state, missing);
    return false;
  }
  try {
    const next = await prepareBuild(state.inputs, state.flags, io);
    const samePipeline = builderKey(next) === builderKey(state.job);
    if (state.configChanged || !samePipeline) {
      await state.builder.close();
      state.builder = await createBuilder(next.builder);
    }
    state.job = next;
  } catch (error) {
    io.stderr.write(`syndikit: ${escapeControlCharacters((error as Error).message)}; still watching with the last good settings\n`);
    for (const problem of (error as { problems?: string[] }).problems ?? []) io.stderr.write(`  ${escapeControlCharacters(problem)}\n`);
    const job = state.job;
    state.job = { ...job, paths: await job.expand().catch(() => job.paths) };
  }
  state.configChanged = false;
  return true;
}

/** The paths of `paths` that do not exist now. */
async function missingInputs(paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return paths.filter((_, index) => !found[index]);
}

/** What makes two builders alike: their options, with the pipeline standing for itself by its inputs and fingerprint. */
function builderKey(job: BuildJob): string {
  const { pipeline, ...rest } = job.builder;
  const spec = pipeline as { module: URL; options: unknown; created?: { fingerprint?: string } };
  return JSON.stringify({ ...rest, module: String(spec.module), options: spec.options, fingerprint: spec.created?.fingerprint });
}
