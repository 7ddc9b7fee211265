import { Decimal } from 'decimal.js';
import { knownSeriesSum } from './known-series.ts';
import { equalExactlyAt } from './exact-tie.ts';
import { errorExponent } from './error-bound.ts';
import { absorbedInFunction, absorbedInPower, absorbedInProduct, absorbedInSum, larger, type Absorbed } from './absorbed-parts.ts';
import { type FunctionName, crossingExponents, limitCrossings, expandedSizeUpTo, fractionExponent, mapChildren, rationalSeries, PrecisionLimitError, limitScale, scaleTerms, readingSeriesTerm, closedFormIntegral, closedPolynomialIntegral, compare, FUNCTIONS, logOfConstantPlus, preciseLimit, type Reading, instantiateFunctions, keepingSettings, log10Magnitude, someSubterm, MAX_PRECISE_SERIES_TERMS, preciseValue, printRef, SeriesConvergence, sineSlopes, MAX_SERIES_FREQUENCIES, oscillationTerms, substituteIndices, toPrecise, type PreciseConstructor, type Term } from '../model/index.ts';

/** The significant digits of the first evaluation; a confirmation raises them as far as it needs. */
export const DIGITS = 60;

/** decimal.js clones, one per precision, so no other user's settings can change them. They never see text from a file. */
const clones = new Map<number, PreciseConstructor>();

/** The Decimal constructor of `digits` significant digits. */
export function decimalOf(digits: number): PreciseConstructor {
  let D = clones.get(digits);
  if (!D) {
    D = Decimal.clone({ precision: digits, maxE: 9e15, minE: -9e15 });
    clones.set(digits, D);
  }
  return D;
}

export type HighPrecisionValue = Decimal;

/**
 * An input's value at a point: a double, an exact rational (a tie point such as
 * t = 1/3), or an exact constant term where a comparison switches at an irrational
 * point (x = sqrt(2) for x > sqrt(2)), with its double for reports.
 */
export type PointValue = number | { readonly num: bigint; readonly den: bigint } | { readonly term: Term; readonly approx: number };

/** The decimal exponent of a point value's magnitude (a fraction's exactly, past every double); 0 for 0, not finite for none. */
export function pointExponent(v: PointValue): number {
  if (typeof v === 'object' && 'num' in v) return fractionExponent(v.num, v.den);
  return Math.log10(Math.abs(pointNumber(v)));
}

/** The double nearest a point value, for reports. */
export function pointNumber(v: PointValue): number {
  return typeof v === 'number' ? v : 'term' in v ? v.approx : Number(v.num) / Number(v.den);
}

/**
 * The last-resort guard of the searches for a point (see {@link withGuard}): the end of the current
 * search, in ms of this process's CPU time. Past it, evaluations throw {@link GuardError}.
 */
let guardDeadline = Infinity;

/**
 * The process's CPU time in ms, not the wall clock: a machine loaded past its cores (the probes' runs, three
 * processes on two cores) stretched a 5 s confirmation past a 15 s wall-clock guard, and a found difference fell
 * to the numbers. Where the runtime has no CPU clock, the wall clock.
 */
const clock: () => number = typeof process !== 'undefined' && typeof process.cpuUsage === 'function'
  ? () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; }
  : () => Date.now();

/** Threads of this process checking steps at once: the CPU clock counts them all, so each guard is that many times its span. */
let guardThreads = 1;

/** Tells the guards how many threads of this process check steps at once (the pipeline's workers share its CPU clock). */
export function setGuardThreads(threads: number): void {
  guardThreads = Math.max(1, Math.floor(threads));
}

/** A high-precision search ran past its wall-clock guard: a hang, not a budget. */
export class GuardError extends Error {
  override readonly name = 'GuardError';
}

/**
 * Runs a search for a point (a confirmation, a missing condition's witness) under a
 * guard of `ms` of CPU time: past it every evaluation throws, and the search gives
 * `fallback` (no point). The guard only stops a hang (PRML's ridge equation, whose
 * sides at 4×4 have millions of nodes, ran past ten minutes); work budgets decide.
 */
export function withGuard<T>(ms: number, search: () => T, fallback: T, onCut?: () => void): T {
  const outer = guardDeadline;
  guardDeadline = Math.min(outer, clock() + ms * guardThreads);
  try {
    return search();
  } catch (error) {
    if (error instanceof GuardError) {
      onCut?.();
      return fallback;
    }
    throw error;
  } finally {
    guardDeadline = outer;
  }
}

/** Orders of magnitude a comparison's margin must clear the bound on its sides' errors by (error-bound.ts). */
const ERROR_BOUND_MARGIN = 10;

const isExactZero = (t: Term): boolean => t.k === 'num' && t.value.num === 0n;

/** Nodes evaluated between two looks at the clock: at 960 digits one exp or log takes tens of ms, so not many. */
const CLOCK_EVERY = 32;

/** Nodes evaluated by every call, so that a term of fewer nodes than {@link CLOCK_EVERY} read over and over still looks at the clock. */
let evaluatedNodes = 0;

/**
 * Evaluates an expanded term (no sums, indices all numbers) at a point in
 * `digits`-digit decimal arithmetic. Used to confirm a symbolic refutation at a
 * concrete input even when the two sides differ by 1e-50 of their size, far
 * below what double-precision finite differences can see.
 */
