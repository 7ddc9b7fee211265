import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/symbolic/exact/index.ts';
import { arbNonzeroRational, arbRational } from './arbitraries.ts';

const r = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);

describe('Rational construction', () => {
  it('reduces to lowest terms with a positive denominator', () => {
    const q = r(6, -8);
    expect(q.num).toBe(-3n);
    expect(q.den).toBe(4n);
    expect(q.toString()).toBe('-3/4');
    expect(r(10, 5).toString()).toBe('2');
    expect(r(0, -7).equals(Rational.ZERO)).toBe(true);
  });

  it('refuses unsafe or fractional numbers with a specific message', () => {
    expect(() => Rational.of(0.1)).toThrow(RangeError);
    expect(() => Rational.of(0.1)).toThrow(/numerator 0\.1 is not a safe integer/);
    expect(() => Rational.of(2 ** 53)).toThrow(/not a safe integer/);
    expect(() => Rational.of(1, 1.5)).toThrow(/denominator 1\.5 is not a safe integer/);
    expect(Rational.of(2n ** 80n).toString()).toBe((2n ** 80n).toString());
  });

  it('throws division by zero for a zero denominator', () => {
    expect(() => Rational.of(1, 0)).toThrow('division by zero');
  });
});

describe('Rational.parse', () => {
  const cases: Array<[string, string]> = [
    ['3', '3'],
    ['-3', '-3'],
    ['+3', '3'],
    ['0.25', '1/4'],
    ['1e-7', '1/10000000'],
    ['1.5E+3', '1500'],
    ['2.', '2'],
    ['.5', '1/2'],
    ['-0.125e1', '-5/4'],
    ['0.1', '1/10'],
    ['000.000', '0'],
    ['12345678901234567890.5', '24691357802469135781/2'],
    ['3/4', '3/4'],
    ['-6/8', '-3/4'],
  ];
  it.each(cases)('parses %s exactly as %s', (text, expected) => {
    expect(Rational.parse(text).toString()).toBe(expected);
  });

  it.each(['', '.', 'e5', '1e', '1.2.3', ' 1', '1 ', 'abc', '0x10', '1/0', '--1', 'Infinity', 'NaN'])('rejects %j', (text) => {
    expect(() => Rational.parse(text)).toThrow();
  });

  it('refuses absurd exponents instead of hanging', () => {
    expect(() => Rational.parse('1e1000000000')).toThrow(RangeError);
  });

  it('equals the fraction computed by hand for random decimal strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 }),
        fc.boolean(),
        fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
        fc.constantFrom('e', 'E'),
        (sign, int, frac, dot, exp, e) => {
          fc.pre(int !== '' || (dot && frac !== ''));
          const text = `${sign}${int}${dot ? `.${frac}` : ''}${exp === undefined ? '' : `${e}${exp}`}`;
          const usedFrac = dot ? frac : '';
          let digits = BigInt((int + usedFrac) || '0');
          if (sign === '-') digits = -digits;
          const scale = (exp ?? 0) - usedFrac.length;
          const expected = scale >= 0 ? Rational.of(digits * 10n ** BigInt(scale)) : Rational.of(digits, 10n ** BigInt(-scale));
          const got = Rational.parse(text);
          expect(got.equals(expected)).toBe(true);
          // And it agrees with the float parser up to rounding.
          const f = Number.parseFloat(text);
          expect(Math.abs(got.toNumber() - f)).toBeLessThanOrEqual(Math.abs(f) * 1e-15);
        },
      ),
    );
  });
});

