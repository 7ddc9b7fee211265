import { Decimal } from 'decimal.js';
import { withDigits } from './gamma-function.ts';

/**
 * exp, ln, atan, asin, sin and cos in binary fixed point with BigInt, for the
 * high-precision evaluators: decimal.js takes 0.25 ms for a 60-digit ln, 0.9 ms
 * for an atan and 2.3 ms for an asin (40 ms at 300 digits, 4 s for an atan at
 * 960), which made a few identities on inverse functions (asin(sin(x)) = x on
 * [-pi/2, pi/2]) cost most of a second each. Here each is a double's guess or a
 * reduction, then a short series: a handful of BigInt products and square roots.
 *
 * Every function returns D's precision, rounded by D's rounding from a value
 * whose relative error is below 2^-30 of a unit of round-off (exp past 2B bits
 * of scale: 1e-9 of one, its power of two put in by decimal.js): within half an
 * ulp and a hair, as good as decimal.js's correctly rounded results for the
 * evaluators' bounds (two units of round-off a function). Where fixed point
 * cannot promise that (a result within 2^-40 of 0 that its absolute error would
 * swamp, a rounding other than to nearest, more than 1,100 digits, arguments past
 * the tables' reach), the decimal.js function is used instead; an argument whose
 * square is below the digits is read off directly (decimal.js's series never end
 * at 1e-9000000000000000).
 */

/**
 * Bits kept beyond the precision's own. The reductions lose fewer than 20 (exp's ten
 * squarings, atan's halvings and its series' truncations), and a result may be as small
 * as 2^-SMALL against fixed point's absolute error: 96 leave more than 30 below a unit
 * of round-off.
 */
const GUARD_BITS = 96;
/** The most significant digits computed in fixed point (the exact engine reads up to 960, and a span past them); decimal.js past them. */
const MAX_DIGITS = 1100;
/** Results below 2^-SMALL in size would lose relative accuracy to fixed point's absolute error: decimal.js does them. */
const SMALL = 40;
/** Arguments this large or larger go to decimal.js (their fixed-point forms grow with them). */
const LARGE = new Decimal('1e30');
/** Halvings of an atan's argument before its series: |x| <= tan(pi / 64) < 0.05, so the series gains 8.7 bits a term. */
const HALVINGS = 4;

/** |a| at and past which exp goes to decimal.js (its fixed-point argument would need as many more bits). */
const LARGE_EXPONENT = 1e6;

/**
 * exp(a), in the precision of a's class (as `a.exp()`): a = n ln 2 + r, exp(r) a
 * Taylor series squared ten times, and 2^n put into the decimal exponent exactly,
 * so a result of 1e-300 keeps every digit. For the exact engine's deep readings
 * (decimal.js takes 50 ms for one exp at 1,000 digits); fixed-point-exp.ts's
 * fastExp does the 60-digit evaluator's.
 */
/** Past this, exp(-x) lies below decimal.js's least exponent (9e15 decimal places): ln 10 times that, with a margin. */
const UNDERFLOW_EXPONENT = 9e15 * Math.LN10 * 0.99;

/** How many series' terms are being read now: while any is, an exp below the least exponent has no value. */
let underflowHasNoValue = 0;

/** Reads a series' term: an exp in it below decimal.js's least exponent has no value, not 0 (see fastExpAnyDigits). */
export function readingSeriesTerm<T>(read: () => T): T {
  underflowHasNoValue++;
  try {
    return read();
  } finally {
    underflowHasNoValue--;
  }
}

export function fastExpAnyDigits(a: Decimal): Decimal {
  const D = a.constructor as typeof Decimal;
  // Below decimal.js's least exponent (exp(-1e25) is 10^(-4.3e24)) its exp is 0. Inside a series' term that is no
  // value of it: a sum of such terms read as exactly 0 refuted the Poisson mean at a rate of 1e25 (probe 54), its
  // terms growing to 1 far past where the summing stopped. Elsewhere 0 is the value to the digits (a tail, a saturation).
  if (underflowHasNoValue > 0 && a.isFinite() && a.isNeg() && a.abs().gte(UNDERFLOW_EXPONENT)) return new D(NaN);
  if (!a.isFinite() || !fast(D) || a.abs().gte(LARGE_EXPONENT)) return a.exp();
  if (a.isZero()) return new D(1);
  // 24 more bits: n up to 1.5e6 times ln 2's last unit must stay below the precision's.
  const B = bitsFor(D.precision) + 24;
  const { twos, mantissa } = expParts(toFixed(a, B), B);
  if (Math.abs(twos) <= 2 * B) return fromFixed(mantissa, B - twos, D);
  // exp(-1e5) is 2^-144270 times exp(r): that power of two written out exactly in decimal would have 100,000
  // digits. It is put in by decimal.js, 10 digits deeper, and the product rounded once more to D's.
  const Deeper = withDigits(D, D.precision + 10);
  return new D(fromFixed(mantissa, B, Deeper).times(new Deeper(2).pow(twos))).toSignificantDigits(D.precision, D.rounding);
}