export function evaluateHighPrecision(term: Term, point: ReadonlyMap<string, PointValue>, digits = DIGITS, magnitudes?: Magnitudes): Decimal {
  const Big = decimalOf(digits);
  const see = magnitudes === undefined ? undefined : (x: Decimal): void => {
    if (x.isFinite() && !x.isZero() && x.e > magnitudes.largest) magnitudes.largest = x.e;
  };
  const one = new Big(1);
  const zeroChecked = new Map<Term, boolean>();
  const exactlyZero = (t: Term): boolean => {
    let zero = zeroChecked.get(t);
    if (zero === undefined) {
      zero = expandedSizeUpTo(t, EXACT_ZERO_TERMS) < EXACT_ZERO_TERMS && equalExactlyAt(t, { k: 'num', value: { num: 0n, den: 1n } }, point);
      zeroChecked.set(t, zero);
    }
    return zero;
  };
  // Parts each value dropped whole (see absorbed-parts.ts), kept where a caller watches the reading's magnitudes.
  const parts = magnitudes === undefined ? undefined : new Map<Term, Absorbed>();
  const partOf = (x: Term): Absorbed | undefined => {
    if (parts === undefined) return undefined;
    if (x.k === 'input') {
      const v = point.get(printRef(x.ref));
      return typeof v === 'object' && 'term' in v ? parts.get(v.term) : undefined;
    }
    return parts.get(x);
  };
  // Only kept here: whether a part matters is asked of the sides against their difference (digitsToSeeAbsorbed) and of
  // a comparison against its margin, where the part is carried to. A part that fills a value inside (log(1 + h) read
  // as log(1) = 0) is still a part of the side's size, and a difference far above it is seen as it is: asked inside,
  // log(1 + exp(-x)) = 1e-300 at x = 2300 had no evidence, and doubles agree with it.
  const note = (t: Term, part: Absorbed | undefined): void => {
    if (part !== undefined && parts !== undefined) parts.set(t, part);
  };
  // Values that are the rounding of a sum that cancelled every digit, and products and powers of them (see absorbedInSum).
  const residues = parts === undefined ? undefined : new Set<Term>();
  const isResidue = (x: Term): boolean => {
    if (residues === undefined) return false;
    if (x.k === 'input') {
      const v = point.get(printRef(x.ref));
      return typeof v === 'object' && 'term' in v && residues.has(v.term);
    }
    return residues.has(x);
  };
  // An expanded term shares its subterms (inv(P)'s entries in every entry of inv(P) S inv(P)): each is evaluated
  // once per point, not once per path to it (a 3x3 step took minutes). Terms are immutable, so identity is enough.
  const seen = new Map<Term, Decimal>();
  // The most digits a sum evaluated so far cancelled: a comparison, a sign or a floor is called with the digits left.
  let lost = 0;
  // The largest term any sum added so far: a sum that cancelled is still within 10^(largest - digits) of its value.
  let largestTerm = -Infinity;
  // Never below 25, where a call is left to the ties' checks (at worst a TieError, so more digits).
  const kept = () => Math.max(25, digits - lost);
  const pointTerm = (t: Term): Term | undefined => {
    const v = t.k === 'input' ? point.get(printRef(t.ref)) : undefined;
    return typeof v === 'object' && 'term' in v ? v.term : undefined;
  };
  const apartByErrors = (t: Extract<Term, { k: 'cmp' }>, apart: Decimal): boolean => {
    const [ea, eb] = [errorExponent(t.a, go, pointTerm, digits), errorExponent(t.b, go, pointTerm, digits)];
    return ea !== undefined && eb !== undefined && apart.e > Math.max(ea, eb) + ERROR_BOUND_MARGIN;
  };
  const go = (t: Term): Decimal => {
    if (++evaluatedNodes % CLOCK_EVERY === 0 && guardDeadline !== Infinity && clock() > guardDeadline) throw new GuardError('a high-precision search passed its guard');
    if (t.k === 'num' || t.k === 'input') return evaluate(t);
    let value = seen.get(t);
    if (value === undefined) {
      value = evaluate(t);
      seen.set(t, value);
    }
    return value;
  };
  // Whether a term has a finite value, without its value where that costs a function of many digits.
  const hasValue = (t: Term): boolean => {
    if (t.k === 'add') return t.terms.every(hasValue);
    if (t.k === 'mul') return t.factors.every(hasValue);
    if (t.k === 'fn' && (t.name === 'log' || t.name === 'sqrt')) {
      const argument = go(t.args[0]);
      // A sum near 0 by cancellation (1e-150 - x at x = 1e-150 - 1e-300) has no sign its rounding can tell: its
      // logarithm is read without the cancellation below. Else the sign alone says it: a log1p at 960 digits took seconds.
      const clear = t.name === 'sqrt' || logOfConstantPlus(t) === undefined || !argument.isFinite()
        || argument.abs().gt(argument.abs().plus(1).times(`1e-${Math.floor(digits / 2)}`));
      if (clear) return argument.isFinite() && (t.name === 'log' ? argument.gt(0) : argument.gte(0));
    }
    return go(t).isFinite();
  };
  const evaluate = (t: Term): Decimal => {
    switch (t.k) {
      case 'num': return new Big(t.value.num.toString()).div(new Big(t.value.den.toString()));
      case 'pi': return Big.acos(-1);
      case 'input': {
        const v = point.get(printRef(t.ref));
        if (v === undefined) throw new Error(`internal: no value for ${printRef(t.ref)}`);
        if (typeof v === 'object' && 'term' in v) return go(v.term);
        return typeof v === 'number' ? toPrecise(Big, v) : new Big(v.num.toString()).div(new Big(v.den.toString()));
      }
      case 'add': {
        let largest = -Infinity;
        const values: Decimal[] = [];
        const sum = t.terms.reduce((acc, x) => {
          const v = go(x);
          if (parts !== undefined) values.push(v);
          if (v.isFinite() && !v.isZero() && v.e > largest) largest = v.e;
          return acc.plus(v);
        }, new Big(0));
        if (parts !== undefined) note(t, absorbedInSum(values, t.terms.map(partOf), digits, t.terms.map(isResidue)));
        if (residues !== undefined && largest > -Infinity && sum.isFinite() && (sum.isZero() || largest - sum.e >= digits - RESIDUE_DIGITS)) residues.add(t);
        // Only a sum that cancelled is short of digits relative to its terms: one that did not (exp(x) + exp(y) at
        // x = 5001) has its value to the digits, whatever its size, and a log of it after is read as closely (a bound
        // tied at y = x was read past 2,200 digits, and verified, probe 60).
        if (magnitudes !== undefined && largest > magnitudes.largest && (!sum.isFinite() || sum.isZero() || sum.e < largest)) magnitudes.largest = largest;
        // The digits this sum cancelled (y + sqrt(y^2 + 1) at y = -1e40 keeps 5e-41 of terms of 1e40: 81 of them).
        if (largest > largestTerm) largestTerm = largest;
        if (sum.isFinite() && !sum.isZero() && largest - sum.e > lost) {
          lost = largest - sum.e;
          if (magnitudes !== undefined) magnitudes.lost = Math.max(magnitudes.lost, lost);
        }
        // A sum of terms that cancelled to exactly 0 kept none of its digits: exp(x) - 1 - x at x = 1e-300 is 5e-601,
        // which 360 digits round to 0, and (exp(x) - 1 - x) / x^2 > 1/2 (true) was refuted by that 0 (probe 74). Its
        // value is 0 to the digits only, which a call by its margin must see stay put across a doubling.
        // Unless exact algebra shows it 0 at the point: a tie at a rational point then reads as one (probe 97: the twisted
        // cubic's torsion 3 / (9 t^4 + 9 t^2 + 1), written through diff, tied 3 < 3 at t = 0 and was verified; probe 95:
        // an interval's guard sqrt(d - c) at an included end d = c left the tie c = d = 3/2 uncalled). Asked of
        // magnitudes' readings only, once a sum, and only of a sum of terms no larger than EXACT_ZERO_TERMS.
        if (sum.isZero() && largest > -Infinity && Number.isFinite(largest) && !(magnitudes !== undefined && exactlyZero(t))) {
          lost = Math.max(lost, digits);
          if (magnitudes !== undefined) { magnitudes.lost = Math.max(magnitudes.lost, digits); magnitudes.pastCancellation = true; }
        }
        return sum;
      }
      case 'mul': {
        // An interval's guard, 0 * (log(x - a) + sqrt(b - x)), asks only whether its factors have a value: at 960
        // digits reading its logarithms cost more than the step itself.
        if (t.factors.some(isExactZero)) return t.factors.every((x) => isExactZero(x) || hasValue(x)) ? new Big(0) : new Big(NaN);
        if (parts === undefined) return t.factors.reduce((acc, x) => acc.times(go(x)), one);
        const values = t.factors.map(go);
        const product = values.reduce((acc, v) => acc.times(v), one);
        note(t, absorbedInProduct(values, t.factors.map(partOf)));
        if (t.factors.some(isResidue)) residues?.add(t);
        return product;
      }
      case 'pow': {
        const base = go(t.base);
        const exponent = go(t.exponent);
        // decimal.js gives (-8)^(1/3) a value; the language does not (a root of a negative number). Nor has 0 to a
        // negative power (a pole, which decimal.js makes Infinity, and atan(1 / 0) pi / 2), nor NaN^0 (1 to decimal.js).
        if (base.isNaN() || exponent.isNaN() || (base.isNeg() && !exponent.isInteger()) || (base.isZero() && exponent.isNeg())) return new Big(NaN);
        // A half-integer power by a square root: decimal.js takes any other through ln and exp, which at 60 digits and up
        // made a search's slope readings of a Gaussian's sqrt(2 pi s^2) most of its 15 s guard (probe 99's ELBO bound).
        const power = keepingSettings(Big, () => (isHalfInteger(exponent) ? halfIntegerPower(base, exponent) : base.pow(exponent)));
        // Past decimal.js's least exponent a power of a non-zero base reads 0 (2^(-10^20)): no value, not 0 (probe 58).
        if (power.isZero() && !base.isZero() && base.isFinite() && exponent.isFinite()) return new Big(NaN);
        if (parts !== undefined) note(t, absorbedInPower(base, exponent, power, partOf(t.base), partOf(t.exponent)));
        if (isResidue(t.base) && exponent.isPositive()) residues?.add(t);
        // b^x has the condition |x| in b and |x log b| in x (as exp has |a|): see the value next to both.
        if (magnitudes !== undefined && exponent.isFinite() && !exponent.isZero() && base.isFinite() && !base.isZero()) {
          // log10 |log b|, from the base's double where it has one, else from its exponent (|log b| < 2.31 (|e| + 1)).
          const b = Math.abs(base.toNumber());
          const logOfLog = b > 0 && Number.isFinite(b) ? Math.log10(Math.abs(Math.log(b))) : Math.log10(2.31 * (Math.abs(base.e) + 1));
          magnitudes.largest = Math.max(magnitudes.largest, exponent.e + Math.max(0, Math.ceil(logOfLog)));
        }
        return power;
      }
      case 'fn': {
        const withoutCancellation = logOfConstantPlus(t);
        if (withoutCancellation !== undefined) {
          const value = go(withoutCancellation);
          note(t, partOf(withoutCancellation));
          return value;
        }
        // No value in, none out: relu(NaN) would be 0 and max(NaN, 1) 1 by the rules' comparisons.
        const args = t.args.map(go);
        if (args.some((a) => a.isNaN())) return new Big(NaN);
        // sign jumps at 0: an argument 0 to the digits is 0 only where exact algebra shows it (sign(cos(x)) at
        // x = pi/2, where 60 digits give cos a rounding of 0), as a comparison's tie is.
        if (t.name === 'sign' && !(digits - lost > 25 && clearlyDifferent(args[0], new Big(0), kept()) && args[0].abs().gt(`1e-${kept() - 20}`))) {
          if (equalExactlyAt(t.args[0], { k: 'num', value: { num: 0n, den: 1n } }, point)) return new Big(0);
          throw new TieError(`a sign too close to 0 to call at ${digits} digits`);
        }
        // floor and ceil jump at each whole number: an argument a whole number to the digits is one only where it is exactly.
        if ((t.name === 'floor' || t.name === 'ceil') && !(digits - lost > 25 && args[0].minus(args[0].round()).abs().gt(`1e-${kept() - 20}`))) {
          const whole = args[0].round();
          if (whole.abs().lt(1e15) && equalExactlyAt(t.args[0], { k: 'num', value: { num: BigInt(whole.toFixed(0)), den: 1n } }, point)) return whole;
          throw new TieError(`${t.name} too close to a whole number to call at ${digits} digits`);
        }
        // decimal.js reduces an angle by a pi of some thousand digits: an angle of 10^e leaves 1000 - e of them, and
        // a reading past that is wrong in every digit beyond, however it stays put. No value at these digits.
        if (isCircular(t) && args[0].isFinite() && !args[0].isZero() && args[0].e > 0 && digits + args[0].e + 20 > REDUCIBLE_DIGITS) {
          throw new Error(`an angle of 1e${args[0].e} is not reduced to ${digits} digits`);
        }
        const value = preciseValue(FUNCTIONS[t.name], Big, args);
        // sin and cos at a point where exact algebra says they are 0 (cos(ph) at ph = pi/2, a tie point): their
        // rounding, 1e-61, squared beside sin(ph)^2 = 1 was a part dropped by one side only, and a true spherical
        // Jacobian was undecided (probe 81).
        if (isCircular(t) && value.isFinite() && !value.isZero() && value.abs().lt(`1e-${digits - 10}`)
          && equalExactlyAt(t, { k: 'num', value: { num: 0n, den: 1n } }, point)) return new Big(0);
        // exp past decimal.js's least exponent reads 0 (exp(-1e300)): no value, not 0, as a power's (probe 58, 61). So
        // does every function that is never 0, there: phi(-1e10) and Phi(-1e10) are 10^(-2e19), and read as 0 they
        // verified Phi(x) + x phi(x) = 0 at x = -1e10, the far tail of GELU's derivative (probe 84).
        // Not in a limit's reading: there a body that underflows is within 10^-9e15 of its limit 0 (x^3 phi(x) at 1e16).
        if ((t.name === 'exp' || (limitReadings === 0 && NEVER_ZERO.has(t.name))) && value.isZero() && args.every((a) => a.isFinite())) return new Big(NaN);
        if (parts !== undefined) note(t, absorbedInFunction(t.name, args, value, t.args.map(partOf), digits));
        // A function whose condition grows with its argument (sin and exp of 6e150 + x) turns the argument's last digit
        // into the value's first: the digits must see the value next to the argument, as next to a sum's largest term.
        if (!BOUNDED_CONDITION.has(t.name)) for (const a of args) see?.(a);
        // log near 1 turns its argument's rounding into the value's leading digits (its condition is 1 / |log y|): the
        // argument of log(x + sqrt(x^2 + 1)) at x = 1e-200 is 1 + 1e-200 rounded, and its rounding at 680 digits,
        // 1e-680, was read as a difference of 1e-801 from asinh(x), refuting a true identity (probe 74). The sides'
        // comparison counts the digits so lost; a comparison inside (log(cosh(r)) <= r^2 / 2.(39 zeros)2 at r = 1e-20)
        // is called by its own margin against 1, where the value's rounding is 10^-digits as before.
        if (t.name === 'log' && magnitudes !== undefined && value.isFinite() && !value.isZero() && value.e < 0 && t.args[0].k !== 'num') {
          magnitudes.lost = Math.max(magnitudes.lost, -value.e);
        }
        return value;
      }
      case 'apply': return go(instantiateFunctions(t));
      case 'cmp': {
        const a = go(t.a);
        const b = go(t.b);
        if (a.isNaN() || b.isNaN()) return new Big(NaN);
        // Apart by more than rounding, relative to the sides and to 1: log(a / b) at a = b is -1e-60 in 60 digits, a
        // rounding of 0 that a relative test alone would take for a negative value.
        // With the digits its sides cancelled left out: (1 - cos(x)) / x^2 against 1/2 - x^2/24 at x = 1e-20 keeps 80
        // of 120, and its rounding called a true bound false at 120 and at 160 digits alike (probe 27).
        const apart = a.minus(b).abs();
        // A side's dropped part as large as the margin could turn the call; not where the sides are equal exactly
        // (Gibbs' log(s2/s1) + s1^2/(2 s2^2) - 1/2 >= 0 at s1 = s2: its tie made the bound undecided, probe 77).
        const parts = [partOf(t.a), partOf(t.b)].filter((part) => part !== undefined && (apart.isZero() || apart.e <= part.at + 10));
        if (parts.length > 0 && magnitudes !== undefined && !equalExactlyAt(t.a, t.b, point)) {
          for (const part of parts) magnitudes.reveal = Math.max(magnitudes.reveal ?? 0, part!.reveal);
        }
        // Or apart by far more than any term's rounding, whatever cancelled: (x^2 + x - 1)^2 at the golden ratio's root
        // cancels every digit, and is within 10^-120 of 0 at 60 digits, far below 1e-40 (probe 32). Only where the margin
        // is watched across readings: a cancelled sum divided by another (s / (s + 1e-70)) is no value to call by, and its
        // margin moves when the digits double.
        const clearOfRounding = magnitudes?.margins !== undefined && Number.isFinite(largestTerm) && !apart.isZero()
          && apart.e > Math.max(largestTerm, a.isZero() ? -Infinity : a.e, b.isZero() ? -Infinity : b.e) - digits + 20;
        const byKeptDigits = digits - lost > 25 && clearlyDifferent(a, b, kept()) && apart.gt(`1e-${kept() - 20}`);
        // Or apart by far more than a running bound on each side's error: exp(-w) at w = 1e4 - 1e-20 against 1.2e-4343
        // is apart by 1.5e-4345, its error some 1e-4440, though w - 1000 added terms of 1e4 on the way (error-bound.ts).
        const byErrorBound = !byKeptDigits && magnitudes?.margins !== undefined && !apart.isZero() && apartByErrors(t, apart);
        if (byKeptDigits || clearOfRounding || byErrorBound) {
          // A call by the margin, not by exact algebra: trusted where the margin stays put (marginsSettled).
          magnitudes?.margins?.set(t, a.minus(b));
          if (!byKeptDigits && magnitudes !== undefined) magnitudes.pastCancellation = true;
          if (!byKeptDigits && !byErrorBound && magnitudes !== undefined) magnitudes.roughCall = true;
          return compare(t.op, a.cmp(b), 0) ? one : new Big(0);
        }
        // Equal to the digits: a tie only where exact algebra shows it (a / b >= 1 at a = b = 0.75, which 60 digits
        // round to 0.999...9 as a times a rounded 1 / b; softmax's 1/2 at a = b; norm(g) against sqrt(2) at g = [1, 1]).
        if (equalExactlyAt(t.a, t.b, point)) return compare(t.op, 0, 0) ? one : new Big(0);
        throw new TieError(`a comparison too close to call at ${digits} digits`);
      }
      case 'extremum': {
        const values = t.terms.map(go);
        const extreme = t.op === 'max' ? Big.max(...values) : Big.min(...values);
        if (parts !== undefined) note(t, t.terms.map(partOf).reduce(larger, undefined));
        return extreme;
      }
      case 'ival':
        if (t.index.k === 'lit') return new Big(t.index.value);
        throw new Error('internal: high-precision evaluation of an index that is not a number');
      case 'series': {
        // A series of the table diverges exactly where its convergence conditions fail: no value there, for certain
        // (sum x^k at x = 2), where summing it would only run out of terms.
        const known = knownSeriesSum(t);
        if (known !== undefined) {
          const conditions = known.converges.map((c) => ({ value: go(c.term), strict: c.strict }));
          if (conditions.some((c) => fails(c.value, c.strict))) return new Big(NaN);
          // Where it clearly converges, its closed form is its value, on the boundary too (log 2 at x = 1, where the
          // alternating harmonic series would take 10^60 terms); a removable point of the closed form is summed.
          if (conditions.every((c) => (c.strict ? c.value.gt(0) : c.value.gte(0)))) {
            const value = go(known.first).times(go(known.closedForm)).minus(go(known.head));
            if (value.isFinite()) return value;
          }
        }
        // A rational function of k (1/(k^2 + 1e-70)), whose terms shrink too slowly to be added up: its head added up and
        // its tail from the expansion at infinity, to these digits (model/rational-series-tail.ts). Only where its error
        // bound is within them: a sum of 1e-70 against pi^2/6 was no reading at all (probe 86).
        const rational = rationalSeries(t);
        const summed = rational?.sum(t.lower, digits);
        if (rational !== undefined && summed !== undefined && summed.error.lte(summed.value.abs().times(`1e-${digits}`))) {
          return go(rational.factor).times(new Big(summed.value.toString()));
        }
        // Summed to the digits kept (so a truncation shrinks as they double, as rounding does); unsummed, no value is had.
        // Sines and cosines of the index: the terms must be read over a period of the slowest (series-convergence.ts).
        const convergence = new SeriesConvergence(oscillationTerms(sineSlopes(t.body, { index: t.index }, MAX_SERIES_FREQUENCIES).map((w) => go(w).toNumber())));
        let acc = new Big(0);
        for (let n = 0; n < MAX_PRECISE_SERIES_TERMS; n++) {
          const a = readingSeriesTerm(() => go(substituteIndices(t.body, new Map([[t.index, { k: 'lit', value: t.lower + n }]]))));
          if (!a.isFinite()) return new Big(NaN);
          see?.(a);
          acc = acc.plus(a);
          const step = convergence.next(a.isZero() ? -Infinity : log10Magnitude(a), a.isNeg() ? -1 : 1, acc.isZero() ? -Infinity : log10Magnitude(acc), -digits - 5, -digits - 1000,
            MAX_PRECISE_SERIES_TERMS - n);
          if (step.kind === 'hopeless') break;
          if (step.kind === 'done') return acc;
        }
        throw new Error(`a series not summed within ${MAX_PRECISE_SERIES_TERMS} terms`);
      }
      case 'integral': {
        // Exactly where it has a closed form at this point: a polynomial integrand, or one of the Gaussian, exponential,
        // Gamma and Beta forms whose convergence the signs at the point decide (a sign too near 0 for the digits to
        // tell is not taken). Other integrals are for the numbers.
        const signAtPoint = (x: Term): 1 | -1 | 0 | undefined => {
          let v: Decimal;
          try {
            v = go(x);
          } catch {
            return undefined;
          }
          if (v.isZero()) return 0;
          if (!v.isFinite() || v.abs().lte(new Big(10).pow(-Math.floor(digits / 3)))) return undefined;
          return v.isPositive() ? 1 : -1;
        };
        const closed = closedPolynomialIntegral(t) ?? closedFormIntegral(t, signAtPoint);
        if (closed === undefined) throw new Error('an integral with no closed form here');
        return go(closed);
      }
      case 'limit': {
        // The numbers' reading (model/precise-limit.ts), as many times nearer as the digits are more than 60: a
        // difference of 1e-13 hides within the last change at 60 digits (1e-12 for a difference quotient), and shows
        // at 240. The reading is within its last change, not within the digits; that change shrinks as the digits
        // double, so a step that holds differs by less at every doubling, and the confirmation, which asks a
        // difference to stay put, never takes it for one.
        // An unknown function's member (a tanh and a sin of a family, at each of the body's points) costs seconds a
        // step at these digits: such a limit is for the numbers, as before.
        // So is a limit of limits: each level multiplies the readings by six, and the numbers count their work.
        if (someSubterm(t.body, (x) => x.k === 'apply' || x.k === 'limit')) throw new Error('a limit of an unknown function or of a limit is for the numbers');
        // So is an infinite limit's reading, sigmoid(-L) (model/infinite-limits.ts): L may grow past every reading
        // (x^(1/100) / log(x)^10 falls until x = e^4000), which the numbers' leading order sees and readings do not
        // (probe 68: a true step refuted here at 62 digits). Only such a race is theirs: a log or a power of the variable
        // that is not a whole number, or constants at a scale of their own (limitScale: 1e-300 x^2 - 1e300 x grows only
        // past x = 1e600, probe 85). Whole powers and exponentials (exp(1/x) x^1000, exp(-1/x) from the left) are settled
        // by these readings, which the numbers' leading order does not reach (probe 81: two true steps were errors). An
        // oscillation is theirs too.
        const { literals, inputs } = scaleTerms(t.body, t.v);
        if (t.body.k === 'fn' && t.body.name === 'sigmoid' && (limitScale(literals) > 0 || raceBeyondReadings(t.body, t.v))) throw new Error('an infinite limit is for the numbers');
        const at = t.at === undefined ? undefined : go(t.at);
        if (at !== undefined && !at.isFinite()) return new Big(NaN);
        const read = (x: Decimal): Reading => {
          const [num, den] = x.toFraction().map((part) => BigInt(part.toFixed(0)));
          const near = new Map(point);
          near.set(t.v, { num, den });
          try {
            // A body that drops a part its value then stands on ((exp(1e-200 x) - 1) / x reads 0 at x = 1e-8 in any digits
            // short of 208), or that cancels all but a few of its digits, is no reading (probe 68: a true step refuted).
            const seen: Magnitudes = { largest: -Infinity, lost: 0 };
            limitReadings++;
            let value: Decimal;
            try {
              value = evaluateHighPrecision(t.body, near, digits, seen);
            } finally {
              limitReadings--;
            }
            if (digitsToSeeAbsorbed(seen, value, value) > digits || seen.lost > digits - KEPT_IN_LIMIT) return undefined;
            return { value, error: value.isFinite() ? value.abs().plus(1).times(`1e-${Math.floor(digits / 2)}`) : new Big(0) };
          } catch (error) {
            if (error instanceof GuardError) throw error;
            return undefined;
          }
        };
        // At the scale of the body's constants and of the inputs it reads, as the numbers read it (numeric/precise.ts).
        const exponents = inputs.flatMap((x) => {
          const v = x.k === 'input' ? point.get(printRef(x.ref)) : undefined;
          if (v === undefined) return [];
          return [pointExponent(v)];
        });
        // And past where the body turns on the way (numeric/precise.ts, model/limit-crossings.ts): Phi(log(z) - 1e20)
        // read 0 at z = 1e28, and a true step was refuted.
        const turns = crossingExponents(limitCrossings(t.body, t.v), at, t.side, (c) => ({ slope: go(c.form.slope), offset: go(c.form.offset) }));
        const scale = at === undefined || at.abs().lte(1) ? limitScale([...literals, ...exponents, ...turns]) : 0;
        const outcome = preciseLimit(read, at, t.side, (v) => new Big(v), (v) => new Big(v), { nearness: digits / DIGITS, fallbacks: false, scale });
        if (outcome.kind === 'none') return new Big(NaN);
        // A value within a sixth of the digits (a difference quotient's last change is 1e-12 at 60 digits, 1e-24
        // at 120), so that its error shrinks as they double: a looser one (a square root's rate, 1e-6 at 60 digits)
        // is left to the numbers.
        const within = Math.floor(digits / 6);
        if (outcome.kind === 'value' && outcome.error.lte(outcome.value.abs().plus(1).times(`1e-${within}`))) return outcome.value;
        throw new UnsettledLimitError(`a limit not settled to ${within} digits at ${digits}`);
      }
      default:
        throw new Error(`internal: high-precision evaluation of an unexpanded term (${t.k})`);
    }
  };
  const value = go(term);
  // Asked only where the sides agree (confirmAtPoint), so read then, from the values kept here.
  magnitudes?.exactSides?.push(() => errorExponent(term, go, pointTerm, digits) === -Infinity);
  const part = partOf(term);
  if (magnitudes !== undefined && part !== undefined) magnitudes.sides = larger(magnitudes.sides, part);
  return value;
}

