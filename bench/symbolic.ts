/**
 * Benchmarks 1 and 2: a step decided by the exact engine at one size n, for
 * every value of its free indices (and every position of a one-hot input).
 * Timed: parsing and resolving the text, eliminating diff, and decideStep.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModel, parseDerivation, parseDerivationFile } from '../src/index.ts';
import { decideStep, eliminateDiff, type SymbolicOutcome } from '../src/symbolic/index.ts';
import { countInstances } from '../src/symbolic/decide.ts';
import { ANCHORS, anchorMs } from './anchors.ts';
import { anchoredRow, BenchFailure, measure, type BenchRow } from './lib.ts';

export const SOFTMAX_JACOBIAN = `derivation "bench: softmax Jacobian"
given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])
`;

export const CROSS_ENTROPY_GRADIENT = `derivation "bench: softmax cross-entropy gradient"
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim diff(L, x[k]) = s[k] - y[k]
`;

/** The claim's first step, ready for the exact engine. */
function firstStep(text: string) {
  const model = buildModel(parseDerivation(text, '<bench>'));
  const claim = model.claims[0];
  const head = claim?.head;
  const step = claim?.steps[0]?.term;
  if (!claim || !head || !step) {
    throw new BenchFailure(`the bench derivation does not resolve: ${claim?.headError?.message ?? claim?.steps[0]?.error?.message ?? 'no claim'}`);
  }
  return { lhs: eliminateDiff(head), rhs: eliminateDiff(step), inputs: model.inputs, freeIndices: claim.freeIndices };
}

/** Builds the model from text and decides the claim's first step exactly at size n (default budget). */
export function decideAt(text: string, n: number): SymbolicOutcome {
  return decideStep(firstStep(text), [new Map([['n', n]])]);
}

/**
 * The instances the exact engine decides for all `cases` entries and cases at size n:
 * the others are relabellings of them (src/symbolic/instance-symmetry.ts), so the
 * claim is proved for all of them, as SymPy proves it entry by entry.
 */
function decidedInstances(text: string, n: number): number {
  return countInstances(firstStep(text), [new Map([['n', n]])]);
}

function expectEqual(what: string, n: number, instances: number) {
  return (outcome: SymbolicOutcome) => {
    if (outcome.kind !== 'equal') {
      const why = outcome.kind === 'different' ? `different: ${outcome.explanation}` : `undecided: ${outcome.reason}`;
      throw new BenchFailure(`${what} at n = ${n}: the exact engine answered ${why}; the step is true`);
    }
    if (outcome.instances !== instances) {
      throw new BenchFailure(`${what} at n = ${n}: decided ${outcome.instances} instances, expected ${instances}`);
    }
  };
}

const bySymmetry = (decided: number, all: number) =>
  `${decided} instance(s) decided exactly; the other ${all - decided} of the ${all} are relabellings of them (proved by symmetry)`;

export function softmaxJacobianRows(sizes: readonly number[] = [3, 8, 16, 24]): BenchRow[] {
  return sizes.map((n) => {
    const name = `softmax Jacobian exact, n=${n} (${n * n} entries)`;
    const decided = decidedInstances(SOFTMAX_JACOBIAN, n);
    const m = measure(name, () => decideAt(SOFTMAX_JACOBIAN, n), expectEqual('softmax Jacobian', n, decided));
    return anchoredRow({
      name, oursMs: m.medianMs, anchorMs: anchorMs(ANCHORS.softmaxJacobian, n), anchorSource: ANCHORS.softmaxJacobian.source,
      goal: 20, runs: m.runs, minMs: Math.min(...m.samples), note: bySymmetry(decided, n * n), extra: { instances: decided },
    });
  });
}

export function crossEntropyRows(sizes: readonly number[] = [3, 8, 12, 24]): BenchRow[] {
  return sizes.map((n) => {
    // every k, times every position of y's 1
    const name = `dL/dx_k = s_k - y_k exact, n=${n} (${n}x${n} cases)`;
    const decided = decidedInstances(CROSS_ENTROPY_GRADIENT, n);
    const m = measure(name, () => decideAt(CROSS_ENTROPY_GRADIENT, n), expectEqual('dL/dx_k = s_k - y_k', n, decided));
    return anchoredRow({
      name, oursMs: m.medianMs, anchorMs: anchorMs(ANCHORS.crossEntropyGradient, n), anchorSource: ANCHORS.crossEntropyGradient.source,
      goal: 20, runs: m.runs, minMs: Math.min(...m.samples), note: bySymmetry(decided, n * n), extra: { instances: decided },
    });
  });
}

