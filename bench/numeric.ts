/**
 * Benchmark 3: the softmax cross-entropy gradient checked numerically, all k at
 * one size, on one random input, against torch.autograd.gradcheck; plus a
 * same-process baseline, a hand-written JS analytic gradient compared entrywise
 * with a plain central difference.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildModel, parseDerivation, type Model } from '../src/index.ts';
import { checkStepNumerically, type NumericOutcome } from '../src/numeric/index.ts';
import { ANCHORS, anchorMs } from './anchors.ts';
import { anchoredRow, BenchFailure, fmtMs, measure, mulberry32, progress, type BenchRow } from './lib.ts';
import { CROSS_ENTROPY_GRADIENT } from './symbolic.ts';

/** The same step with k fixed to 1: one entry of the gradient, to project the time of all n. */
export const CROSS_ENTROPY_ONE_ENTRY = CROSS_ENTROPY_GRADIENT.replace('claim diff(L, x[k]) = s[k] - y[k]', 'claim diff(L, x[1]) = s[1] - y[1]');

function stepOf(model: Model) {
  const claim = model.claims[0];
  const head = claim?.head;
  const step = claim?.steps[0]?.term;
  if (!claim || !head || !step) throw new BenchFailure('the bench derivation does not resolve');
  return { lhs: head, rhs: step, inputs: model.inputs, freeIndices: claim.freeIndices };
}

/** Builds the model and checks the step numerically at size n on one random input. */
export function checkNumericallyAt(text: string, n: number, seed = 1): NumericOutcome {
  const model = buildModel(parseDerivation(text, '<bench>'));
  return checkStepNumerically(stepOf(model), { trials: 1, seed, sizes: [new Map([['n', n]])] });
}

export function expectAgree(n: number) {
  return (outcome: NumericOutcome) => {
    if (outcome.kind !== 'agree') {
      const detail = outcome.kind === 'counterexample'
        ? `a counterexample (lhs ${outcome.example.lhs}, rhs ${outcome.example.rhs}, tolerance ${outcome.example.tolerance})` : 'no domain';
      throw new BenchFailure(`numeric check of dL/dx_k = s_k - y_k at n = ${n} answered ${detail}; the step is true`);
    }
    if (outcome.trials !== 1) throw new BenchFailure(`numeric check at n = ${n} ran ${outcome.trials} trials, expected 1`);
  };
}

/**
 * The hand-written baseline: softmax cross-entropy loss L(x) = log(sum exp x) - x[hot]
 * (max-shifted), its analytic gradient s - y, and a central difference with
 * h = 1e-6 for each of the n entries, compared entrywise with gradcheck's
 * default tolerance (atol 1e-5, rtol 1e-3). Returns the worst |difference|.
 */
export function baselineGradcheck(x: Float64Array, hot: number): number {
  const n = x.length;
  const loss = (v: Float64Array): number => {
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (v[i] > max) max = v[i];
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.exp(v[i] - max);
    return Math.log(total) + max - v[hot];
  };
  // analytic gradient s - y
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > max) max = x[i];
  let total = 0;
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) { grad[i] = Math.exp(x[i] - max); total += grad[i]; }
  for (let i = 0; i < n; i++) grad[i] = grad[i] / total - (i === hot ? 1 : 0);
  // central differences
  const h = 1e-6;
  const v = Float64Array.from(x);
  let worst = 0;
  for (let k = 0; k < n; k++) {
    const keep = v[k];
    v[k] = keep + h;
    const up = loss(v);
    v[k] = keep - h;
    const down = loss(v);
    v[k] = keep;
    const numeric = (up - down) / (2 * h);
    const difference = Math.abs(numeric - grad[k]);
    if (difference > 1e-5 + 1e-3 * Math.abs(grad[k])) {
      throw new BenchFailure(`baseline: entry ${k + 1} of ${n}: central difference ${numeric} vs analytic ${grad[k]}`);
    }
    worst = Math.max(worst, difference);
  }
  return worst;
}

/** A random input like derivcheck's (x in [-4, 4], y one-hot), from a seeded PRNG. */
export function baselineInput(n: number, seed = 1): { x: Float64Array; hot: number } {
  const random = mulberry32(seed + n);
  const x = Float64Array.from({ length: n }, () => -4 + 8 * random());
  return { x, hot: Math.floor(random() * n) };
}

function measureBaseline(n: number): number {
  const { x, hot } = baselineInput(n);
  return measure(`baseline JS gradcheck n=${n}`, () => baselineGradcheck(x, hot), () => {}).medianMs;
}