describe('Rational arithmetic', () => {
  it('computes the basic operations', () => {
    expect(r(1, 2).add(r(1, 3)).toString()).toBe('5/6');
    expect(r(1, 2).sub(r(1, 3)).toString()).toBe('1/6');
    expect(r(2, 3).mul(r(9, 4)).toString()).toBe('3/2');
    expect(r(1, 2).div(r(3)).toString()).toBe('1/6');
    expect(r(-2, 3).inv().toString()).toBe('-3/2');
    expect(r(2, 3).pow(-2).toString()).toBe('9/4');
    expect(r(-2).pow(3).toString()).toBe('-8');
    expect(r(5).pow(0).toString()).toBe('1');
    expect(r(-3, 4).abs().toString()).toBe('3/4');
    expect(r(-3, 4).sign()).toBe(-1);
    expect(Rational.ZERO.sign()).toBe(0);
    expect(r(3, 4).isInteger()).toBe(false);
    expect(r(8, 4).isInteger()).toBe(true);
    expect(r(1, 3).cmp(r(1, 2))).toBe(-1);
    expect(r(1, 2).cmp(r(2, 4))).toBe(0);
    expect(r(-1, 2).cmp(r(-2, 3))).toBe(1);
  });

  it('throws on division by zero, inverse of zero and negative powers of zero', () => {
    expect(() => r(1).div(Rational.ZERO)).toThrow('division by zero');
    expect(() => Rational.ZERO.inv()).toThrow('division by zero');
    expect(() => Rational.ZERO.pow(-1)).toThrow('division by zero');
    expect(() => r(2).pow(0.5)).toThrow(RangeError);
  });

  it('satisfies the field laws', () => {
    fc.assert(
      fc.property(arbRational, arbRational, arbRational, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b).equals(b.mul(a))).toBe(true);
        expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
        expect(a.mul(b).mul(c).equals(a.mul(b.mul(c)))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.add(Rational.ZERO).equals(a)).toBe(true);
        expect(a.mul(Rational.ONE).equals(a)).toBe(true);
        expect(a.add(a.neg()).isZero()).toBe(true);
        expect(a.sub(b).add(b).equals(a)).toBe(true);
      }),
    );
  });

  it('has multiplicative inverses and consistent division', () => {
    fc.assert(
      fc.property(arbRational, arbNonzeroRational, (a, b) => {
        expect(b.mul(b.inv()).equals(Rational.ONE)).toBe(true);
        expect(a.div(b).mul(b).equals(a)).toBe(true);
        expect(b.pow(-3).mul(b.pow(3)).equals(Rational.ONE)).toBe(true);
      }),
    );
  });

  it('orders consistently with subtraction', () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        expect(a.cmp(b)).toBe(a.sub(b).sign());
        expect(a.equals(b)).toBe(a.cmp(b) === 0);
      }),
    );
  });
});

describe('Rational.toNumber', () => {
  it('is exact for small values', () => {
    expect(r(3, 4).toNumber()).toBe(0.75);
    expect(r(-1, 3).toNumber()).toBe(-1 / 3);
  });

  it('stays accurate when numerator and denominator overflow a double', () => {
    expect(r(10n ** 400n, 3n * 10n ** 399n).toNumber()).toBe(10 / 3);
    expect(r(-(10n ** 400n) - 1n, 10n ** 400n).toNumber()).toBe(-1);
    expect(r(1n, 3n * 10n ** 300n).toNumber()).toBeCloseTo(1 / 3e300, 315);
    expect(r(1n, 3n * 10n ** 300n).toNumber() / (1 / 3e300)).toBeCloseTo(1, 14);
    expect(r(2n ** 1100n, 1n).toNumber()).toBe(Infinity);
    expect(r(1n, 2n ** 1100n).toNumber()).toBe(0);
    expect(r(2n ** 1100n + 1n, 2n ** 1099n).toNumber()).toBe(2);
  });

  it('rounds values just past a halfway point up, not to even', () => {
    // 1 + 2^-53 + 2^-253: a hair above the tie between 1 and 1 + 2^-52.
    expect(r((2n ** 53n + 1n) * 2n ** 200n + 1n, 2n ** 253n).toNumber()).toBe(1 + 2 ** -52);
    expect(r(2n ** 53n + 1n, 2n ** 53n).toNumber()).toBe(1);
  });

  it('rounds correctly to the nearest double for big operands', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 200n }), fc.bigInt({ min: 1n, max: 2n ** 200n }), (n, d) => {
        const x = Rational.of(n, d).toNumber();
        // The chosen double is at least as close as its neighbours, checked exactly.
        const err = (y: number) => Rational.of(n, d).sub(exactDouble(y)).abs();
        const up = nextUp(x);
        const down = nextDown(x);
        expect(err(x).cmp(err(up))).toBeLessThanOrEqual(0);
        expect(err(x).cmp(err(down))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

/** The exact rational value of a finite double. */
function exactDouble(y: number): Rational {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, y);
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  const m = exp === 0 ? mant : mant | (1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  const v = e >= 0 ? Rational.of(m << BigInt(e)) : Rational.of(m, 1n << BigInt(-e));
  return y < 0 ? v.neg() : v;
}

function nextUp(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
  return buf.getFloat64(0);
}

function nextDown(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) - 1n);
  return buf.getFloat64(0);
}
