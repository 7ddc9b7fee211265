import { Decimal } from 'decimal.js';
import { add, cachedEvaluationWork, children, readingSeriesTerm, compare, complementOf, fn, mul, neg, num, pow, logNearOne, expandedSizeUpTo, fastLn, withDigits, FUNCTIONS, logOfConstantPlus, someSubterm, log10Magnitude, MAX_PRECISE_SERIES_TERMS, SeriesConvergence, sineSlopes, MAX_SERIES_FREQUENCIES, oscillationTerms, instantiateFunctions, keepingSettings, PrecisionLimitError, preciseNormalMillsRatio, preciseValue, termKey, toPrecise, withUniqueBinders, type PreciseNumber, type Term } from '../model/index.ts';
import { compileIndex, compilePosition, freeIndexNames, LINEAR_POWER, NEVER_ZERO, type EvaluationState, type IndexSlots } from './compile.ts';
import { dimSize, type Layout } from './layout.ts';
import { rootClamping } from './nonnegative-roots.ts';
import { compileExact, exactSign, type ExactReading } from './exact-at-point.ts';
import { integrandFrequencies, integrandKinkArguments, integrandSwitches } from './integrand-kinks.ts';
import { kinkedIntegrate } from './precise-kinks.ts';
import { oscillatoryIntegrate } from './precise-oscillatory.ts';
import { selectorFactors } from './selector-products.ts';
import { integrandScale, preciseIntegrate } from './precise-quadrature.ts';
import { peakedIntegrate } from './precise-peak.ts';
import { compileLimitTrend } from './divergence.ts';
import { logOfSignedSum, type SignedLog } from './log-sum.ts';
import { powerSeriesSum } from './power-series-sum.ts';
import { constantFraction, crossingExponents, powerSeriesForm, finiteSum, limitCrossings, limitScale, logForm, signedTerms, NEAREST_EXPONENT, preciseLimit, rationalSeries, scaleTerms, substituteScalarInputs, sumSegments, wholeDecimal, type InputRef, type LimitReading } from '../model/index.ts';


/**
 * High-precision evaluation of model terms at one size assignment, for the
 * inputs where double precision fails: a side that underflowed (exp(-800) is 0
 * in doubles), overflowed (exp(800) is infinite), came out NaN, or decided a
 * comparison between values closer than their error. Terms keep their sums,
 * index variables and labels, read from the same `EvaluationState` as the
 * double closures (inputs, free indices), and every function is evaluated by
 * its `precise` rule in the function table. A `diff` cannot be evaluated this
 * way: the caller passes the side's diff-free form instead.
 *
 * Every value carries a running bound on its absolute error, as the double
 * closures do (compile.ts), with the unit round-off of 60 digits. Comparing two
 * precisions would not do: 1 - (1 - 1e-348) is 0 at 40 digits and at 60 alike,
 * and the two would agree on the wrong value.
 */

/**
 * A product's Phi(a) / phi(a) (or phi(a) / Phi(a), `inverse`), as the Mills ratio, and its other factors: read apart,
 * both underflow past a = -1.4e8, and the ratio has no value where it is about 1/|a|. So erfc(a) exp(a^2).
 */
function millsRatioOf(factors: readonly Term[]): { argument: Term; inverse: boolean; rest: Term[] } | undefined {
  // Each factor read once: a call of Phi (1 - Phi(u) is Phi(-u)), phi or erfc, or the reciprocal of one. Most products
  // hold none, and end here.
  const callOf = (t: Term): Extract<Term, { k: 'fn' }> | undefined => {
    const read = complementOf(t) ?? t;
    return read.k === 'fn' && read.args.length === 1 && TAIL_FUNCTIONS.has(read.name) ? read : undefined;
  };
  const read = factors.map((t) => {
    const below = t.k === 'pow' && t.exponent.k === 'num' && t.exponent.value.num === -1n && t.exponent.value.den === 1n ? callOf(t.base) : undefined;
    return below === undefined ? { above: callOf(t) } : { below };
  });
  if (read.every((r) => r.above === undefined && r.below === undefined)) return undefined;
  const rest = (i: number, j: number) => factors.filter((_, k) => k !== i && k !== j);
  for (let i = 0; i < factors.length; i++) {
    const top = read[i].above;
    if (top === undefined) continue;
    // erfc(a) exp(a^2), the scaled erfc, is sqrt(2 / pi) R(-sqrt(2) a): erfc(1e10) and exp(1e20) are past every reading.
    if (top.name === 'erfc') {
      const [a] = top.args;
      const j = factors.findIndex((g, k) => k !== i && g.k === 'fn' && g.name === 'exp' && termKey(g.args[0]) === termKey(pow(a, num(2))));
      if (j < 0) continue;
      const sqrt2 = fn('sqrt', num(2));
      return { argument: mul(num(-1), sqrt2, a), inverse: false, rest: [...rest(i, j), sqrt2, pow(fn('sqrt', { k: 'pi' }), num(-1))] };
    }
    // phi is even: (1 - Phi(u)) / phi(u), the right tail's ratio, is R(-u).
    const inverse = top.name === 'phi';
    for (let j = 0; j < factors.length; j++) {
      const bottom = read[j].below;
      if (j === i || bottom === undefined || bottom.name !== (inverse ? 'Phi' : 'phi')) continue;
      const [cdf, pdf] = inverse ? [bottom, top] : [top, bottom];
      const key = termKey(cdf.args[0]);
      if (termKey(pdf.args[0]) === key || termKey(neg(pdf.args[0])) === key) return { argument: cdf.args[0], inverse, rest: rest(i, j) };
    }
  }
  return undefined;
}

/** A log's argument that is Phi, phi or erfc of something (1 - Phi(u) is Phi(-u)), or undefined. */
function gaussianTailOf(argument: Term): { name: 'Phi' | 'phi' | 'erfc'; argument: Term } | undefined {
  const read = complementOf(argument) ?? argument;
  if (read.k !== 'fn' || read.args.length !== 1 || !TAIL_FUNCTIONS.has(read.name)) return undefined;
  return { name: read.name as 'Phi' | 'phi' | 'erfc', argument: read.args[0] };
}

let tailConstantsRead: { readonly halfLog2Pi: PreciseNumber; readonly sqrt2: PreciseNumber; readonly logPi: PreciseNumber } | undefined;

/** log(2 pi) / 2, sqrt(2) and log(pi) in 60 digits, read once (not at load: most runs never reach a far tail). */
function tailConstants(): { readonly halfLog2Pi: PreciseNumber; readonly sqrt2: PreciseNumber; readonly logPi: PreciseNumber } {
  return tailConstantsRead ??= { halfLog2Pi: HIGH.ln(HIGH.acos(-1).times(2)).div(2), sqrt2: HIGH.sqrt(2), logPi: HIGH.ln(HIGH.acos(-1)) };
}

/** How far out (|a|) log(Phi(a)), log(phi(a)) and log(erfc(a)) are read by their tail forms: where the Mills ratio's series is. */
const TAIL_FROM = 10_000;

/** The functions of the Gaussian tail a product's Mills ratio is read through. */
const TAIL_FUNCTIONS: ReadonlySet<string> = new Set(['Phi', 'phi', 'erfc']);

/**
 * The most terms a sum is added up in 60 digits (some 20 ms): past them a sum is read in closed form or not at all.
 * Sizes past 1,000 are read only by the far-size check of a bound in n (check/far-sizes.ts).
 */
const MAX_TERMS_ADDED = 6_000;

/**
 * About how many terms one 60-digit evaluation of `terms` reads at `sizes`, each distinct subterm once per value of the
 * indices it reads: a sum past {@link MAX_TERMS_ADDED} terms counts once (read in closed form), a product past it too
 * (not read). Lets a caller leave out a reading its time would not allow: a product of m factors summed over n terms
 * at m = n = 5,000 is 25 million high-precision products.
 */
export function preciseEvaluationWork(terms: readonly Term[], sizes: ReadonlyMap<string, number>): number {
  return cachedEvaluationWork(terms, (dim) => {
    const n = dimSize(dim, sizes);
    return n > MAX_TERMS_ADDED ? 1 : n;
  });
}

/**
 * Functions whose domain ends at 0 or at +-1 (log, sqrt, log1p, atanh, asin): an argument there within its error may
 * lie outside. (factorial's whole numbers are no such end: 2k + 1 read at 1 +- 5e-60 is 1.)
 */
const EDGED: ReadonlySet<string> = new Set(Object.entries(FUNCTIONS)
  .filter(([, f]) => ['positive', 'non-negative', '-1 < x < 1', 'from -1 to 1', 'greater than -1'].includes(f.domain ?? '')).map(([name]) => name));

/** Whether an exact argument lies inside the domain of an {@link EDGED} function. */
function insideDomain(name: string, { num, den }: { readonly num: bigint; readonly den: bigint }): boolean {
  // The sign of num / den - k, for a whole k.
  const above = (k: bigint) => { const d = num - k * den; return den < 0n ? -d : d; };
  switch (name) {
    case 'sqrt': return above(0n) >= 0n;
    case 'log': return above(0n) > 0n;
    case 'log1p': return above(-1n) > 0n;
    case 'asin': return above(-1n) >= 0n && above(1n) <= 0n;
    case 'erfinv': return above(-1n) > 0n && above(1n) < 0n;
    default: return false;
  }
}

/** Functions past their digits or decimal.js's range long before their logs are: gamma's family, and the exponential tails. */
const PAST_RANGE: ReadonlySet<string> = new Set(['gamma', 'factorial', 'binomial', 'exp', 'erfc', 'Phi', 'phi']);

/** The answers of {@link readsPastRange}, by node: asked of every product compiled, each nested in the next. */
const pastRange = new WeakMap<Term, boolean>();

/**
 * Whether a product reads a function of {@link PAST_RANGE}: only such a product is read again through its factors' logs.
 * Each node is asked once: a search of the whole term at every product compiled was quadratic in a written-out inverse.
 */
function readsPastRange(t: Term): boolean {
  let known = pastRange.get(t);
  if (known === undefined) {
    known = (t.k === 'fn' && PAST_RANGE.has(t.name)) || children(t).some(readsPastRange);
    pastRange.set(t, known);
  }
  return known;
}

/** The largest index an evaluation state holds (its indices are 32-bit integers). */
const MAX_INDEX = 2 ** 31 - 1;

/** The digits of the evaluation. */
export const HIGH_DIGITS = 60;

