import { escapeControlCharacters, formatMessage } from '@syndikit/core';
import type { VFile } from 'vfile';
import { shownPath } from './inputs.js';
import type { CliIo } from './io.js';

/**
 * Every message of every file as `file:line:col: severity message [rule-id]`
 * lines, files in the order given, messages by position. Paths are shown
 * relative to `cwd`. Info messages (what an ingester removed or guessed)
 * only with `includeInfo`.
 */
export function formatDiagnostics(files: readonly VFile[], cwd: string, includeInfo = true): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const shown = file.path?.startsWith('/') ? shownPath(file.path, cwd) : file.path || '<input>';
    const messages = file.messages
      .filter((message) => includeInfo || typeof message.fatal === 'boolean')
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) lines.push(formatMessage(message, shown));
  }
  return lines;
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

/** Count errors and warnings over files. */
export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++;
      else if (message.fatal === false) warnings++;
    }
  }
  return { errors, warnings };
}
