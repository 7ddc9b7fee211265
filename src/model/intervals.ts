import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { Expr, IntervalExpr } from '../syntax/index.ts';
import { Decimal } from 'decimal.js';
import { FUNCTIONS, preciseValue } from './functions.ts';
import { Resolver, type Scope } from './resolve.ts';
import { isWholeNumberName, wholeNumberTypeError } from './types.ts';
import { add, fn, input, mul, num, sub } from './term-builders.ts';
import { constantFraction, inputNames, someSubterm } from './term-queries.ts';
import type { Input, InputInterval, Term } from './term.ts';

/**
 * Intervals of scalar inputs, `given x: real in (0, pi/2)`: the ends read as
 * constants, and the guard that keeps a claim to them.
 *
 * A claim about such an input holds where the input lies in its interval. The
 * model says so in the language every engine reads already, the domain rule:
 * each expression of the claim carries `0 * (log(x - a) + log(b - x))` (a square
 * root for an end included), which is 0 inside the interval and has no value
 * outside it. A step need hold only where the line above has a value, so no
 * engine looks outside, and none needed a rule of its own. The numbers draw the
 * input inside the interval besides (numeric/arbitraries.ts), so no draw is wasted.
 */

/** Reads the interval of `given NAME: TYPE in (a, b)`: the ends must be numbers (pi/2, sqrt(2), -Infinity). */
export function resolveInterval(interval: IntervalExpr, typeName: string, rank: number, scope: Scope): { interval?: InputInterval; relativeEnds?: Input['relativeEnds'] } {
  const file = scope.file;
  if (rank === 0 && isWholeNumberName(typeName)) throw wholeNumberTypeError(typeName, file, interval.span);
  if (typeName !== 'real' || rank > 0) {
    throw new DerivationError(diagnostic('unknown-type', `an interval is given for a real number, not for ${rank > 0 ? 'an array' : /^[aeiou]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`}`, file, interval.span,
      rank > 0 ? 'give each entry its interval through a scalar (given t: real in (0, 1)), or use unit[n] for entries between 0 and 1'
        : 'write given x: real in (0, 1); positive is real in (0, Infinity)'));
  }
  const lowerEnd = readEnd(interval.lower, 'lower', scope);
  const upperEnd = readEnd(interval.upper, 'upper', scope);
  // An end that reads other inputs (t < l): the claim's guard only; the numbers draw past it, and the guard keeps them out.
  const relative = lowerEnd?.relative || upperEnd?.relative;
  const relativeEnds = relative ? {
    ...(lowerEnd?.relative ? { lower: lowerEnd.term } : {}), ...(upperEnd?.relative ? { upper: upperEnd.term } : {}),
    lowerClosed: interval.lowerClosed, upperClosed: interval.upperClosed,
  } : undefined;
  const lower = lowerEnd?.relative ? undefined : lowerEnd?.term;
  const upper = upperEnd?.relative ? undefined : upperEnd?.term;
  if (relative) {
    if (lower === undefined && upper === undefined) return { relativeEnds };
    return { interval: numericInterval(interval, lower, upper, file, interval.lowerClosed && lower !== undefined, interval.upperClosed && upper !== undefined), relativeEnds };
  }
  return { interval: numericInterval(interval, lower, upper, file, interval.lowerClosed, interval.upperClosed) };
}

/** The interval of the ends that are numbers; an end of another input's, or an infinity, is absent. */
function numericInterval(interval: IntervalExpr, lower: Term | undefined, upper: Term | undefined, file: string, lowerClosed: boolean, upperClosed: boolean): InputInterval {
  // Each end's double inside the interval: 1 - 1e-300 rounds to 1, past the end, and a step true on [0, 1 - 1e-300]
  // was refuted at x = 1 (probe 68). An end whose double rounds outward is the next double inward.
  const lowerValue = lower === undefined ? -Infinity : inward(lower, constantValue(lower), 1);
  const upperValue = upper === undefined ? Infinity : inward(upper, constantValue(upper), -1);
  if (!(lowerValue < upperValue) || !(nextAbove(lowerValue) < upperValue)) {
    // Ends apart by less than a double can tell (1 - 1e-20 and 1): in order all the same, but nothing lies between
    // them that the numbers could draw. Said as it is, not as ends in the wrong order (probe 27).
    const ordered = lower !== undefined && upper !== undefined && preciseConstant(upper).minus(preciseConstant(lower)).gt(0);
    if (ordered) {
      throw new DerivationError(diagnostic('unsupported', `the interval ${interval.text} is narrower than the spacing of doubles at its ends: no double lies inside it, so the numbers could draw no input`, file, interval.span,
        'scale it to a wider one: for x in (a, a + w) write x as a + w * t with given t: real in (0, 1), and a step about x as one about t'));
    }
    throw new DerivationError(diagnostic('unknown-type', `the interval ${interval.text} holds no number: its lower end is not below its upper end`, file, interval.span,
      'write the lower end first: in (a, b) with a < b'));
  }
  if ((lower === undefined && lowerClosed) || (upper === undefined && upperClosed)) {
    throw new DerivationError(diagnostic('unknown-type', `the interval ${interval.text} includes an infinity, which is no number`, file, interval.span,
      `write ( or ) at an infinite end: ${lower === undefined ? '(-Infinity' : '[a'}, ${upper === undefined ? 'Infinity)' : 'b]'}`));
  }
  return {
    ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), lowerValue, upperValue,
    lowerClosed, upperClosed, text: interval.text,
  };
}

/** An end as a term, constant or of other scalar inputs (`relative`); undefined for the infinity on its side. */
function readEnd(expr: Expr, side: 'lower' | 'upper', scope: Scope): { term: Term; relative: boolean } | undefined {
  const resolver = new Resolver(scope);
  const infinity = resolver.writtenInfinity(expr);
  if (infinity) {
    if ((infinity.sign < 0) === (side === 'lower')) return undefined;
    throw new DerivationError(diagnostic('unknown-type', `the ${side} end of the interval is ${infinity.text}`, scope.file, expr.span,
      `write the lower end first: (${side === 'lower' ? 'a, ' : '-Infinity, '}${side === 'lower' ? 'Infinity' : 'b'})`));
  }
  const term = resolver.resolve(expr);
  // An end of other scalar inputs (t < l): read as the claim's guard (see resolveInterval).
  if (inputNames(term).size > 0 && !someSubterm(term, (t) => t.k === 'size' || (t.k === 'input' && t.ref.indices.length > 0))) return { term, relative: true };
  const value = constantValue(term);
  if (inputNames(term).size > 0 || someSubterm(term, (t) => t.k === 'size') || !Number.isFinite(value)) {
    throw new DerivationError(diagnostic('unknown-type', `the ${side} end of an interval is a number, such as 0, pi/2, sqrt(2) or ${side === 'lower' ? '-' : ''}Infinity, or a scalar input`, scope.file, expr.span,
      'an end reads no size and no entry of an array: for x between 0 and a[i], write x = a[i] * t with given t: real in (0, 1)'));
  }
  return { term, relative: false };
}

/** An end's double, or the next one toward the inside (`toward` 1 up, -1 down) where it rounded past the end. */
function inward(end: Term, value: number, toward: 1 | -1): number {
  if (!Number.isFinite(value)) return value;
  let exact: Decimal;
  let double: Decimal;
  try {
    // A number end exactly (1 - 1e-300 is 1 in 60 digits); the double to the 100 digits that hold it.
    const fraction = constantFraction(end);
    const digits = fraction !== undefined ? Math.max(120, fraction.num.toString().length + fraction.den.toString().length + 20) : 120;
    const D = Decimal.clone({ precision: digits });
    exact = fraction !== undefined ? new D(fraction.num.toString()).div(fraction.den.toString()) : preciseConstant(end);
    double = new D(value.toPrecision(100));
  } catch {
    return value;
  }
  const outward = toward > 0 ? exact.gt(double) : exact.lt(double);
  return outward ? (toward > 0 ? nextAbove(value) : -nextAbove(-value)) : value;
}

/** The least double above v (v itself for an infinity). */
function nextAbove(v: number): number {
  if (!Number.isFinite(v)) return v;
  if (v === 0) return Number.MIN_VALUE;
  const bits = new Float64Array([v]);
  const view = new BigInt64Array(bits.buffer);
  view[0] += v > 0 ? 1n : -1n;
  return bits[0];
}

const Precise = Decimal.clone({ precision: 60 });

/** A constant end in 60 digits: whether ends a double cannot tell apart are in order. */
function preciseConstant(t: Term): Decimal {
  switch (t.k) {
    case 'num': return new Precise(t.value.num.toString()).div(t.value.den.toString());
    case 'pi': return Precise.acos(-1);
    case 'add': return t.terms.reduce((total, c) => total.plus(preciseConstant(c)), new Precise(0));
    case 'mul': return t.factors.reduce((product, c) => product.times(preciseConstant(c)), new Precise(1));
    case 'pow': return preciseConstant(t.base).pow(preciseConstant(t.exponent));
    case 'fn': return preciseValue(FUNCTIONS[t.name], Precise, t.args.map(preciseConstant)) as Decimal;
    default: return new Precise(NaN);
  }
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** The value of a term made of numbers, pi and functions, in doubles; NaN for anything else. */
export function constantValue(t: Term): number {
  switch (t.k) {
    // 1e-320 is 1 / 10^320, whose denominator is Infinity as a double: read through 60 digits, it is the subnormal it is.
    case 'num': return abs(t.value.num) < 2n ** 53n && abs(t.value.den) < 2n ** 53n ? Number(t.value.num) / Number(t.value.den) : preciseConstant(t).toNumber();
    case 'pi': return Math.PI;
    case 'add': return t.terms.reduce((total, c) => total + constantValue(c), 0);
    case 'mul': return t.factors.reduce((product, c) => product * constantValue(c), 1);
    case 'pow': return constantValue(t.base) ** constantValue(t.exponent);
    case 'fn': return FUNCTIONS[t.name].value(...t.args.map(constantValue));
    default: return NaN;
  }
}

/**
 * The guard of a claim: `0 * (...)`, with a value exactly where each input of
 * `names` that has an interval lies in it; undefined where none has one.
 */
export function intervalGuard(inputs: ReadonlyMap<string, Input>, names: ReadonlySet<string>): Term | undefined {
  const parts: Term[] = [];
  // An end that reads another input brings that input's own interval in: with c in [m, Infinity) and d in [c, Infinity),
  // a claim about d and m holds only where c >= m too (probe 94: d >= m was refuted at m = 1, c = 0, d = 0).
  const guarded = new Set(names);
  for (const name of guarded) {
    const given = inputs.get(name);
    for (const ends of [given?.interval, given?.relativeEnds]) {
      for (const end of [ends?.lower, ends?.upper]) if (end !== undefined) inputNames(end, guarded);
    }
  }
  for (const name of guarded) {
    const given = inputs.get(name);
    const x = input({ name, indices: [] });
    // An end included is where a square root starts to have a value, an end left out where a logarithm does.
    const edge = (distance: Term, closed: boolean) => fn(closed ? 'sqrt' : 'log', distance);
    for (const ends of [given?.interval, given?.relativeEnds]) {
      if (ends === undefined) continue;
      if (ends.lower) parts.push(edge(sub(x, ends.lower), ends.lowerClosed));
      if (ends.upper) parts.push(edge(sub(ends.upper, x), ends.upperClosed));
    }
  }
  return parts.length === 0 ? undefined : mul(num(0), add(...parts));
}

/** A scalar input's values by its kind and its interval, in doubles: [lower, upper] (a positive's lower end 0, a unit's upper 1). */
export function scalarRange(given: Pick<Input, 'kind' | 'interval'>): [number, number] {
  return [Math.max(given.kind === 'real' ? -Infinity : 0, given.interval?.lowerValue ?? -Infinity),
    Math.min(given.kind === 'unit' ? 1 : Infinity, given.interval?.upperValue ?? Infinity)];
}

/** Whether a value lies in an input's interval (true for an input without one). */
export function insideInterval(given: Pick<Input, 'interval'>, v: number): boolean {
  const interval = given.interval;
  if (interval === undefined) return true;
  const aboveLower = interval.lowerClosed ? v >= interval.lowerValue : v > interval.lowerValue;
  const belowUpper = interval.upperClosed ? v <= interval.upperValue : v < interval.upperValue;
  return aboveLower && belowUpper;
}
