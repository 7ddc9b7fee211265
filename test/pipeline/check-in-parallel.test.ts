import { receiveMessageOnPort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { checkStepAt } from '../../src/check/index.ts';
import { prepareFile } from '../../src/pipeline/index.ts';
import { startWorker, type StepMessage } from '../../src/pipeline/start-worker.ts';
import { FakeStream, TempFolder } from '../__test-helpers__/derivations.ts';

const folder = new TempFolder();
afterAll(() => folder.remove());

// Two files, two derivations, proved, refuted, verified and error steps: enough steps that `--jobs 2` starts a worker.
const SOFTMAX = `derivation "softmax"
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim log(s[i]) = x[i] - log(sum(j, exp(x[j])))
claim diff(log(s[i]), x[k])
  = delta(i, k) - exp(x[k]) / sum(j, exp(x[j]))
  = delta(i, k) - s[k]
claim diff(L, x[k])
  = -sum(i, y[i] * (delta(i, k) - s[k]))
  = s[k] - y[k]
claim diff(s[n], x[n]) = -s[n] * (1 - s[n])   expect wrong
claim diff(s[n], x[n]) = s[n] * (1 - s[n])
derivation "trig"
given t: real
claim atan(exp(t)) + atan(exp(-t)) = pi / 2
claim 2 * t = nope
`;
const LINEAR = `derivation "linear"
given a: real
given b: real
claim diff(a * b + a^2, a)
  = b + 2 * a
  = b + a     expect wrong
claim exp(a + b) = exp(a) * exp(b)
`;

function runJson(args: string[]): { code: number; out: string; err: string } {
  const out = new FakeStream();
  const err = new FakeStream();
  const code = main(['check', ...args], out.stream, err.stream);
  if (typeof code !== 'number') throw new Error('only --watch returns a promise');
  return { code, out: out.text, err: err.text };
}

describe('checking in worker threads', () => {
  it('--jobs 1 and --jobs 2 give byte-identical JSON for the same seed', () => {
    const paths = [folder.file('a.deriv', SOFTMAX), folder.file('b.deriv', LINEAR)];
    const options = ['--json', '--seed', '7', '--trials', '10', '--sizes', '1,2,3'];
    const one = runJson([...paths, ...options, '--jobs', '1']);
    const two = runJson([...paths, ...options, '--jobs', '2']);
    expect(one.err).toBe('');
    expect(two.err).toBe('');
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
    const summary = JSON.parse(one.out).summary;
    expect(summary).toMatchObject({ steps: 12, refuted: 2, error: 1 });
  });

  it('a worker started from the TypeScript sources checks the steps it takes, as this thread would', () => {
    const { models } = prepareFile(SOFTMAX, 'a.deriv');
    const tasks = models.flatMap((model, m) => model.claims.flatMap((claim, c) => claim.steps.map((_, s) => [m, c, s] as const)));
    const options = { seed: 3, trials: 5, sizes: [1, 2] };
    const next = new SharedArrayBuffer(4);
    const signal = new SharedArrayBuffer(4);
    const port = startWorker({ next, signal, models, tasks, options, threads: 2 });
    expect(port).toBeDefined();
    // This thread takes no task: the worker must do them all.
    const got = new Map<number, StepMessage>();
    const wake = new Int32Array(signal);
    while (got.size < tasks.length) {
      const seen = Atomics.load(wake, 0);
      let message = receiveMessageOnPort(port!);
      if (!message) {
        expect(Atomics.wait(wake, 0, seen, 60_000)).not.toBe('timed-out');
        message = receiveMessageOnPort(port!);
      }
      if (message) got.set((message.message as StepMessage).i, message.message as StepMessage);
    }
    port!.close();
    tasks.forEach(([m, c, s], i) => {
      const message = got.get(i)!;
      expect('result' in message && message.result).toEqual(checkStepAt(models[m], c, s, options));
    });
    expect(new Set(tasks.map((_, i) => { const message = got.get(i)!; return 'result' in message ? message.result.verdict : 'failure'; })))
      .toEqual(new Set(['proved', 'refuted', 'verified', 'error']));
  }, 120_000);

  it('--jobs must be a whole number from 1', () => {
    const { code, err } = runJson([folder.path, '--jobs', '0']);
    expect(code).toBe(2);
    expect(err).toContain('--jobs must be a whole number from 1 to 256');
  });
});
