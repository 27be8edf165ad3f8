import { join, resolve } from 'node:path';
import { type BuilderOptions, type BuildResult, createBuilder } from '@syndikit/build';
import type { LoadedConfig } from '../config.js';
import { exitCodes, UsageError } from '../errors.js';
import { commonFolder, expandInputs, shownPath } from '../inputs.js';
import type { CliIo } from '../io.js';
import { checkBuildPaths } from '../paths.js';
import { type CliPipelineOptions, pipelineFromSettings } from '../pipeline.js';
import { progressMode, progressReporter } from '../progress.js';
import { type DiagnosticCounts, type Diagnostics, diagnostics, stderrLines } from '../reporter.js';
import { type CommonFlags, resolveSettings, type Settings } from '../settings.js';

/** Flags of `syndikit build`. */
export interface BuildFlags extends CommonFlags {
  out?: string;
  keepGoing?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  watch?: boolean;
  cacheDir?: string;
  /** `false` with `--no-cache`. */
  cache?: boolean;
  threads?: string;
}

/** Everything a build run needs, resolved from the flags and the config. */
export interface BuildJob {
  settings: Settings;
  outDir: string;
  /** Input files now (folders expanded). */
  paths: string[];
  /** Expand the inputs again (watch mode: files come and go). */
  expand(): Promise<string[]>;
  /** What `syndikit build` names on the command line or in the config: files and folders. */
  inputPaths: string[];
  builder: BuilderOptions;
}

/**
 * `syndikit build [inputs…]`: convert every input to every format and write
 * the outputs under `--out`, through the cache in `--cache-dir`. With any
 * content error the output folder is not touched, unless `--keep-going`,
 * which writes what converted. Exit code 1 either way.
 */
export async function buildCommand(inputs: readonly string[], flags: Readonly<BuildFlags>, io: CliIo): Promise<number> {
  const job = await prepareBuild(inputs, flags, io);
  for (const warning of job.settings.warnings) io.stderr.write(`syndikit: warning: ${warning}\n`);
  if (!flags.quiet && !flags.json) for (const note of job.settings.notes) io.stderr.write(`syndikit: ${note}\n`);
  if (flags.watch) {
    const { watchBuild } = await import('./watch.js');
    return watchBuild(job, inputs, flags, io);
  }

  const mode = progressMode(flags, io);
  const builder = await createBuilder(job.builder);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  // Printed as the build hands each article's messages over (none with --json: the `done` event has the counts).
  const report = diagnostics({
    cwd: io.cwd,
    includeInfo: flags.verbose ?? false,
    print: mode === 'json' ? null : stderrLines(io, mode === 'tty'),
  });
  let result: BuildResult;
  try {
    result = await builder.build(job.paths, {
      signal: controller.signal,
      onProgress: progressReporter(mode, io, report.counts),
      onFile: report.add,
    });
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr.write(`\nsyndikit: interrupted; ${shownPath(job.outDir, io.cwd)} was left as it was\n`);
      return exitCodes.interrupted;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
    await builder.close();
  }
  if (mode === 'json') return result.failed.length > 0 ? exitCodes.contentErrors : exitCodes.ok;
  report.end();
  return reportBuild(result, report.counts, job, flags, io);
}

/**
 * One build of a prepared job, no progress and no signal handling (the
 * library's `buildFromConfig` and `preview`'s first build): build, printing
 * the diagnostics as they come, close the builder, print the summary;
 * resolves with the result, its diagnostics (their files too with `keep`,
 * for `preview`'s index page) and the exit code the summary implies.
 */
export async function buildOnce(
  job: BuildJob,
  flags: Readonly<BuildFlags>,
  io: CliIo,
  keep = false,
): Promise<{ result: BuildResult; diagnostics: Diagnostics; exitCode: number }> {
  const builder = await createBuilder(job.builder);
  const report = diagnostics({ cwd: io.cwd, includeInfo: flags.verbose ?? false, print: stderrLines(io), keep });
  let result: BuildResult;
  try {
    result = await builder.build(job.paths, { onFile: report.add });
  } finally {
    await builder.close();
  }
  report.end();
  return { result, diagnostics: report, exitCode: reportBuild(result, report.counts, job, flags, io) };
}

