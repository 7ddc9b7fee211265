import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powerSeriesSum } from '../../src/numeric/power-series-sum.ts';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

const D = Decimal.clone({ precision: 100 });
const Wide = Decimal.clone({ precision: 90 });

describe('sums of (k + a)^(-s) by Euler-Maclaurin', () => {
  it('gives zeta(3/2), zeta(5/2) and the Hurwitz zeta(3/2, 1/2) to their 60 digits, within the error bound', () => {
    const cases: [number, number, number, string][] = [
      [0, 1.5, 1, '2.6123753486854883433485675679240716305708006524000634075733282488149277676882728609962438681263'],
      [0, 2.5, 1, '1.3414872572509171797567696933486121366230376295059865112537967283409189238131854415817610859987'],
      [0.5, 1.5, 0, '4.7765379475548332485766276693583021736625300798168775101201879511076606116101700054702830127895'],
      [0, 1.0001, 1, '10000.577222946437629070018588814901824325845610875333205080182105248917957415692851103586752649'],
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

  it('keeps the duplication law zeta(s, 1/2) = (2^s - 1) zeta(s), read at two different points', () => {
    fc.assert(fc.property(fc.double({ min: 1.05, max: 12, noNaN: true }), (s) => {
      const order = new D(s);
      const half = powerSeriesSum(new D(0.5), order, 0, 60)!;
      const whole = powerSeriesSum(new D(0), order, 1, 60)!;
      const scale = new D(2).pow(order).minus(1);
      expect(half.value.minus(whole.value.times(scale)).abs().lte(half.error.plus(whole.error.times(scale)).plus(half.value.times('1e-75')))).toBe(true);
    }), { numRuns: 20 });
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
