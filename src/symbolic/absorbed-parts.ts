import type { Decimal } from 'decimal.js';
import type { FunctionName } from '../model/index.ts';

/**
 * A part of a value that a high-precision reading dropped whole. `1 + r` at r = 1e-301 reads 1 in any digits short of
 * 301, and so does `exp(r)`: the same at 60, 120 and 240 digits, so the test that tells rounding from a difference (a
 * difference that stays put as the digits double) takes the reading for exact. Where such a part is later all that is
 * left (`1 - (1 + r)^-3`, exactly 0 in those digits, is 3r), the reading is wrong in every digit, and a true bound on
 * it was refuted and a false one verified (probe 56). A reading tracks the parts it dropped, through the operations
 * after, and is not trusted in digits that cannot see them.
 */
export interface Absorbed {
  /** The decimal exponent of the largest part dropped, as it stands in this value. */
  readonly at: number;
  /** The digits of a reading that keeps the part where it was dropped. */
  readonly reveal: number;
}

const exponent = (v: Decimal): number => (v.isZero() || !v.isFinite() ? -Infinity : v.e);

/** How many decimal orders of magnitude the value stands above its dropped part; -Infinity where the value is 0. */
function gap(value: Decimal, part: Absorbed): number {
  return exponent(value) - part.at;
}

/** The larger of two parts (either may be none): the larger exponent, and the more digits to keep it. */
export function larger(a: Absorbed | undefined, b: Absorbed | undefined): Absorbed | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { at: Math.max(a.at, b.at), reveal: Math.max(a.reveal, b.reveal) };
}

/**
 * A sum's dropped parts: its addends' own, and each addend the sum dropped whole, where it lies
 * `digits` or more below the largest (decimal.js rounds each partial sum to the digits).
 */
export function absorbedInSum(values: readonly Decimal[], parts: readonly (Absorbed | undefined)[], digits: number, residues?: readonly boolean[]): Absorbed | undefined {
  let largest = -Infinity;
  for (const v of values) largest = Math.max(largest, exponent(v));
  let found: Absorbed | undefined;
  for (let i = 0; i < values.length; i++) {
    found = larger(found, parts[i]);
    // A residue of a sum that cancelled every digit (x^2 - 2 at x = sqrt(2) reads 1e-60 at 60 digits, 1e-120 at 120) is
    // its rounding, not a value: what it truly holds, if anything, its own parts carry. Dropped, it drops nothing, or a
    // tie at an irrational point moved down with every reading, and a false strict bound there was verified (probe 63).
    if (residues?.[i]) continue;
    const e = exponent(values[i]);
    if (e > -Infinity && largest - e >= digits - 1) found = larger(found, { at: e, reveal: largest - e + 1 });
  }
  return found;
}

/** A product's dropped parts: each factor's, times the other factors. */
export function absorbedInProduct(values: readonly Decimal[], parts: readonly (Absorbed | undefined)[]): Absorbed | undefined {
  let found: Absorbed | undefined;
  for (let i = 0; i < values.length; i++) {
    const part = parts[i];
    if (part === undefined) continue;
    let at = part.at;
    for (let j = 0; j < values.length && at > -Infinity; j++) if (j !== i) at += exponent(values[j]);
    if (at > -Infinity) found = larger(found, { at, reveal: part.reveal });
  }
  return found;
}

/** A relative part (10^-gap of a value) carried to a result, amplified by the operation's condition (log10 of it). */
function carried(result: Decimal, argument: Decimal, part: Absorbed | undefined, amplification: number): Absorbed | undefined {
  if (part === undefined) return undefined;
  const relative = gap(argument, part);
  // A part of a value that is 0 has no relative size: the result's is as large as the result.
  const at = relative === -Infinity ? exponent(result) : exponent(result) - (relative - Math.max(0, amplification));
  return { at: Number.isFinite(at) ? at : part.at, reveal: part.reveal };
}

/** log10 of |v| to within 1: the exponent alone, since a logarithm at 900 digits costs more than the reading it watches. */
const log10 = (v: Decimal): number => exponent(v);

/** log10 of |ln b| to within 1, for b > 0, by the exponents alone (ln b is b - 1 near 1). */
function log10OfLog(b: Decimal): number {
  if (b.gt(0.5) && b.lt(2)) return exponent(b.minus(1));
  return Math.log10(2.31 * Math.max(1, Math.abs(b.e)));
}

/** b^x: the base's relative part times |x|, the exponent's times |x log b|. */
export function absorbedInPower(base: Decimal, exp: Decimal, value: Decimal, baseParts: Absorbed | undefined, expParts: Absorbed | undefined): Absorbed | undefined {
  if (baseParts === undefined && expParts === undefined) return undefined;
  const fromBase = carried(value, base, baseParts, log10(exp));
  const fromExponent = expParts === undefined ? undefined : base.isPositive() && !base.isZero() ? carried(value, exp, expParts, log10(exp) + log10OfLog(base)) : expParts;
  return larger(fromBase, fromExponent);
}

/**
 * Functions whose value near 0 is their first term alone, and the order of the first relative change after it: exp(a)
 * at a = 1e-301 reads 1, dropping a whole (order 1), cos(a) drops a^2 / 2 (order 2); sin(a) reads a, dropping a^2 / 6
 * of it (order 2: X sin(1 / X) = 1 - 1 / (6 X^2) reads 1 at X = 1e300 short of 600 digits, and a false step was
 * verified, probe 62), log1p(a) reads a, dropping a / 2 of it (order 1).
 */