/**
 * exp(Y 2^-B) as 2^twos times mantissa 2^-B: Y = n ln 2 + r with |r| <= ln 2 / 2 (n the twos),
 * and exp(r) the Taylor series of r / 2^10 squared ten times, whose squarings multiply the
 * series' relative error by 2^10 only.
 */
export function expParts(Y: bigint, B: number): { readonly twos: number; readonly mantissa: bigint } {
  const L = ln2(B);
  let n = Y / L;
  let r = Y - n * L;
  if (r > L / 2n) { n += 1n; r -= L; } else if (r < -L / 2n) { n -= 1n; r += L; }
  return { twos: Number(n), mantissa: expReduced(r, B) };
}

/** exp(r 2^-B) 2^B for |r 2^-B| <= ln 2 / 2: the series of r / 2^10, squared ten times. */
function expReduced(r: bigint, B: number): bigint {
  const b = BigInt(B);
  const one = 1n << b;
  const x = r >> BigInt(SQUARINGS);
  let sum = one;
  let term = one;
  for (let k = 1n; term !== 0n; k++) {
    term = ((term * x) >> b) / k;
    sum += term;
  }
  for (let i = 0; i < SQUARINGS; i++) sum = (sum * sum) >> b;
  return sum;
}

/** ln(a) for a > 0, in the precision of a's class (as `a.ln()`). */
export function fastLn(a: Decimal): Decimal {
  const D = a.constructor as typeof Decimal;
  // Past MAX_DIGITS too: decimal.js's ln needs its ln 10, which it keeps to 1,025 digits, and throws past them
  // (exp(-z) > 1e-4343 at z = 1e4 is read at 2,060 digits, its domain's log(z - 1000) with it: probe 81).
  if (!a.isFinite() || !a.gt(0) || !(fast(D) || roundsToNearest(D)) || Math.abs(a.e) > 1e6) return a.ln();
  const B = bitsFor(D.precision);
  // a = m 10^e with m in [1, 10): ln a = ln m + e ln 10, and ln m = y0 + ln(m e^-y0) with y0 a double near ln m,
  // so that m e^-y0 = 1 + t with t of order 1e-16: a few terms of log1p's series.
  const { digits, exponent } = decimalParts(a);
  const text = digits.toString();
  const m = (digits << BigInt(B)) / 10n ** BigInt(text.length - 1);
  const y0 = Math.log(Number(`${text.slice(0, 17)}e${-Math.min(16, text.length - 1)}`));
  const Y0 = BigInt(Math.round(y0 * 2 ** 60)) << BigInt(B - 60);
  const t = ((m * expFixed(-Y0, B)) >> BigInt(B)) - (1n << BigInt(B));
  const result = Y0 + log1pSmall(t, B) + BigInt(exponent) * ln10(B);
  if (tooSmall(result, B)) return a.ln();
  return fromFixed(result, B, D);
}