/** Functions whose value at a finite argument may pass any reading's range (an overflow, not a pole). */
const OVERFLOWING: ReadonlySet<string> = new Set(['exp', 'expm1', 'sinh', 'cosh', 'gamma', 'factorial', 'softplus']);

/** A Decimal clone of its own, so no other user's settings change it. */
const HIGH = Decimal.clone({ precision: HIGH_DIGITS });
/** Error bounds need few digits, and round up so that they stay bounds. */
const BOUND = Decimal.clone({ precision: 8, rounding: Decimal.ROUND_UP });

/** Half a unit in the last place of a 60-digit result. */
const UNIT_ROUNDOFF = new BOUND(`5e-${HIGH_DIGITS}`);
/** The largest error, relative to the value (and 1), a power series' slope, offset and power may carry to be summed in closed form. */
const POWER_SERIES_PART_ERROR = new BOUND('1e-40');
const ZERO_BOUND = new BOUND(0);
/** decimal.js's least positive number (its least exponent, -9e15), and its natural log rounded toward 0. */
const LEAST = new BOUND('1e-9000000000000000');
const LOG_OF_LEAST = new Decimal('-2.0723265836946e16');
/** A limit point's error past a thousandth of the nearest distance its body is read at leaves the limit unread. */
const LIMIT_POINT_ERROR = new BOUND(`1e-${NEAREST_EXPONENT + 3}`);
/** A series whose rest is below 10^this is summed, whatever its sum. */
const LOG_PRECISE_SERIES_FLOOR = -1000;


/** A value in 60 digits with a bound on its absolute error. */
export interface PreciseValue {
  readonly value: PreciseNumber;
  readonly error: PreciseNumber;
}

/**
 * The outcome of a high-precision evaluation: a value, `undefined` (no value:
 * outside a domain, a pole, an index out of range), or `unsettled` (60 digits
 * cannot decide: a comparison or sign between values closer than their error).
 */
export type PreciseOutcome = PreciseValue | undefined | 'unsettled';

export type PreciseCompiled = (s: EvaluationState) => PreciseNumber;

/**
 * The work done by high-precision evaluations, in operations: one per
 * arithmetic node, {@link FUNCTION_COST} per function value or power computed
 * (exp and log at 60 digits cost about a hundred multiplications). Counted, not
 * timed, so a budget on it gives the same verdict on any machine under any load.
 */
export interface PreciseWork {
  operations: number;
  /**
   * Past this many operations an integral in 60 digits stops and says it cannot
   * settle (check-step.ts sets it where its budget binds inside an evaluation).
   * Default: none, each integral has PRECISE_INTEGRAL_WORK of its own.
   */
  limit?: number;
}

/** Operations one integral in 60 digits may take, its integrand's included (a smooth one takes some 100,000 to 400,000). */
const PRECISE_INTEGRAL_WORK = 800_000;
/** The work one limit's readings may do (nested limits multiply their readings, six each): past it, 60 digits cannot say. */
const PRECISE_LIMIT_WORK = 200_000;
/**
 * ... and a limit of an integral's: Watson's lemma, x times the integral of exp(-x t) f(t) over the half-line as x
 * grows (probe 104: such limits were errors), reads each integral in some 270,000 operations; Laplace's method, a peak
 * split out of its range (precise-peak.ts), in some 1.3 million, eight readings.
 */
const PRECISE_LIMIT_OF_INTEGRAL_WORK = 10_000_000;
/** A half-line's oscillating pieces (precise-oscillatory.ts) take this many integrals' shares: forty finite pieces. */
const OSCILLATION_SHARE = 16;
/** A split at the integrand's zeros of arguments not affine in t (precise-kinks.ts) takes this many integrals' shares: a piece each, and the search. */
const KINK_SHARE = 4;
/**
 * A peak split out of its range (precise-peak.ts) takes this many integrals' shares: two parts, each with the rule's
 * levels, after the grid and golden sections that find it ((1 - t^2)^n over [-1, 1] at n = 1e12: some 4,900 readings).
 */
const PEAK_SHARE = 3;

/** Operations charged for one function value (or non-trivial power) in high precision. */
export const FUNCTION_COST = 100;

/**
 * What the closures of one size assignment share: the inputs as decimals, the
 * values (and error bounds) of the functions, powers and sums already computed
 * at the current input, by their text and the values of the indices they use,
 * and the error bound of the last closure. A softmax Jacobian at n = 8 has 64
 * entries but only 8 distinct exp(x[j]): each is computed once per input.
 */
export interface PreciseContext {
  readonly work: PreciseWork;
  epoch: number;
  inputs: (PreciseNumber | undefined)[];
  memo: Map<string, PreciseValue & { readonly unsettled: boolean }>;
  /** The error bound of the value the last closure returned. */
  error: PreciseNumber;
  /** Set when a comparison could not be decided; the caller clears it. */
  unsettled: boolean;
}

export function preciseContext(work: PreciseWork = { operations: 0 }): PreciseContext {
  return { work, epoch: -1, inputs: [], memo: new Map(), error: ZERO_BOUND, unsettled: false };
}

const abs = (x: PreciseNumber): PreciseNumber => new BOUND(x.isNaN() ? Infinity : x.abs());
/** |v| max |(1 +- r)^x - 1| for a relative base error r, as a bound; (|b| + eb)^x + |v| where r >= 1 under a positive whole x, else none. */
function powerSpread(v: PreciseNumber, x: PreciseNumber, r: PreciseNumber, b: PreciseNumber, eb: PreciseNumber): PreciseNumber {
  if (r.gte(1)) return x.isInteger() && x.gt(0) ? new BOUND(b.abs().plus(eb).pow(x)).plus(v.abs()) : new BOUND(Infinity);
  const up = BOUND.exp(new BOUND(x).times(BOUND.ln(new BOUND(1).plus(r)))).minus(1).abs();
  const down = BOUND.exp(new BOUND(x).times(BOUND.ln(new BOUND(1).minus(r)))).minus(1).abs();
  const out = new BOUND(v.abs()).times(up.gt(down) ? up : down);
  return out.isNaN() ? new BOUND(Infinity) : out;
}

/** An error bound times a factor, where an exact operand carries no error even against an infinite factor. */
const carry = (factor: PreciseNumber, error: PreciseNumber): PreciseNumber =>
  (error.isZero() || factor.isZero() ? ZERO_BOUND : abs(factor).times(error));
/** Whether num / den is a decimal of at most `digits` significant digits: den has no prime factors but 2 and 5, and the digits fit. */
function terminatesWithin({ num, den }: { num: bigint; den: bigint }, digits: number): boolean {
  let rest = den < 0n ? -den : den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) { rest /= 2n; twos++; }
  while (rest % 5n === 0n) { rest /= 5n; fives++; }
  if (rest !== 1n) return false;
  // num / den = num 2^(k - twos) 5^(k - fives) / 10^k with k = max(twos, fives): its significant digits are those of that whole number.
  const k = Math.max(twos, fives);
  const whole = (num < 0n ? -num : num) * 2n ** BigInt(k - twos) * 5n ** BigInt(k - fives);
  return whole.toString().replace(/0+$/, '').length <= digits;
}

const rounding = (x: PreciseNumber, ulps = 1): PreciseNumber => abs(x).times(UNIT_ROUNDOFF).times(ulps);

/** Subterms up to this many nodes are remembered by their text, so equal copies are evaluated once; larger ones by identity. */
const MEMO_TEXT_NODES = 256;
const identities = new WeakMap<Term, number>();
let nextIdentity = 0;

/**
 * What a subterm's value is remembered by, beside its free indices' values: its
 * text, which equal copies share (the softmax denominator in every entry), or
 * for a large subterm its identity (a number). Printing every node of a large
 * side took time and memory quadratic in its depth.
 */
function memoKey(t: Term): string {
  if (expandedSizeUpTo(t, MEMO_TEXT_NODES) < MEMO_TEXT_NODES) return termKey(t);
  let id = identities.get(t);
  if (id === undefined) identities.set(t, id = nextIdentity++);
  return `#${id}`;
}

/**
 * Compiles a diff-free term into a closure evaluating it in 60 digits, setting
 * `context.error`. Comparisons and functions follow the function table's
 * `precise` rules; a value outside a function's domain, a pole (0^-1) or an
 * index out of range is NaN.
 *
 * @throws Error when the term holds a `diff` (an internal misuse).
 */
