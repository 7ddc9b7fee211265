import type { Decimal } from 'decimal.js';
import { constantFraction, inputNames, scalarRange, type Input, type Term } from '../model/index.ts';
import { ANALYTIC_ON_THE_LINE, builtOnTheLine } from './whole-line.ts';
import { DIGITS, evaluateHighPrecision, GuardError, withGuard, type Magnitudes, type PointValue } from './high-precision.ts';

/**
 * Sides whose difference no reading sees, shown apart by the identity theorem. `atan(x) = x - x^3/3 + x^5/5` on
 * (1e-300, 1e-200) is off by x^7/7, a relative 1e-1400, below 960 digits: the numbers agree and the exact engine,
 * which has no series of atan, cannot decide (probe 71 W3, verified). Where both sides are built of functions
 * analytic on the whole real line (polynomials, exp, sin, atan, the sigmoid, ...) of scalar real inputs, their
 * difference is real-analytic on all of R^k; a real-analytic function that is 0 on a nonempty open set (the step's
 * ranges) is 0 everywhere. So a difference read clearly nonzero at any point, in range or not, is nonzero on the
 * range but at a set of measure zero: the equality is false there, however far below every reading it lies.
 *
 * The report wants a point of the range where it fails: the range's point nearest the one found is read with
 * digits doubled up to {@link MAX_DIGITS}; where that sees the difference too, it is the witness, else the point
 * outside is, with the theorem as the reason. A bound (`>=`) learns only that its sides are not equal: it is
 * refuted where the witness in range breaks it, and no longer called equal anywhere else.
 */
export interface AnalyticDifference {
  /** A point where the difference is read clearly nonzero, and whether it lies in every input's range. */
  readonly point: Readonly<Record<string, number>>;
  readonly inRange: boolean;
  /** The two sides compared there (a bound's two expressions) to 20 digits, their difference to 6, and the digits of that reading. */
  readonly lhs: string;
  readonly rhs: string;
  readonly difference: string;
  readonly digits: number;
  /** For a bound: whether the point breaks it. */
  readonly breaks?: boolean;
}

/** Functions analytic on the whole real line (their real-analytic extension is all of R). */
const ANALYTIC: ReadonlySet<string> = new Set(['exp', 'sin', 'cos', 'sinh', 'cosh', 'tanh', 'atan', 'asinh', 'sigmoid', 'softplus', 'erf', 'erfc', 'Phi', 'phi']);

/** Points outside the ranges tried for a nonzero difference: simple values, not symmetric (an odd difference is 0 at 0). */
const PROBES = [0.75, 1.5, -0.625, 2.25, 0.3125, -1.75];

/** The digits a reading in range is raised to, doubling from 240 (and read again at twice them), and the most where a function's argument is not small. */
const MAX_DIGITS = 3840;
const FIXED_POINT_DIGITS = 960;
/** An argument below this is small: the series of exp, sin, atan and the like converge in a few hundred terms at 3840 digits. */
const SMALL_ARGUMENT = 1e-3;

/** Digits a nonzero reading must stand clear of the rounding of its largest part by. */
const CLEAR = 20;

/** CPU time the whole search may take: a reading of atan at 3840 digits takes a fraction of a second. */
const GUARD_MS = 8_000;

/**
 * The sides' difference as a function of the inputs, or undefined where a side is not analytic on the whole line
 * (abs, a power with a negative or fractional exponent, log, an unknown function, a sum, a comparison inside).
 * A comparison checked as its 0/1 value against a constant (relation-steps.ts) is read as its two expressions.
 */
function analyticSides(written: Term, writtenRhs: Term): Sides | undefined {
  const [lhs, rhs] = [withoutGuards(written), withoutGuards(writtenRhs)];
  const [cmp, other] = lhs.k === 'cmp' ? [lhs, rhs] : rhs.k === 'cmp' ? [rhs, lhs] : [undefined, undefined];
  if (cmp?.k === 'cmp') {
    const value = constantFraction(other!);
    // (a >= b) = 1: the bound a >= b; a 0 on the other side, or another comparison, is not read so.
    if (value === undefined || value.num !== value.den || !['<', '<=', '>', '>='].includes(cmp.op)) return undefined;
    return builtOnTheLine(cmp.a, ANALYTIC_ON_THE_LINE) && builtOnTheLine(cmp.b, ANALYTIC_ON_THE_LINE) ? { a: cmp.a, b: cmp.b, op: cmp.op } : undefined;
  }
  return builtOnTheLine(lhs, ANALYTIC_ON_THE_LINE) && builtOnTheLine(rhs, ANALYTIC_ON_THE_LINE) ? { a: lhs, b: rhs } : undefined;
}

