/**
 * fixedPointExp: exp in binary fixed point for the 60-digit quadrature's node tables,
 * checked against decimal.js's own series in 100 digits.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedPointExp } from '../../src/numeric/index.ts';

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

  it('is exactly 1 at 0', () => {
    expect(fixedPointExp(new D(0), D).eq(1)).toBe(true);
  });

  it('rejects what it is not made for, with a message saying so', () => {
    expect(() => fixedPointExp(new D(Infinity), D)).toThrow(/y must be finite and below 1e6 in size/);
    expect(() => fixedPointExp(new D('2e6'), D)).toThrow(/y must be finite and below 1e6 in size/);
  });
});
