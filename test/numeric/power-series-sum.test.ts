import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powerSeriesSum } from '../../src/numeric/power-series-sum.ts';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

const D = Decimal.clone({ precision: 60 });
const Wide = Decimal.clone({ precision: 90 });

describe('sums of (k + a)^(-s) by Euler-Maclaurin', () => {
  it('gives zeta(3/2), zeta(5/2) and the Hurwitz zeta(3/2, 1/2) to their 60 digits, within the error bound', () => {
    const cases: [number, number, number, string][] = [
      [0, 1.5, 1, '2.61237534868548834334856756792407163057080065240006340757332824881492776768827286'],
      [0, 2.5, 1, '1.34148725725091717975676969334861213662303762950598651125387'],
      [0.5, 1.5, 0, '4.77653794755483324857662766935830217366253007981687751012019'],
      [0, 1.0001, 1, '10000.5772229464376290700185888149018243258456108753332050801821'],
    ];
    for (const [a, s, lower, known] of cases) {
      const sum = powerSeriesSum(new D(a), new D(s), lower, 60);
      expect(sum).toBeDefined();
      expect(sum!.value.minus(known).abs().lte(sum!.error)).toBe(true);
      expect(sum!.error.lt(new D(known).abs().times('1e-50'))).toBe(true);
    }
  });

  it('has no value where the series diverges or a term has none', () => {
    expect(powerSeriesSum(new D(0), new D(1), 1, 60)).toBeUndefined();
    expect(powerSeriesSum(new D(0), new D(0.5), 1, 60)).toBeUndefined();
    expect(powerSeriesSum(new D(-2), new D(2), 1, 60)).toBeUndefined();
  });

  it('agrees with the terms added up where they shrink fast', () => {
    fc.assert(fc.property(fc.double({ min: 35, max: 45, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.integer({ min: 0, max: 3 }), (s, a, lower) => {
      fc.pre(a + lower > 0.5);
      const sum = powerSeriesSum(new D(a), new D(s), lower, 60)!;
      // Added up in 90 digits (decimal.js's powers at 60 round to some 1e-55); the tail past 600 terms is below 1e-64 of the sum.
      let direct = new Wide(0);
      for (let k = lower; k < lower + 600; k++) direct = direct.plus(new Wide(a).plus(k).pow(-s));
      expect(direct.minus(sum.value).abs().lte(sum.error.plus(direct.times('1e-62')))).toBe(true);
    }), { numRuns: 10 });
  });

  it('lets a step read zeta values of half-integer order: Bose-Einstein constants and their slips', () => {
    expect(verdictsIn(`given a: positive
claim sum(k, 1, Infinity, 1 / sqrt(k)^3) <= 2.6124
claim sum(k, 1, Infinity, 1 / k^(3/2)) <= 2.6123   expect wrong
claim sum(k, 0, Infinity, 1 / (k + a)^(3/2)) >= a^(-3/2)
claim sum(k, 1, Infinity, 1 / (2 k - 1)^(3/2)) = (1 - 2^(-3/2)) * sum(k, 1, Infinity, 1 / k^(3/2))
claim sum(k, 1, Infinity, 1 / (2 k - 1)^(3/2)) = (1 - 2^(-5/2)) * sum(k, 1, Infinity, 1 / k^(3/2))   expect wrong
claim sum(k, 1, Infinity, 1 / k^(1/2)) = 3   expect wrong
`, { seed: 1 })).toEqual(['verified', 'refuted', 'verified', 'verified', 'refuted', 'refuted']);
  }, 120_000);
});