/** The digits a limit's reading of its body must keep past its cancellations (sin(x) - x at 1e-96 cancels 192 of 360). */
const KEPT_IN_LIMIT = 20;

/** An evaluation past what it can do at the digits asked: ours (the gamma family's 400), or decimal.js's pi of some 1,000. */
function pastReach(error: unknown): boolean {
  return error instanceof PrecisionLimitError || (error instanceof Error && error.message.includes('[DecimalError] Precision limit exceeded'));
}

/**
 * The digits a reading must have before its sides can be compared, where it dropped a part whole that matters
 * (see absorbed-parts.ts): inside, or in the sides against their difference. 0 where none.
 */
export function digitsToSeeAbsorbed(magnitudes: Magnitudes, lhs: Decimal, rhs: Decimal): number {
  let reveal = magnitudes.reveal ?? 0;
  const sides = magnitudes.sides;
  if (sides !== undefined && lhs.isFinite() && rhs.isFinite()) {
    const apart = lhs.minus(rhs).abs();
    if (apart.isZero() || apart.e <= sides.at + 10) reveal = Math.max(reveal, sides.reveal);
  }
  return reveal === 0 ? 0 : reveal + DIGITS;
}

/** The largest decimal exponent of the terms an evaluation added up (see confirmAtPoint). */
export interface Magnitudes {
  largest: number;
  /** The most digits one sum cancelled: a difference below them is rounding, however it stays put. */
  lost: number;
  /** Each comparison's margin (a - b of a < b): a call is trusted where its margin stays put as the digits double. */
  margins?: Map<Term, Decimal>;
  /**
   * Whether a comparison was called past its terms' rounding though a cancellation had taken more of the digits
   * (clearOfRounding): such a margin is trusted only where it stays put across a doubling of the digits, not a raise
   * of 40, at both of which a function may drop the same series term (see confirmAtPoint).
   */
  pastCancellation?: boolean;
  /** Whether a comparison was called by clearOfRounding alone: neither by its kept digits nor by a bound on its sides' errors. */
  roughCall?: boolean;
  /**
   * Asked for with an empty list: for each term read, whether its value was exact, given its comparisons' calls
   * (error-bound.ts): integers, products with a factor 0, comparisons. More digits read such sides the same.
   */
  exactSides?: Array<() => boolean>;
  /** The most digits that would see a part a comparison's side dropped whole, within its margin (see absorbed-parts.ts). */
  reveal?: number;
  /** The largest part the sides dropped whole. */
  sides?: Absorbed;
}

