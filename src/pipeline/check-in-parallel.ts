import { availableParallelism } from 'node:os';
import { receiveMessageOnPort } from 'node:worker_threads';
import { assembleDerivation, checkStepAt, setGuardThreads, type CheckOptions, type FileResult, type StepResult } from '../check/index.ts';
import { hasDiff, mapChildren, type Model, type Term } from '../model/index.ts';
import type { PreparedFile } from './check-text.ts';
import { startWorker, type StepMessage, type Task } from './start-worker.ts';

/** Options of {@link checkInParallel}: the check options plus how many threads check steps. */
export interface ParallelOptions extends CheckOptions {
  /**
   * Threads checking steps at once, this one included: `jobs - 1` worker threads
   * are started. Default: 1 (no worker). The command line defaults to {@link defaultJobs}.
   */
  readonly jobs?: number;
  /** Called when the first result of a file arrives, with the total of steps of all files. */
  readonly onFile?: (path: string, stepsInAllFiles: number) => void;
  /** Called after each step with where it stands in its file (steps come in the order of their cost, not of the files). */
  readonly onStepPlaced?: (done: StepResult, place: StepPlace) => void;
}

/** Where a checked step stands: its file, derivation, claim and place in the claim, for a report of a run cut short. */
export interface StepPlace {
  /** The file's position in the run, from 0, and its path. */
  readonly file: number;
  readonly path: string;
  /** The derivation's position in its file, from 0, its title and source. */
  readonly derivation: number;
  readonly title: string;
  readonly source: string | undefined;
  /** The claim's position in its derivation, from 0, its line and text. */
  readonly claim: number;
  readonly claimLine: number;
  readonly claimText: string;
  /** The step's position in its claim, from 0. */
  readonly step: number;
}

/**
 * The command line's default for `--jobs`: one thread fewer than the cores, and at
 * least one. V8's garbage collector and compiler run on threads of their own: on
 * the 2-core machine one thread checking steps keeps both cores busy, and a second
 * made the suite slower (8.1 s against 7.2 s, note 002 3.6 s against 2.3 s).
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * A worker is worth its start-up (loading the engines, about half a second of one
 * core) only with enough steps to share: at least this many per thread.
 */
const MIN_STEPS_PER_THREAD = 4;

/**
 * Checks prepared files with up to `jobs` threads: every step of every claim is
 * a task, and this thread and the workers take tasks from one shared counter
 * until none is left. Each step's result depends only on its model, position and
 * the options (its seed is mixed from the run's seed and its position), so the
 * results, put back in file order, are the same whatever thread checked which
 * step: `--jobs 1` and `--jobs 2` give byte-identical JSON.
 *
 * Synchronous on purpose, like the single-threaded API it stands in for: this
 * thread checks steps too, and between steps (and at the end, blocked in
 * Atomics.wait) it reads the workers' results with receiveMessageOnPort, which
 * needs no event loop. A worker that cannot start takes no task, so its share is
 * done here; models that cannot be copied to a worker are checked here too.
 */
