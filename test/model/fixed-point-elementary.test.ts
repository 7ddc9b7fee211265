/**
 * fastLn, fastAtan, fastAsin, fastSin, fastCos: ln, atan, asin, sin and cos in binary fixed point for the
 * high-precision evaluators, checked against decimal.js 30 digits deeper: each
 * must be its precision's correct rounding, within half an ulp (and a hair).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastAsin, fastAtan, fastCos, fastExpAnyDigits, fastLn, fastSin } from '../../src/model/index.ts';
import { isqrt } from '../../src/model/fixed-point-elementary.ts';

const PRECISIONS = [20, 60, 61, 80, 120, 160, 240, 300];  // and 960 below, once: its references take seconds

/** |got - exact| in units in the last place of got, exact read 30 digits deeper. */
function ulpsOff(got: Decimal, exact: Decimal, digits: number): number {
  const ulp = new Decimal(10).pow(got.e - digits + 1);
  return new Decimal(got).minus(exact).abs().div(ulp).toNumber();
}

/** A decimal of `digits` random digits at 10^magnitude, in the class of that precision. */
const decimalArbitrary = (minMagnitude: number, maxMagnitude: number) => fc.record({
  precision: fc.constantFrom(...PRECISIONS),
  rounding: fc.constantFrom(Decimal.ROUND_HALF_UP, Decimal.ROUND_HALF_EVEN),
  digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 300 }),
  magnitude: fc.integer({ min: minMagnitude, max: maxMagnitude }),
  negative: fc.boolean(),
});

function build(r: { precision: number; rounding: Decimal.Rounding; digits: number[]; magnitude: number; negative: boolean }) {
  const D = Decimal.clone({ precision: r.precision, rounding: r.rounding });
  const Deep = Decimal.clone({ precision: r.precision + 30 });
  const x = new D(`${r.negative ? '-' : ''}0.${r.digits.slice(0, r.precision).join('')}e${r.magnitude}`);
  return { D, Deep, x };
}