/**
 * The term without the guards the model adds for a range (`0 * log(x - 1e-300)`, model/intervals.ts): 0 wherever the
 * step is read, and no value outside the range, where the theorem's point may lie.
 */
function withoutGuards(t: Term): Term {
  if (t.k === 'add') {
    const kept = t.terms.filter((u) => !(u.k === 'mul' && u.factors.some(isZero)));
    return kept.length === t.terms.length ? t : kept.length === 1 ? kept[0] : { ...t, terms: kept };
  }
  if (t.k === 'cmp') return { ...t, a: withoutGuards(t.a), b: withoutGuards(t.b) };
  return t;
}

const isZero = (t: Term): boolean => t.k === 'num' && t.value.num === 0n;

/** Scalar inputs of a continuous kind, each with a range of positive width: the step's domain is a nonempty open set. */
function openDomain(inputs: readonly Input[], names: ReadonlySet<string>): Input[] | undefined {
  const read = inputs.filter((i) => names.has(i.name));
  if (read.length !== names.size) return undefined;
  for (const input of read) {
    if (input.dims.length !== 0 || !(input.kind === 'real' || input.kind === 'positive' || input.kind === 'unit') || input.relativeEnds !== undefined) return undefined;
    const [lower, upper] = scalarRange(input);
    if (!(upper > lower)) return undefined;
  }
  return read;
}

/**
 * A point where the sides of a step that the numbers call equal are read apart, with the identity theorem's
 * guarantee that they are apart on the step's range too (see {@link AnalyticDifference}); undefined where the
 * sides are not analytic on the whole line, or no point shows them apart.
 */
export function analyticDifference(lhs: Term, rhs: Term, inputs: readonly Input[]): AnalyticDifference | undefined {
  const domain = analyticDomain(lhs, rhs, inputs);
  return domain === undefined ? undefined : withGuard(GUARD_MS, () => search(domain.sides, domain.read), undefined);
}

/** One reading of a bound at a point of its range, in the digits that see its two sides apart. */
export interface BoundReading {
  readonly point: Readonly<Record<string, number>>;
  readonly lhs: string;
  readonly rhs: string;
  readonly difference: string;
  readonly digits: number;
  readonly breaks: boolean;
}

/**
 * A bound of analytic sides that no reading in 60 or 960 digits could call, its sides tied at every input tried
 * (`atan(x) <= x - x^3/3 + x^5/5` on (1e-300, 1e-200), off by x^7/7): read at its range's two ends (just inside)
 * and middle with digits doubled up to {@link MAX_DIGITS} until the difference stands clear, and again at twice
 * those digits. The readings that settled, or undefined where the sides are not analytic on the whole line, the
 * identity theorem shows them equal nowhere, or fewer than two points settle.
 */
export function boundAcrossRange(lhs: Term, rhs: Term, inputs: readonly Input[]): BoundReading[] | undefined {
  const domain = analyticDomain(lhs, rhs, inputs);
  if (domain?.sides.op === undefined) return undefined;
  const { sides, read } = domain;
  return withGuard(GUARD_MS, () => {
    if (search(sides, read) === undefined) return undefined;
    const readings: BoundReading[] = [];
    for (const position of [0, 0.5, 1]) {
      const point = Object.fromEntries(read.map((input) => [input.name, pointOfRange(input, position)]));
      const there = deepReading(sides, point);
      if (there === undefined) continue;
      readings.push({ point, ...shown(there), breaks: breaks(sides, there).breaks === true });
      if (readings[readings.length - 1].breaks) return readings.slice(-1);
    }
    return readings.length >= 2 ? readings : undefined;
  }, undefined);
}

function analyticDomain(lhs: Term, rhs: Term, inputs: readonly Input[]): { sides: Sides; read: Input[] } | undefined {
  const sides = analyticSides(lhs, rhs);
  if (sides === undefined) return undefined;
  const names = new Set([...inputNames(sides.a), ...inputNames(sides.b)]);
  const read = names.size === 0 ? undefined : openDomain(inputs, names);
  return read === undefined ? undefined : { sides, read };
}