/**
 * Whether every comparison called in two readings has a margin that stayed put between them (to 1e-10 of it):
 * near a pole a function's rounding grows with its condition (tan(pi/2 - y) at y = 1e-40 is 1e40 read to 60 of
 * 100 digits), and a margin of 2e-162 of it was called the wrong way at 100 and at 200 digits alike (probe 27).
 */
export function marginsSettled(now: Magnitudes, before: Magnitudes): boolean {
  for (const [term, margin] of now.margins ?? []) {
    const earlier = before.margins?.get(term);
    if (earlier === undefined || margin.minus(earlier).abs().gt(margin.abs().times('1e-10'))) return false;
  }
  return true;
}

/**
 * A comparison whose sides are equal to the digits of an evaluation, or nearly, where
 * exact algebra does not show them equal: which way it goes is not known there, and
 * the point is no witness (its evaluation throws this; a search moves on).
 */
export class TieError extends Error {
  override readonly name = 'TieError';
}

/** A limit whose readings did not settle to a sixth of the digits: more digits read it nearer (a cubic cancellation needs 120). */
export class UnsettledLimitError extends Error {
  override readonly name = 'UnsettledLimitError';
}

/** Below this, a negative value of a convergence condition may be rounding of one that holds. */
const ROUNDING = new Decimal('1e-40');