const rowName = (n: number) => `CE gradient numeric, n=${n} (all k, 1 input)`;
const builtOnceName = (n: number) => `CE gradient numeric, n=${n}, model built once`;

/**
 * The same check with the model built once, outside the timing, as torch's
 * function is defined once: what checking costs apart from reading the text
 * (parsing and resolving the derivation, about 1.5 ms here).
 */
export function numericRowsBuiltOnce(sizes: readonly number[] = [10, 100]): BenchRow[] {
  const model = buildModel(parseDerivation(CROSS_ENTROPY_GRADIENT, '<bench>'));
  const step = stepOf(model);
  return sizes.map((n) => {
    const check = () => checkStepNumerically(step, { trials: 1, seed: 1, sizes: [new Map([['n', n]])] });
    const m = measure(builtOnceName(n), check, expectAgree(n));
    return anchoredRow({
      name: builtOnceName(n), oursMs: m.medianMs, anchorMs: anchorMs(ANCHORS.gradcheck, n), anchorSource: ANCHORS.gradcheck.source,
      goal: 10, runs: m.runs, minMs: Math.min(...m.samples), baselineMs: measureBaseline(n),
    });
  });
}

/** n = 10 and 100: in this process, median of 5 runs after a warm-up. */
export function numericRows(sizes: readonly number[] = [10, 100]): BenchRow[] {
  return sizes.map((n) => {
    const m = measure(rowName(n), () => checkNumericallyAt(CROSS_ENTROPY_GRADIENT, n), expectAgree(n));
    return anchoredRow({
      name: rowName(n), oursMs: m.medianMs, anchorMs: anchorMs(ANCHORS.gradcheck, n), anchorSource: ANCHORS.gradcheck.source,
      goal: 10, runs: m.runs, minMs: Math.min(...m.samples), baselineMs: measureBaseline(n),
    });
  });
}

interface ChildReport { readonly kind: 'one-entry' | 'full'; readonly ms: number; readonly runs?: number }

/**
 * n = 1000 (or any large n): in a child process under a time limit, since the
 * check is synchronous and may run for minutes. The child first times one entry
 * (k = 1) to project the time of all n entries, then the whole step once.
 */
export async function numericRowLimited(n: number, limitMs: number): Promise<BenchRow> {
  const baselineMs = measureBaseline(n);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./numeric-child.ts', import.meta.url)), String(n)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const reports: ChildReport[] = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line.startsWith('{')) reports.push(JSON.parse(line) as ChildReport);
    }
  });
  progress(`${rowName(n)}: in a child process (pid ${child.pid}), time limit ${limitMs / 1000} s`);
  const { code, timedOut } = await new Promise<{ code: number | null; timedOut: boolean }>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, timedOut: true });
    }, limitMs);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ code: exitCode, timedOut: false });
    });
  });
  const oneEntry = reports.find((r) => r.kind === 'one-entry');
  const full = reports.find((r) => r.kind === 'full');
  if (!timedOut && (code !== 0 || !full)) throw new BenchFailure(`the numeric check at n = ${n} failed in its child process (exit code ${code})`);
  const projected = oneEntry ? oneEntry.ms * n : undefined;
  const extra: Record<string, number> = {};
  if (oneEntry) extra.one_entry_ms = oneEntry.ms;
  if (projected !== undefined) extra.projected_all_entries_ms = projected;
  const projectedText = projected !== undefined
    ? `one entry (k = 1) takes ${fmtMs(oneEntry!.ms)} ms, so all ${n} would take about ${fmtMs(projected)} ms (ratio about ${(anchorMs(ANCHORS.gradcheck, n) / projected).toPrecision(2)}x)` : 'one entry did not finish either';
  const note = timedOut
    ? `stopped at the ${limitMs / 1000} s limit (ours is a lower bound, the ratios upper bounds); ${projectedText}`
    : `${full!.runs === undefined || full!.runs === 1 ? 'one run' : `median of ${full!.runs} warmed-up runs`} in a child process (a gradient of ${n} entries is checked along random directions; the projection from one entry applies only when that is not available)`;
  progress(`${rowName(n)}: ${note}`);
  return anchoredRow({
    name: rowName(n), oursMs: timedOut ? limitMs : full!.ms, anchorMs: anchorMs(ANCHORS.gradcheck, n), anchorSource: ANCHORS.gradcheck.source,
    goal: 10, runs: full?.runs ?? 1, baselineMs, timedOut, note, extra,
  });
}
