import { basename, dirname, relative, resolve } from 'node:path';
import { convert, defaultLimits, inputByteLimit } from '@syndikit/core';
import { writeOutputs } from '@syndikit/disk';
import { exitCodes, UsageError } from '../errors.js';
import { readInputs } from '../inputs.js';
import type { CliIo } from '../io.js';
import { printDiagnostics } from '../reporter.js';
import { type CommonFlags, resolveSettings } from '../settings.js';

/** Flags of `syndikit convert`. */
export interface ConvertFlags extends Omit<CommonFlags, 'formats'> {
  to: string;
  out?: string;
}

/**
 * `syndikit convert FILE --to FORMAT`: one article to standard output. A
 * format that writes several files needs `--out DIR` instead.
 */
export async function convertCommand(input: string, flags: Readonly<ConvertFlags>, io: CliIo): Promise<number> {
  const settings = await resolveSettings({ ...flags, formats: flags.to }, io);
  if (settings.formats.length !== 1) throw new UsageError('Expected exactly one format for --to');
  const path = resolve(io.cwd, input);
  const [file] = await readInputs([path], io.cwd, (file) =>
    inputByteLimit({ ingesters: settings.ingesters, limits: { ...defaultLimits, ...settings.convert.limits } }, basename(file)),
  );
  if (!file) throw new UsageError(`Input ${input} could not be read`);
  const root = settings.config.root ?? dirname(path);
  const result = await convert([file], { ...settings.convert, root });
  printDiagnostics(io, result.files, io.cwd, false);
  if (result.failed.length > 0) return exitCodes.contentErrors;

  if (flags.out) {
    const outDir = resolve(io.cwd, flags.out);
    await writeOutputs(result.outputs, outDir);
    for (const output of result.outputs) io.stderr.write(`wrote ${relative(io.cwd, resolve(outDir, output.path))}\n`);
    return exitCodes.ok;
  }
  // Supporting files (stylesheets, renditions) are not printed; the rendering is.
  const renderings = result.outputs.filter((output) => !output.asset);
  if (renderings.length !== 1) {
    throw new UsageError(
      `Format ${flags.to} produced ${renderings.length} files (${renderings.map((output) => output.path).join(', ') || 'none'}); use --out DIR to write them`,
    );
  }
  const [output] = renderings;
  io.stdout.write(output?.contents ?? '');
  return exitCodes.ok;
}
