import { Decimal } from 'decimal.js';
import { goldenPeak } from './golden-section.ts';
import { preciseIntegrate, type PreciseIntegrand, type PreciseQuadrature } from './precise-quadrature.ts';

/**
 * A finite integral whose integrand bends or jumps where an argument that is not
 * affine in its variable is 0 (integrand-kinks.ts, integrandKinkArguments), in 60
 * digits: `abs(exp(t) - 3)` over [0, 2], the cardioid's arc length
 * `sqrt(2 + 2 cos t)` over [0, 2 pi]. Across a kink the double-exponential rule
 * converges as h^2 and never settles; split there, each piece is smooth again.
 *
 * Each argument is read on a grid. Where it changes sign between two points, the
 * zero is found by bisection to 1e-45 of the range, and the range is cut there.
 * Where |argument| is least at a point of the grid without a sign change, golden
 * sections find its least value, and one within {@link TOUCHING} of the argument's
 * size is a zero it touches (the cardioid's 2 + 2 cos t at pi). Such a zero is
 * located only to some 1e-32 of the range, and beside it the argument is below its
 * own rounding (a square root of it has no settled value there), so a gap of
 * {@link GAP} of the range is left around it: its share of the integral is read
 * from the integrand at the gap's ends and charged to the error as twice the gap
 * times the largest integrand read (an integrand rising at the gap's ends past the
 * grid's largest value is no kink but a spike, and is left unsettled). Used only
 * where the rule alone did not settle.
 */

const D = Decimal.clone({ precision: 70 });
/** The grid's intervals on which each argument is read. */
const GRID = 64;
/** A point this near an end (relative to the range) stands for the end: an argument need not have a value at it. */
const NEAR_END = new D('1e-40');
/** Zeros where the argument changes sign are located to this part of the range, by bisection. */
const CROSSING_LOCATED = new D('1e-45');
/** Zeros the argument touches are located to this part of the range, by golden sections. */
const TOUCHING_LOCATED = new D('1e-32');
/** A least |argument| at most this part of its largest value on the grid is a zero it touches. */
const TOUCHING = new D('1e-20');
/** The gap left around a zero the argument touches, each way, relative to the range. */
const GAP = new D('1e-28');
/** An integrand at a gap's end past this many times the grid's largest value is a spike, not a kink. */
const SPIKE = 10;
/** Bisections at most: each halves the bracket, so 160 take 1/64 of a range below 1e-45 of it. */
const MAX_BISECTIONS = 160;

/** A zero of an argument inside the range: a crossing is cut at exactly, a touching zero with a gap around it. */
interface Zero {
  readonly at: Decimal;
  readonly touching: boolean;
}

/**
 * The integral of f from a to b (both finite), split at the zeros inside the range of each of `kinks` (the
 * integrand's arguments, each read like f); 'unsettled' where there is none or a piece does not settle.
 */