describe('fixed-point ln, atan and asin', () => {
  it('ln is correctly rounded at every precision, from 1e-300 to 1e300', () => {
    fc.assert(fc.property(decimalArbitrary(-300, 300), (r) => {
      const { Deep, x } = build({ ...r, negative: false });
      fc.pre(!x.isZero());
      expect(ulpsOff(fastLn(x), new Deep(x).ln(), r.precision)).toBeLessThanOrEqual(0.5000001);
    }), { seed: 41, numRuns: 300 });
  }, 60_000);

  it('exp is correctly rounded at every precision, from tiny arguments to results of 1e-400000 and 1e400000', () => {
    fc.assert(fc.property(fc.constantFrom(...PRECISIONS), fc.oneof(fc.double({ min: -1e6 + 1, max: 1e6 - 1, noNaN: true }), fc.double({ min: -1e-20, max: 1e-20, noNaN: true })), (precision, y) => {
      const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_UP });
      const x = new D(y);
      expect(ulpsOff(fastExpAnyDigits(x), new (Decimal.clone({ precision: precision + 30 }))(x).exp(), precision)).toBeLessThanOrEqual(0.5000001);
    }), { seed: 46, numRuns: 150 });
  }, 60_000);

  it('ln past the 1,025 digits of decimal.js\'s ln 10 has a value (decimal.js throws there), and exp of it is the argument', () => {
    for (const precision of [1200, 2060]) {
      const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
      const Deep = Decimal.clone({ precision: precision + 30 });
      for (const text of ['9000', '1234.5678901234567890123', '0.7', '3e-4343', '7e300']) {
        const x = new D(text);
        if (text !== '0.7') expect(() => x.ln()).toThrow(/Precision limit exceeded/);
        const y = fastLn(x);
        // exp's condition is 1: y within half an ulp of ln x puts exp(y) within |y| ulps of x, at most a few thousand.
        expect(new Deep(y).exp().minus(x).abs().div(x).lt(new Deep(10).pow(4 - precision))).toBe(true);
      }
    }
  }, 60_000);

  it('ln near 1, where fixed point would lose the digits, is still right (decimal.js takes over)', () => {
    for (const text of ['1.0000000000001', '0.99999999999999999', '1.00000000000000000000000000000000000001', '0.999999', '9.99999999999', '10', '1']) {
      for (const precision of [60, 120]) {
        const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_UP });
        const Deep = Decimal.clone({ precision: precision + 30 });
        const x = new D(text);
        const exact = new Deep(x).ln();
        if (exact.isZero()) expect(fastLn(x).isZero()).toBe(true);
        else expect(ulpsOff(fastLn(x), exact, precision)).toBeLessThanOrEqual(0.5000001);
      }
    }
  });

  it('atan is correctly rounded at every precision, from 1e-50 to 1e50 and both signs', () => {
    fc.assert(fc.property(decimalArbitrary(-50, 50), (r) => {
      const { Deep, x } = build(r);
      fc.pre(!x.isZero());
      expect(ulpsOff(fastAtan(x), new Deep(x).atan(), r.precision)).toBeLessThanOrEqual(0.5000001);
    }), { seed: 42, numRuns: 200 });
  }, 60_000);

  it('asin is correctly rounded on [-1, 1], near 0 and near both ends', () => {
    const nearOne = fc.record({ precision: fc.constantFrom(...PRECISIONS), depth: fc.integer({ min: 1, max: 60 }), digit: fc.integer({ min: 1, max: 9 }), negative: fc.boolean() });
    fc.assert(fc.property(fc.oneof(decimalArbitrary(-40, 0).map((r) => build(r)), nearOne.map((r) => {
      const D = Decimal.clone({ precision: r.precision, rounding: Decimal.ROUND_HALF_UP });
      return { D, Deep: Decimal.clone({ precision: r.precision + 30 }), x: new D(1).minus(new D(r.digit).times(new D(10).pow(-r.depth))).times(r.negative ? -1 : 1) };
    })), ({ D, Deep, x }) => {
      fc.pre(!x.isZero() && x.abs().lte(1));
      expect(ulpsOff(fastAsin(x), new Deep(x).asin(), D.precision)).toBeLessThanOrEqual(0.5000001);
    }), { seed: 43, numRuns: 200 });
  }, 60_000);

  it('sin and cos are correctly rounded at every precision, up to 10^6 and next to multiples of pi', () => {
    const nearPi = fc.record({ precision: fc.constantFrom(...PRECISIONS), multiple: fc.integer({ min: -1000, max: 1000 }), offset: fc.integer({ min: 5, max: 35 }) });
    fc.assert(fc.property(fc.oneof(decimalArbitrary(-30, 6).map((r) => build(r)), nearPi.map((r) => {
      const D = Decimal.clone({ precision: r.precision, rounding: Decimal.ROUND_HALF_UP });
      const Deep = Decimal.clone({ precision: r.precision + 30 });
      // 10^-offset from a multiple of pi/2, to the precision's digits.
      return { D, Deep, x: new D(Deep.acos(-1).times(r.multiple).div(2).plus(new Deep(10).pow(-r.offset))) };
    })), ({ D, Deep, x }) => {
      for (const [fast, exact] of [[fastSin(x), new Deep(x).sin()], [fastCos(x), new Deep(x).cos()]]) {
        if (exact.isZero()) expect(fast.isZero()).toBe(true);
        else expect(ulpsOff(fast, exact, D.precision)).toBeLessThanOrEqual(0.5000001);
      }
    }), { seed: 45, numRuns: 200 });
  }, 60_000);

  it('reads the parity of far multiples of pi right, where decimal.js 10.6 reads cos(10000001 pi) as 1 (probe 100)', () => {
    const multiple = fc.record({
      precision: fc.constantFrom(20, 60, 120), lead: fc.integer({ min: 1, max: 9 }), power: fc.integer({ min: 7, max: 40 }), near: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(fc.property(multiple, ({ precision, lead, power, near }) => {
      const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
      const k = BigInt(lead) * 10n ** BigInt(power) + BigInt(near);
      const sign = k % 2n === 0n ? 1 : -1;
      const pi = Decimal.clone({ precision: precision + power + 10 }).acos(-1);
      // cos(k pi) and sin((k + 1/2) pi) are (-1)^k, to the digits the argument's rounding leaves.
      const tolerance = new Decimal(10).pow(-precision + power + 3);
      expect(fastCos(new D(pi.times(k.toString()))).minus(sign).abs().lte(tolerance)).toBe(true);
      expect(fastSin(new D(pi.times(k.toString()).plus(pi.div(2)))).minus(sign).abs().lte(tolerance)).toBe(true);
    }), { seed: 7, numRuns: 200 });
    const D = Decimal.clone({ precision: 60 });
    expect(fastCos(D.acos(-1).times(10000001)).toNumber()).toBe(-1);
    expect(fastSin(D.acos(-1).times(10000001)).abs().lt('1e-50')).toBe(true);
  });

  it('reaches the 960 digits of the exact engine\'s deepest readings, where decimal.js takes seconds an atan', () => {
    const D = Decimal.clone({ precision: 960, rounding: Decimal.ROUND_HALF_UP });
    const x = new D('0.73123456789012345678901234567890123456789');
    // decimal.js's own pi stops near 1,025 digits: sin and cos are read 15 deeper, the others 30.
    const Deep = Decimal.clone({ precision: 990 });
    const Near = Decimal.clone({ precision: 975 });
    expect(ulpsOff(fastLn(x), new Deep(x).ln(), 960)).toBeLessThanOrEqual(0.5000001);
    expect(ulpsOff(fastExpAnyDigits(x.times(-700)), new Deep(x).times(-700).exp(), 960)).toBeLessThanOrEqual(0.5000001);
    expect(ulpsOff(fastAtan(x), new Deep(x).atan(), 960)).toBeLessThanOrEqual(0.5000001);
    expect(ulpsOff(fastSin(x), new Near(x).sin(), 960)).toBeLessThanOrEqual(0.5000001);
    expect(ulpsOff(fastCos(x), new Near(x).cos(), 960)).toBeLessThanOrEqual(0.5000001);
  }, 60_000);

  it('is decimal.js itself under a directed rounding, past 1,100 digits, and at the special values', () => {
    const Up = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_UP });
    const x = new Up('0.7312345678901234567890123456789');
    expect(fastLn(x).eq(x.ln())).toBe(true);
    expect(fastAtan(x).eq(x.atan())).toBe(true);
    expect(fastAsin(x).eq(x.asin())).toBe(true);
    expect(fastSin(x).eq(x.sin())).toBe(true);
    expect(fastCos(x).eq(x.cos())).toBe(true);
    expect(fastExpAnyDigits(x).eq(x.exp())).toBe(true);
    // Past 1,100 digits (an ln there takes decimal.js a second; its sin throws past its pi's 1,025 digits).
    const Deep = Decimal.clone({ precision: 1200, rounding: Decimal.ROUND_HALF_UP });
    const y = new Deep('0.7312345678901234567890123456789');
    expect(fastLn(y).eq(y.ln())).toBe(true);
    expect(() => fastSin(y)).toThrow(/Precision limit exceeded/);
    const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
    expect(fastAsin(new D(1)).eq(new D(1).asin())).toBe(true);
    expect(fastAsin(new D(-1)).eq(new D(-1).asin())).toBe(true);
    expect(fastAsin(new D(0)).isZero()).toBe(true);
    expect(fastAtan(new D(0)).isZero()).toBe(true);
    expect(fastAtan(new D(Infinity)).eq(new D(Infinity).atan())).toBe(true);
    expect(fastLn(new D(Infinity)).eq(Infinity)).toBe(true);
    expect(fastAsin(new D('1.5')).isNaN()).toBe(true);
    expect(fastCos(new D(0)).eq(1)).toBe(true);
    expect(fastSin(new D(0)).isZero()).toBe(true);
    expect(fastSin(new D('1e7')).eq(new D('1e7').sin())).toBe(true);
  });

  it('takes arguments at the ends of decimal.js\'s range at once, where its own series never end or a power of ten would not fit a BigInt', () => {
    const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
    for (const text of ['-1e-9000000000000000', '1e-1000000000', '5e-324']) {
      const x = new D(text);
      expect(fastSin(x).eq(x)).toBe(true);
      expect(fastCos(x).eq(1)).toBe(true);
      expect(fastAtan(x).eq(x)).toBe(true);
      expect(fastAsin(x).eq(x)).toBe(true);
      expect(fastExpAnyDigits(x).eq(1)).toBe(true);
    }
    // Just above where the next term stops counting, the series itself.
    const Deep = Decimal.clone({ precision: 120 });
    for (const text of ['3e-31', '1e-29']) {
      const x = new D(text);
      expect(fastSin(x).eq(new Deep(x).sin().toSignificantDigits(60))).toBe(true);
      expect(fastCos(x).eq(new Deep(x).cos().toSignificantDigits(60))).toBe(true);
    }
  });

  it('isqrt is the whole square root of any whole number', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 1n << 3000n }), (n) => {
      const r = isqrt(n);
      expect(r * r <= n && n < (r + 1n) * (r + 1n)).toBe(true);
    }), { seed: 44, numRuns: 500 });
    expect(() => isqrt(-1n)).toThrow(/n must be non-negative/);
  });
});
