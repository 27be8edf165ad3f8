import type { BuildEvent } from '@syndikit/build';
import type { CliIo } from './io.js';
import type { DiagnosticCounts } from './reporter.js';

/** How progress is shown: a live bar on a terminal, periodic lines elsewhere (CI), JSON events, or nothing. */
export type ProgressMode = 'tty' | 'lines' | 'json' | 'none';

/** Choose the mode from the flags and whether standard error is a terminal. */
export function progressMode(flags: { quiet?: boolean; json?: boolean }, io: CliIo): ProgressMode {
  if (flags.json) return 'json';
  if (flags.quiet) return 'none';
  return (io.stderr as { isTTY?: boolean }).isTTY && !io.env.CI ? 'tty' : 'lines';
}

const barWidth = 24;

/**
 * A progress reporter for build events. On a terminal: one line, redrawn,
 * with a bar, counts, rate and cache hits. Elsewhere: a plain line every
 * tenth of the way (for builds of 200 articles or more). With `--json`:
 * every event as one JSON line on standard output, for build tools (the
 * `done` event carries the summary, with `counts` as they stand then, not
 * the diagnostics).
 */
export function progressReporter(mode: ProgressMode, io: CliIo, counts: Readonly<DiagnosticCounts>): (event: BuildEvent) => void {
  const started = Date.now();
  let lastStep = 0;
  let cached = 0;
  return (event) => {
    if (mode === 'json') {
      io.stdout.write(`${JSON.stringify(event.type === 'done' ? doneEvent(event.result, counts) : event)}\n`);
      return;
    }
    if (mode === 'none' || event.type !== 'article') return;
    if (event.cached) cached++;
    const rate = event.done / Math.max(0.001, (Date.now() - started) / 1000);
    const line = `${event.done}/${event.total} articles (${rate.toFixed(0)}/s, ${cached} from cache)`;
    if (mode === 'tty') {
      const filled = Math.round((event.done / event.total) * barWidth);
      io.stderr.write(
        `\rsyndikit: [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${line}${event.done === event.total ? '\n' : ''}`,
      );
      return;
    }
    if (event.total < 200) return;
    const step = Math.floor((event.done / event.total) * 10);
    if (step > lastStep || event.done === event.total) {
      lastStep = step;
      io.stderr.write(`syndikit: ${line}\n`);
    }
  };
}

function doneEvent(result: Extract<BuildEvent, { type: 'done' }>['result'], counts: Readonly<DiagnosticCounts>) {
  const { errors, warnings } = counts;
  return {
    type: 'done',
    articles: result.articles,
    total: result.total,
    failed: result.failed.map((file) => file.path),
    outputs: result.outputs?.byFormat ?? null,
    written: result.outputs?.written.length ?? 0,
    unchanged: result.outputs?.unchanged ?? 0,
    removed: result.outputs?.removed.length ?? 0,
    cacheHits: result.cache.hits,
    converted: result.cache.misses,
    errors,
    warnings,
    threads: result.threads,
    milliseconds: result.milliseconds,
    phases: result.phases,
  };
}