export function compilePrecise(term: Term, layout: Layout, slots: IndexSlots, context: PreciseContext): PreciseCompiled {
  const { work } = context;
  const clampsRoot = rootClamping(term, layout);
  const D = HIGH;
  const nan = new D(NaN);
  const zero = new D(0);
  const one = new D(1);
  // A new input (epoch) clears what was computed for the last one.
  const sync = (s: EvaluationState): void => {
    if (s.epoch !== context.epoch) {
      context.epoch = s.epoch;
      context.inputs = new Array(layout.length);
      context.memo = new Map();
    }
  };
  // toPrecise reads 100 digits of each double: once per input. The value is exact.
  const read = (s: EvaluationState, p: number): PreciseNumber => {
    sync(s);
    let v = context.inputs[p];
    if (v === undefined) context.inputs[p] = v = toPrecise(D, s.values[p]);
    return v;
  };
  const memo = (t: Term, compiled: PreciseCompiled): PreciseCompiled => {
    const text = memoKey(t);
    const keySlots = freeIndexNames(t).map((name) => slots.slot(name));
    return (s) => {
      sync(s);
      let key = text;
      for (const slot of keySlots) key += `|${s.indices[slot]}`;
      let v = context.memo.get(key);
      if (v === undefined) {
        const before = context.unsettled;
        context.unsettled = false;
        const value = compiled(s);
        v = { value, error: context.error, unsettled: context.unsettled };
        context.unsettled = before;
        context.memo.set(key, v);
      }
      if (v.unsettled) context.unsettled = true;
      context.error = v.error;
      return v.value;
    };
  };
  const exact = (v: PreciseNumber): PreciseCompiled => () => { context.error = ZERO_BOUND; return v; };
  /**
   * The largest (or smallest) of n values: exact, so its error is the larger of the
   * picked value's and the runner-up's; values closer than their errors leave which
   * one is largest unsettled, but not the value, which is within both errors.
   */
  const preciseExtremum = (n: number, value: (j: number) => PreciseNumber, largest: boolean): PreciseNumber => {
    let best: PreciseNumber | undefined;
    let bestError = ZERO_BOUND;
    let secondError = ZERO_BOUND;
    for (let j = 1; j <= n; j++) {
      const v = value(j);
      if (v.isNaN()) { context.error = ZERO_BOUND; return nan; }
      if (best === undefined || (largest ? v.gt(best) : v.lt(best))) {
        secondError = bestError;
        best = v;
        bestError = context.error;
      } else if (context.error.gt(secondError)) secondError = context.error;
    }
    work.operations += n;
    context.error = bestError.gt(secondError) ? bestError : secondError;
    return best ?? nan;
  };
  // Limits no integral, series, limit or derivative binds a variable of: the leading order of their body is read at
  // the state's doubles (divergence.ts), which hold every input such a limit reads. Inside those, the bound variable's
  // value is this context's own.
  const freeLimits = new Set<Term>();
  // Each distinct node once: a derivative shares its subterms, and walked as a tree 2^60 paths never end.
  const walked = new Set<Term>();
  const collectLimits = (x: Term): void => {
    if (walked.has(x)) return;
    walked.add(x);
    if (x.k === 'limit') freeLimits.add(x);
    if (x.k === 'limit' || x.k === 'integral' || x.k === 'series' || x.k === 'diff') return;
    for (const c of children(x)) collectLimits(c);
  };
  collectLimits(term);
  // One closure per distinct node: a derivative shares its subterms (the product rule copies none), and
  // compiling it as a tree made a fifth derivative through four abstract functions millions of closures.
  const compiled = new Map<Term, PreciseCompiled>();
  const go = (t: Term): PreciseCompiled => {
    let c = compiled.get(t);
    if (c === undefined) {
      const nearOne = logNearOne(t);
      if (nearOne !== undefined && nearOne.positiveOnly) {
        const argument = go(nearOne.argument);
        const [direct, form] = [compileNode(t), go(nearOne.form)];
        c = (s) => (argument(s).isPositive() ? form(s) : direct(s));
      } else {
        c = compileNode(nearOne?.form ?? complementOf(t) ?? logOfConstantPlus(t) ?? t);
      }
      const tail = t.k === 'fn' && t.name === 'log' && t.args.length === 1 ? gaussianTailOf(t.args[0]) : undefined;
      if (tail !== undefined) c = memo(t, logOfTail(tail.name, go(tail.argument), c));
      // log(factorial(a)) and log(gamma(a)) as lgamma where the argument is positive: 10000! is past the gamma
      // family's digits, its log is not (probe 95: Stirling's bound with log(2 pi)/2 cut short was read as log(factorial(n))
      // only up to n = 5000, and verified; written lgamma(n + 1) it was refuted at 10^5).
      const gammaOf = t.k === 'fn' && t.name === 'log' && t.args.length === 1 && t.args[0].k === 'fn'
        && (t.args[0].name === 'factorial' || t.args[0].name === 'gamma') && t.args[0].args.length === 1 ? t.args[0] : undefined;
      if (gammaOf !== undefined) {
        const argument = go(gammaOf.args[0]);
        const direct = c;
        const lgamma = go(fn('lgamma', gammaOf.name === 'factorial' ? add(gammaOf.args[0], num(1)) : gammaOf.args[0]));
        c = (s) => (argument(s).isPositive() ? lgamma(s) : direct(s));
      }
      // log(binomial(n, k)) of whole numbers as three log factorials, each read as lgamma: binomial(2n, n) at n = 10^6 is
      // past every reading, its log is not (probe 96: a central binomial bound written in logs was verified).
      const binomial = t.k === 'fn' && t.name === 'log' && t.args.length === 1 && t.args[0].k === 'fn' && t.args[0].name === 'binomial' ? logForm(t.args[0]) : undefined;
      if (binomial !== undefined && !(binomial.k === 'fn' && binomial.name === 'log')) c = go(binomial);
      // log of a product over a range too long to multiply out: the sum of the factors' logs, read in closed form where
      // each is the log of something positive (log(k + a)); a factor at or below 0 leaves that sum without a value.
      const product = t.k === 'fn' && t.name === 'log' && t.args.length === 1 && t.args[0].k === 'reduce' && t.args[0].op === 'prod' ? t.args[0] : undefined;
      if (product !== undefined && dimSize(product.dim, layout.sizes) > MAX_TERMS_ADDED) {
        c = go(logForm(product));
      }
      // log of a product or a quotient whose reading is past decimal.js's range (phi(x) / (x + 1e-9) at x = 1e10 is
      // e^(-5e19)): the sum of its factors' logs, where each has a value (probe 104: a Mills bound in logs, verified).
      const split = t.k === 'fn' && t.name === 'log' && t.args.length === 1
        && (t.args[0].k === 'mul' || t.args[0].k === 'pow' || (t.args[0].k === 'fn' && t.args[0].name === 'exp')) ? logForm(t.args[0]) : undefined;
      if (split !== undefined && !(split.k === 'fn' && split.name === 'log')) c = throughFactors(c, split);
      // log of a sum past that range (phi(x) / (x + 1e-9) + phi(x) / x^3 at x = 1e10): the log-sum-exp of its terms'
      // logs, each read as above (probe 111: a normal tail bound false only past x = 2e9 was verified, 0 <= 0).
      const sum = t.k === 'fn' && t.name === 'log' && t.args.length === 1 && t.args[0].k === 'add' && tail === undefined ? t.args[0] : undefined;
      if (sum !== undefined) c = throughTerms(c, sum.terms);
      compiled.set(t, c);
    }
    return c;
  };
  /** `compiled` read with an unsettled flag of its own: its value, its error and whether it settled; the flag as it was. */
  const isolated = (compiled: PreciseCompiled, s: EvaluationState): { value: PreciseNumber; error: PreciseNumber; settled: boolean } => {
    const outer = context.unsettled;
    context.unsettled = false;
    const value = compiled(s);
    const error = context.error;
    const settled = !context.unsettled;
    context.unsettled = outer;
    return { value, error, settled };
  };
  /**
   * A product read `direct`ly, and where that is unsettled, as the exp of its factors' logs where that settles:
   * gamma(x + 1/2) / (gamma(x) sqrt(x)) at x = 1e16, whose gammas are past the family's digits, is
   * exp(lgamma(x + 1/2) - lgamma(x) - log(x) / 2) (probe 104: the limits of gamma ratios at infinity were errors).
   */
  const throughLogsOfFactors = (direct: PreciseCompiled, product: Term): PreciseCompiled => {
    let logs: PreciseCompiled | undefined;
    return (s) => {
      const read = isolated(direct, s);
      context.error = read.error;
      if (read.settled) return read.value;
      const log = isolated(logs ??= go(logForm(product)), s);
      if (!log.settled || !log.value.isFinite() || !log.error.isFinite() || log.error.gt(1)) {
        context.unsettled = true;
        context.error = read.error;
        return read.value;
      }
      const w = log.value.exp();
      // Past decimal.js's range its exp is 0 or infinite, as the product was: no value read (erfc(x / sqrt 2) / 2 at
      // x = 1e10 read as exactly 0, and a false Mills bound, 0 <= 0, held).
      if (w.isZero() || !w.isFinite()) {
        context.unsettled = true;
        context.error = read.error;
        return read.value;
      }
      // exp(l +- e) lies within exp(l) (exp(e) - 1) of exp(l), and exp(e) - 1 <= 1.001 e for e up to 1e-3 (the bounds'
      // few digits read exp(1e-41) - 1 as 1e-7).
      const grown = log.error.lt('1e-3') ? new BOUND(log.error).times(1.001) : new BOUND(log.error).exp().minus(1);
      context.error = abs(w).times(grown).plus(rounding(w, 2));
      return w;
    };
  };
  /** A log read `direct`ly, and where that is unsettled or infinite, as `split`, its argument's factors' logs, if that settles. */
  const throughFactors = (direct: PreciseCompiled, split: Term): PreciseCompiled => {
    let parts: PreciseCompiled | undefined;
    return (s) => {
      const read = isolated(direct, s);
      if (read.settled && read.value.isFinite()) { context.error = read.error; return read.value; }
      const sum = isolated(parts ??= go(split), s);
      if (sum.settled && sum.value.isFinite()) { context.error = sum.error; return sum.value; }
      if (!read.settled) context.unsettled = true;
      context.error = read.error;
      return read.value;
    };
  };
  /** A log of a sum read `direct`ly, and where that is unsettled or infinite, through its terms' logs (numeric/log-sum.ts). */
  const throughTerms = (direct: PreciseCompiled, terms: readonly Term[]): PreciseCompiled => {
    let parts: { log: PreciseCompiled; negative: boolean }[] | undefined;
    return (s) => {
      const read = isolated(direct, s);
      const fallBack = () => {
        if (!read.settled) context.unsettled = true;
        context.error = read.error;
        return read.value;
      };
      if (read.settled && read.value.isFinite()) { context.error = read.error; return read.value; }
      parts ??= signedTerms(terms).map(({ magnitude, negative }) => ({ log: go(fn('log', magnitude)), negative }));
      const logs: SignedLog[] = [];
      for (const part of parts) {
        const log = isolated(part.log, s);
        if (!log.settled || !log.value.isFinite() || !log.error.isFinite()) return fallBack();
        logs.push({ value: log.value, error: log.error, negative: part.negative });
      }
      const sum = logOfSignedSum(logs, UNIT_ROUNDOFF);
      if (sum === undefined || !sum.value.isFinite() || !sum.error.isFinite()) return fallBack();
      context.error = sum.error;
      return sum.value;
    };
  };
  /**
   * log(Phi(a)), log(phi(a)) and log(erfc(a)) far in the tail, where the function is past every reading (Phi(-1e10) is
   * exp(-5e19)) and its log is not: -a^2 / 2 - log(2 pi) / 2 plus, for Phi, the log of the Mills ratio R(a) = Phi(a) /
   * phi(a) (its asymptotic series), and for erfc, which is sqrt(2 / pi) exp(-a^2) R(-sqrt(2) a), likewise. Elsewhere
   * the function's own reading (`direct`).
   */
  const logOfTail = (name: 'Phi' | 'phi' | 'erfc', argument: PreciseCompiled, direct: PreciseCompiled): PreciseCompiled => (s) => {
    const a = argument(s);
    const ea = context.error;
    const far = name === 'Phi' ? a.lt(-TAIL_FROM) : name === 'erfc' ? a.gt(TAIL_FROM) : a.abs().gt(TAIL_FROM);
    if (!far) return direct(s);
    work.operations += FUNCTION_COST;
    const { halfLog2Pi, sqrt2, logPi } = tailConstants();
    let value: PreciseNumber;
    let slope: PreciseNumber;
    if (name === 'phi') {
      value = a.times(a).div(-2).minus(halfLog2Pi);
      slope = a.neg();
    } else {
      const r = preciseNormalMillsRatio(D, name === 'Phi' ? a : a.times(sqrt2).neg());
      if (!r.isFinite() || !r.isPositive()) { context.unsettled = true; context.error = ZERO_BOUND; return zero; }
      // d/da log Phi(a) = 1 / R(a); d/da log erfc(a) = -sqrt(2) / R(-sqrt(2) a).
      value = name === 'Phi' ? r.ln().minus(a.times(a).div(2)).minus(halfLog2Pi) : r.ln().minus(a.times(a)).plus(halfLog2Pi).minus(logPi);
      slope = name === 'Phi' ? one.div(r) : sqrt2.div(r).neg();
    }
    context.error = rounding(value, 8).plus(carry(slope, ea)).plus(rounding(a.times(a), 2));
    return value;
  };
  /**
   * A sum over a range too long to add up term by term (a bound in n read at n = 10^12): its pieces where the body's
   * index comparisons turn (model/sum-segments.ts), the short ones added up, the long ones read in closed form
   * (model/finite-sum.ts: a rational function of the index, a power, a log, a geometric term). Where a piece has none, 60 digits
   * cannot say: no sum is ever added up past MAX_TERMS_ADDED terms.
   */
  const farSum = (t: Extract<Term, { k: 'sum' }>, n: number, slot: number, body: PreciseCompiled): PreciseCompiled => {
    const unread: PreciseCompiled = () => { context.unsettled = true; context.error = ZERO_BOUND; return zero; };
    const segments = sumSegments(t, n, layout.sizes);
    if (segments === undefined) return unread;
    const pieces = segments.map((segment) => {
      // Term by term where the positions fit the state's 32-bit indices (n - 1 at n = 10^10 does not); else closed.
      if (segment.short && segment.to <= MAX_INDEX) return { segment };
      const closed = finiteSum(segment.body, t.index, segment.from, segment.to);
      return closed === undefined ? undefined : { segment, closed, factor: go(closed.factor) };
    });
    if (pieces.some((p) => p === undefined)) return unread;
    return (s) => {
      let acc = zero;
      let error = ZERO_BOUND;
      for (const piece of pieces) {
        const { segment } = piece!;
        if (piece!.closed === undefined) {
          for (let j = segment.from; j <= segment.to; j++) {
            s.indices[slot] = j;
            acc = acc.plus(body(s));
            error = error.plus(context.error).plus(rounding(acc));
          }
          work.operations += 2 * (segment.to - segment.from + 1);
          continue;
        }
        const sum = piece!.closed.sum();
        work.operations += FUNCTION_COST;
        if (sum === undefined) return unread(s);
        const c = piece!.factor!(s);
        const ec = context.error;
        if (c.isNaN()) { context.error = ZERO_BOUND; return nan; }
        const value = c.times(sum.value);
        acc = acc.plus(value);
        error = error.plus(carry(sum.value, ec)).plus(carry(c, sum.error)).plus(carry(ec, sum.error)).plus(rounding(value)).plus(rounding(acc));
      }
      context.error = error;
      return acc;
    };
  };
  /**
   * The body of an integral or a limit read with its variable (at position p) put in as x, nothing computed
   * at another value reused; undefined past `share` operations from `start`, or where 60 digits cannot settle it.
   */
  const readBodyAt = (s: EvaluationState, p: number, body: PreciseCompiled, x: PreciseNumber, start: number, share: number)
    : { value: PreciseNumber; error: PreciseNumber } | undefined => {
    if (work.operations - start > share || work.operations > (work.limit ?? Infinity)) return undefined;
    context.inputs[p] = x;
    context.memo = new Map();
    context.unsettled = false;
    const value = body(s);
    work.operations += 2;
    return context.unsettled ? undefined : { value, error: context.error };
  };
  /** The integral by quadrature in 60 digits, its body read at every node. */
  const integralNode = (t: Extract<Term, { k: 'integral' }>): PreciseCompiled => {
    const body = go(t.body);
    const lower = t.lower && go(t.lower);
    const upper = t.upper && go(t.upper);
    const at = compilePosition({ name: t.v, indices: [] }, layout, slots);
    const switches = integrandSwitches(t.body, t.v).map((w) => ({ slope: go(w.slope), offset: go(w.offset) }));
    const frequencies = integrandFrequencies(t.body, t.v).map(go);
    // Compiled when first asked for: most integrals settle without them.
    let kinkArguments: PreciseCompiled[] | undefined;
    const kinkTerms = integrandKinkArguments(t.body, t.v);
    const period = frequencies.length > 0 ? PreciseDecimal.acos(-1).times(2) : zero;
    let logBody: PreciseCompiled | undefined;
    let peakFirst = false;
    return memo(t, (s) => {
      const bound = (c: PreciseCompiled | undefined): [PreciseNumber | undefined, PreciseNumber] => (c ? [c(s), context.error] : [undefined, ZERO_BOUND]);
      const [a, ea] = bound(lower);
      const [b, eb] = bound(upper);
      const p = at(s);
      if (p < 0 || a?.isNaN() || b?.isNaN()) { context.error = ZERO_BOUND; return nan; }
      // The variable's value is put in for each node, and nothing computed at another node is reused.
      read(s, p);
      const saved = context.inputs[p];
      const savedMemo = context.memo;
      const outerUnsettled = context.unsettled;
      let start = work.operations;
      // Over many periods of a sine or cosine, pieces of a few periods each (integrand-kinks.ts, integrandFrequencies),
      // each with the rule's levels, so the share of work grows with them (up to four times).
      let wavePieces = 1;
      if (a !== undefined && b !== undefined && frequencies.length > 0) {
        const fastest = frequencies.reduce((m, f) => PreciseDecimal.max(m, f(s).abs()), zero);
        const periods = b.minus(a).abs().times(fastest).div(period);
        if (periods.isFinite()) wavePieces = Math.max(1, Math.min(MAX_WAVE_PIECES, Math.ceil(periods.div(PERIODS_PER_PIECE).toNumber())));
      }
      const ruleShare = PRECISE_INTEGRAL_WORK * Math.min(MAX_WAVE_SHARE, Math.max(1, wavePieces / 2));
      let share = ruleShare;
      // Nodes whose integrand is below decimal.js's range, each read as 0 within that range's least number.
      let belowRange = false;
      const integrand = {
        // A nested integral multiplies the nodes: past its share of work, 60 digits cannot say.
        value: (x: PreciseNumber): PreciseNumber | undefined => {
          const read = readBodyAt(s, p, body, x, start, share);
          if (read !== undefined) return read.value;
          // (1 - t^2)^n at n = 1e16 is 10^(-5e17) next to t = 1, which no reading holds (a power that reads 0 is
          // unsettled). Its log, n log(1 - t^2), says it is positive and below the least number: 0 is within it of it.
          // On a finite range only: a half-line's walk ends at its first value past the digits (the rest is as
          // negligible), and its scale is read from where its values are; read as 0 there, Watson's limits did not settle.
          if (a === undefined || b === undefined) return undefined;
          logBody ??= go(logForm(t.body));
          const log = readBodyAt(s, p, logBody, x, start, share);
          if (log === undefined || !log.value.plus(log.error).lt(LOG_OF_LEAST)) return undefined;
          belowRange = true;
          context.error = LEAST;
          return zero;
        },
        error: () => context.error,
      };
      let result: PreciseNumber = zero;
      let error = ZERO_BOUND;
      let unsettled = false;
      try {
        // Split where a switch affine in t changes sign, as the doubles do (integrand-kinks.ts).
        const cuts: PreciseNumber[] = [];
        for (const w of switches) {
          const root = w.offset(s).neg().div(w.slope(s));
          if (root.isFinite() && (a === undefined || root.gt(a)) && (b === undefined || root.lt(b))) cuts.push(root);
        }
        for (let i = 1; i < wavePieces; i++) cuts.push(a!.plus(b!.minus(a!).times(i).div(wavePieces)));
        cuts.sort((x, y) => x.cmp(y));
        const integrateOver = (ends: readonly (PreciseNumber | undefined)[]) => {
          for (let i = 0; i + 1 < ends.length && !unsettled; i++) {
            // A half-line whose integrand falls off over a scale far from 1 (exp(-x t) at x = 1e8) has its nodes spread
            // over that scale: over a unit they never settled it.
            const end = ends[i] === undefined ? ends[i + 1] : ends[i + 1] === undefined ? ends[i] : undefined;
            const scale = end === undefined ? undefined : integrandScale(integrand, end, ends[i] === undefined ? -1 : 1);
            // A peak far narrower than its finite range (Laplace's method's exp(n cos t) at n = 1e16): split there and
            // read outward from it (precise-peak.ts), with a share of its own. Where that settled a reading before and
            // the rule did not (a limit's readings), it goes first.
            const [from, to] = [ends[i], ends[i + 1]];
            const peaked = () => {
              start = work.operations;
              share = ruleShare * PEAK_SHARE;
              const found = peakedIntegrate(integrand, from!, to!);
              share = ruleShare;
              start = work.operations;
              return found;
            };
            // Where an argument not affine in t is 0 inside (abs(exp(t) - 3), the cardioid's sqrt(2 + 2 cos t)): split
            // at its zeros, found numerically (precise-kinks.ts), with a share of its own.
            const kinked = () => {
              start = work.operations;
              share = ruleShare * KINK_SHARE;
              const argumentsAt = (kinkArguments ??= kinkTerms.map(go)).map((g) => (x: PreciseNumber) => readBodyAt(s, p, g, x, start, share)?.value);
              const found = kinkedIntegrate(integrand, argumentsAt, from!, to!);
              share = ruleShare;
              start = work.operations;
              return found;
            };
            const finite = from !== undefined && to !== undefined;
            let piece = finite && peakFirst ? peaked() : 'unsettled';
            if (piece === 'unsettled') piece = preciseIntegrate(integrand, from, to, scale);
            if (piece === 'unsettled' && finite && kinkTerms.length > 0) piece = kinked();
            // A half-line whose integrand oscillates as it decays (sin(t) / t): pieces of half a period of its fastest
            // sine or cosine, their sums extrapolated (precise-oscillatory.ts), with a share of its own.
            if (piece === 'unsettled' && (from === undefined) !== (to === undefined) && frequencies.length > 0) {
              const fastest = frequencies.reduce((m, f) => PreciseDecimal.max(m, f(s).abs()), zero);
              start = work.operations;
              share = ruleShare * OSCILLATION_SHARE;
              piece = from !== undefined ? oscillatoryIntegrate(integrand, from, 1, period.div(2).div(fastest))
                : oscillatoryIntegrate(integrand, to!, -1, period.div(2).div(fastest));
              share = ruleShare;
              start = work.operations;
            }
            if (piece === 'unsettled' && finite && !peakFirst) {
              piece = peaked();
              peakFirst = piece !== 'unsettled';
            }
            if (piece === 'unsettled') { unsettled = true; }
            else if (piece.value.isNaN()) { result = nan; break; }
            else { result = result.plus(piece.value); error = error.plus(piece.error); }
          }
        };
        integrateOver([a, ...cuts, b]);
        // The line unsettled is tried again as two half-lines, each with the rule that maps it and a share of its own:
        // sinh-sinh's nodes never settled the Gumbel mean, x exp(-x - exp(-x)), whose sides fall off at rates far apart
        // (probe 43); each half takes it to 1e-54.
        if (unsettled && a === undefined && b === undefined && cuts.length === 0) {
          unsettled = false;
          result = zero;
          error = ZERO_BOUND;
          start = work.operations;
          integrateOver([undefined, zero]);
          start = work.operations;
          integrateOver([zero, undefined]);
        }
        // A bound known to within its error moves the integral by up to the integrand there times it.
        for (const [end, e] of [[a, ea], [b, eb]] as const) {
          if (unsettled || result.isNaN() || end === undefined || e.isZero()) continue;
          const v = integrand.value(end);
          if (v === undefined || !v.isFinite()) { unsettled = true; }
          else error = error.plus(carry(v, e)).plus(carry(e, context.error));
        }
      } finally {
        context.inputs[p] = saved;
        context.memo = savedMemo;
        context.unsettled = outerUnsettled || unsettled;
      }
      // Every node below the range reads 0: no digit of an integral that is all such nodes.
      if (belowRange && !unsettled && result.abs().lte(error)) unsettled = true;
      context.error = unsettled || result.isNaN() ? ZERO_BOUND : error.plus(rounding(result));
      return unsettled ? zero : result;
    });
  };
  const compileNode = (t: Term): PreciseCompiled => {
    switch (t.k) {
      case 'num': {
        const v = new D(t.value.num.toString()).div(t.value.den.toString());
        // Exact where the literal is a decimal its digits hold (0.1, 1e-17, 1e300), so (0.1 + 0.2 == 0.3) is decided.
        const e = terminatesWithin(t.value, HIGH_DIGITS) ? ZERO_BOUND : rounding(v);
        return () => { context.error = e; return v; };
      }
      case 'pi': { const v = D.acos(-1); const e = rounding(v, 2); return () => { context.error = e; return v; }; }
      case 'size': return exact(wholeDecimal(D, layout.sizes.get(t.name)!));
      case 'ival': {
        const i = compileIndex(t.index, layout, slots);
        return (s) => { context.error = ZERO_BOUND; return new D(i(s)); };
      }
      case 'input': {
        const at = compilePosition(t.ref, layout, slots);
        return (s) => { const p = at(s); context.error = ZERO_BOUND; return p < 0 ? nan : read(s, p); };
      }
      case 'add': {
        const parts = t.terms.map(go);
        return (s) => {
          work.operations += parts.length;
          let acc = zero;
          let error = ZERO_BOUND;
          for (const p of parts) {
            acc = acc.plus(p(s));
            error = error.plus(context.error).plus(rounding(acc));
          }
          context.error = error;
          return acc;
        };
      }
      case 'mul': {
        // phi(a) / Phi(a) and Phi(a) / phi(a) as the Mills ratio, which has a value where both underflow.
        const ratio = millsRatioOf(t.factors);
        if (ratio !== undefined) {
          const rest = ratio.rest.length === 0 ? undefined : go(ratio.rest.length === 1 ? ratio.rest[0] : { k: 'mul', factors: ratio.rest });
          const argument = go(ratio.argument);
          return (s) => {
            const x = argument(s);
            const ex = context.error;
            work.operations += FUNCTION_COST;
            if (x.isNaN()) { context.error = ZERO_BOUND; return nan; }
            const r = preciseNormalMillsRatio(D, x);
            // Past both readings (Phi / phi at x = 1e300 overflows): a value, not none.
            if (!r.isFinite() || r.isZero()) { context.unsettled = true; context.error = ZERO_BOUND; return zero; }
            const v = ratio.inverse ? one.div(r) : r;
            // d/dx Phi/phi = 1 + x R; d/dx phi/Phi = -(1 + x R) / R^2.
            const slope = ratio.inverse ? x.times(r).plus(1).div(r.times(r)).neg() : x.times(r).plus(1);
            const error = rounding(v, 4).plus(carry(slope, ex));
            if (rest === undefined) { context.error = error; return v; }
            const w = rest(s);
            const ew = context.error;
            const product = v.times(w);
            context.error = carry(w, error).plus(carry(v, ew)).plus(carry(error, ew)).plus(rounding(product));
            return product;
          };
        }
        const parts = t.factors.map(go);
        // Index comparisons first where one at 0 makes the product exactly 0 (selector-products.ts), as in doubles:
        // a written-out 4x4 inverse computed all sixteen cofactors per entry, 0.7 s a 60-digit reading of a ridge step.
        const selectors = selectorFactors(t, layout)?.map((i) => parts[i]);
        const unitFactors = t.factors.map((f) => f.k === 'num' && (f.value.num === f.value.den || f.value.num === -f.value.den));
        // 0 * A keeps A's domain (a bound's line above, relation-steps.ts): where A is past decimal.js's range (erfc(x) at
        // x = 1e10, e^(-10^20)), the logs of its factors show it has a value, and the product is 0 (probe 104).
        const zeroTimes = t.factors.some((f) => f.k === 'num' && f.value.num === 0n);
        let logsOfFactors: PreciseCompiled[] | undefined;
        const positiveFactors = (s: EvaluationState): boolean => (logsOfFactors ??= t.factors.filter((f) => f.k !== 'num').map((f) => go(logForm(f))))
          .every((log) => { const read = isolated(log, s); return read.settled && read.value.isFinite(); });
        const plainProduct: PreciseCompiled = (s) => {
          if (selectors !== undefined) {
            for (const selector of selectors) {
              if (selector(s).isZero()) { context.error = ZERO_BOUND; return zero; }
            }
          }
          work.operations += 2 * parts.length;
          let product = one;
          let error = ZERO_BOUND;
          // Whether the product so far is exactly 1 or -1 (literals): times a value of at most 60 digits, it is exact.
          let signOnly = true;
          for (let i = 0; i < parts.length; i++) {
            const v = parts[i](s);
            const next = product.times(v);
            // A sign is exact: -r as an integral's bound carried a rounding, and an end where the integrand has an
            // infinite slope (sqrt(r^2 - t^2) at t = -r) then had no bound at all (probe 38, a semicircle's area).
            // (Only past the first factor: 1 times a first factor is rounded as before, and sd() stays off the hot path.)
            const exact = unitFactors[i] || (i > 0 && signOnly && v.isFinite() && v.sd() <= HIGH_DIGITS);
            error = carry(v, error).plus(carry(product, context.error)).plus(carry(error, context.error)).plus(exact ? ZERO_BOUND : rounding(next));
            signOnly &&= unitFactors[i];
            product = next;
          }
          context.error = error;
          return product;
        };
        if (zeroTimes) {
          return (s) => {
            const read = isolated(plainProduct, s);
            if (!read.settled && !read.value.isNaN() && positiveFactors(s)) { context.error = ZERO_BOUND; return zero; }
            if (!read.settled) context.unsettled = true;
            context.error = read.error;
            return read.value;
          };
        }
        return readsPastRange(t) ? throughLogsOfFactors(plainProduct, t) : plainProduct;
      }
      case 'pow': {
        const base = go(t.base);
        const exponent = go(t.exponent);
        return memo(t, (s) => {
          work.operations += FUNCTION_COST;
          const b = base(s);
          const eb = context.error;
          const x = exponent(s);
          const ex = context.error;
          const v = power(D, b, x);
          // No value only within the base's error (0 +- 1e-60 to a negative power, 1 - (1 - 1e-300 t) in 60 digits):
          // whether there is a pole is not known.
          if (v.isNaN() && !eb.isZero() && eb.isFinite() && b.abs().lte(eb) && x.isFinite()) context.unsettled = true;
          // Past decimal.js's least exponent a power of a non-zero base reads 0 (2^(-10^20)), and a negative base's sign
          // is the parity of an exponent known to within 1/2 ((-1)^(10^400 + 1) in 60 digits): neither is a value (probe 58).
          if (v.isZero() && !b.isZero() && b.isFinite() && x.isFinite()) context.unsettled = true;
          if (b.isNeg() && !ex.isZero() && ex.gte(0.5)) context.unsettled = true;
          // As in compile.ts: the slope x b^(x-1) as x v / b; at base 0, |eb|^x.
          // A base known to less than half its size has no first-order bound for a negative or fractional power (it
          // may be 0, a pole): no bound.
          // Where |x| eb / |b| is not small ((1 + 1e-70 t)^(1e70)), the change of b^x over the base's error itself, as in compile.ts.
          const relative = eb.isZero() || b.isZero() ? ZERO_BOUND : new BOUND(eb).div(b.abs());
          const fromBase = eb.isZero() ? ZERO_BOUND
            : b.isZero() ? (x.gt(0) ? new BOUND(eb.pow(x)) : x.isZero() ? ZERO_BOUND : new BOUND(Infinity))
              : (x.isNeg() || !x.isInteger()) && eb.gt(b.abs().div(2)) ? new BOUND(Infinity)
                : relative.times(x.abs()).lte(LINEAR_POWER) ? carry(x.times(v).div(b), eb)
                  : powerSpread(v, x, relative, b, eb);
          const fromExponent = v.isZero() || ex.isZero() ? ZERO_BOUND : carry(v.times(fastLn(b.abs())), ex);
          context.error = fromBase.plus(fromExponent).plus(rounding(v, 2));
          return v;
        });
      }
      case 'apply': return go(instantiateFunctions(t));
      case 'fn': {
        const rule = FUNCTIONS[t.name];
        const args = t.args.map(go);
        // A root of what cannot be below 0 is read at 0 where the radicand's rounding took it below (nonnegative-roots.ts).
        const clamped = clampsRoot(t.name, t.args);
        let exactArguments: (ExactReading | undefined)[] | undefined;
        const value = clamped ? (Wide: typeof HIGH, a: readonly PreciseNumber[]) => preciseValue(rule, Wide, a.map((x) => (x.isNegative() ? new Wide(0) : x)))
          : (Wide: typeof HIGH, a: readonly PreciseNumber[]) => preciseValue(rule, Wide, a);
        return memo(t, (s) => {
          const vs: PreciseNumber[] = [];
          const es: PreciseNumber[] = [];
          for (const a of args) { vs.push(a(s)); es.push(context.error); }
          if (clamped && vs[0].isNegative()) vs[0] = new D(0);
          work.operations += FUNCTION_COST;
          if (vs.some((v) => v.isNaN())) { context.error = ZERO_BOUND; return nan; }
          try {
            const out = preciseValue(rule, D, vs);
            if (out.isNaN()) {
              // Outside the domain only within the argument's error (1 - 1e-300 t is 1 in 60 digits, and atanh(1) has
              // no value): whether there is a value is not known.
              for (let i = 0; i < vs.length && !context.unsettled; i++) {
                if (es[i].isZero() || !es[i].isFinite()) continue;
                const moved = [vs[i].plus(es[i]), vs[i].minus(es[i])].map((w) => preciseValue(rule, D, vs.map((v, j) => (j === i ? w : v))));
                if (moved.some((m) => !m.isNaN())) context.unsettled = true;
              }
              context.error = ZERO_BOUND;
              return nan;
            }
            // Inside the domain only within the argument's error (a = 2 against an interval's included end 2 (1 - c) at
            // c = 9e-201, which 60 digits read as 2: sqrt(2 (1 - c) - a) is 0 +- 1e-60), whether there is a value is not
            // known either (probe 103: the point, outside its interval, refuted a true bound). Asked only at an edge.
            // An argument of numbers, scalar inputs and + * / (an interval's guard, 2 (1 - c) - a) is read exactly there:
            // L - f at f = L is 0, inside, whatever rounding its 60 digits were charged.
            for (let i = 0; i < vs.length && EDGED.has(t.name) && !clamped && !context.unsettled; i++) {
              if (es[i].isZero() || !es[i].isFinite() || !(vs[i].abs().lte(es[i]) || vs[i].abs().minus(1).abs().lte(es[i]))) continue;
              const exact = (exactArguments ??= t.args.map((a) => compileExact(a, layout)))[i]?.((position) => read(s, position));
              if (exact !== undefined && insideDomain(t.name, exact)) continue;
              const moved = [vs[i].plus(es[i]), vs[i].minus(es[i])].map((w) => preciseValue(rule, D, vs.map((v, j) => (j === i ? w : v))));
              if (moved.some((m) => m.isNaN())) context.unsettled = true;
            }
            // exp(1e300) is past decimal.js's range as it is past the doubles': a value no reading holds, not no value
            // (exp(x) - exp(2 x) at x = 1e300 was refuted as having none, probe 77).
            if (!out.isFinite() && OVERFLOWING.has(t.name) && vs.every((v) => v.isFinite())) context.unsettled = true;
            if (rule.jumpDistance !== undefined && !es[0].isZero() && rule.jumpDistance(vs[0]).lte(es[0])) context.unsettled = true;
            // A function that is never 0 came out 0: its value is below the digits kept, and 0 with a relative bound is no value.
            if (out.isZero() && NEVER_ZERO.has(t.name)) context.unsettled = true;
            let error = rounding(out, 2);
            if (t.name === 'erfinv') {
              const bound = erfinvError(vs[0], es[0], out, (a) => preciseValue(rule, D, [a]));
              work.operations += es[0].isZero() ? 0 : 2 * FUNCTION_COST;
              if (!bound.isFinite()) context.unsettled = true;
              context.error = error.plus(bound);
              return out;
            }
            for (let i = 0; i < vs.length; i++) {
              if (es[i].isZero()) continue;
              error = error.plus(argumentError(value, vs, i, out, es[i], rule.slopes, t.name));
              work.operations += FUNCTION_COST;
            }
            context.error = error;
            return out;
          } catch (error) {
            // decimal.js cannot reduce sin(exp(540523)) by pi (its pi has some thousand digits): the value exists,
            // and 60 digits cannot say what it is.
            // Likewise the gamma family past its digits (PrecisionLimitError).
            if (!(error instanceof PrecisionLimitError) && (!(error instanceof Error) || !error.message.includes('DecimalError'))) throw error;
            context.unsettled = true;
            context.error = ZERO_BOUND;
            return zero;
          }
        });
      }
      case 'sum': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        const body = go(t.body);
        if (n > MAX_TERMS_ADDED) return memo(t, farSum(t, n, slot, body));
        return memo(t, (s) => {
          let acc = zero;
          let error = ZERO_BOUND;
          for (let j = 1; j <= n; j++) {
            s.indices[slot] = j;
            acc = acc.plus(body(s));
            error = error.plus(context.error).plus(rounding(acc));
          }
          work.operations += 2 * n;
          context.error = error;
          return acc;
        });
      }
      case 'series': {
        const slot = slots.slot(t.index);
        const body = go(t.body);
        const lower = t.lower;
        // A rational function of k: its head added up and its tail from the expansion at infinity (rational-series-tail.ts).
        const rational = rationalSeries(t);
        const factor = rational && go(rational.factor);
        // A rational term whose coefficients read scalar inputs (1 / (k^2 + a^2), z / (k (k + z))): at each input the
        // same reading, with the inputs' exact values put in (probe 101: A&S 6.3.16 with its parameter refused).
        const parametric = rational === undefined ? parametricSeries(t, layout, slots) : undefined;
        // A power of an affine function of k, too slow to add up: zeta(3/2) (numeric/power-series-sum.ts).
        const powerForm = rational === undefined ? powerSeriesForm(t) : undefined;
        const power = powerForm && { coefficient: go(powerForm.coefficient), slope: go(powerForm.slope), offset: go(powerForm.offset), power: go(powerForm.power) };
        /**
         * The series read as a power series' sum, where it converges and its slope, offset and power are read to within
         * 1e-40: their errors are carried by the sum's slopes, |dS/da| <= s S(s) / (lower + a) and |dS/ds| <=
         * S(s - d) / (e d) with d = (s - 1) / 2, as log(x) <= x^d / (e d).
         */
        const byPowers = (s: EvaluationState): PreciseNumber | undefined => {
          if (power === undefined) return undefined;
          const fine = (c: PreciseCompiled) => {
            const value = c(s);
            const error = context.error;
            return value.isFinite() && error.lte(abs(value).plus(1).times(POWER_SERIES_PART_ERROR)) ? { value, error } : undefined;
          };
          const [slope, offset, exponent] = [fine(power.slope), fine(power.offset), fine(power.power)];
          if (slope === undefined || offset === undefined || exponent === undefined || !slope.value.isPositive()) return undefined;
          const a = offset.value.div(slope.value);
          const order = exponent.value.neg();
          const sum = powerSeriesSum(a, order, lower, HIGH_DIGITS);
          if (sum === undefined) return undefined;
          // The slope in s needs a second sum, at s - d: only where the power carries an error (an exact 3/2 does not).
          const d = order.minus(1).div(2);
          const wider = exponent.error.isZero() ? undefined : powerSeriesSum(a, order.minus(d), lower, HIGH_DIGITS);
          if (!exponent.error.isZero() && wider === undefined) return undefined;
          work.operations += FUNCTION_COST * (wider === undefined ? 4 : 8);
          // a = offset / slope and s = -power, each with its error: their share of the sum's error.
          const ea = new BOUND(offset.error).div(abs(slope.value)).plus(carry(a.div(slope.value), slope.error)).times(1.01);
          const fromA = carry(order.times(sum.value).div(a.plus(lower)), ea);
          const fromS = wider === undefined ? ZERO_BOUND : carry(wider.value.div(d.times(Math.E)), exponent.error);
          const scale = slope.value.pow(exponent.value);
          const c = power.coefficient(s).times(scale);
          const ec = context.error.times(abs(scale)).plus(rounding(c, 4)).plus(carry(c.times(slope.value.ln()), exponent.error)).plus(carry(c.times(exponent.value).div(slope.value), slope.error));
          if (!c.isFinite()) return undefined;
          const value = c.times(sum.value);
          const se = sum.error.plus(fromA).plus(fromS);
          context.error = carry(sum.value, ec).plus(carry(c, se)).plus(carry(ec, se)).plus(rounding(value));
          return value;
        };
        // Sines and cosines of the index: the terms must be read over a period of the slowest (series-convergence.ts).
        const frequencies = sineSlopes(t.body, { index: t.index }, MAX_SERIES_FREQUENCIES).map(go);
        return memo(t, (s) => {
          const summed = byPowers(s);
          if (summed !== undefined) return summed;
          const sum = rational?.sum(lower) ?? (parametric && parametric.sumAt((ref) => read(s, ref(s))));
          if (sum !== undefined && (factor !== undefined || parametric !== undefined)) {
            work.operations += FUNCTION_COST;
            const c = factor === undefined ? one : factor(s);
            const ec = context.error;
            if (c.isNaN()) { context.error = ZERO_BOUND; return nan; }
            const value = c.times(sum.value);
            context.error = carry(sum.value, ec).plus(carry(c, sum.error)).plus(carry(ec, sum.error)).plus(rounding(value));
            return value;
          }
          const convergence = new SeriesConvergence(oscillationTerms(frequencies.map((w) => w(s).toNumber())));
          let acc = zero;
          let error = ZERO_BOUND;
          for (let n = 0; n < MAX_PRECISE_SERIES_TERMS; n++) {
            s.indices[slot] = lower + n;
            const a = readingSeriesTerm(() => body(s));
            work.operations += 2;
            if (a.isNaN()) { context.error = ZERO_BOUND; return nan; }
            acc = acc.plus(a);
            error = error.plus(context.error).plus(rounding(acc));
            const logTerm = !a.isZero() ? log10Magnitude(a) : context.error.isZero() ? -Infinity : log10Magnitude(context.error);
            const step = convergence.next(logTerm, a.isNeg() ? -1 : 1, acc.isZero() ? -Infinity : log10Magnitude(acc), -HIGH_DIGITS, LOG_PRECISE_SERIES_FLOOR, MAX_PRECISE_SERIES_TERMS - n);
            if (step.kind === 'hopeless') break;
            if (step.kind === 'done') {
              context.error = step.logTail === -Infinity ? error : error.plus(new BOUND(10).pow(step.logTail));
              return acc;
            }
          }
          // Not converged within the terms summed: 60 digits cannot say either.
          context.unsettled = true;
          context.error = ZERO_BOUND;
          return zero;
        });
      }
      case 'limit': {
        const body = go(t.body);
        const point = t.at && go(t.at);
        const at = compilePosition({ name: t.v, indices: [] }, layout, slots);
        const trend = freeLimits.has(t) ? compileLimitTrend(t, layout, slots) : undefined;
        const { literals, inputs: scaleInputs } = scaleTerms(t.body, t.v);
        const scaleReads = scaleInputs.map(go);
        const crossings = limitCrossings(t.body, t.v);
        const crossingReads = crossings.map((c) => ({ slope: go(c.form.slope), offset: go(c.form.offset) }));
        const limitWork = someSubterm(t.body, (x) => x.k === 'integral') ? PRECISE_LIMIT_OF_INTEGRAL_WORK : PRECISE_LIMIT_WORK;
        return memo(t, (s) => {
          const a = point ? point(s) : undefined;
          const ea = point ? context.error : ZERO_BOUND;
          const p = at(s);
          if (p < 0 || a?.isNaN()) { context.error = ZERO_BOUND; return nan; }
          // A point known only to within more than the nearest distance read: its limit cannot be read.
          if (ea.gt(LIMIT_POINT_ERROR)) { context.unsettled = true; context.error = ZERO_BOUND; return zero; }
          // The body's leading order, where it is read, says 0 exactly or no value, before any reading does: a rate too
          // slow for them (log(x) / x^(1/10)), or one whose last reading is 1e-13 off (x log(x)^2 at 1e-16).
          const settled = trend?.(s);
          if (settled !== undefined) { context.error = ZERO_BOUND; return settled === 'zero' ? zero : settled === 'half' ? new D(0.5) : nan; }
          read(s, p);
          const saved = context.inputs[p];
          const savedMemo = context.memo;
          const outerUnsettled = context.unsettled;
          let outcome: ReturnType<typeof preciseLimit>;
          const start = work.operations;
          try {
            // At the scale of the body's constants, and past where it turns on the way (model/limit-crossings.ts).
            const turns = () => crossingExponents(crossings, a, t.side, (_, i) => ({ slope: crossingReads[i].slope(s), offset: crossingReads[i].offset(s) }));
            const reading = readingOf(t, a, () => limitScale([...literals, ...scaleReads.map((read) => exponentOf(read(s))), ...turns()]));
            outcome = preciseLimit((x) => readBodyAt(s, p, body, x, start, limitWork), a, t.side, (v) => new D(v), (v) => new BOUND(v), reading);
          } finally {
            context.inputs[p] = saved;
            context.memo = savedMemo;
            context.unsettled = outerUnsettled;
          }
          if (outcome.kind === 'unsettled') { context.unsettled = true; context.error = ZERO_BOUND; return zero; }
          if (outcome.kind === 'none') { context.error = ZERO_BOUND; return nan; }
          // A value whose error passes its own size and 1 has no digit read: (exp(1e-200 x) - 1) / x reads 0 +- 1e148 where
          // the exponential rounds to 1, and agreed with any step (probe 68). No evidence, as a reading that does not settle.
          if (outcome.error.gt(outcome.value.abs().plus(1))) { context.unsettled = true; context.error = ZERO_BOUND; return zero; }
          context.error = outcome.error.plus(rounding(outcome.value));
          return outcome.value;
        });
      }
      case 'integral': {
        // A factor that does not read t (an expectation's normalizer, gamma(a) gamma(b) / gamma(a + b)) is read once,
        // not at every node: 60-digit gammas at a thousand nodes took seconds.
        const factors = t.body.k === 'mul' ? t.body.factors : [];
        const readsVariable = (x: Term) => someSubterm(x, (y) => y.k === 'input' && y.ref.name === t.v);
        const constant = factors.filter((f) => !readsVariable(f));
        if (constant.length === 0 || constant.length === factors.length) return integralNode(t);
        const varying = factors.filter(readsVariable);
        const c = go(constant.length === 1 ? constant[0] : { k: 'mul', factors: constant });
        const rest = go({ ...t, body: varying.length === 1 ? varying[0] : { k: 'mul', factors: varying } });
        const whole = integralNode(t);
        return memo(t, (s) => {
          const cv = c(s);
          const ec = context.error;
          if (cv.isNaN()) { context.error = ZERO_BOUND; return nan; }
          // An exact 0 times a divergent integral: the integral of 0 is 0, which only the integral whole says.
          if (cv.isZero() && ec.isZero()) return whole(s);
          const v = rest(s);
          const ev = context.error;
          if (v.isNaN()) { context.error = ZERO_BOUND; return nan; }
          const product = cv.times(v);
          context.error = carry(v, ec).plus(carry(cv, ev)).plus(carry(ec, ev)).plus(rounding(product));
          return product;
        });
      }
      case 'reduce': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        const body = go(t.body);
        // Past the terms added up, a product or an extremum has no closed form here: 60 digits cannot say.
        if (n > MAX_TERMS_ADDED) return () => { context.unsettled = true; context.error = ZERO_BOUND; return zero; };
        if (t.op === 'prod') {
          return memo(t, (s) => {
            let product = one;
            let error = ZERO_BOUND;
            for (let j = 1; j <= n; j++) {
              s.indices[slot] = j;
              const v = body(s);
              const next = product.times(v);
              error = carry(v, error).plus(carry(product, context.error)).plus(rounding(next));
              product = next;
            }
            work.operations += 2 * n;
            context.error = error;
            return product;
          });
        }
        return memo(t, (s) => preciseExtremum(n, (j) => { s.indices[slot] = j; return body(s); }, t.op === 'max'));
      }
      case 'extremum': {
        const parts = t.terms.map(go);
        return (s) => preciseExtremum(parts.length, (j) => parts[j - 1](s), t.op === 'max');
      }
      case 'icmp': {
        const a = compileIndex(t.a, layout, slots);
        const b = compileIndex(t.b, layout, slots);
        const op = t.op;
        return (s) => { context.error = ZERO_BOUND; return compare(op, a(s), b(s)) ? one : zero; };
      }
      case 'cmp': {
        const a = go(t.a);
        const b = go(t.b);
        const op = t.op;
        // The same expression on both sides has the same value, however inexact each evaluation.
        const identical = termKey(t.a) === termKey(t.b);
        // Sides of numbers, scalar inputs, + * / and abs are read exactly where 60 digits cannot call them (a tie).
        const exactA = compileExact(t.a, layout);
        const exactB = exactA && compileExact(t.b, layout);
        // Sides past decimal.js's range compared through their logs (model/log-form.ts), compiled on first need.
        let logs: [PreciseCompiled, PreciseCompiled] | undefined;
        const throughLogs = (s: EvaluationState): boolean | undefined => {
          logs ??= [go(logForm(t.a)), go(logForm(t.b))];
          const [u, v] = [isolated(logs[0], s), isolated(logs[1], s)];
          const apart = u.settled && v.settled && u.value.isFinite() && v.value.isFinite() && u.value.minus(v.value).abs().gt(u.error.plus(v.error));
          context.error = ZERO_BOUND;
          return apart ? compare(op, u.value.cmp(v.value), 0) : undefined;
        };
        return (s) => {
          const [left, right] = [isolated(a, s), isolated(b, s)];
          const [x, y] = [left.value, right.value];
          const bound = left.error.plus(right.error);
          context.error = ZERO_BOUND;
          // Positive sides that underflowed or overflowed (erfc(x) against exp(-x^2) / (x sqrt(pi) + 1e-9) at x = 1e10,
          // e^(-10^20)): their logs may still stand apart (probe 104: the bound fails past x = 8.9e8 and was verified).
          if (!(left.settled && right.settled) && !x.isNaN() && !y.isNaN() && !x.isNegative() && !y.isNegative()) {
            const logsSay = throughLogs(s);
            if (logsSay !== undefined) return logsSay ? one : zero;
          }
          if (!(left.settled && right.settled)) context.unsettled = true;
          // A comparison with no value on one side has no value either.
          if (x.isNaN() || y.isNaN()) return nan;
          // Closer than their error bounds: even 60 digits cannot say which side is larger, unless exact fractions can.
          if (!identical && !bound.isZero() && x.minus(y).abs().lte(bound)) {
            const input = (p: number) => read(s, p);
            const [u, v] = exactA && exactB ? [exactA(input), exactB(input)] : [undefined, undefined];
            if (u === undefined || v === undefined) context.unsettled = true;
            else return compare(op, exactSign(u, v), 0) ? one : zero;
          }
          return compare(op, x.cmp(y), 0) ? one : zero;
        };
      }
      case 'diff':
        throw new Error('internal: a derivative cannot be evaluated in high precision; pass its diff-free form');
    }
  };
  return go(term);
}

