/**
 * A step is checked at the sizes of the dimensions it reads (check/sizes.ts,
 * dimensionsRead): a scalar step in a derivation with a sample of n counts has
 * one value at every n, and trying it at each n was the same work again.
 */
import { describe, expect, it } from 'vitest';
import { stepsIn } from '../__test-helpers__/derivations.ts';

const SAMPLE = `given y: count[n]
given lam: positive
given t: real
let L = sum(i, y[i] * log(lam) - lam)
`;

describe('sizes of the dimensions a step reads', () => {
  it('checks a step that reads no dimension at one size, and names none', () => {
    const [mean, slip] = stepsIn(`${SAMPLE}claim E(t, poisson(lam), (t / lam - 1)^2) = 1 / lam
claim E(t, poisson(lam), (t / lam - 1)^2) = 1 / lam^2   expect wrong
`, { sizes: [1, 2, 3, 5] });
    expect(mean.verdict).toMatch(/proved|verified/);
    expect(mean.detail.sizes).toHaveLength(1);
    expect(mean.method).not.toMatch(/n = /);
    expect(slip.verdict).toBe('refuted');
  });

  it('keeps every size for a step that reads n, through an input, a sum or n as a number', () => {
    const steps = stepsIn(`${SAMPLE}claim diff(L, lam) = sum(i, y[i]) / lam - n
claim diff(L, lam) = sum(i, y[i]) / lam - 1   expect wrong
claim sum(i, 1) = n
`, { sizes: [1, 2, 3, 5] });
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
    expect(steps[0].proof).toBe('every-n');
    // Refuted at n = 2, the first size where n and 1 differ: n = 1 was tried.
    expect(steps[1].detail.sizes.some((z) => z.n > 1)).toBe(true);
  });

  it('reads the dimensions of a let a derivative is taken with respect to, through its definition', () => {
    const steps = stepsIn(`given x: vector[n]
given w: vector[n]
given b: real
let z = sum(i, w[i] * x[i]) + b
let p = sigmoid(z)
claim diff(log(p), z) = 1 - p
claim diff(log(p), z) = p   expect wrong
`, { sizes: [1, 2, 3] });
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
    // z stands for a let over n entries: its value, where the step is read, depends on n.
    expect(new Set(steps[0].detail.sizes.map((z) => z.n)).size).toBeGreaterThan(1);
  });
});

describe('sizes the numbers search where the exact engine has shown a difference', () => {
  it('stops after the failing size when the difference is below what doubles see, and refutes in 60 digits', () => {
    const [step] = stepsIn(`given x: vector[n]
claim sum(i, exp(x[i])) = 1.00000000000000000001 * sum(i, exp(x[i]))   expect wrong
`, { sizes: [1, 2, 3, 5], trials: 30 });
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample?.foundBy).toMatch(/60-digit/);
    expect(step.detail.sizes).toHaveLength(1);
  });

  it('searches every size where doubles can see the difference, so the report shows it in doubles', () => {
    // 1 against 0 at a tie x[i] = x[k] with i != k: random draws rarely tie, the search's special values do.
    const [step] = stepsIn(`given x: vector[n]
claim diff(x[i], x[k]) = (x[i] == x[k])   expect wrong
`, { sizes: [1, 2, 3, 5] });
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample?.foundBy).toMatch(/double precision/);
  });
});