/** atan(a), in the precision of a's class (as `a.atan()`). */
export function fastAtan(a: Decimal): Decimal {
  const D = a.constructor as typeof Decimal;
  if (!a.isFinite() || a.isZero()) return a.atan();
  if (negligibleSquare(a, D)) return a.toSignificantDigits(D.precision, D.rounding);
  // Far from 1 the series says it in a few terms: atan(1e100) is pi/2 - atan(1e-100) (decimal.js took 190 ms at 480
  // digits, and X = 1e100 needs 560 to show atan(X) - (pi/2 - 1/X + 1/(3 X^3)) = 2e-501, probe 62).
  if (a.e < SMALL_ANGLE_EXPONENT) return smallArctangent(a);
  if (a.e > -SMALL_ANGLE_EXPONENT) {
    const W = D.clone({ precision: D.precision + 10, rounding: D.rounding });
    const halfPi = W.acos(-1).div(2);
    const magnitude = halfPi.minus(smallArctangent(new W(1).div(new W(a).abs())));
    return new D((a.isNegative() ? magnitude.neg() : magnitude).toSignificantDigits(D.precision, D.rounding).toString());
  }
  if (!fast(D) || a.abs().gte(LARGE)) return a.atan();
  const B = bitsFor(D.precision);
  const X = toFixed(a.abs(), B);
  if (tooSmall(X, B)) return a.atan();
  const one = 1n << BigInt(B);
  // atan x = pi/2 - atan(1/x) for x > 1: the series runs on |x| <= 1.
  const magnitude = X > one ? pi(B) / 2n - atanAtMostOne((one << BigInt(B)) / X, B) : atanAtMostOne(X, B);
  const out = fromFixed(magnitude, B, D);
  return a.isNegative() ? out.neg() : out;
}

/**
 * asin(a) for |a| <= 1, in the precision of a's class (as `a.asin()`, which near
 * |a| = 1 is not: decimal.js's asin(1 - 1e-34) at 60 digits is 3.5e7 ulps off).
 */
export function fastAsin(a: Decimal): Decimal {
  const D = a.constructor as typeof Decimal;
  if (!a.isFinite() || !fast(D) || a.isZero() || a.abs().gt(1)) return a.asin();
  if (negligibleSquare(a, D)) return a.toSignificantDigits(D.precision, D.rounding);
  const B = bitsFor(D.precision);
  const b = BigInt(B);
  const x = a.abs();
  let magnitude: bigint;
  if (x.gte(0.5)) {
    // asin x = pi/2 - 2 asin(s), s = sqrt((1 - x) / 2): 1 - x is exact in decimal (x >= 1/2 has no digit below
    // the precision's last), and its root is taken from the exact value, so no digit of a small 1 - x is lost.
    const s = sqrtOfDecimal(new (Decimal.clone({ precision: D.precision + 2 }))(1).minus(x).div(2), B);
    magnitude = pi(B) / 2n - 2n * asinAtMostHalf(s, B);
  } else {
    const X = toFixed(x, B);
    if (tooSmall(X, B)) return a.asin();
    magnitude = asinAtMostHalf(X, B);
  }
  const out = fromFixed(magnitude, B, D);
  return a.isNegative() ? out.neg() : out;
}

/** asin(X 2^-B) 2^B for 0 <= X <= 2^B / 2: 2 atan(x / (1 + sqrt(1 - x^2))), whose argument is below 0.27. */
function asinAtMostHalf(X: bigint, B: number): bigint {
  const b = BigInt(B);
  const one = 1n << b;
  const root = sqrtFixed(one - ((X * X) >> b), B);
  return 2n * atanAtMostOne((X << b) / (one + root), B);
}

/**
 * sin a or cos a by decimal.js, given the argument reduced by pi/2 here: a = q pi/2 + r with |r| <= pi/4, r read in
 * as many more digits as a has whole digits or digits of its own (as decimal.js reads it), so that none of its sine's
 * is lost, then rounded to the precision and ten more. decimal.js's own reduction reads the parity of a / pi from the
 * last word of its digits, which trailing zeros strip: decimal.js 10.6 reads cos(10000001 pi) as 1 at any precision,
 * a / pi rounding to 10^7 (probe 100: cos(k pi) = (-1)^k refuted at k = 10^7 + 1). Within pi/4 of 0 it reduces nothing.
 */
function decimalSineOrCosine(a: Decimal, cosine: boolean): Decimal {
  const D = a.constructor as typeof Decimal;
  if (!a.isFinite() || a.abs().lte(0.78)) return cosine ? a.cos() : a.sin();
  const W = D.clone({ precision: D.precision + Math.max(a.e, a.sd()) + 10, rounding: Decimal.ROUND_HALF_EVEN });
  const x = new W(a);
  const halfPi = W.acos(-1).div(2);
  const q = x.div(halfPi).round();
  const R = D.clone({ precision: D.precision + 10 });
  const r = new R(x.minus(q.times(halfPi))).toSignificantDigits(R.precision);
  // sin(q pi/2 + r) is sin r, cos r, -sin r, -cos r for q = 0, 1, 2, 3 (mod 4); cos is sin a quarter turn on.
  const quadrant = Number(((BigInt(q.toFixed(0)) + (cosine ? 1n : 0n)) % 4n + 4n) % 4n);
  const value = quadrant % 2 === 0 ? r.sin() : r.cos();
  return new D(quadrant >= 2 ? value.neg() : value).toSignificantDigits(D.precision, D.rounding);
}