export function checkInParallel(files: readonly PreparedFile[], options: ParallelOptions = {}): FileResult[] {
  const { jobs = 1, onFile, onStep, onStepPlaced, ...checkOptions } = options;
  const models: Model[] = [];
  const fileOfModel: number[] = [];
  const indexInFile: number[] = [];
  files.forEach((file, f) => {
    file.models.forEach((model, d) => {
      models.push(model);
      fileOfModel.push(f);
      indexInFile.push(d);
    });
  });
  const placeOf = ([m, c, s]: Task): StepPlace => {
    const model = models[m];
    const claim = model.claims[c].claim;
    return {
      file: fileOfModel[m], path: files[fileOfModel[m]].path, derivation: indexInFile[m], title: model.derivation.title, source: model.derivation.source,
      claim: c, claimLine: claim.span.line, claimText: claim.text, step: s,
    };
  };
  const inOrder: Task[] = [];
  models.forEach((model, m) => model.claims.forEach((claim, c) => claim.steps.forEach((_, s) => inOrder.push([m, c, s]))));
  // The biggest steps first, so that the last step to finish is a small one and no thread idles long at the end.
  // Only the order of work changes: each result depends on its step alone.
  const cost = inOrder.map(([m, c, s]) => estimatedCost(models[m], c, s));
  const order = inOrder.map((_, i) => i).sort((a, b) => cost[b] - cost[a] || a - b);
  const tasks = order.map((i) => inOrder[i]);
  const results: (StepResult | undefined)[] = new Array(tasks.length);

  let reported = -1;
  let received = 0;
  const accept = (message: StepMessage): void => {
    if ('failure' in message) throw new Error(message.failure);
    results[message.i] = message.result;
    received++;
    const f = fileOfModel[tasks[message.i][0]];
    if (f !== reported) {
      reported = f;
      onFile?.(files[f].path, tasks.length);
    }
    onStep?.(message.result);
    onStepPlaced?.(message.result, placeOf(tasks[message.i]));
  };

  const next = new SharedArrayBuffer(4);
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const wake = new Int32Array(signal);
  const threads = Math.max(1, Math.min(jobs, Math.floor(tasks.length / MIN_STEPS_PER_THREAD)));
  const ports: NonNullable<ReturnType<typeof startWorker>>[] = [];
  for (let w = 1; w < threads; w++) {
    const port = startWorker({ next, signal, models, tasks, options: checkOptions, threads });
    if (!port) break;
    ports.push(port);
  }
  setGuardThreads(ports.length + 1);
  try {
    const drain = (): boolean => {
      let any = false;
      for (const port of ports) {
        for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
          accept(message.message as StepMessage);
          any = true;
        }
      }
      return any;
    };

    for (let i = Atomics.add(counter, 0, 1); i < tasks.length; i = Atomics.add(counter, 0, 1)) {
      const [m, c, s] = tasks[i];
      accept({ i, result: checkStepAt(models[m], c, s, checkOptions) });
      drain();
    }
    // Every task is taken; wait for those the workers hold. A worker posts, then bumps
    // the signal: reading the signal before draining means no result is missed.
    while (received < tasks.length) {
      const seen = Atomics.load(wake, 0);
      if (!drain()) Atomics.wait(wake, 0, seen);
    }
  } finally {
    for (const port of ports) port.close();
    setGuardThreads(1);
  }

  const inFileOrder: StepResult[] = new Array(tasks.length);
  order.forEach((original, i) => { inFileOrder[original] = results[i]!; });
  let t = 0;
  return files.map((file): FileResult => {
    if (file.error) return { path: file.path, error: file.error.diagnostic, derivations: [] };
    const derivations = file.models.map((model) => {
      const steps = model.claims.map((claim) => claim.steps.map(() => inFileOrder[t++]));
      return assembleDerivation(model, steps, options);
    });
    return { path: file.path, error: null, derivations };
  });
}

/**
 * A rough relative cost of checking a step, to schedule big steps first: the size
 * of both sides, doubled when a side differentiates (finite differences, symbolic
 * derivatives), times the number of dimension symbols (each multiplies the sizes
 * and instances tried). On the suite it puts note 002's matrix gradients, its
 * slowest steps, first.
 */
function estimatedCost(model: Model, c: number, s: number): number {
  const claim = model.claims[c];
  const sides = [s === 0 ? claim.head : claim.steps[s - 1].term, claim.steps[s].term];
  const nodes = sides.reduce((n, side) => n + (side ? countNodes(side) : 0), 0);
  const differentiates = sides.some((side) => side !== undefined && hasDiff(side));
  return nodes * (differentiates ? 2 : 1) * Math.max(1, model.dims.length);
}

function countNodes(term: Term): number {
  let n = 1;
  mapChildren(term, (child) => {
    n += countNodes(child);
    return child;
  });
  return n;
}