/** Resolve settings, inputs, output folder and builder options; usage mistakes throw {@link UsageError}. */
export async function prepareBuild(
  inputs: readonly string[],
  flags: Readonly<BuildFlags>,
  io: CliIo,
  preloaded?: LoadedConfig,
): Promise<BuildJob> {
  const settings = await resolveSettings(flags, io, inputs, preloaded);
  const { config } = settings;
  // At a site root, the site's content folders are the inputs.
  const inputPaths = settings.site?.useContentDirs
    ? settings.site.site.contentDirs
    : inputs.length > 0
      ? inputs.map((input) => resolve(io.cwd, input))
      : config.inputs;
  if (inputPaths.length === 0) {
    throw new UsageError('No inputs: name files or folders, or list `inputs:` in the config file');
  }
  const outDir = flags.out ? resolve(io.cwd, flags.out) : (config.out ?? resolve(io.cwd, 'out'));
  const extensions = [...new Set(settings.ingesters.flatMap((ingester) => ingester.extensions))];
  const cacheDir =
    flags.cache === false
      ? false
      : flags.cacheDir
        ? resolve(io.cwd, flags.cacheDir)
        : (config.cacheDir ?? resolve(io.cwd, '.syndikit-cache'));
  // Before any work: no overlap of inputs, output and cache, and an --out that can be a folder.
  await checkBuildPaths({ inputs: inputPaths, outDir, cacheDir, cwd: io.cwd });
  // The config file is never an article (a syndikit.config.json in an input folder would read as ninjs).
  const exclude = [outDir, ...(cacheDir ? [cacheDir] : []), ...(config.path ? [config.path] : [])];
  const extensionless = settings.ingesters.some((ingester) => ingester.recognize);
  const expand = () => expandInputs(inputPaths, { extensions, exclude, cwd: io.cwd, extensionless });
  const paths = await expand();
  if (paths.length === 0 && !flags.watch) {
    throw new UsageError(
      `No articles found in ${inputPaths.map((path) => shownPath(path, io.cwd)).join(', ')} (looked for ${extensions.join(', ')})`,
    );
  }
  // With no article yet (a watched, empty folder), the folders named stand for the files to come.
  const anchors = paths.length > 0 ? paths : inputPaths.map((folder) => join(folder, 'article'));
  const root = config.root ?? commonFolder(anchors, io.cwd);
  const pipelineOptions: CliPipelineOptions = { flags: commonFlagsOf(flags), cwd: io.cwd, inputs: [...inputs], root };
  const builder: BuilderOptions = {
    outDir,
    pipeline: {
      module: new URL('../pipeline.js', import.meta.url),
      options: pipelineOptions,
      created: pipelineFromSettings(settings, root),
    },
    cacheDir,
    threads: parseThreads(flags.threads),
    cwd: io.cwd,
    keepGoing: flags.keepGoing ?? config.keepGoing,
  };
  return { settings, outDir, paths, expand, inputPaths, builder };
}

/** Only the flags that shape the pipeline, as plain data for the worker threads. */
function commonFlagsOf(flags: Readonly<CommonFlags>): CommonFlags {
  const { config, formats, siteUrl, siteTitle, root, timeZone, now, drafts, future, strict } = flags;
  return JSON.parse(JSON.stringify({ config, formats, siteUrl, siteTitle, root, timeZone, now, drafts, future, strict })) as CommonFlags;
}

/** `--threads`: `auto` or a whole number (0: convert in the main thread). */
export function parseThreads(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) throw new UsageError(`Expected \`auto\` or a whole number for --threads but received ${JSON.stringify(value)}`);
  return Number.parseInt(value, 10);
}

/** Print the summary of a finished build and choose the exit code. */
export function reportBuild(
  result: BuildResult,
  counts: Readonly<DiagnosticCounts>,
  job: Pick<BuildJob, 'outDir'>,
  flags: Readonly<BuildFlags>,
  io: CliIo,
): number {
  const shownOut = shownPath(job.outDir, io.cwd);
  if (!result.outputs) {
    io.stderr.write(
      `syndikit: ${result.failed.length} of ${result.total} input${result.total === 1 ? '' : 's'} failed; nothing was written to ${shownOut} (use --keep-going to write the rest)\n`,
    );
    return exitCodes.contentErrors;
  }
  if (!flags.quiet) io.stderr.write(`${summaryLine(result, counts, shownOut)}\n`);
  if (result.failed.length > 0) {
    io.stderr.write(`syndikit: not converted: ${result.failed.map((file) => shownPath(file.path, io.cwd)).join(', ')}\n`);
    return exitCodes.contentErrors;
  }
  return exitCodes.ok;
}

/** One line: articles, outputs per format, what was written, cache use, messages (as printed), time. */
export function summaryLine(result: BuildResult, counts: Readonly<DiagnosticCounts>, shownOut: string): string {
  const outputs = result.outputs;
  const { errors, warnings } = counts;
  const formats = outputs
    ? Object.entries(outputs.byFormat)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')
    : '';
  const written = outputs
    ? `${outputs.written.length} written, ${outputs.unchanged} unchanged${outputs.removed.length > 0 ? `, ${outputs.removed.length} removed` : ''}`
    : 'nothing written';
  const cache = `${result.cache.hits} from cache, ${result.cache.misses} converted${result.threads > 0 ? ` on ${result.threads} threads` : ''}`;
  return `syndikit: built ${result.articles} of ${result.total} article${result.total === 1 ? '' : 's'} into ${shownOut} (${formats || 'no outputs'}; ${written}; ${cache}; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${(result.milliseconds / 1000).toFixed(1)} s`;
}
