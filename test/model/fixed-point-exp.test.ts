/**
 * fixedPointExp: exp in binary fixed point for the 60-digit quadrature's node tables
 * and the 60-digit evaluator (fastExp),
 * checked against decimal.js's own series in 100 digits.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp, fixedPointExp } from '../../src/model/index.ts';

const D = Decimal.clone({ precision: 70 });
const Wide = Decimal.clone({ precision: 100 });

describe('fixedPointExp', () => {
  it('is exp to 70 digits, from tiny arguments to the nodes\' largest', () => {
    const argument = fc.oneof(fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -1e-20, max: 1e-20, noNaN: true }));
    fc.assert(fc.property(argument, fc.integer({ min: 0, max: 1e9 }), (y, digits) => {
      // Arguments with 70 digits, not only doubles: the nodes are placed at pi/2 sinh(u).
      const x = new D(y).plus(new D(digits).times('1e-60'));
      const exact = Wide.exp(new Wide(x));
      expect(new Wide(fixedPointExp(x, D)).minus(exact).div(exact).abs().toNumber()).toBeLessThan(1e-68);
    }), { seed: 5, numRuns: 300 });
  });

  it('fastExp is within two units of round-off of decimal.js at 60 digits, and decimal.js itself past 70', () => {
    const Sixty = Decimal.clone({ precision: 60 });
    const Deep = Decimal.clone({ precision: 200 });
    fc.assert(fc.property(fc.double({ min: -2000, max: 2000, noNaN: true }), (y) => {
      const exact = Wide.exp(new Wide(y));
      expect(new Wide(fastExp(new Sixty(y), Sixty)).minus(exact).div(exact).abs().toNumber()).toBeLessThanOrEqual(1e-59); // two units of round-off, 5e-60 each
      expect(fastExp(new Deep(y), Deep).eq(new Deep(y).exp())).toBe(true);
    }), { seed: 6, numRuns: 200 });
  });

  it('is exactly 1 at 0', () => {
    expect(fixedPointExp(new D(0), D).eq(1)).toBe(true);
  });

  it('rejects what it is not made for, with a message saying so', () => {
    expect(() => fixedPointExp(new D(Infinity), D)).toThrow(/y must be finite and below 1e6 in size/);
    expect(() => fixedPointExp(new D('2e6'), D)).toThrow(/y must be finite and below 1e6 in size/);
  });
});