const FLAT_AT_ZERO: Partial<Record<FunctionName, number>> = {
  exp: 1, sigmoid: 1, softplus: 1, erfc: 1, Phi: 1, cos: 2, cosh: 2, sech: 2, phi: 2,
  sin: 2, sinh: 2, tanh: 2, asin: 2, atan: 2, asinh: 2, erf: 2, erfinv: 2, log1p: 1, expm1: 1,
};

/**
 * Functions that saturate far out, and the rate of the part they drop there: cosh(a) is e^|a|/2 (1 + e^(-2|a|)), the
 * second term dropped past 0.87 |a| digits (log(cosh(1000)) = 1000 - log 2 to 868 digits, and a step that equal was
 * verified: probe 60); tanh(a) is ±(1 - 2 e^(-2|a|)), sigmoid(a) 1 - e^(-a), erf(a) ±(1 - erfc(|a|)), about e^(-a^2).
 * Each is the part's size as e^-rate(|a|), relative to the value.
 */
const SATURATING: Partial<Record<FunctionName, (a: number) => number>> = {
  cosh: (a) => 2 * a, sinh: (a) => 2 * a, tanh: (a) => 2 * a, sech: (a) => 2 * a,
  sigmoid: (a) => a, softplus: (a) => a, erf: (a) => a * a, Phi: (a) => a * a / 2,
};

/**
 * Functions whose value at a large |a| is a leading form plus a power of 1/a: asinh(a) is log(2a) + 1/(4a^2) - ...,
 * lgamma(a) Stirling's form + 1/(12a), digamma(a) log(a) - 1/(2a), atan(a) pi/2 - 1/a.
 * At a = 1e250 a reading short of some 500 digits is the leading form alone, and a step that equal was verified
 * (probe 66). Each gives, from the decimal exponent e of |a| (|a| < 10^(e + 1)), the exponent of the part dropped,
 * rounded down past its constant, so that the digits asked for keep it.
 */
const LARGE_ARGUMENT_TAIL: Partial<Record<FunctionName, (e: number) => number>> = {
  asinh: (e) => -2 * e - 3, lgamma: (e) => -e - 3, digamma: (e) => -e - 2, atan: (e) => -e - 2,
};

/** Functions with zeros away from 0, near which an argument's relative part grows by the value's smallness. */
const ZEROS_AWAY_FROM_ZERO = new Set<FunctionName>(['log', 'sin', 'cos', 'lgamma', 'digamma']);

/** How far a function multiplies its argument's relative part (log10 of its condition number, a bound). */
function amplification(name: FunctionName, a: Decimal, value: Decimal): number {
  const size = Math.max(0, log10(a));
  if (name === 'sqrt' || name === 'abs' || name === 'relu' || name === 'max' || name === 'min') return 0;
  if (name === 'exp') return size;
  // log's condition is 1 / |log a|: large only near a = 1, however large a is.
  if (name === 'log') return -log10(value);
  if (ZEROS_AWAY_FROM_ZERO.has(name)) return size - log10(value);
  return 2 * size;
}

/** A function's dropped parts: its arguments', amplified by its condition, and its own where an argument is too small to move it. */
export function absorbedInFunction(name: FunctionName, args: readonly Decimal[], value: Decimal, parts: readonly (Absorbed | undefined)[], digits: number): Absorbed | undefined {
  let found: Absorbed | undefined;
  for (let i = 0; i < args.length; i++) found = larger(found, carried(value, args[i], parts[i], amplification(name, args[i], value)));
  const rate = SATURATING[name];
  if (rate !== undefined && args.length === 1 && value.isFinite() && !value.isZero() && args[0].isFinite()) {
    // The part dropped, relative to the value, in decimal orders: rate(|a|) / ln 10.
    const a = Math.abs(args[0].toNumber());
    const dropped = a > 1 ? Math.floor(rate(a) / Math.LN10) : 0;
    if (dropped >= digits - 1 && Number.isFinite(dropped)) found = larger(found, { at: exponent(value) - dropped, reveal: dropped + 1 });
  }
  // log1p(a) of a large a drops the 1 beside it, 1/a of a: log(1 + exp(3000)), read as log1p(exp(3000)), is 3000 to the
  // digits short of 1,303 (a false softplus(a) = a was verified there, probe 61).
  if (name === 'log1p' && args.length === 1 && args[0].isFinite() && args[0].gt(1) && value.isFinite() && !value.isZero()) {
    const dropped = exponent(args[0]);
    if (dropped >= digits - 1) found = larger(found, { at: exponent(value) - dropped, reveal: dropped + 1 });
  }
  const tail = LARGE_ARGUMENT_TAIL[name];
  if (tail !== undefined && args.length === 1 && args[0].isFinite() && value.isFinite() && !value.isZero()) {
    const e = exponent(args[0]);
    const at = e >= 1 && Number.isFinite(e) ? tail(e) : undefined;
    if (at !== undefined && exponent(value) - at >= digits - 1) found = larger(found, { at, reveal: exponent(value) - at + 1 });
  }
  const order = FLAT_AT_ZERO[name];
  if (order !== undefined && args.length === 1 && value.isFinite() && !value.isZero()) {
    const change = order * exponent(args[0]);
    if (change > -Infinity && -change >= digits - 1) found = larger(found, { at: exponent(value) + change, reveal: -change + 1 });
  }
  return found;
}
