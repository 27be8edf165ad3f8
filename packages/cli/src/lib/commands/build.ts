import { resolve } from 'node:path';
import { build } from '@syndikit/core';
import { exitCodes, UsageError } from '../errors.js';
import { commonFolder, expandInputs, readInputs, shownPath } from '../inputs.js';
import type { CliIo } from '../io.js';
import { progressMode, progressReporter } from '../progress.js';
import { countMessages, formatDiagnostics } from '../reporter.js';
import { type CommonFlags, resolveSettings } from '../settings.js';

/** Flags of `syndikit build`. */
export interface BuildFlags extends CommonFlags {
  out?: string;
  keepGoing?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

/**
 * `syndikit build [inputs…]`: convert every input to every format and write
 * the outputs under `--out`. With any content error nothing is written,
 * unless `--keep-going`, which writes what converted. Exit code 1 either way.
 */
export async function buildCommand(inputs: readonly string[], flags: Readonly<BuildFlags>, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, io, inputs);
  const { config } = settings;
  const inputPaths = inputs.length > 0 ? inputs.map((input) => resolve(io.cwd, input)) : config.inputs;
  if (inputPaths.length === 0) {
    throw new UsageError('No inputs: name files or folders, or list `inputs:` in the config file');
  }
  const outDir = flags.out ? resolve(io.cwd, flags.out) : (config.out ?? resolve(io.cwd, 'out'));
  const extensions = [...new Set(settings.ingesters.flatMap((ingester) => ingester.extensions))];
  const paths = await expandInputs(inputPaths, { extensions, exclude: [outDir], cwd: io.cwd });
  if (paths.length === 0) {
    throw new UsageError(
      `No articles found in ${inputPaths.map((path) => shownPath(path, io.cwd)).join(', ')} (looked for ${extensions.join(', ')})`,
    );
  }

  const files = await readInputs(paths, io.cwd);
  const root = config.root ?? commonFolder(paths, io.cwd);
  const keepGoing = flags.keepGoing ?? config.keepGoing;
  const mode = progressMode(flags, io);
  const built = await build(files, { ...settings.convert, root, outDir, keepGoing, onProgress: progressReporter(mode, io) });
  const result = built.convert;
  if (mode === 'json') return result.failed.length > 0 ? exitCodes.contentErrors : exitCodes.ok;

  const lines = formatDiagnostics(result.files, io.cwd, flags.verbose ?? false);
  for (const line of lines) io.stderr.write(`${line}\n`);
  const { errors, warnings } = countMessages(result.files);
  const shownOut = shownPath(outDir, io.cwd);

  if (!built.write) {
    io.stderr.write(
      `syndikit: ${result.failed.length} of ${files.length} input${files.length === 1 ? '' : 's'} failed; nothing was written to ${shownOut} (use --keep-going to write the rest)\n`,
    );
    return exitCodes.contentErrors;
  }

  const written = built.write;
  if (!flags.quiet) {
    const perFormat = new Map<string, number>();
    for (const output of result.outputs) {
      const folder = output.path.includes('/') ? (output.path.split('/')[0] as string) : output.path;
      perFormat.set(folder, (perFormat.get(folder) ?? 0) + 1);
    }
    const formats = [...perFormat].map(([name, count]) => `${name} ${count}`).join(', ');
    io.stderr.write(
      `syndikit: built ${result.articles.length} of ${files.length} article${files.length === 1 ? '' : 's'} into ${shownOut} (${formats || 'no outputs'}; ${written.written.length} written, ${written.unchanged.length} unchanged; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${(built.milliseconds / 1000).toFixed(1)} s\n`,
    );
  }
  if (!flags.quiet) {
    for (const adapter of settings.convert.formats ?? []) {
      const line = typeof adapter !== 'string' ? adapter.summary?.() : undefined;
      if (line) io.stderr.write(`syndikit: ${line}\n`);
    }
  }
  if (result.failed.length > 0) {
    io.stderr.write(`syndikit: not converted: ${result.failed.map((file) => shownPath(file.path, io.cwd)).join(', ')}\n`);
    return exitCodes.contentErrors;
  }
  return exitCodes.ok;
}