export const BATCH_CROSS_ENTROPY = `derivation "bench: batch cross-entropy, a label per row"
given z: matrix[N, C]
given y: label[N, C]
let L = -sum(onehot(y, C) .* log(softmax(z))) / N
claim grad(L, z) = (softmax(z) - onehot(y, C)) / N
`;

/**
 * The batch cross-entropy gradient with a label per row, N and C symbolic, decided
 * exactly at the default sizes (N = C = 1, 2, 3, 4, 5, 8): the case split is C^N
 * label cases times N x C entries, over a billion in all, and up to symmetry a few
 * hundred. No anchor: without the symmetry the exact engine leaves it undecided.
 */
export function batchCrossEntropyRow(): BenchRow {
  const model = buildModel(parseDerivation(BATCH_CROSS_ENTROPY, '<bench>'));
  const claim = model.claims[0];
  const step = { lhs: eliminateDiff(claim.head!), rhs: eliminateDiff(claim.steps[0].term!), inputs: model.inputs, freeIndices: claim.freeIndices };
  const sizes = [1, 2, 3, 4, 5, 8].map((n) => new Map([['N', n], ['C', n]]));
  const all = sizes.reduce((total, s) => total + s.get('N')! * s.get('C')! * s.get('C')! ** s.get('N')!, 0);
  const name = 'batch cross-entropy gradient, label per row, N and C symbolic, exact up to symmetry';
  let instances = 0;
  const m = measure(name, () => decideStep(step, sizes), (outcome: SymbolicOutcome) => {
    if (outcome.kind !== 'equal') throw new BenchFailure(`${name}: the exact engine answered ${outcome.kind}; the step is true`);
    instances = outcome.instances;
  });
  return {
    name, ours_ms: m.medianMs, anchor_ms: null, ratio: null, anchor_source: null, goal_ratio: null, goal_met: null,
    runs: m.runs, min_ms: Math.min(...m.samples),
    note: `${instances} instances decided, of ${all.toLocaleString('en-US')} without symmetry (over the budget of 20,000: undecided before)`,
    extra: { instances, instances_without_symmetry: all },
  };
}

/**
 * Note 002's two-layer network: dW1 = X' dZ1 (through softmax, cross-entropy and
 * ReLU) decided exactly at (N, D, H, C) = (2, 3, 3, 3), read from the suite's file.
 * The case split (9 entries times 9 label cases) is reduced by symmetry.
 */
export function twoLayerRow(): BenchRow {
  const path = fileURLToPath(new URL('../derivations/002-softmax-cross-entropy-batch.deriv', import.meta.url));
  const models = parseDerivationFile(readFileSync(path), path).derivations.map(buildModel);
  const found = models.flatMap((model) => model.claims.map((claim) => ({ model, claim })))
    .find(({ claim }) => claim.claim.text === 'grad(L, W1)' && claim.steps[0]?.step.text === "X' * dZ1");
  if (!found) throw new BenchFailure('note 002 no longer holds the claim grad(L, W1) = X\' * dZ1');
  const { model, claim } = found;
  const step = { lhs: eliminateDiff(claim.head!), rhs: eliminateDiff(claim.steps[0].term!), inputs: model.inputs, freeIndices: claim.freeIndices };
  const name = "two-layer net dW1 = X' dZ1 exact, (N, D, H, C) = (2, 3, 3, 3)";
  let instances = 0;
  const m = measure(name, () => decideStep(step, [new Map()]), (outcome: SymbolicOutcome) => {
    if (outcome.kind !== 'equal') throw new BenchFailure(`${name}: the exact engine answered ${outcome.kind}; the step is true`);
    instances = outcome.instances;
  });
  return anchoredRow({
    name, oursMs: m.medianMs, anchorMs: ANCHORS.twoLayer.ms.get(3)!, anchorSource: ANCHORS.twoLayer.source, goal: 20, runs: m.runs,
    minMs: Math.min(...m.samples), note: `${instances} instances decided (9 entries x 9 label cases = 81 without symmetry)`, extra: { instances },
  });
}