/** Beyond this magnitude the slope read from an argument's double is no bound for sin and cos: their Lipschitz bound, 1, is. */
const PERIODIC_SLOPE_LIMIT = 1e6;

/**
 * erfinv's error at a known to within e, beyond its own rounding: its slope
 * (sqrt(pi) / 2) exp(erfinv(a)^2) is e^121 at a = erf(11), so the 60-digit rounding of
 * a itself moves it by u |a| times that (Newton on erf at the working digits can do no
 * better), and an argument error e moves it by the change over [a - e, a + e], which,
 * erfinv being increasing, is at one of the ends: its slope at a, read through a double
 * (-1 for erf(-11.5)) or over a step of 1e-50 (past the pole at -1), said 1e-8 where the
 * change was 1e-4. An e that reaches +-1 leaves no bound.
 */
function erfinvError(a: PreciseNumber, e: PreciseNumber, out: PreciseNumber, erfinv: (a: PreciseNumber) => PreciseNumber): PreciseNumber {
  const slope = new BOUND(BOUND.exp(new BOUND(out).pow(2))).times(0.8862269255);
  const conditioning = slope.times(a.abs()).times(UNIT_ROUNDOFF);
  if (e.isZero()) return conditioning;
  if (a.abs().plus(e).gte(1)) return new BOUND(Infinity);
  let change = carry(slope, e);
  for (const end of [a.plus(e), a.minus(e)]) {
    const w = erfinv(end);
    if (!w.isFinite()) return new BOUND(Infinity);
    change = BOUND.max(change, abs(w.minus(out)));
  }
  return conditioning.plus(change);
}