/** Arguments of sin and cos at least this large go to decimal.js (the reduction by pi/2 would need their bits too). */
const LARGE_ANGLE = 2 ** 20;

/** sin(a), in the precision of a's class (as `a.sin()`). */
export function fastSin(a: Decimal): Decimal {
  return sineOrCosine(a, false);
}

/** cos(a), in the precision of a's class (as `a.cos()`). */
export function fastCos(a: Decimal): Decimal {
  return sineOrCosine(a, true);
}

/**
 * a = k pi/2 + r with |r| <= pi/4 (r in as many more bits as a has whole bits, so
 * k pi/2 costs none of the precision's), then the Taylor series of sin r or cos r
 * as k's quadrant asks. An r so small that its sine would lose relative digits
 * (a within 2^-40 of a multiple of pi) goes to decimal.js.
 */
function sineOrCosine(a: Decimal, cosine: boolean): Decimal {
  const D = a.constructor as typeof Decimal;
  const decimalOwn = () => decimalSineOrCosine(a, cosine);
  // Past the fixed point's digits a small angle is still read by its series: decimal.js's own sin asks for a pi of the
  // precision, which it holds to 1025 digits (cos(x) <= 1 - x^2/2 + x^4/24 on (1e-300, 1e-200) is off by x^6/720).
  if (a.isFinite() && !a.isZero() && D.precision > MAX_DIGITS && a.e < SMALL_ANGLE_EXPONENT) {
    return negligibleSquare(a, D) ? (cosine ? new D(1) : a.toSignificantDigits(D.precision, D.rounding)) : smallAngle(a, cosine);
  }
  if (!a.isFinite() || !fast(D) || a.abs().gte(LARGE_ANGLE)) return decimalOwn();
  if (a.isZero()) return new D(cosine ? 1 : 0);
  if (negligibleSquare(a, D)) return cosine ? new D(1) : a.toSignificantDigits(D.precision, D.rounding);
  if (a.e < SMALL_ANGLE_EXPONENT) return smallAngle(a, cosine);
  const B = bitsFor(D.precision) + 24;
  const b = BigInt(B);
  const halfPi = pi(B) / 2n;
  const k = Math.round(a.toNumber() / (Math.PI / 2));
  const r = toFixed(a, B) - BigInt(k) * halfPi;
  // sin(k pi/2 + r) is sin r, cos r, -sin r, -cos r for k = 0, 1, 2, 3 (mod 4); cos is sin a quarter turn on.
  const quadrant = (((k + (cosine ? 1 : 0)) % 4) + 4) % 4;
  const even = quadrant % 2 === 0;
  if (even && tooSmall(r, B - 24)) return decimalOwn();
  const r2 = (r * r) >> b;
  // sin r = r - r^3/3! + ..., cos r = 1 - r^2/2! + ...: each term from the one before, times -r^2 / ((j + 1) (j + 2)).
  let term = even ? r : 1n << b;
  let sum = term;
  for (let j = even ? 1n : 0n; term !== 0n; j += 2n) {
    term = -((term * r2) >> b) / ((j + 1n) * (j + 2n));
    sum += term;
  }
  const out = fromFixed(sum, B, D);
  return quadrant >= 2 ? out.neg() : out;
}

/**
 * Whether |a| is so small that f(a) = a (sin, atan, asin) or 1 (cos) to D's digits: the next
 * term, a^3 / 6 or a^2 / 2, is below a hundredth of an ulp. decimal.js's own series never end
 * for an argument like 1e-9000000000000000.
 */
/** Angles below 10^this are summed by their Taylor series directly, in decimals (see smallAngle). */
const SMALL_ANGLE_EXPONENT = -3;

/**
 * sin a or cos a for |a| < 1e-3 by the Taylor series in decimals, to the precision of a's class: a fixed-point r
 * that small loses its relative digits, and decimal.js's own sin asks for a pi of its precision plus a's digits
 * (sin(1e-300) read to 663 digits, where X sin(1/X) at X = 1e300 shows its 1e-601, passed its thousand: probe 62).
 * Each term is the one before times -a^2 / ((j + 1) (j + 2)), at most some precision / 6 of them.
 */