export function kinkedIntegrate(f: PreciseIntegrand, kinks: readonly ((t: Decimal) => Decimal | undefined)[], a: Decimal, b: Decimal): PreciseQuadrature {
  a = new D(a);
  b = new D(b);
  if (a.eq(b)) return { value: new D(0), error: new D(0) };
  if (a.gt(b)) {
    const reversed = kinkedIntegrate(f, kinks, b, a);
    return reversed === 'unsettled' ? reversed : { value: reversed.value.neg(), error: reversed.error };
  }
  const range = b.minus(a);
  const points = Array.from({ length: GRID + 1 }, (_, i) => (i === 0 ? a.plus(range.times(NEAR_END)) : i === GRID ? b.minus(range.times(NEAR_END)) : a.plus(range.times(i).div(GRID))));
  const zeros = kinks.flatMap((g) => zerosOf(g, points, range));
  if (zeros.length === 0) return 'unsettled';
  const gap = range.times(GAP);
  // Zeros within two gaps of each other, or of an end, are one (an end needs no cut: the rule's nodes crowd there).
  const cuts: Zero[] = [];
  for (const zero of zeros.sort((x, y) => x.at.cmp(y.at))) {
    if (zero.at.minus(a).lte(gap.times(2)) || b.minus(zero.at).lte(gap.times(2))) continue;
    const last = cuts[cuts.length - 1];
    if (last !== undefined && zero.at.minus(last.at).lte(gap.times(2))) {
      if (zero.touching && !last.touching) cuts[cuts.length - 1] = zero;
      continue;
    }
    cuts.push(zero);
  }
  if (cuts.length === 0) return 'unsettled';
  let largest = new D(0);
  if (cuts.some((cut) => cut.touching)) {
    for (const t of points) {
      const v = f.value(t);
      if (v !== undefined && v.isFinite()) largest = Decimal.max(largest, v.abs());
    }
  }
  let value = new D(0);
  let error = new D(0);
  let from = a;
  for (const cut of [...cuts, undefined]) {
    const to = cut === undefined ? b : cut.touching ? cut.at.minus(gap) : cut.at;
    const piece = preciseIntegrate(f, from, to);
    if (piece === 'unsettled' || piece.value.isNaN()) return piece;
    value = value.plus(piece.value);
    error = error.plus(piece.error);
    if (cut === undefined) break;
    from = cut.touching ? cut.at.plus(gap) : cut.at;
    if (cut.touching) {
      const ends = [to, from].map((t) => f.value(t));
      if (ends.some((v) => v === undefined || !v.isFinite())) return 'unsettled';
      const [left, right] = ends as Decimal[];
      const bound = Decimal.max(largest, left.abs(), right.abs());
      if (bound.gt(largest.times(SPIKE))) return 'unsettled';
      value = value.plus(left.plus(right).times(gap));
      error = error.plus(bound.times(gap).times(4));
    }
  }
  return { value, error };
}

/** The zeros of g inside the grid's span: sign changes between its points, and least values of |g| near 0. */
function zerosOf(g: (t: Decimal) => Decimal | undefined, points: readonly Decimal[], range: Decimal): Zero[] {
  const values = points.map((t) => {
    const v = g(t);
    return v === undefined || !v.isFinite() ? undefined : v;
  });
  const size = values.reduce((m: Decimal, v) => (v === undefined ? m : Decimal.max(m, v.abs())), new D(0));
  if (size.isZero()) return [];
  const zeros: Zero[] = [];
  for (let i = 0; i < points.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    const next = values[i + 1];
    if (next !== undefined && signOf(v) * signOf(next) < 0) {
      const at = bisect(g, points[i], points[i + 1], signOf(v), range.times(CROSSING_LOCATED));
      if (at !== undefined) zeros.push({ at, touching: false });
      continue;
    }
    const previous = values[i - 1];
    if (i === 0 || i === points.length - 1 || previous === undefined || next === undefined) continue;
    if (v.isZero()) {
      zeros.push({ at: points[i], touching: signOf(previous) === signOf(next) });
      continue;
    }
    // A least |g| on the grid, with no sign change beside it: a zero g may touch between the neighbours.
    if (v.abs().gt(previous.abs()) || v.abs().gt(next.abs()) || signOf(previous) !== signOf(v) || signOf(next) !== signOf(v)) continue;
    const at = goldenPeak((t) => {
      const w = g(t);
      return w === undefined || !w.isFinite() ? undefined : w.abs().neg();
    }, points[i - 1], points[i + 1], range.times(TOUCHING_LOCATED));
    const least = at === undefined ? undefined : g(at);
    if (at !== undefined && least !== undefined && least.abs().lte(size.times(TOUCHING))) zeros.push({ at, touching: true });
  }
  return zeros;
}

/** A zero of g between lo and hi, where g has the sign `low` at lo and the other at hi, to within `width`. */
function bisect(g: (t: Decimal) => Decimal | undefined, lo: Decimal, hi: Decimal, low: number, width: Decimal): Decimal | undefined {
  for (let k = 0; k < MAX_BISECTIONS && hi.minus(lo).gt(width); k++) {
    const middle = lo.plus(hi).div(2);
    const v = g(middle);
    if (v === undefined || v.isNaN()) return undefined;
    if (v.isZero()) return middle;
    if (signOf(v) === low) lo = middle;
    else hi = middle;
  }
  return lo.plus(hi).div(2);
}

function signOf(v: Decimal): number {
  return v.isZero() ? 0 : v.isNeg() ? -1 : 1;
}
