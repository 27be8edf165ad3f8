import type { BuildResult } from '@syndikit/build';
import { exitCodes, UsageError } from '../errors.js';
import { shownPath } from '../inputs.js';
import type { CliIo } from '../io.js';
import { createOutputChecker } from '../preview-checks.js';
import { listOutputs, renderIndex } from '../preview-index.js';
import { defaultPreviewPort, type PreviewServer, startPreviewServer } from '../preview-server.js';
import type { Diagnostics } from '../reporter.js';
import { type BuildFlags, type BuildJob, buildOnce, prepareBuild, summaryLine } from './build.js';

/** Flags of `syndikit preview`: those of `build`, and where to listen. */
export interface PreviewFlags extends BuildFlags {
  /** Port to listen on; `0` picks a free one. Default {@link defaultPreviewPort}. */
  port?: string;
  /** Interface to listen on. Default `127.0.0.1`: only this machine can connect. */
  host?: string;
}

/** What the index page shows about the builds this command ran. */
interface PreviewState {
  job: BuildJob;
  result: BuildResult | undefined;
  /** The last build's diagnostics, every file kept: the index page lists each article's. */
  diagnostics: Diagnostics | undefined;
  /** The index page of the current output, made once per build on first request. */
  page: Promise<string> | undefined;
}

/**
 * `syndikit preview [inputs…]`: build like `syndikit build`, then serve the
 * output folder on `http://127.0.0.1:5170/` with an index page of every
 * article, its outputs, their checks and the build's warnings. With
 * `--watch`, rebuild on every change and reload open index pages. Runs
 * until Ctrl-C (exit 130) or SIGTERM (exit 0).
 */
export async function previewCommand(inputs: readonly string[], flags: Readonly<PreviewFlags>, io: CliIo): Promise<number> {
  const port = parsePort(flags.port);
  const host = flags.host ?? '127.0.0.1';
  const job = await prepareBuild(inputs, flags, io);
  for (const warning of job.settings.warnings) io.stderr.write(`syndikit: warning: ${warning}\n`);
  const state: PreviewState = { job, result: undefined, diagnostics: undefined, page: undefined };
  const checker = createOutputChecker(io.cwd);
  const title = job.settings.config.site.title ?? 'syndikit';
  const index = () => {
    const { result, diagnostics } = state;
    state.page ??= listOutputs(state.job.outDir, checker, diagnostics?.files ?? [], io.cwd).then((listing) =>
      renderIndex(
        {
          ...listing,
          summary: result && diagnostics ? summaryLine(result, diagnostics.counts, shownPath(state.job.outDir, io.cwd)) : undefined,
        },
        { title, liveReload: flags.watch ?? false },
      ),
    );
    return state.page;
  };
  const server = await listen(job, host, port, index);
  io.stderr.write(`syndikit: previewing ${shownPath(job.outDir, io.cwd)} at ${server.url}/ (Ctrl-C to stop)\n`);
  if (!isLoopback(host)) io.stderr.write(`syndikit: warning: --host ${host} serves the output folder to other machines\n`);
  const built = (result: BuildResult, next: BuildJob, diagnostics: Diagnostics) => {
    state.result = result;
    state.diagnostics = diagnostics;
    state.job = next;
    state.page = undefined;
    server.notifyBuilt();
  };
  try {
    if (flags.watch) {
      const { watchBuild } = await import('./watch.js');
      return await watchBuild(job, inputs, flags, io, { onBuilt: built, keepFiles: true });
    }
    const { result, diagnostics } = await buildOnce(job, flags, io, true);
    built(result, job, diagnostics);
    return await stopped();
  } finally {
    await server.close();
  }
}

/** `--port`: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return defaultPreviewPort;
  const port = /^\d+$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`Expected a port from 0 to 65535 for --port but received ${JSON.stringify(value)}`);
  }
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

async function listen(job: BuildJob, host: string, port: number, index: () => Promise<string>): Promise<PreviewServer> {
  try {
    return await startPreviewServer({ outDir: job.outDir, host, port, index });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} on ${host} is in use: give another with --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Cannot listen on --host ${host}: no such interface here`);
    throw error;
  }
}

/** Until Ctrl-C (exit 130, as an interrupted build) or SIGTERM (exit 0: a service manager stopping it). */
function stopped(): Promise<number> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal === 'SIGINT' ? exitCodes.interrupted : exitCodes.ok);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
