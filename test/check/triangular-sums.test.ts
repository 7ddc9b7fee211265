/**
 * Sums whose bound is another sum's index, the claim's or a let's: H_k summed over k, a cumulative sum, a triangular
 * matrix's rows (probe 102: `sum(k, 1, n, sum(j, 1, k, 1 / j))` was an error, "the upper bound ... is a dimension").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('triangular sums', () => {
  it('proves the harmonic numbers\' sums of GKP 6.3 for every n, and refutes their slips', () => {
    expect(verdictsIn(`given n: size
claim sum(k, 1, n, sum(j, 1, k, 1 / j)) = (n + 1) * sum(k, 1, n, 1 / k) - n
claim sum(k, 1, n, sum(j, 1, k, 1 / j)) = (n + 1) * sum(k, 1, n, 1 / k) - n + 1
claim sum(k, 1, n, k * sum(j, 1, k, 1 / j)) = n * (n + 1) / 2 * (sum(k, 1, n + 1, 1 / k) - 1/2)
claim sum(k, 1, n, k * sum(j, 1, k, 1 / j)) = n * (n + 1) / 2 * (sum(k, 1, n, 1 / k) - 1/2)
claim sum(k, 0, n, sum(j, 0, k, binomial(n, k) * binomial(k, j))) = 3^n
claim sum(k, 0, n, sum(j, k, n, 1)) = (n + 1) * (n + 2) / 2
claim sum(k, 1, n, sum(j, k + 1, n, 1)) = n * (n - 1) / 2
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'proved', 'proved']);
  }, 60_000);

  it('reads arrays up to an index of the claim or a let: a cumulative sum, a matrix split at its diagonal', () => {
    expect(verdictsIn(`given n: size
given x: vector[n]
given A: matrix[n, n]
let c[k] = sum(j, 1, k, x[j])
claim sum(k, 1, n, c[k]) = sum(j, 1, n, (n - j + 1) * x[j])
claim sum(k, 1, n, c[k]) = sum(j, 1, n, (n - j) * x[j])
claim sum(j, 1, i - 1, A[i, j]) + sum(j, i, n, A[i, j]) = sum(j, A[i, j])
claim sum(j, 1, i - 1, A[i, j]) + sum(j, i + 1, n, A[i, j]) = sum(j, A[i, j])
claim sum(i, 1, n, sum(j, 1, i - 1, A[i, j])) = sum(j, 1, n, sum(i, j + 1, n, A[i, j]))
claim sum(k, 1, n, x[k] * sum(j, 1, k - 1, x[j])) = ((sum(i, x[i]))^2 - sum(i, x[i]^2)) / 2
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'proved']);
  }, 60_000);

  it('adds up the terms a textbook means at any bounds: a property against the sum computed term by term', () => {
    // The outer sum from Lo to U, the inner from L to k + c, or from k + c to U; a term that reads both indices.
    const bounds = fc.record({
      Lo: fc.integer({ min: 0, max: 2 }), U: fc.integer({ min: 2, max: 5 }), L: fc.integer({ min: 0, max: 2 }),
      c: fc.integer({ min: -1, max: 2 }), upTo: fc.boolean(),
    }).filter(({ Lo, c, upTo }) => upTo || Lo + c >= 0);
    fc.assert(fc.property(bounds, ({ Lo, U, L, c, upTo }) => {
      const term = (j: number, k: number) => j * j + 3 * k * j + 1;
      let total = 0;
      for (let k = Lo; k <= U; k++) {
        const [from, to] = upTo ? [L, k + c] : [k + c, U];
        for (let j = from; j <= to; j++) total += term(j, k);
      }
      const at = c === 0 ? 'k' : c > 0 ? `k + ${c}` : `k - ${-c}`;
      const inner = upTo ? `sum(j, ${L}, ${at}, j^2 + 3 * k * j + 1)` : `sum(j, ${at}, ${U}, j^2 + 3 * k * j + 1)`;
      const [right, slip] = stepsIn(`claim sum(k, ${Lo}, ${U}, ${inner}) = ${total}\nclaim sum(k, ${Lo}, ${U}, ${inner}) = ${total + 1}\n`);
      expect(right.verdict).toBe('proved');
      expect(slip.verdict).toBe('refuted');
    }), { numRuns: 25, seed: 7 });
  }, 120_000);

  it('says what to write for a sum it cannot read: from below 0, an array read past its positions', () => {
    const [below, past] = stepsIn(`given n: size
given x: vector[n]
claim sum(k, 0, n, sum(j, k - 1, n, j)) = 0
claim sum(k, 1, n, sum(j, 0, k, x[j])) = 0
`);
    expect(below.detail.diagnostic?.message).toContain('would start at -1, below 0');
    expect(past.detail.diagnostic?.message).toContain('reads an array at j');
  }, 60_000);
});
