import { workerData } from 'node:worker_threads';
import { importPipeline, type LoadedPipeline, loadPipeline, type PipelineModule } from './pipeline.js';
import { runTask, type Task, type TaskResult } from './task.js';

/** What the main thread gives each worker when it starts. */
export interface WorkerData {
  pipeline: PipelineModule;
  overrides: { now: string; cwd: string; root: string | undefined; cacheDir: string };
  packsDir: string;
}

let loaded: Promise<LoadedPipeline> | undefined;

/**
 * The worker thread's entry (piscina calls it once per task): the pipeline
 * is made once per worker from the module the build names, then every task
 * converts one input.
 */
export default async function convertInWorker(task: Task): Promise<TaskResult> {
  const data = workerData as WorkerData;
  loaded ??= importPipeline(data.pipeline).then((created) => loadPipeline(created, data.overrides));
  return runTask(task, await loaded, data.packsDir);
}
