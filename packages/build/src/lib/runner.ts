import { messageSource } from '@syndikit/core';
import type { LoadedPipeline, PipelineModule } from './pipeline.js';
import { buildRules } from './rules.js';
import { runTask, type Task, type TaskResult } from './task.js';
import type { WorkerData } from './worker.js';

/** Runs conversion tasks: in worker threads, or in this thread. */
export interface Runner {
  /** Worker threads converting (0: this thread). */
  threads: number;
  /**
   * `signal` reaches the adapters' `prepare` in this thread (downloads stop at once); in a pool, a task not
   * started is dropped and a worker busy with one is stopped (piscina ends that thread), so a cancelled build
   * leaves no worker writing into the staging folder.
   */
  run(task: Task, signal?: AbortSignal): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Convert in this thread: for small builds, where starting workers costs more than it saves. */
export function mainThreadRunner(pipeline: LoadedPipeline, packsDir: string): Runner {
  return {
    threads: 0,
    run: async (task, signal) => {
      // A turn of the event loop before each input: the conversion itself makes synchronous file calls and
      // awaits only promises, so without it a signal (Ctrl-C) or a timer would wait for the whole build.
      await new Promise((resolve) => setImmediate(resolve));
      return runTask(task, pipeline, packsDir, signal);
    },
    close: async () => {},
  };
}

/**
 * The old generation's limit of each worker thread's heap, in MB. V8 lets a heap grow to several times
 * what survived its last full collection before collecting again, up to 4× when the heap may grow to
 * 2 GB or more (V8's heap controller), less when its limit is lower. Without a limit, each worker of a
 * 2,000-article build kept 40–50 MB alive but grew to 150–220 MB, and the two workers' garbage was most
 * of the build's peak RSS; with this one they stay near 100 MB (docs/performance.md, Memory). 1 GB is
 * still twice what the worst article inside the default limits takes in a whole process (Large
 * inputs); an article that needs more fails alone with `worker-crashed`, as when any worker dies.
 */
export const workerOldGenerationMb = 1024;

/**
 * Convert in a piscina pool of `threads` workers, each making the pipeline
 * from the module once. A worker that dies on an input (out of memory, a
 * native crash, `process.exit` in a plugin) fails that input only, with
 * its file named; piscina starts a new worker and the build goes on.
 */
export async function workerRunner(threads: number, data: WorkerData): Promise<Runner> {
  // Loaded only when a build needs threads: a rebuild that converts little never pays for it.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: workerOldGenerationMb },
  });
  // A worker that answers for a task just cancelled (its thread was being stopped) makes piscina emit this; the
  // build has stopped already, so the late answer is of no use. Without a listener it would crash the process.
  pool.on('error', (error: Error) => {
    if (!error.message.startsWith('Unexpected message from Worker')) throw error;
  });
  return {
    threads,
    run: (task, signal) =>
      pool.run(task, signal ? { signal } : {}).catch((error: unknown) => {
        // Cancelled, not crashed: the build stops.
        if (signal?.aborted) throw signal.reason;
        return crashed(task, error);
      }) as Promise<TaskResult>,
    close: () => pool.destroy(),
  };
}

function crashed(task: Task, error: unknown): TaskResult {
  return {
    path: task.path,
    inputHash: '',
    inputSize: -1,
    inputMtimeMs: 0,
    messages: [
      {
        reason: `The worker thread converting this article crashed: ${error instanceof Error ? error.message : String(error)}`,
        fatal: true,
        ruleId: buildRules.workerCrashed.id,
        source: messageSource,
      },
    ],
    ok: false,
    outputs: [],
    dependencies: [],
  };
}

/** A pipeline module in the form a worker can receive: URLs as strings. */
export function cloneableModule(spec: PipelineModule): PipelineModule {
  return { module: spec.module instanceof URL ? spec.module.href : spec.module, options: spec.options };
}
