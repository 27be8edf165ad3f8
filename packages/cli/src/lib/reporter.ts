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
 * at the first file that has it, with the number of files.
 */
const oncePerRun: ReadonlySet<string> = new Set([markdownRules.frontMatterUnknownKey.id]);

/** Messages of {@link oncePerRun} rules: how many files have each, and which message stands for them. */
interface Summary {
  /** The first message of each kind, mapped to the number of files that have that kind. */
  shown: Map<VFileMessage, number>;
  /** The repeats, left out. */
  hidden: Set<VFileMessage>;
}

function summarise(files: readonly VFile[]): Summary {
  const first = new Map<string, VFileMessage>();
  const shown = new Map<VFileMessage, number>();
  const hidden = new Set<VFileMessage>();
  for (const file of files) {
    const seen = new Set<string>();
    for (const message of file.messages) {
      if (!message.ruleId || !oncePerRun.has(message.ruleId)) continue;
      const kind = `${message.ruleId}\u0000${message.fatal}\u0000${message.reason}`;
      const standing = first.get(kind);
      if (!standing) {
        first.set(kind, message);
        shown.set(message, 1);
        seen.add(kind);
        continue;
      }
      hidden.add(message);
      if (!seen.has(kind)) shown.set(standing, (shown.get(standing) ?? 0) + 1);
      seen.add(kind);
    }
  }
  return { shown, hidden };
}

/**
 * Every message of every file as `file:line:col: severity message [rule-id]`
 * lines, files in the order given, messages by position. Paths are shown
 * relative to `cwd`. Info messages (what an ingester removed or guessed)
 * only with `includeInfo`. A message of a once-per-run rule (an unknown
 * front matter field) is one line for all the files that have it, at the
 * first of them, with their number.
 */
export function formatDiagnostics(files: readonly VFile[], cwd: string, includeInfo = true): string[] {
  const lines: string[] = [];
  const { shown: counted, hidden } = summarise(files);
  for (const file of files) {
    const shown = file.path?.startsWith('/') ? shownPath(file.path, cwd) : file.path || '<input>';
    const messages = file.messages
      .filter((message) => (includeInfo || typeof message.fatal === 'boolean') && !hidden.has(message))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) {
      const count = counted.get(message) ?? 1;
      lines.push(formatMessage(count > 1 ? withCount(message, count) : message, shown));
    }
  }
  return lines;
}

/** A copy of `message` saying how many files have it (the original stays as the file has it). */
function withCount(message: VFileMessage, count: number): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message);
  copy.reason = `${message.reason} (in ${count} files; the first is this one)`;
  return copy;
}

/**
 * Print diagnostics to standard error in one write: a build of 100,000
 * articles can have as many warnings, and a write each would cost more
 * than the rest of a rebuild.
 */
export function printDiagnostics(io: Pick<CliIo, 'stderr'>, files: readonly VFile[], cwd: string, includeInfo = true): void {
  const lines = formatDiagnostics(files, cwd, includeInfo);
  // In slices of a few thousand lines, so one string never gets huge.
  for (let start = 0; start < lines.length; start += 4096) io.stderr.write(`${lines.slice(start, start + 4096).join('\n')}\n`);
}

/**
 * Text that may carry user-controlled parts (paths, config keys, messages of
 * errors about them), made safe for a terminal line by line: its own line
 * breaks are kept, every other control character is escaped.
 */
export function printable(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}

/** Count errors and warnings over files, a once-per-run message once (as {@link formatDiagnostics} prints it). */
export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  const { hidden } = summarise(files);
  for (const file of files) {
    for (const message of file.messages) {
      if (hidden.has(message)) continue;
      if (message.fatal === true) errors++;
      else if (message.fatal === false) warnings++;
    }
  }
  return { errors, warnings };
}
