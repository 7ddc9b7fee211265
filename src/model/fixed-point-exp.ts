import { Decimal } from 'decimal.js';
import { expParts, fastExpAnyDigits, toFixed } from './fixed-point-elementary.ts';

/**
 * exp(y) in the precision of D: fixedPointExp where it is accurate past D's
 * digits (up to 70, rounding half up, as the 60-digit evaluator works), else
 * fastExpAnyDigits (fixed-point-elementary.ts), correctly rounded as decimal.js's own. Both are within an ulp or two of D: the
 * evaluator's bound for exp (two units of round-off) holds for either.
 */
export function fastExp(a: Decimal, D: typeof Decimal): Decimal {
  if (D.precision <= FAST_DIGITS && D.rounding === Decimal.ROUND_HALF_UP && a.isFinite() && a.abs().lt(1e6)) return fixedPointExp(a, D);
  return fastExpAnyDigits(a);
}

/** The most digits fastExp computes in fixed point: its 320 bits hold some 90. */
const FAST_DIGITS = 70;

/**
 * exp(y) to about 80 significant digits, in binary fixed point with BigInt: the
 * quadrature's node tables need two exponentials a node at 70 digits, and
 * decimal.js's series takes a quarter of a millisecond for each (a table of
 * 1,200 nodes then costs 0.6 s of a run). Here it is fixed-point-elementary.ts's
 * expParts in 320 fractional bits, rounded twice into D (the mantissa, then its power
 * of two), within an ulp or two: the evaluator allows two units of round-off.
 *
 * @param y - a finite value, |y| < 10^6
 * @param D - the Decimal class (and precision) to return in
 */
export function fixedPointExp(y: Decimal, D: typeof Decimal): Decimal {
  if (!y.isFinite() || y.abs().gte(1e6)) throw new RangeError(`fixedPointExp: y must be finite and below 1e6 in size, not ${y.toString()}`);
  if (y.isZero()) return new D(1);
  const { twos, mantissa } = expParts(toFixed(y, BITS), BITS);
  return new D(mantissa.toString()).times(powerOfTwo(twos - BITS, D));
}

/** Fraction bits: some 90 digits, past the 70 it is used for. */
const BITS = 320;

const powers = new Map<string, Decimal>();

/** 2^e in D's precision, kept: a table's exponents repeat. */
function powerOfTwo(e: number, D: typeof Decimal): Decimal {
  const key = `${D.precision}:${e}`;
  let p = powers.get(key);
  if (p === undefined) {
    p = new D(2).pow(e);
    powers.set(key, p);
  }
  return p;
}