/** Below this error a whole argument of binomial or factorial is read as exactly that whole number. */
const WHOLE_ARGUMENT_ERROR = new BOUND('1e-6');

/**
 * How an error e in argument i carries into f: |slope| e with the double slope
 * from the function table where the value is within the range of doubles and the
 * slope is steady across the argument's neighbouring doubles; elsewhere (sqrt at 0,
 * log1p or asin next to -1, gamma next to a pole, where rounding the argument to a
 * double moves it by more than its distance from the singularity: log1p at
 * -1 + 3.5e-57 is read at -1) the change of f over [v - e, v + e] itself, in as many
 * digits as e needs. An end where f has no finite value leaves no bound: the value
 * read is then no evidence (log of an argument 1e-60 known to 2e-60 may be anything
 * below log(3e-60), or none).
 */
function argumentError(
  f: (D: typeof HIGH, args: readonly PreciseNumber[]) => PreciseNumber, vs: readonly PreciseNumber[], i: number, out: PreciseNumber, e: PreciseNumber,
  slopes: (...args: number[]) => number[], name: string,
): PreciseNumber {
  // Past 1e6 an argument's double is off by 1e-10 and more, and past 1e15 it has lost its place in the period: neither its slope nor a difference over a step
  // of 1e-50 of it (far more than a period) bounds the change of a periodic function: sin and cos move by at most
  // the argument's error, and at most 2 (cos(pi 1e300) in 60 digits, whose argument is known to 1e240, is anything
  // in [-1, 1]). tan and its kin are written through them.
  if ((name === 'sin' || name === 'cos') && vs[i].abs().gt(PERIODIC_SLOPE_LIMIT)) return BOUND.min(e, new BOUND(2));
  // A whole argument of a function of whole numbers (the resolver gives binomial and factorial no argument that reads an
  // input: sizes, indices, constants) is that whole number, whatever rounding its sum was charged: read at n +- e it was a
  // binomial series of a thousand products, twice per call (three quarters of a file of binomial sums, probe 96).
  if ((name === 'binomial' || name === 'factorial') && vs[i].isInteger() && e.lt(WHOLE_ARGUMENT_ERROR)) return ZERO_BOUND;
  const outSize = out.abs();
  const inRange = (x: PreciseNumber) => x.isZero() || (x.abs().gt('1e-300') && x.abs().lt('1e300'));
  if (out.isFinite() && inRange(out) && vs.every(inRange)) {
    const xs = vs.map((v) => v.toNumber());
    const slope = slopes(...xs)[i];
    if (Number.isFinite(slope) && (slope !== 0 || outSize.isZero()) && steadySlope(slopes, xs, i, slope, e.toNumber())) return carry(new BOUND(slope), e);
  }
  if (!out.isFinite()) return new BOUND(Infinity);
  // v +- e in enough digits to tell them from v: e is at least v's own rounding, so a few more than v's.
  const v = vs[i];
  const digits = Math.min(MAX_CHANGE_DIGITS, Math.max(HIGH_DIGITS, v.isZero() ? 0 : v.e - e.e + 20) + 10);
  const Wide = withDigits(HIGH, digits);
  let change = ZERO_BOUND;
  for (const sign of [1, -1]) {
    const moved = vs.map((w, j) => (j === i ? new Wide(w).plus(new Wide(e).times(sign)) : new Wide(w)));
    const w = f(Wide, moved);
    if (!w.isFinite()) return new BOUND(Infinity);
    change = BOUND.max(change, abs(w.minus(out)));
  }
  return change;
}

