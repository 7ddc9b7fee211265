import type { Decimal } from 'decimal.js';
import { withDigits } from './gamma-function.ts';
import { bitsFor, constant, expParts, fast, fromFixed, pi, sqrtFixed, toFixed } from './fixed-point-elementary.ts';

/**
 * erf's series and erfc's continued fraction in binary fixed point with BigInt, for
 * error-function.ts: in decimal.js a 60-digit erf took 1 to 6 ms (a series of a few
 * hundred terms, each a division), and a bound on log(1 - Phi(b)) read at a few
 * hundred exact points spent 9 of its 11 s there (probe 37's Mills ratio).
 *
 * Both return D's precision, rounded once from a value whose relative error is
 * below 2^-80: the series is summed as T = sum (2 x^2)^n / (2n + 1)!!, which is
 * >= 1 whatever x is, and x T exp(-x^2) 2 / sqrt(pi) put together with exp's power
 * of two apart, so a result of 1e-300 keeps every digit. Undefined where fixed
 * point cannot promise it (see fixed-point-elementary.ts, `fast`): the caller uses
 * decimal.js.
 */

/** Bits beyond bitsFor's: the series' few hundred truncations and the products below. */
const MORE_BITS = 16;

/** erf(x) for |x| <= 10 by its series (all terms positive: no cancellation). */
export function erfSeriesFixed(x: Decimal, D: typeof Decimal): Decimal | undefined {
  if (!fast(D) || !x.isFinite() || x.abs().gt(10)) return undefined;
  if (x.isZero()) return new D(0);
  const B = bitsFor(D.precision) + MORE_BITS;
  const b = BigInt(B);
  const one = 1n << b;
  const X = toFixed(x, B);
  const X2 = (X * X) >> b;
  const twoX2 = X2 << 1n;
  let term = one;
  let sum = one;
  for (let n = 1n; term !== 0n; n++) {
    term = ((term * twoX2) >> b) / (2n * n + 1n);
    sum += term;
  }
  const { twos, mantissa } = expParts(-X2, B);
  const R = (((sum * mantissa) >> b) * twoOverSqrtPi(B)) >> b;
  // x T exp(-x^2) 2 / sqrt(pi), with x multiplied in decimal: exact, so a tiny x keeps its digits.
  const Wide = withDigits(D, D.precision + 10);
  return new D(scaled(R, B, twos, Wide).times(new Wide(x)));
}

/**
 * erfc(x) for x > 10 by the continued fraction
 * erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))),
 * evaluated backwards at a depth doubled until two depths agree to the bits kept.
 */
export function erfcFractionFixed(x: Decimal, D: typeof Decimal): Decimal | undefined {
  if (!fast(D) || !x.isFinite() || x.lte(10) || x.gte(1e6)) return undefined;
  const B = bitsFor(D.precision) + MORE_BITS;
  const b = BigInt(B);
  const Y = toFixed(x, B);
  // (k / 2) / t in fixed point: k 2^(2B - 1) / T.
  const fraction = (depth: number): bigint => {
    let t = Y;
    for (let k = depth; k >= 1; k--) t = Y + ((BigInt(k) << (2n * b - 1n)) / t);
    return t;
  };
  let previous = fraction(32);
  for (let depth = 64; depth <= 1 << 16; depth *= 2) {
    const next = fraction(depth);
    const change = next > previous ? next - previous : previous - next;
    previous = next;
    // The fraction's denominator is > x > 10: a change below 2^8 units of 2^-B is past the digits kept.
    if (change < 256n) break;
  }
  const { twos, mantissa } = expParts(-((Y * Y) >> b), B);
  // exp(-x^2) / (sqrt(pi) t): the mantissa over the denominator, 2^B scaled.
  const R = (mantissa * twoOverSqrtPi(B)) / (2n * previous);
  return new D(scaled(R, B, twos, withDigits(D, D.precision + 10)));
}

/**
 * R 2^(twos - B) in D: exactly through fromFixed while the power of two is small; past 2^(2B)
 * (erfc(5000) is 2^-36,000,000), its decimal expansion would have millions of digits, and the
 * power is put in by decimal.js, as fastExpAnyDigits does.
 */
function scaled(R: bigint, B: number, twos: number, D: typeof Decimal): Decimal {
  if (Math.abs(twos) <= 2 * B) return fromFixed(R, B - twos, D);
  const Deeper = withDigits(D, D.precision + 10);
  return new D(fromFixed(R, B, Deeper).times(new Deeper(2).pow(twos)));
}

/** 2 / sqrt(pi) 2^B. */
function twoOverSqrtPi(B: number): bigint {
  return constant('2/sqrt(pi)', B, (bits) => (2n << BigInt(2 * bits)) / sqrtFixed(pi(bits), bits));
}
