import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { printTerm, type Term } from '../../src/model/index.ts';
import { knownSeriesSum } from '../../src/symbolic/known-series.ts';

/** The series a claim's head is, as the model reads it. */
function series(text: string): Extract<Term, { k: 'series' }> {
  const model = buildModel(parseDerivation(`derivation "s"\ngiven r, t: real\nclaim ${text} = 0\n`, '<test>'));
  const head = model.claims[0]?.head;
  if (head?.k !== 'series') throw new Error(`not a series: ${text}`);
  return head;
}

/** Where the series converges, as `term > 0` or `term >= 0`. */
function region(text: string): string[] | undefined {
  return knownSeriesSum(series(text))?.converges.map((c) => `${printTerm(c.term)} ${c.strict ? '>' : '>='} 0`);
}

describe('the sums of the calculus tables, by the ratio of consecutive terms', () => {
  // The ratio z of the alternating series is -r: 1 - -r > 0 is r > -1.
  it('gives each series its exact region of convergence, boundary included', () => {
    // exp, sin, cos converge everywhere.
    expect(region('sum(k, 0, Infinity, t^k / factorial(k))')).toEqual([]);
    expect(region('sum(k, 0, Infinity, (-1)^k * t^(2 * k) / factorial(2 * k))')).toEqual([]);
    // The geometric series diverges at r = 1 and at r = -1.
    expect(region('sum(k, 0, Infinity, r^k)')).toEqual(['1 - r > 0', '1 + r > 0']);
    // The alternating harmonic series converges at r = 1 (log 2), not at r = -1.
    expect(region('sum(k, 1, Infinity, (-1)^(k + 1) * r^k / k)')).toEqual(['1 - -r > 0', '1 - r >= 0']);
    // The binomial series at 1/2 converges on the whole circle; at -1/2 not at r = -1; at 3 it is a polynomial.
    expect(region('sum(k, 0, Infinity, binomial(1/2, k) * r^k)')).toEqual(['1 - -r >= 0', '1 - r >= 0']);
    expect(region('sum(k, 0, Infinity, binomial(-1/2, k) * r^k)')).toEqual(['1 - -r > 0', '1 - r >= 0']);
    expect(region('sum(k, 0, Infinity, binomial(3, k) * r^k)')).toEqual([]);
    // Leibniz's series converges at r = 1 and r = -1.
    expect(region('sum(k, 0, Infinity, (-1)^k * r^(2 * k + 1) / (2 * k + 1))')).toEqual(['1 - r >= 0', '1 + r >= 0']);
    expect(region('sum(k, 0, Infinity, r^(2 * k + 1) / (2 * k + 1))')).toEqual(['1 - r > 0', '1 + r > 0']);
  });

  it('sums a series whose first terms are 0 by a factor k, k - 1 (the Poisson mean) from its first term past them', () => {
    // k r^k from k = 1: r (1 - r)^-2 over the table's a = 2; k (k - 1) t^k / k! from k = 2: t^2 exp(t).
    const geometric = knownSeriesSum(series('sum(k, 0, Infinity, k * r^k)'))!;
    expect(printTerm(geometric.first)).toBe('1 * r^1');
    expect(printTerm(geometric.closedForm)).toBe('(1 - r)^(-2)');
    const poisson = knownSeriesSum(series('sum(k, 0, Infinity, k * (k - 1) * t^k / factorial(k))'))!;
    expect(printTerm(poisson.closedForm)).toBe('exp(t)');
    // The skipped terms are read with the first, unfolded, so that their conditions are the series' (0 * 1/0 has no value).
    expect(printTerm(geometric.ownFirst)).toBe('(0 * r^0) * (1 * r^1)');
  });

  it('leaves alone what it does not describe exactly: poles, divergence at a constant ratio, other shapes', () => {
    expect(knownSeriesSum(series('sum(k, 0, Infinity, 1 / factorial(k - 1))'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 0, Infinity, 2^k)'))).toBeUndefined();
    // 1 / k^2 is summed by rational-series.ts (pi^2 / 6), the harmonic series diverges, 1 / (k^2 + 1) has complex roots.
    expect(printTerm(knownSeriesSum(series('sum(k, 1, Infinity, 1 / k^2)'))!.closedForm)).toBe('polygamma(1, 1)');
    expect(knownSeriesSum(series('sum(k, 1, Infinity, 1 / k)'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 1, Infinity, 1 / (k^2 + 1))'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 0, Infinity, 1 / (k - 3)^2)'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 0, Infinity, r^k / (k + 2))'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 0, Infinity, sin(k * r) / factorial(k))'))).toBeUndefined();
    expect(knownSeriesSum(series('sum(k, 0, Infinity, r^(k / 2))'))).toBeUndefined();
  });
});
