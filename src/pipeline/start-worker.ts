/**
 * Worker threads for checking steps: what a worker is started with, what it
 * answers, and how it is started. Apart from check-in-parallel.ts so that the
 * package's public types never mention node:worker_threads (a user's project
 * without @types/node must type-check them).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { CheckOptions, StepResult } from '../check/index.ts';
import type { Model } from '../model/index.ts';

/** One step to check: model (over all files), claim, step. */
export type Task = readonly [model: number, claim: number, step: number];

/** What a worker is started with (`workerData`). */
export interface WorkerJob {
  readonly port: MessagePort;
  /** An Int32 on shared memory: the index of the next task nobody has taken. */
  readonly next: SharedArrayBuffer;
  /** An Int32 on shared memory, bumped after each posted result: the main thread waits on it. */
  readonly signal: SharedArrayBuffer;
  readonly models: readonly Model[];
  readonly tasks: readonly Task[];
  readonly options: CheckOptions;
  /** Threads checking steps at once, this worker included (see setGuardThreads). */
  readonly threads: number;
}

/** A worker's answer for task `i`: its result, or the message of an exception that escaped the check. */
export type StepMessage = { readonly i: number; readonly result: StepResult } | { readonly i: number; readonly failure: string };

/**
 * Starts a worker on the shared task list; its end of a channel, or `undefined`
 * when the job cannot be copied to a thread (a model holding something structured
 * clone refuses), in which case this thread checks everything. Exported for tests.
 */
export function startWorker(job: Omit<WorkerJob, 'port'>): MessagePort | undefined {
  const entry = workerEntry();
  if (!entry) return undefined;
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(entry, { workerData: { ...job, port: port2 }, transferList: [port2] });
  } catch (error) {
    if (error instanceof Error && error.name === 'DataCloneError') return undefined;
    throw error;
  }
  // The worker ends by itself when no task is left; it must never keep the process alive.
  worker.unref();
  // A worker that cannot start takes no task, so the results are complete without it; only the time suffers, so say why.
  worker.on('error', (error) => process.emitWarning(`a worker thread failed, its steps were checked in the main thread: ${error.message}`, 'DerivcheckWarning'));
  return port1;
}

/**
 * The worker's module, beside this one: from the TypeScript sources (tsx, vitest)
 * a bootstrap that registers tsx in the new thread; from a bundle (dist/), the
 * bundled `worker.js` (src/pipeline/worker.ts), which the build must emit as an ES
 * module next to the module holding this code. A CommonJS bundle has no
 * import.meta.url: then no worker is started and this thread checks every step.
 */
function workerEntry(): URL | undefined {
  const here = import.meta.url as string | undefined;
  if (!here) return undefined;
  return here.endsWith('.ts') ? new URL('./worker-from-source.mjs', here) : new URL('./worker.js', here);
}