/** A convergence condition's value that fails it (> 0 or >= 0) and could not be rounding: 0 exactly, or clearly negative. */
function fails(value: Decimal, strict: boolean): boolean {
  if (value.isNaN()) return false;
  if (value.isZero()) return strict;
  return value.isNeg() && value.abs().gt(ROUNDING);
}

/** The most digits a span of magnitudes adds to an evaluation. */
const MAX_SPAN = 2000;

/** The decimal exponent of a nonzero rational (digits of the numerator less those of the denominator). */
export function exponentOf(num: bigint, den: bigint): number {
  const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;
  return digits(num) - digits(den);
}

/** The least and greatest decimal exponents of a term's constants, by term. */
const constantExponents = new WeakMap<Term, { readonly low: number; readonly high: number }>();

/** A side's constants' exponents, read once per side: a confirmation asks at every point and digits, and a side written out at a size is large. */
function exponentsOfConstants(t: Term): { readonly low: number; readonly high: number } {
  let known = constantExponents.get(t);
  if (known === undefined) {
    let low = Infinity;
    let high = -Infinity;
    someSubterm(t, (x) => {
      if (x.k === 'num' && x.value.num !== 0n) {
        const e = exponentOf(x.value.num, x.value.den);
        low = Math.min(low, e);
        high = Math.max(high, e);
      }
      return false;
    });
    known = { low, high };
    constantExponents.set(t, known);
  }
  return known;
}

