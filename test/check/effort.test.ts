import { describe, expect, it } from 'vitest';
import { deriv, onlyStep } from '../__test-helpers__/derivations.ts';
import { SIMPLE_VALUES } from '../../src/numeric/index.ts';

// Where the numbers spend their inputs: what each verdict needs, and no more.
describe('the work the numbers do for each verdict', () => {
  it('a proved step is cross-checked at the smallest three sizes and the largest', () => {
    const step = onlyStep(deriv('given x: vector[n]\nclaim diff(sum(i, x[i]^2), x[k]) = 2 * x[k]\n'), { seed: 1, sizes: [1, 2, 3, 4, 5, 8] });
    expect(step.verdict).toBe('proved');
    expect(step.detail.sizes).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 8 }]);
    expect(step.method).toContain('at n = 1, 2, 3, 8');
  });

  it('a sum to a high power is not written out: (1 + t / 1e4)^10000 is left to the numbers, which refute it', () => {
    const step = onlyStep(deriv('given t: positive\nclaim exp(t) = (1 + t / 1e4)^10000   expect wrong\n'), { seed: 1, trials: 20 });
    expect(step.verdict).toBe('refuted');
    expect(step.method).not.toContain('exact canonical form');
    // A power the exact engine does write out is still proved.
    expect(onlyStep(deriv('given t: real\nclaim (1 + t)^3 = 1 + 3 t + 3 t^2 + t^3\n'), { seed: 1, trials: 20 }).verdict).toBe('proved');
  });

  it('a step the numbers alone decide is tried at every size', () => {
    // atan(e^x) + atan(e^-x) = pi / 2 is beyond the exact engines: only the numbers speak, at every size.
    const step = onlyStep(deriv('given x: vector[n]\nclaim sum(i, atan(exp(x[i])) + atan(exp(-x[i]))) = n * pi / 2\n'), { seed: 1, trials: 20, sizes: [1, 2, 3, 4, 5] });
    expect(step.verdict).toBe('verified');
    expect(step.detail.sizes).toHaveLength(5);
    expect(step.detail.trials).toBe(20 * 5);
  });

  it('a step the exact engine refutes at a size is searched at that size first', () => {
    // Right at n = 1 (the sum has one term), wrong from n = 2 on.
    const step = onlyStep(deriv('given x: vector[n]\nclaim sum(i, x[i])^2 = sum(i, x[i]^2)  expect wrong\n'), { seed: 1, trials: 100 });
    expect(step.verdict).toBe('refuted');
    expect(step.detail.sizes[0]).toEqual({ n: 2 });
    expect(step.detail.counterexample?.sizes).toEqual({ n: 2 });
    expect(step.detail.trials).toBeLessThan(100);
  });
});

describe('a counterexample is simple to read', () => {
  const isRound = (v: number) => (SIMPLE_VALUES as readonly number[]).includes(v) || Number.isInteger(v);

  it('an invertible matrix is simplified inside its type: round values, a positive determinant', () => {
    const step = onlyStep(deriv('given X: invertible[3, 3]\nclaim grad(det(X), X) = det(X) * inv(X)  expect wrong\n'), { seed: 1 });
    expect(step.verdict).toBe('refuted');
    const x = step.detail.counterexample?.inputs.X as number[];
    expect(x).toHaveLength(9);
    expect(x.every(isRound)).toBe(true);
    // Still of its kind: a positive determinant (a draw may be dominant, scaled, turned or a scaled rotation).
    const det = x[0] * (x[4] * x[8] - x[5] * x[7]) - x[1] * (x[3] * x[8] - x[5] * x[6]) + x[2] * (x[3] * x[7] - x[4] * x[6]);
    expect(det).toBeGreaterThan(0);
  });

  it("a fixed-size network's wrong gradient is shrunk to round values within the shrinking budget", () => {
    const step = onlyStep(deriv(`given X: matrix[2, 3]
given W: matrix[3, 2]
given y: label[2, 2]
let Z = X * W
let L = -sum(i, log(softmax(Z)[i, y[i]])) / 2
claim grad(L, W) = X' * (softmax(Z) - onehot(y, 2))  expect wrong
`), { seed: 1 });
    expect(step.verdict).toBe('refuted');
    const c = step.detail.counterexample!;
    for (const values of Object.values(c.inputs)) expect((Array.isArray(values) ? values : [values]).every(isRound)).toBe(true);
  });
});
