/**
 * A worker thread of {@link checkInParallel}: it takes steps from the shared
 * counter until none is left, checks each, and posts each result on its port,
 * then bumps the shared signal so that the main thread, blocked in Atomics.wait,
 * wakes up and reads it.
 */
import { workerData } from 'node:worker_threads';
import { checkStepAt, setGuardThreads } from '../check/index.ts';
import type { StepMessage, WorkerJob } from './start-worker.ts';

const { port, next, signal, models, tasks, options, threads } = workerData as WorkerJob;
setGuardThreads(threads);
const counter = new Int32Array(next);
const wake = new Int32Array(signal);

for (;;) {
  const i = Atomics.add(counter, 0, 1);
  if (i >= tasks.length) break;
  const [m, c, s] = tasks[i];
  let message: StepMessage;
  try {
    message = { i, result: checkStepAt(models[m], c, s, options) };
  } catch (error) {
    // checkStepAt turns engine exceptions into engine faults; what escapes it is a bug of ours, as it would be in one thread.
    message = { i, failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message);
  Atomics.add(wake, 0, 1);
  Atomics.notify(wake, 0);
}
port.close();