/** Digits past which the change over an argument's error is not read (an error below 1e-900 of its argument). */
const MAX_CHANGE_DIGITS = 1000;

/**
 * Whether a function's double slope at xs is the same, to 1e-6, at the doubles on
 * either side of argument i: where it is not, the argument is next to a singularity
 * and its rounding to a double says little about the slope at the 60-digit value.
 */
function steadySlope(slopes: (...args: number[]) => number[], xs: readonly number[], i: number, slope: number, error: number): boolean {
  const x = xs[i];
  // Over the whole of the argument's error too: the slope at x bounds the change over x +- e only where it holds
  // there. exp(0 +- 1.2e24) (lgamma(x + 1/2) - lgamma(x) at x = 1e80 in 60 digits) was bounded by exp'(0) * 1.2e24 and a
  // limit read 7e-41 +- 9e-17 where the value is 1.
  const step = Math.max(x === 0 ? Number.MIN_VALUE : Math.abs(x) * Number.EPSILON, Number.isFinite(error) ? error : Infinity);
  for (const moved of [x + step, x - step]) {
    const other = slopes(...xs.map((v, j) => (j === i ? moved : v)))[i];
    if (!(Math.abs(other - slope) <= 1e-6 * Math.abs(slope))) return false;
  }
  return true;
}