/** How many decimal orders of magnitude the nonzero numbers written in the terms span, 0 for none. */
export function constantSpan(terms: readonly Term[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const t of terms) {
    const known = exponentsOfConstants(t);
    if (known.low <= known.high) { low = Math.min(low, known.low); high = Math.max(high, known.high); }
  }
  return high > low ? high - low : 0;
}

/**
 * How many decimal orders of magnitude the nonzero numbers of the terms and the point's values they read span, 0 for
 * none (1e300 + 1 spans 300): in the widest region (`region`), and in all of them together (`whole`). Each term is a
 * region, and so is each operand of a comparison in one and each factor of a product by 0: a part is lost where it is
 * added to one far larger, values compared are compared at any digits, and 0 times a part is 0 at any. (exp(-z) >=
 * 1.1356e-4343 on (1e3, 1e4) spans 4347 orders across its comparison and its domain's guard, 0 * log(10000 - z):
 * readings from 2,060 digits took seconds a point, the search ran into its guard, and the false bound was verified.)
 */
function magnitudeSpans(terms: readonly Term[], point: ReadonlyMap<string, PointValue>): { readonly region: number; readonly whole: number } {
  let widest = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const t of terms) {
    for (const region of spanRegions(t)) {
      let regionLow = region.low;
      let regionHigh = region.high;
      // Only the values the region reads: an input declared in the file and not used here (N in (1e300, Infinity))
      // spans nothing of its, and raised every reading past what lgamma's series could take in time (probe 31: a
      // wrong Stirling step was verified).
      for (const key of region.inputs) {
        const v = point.get(key);
        if (v === undefined) continue;
        const x = typeof v === 'object' && 'term' in v ? v.approx : v;
        const e = typeof x === 'number' ? (x !== 0 && Number.isFinite(x) ? Math.floor(Math.log10(Math.abs(x))) : undefined) : x.num !== 0n ? exponentOf(x.num, x.den) : undefined;
        if (e !== undefined) { regionLow = Math.min(regionLow, e); regionHigh = Math.max(regionHigh, e); }
      }
      if (regionHigh > regionLow) widest = Math.max(widest, regionHigh - regionLow);
      low = Math.min(low, regionLow);
      high = Math.max(high, regionHigh);
    }
  }
  return { region: widest, whole: high > low ? high - low : 0 };
}

/** A part of a term whose values may be added together: the exponents of its constants and the inputs it reads. */
interface SpanRegion {
  readonly low: number;
  readonly high: number;
  readonly inputs: readonly string[];
}

const regionsByTerm = new WeakMap<Term, readonly SpanRegion[]>();

/** A term's regions (see magnitudeSpans), read once per term: a confirmation asks at every point and digits. */
function spanRegions(term: Term): readonly SpanRegion[] {
  const known = regionsByTerm.get(term);
  if (known !== undefined) return known;
  const regions: SpanRegion[] = [];
  const roots: Term[] = [term];
  // The comparisons and the products by 0 whose parts were made regions of their own.
  const comparisons = new Set<Term>();
  while (roots.length > 0) {
    const root = roots.pop()!;
    let low = Infinity;
    let high = -Infinity;
    const inputs = new Set<string>();
    // Each distinct node once: a side written out at a size shares its subterms.
    const seen = new Set<Term>();
    const stack: Term[] = [root];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (t.k === 'cmp') {
        if (!comparisons.has(t)) { comparisons.add(t); roots.push(t.a, t.b); }
        continue;
      }
      // 0 times a part adds nothing to the sum around it, whatever its size (a domain's guard, 0 * log(z - 1000)).
      if (t.k === 'mul' && t.factors.some((f) => f.k === 'num' && f.value.num === 0n)) {
        if (!comparisons.has(t)) { comparisons.add(t); roots.push(...t.factors); }
        continue;
      }
      if (t.k === 'num' && t.value.num !== 0n) {
        const e = exponentOf(t.value.num, t.value.den);
        low = Math.min(low, e);
        high = Math.max(high, e);
      }
      if (t.k === 'input') inputs.add(printRef(t.ref));
      mapChildren(t, (c) => { if (!seen.has(c)) stack.push(c); return c; });
    }
    regions.push({ low, high, inputs: [...inputs] });
  }
  regionsByTerm.set(term, regions);
  return regions;
}

/**
 * Whether two values of a `digits`-digit evaluation differ by more than its
 * rounding could explain: more than 10^-(digits - 20) of the larger.
 */
export function clearlyDifferent(a: Decimal, b: Decimal, digits = DIGITS): boolean {
  if (!a.isFinite() || !b.isFinite()) return false;
  const scale = Decimal.max(a.abs(), b.abs());
  if (scale.isZero()) return false;
  return a.minus(b).abs().gt(scale.times(new Decimal(`1e-${digits - 20}`)));
}

/** sin and cos (tan and its kin are written through them). */
const isCircular = (t: Term): boolean => t.k === 'fn' && (t.name === 'sin' || t.name === 'cos');

/** The digits decimal.js keeps of pi, less a margin: past them, sin and cos of a large argument cannot be reduced. */
const REDUCIBLE_DIGITS = 1000;

/**
 * Functions whose condition number (|a f'(a) / f(a)|) stays near 1 or below however large the argument: log's is
 * 1 / |log a|. A large argument of these loses no digits of the value (log(exp(5001) + exp(y)) is read to the digits).
 */
const BOUNDED_CONDITION = new Set<FunctionName>(['log', 'log1p', 'sqrt', 'abs', 'relu', 'max', 'min', 'asinh', 'atan', 'atan2', 'sign']);

/** What readings of confirmAtPoint that found no difference noted on the way, for a caller that passes one in (decide.ts). */
export interface ReadingNotes {
  /**
   * The most digits a reading would have needed to see a part its sides dropped whole, where the sides agreed and
   * those digits were past the most allowed (0 for none): the agreement there is no evidence.
   */
  unseenPart: number;
  /** Whether the last reading ended on a comparison still too close to call at its most digits: worth reading with more. */
  tiedAtTop: boolean;
}

/** A sum left with at most this many significant digits of its largest term's is a residue of its rounding (see absorbedInSum). */
const RESIDUE_DIGITS = 5;

/** Orders of magnitude within which the two sides' dropped parts are taken as alike (see confirmAtPoint). */
const PART_SLACK = 20;

/** The most digits a comparison too close to call is read at (see confirmAtPoint): by default the point's own most. */
const MAX_TIE_DIGITS = 960;