function smallAngle(a: Decimal, cosine: boolean): Decimal {
  const D = a.constructor as typeof Decimal;
  const precision = D.precision;
  const W = D.clone({ precision: precision + 10, rounding: D.rounding });
  const x = new W(a);
  const x2 = x.times(x).neg();
  let term = cosine ? new W(1) : x;
  let sum = term;
  for (let j = cosine ? 0 : 1; ; j += 2) {
    term = term.times(x2).div((j + 1) * (j + 2));
    if (term.isZero() || term.abs().lt(sum.abs().times(`1e-${precision + 8}`))) break;
    sum = sum.plus(term);
  }
  return new D(sum.toSignificantDigits(precision, D.rounding).toString());
}

/** atan u for |u| < 1e-3 by its series u - u^3/3 + u^5/5 - ..., in decimals to the precision of u's class. */
function smallArctangent(u: Decimal): Decimal {
  const D = u.constructor as typeof Decimal;
  const precision = D.precision;
  const W = D.clone({ precision: precision + 10, rounding: D.rounding });
  const x = new W(u);
  const x2 = x.times(x).neg();
  let power = x;
  let sum = x;
  for (let j = 3; ; j += 2) {
    power = power.times(x2);
    const term = power.div(j);
    if (term.isZero() || term.abs().lt(sum.abs().times(`1e-${precision + 8}`))) break;
    sum = sum.plus(term);
  }
  return new D(sum.toSignificantDigits(precision, D.rounding).toString());
}

function negligibleSquare(a: Decimal, D: typeof Decimal): boolean {
  return a.e < -Math.ceil(D.precision / 2) - 2;
}

export function fast(D: typeof Decimal): boolean {
  return D.precision <= MAX_DIGITS && roundsToNearest(D);
}

function roundsToNearest(D: typeof Decimal): boolean {
  return D.rounding === Decimal.ROUND_HALF_UP || D.rounding === Decimal.ROUND_HALF_EVEN;
}

/** Fraction bits for p significant digits. */
export function bitsFor(p: number): number {
  return Math.ceil(p * Math.log2(10)) + GUARD_BITS;
}

function tooSmall(X: bigint, B: number): boolean {
  return (X < 0n ? -X : X) < 1n << BigInt(B - SMALL);
}

/** A finite nonzero decimal as digits (a whole number, no trailing zeros) and the exponent of its first digit. */
function decimalParts(a: Decimal): { digits: bigint; exponent: number } {
  const [mantissa, exponent] = a.abs().toExponential().split('e');
  return { digits: BigInt(mantissa.replace('.', '')), exponent: Number(exponent) };
}

/** round(a 2^B), to within one unit, for a finite decimal. */
export function toFixed(a: Decimal, B: number): bigint {
  // Below 2^-B it is 0 to the unit: 1e-1000000000 would otherwise ask for 10^1000000000.
  if (a.isZero() || a.e < -Math.ceil(B * Math.log10(2)) - 2) return 0n;
  const { digits, exponent } = decimalParts(a);
  const shift = exponent - (digits.toString().length - 1);
  const magnitude = shift >= 0 ? (digits * 10n ** BigInt(shift)) << BigInt(B) : (digits << BigInt(B)) / 10n ** BigInt(-shift);
  return a.isNegative() ? -magnitude : magnitude;
}

/** X 2^-B in D's precision, rounded once by D's rounding from the exact value. */
export function fromFixed(X: bigint, B: number, D: typeof Decimal): Decimal {
  if (B <= 0) return new D((X << BigInt(-B)).toString()).toSignificantDigits(D.precision, D.rounding);
  let powerOfFive = powersOfFive.get(B);
  if (powerOfFive === undefined) powersOfFive.set(B, powerOfFive = 5n ** BigInt(B));
  // X / 2^B = X 5^B / 10^B: exact in decimal.
  const exact = new D(`${(X * powerOfFive).toString()}e-${B}`);
  return exact.toSignificantDigits(D.precision, D.rounding);
}

const powersOfFive = new Map<number, bigint>();

/** sqrt(h) 2^B for a decimal h >= 0, to within a unit: from h's exact value, however small h is. */
function sqrtOfDecimal(h: Decimal, B: number): bigint {
  if (h.isZero() || h.e < -2 * Math.ceil(B * Math.log10(2)) - 4) return 0n;
  const { digits, exponent } = decimalParts(h);
  const shift = exponent - (digits.toString().length - 1);
  const b2 = BigInt(2 * B);
  return isqrt(shift >= 0 ? (digits * 10n ** BigInt(shift)) << b2 : (digits << b2) / 10n ** BigInt(-shift));
}