/**
 * b^x as the double `Math.pow` defines it where both agree on a value: an integer
 * power of a negative base is real, a fractional one is not (NaN), 0^-1 is a pole.
 */
function power(D: typeof HIGH, b: PreciseNumber, x: PreciseNumber): PreciseNumber {
  if (b.isNaN() || x.isNaN()) return new D(NaN);
  if (b.isZero()) return x.isZero() ? new D(1) : x.isNeg() ? new D(NaN) : new D(0);
  if (b.isNeg() && !x.isInteger()) return new D(NaN);
  return keepingSettings(D, () => b.pow(x));
}

/** One side compiled for high precision; evaluate with {@link evaluatePrecise}. */
export interface PreciseSide {
  readonly compiled: PreciseCompiled;
  readonly context: PreciseContext;
}

/** The context of one size assignment: every side compiled with it shares its values. */
export type PreciseEvaluator = PreciseContext;

export function preciseEvaluator(): PreciseEvaluator {
  return preciseContext();
}

export function compilePreciseSide(term: Term, layout: Layout, slots: IndexSlots, evaluator: PreciseEvaluator): PreciseSide {
  // One slot per index name, as in compileTerm.
  return { compiled: compilePrecise(withUniqueBinders(term), layout, slots, evaluator), context: evaluator };
}

