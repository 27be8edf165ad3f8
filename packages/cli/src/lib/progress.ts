import type { BuildEvent } from '@syndikit/core';
import type { CliIo } from './io.js';

/** How progress is shown: a live line on a terminal, periodic lines elsewhere (CI), JSON events, or nothing. */
export type ProgressMode = 'tty' | 'lines' | 'json' | 'none';

/** Choose the mode from the flags and whether standard error is a terminal. */
export function progressMode(flags: { quiet?: boolean; json?: boolean }, io: CliIo): ProgressMode {
  if (flags.json) return 'json';
  if (flags.quiet) return 'none';
  return (io.stderr as { isTTY?: boolean }).isTTY && !io.env.CI ? 'tty' : 'lines';
}

/**
 * A progress reporter for build events. On a terminal: one line, redrawn,
 * with counts and rate. Elsewhere: a plain line every tenth of the way
 * (for builds of 200 articles or more). With `--json`: every event as one
 * JSON line on standard output, for build tools.
 */
export function progressReporter(mode: ProgressMode, io: CliIo): (event: BuildEvent) => void {
  const started = Date.now();
  let lastStep = 0;
  return (event) => {
    if (mode === 'json') {
      const { type } = event;
      const line =
        event.type === 'done'
          ? {
              type,
              articles: event.result.convert.articles.length,
              failed: event.result.failed.length,
              written: event.result.write?.written.length ?? 0,
              milliseconds: event.result.milliseconds,
            }
          : event;
      io.stdout.write(`${JSON.stringify(line)}\n`);
      return;
    }
    if (mode === 'none' || event.type !== 'article') return;
    const rate = event.done / Math.max(0.001, (Date.now() - started) / 1000);
    const text = `syndikit: ${event.done}/${event.total} articles (${rate.toFixed(0)}/s)`;
    if (mode === 'tty') {
      io.stderr.write(`\r${text}${event.done === event.total ? '\n' : ''}`);
      return;
    }
    if (event.total < 200) return;
    const step = Math.floor((event.done / event.total) * 10);
    if (step > lastStep || event.done === event.total) {
      lastStep = step;
      io.stderr.write(`${text}\n`);
    }
  };
}
