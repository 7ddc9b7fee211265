/**
 * A step's compiled sides and evaluation state are kept per (step, size) and
 * reused by the next check: every check must answer exactly as on a step
 * compiled fresh, however the checks of different steps and sizes interleave,
 * and after the tiered compilation has handed over to generated code.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { checkStepNumerically, type NumericOutcome } from '../../src/numeric/index.ts';

const TEXT = `derivation "kept"
given x: vector[n]
given y: onehot[n]
given W: matrix[n, n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
let h[i] = relu(sum(j, W[i, j] * x[j]))
claim diff(L, x[k]) = s[k] - y[k]
claim diff(L, x[k]) = s[k] + y[k]
claim diff(sum(i, (i + 1) * y[i]) * L, x[k]) = sum(i, (i + 1) * y[i]) * (s[k] - y[k])
claim diff(sum(i, h[i]^2), x[k]) = sum(i, 2 * h[i] * (h[i] > 0) * W[i, k])
claim diff(sum(i, tanh(sum(j, W[i, j] * tanh(x[j])))), x[k]) = sum(i, (1 - tanh(sum(j, W[i, j] * tanh(x[j])))^2) * W[i, k] * (1 - tanh(x[k])^2))
`;

function steps() {
  const model = buildModel(parseDerivation(TEXT, '<kept>'));
  return model.claims.map((c) => ({ lhs: c.head!, rhs: c.steps[0].term!, inputs: model.inputs, freeIndices: c.freeIndices }));
}

const SIZES = [2, 3, 5];

function check(step: ReturnType<typeof steps>[number], n: number, seed: number): NumericOutcome {
  return checkStepNumerically(step, { trials: 4, seed, sizes: [new Map([['n', n]])] });
}

describe('compiled steps kept between checks', () => {
  it('answer as steps compiled fresh, interleaved over steps, sizes and seeds, past the hand-over to generated code', () => {
    const kept = steps();
    const plan: [number, number, number][] = [];
    for (let round = 0; round < 40; round++) {
      for (let c = 0; c < kept.length; c++) plan.push([c, SIZES[(round + c) % SIZES.length], 1 + (round % 3)]);
    }
    const expected = new Map<string, NumericOutcome>();
    for (const [c, n, seed] of plan) {
      const key = `${c}/${n}/${seed}`;
      // The reference: a model built anew, so nothing compiled is shared with the kept steps.
      if (!expected.has(key)) expected.set(key, check(steps()[c], n, seed));
      expect(check(kept[c], n, seed), key).toEqual(expected.get(key));
    }
    expect([...expected.values()].map((o) => o.kind)).toContain('counterexample');
    expect([...expected.values()].map((o) => o.kind)).toContain('agree');
  }, 120_000);
});
