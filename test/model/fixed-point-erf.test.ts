/**
 * erf's series and erfc's continued fraction in binary fixed point (model/fixed-point-erf.ts)
 * against decimal.js, 30 digits deeper and with no code in common: each result must be its
 * precision's correct rounding, within half an ulp and a hair.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfcFractionFixed, erfSeriesFixed } from '../../src/model/fixed-point-erf.ts';

const PRECISIONS = [20, 60, 61, 82, 120, 200];

function ulpsOff(got: Decimal, exact: Decimal, digits: number): number {
  const ulp = new Decimal(10).pow(got.e - digits + 1);
  return new Decimal(got).minus(exact).abs().div(ulp).toNumber();
}

/** erf by its series in decimal.js, at the deeper class's precision (all terms of one sign). */
function erfByDecimal(x: Decimal, Deep: typeof Decimal): Decimal {
  const y = new Deep(x);
  const twoY2 = y.times(y).times(2);
  let term = new Deep(y);
  let sum = new Deep(y);
  const epsilon = new Deep(10).pow(-(Deep.precision + 5));
  for (let n = 1; n < 100_000; n++) {
    term = term.times(twoY2).div(2 * n + 1);
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().times(epsilon))) break;
  }
  return sum.times(y.times(y).neg().exp()).times(2).div(Deep.acos(-1).sqrt());
}

/** erfc by the continued fraction in decimal.js, at a fixed depth far past convergence for x > 10. */
function erfcByDecimal(x: Decimal, Deep: typeof Decimal): Decimal {
  const y = new Deep(x);
  let t = new Deep(y);
  for (let k = 2048; k >= 1; k--) t = y.plus(new Deep(k).div(2).div(t));
  return y.times(y).neg().exp().div(Deep.acos(-1).sqrt()).div(t);
}

const argument = (min: number, max: number) => fc.record({
  precision: fc.constantFrom(...PRECISIONS),
  rounding: fc.constantFrom(Decimal.ROUND_HALF_UP, Decimal.ROUND_HALF_EVEN),
  x: fc.double({ min, max, noNaN: true }),
  tiny: fc.boolean(),
});

describe('fixed-point erf and erfc', () => {
  it('erf by its series is correctly rounded on [-10, 10], tiny arguments included', () => {
    fc.assert(fc.property(argument(-10, 10), ({ precision, rounding, x, tiny }) => {
      const D = Decimal.clone({ precision, rounding });
      const Deep = Decimal.clone({ precision: precision + 30 });
      const at = new D(tiny ? x * 1e-40 : x);
      fc.pre(!at.isZero());
      const got = erfSeriesFixed(at, D)!;
      expect(ulpsOff(got, erfByDecimal(at, Deep), precision), `erf(${at}) at ${precision} digits`).toBeLessThanOrEqual(0.5001);
    }), { seed: 3, numRuns: 120 });
  });

  it('erfc by the continued fraction is correctly rounded past 10, down to erfc(800), about 1e-277951', () => {
    fc.assert(fc.property(argument(10.000001, 800), ({ precision, rounding, x }) => {
      const D = Decimal.clone({ precision, rounding });
      const Deep = Decimal.clone({ precision: precision + 30 });
      const at = new D(x);
      const got = erfcFractionFixed(at, D)!;
      expect(ulpsOff(got, erfcByDecimal(at, Deep), precision), `erfc(${at}) at ${precision} digits`).toBeLessThanOrEqual(0.5001);
    }), { seed: 4, numRuns: 60 });
  });

  it('leaves what fixed point cannot promise to decimal.js', () => {
    const D = Decimal.clone({ precision: 60 });
    expect(erfSeriesFixed(new D(11), D)).toBeUndefined();
    expect(erfcFractionFixed(new D(9), D)).toBeUndefined();
    const Down = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_DOWN });
    expect(erfSeriesFixed(new Down(1), Down)).toBeUndefined();
  });
});