/** The least raise of the digits that can tell a real difference from rounding (see confirmAtPoint). */
const LAST_RAISE_DIGITS = 40;
/** ... and the least it is halved to where a raise that large is past what a function evaluates (the gamma family's 400). */
const LEAST_RAISE_DIGITS = 10;

/** Digits beyond a tiny value's own order with which an exact 0 on the other side is read (see confirmAtPoint). */
const ZERO_GUARD_DIGITS = 30;

/**
 * Evaluates both sides at `digits` and at twice as many, doubling up to `maxDigits`,
 * until the difference is clear and the same at both precisions: a real difference
 * stays put when the digits double, a rounding artifact (sin(pi) at 60 digits)
 * shrinks with them. `valuesOnly`: just the values at `digits`, finite or not.
 */
export function confirmAtPoint(lhs: Term, rhs: Term, point: ReadonlyMap<string, PointValue>, maxDigits: number, valuesOnly = false, tieDigits = Math.min(maxDigits, MAX_TIE_DIGITS), notes?: ReadingNotes):
  { lhs: Decimal; rhs: Decimal; digits: number } | undefined {
  // Constants (and point values) spanning many orders of magnitude (1e300 + 1) lose their small parts to any precision
  // below the span, at every doubling alike, so a difference that stays put may be one of rounding: start above it.
  const spans = magnitudeSpans([lhs, rhs], point);
  const span = Math.min(spans.region, MAX_SPAN);
  let digits = DIGITS + span;
  // Room for one doubling past the start, as without a span, and for a part dropped across the whole span: a function
  // flat at 0 drops one (cos(1e-200) = 1 - 5e-401 is read at 401 digits), and a side's sums need not show it.
  maxDigits += 2 * Math.min(spans.whole, MAX_SPAN);
  // decimal.js reduces sin and cos by a pi of some thousand digits: a reading of an angle too large for the digits
  // has no value (evaluateHighPrecision), and the search takes the least raise past the last reading instead.
  let previous: { lhs: Decimal; rhs: Decimal; digits: number; kept: number; difference: Decimal; magnitudes: Magnitudes } | undefined;
  // Each reading is determined by its digits and the one before it: a pair read twice is a cycle (a tie raised to the
  // top, then lowered to the least raise past the last reading, then raised again: (1 + x)^2 >= 1 + 2 x at x = -1e-101
  // ran for hours, probe 22), so it ends the search with no evidence.
  const read = new Set<string>();
  // A raise to the digits that keep a dropped part, where the sides agreed and the part was one side's alone: if those
  // digits are past what an evaluation can do (the gamma family's 400), the agreement is no evidence either.
  let revealingLopsided = false;
  let readAny = false;
  for (;;) {
    const reading = `${digits}:${previous?.digits ?? 0}`;
    if (read.has(reading)) return undefined;
    read.add(reading);
    let l: Decimal;
    let r: Decimal;
    const magnitudes: Magnitudes = { largest: -Infinity, lost: 0, margins: new Map(), exactSides: [] };
    let lopsided = false;
    try {
      l = evaluateHighPrecision(lhs, point, digits, magnitudes);
      const leftPart = magnitudes.sides;
      magnitudes.sides = undefined;
      r = evaluateHighPrecision(rhs, point, digits, magnitudes);
      const rightPart = magnitudes.sides as Absorbed | undefined;
      magnitudes.sides = larger(leftPart, rightPart);
      // One side's dropped part with none as large on the other: nothing there to cancel it (softplus(a) against a). The
      // parts' orders are bounds within a few orders each (a log's is carried by exponents), hence the slack.
      lopsided = leftPart === undefined || rightPart === undefined || Math.abs(leftPart.at - rightPart.at) > PART_SLACK;
    } catch (error) {
      // Past the guard the whole search stops, not only this point.
      if (error instanceof GuardError) throw error;
      // A comparison too close to call is called with more digits, up to two readings at the top: tanh(400) against
      // 1 - 2 exp(-800) differs by 1e-695, a tie below 920 digits, and a bound wrong by it was an error (probe 27).
      // So is a limit its readings did not settle: (exp(x) - 1 - x - x^2/2) / x^3 cancels three times its nearness, and read
      // at 60 digits only, 1/6 + 1e-12 was verified (probe 81's rerun of probe 57).
      if ((error instanceof TieError || error instanceof UnsettledLimitError) && digits < tieDigits) {
        digits = digits * 2 < tieDigits - LAST_RAISE_DIGITS ? digits * 2 : digits < tieDigits - LAST_RAISE_DIGITS ? tieDigits - LAST_RAISE_DIGITS : tieDigits;
        maxDigits = Math.max(maxDigits, tieDigits);
        continue;
      }
      // A raise past what an evaluation can do (decimal.js reduces cos(pi 1e300) by a pi of some thousand digits,
      // enough at 360 digits, not at 720): the least raise that still tells a difference from rounding.
      if (previous !== undefined && digits > previous.digits + LAST_RAISE_DIGITS) {
        digits = previous.digits + LAST_RAISE_DIGITS;
        continue;
      }
      // And where that too is past it (the gamma family stops at 400 digits with its guard digits: gamma(1 + x) = 1 at
      // x = 1e-200 read -5.772e-201 at 360 and nothing at 400, and was verified, probe 74): half the raise, down to 10.
      if (previous !== undefined && digits - previous.digits >= 2 * LEAST_RAISE_DIGITS) {
        digits = previous.digits + Math.floor((digits - previous.digits) / 2);
        continue;
      }
      if (error instanceof TieError && notes !== undefined) notes.tiedAtTop = true;
      // lgamma(y) against Stirling's form at y = 1e250: its 1/(12 y) is seen at 506 digits, where lgamma has none (probe 66).
      // So for constants spanning more digits than an evaluation reaches, where no reading was made at all: atan(1e1000)
      // against pi/2 starts at 1,060 digits, past decimal.js's pi, and the doubles read atan(Infinity) (probe 67: verified).
      if ((revealingLopsided || (!readAny && span > DIGITS && pastReach(error))) && notes !== undefined) notes.unseenPart = Math.max(notes.unseenPart, digits);
      return undefined;
    }
    readAny = true;
    revealingLopsided = false;
    if (valuesOnly) return { lhs: l, rhs: r, digits };
    // No value where a sum cancelled every digit on the way: the point itself may need more (b = 1 - 5e-101 is 1 in 60
    // digits, and 1 / sqrt(1 - b^2) none), so the digits double before no value is taken (probe 90: 1 / sqrt(1 - b^2)
    // < 1e50 was verified). Past those allowed, worth reading deep, as a tie is.
    if ((!l.isFinite() || !r.isFinite()) && magnitudes.lost >= digits - 20) {
      if (digits < maxDigits) {
        digits = Math.min(2 * digits, maxDigits);
        previous = undefined;
        continue;
      }
      if (notes !== undefined) notes.tiedAtTop = true;
    }
    if (!l.isFinite() || !r.isFinite()) return undefined;
    // Sides equal and exact, their comparisons called soundly: more digits read them the same (a bound's 1 against its
    // comparison, exp(-w) >= 1.2e-4343 at w = 1000.5, was read up to 4,096 digits for the constant's span, 4.5 s a point).
    if (magnitudes.roughCall !== true && l.eq(r) && magnitudes.exactSides!.every((exact) => exact())) return undefined;
    // A part dropped whole reads the same at every doubling below the digits that keep it: read there, or not at all.
    const revealing = digitsToSeeAbsorbed(magnitudes, l, r);
    if (revealing > digits) {
      if (revealing > maxDigits) {
        // Sides that agree where one dropped a part the other did not: their agreement is no evidence. (Parts alike on
        // both sides, log(e^x + e^y) against max(x, y) + log(1 + e^-|x - y|), may cancel as the step says.)
        if (notes !== undefined && lopsided && !clearlyDifferent(l, r, Math.max(25, digits - magnitudes.lost))) notes.unseenPart = Math.max(notes.unseenPart, revealing);
        return undefined;
      }
      revealingLopsided = notes !== undefined && lopsided && !clearlyDifferent(l, r, Math.max(25, digits - magnitudes.lost));
      digits = revealing;
      previous = undefined;
      continue;
    }
    // Terms far larger than the sides that cancel (cosh(p + 200)^2 - sinh(p + 200)^2 is 1, its terms 1e175) lose that
    // many digits, at every doubling alike while the digits stay below it: 0 at 60 and at 120, a difference that stays
    // put and is no difference. The digits must see the sides next to the largest term added up.
    // So do sums that cancel inside (the argument of log(y + sqrt(y^2 + 1)) at y = -1e40): their digits must be had
    // besides, and a difference below them is no difference, however it stays put (an asinh identity was refuted by
    // 2.5e-121 at 140 to 200 digits, its square root's own rounding, probe 27).
    const scale = Math.max(l.isZero() ? 0 : l.e, r.isZero() ? 0 : r.e, 0);
    // A sum that cancelled every digit it had is 0 by exact algebra, read as rounding (sin(pi/6) - 1/2): no digits see
    // it, and raising them only moves its rounding down; it counts only against a difference (kept below).
    const cancelledInside = magnitudes.lost < digits - 20 ? magnitudes.lost : 0;
    const needed = Math.max(magnitudes.largest - scale, cancelledInside) + DIGITS;
    if (needed > digits) {
      // Past the digits allowed for want of the point's own: worth reading deep, as a tie is (1 / sqrt(1 - b^2) < 1e50
      // just past b = sqrt(1 - 1e-100), where 1 - b^2 cancels 100 digits of 120, probe 90: verified).
      if (needed > maxDigits) {
        if (notes !== undefined && cancelledInside > 0) notes.tiedAtTop = true;
        return undefined;
      }
      digits = needed;
      previous = undefined;
      continue;
    }
    // A side that is exactly 0 may be a cancellation below the digits (1 - tanh(1e6 x)^2 is 0 in any precision
    // short of 434,288 digits), the same at every doubling: it is trusted against the other side's value only
    // in digits that see that value next to 1, and past the digits allowed there is no evidence.
    if (l.isZero() !== r.isZero()) {
      // The exponent, not log(10): decimal.js's ln 10 gives out past some 1,000 digits (probe 68: an engine fault).
      const needed = -(l.isZero() ? r : l).e + ZERO_GUARD_DIGITS;
      if (needed > digits) {
        if (2 * needed > maxDigits) return undefined;
        digits = needed;
        previous = undefined;
        continue;
      }
    }
    const d = l.minus(r);
    const kept = Math.max(25, digits - magnitudes.lost);
    // A margin called past a cancellation stays put only across a doubling: (1 - cos x) / x^2 at x = 1e-112 drops the
    // cosine's x^4/24 at 245 and at 285 digits alike, and a true bound was refuted by it (probe 64).
    const doubled = !(magnitudes.pastCancellation || previous?.magnitudes.pastCancellation) || (previous !== undefined && digits >= 2 * previous.digits);
    if (previous !== undefined && doubled && clearlyDifferent(l, r, kept) && d.minus(previous.difference).abs().lte(d.abs().times('1e-10')) && marginsSettled(magnitudes, previous.magnitudes)) {
      // Stable under doubling: report the fewest digits that already showed it.
      return clearlyDifferent(previous.lhs, previous.rhs, previous.kept) ? { lhs: previous.lhs, rhs: previous.rhs, digits: previous.digits } : { lhs: l, rhs: r, digits };
    }
    previous = { lhs: l, rhs: r, digits, kept, difference: d, magnitudes };
    // The last raise goes to the most digits allowed where doubling would pass them: a difference of 4e-348
    // (1 + exp(-800) against 1) first shows at 496 digits, and stays put at 964 (rounding moves by 10^-468).
    if (digits * 2 > maxDigits) {
      if (digits + LAST_RAISE_DIGITS > maxDigits) {
        // Called only past a cancellation, unsettled for want of a doubling: worth reading deep, as a tie is. So is a
        // difference seen once, with no room left for a second reading: the point's own cancellation took the digits
        // (-log(1 - b) < 100 just past b = 1 - e^-100, read at 104 of 120 digits, probe 90: verified).
        if ((magnitudes.pastCancellation || clearlyDifferent(l, r, kept)) && notes !== undefined) notes.tiedAtTop = true;
        return undefined;
      }
      // Two readings at the top, so that a difference first seen there can be seen to stay put: 700 + log1p(exp(-1400))
      // against 700 differs by 1e-608, nothing at 480 digits, and was verified with one reading at 960 (probe 24).
      const penultimate = maxDigits - LAST_RAISE_DIGITS;
      digits = digits < penultimate ? penultimate : maxDigits;
    } else {
      digits *= 2;
    }
  }
}