type Sides = { readonly a: Term; readonly b: Term; readonly op?: string };

function search(sides: Sides, read: readonly Input[]): AnalyticDifference | undefined {
  for (let j = 0; j < PROBES.length; j++) {
    const outside = Object.fromEntries(read.map((input, i) => [input.name, PROBES[(i + j) % PROBES.length]]));
    if (readApart(sides, outside, DIGITS) === undefined) continue;
    // Apart at 60 digits and again at 120: a difference of analytic sides at a simple point is no rounding.
    const confirmed = readApart(sides, outside, 2 * DIGITS);
    if (confirmed === undefined) continue;
    const near = Object.fromEntries(read.map((input) => [input.name, nearestInside(input, outside[input.name])]));
    const inRange = read.every((input) => near[input.name] === outside[input.name]);
    if (inRange) return { point: outside, inRange, ...shown(confirmed), ...breaks(sides, confirmed) };
    const there = deepReading(sides, near);
    // A bound whose sides stand apart inside its range is no tie the numbers missed: the theorem says only that its
    // sides are not equal, which they see (e^-x x^1000 < e^(-x/2) on (1e6, 1e7), g h <= (g^2 + h^2)/2 on
    // (1e200, 1e300): true bounds the numbers verified were undecided, probe 83).
    if (there === undefined && sides.op !== undefined && apartInRange(sides, read)) return undefined;
    return there === undefined ? { point: outside, inRange: false, ...shown(confirmed) } : { point: near, inRange: true, ...shown(there), ...breaks(sides, there) };
  }
  return undefined;
}

/**
 * The sides at the point read with digits doubled from 240 until apart, and apart with the same sign at twice those
 * digits. Past {@link FIXED_POINT_DIGITS} (its own fixed-point functions' reach) only where every function's argument there is small: decimal.js's own
 * functions take those readings, and atan(0.75) in 3840 digits takes minutes, past any guard (one call is not
 * interrupted), where atan(1e-250) takes milliseconds.
 */
function deepReading(sides: Sides, point: Readonly<Record<string, number>>): { lhs: Decimal; rhs: Decimal; digits: number } | undefined {
  const top = smallArguments(sides, point) ? MAX_DIGITS : FIXED_POINT_DIGITS / 2;
  for (let digits = 4 * DIGITS; digits <= top; digits *= 2) {
    const there = readApart(sides, point, digits);
    if (there === undefined) continue;
    const again = readApart(sides, point, 2 * digits);
    return again !== undefined && again.lhs.minus(again.rhs).isNeg() === there.lhs.minus(there.rhs).isNeg() ? there : undefined;
  }
  return undefined;
}

/** Whether every function's argument that reads an input, read at the point in 60 digits, is below {@link SMALL_ARGUMENT}. */
function smallArguments(sides: Sides, point: Readonly<Record<string, number>>): boolean {
  const at = new Map<string, PointValue>(Object.entries(point));
  const small = (t: Term): boolean => {
    if (inputNames(t).size === 0) return true;
    switch (t.k) {
      case 'add': return t.terms.every(small);
      case 'mul': return t.factors.every(small);
      case 'pow': return small(t.base) && small(t.exponent);
      case 'fn': {
        if (!t.args.every(small)) return false;
        try {
          return t.args.every((u) => evaluateHighPrecision(u, at, DIGITS).abs().lt(SMALL_ARGUMENT));
        } catch (error) {
          if (error instanceof GuardError) throw error;
          return false;
        }
      }
      default: return true;
    }
  };
  return small(sides.a) && small(sides.b);
}

/** The sides read at the point, where their difference stands clear of the rounding of their largest part. */
function readApart(sides: Sides, point: Readonly<Record<string, number>>, digits: number): { lhs: Decimal; rhs: Decimal; digits: number } | undefined {
  const at = new Map<string, PointValue>(Object.entries(point));
  try {
    const magnitudes: Magnitudes = { largest: -Infinity, lost: 0 };
    const lhs = evaluateHighPrecision(sides.a, at, digits, magnitudes);
    const rhs = evaluateHighPrecision(sides.b, at, digits, magnitudes);
    const difference = lhs.minus(rhs);
    if (!difference.isFinite() || difference.isZero() || difference.e <= magnitudes.largest - digits + CLEAR) return undefined;
    return { lhs, rhs, digits };
  } catch (error) {
    if (error instanceof GuardError) throw error;
    return undefined;
  }
}

