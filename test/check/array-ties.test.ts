/**
 * Strict bounds over arrays that tie only where every entry of an input sits at one value at once: the VAE's KL
 * over vectors at mu = 0 and s = 1, a regulariser's minimum at x = 1/3 in every entry. Random entries never land
 * there; the exact engine reads the bound with each array as one scalar (probe 52: these were verified).
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('a bound over arrays tight where every entry sits at one value', () => {
  it('is refuted there: at simple values of each input at once, and at the critical value of the array as one scalar', () => {
    expect(verdictsIn(`given mu: vector[J]
given s: positive[J]
given x: vector[n]
claim sum(j, mu[j]^2 + s[j] - 1 - log(s[j])) > 0
claim sum(j, mu[j]^2 + s[j] - 1 - log(s[j])) >= 0
claim sum(j, 9 * x[j]^2 - 6 * x[j]) > -n
claim sum(j, 9 * x[j]^2 - 6 * x[j]) >= -n
claim sum(j, (x[j] - 0.3)^2) > 0
`)).toEqual(['refuted', 'verified', 'refuted', 'verified', 'refuted']);
  }, 120_000);
});

describe('a quadratic bound tight only where its inputs sit at one point together', () => {
  it('is refuted at the point where every derivative of the margin vanishes at once, and its non-strict twin holds', () => {
    // (x - c)^2 + (c - 2)^2 is 0 only at x = c = 2: no input alone has a critical value (each one's moves with the
    // other), and a curve of one in the other at simple values misses c = 2 (probe 52: these were verified).
    expect(verdictsIn(`given x, c, y: real
given v: vector[n]
claim (x - c)^2 + (c - 2)^2 > 0
claim (x - c)^2 + (c - 2)^2 >= 0
claim (x - 2 c)^2 + (c - 3)^2 + (y - x)^2 > 0
claim sum(j, (v[j] - c)^2) + (c - 2)^2 > 0
claim sum(j, (v[j] - c)^2) + (c - 2)^2 + 1e-300 > 0
`)).toEqual(['refuted', 'verified', 'refuted', 'refuted', 'verified']);
  }, 120_000);
});

describe('bounds over arrays tight only where one entry stands far from the rest (probe 105)', () => {
  it('refutes a log-sum-exp margin and a softmax entry bound of 1e-300, true at every random input, at z = (1000, ...)', () => {
    const [margin, entry, truth] = stepsIn(`given z: vector[3]
claim log(sum(j, exp(z[j]))) >= max(z) + 1e-300
claim exp(z[1]) / sum(j, exp(z[j])) <= 1 - 1e-300
claim log(sum(j, exp(z[j]))) >= max(z)
`, { sizes: undefined });
    for (const step of [margin, entry]) {
      expect(step.verdict).toBe('refuted');
      expect(Math.abs((step.detail.counterexample!.inputs.z as readonly number[])[0])).toBeGreaterThanOrEqual(1000);
    }
    expect(['proved', 'verified']).toContain(truth.verdict);
  }, 120_000);
});
