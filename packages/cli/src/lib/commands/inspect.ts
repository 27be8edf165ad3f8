import { basename, dirname, resolve } from 'node:path';
import { convert, defaultLimits, inputByteLimit } from '@syndikit/core';
import { exitCodes, UsageError } from '../errors.js';
import { readInputs } from '../inputs.js';
import type { CliIo } from '../io.js';
import { printDiagnostics } from '../reporter.js';
import { type CommonFlags, resolveSettings } from '../settings.js';

/** Flags of `syndikit inspect`. */
export interface InspectFlags extends Omit<CommonFlags, 'formats'> {
  /** Keep `position` on body nodes. Default false. */
  positions?: boolean;
}

/**
 * `syndikit inspect FILE`: the article as JSON on standard output (an
 * array of them for a file that carries several, such as a NewsML-G2 news
 * message), every diagnostic on standard error, info lines included: where
 * each field came from and what was left out, at their line and column.
 * The article's `editorNotes` are shown here, never published. Exit code 1
 * when the file has an error.
 */
export async function inspectCommand(input: string, flags: Readonly<InspectFlags>, io: CliIo): Promise<number> {
  const settings = await resolveSettings({ ...flags, formats: 'markdown' }, io);
  const path = resolve(io.cwd, input);
  const [file] = await readInputs([path], io.cwd, (file) =>
    inputByteLimit({ ingesters: settings.ingesters, limits: { ...defaultLimits, ...settings.convert.limits } }, basename(file)),
  );
  if (!file) throw new UsageError(`Input ${input} could not be read`);
  const root = settings.config.root ?? dirname(path);
  const result = await convert([file], { ...settings.convert, formats: [], root });
  printDiagnostics(io, result.files, io.cwd);
  const { articles } = result;
  if (articles.length === 0) return exitCodes.contentErrors;
  const shown = articles.length === 1 ? articles[0] : articles;
  const json = JSON.stringify(shown, (key, value) => (key === 'position' && !flags.positions ? undefined : value), 2);
  io.stdout.write(`${json}\n`);
  return exitCodes.ok;
}