function shown(at: { lhs: Decimal; rhs: Decimal; digits: number }): { lhs: string; rhs: string; difference: string; digits: number } {
  return { lhs: at.lhs.toSignificantDigits(20).toString(), rhs: at.rhs.toSignificantDigits(20).toString(), difference: at.lhs.minus(at.rhs).toSignificantDigits(6).toString(), digits: at.digits };
}

function breaks(sides: { op?: string }, at: { lhs: Decimal; rhs: Decimal }): { breaks?: boolean } {
  if (sides.op === undefined) return {};
  const d = at.lhs.minus(at.rhs);
  const holds = sides.op === '<' || sides.op === '<=' ? d.isNeg() : !d.isNeg();
  return { breaks: !holds };
}

/** Relative differences above this, in 60 digits, are sides apart. */
const APART = 1e-40;

/**
 * Whether the sides read apart, relative to their size, at one of two points inside the ranges, each input at a
 * generic position of its own (inputs at one position would tie g h against (g^2 + h^2)/2 at g = h).
 */
function apartInRange(sides: Sides, read: readonly Input[]): boolean {
  for (const shift of [0, 0.5]) {
    // Steps of 0.382 from 0.382: no input at 0 or 1, the ends, for the first dozen.
    const point = new Map<string, PointValue>(read.map((input, i) => [input.name, genericPoint(input, (0.382 * (i + 1) + shift) % 1)]));
    try {
      const a = evaluateHighPrecision(sides.a, point, DIGITS);
      const b = evaluateHighPrecision(sides.b, point, DIGITS);
      if (!a.isFinite() || !b.isFinite()) continue;
      const scale = a.abs().gt(b.abs()) ? a.abs() : b.abs();
      if (!scale.isZero() && a.minus(b).abs().gt(scale.times(APART))) return true;
    } catch (error) {
      if (error instanceof GuardError) throw error;
    }
  }
  return false;
}

/** A point of the input's range at a position strictly between 0 and 1: geometric across decades of one sign, past a finite end where the other is infinite. */
function genericPoint(input: Input, position: number): number {
  const [lower, upper] = scalarRange(input);
  if (Number.isFinite(lower) && Number.isFinite(upper)) {
    if (lower > 0 && upper / lower > 1e3) return Math.exp(Math.log(lower) + position * (Math.log(upper) - Math.log(lower)));
    if (upper < 0 && lower / upper > 1e3) return -Math.exp(Math.log(-upper) + (1 - position) * (Math.log(-lower) - Math.log(-upper)));
    return lower + position * (upper - lower);
  }
  if (Number.isFinite(lower)) return lower + (1 + position) * Math.max(1, Math.abs(lower));
  if (Number.isFinite(upper)) return upper - (1 + position) * Math.max(1, Math.abs(upper));
  return 4 * position - 2;
}

/**
 * A point of the input's range at a position from 0 (just inside its lower end) to 1 (just inside its upper end);
 * the middle of a range of one sign spanning decades is geometric (1e-250 of (1e-300, 1e-200)).
 */
function pointOfRange(input: Input, position: number): number {
  const [lower, upper] = scalarRange(input);
  if (position === 0) return nearestInside(input, -Infinity);
  if (position === 1) return nearestInside(input, Infinity);
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return nearestInside(input, 0.5);
  return genericPoint(input, 0.5);
}

/** The input's value nearest x inside its range: a thousandth of the way in from a finite end passed; a point a unit past an infinite one. */
function nearestInside(input: Input, x: number): number {
  const [lower, upper] = scalarRange(input);
  const width = upper - lower;
  // A thousandth of the way in, relative to the end where that is nearer: 1.001e-300 in (1e-300, 1e-200).
  const inset = (end: number) => 1e-3 * Math.min(Number.isFinite(width) ? width : Infinity, end !== 0 ? Math.abs(end) : Infinity, Number.isFinite(width) || end !== 0 ? Infinity : 1);
  if (x >= upper) return Number.isFinite(upper) ? upper - inset(upper) : Number.isFinite(lower) ? lower + Math.max(1, Math.abs(lower)) : 2;
  if (x <= lower) return Number.isFinite(lower) ? lower + inset(lower) : Number.isFinite(upper) ? upper - Math.max(1, Math.abs(upper)) : -1;
  return x;
}
