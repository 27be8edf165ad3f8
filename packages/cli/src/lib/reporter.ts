import { escapeControlCharacters, formatMessage } from '@syndikit/core';
import { markdownRules } from '@syndikit/markdown/rules';
import type { VFile } from 'vfile';
import { shownPath } from './inputs.js';
import type { CliIo } from './io.js';

type VFileMessage = VFile['messages'][number];

/**
 * Rules whose messages are reported once per run, not once per file: a
 * site's theme field (`show_author_bio`) sits in every post, and a line per
 * post would bury everything else. Each distinct message is printed once,
 * after the other diagnostics, at the first file that has it, with the
 * number of files.
 */
const oncePerRun: ReadonlySet<string> = new Set([markdownRules.frontMatterUnknownKey.id]);

/** Errors and warnings as printed: a message of a {@link oncePerRun} rule counts once for all the files that have it. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

/** Options of {@link diagnostics}. */
export interface DiagnosticsOptions {
  /** Paths are shown relative to it. Required. */
  cwd: string;
  /** Print info messages too (what an ingester removed or guessed). Default `true`. */
  includeInfo?: boolean | null;
  /**
   * Where the lines go, a batch of up to {@link linesPerBatch} at a time (a
   * write per line would cost more than the rest of a rebuild). Default:
   * none, only counted.
   */
  print?: ((lines: readonly string[]) => void) | null;
  /** Keep every file given, for a caller that shows them again (`preview`'s index page). Default `false`. */
  keep?: boolean | null;
}

/** What {@link diagnostics} returns: give it files as they come, then `end()` it. */
export interface Diagnostics {
  /** Format a file's messages; bound, so it can be passed as a build's `onFile`. */
  add(file: VFile): void;
  /** Print what was held back (the once-per-run lines) and whatever is still batched. */
  end(): void;
  /** Counts of what was given so far (final once every file was given: a once-per-run message counts when first seen). */
  readonly counts: Readonly<DiagnosticCounts>;
  /** The files given, when `keep`; else empty. */
  readonly files: readonly VFile[];
}

/** Lines printed at once: a slice of a few thousand, so that one string never gets huge. */
export const linesPerBatch = 4096;

/**
 * Diagnostics as files of messages arrive, in the order given (a build
 * gives them in input order), so that a build of 100,000 articles prints
 * as it goes and keeps only counts: every message of each file as a
 * `file:line:col: severity message [rule-id]` line, by position. A message
 * of a {@link oncePerRun} rule (an unknown front matter field) is one line
 * for every file that has it, naming the first of them and their number;
 * that number is known only at the end, so these lines come after all the
 * others, in the order they were first seen. The same files in the same
 * order always give the same text.
 */
export function diagnostics(options: Readonly<DiagnosticsOptions>): Diagnostics {
  const { cwd, print } = options;
  const includeInfo = options.includeInfo ?? true;
  const counts: DiagnosticCounts = { errors: 0, warnings: 0 };
  const files: VFile[] = [];
  /** Each kind of once-per-run message: the first of them, the file it is in (shown), and how many files have one. */
  const once = new Map<string, { message: VFileMessage; shown: string; files: number }>();
  let batch: string[] = [];
  const flush = () => {
    if (batch.length > 0) print?.(batch);
    batch = [];
  };
  const line = (message: VFileMessage, shown: string) => {
    if (!print || !(includeInfo || typeof message.fatal === 'boolean')) return;
    batch.push(formatMessage(message, shown));
    if (batch.length >= linesPerBatch) flush();
  };
  const count = (message: VFileMessage) => {
    if (message.fatal === true) counts.errors++;
    else if (message.fatal === false) counts.warnings++;
  };
  return {
    add(file) {
      if (options.keep) files.push(file);
      const shown = file.path?.startsWith('/') ? shownPath(file.path, cwd) : file.path || '<input>';
      const seen = new Set<string>();
      for (const message of [...file.messages].sort(byPlace)) {
        if (!message.ruleId || !oncePerRun.has(message.ruleId)) {
          count(message);
          line(message, shown);
          continue;
        }
        const kind = `${message.ruleId}\u0000${message.fatal}\u0000${message.reason}`;
        const standing = once.get(kind);
        if (!standing) {
          once.set(kind, { message, shown, files: 1 });
          count(message);
        } else if (!seen.has(kind)) standing.files++;
        seen.add(kind);
      }
    },
    end() {
      for (const { message, shown, files: count } of once.values()) line(count > 1 ? withCount(message, count) : message, shown);
      once.clear();
      flush();
    },
    counts,
    files,
  };
}

/** By line, then column (messages without a place first). */
function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Every message of every file as `file:line:col: severity message [rule-id]`
 * lines, as {@link diagnostics} prints them: files in the order given,
 * messages by position, once-per-run messages last. Info messages only
 * with `includeInfo`.
 */
export function formatDiagnostics(files: readonly VFile[], cwd: string, includeInfo = true): string[] {
  const lines: string[] = [];
  const report = diagnostics({ cwd, includeInfo, print: (batch) => lines.push(...batch) });
  for (const file of files) report.add(file);
  report.end();
  return lines;
}

/** A copy of `message` saying how many files have it (the original stays as the file has it). */
function withCount(message: VFileMessage, count: number): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
  copy.reason = `${message.reason} (in ${count} files; the first is this one)`;
  return copy;
}

/** A `print` for {@link diagnostics}: lines to standard error; `clearLine` first clears a progress bar being redrawn on it. */
export function stderrLines(io: Pick<CliIo, 'stderr'>, clearLine = false): (lines: readonly string[]) => void {
  return (lines) => io.stderr.write(`${clearLine ? '\r\x1b[K' : ''}${lines.join('\n')}\n`);
}

/** Print the diagnostics of files already at hand (`convert`, `inspect`) to standard error. */
export function printDiagnostics(io: Pick<CliIo, 'stderr'>, files: readonly VFile[], cwd: string, includeInfo = true): void {
  const report = diagnostics({ cwd, includeInfo, print: stderrLines(io) });
  for (const file of files) report.add(file);
  report.end();
}

/**
 * Text that may carry user-controlled parts (paths, config keys, messages of
 * errors about them), made safe for a terminal line by line: its own line
 * breaks are kept, every other control character is escaped.
 */
export function printable(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}