/** floor(sqrt(V)) 2^(B/2) for V a fixed-point value: sqrt in fixed point, to within a unit. */
export function sqrtFixed(V: bigint, B: number): bigint {
  return isqrt(V << BigInt(B));
}

/** floor(sqrt(n)) for n >= 0, by Newton's method from above. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt: n must be non-negative');
  if (n < 2n) return n;
  // A start above the root: the double's root of n's leading bits, rounded up, scaled back.
  const bits = n.toString(2).length;
  const shift = Math.max(0, bits - 100) & ~1;
  let x = (BigInt(Math.ceil(Math.sqrt(Number(n >> BigInt(shift))))) + 1n) << BigInt(shift / 2);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** atan(X 2^-B) 2^B for 0 <= X <= 2^B. */
function atanAtMostOne(X: bigint, B: number): bigint {
  const one = 1n << BigInt(B);
  const b = BigInt(B);
  // atan x = 2 atan(x / (1 + sqrt(1 + x^2))), HALVINGS times.
  let x = X;
  for (let i = 0; i < HALVINGS; i++) x = (x << b) / (one + sqrtFixed(one + ((x * x) >> b), B));
  const x2 = (x * x) >> b;
  let sum = x;
  let power = x;
  for (let k = 1n; power !== 0n; k++) {
    power = (power * x2) >> b;
    sum += (k % 2n === 0n ? 1n : -1n) * (power / (2n * k + 1n));
  }
  return sum << BigInt(HALVINGS);
}

/** ln(1 + t) 2^B for |t| <= 2^-40 (t = T 2^-B). */
function log1pSmall(T: bigint, B: number): bigint {
  const b = BigInt(B);
  let sum = T;
  let power = T;
  for (let k = 2n; power !== 0n; k++) {
    power = (power * T) >> b;
    sum += (k % 2n === 0n ? -1n : 1n) * (power / k);
  }
  return sum;
}

/** Squarings after exp's Taylor series: the series runs on |r| <= ln 2 / 2^11. */
const SQUARINGS = 10;

/** exp(Y 2^-B) 2^B for |Y 2^-B| <= 3 (ln of a mantissa in [1, 10)). */
function expFixed(Y: bigint, B: number): bigint {
  const { twos, mantissa } = expParts(Y, B);
  return twos >= 0 ? mantissa << BigInt(twos) : mantissa >> BigInt(-twos);
}

const constants = new Map<string, bigint>();

/** A constant in fixed point with B fraction bits, computed with 32 more and rounded, kept per B. */
export function constant(name: string, B: number, compute: (bits: number) => bigint): bigint {
  const key = `${name}:${B}`;
  let c = constants.get(key);
  if (c === undefined) {
    c = (compute(B + 32) + (1n << 31n)) >> 32n;
    constants.set(key, c);
  }
  return c;
}

/** atanh(1 / q) 2^B = sum of 1 / ((2k + 1) q^(2k + 1)), and atan(1 / q) with alternating signs. */
function inverseSeries(q: bigint, B: number, alternating: boolean): bigint {
  let power = (1n << BigInt(B)) / q;
  let sum = power;
  const q2 = q * q;
  for (let k = 1n; power !== 0n; k++) {
    power /= q2;
    sum += (alternating && k % 2n === 1n ? -1n : 1n) * (power / (2n * k + 1n));
  }
  return sum;
}

/** ln 2 = 2 atanh(1/3). */
function ln2(B: number): bigint {
  return constant('ln2', B, (bits) => 2n * inverseSeries(3n, bits, false));
}

/** ln 10 = 3 ln 2 + ln(5/4) = 6 atanh(1/3) + 2 atanh(1/9). */
function ln10(B: number): bigint {
  return constant('ln10', B, (bits) => 6n * inverseSeries(3n, bits, false) + 2n * inverseSeries(9n, bits, false));
}

/** pi = 16 atan(1/5) - 4 atan(1/239) (Machin). */
export function pi(B: number): bigint {
  return constant('pi', B, (bits) => 16n * inverseSeries(5n, bits, true) - 4n * inverseSeries(239n, bits, true));
}