/** The nodes of a sum cancelled to 0 that exact algebra is asked about, at most: it costs a canonical form at the point. */
const EXACT_ZERO_TERMS = 400;

/** How many limits' bodies are being read (see the fn case of evaluateHighPrecision). */
let limitReadings = 0;

/** Functions whose value is never 0 at a finite argument: a reading of 0 is an underflow past decimal.js's range. */
const NEVER_ZERO: ReadonlySet<FunctionName> = new Set<FunctionName>(['exp', 'phi', 'Phi', 'erfc', 'sigmoid', 'softplus', 'sech', 'gamma']);

/** Functions of logarithmic order at an infinity. */
const LOG_ORDERS: ReadonlySet<FunctionName> = new Set<FunctionName>(['log', 'log1p', 'asinh', 'digamma', 'lgamma']);
/** Functions whose zeros or jumps recur out to an infinity, between any readings. */
const STEPPED_OVER: ReadonlySet<FunctionName> = new Set<FunctionName>(['sin', 'cos', 'floor', 'ceil']);

/**
 * Whether a limit's body in `v` holds a log of it or a power of it that is not a whole number, orders whose race
 * (x^(1/1000) against log(x)^5, x^(1/1000) against 1000) may be decided only past every reading; or a sine, cosine,
 * floor or ceiling of it, whose zeros and jumps the readings step over (x^2 (1 + sin x) has no limit, and read at its
 * points tends to Infinity).
 */
function raceBeyondReadings(body: Term, v: string): boolean {
  const readsV = (x: Term) => someSubterm(x, (y) => y.k === 'input' && y.ref.name === v);
  return someSubterm(body, (x) => {
    if (x.k === 'fn' && (LOG_ORDERS.has(x.name) || STEPPED_OVER.has(x.name))) return readsV(x);
    if (x.k !== 'pow' || !readsV(x.base)) return false;
    return !(x.exponent.k === 'num' && x.exponent.value.den === 1n);
  });
}

/** Whether x is k + 1/2 for a whole k of moderate size. */
function isHalfInteger(x: Decimal): boolean {
  return !x.isInteger() && x.times(2).isInteger() && x.abs().lt(1e6);
}

/** b^(k + 1/2) as b^k sqrt(b) (b >= 0, k whole), in b's precision. */
function halfIntegerPower(base: Decimal, exponent: Decimal): Decimal {
  return base.pow(exponent.minus(0.5)).times(base.sqrt());
}