/**
 * Puts 60-digit input values (by layout position) into the evaluator as the state's next input: the
 * sides compiled with it read them in place of the state's doubles (a point of a curve, solved in 60 digits).
 */
export function setPreciseInputs(evaluator: PreciseEvaluator, s: EvaluationState, values: readonly PreciseNumber[]): void {
  s.epoch++;
  evaluator.epoch = s.epoch;
  evaluator.inputs = [...values];
  evaluator.memo = new Map();
}

/** Evaluates a side at the state's input and indices, in 60 digits with an error bound. */
export function evaluatePrecise(side: PreciseSide, s: EvaluationState): PreciseOutcome {
  const { context } = side;
  context.unsettled = false;
  const value = side.compiled(s);
  if (context.unsettled) return 'unsettled';
  if (!value.isFinite()) return undefined;
  const error = new HIGH(context.error);
  return { value, error: error.isNaN() ? new HIGH(Infinity) : error };
}

/** Periods of the fastest sine or cosine a piece of a 60-digit quadrature spans at most (21 periods converged, 24 did not). */
const PERIODS_PER_PIECE = 8;
/** Pieces a range is cut into for its waves, at most. */
const MAX_WAVE_PIECES = 64;
/** The most an integral over many periods multiplies its share of work by (PRECISE_INTEGRAL_WORK). */
const MAX_WAVE_SHARE = 4;

/** The Decimal constructor of the high precision, for comparisons of precise values. */
export const PreciseDecimal = HIGH;

/**
 * An infinite limit's reading (a sigmoid of the body, model/infinite-limits.ts) is checked far out at a point too;
 * toward an infinity, or at a point within 1 of 0, at the scale of the body's constants (past 1 the point's own
 * magnitude scales the distances).
 */
function readingOf(t: Extract<Term, { k: 'limit' }>, at: PreciseNumber | undefined, scale: () => number): LimitReading {
  const farOut: LimitReading = t.body.k === 'fn' && t.body.name === 'sigmoid' ? { readFarOut: true } : {};
  const scaled = at === undefined || at.abs().lte(1) ? scale() : 0;
  return scaled === 0 ? farOut : { ...farOut, scale: scaled };
}

/** The decimal exponent of a value's magnitude, or 0 where it has none (0, no value). */
function exponentOf(v: PreciseNumber): number {
  return v.isFinite() && !v.isZero() ? v.e : 0;
}


/** Parameter values a parametric series keeps its sums for, per series. */
const MAX_PARAMETRIC_SUMS = 64;

/**
 * A series whose term is rational in its index once its scalar inputs are numbers (1 / (k^2 + a^2)): summed at each
 * input as rational-series-tail.ts sums one of numbers, the inputs' exact values put in for them. Undefined where the
 * term reads anything else that moves (an array's entry, another index).
 */
function parametricSeries(t: Extract<Term, { k: 'series' }>, layout: Layout, slots: IndexSlots):
  { sumAt(read: (position: (s: EvaluationState) => number) => PreciseNumber): { value: PreciseNumber; error: PreciseNumber } | undefined } | undefined {
  const refs = new Map<string, InputRef>();
  let other = false;
  someSubterm(t.body, (x) => {
    if (x.k === 'input') { if (x.ref.indices.length === 0) refs.set(x.ref.name, x.ref); else other = true; }
    if (x.k === 'sum' || x.k === 'reduce' || x.k === 'series' || x.k === 'integral' || x.k === 'limit' || x.k === 'diff' || x.k === 'apply') other = true;
    return false;
  });
  if (other || refs.size === 0) return undefined;
  const positions = [...refs.values()].map((ref) => ({ name: ref.name, at: compilePosition(ref, layout, slots) }));
  const sums = new Map<string, { value: PreciseNumber; error: PreciseNumber } | undefined>();
  return {
    sumAt(read) {
      const values = positions.map(({ name, at }) => [name, read(at)] as const);
      if (values.some(([, v]) => !v.isFinite())) return undefined;
      const key = values.map(([, v]) => v.toString()).join(',');
      if (sums.has(key)) return sums.get(key);
      const exact = new Map<string, Term>(values.map(([name, v]) => {
        const [n, d] = v.toFraction().map((part) => BigInt(part.toFixed(0)));
        return [name, num(n, d)];
      }));
      const fixed = rationalSeries({ k: 'series', index: t.index, lower: t.lower, body: substituteScalarInputs(t.body, exact) });
      const factor = fixed && constantFraction(fixed.factor);
      const sum = factor && fixed.sum(t.lower);
      let out: { value: PreciseNumber; error: PreciseNumber } | undefined;
      if (sum !== undefined && factor !== undefined) {
        const [n, d] = [factor.num.toString(), factor.den.toString()];
        out = { value: sum.value.times(n).div(d), error: sum.error.times(n).div(d).abs() };
      }
      if (sums.size >= MAX_PARAMETRIC_SUMS) sums.clear();
      sums.set(key, out);
      return out;
    },
  };
}
