import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logOfSignedSum } from '../../src/numeric/log-sum.ts';

const D = Decimal.clone({ precision: 60, maxE: 9e15, minE: -9e15 });
const U = new D('5e-60');
const exact = (v: number | string) => ({ value: new D(v), error: new D(0) });

describe('the log of a sum from its terms\' logs', () => {
  it('is log(e^a + e^b) and log(e^a - e^b) far past decimal.js\'s range', () => {
    const sum = logOfSignedSum([{ ...exact('-5e19'), negative: false }, { ...exact('-5e19'), negative: false }], U);
    expect(sum?.value.minus(new D('-5e19').plus(new D(2).ln())).abs().lte(sum.error)).toBe(true);
    const difference = logOfSignedSum([{ ...exact('-5e19'), negative: false }, { ...exact(new D('-5e19').minus(new D(2).ln()).toString()), negative: true }], U);
    // e^a - e^a / 2 = e^a / 2.
    expect(difference?.value.minus(new D('-5e19').minus(new D(2).ln())).abs().lte(difference.error)).toBe(true);
  });

  it('has no value where the negative terms may reach the positive ones within their errors', () => {
    expect(logOfSignedSum([{ ...exact(1), negative: false }, { value: new D(1), error: new D('1e-30'), negative: true }], U)).toBeUndefined();
    expect(logOfSignedSum([{ ...exact(1), negative: false }, { ...exact(2), negative: true }], U)).toBeUndefined();
    expect(logOfSignedSum([{ ...exact(1), negative: true }], U)).toBeUndefined();
  });

  it('bounds its error: the log of a sum of signed terms read directly lies within it', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ log: fc.double({ min: -30, max: 30, noNaN: true }), negative: fc.boolean(), error: fc.double({ min: 0, max: 1e-20, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
      (parts, shifts) => {
        const read = logOfSignedSum(parts.map((p) => ({ value: new D(p.log), error: new D(p.error), negative: p.negative })), U);
        if (read === undefined) return;
        // Any terms within their errors: their sum's log is within the reading's error.
        const direct = parts.reduce((s, p, i) => s.plus(new D(p.log).plus(new D(p.error).times(shifts[i])).exp().times(p.negative ? -1 : 1)), new D(0));
        expect(direct.isPositive()).toBe(true);
        expect(direct.ln().minus(read.value).abs().lte(read.error.times(1.0001).plus('1e-55'))).toBe(true);
      }));
  });
});
