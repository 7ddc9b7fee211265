import { Decimal } from 'decimal.js';
import { fixedPointExp } from '../model/index.ts';

/**
 * Definite integrals in 60 digits, for the inputs where double precision could
 * not settle one (quadrature.ts): the same double-exponential rules, with nodes
 * and weights computed once per level in 70 digits and each node kept as its
 * distance from its end, so an integrable singularity at an end (1/sqrt(1 - t))
 * is sampled to 1e-65 of it. The error bound is what the levels say, as there:
 * the levels must agree to 1e-30 (or to the terms left out past a singular end,
 * bounded apart), else no value.
 */

/** The integrand in 60 digits at one point, its error bound read right after; NaN where it has no value; undefined where 60 digits cannot settle it. */
export interface PreciseIntegrand {
  value(t: Decimal): Decimal | undefined;
  error(): Decimal;
}

/** What {@link preciseIntegrate} found: a value and its error bound, NaN for none, or `unsettled`. */
export type PreciseQuadrature = { readonly value: Decimal; readonly error: Decimal } | 'unsettled';

const D = Decimal.clone({ precision: 70 });
const BOUND = Decimal.clone({ precision: 8, rounding: Decimal.ROUND_UP });
/** The finest level, h = 1/128: where doubles settle at 1e-14 a level or two before, 60 digits need this one. */
const MAX_LEVEL = 7;
const MIN_LEVEL = 3;
/** u runs this far out: past it, a finite end's nodes are within 1e-65 of the end and the weights below 1e-60 of the centre's. */
const MAX_U = 4.6;
/** Levels agreeing to this part of the integral of |f| (the two before to its square root) have converged: the double-exponential rule's error then shrinks as the square of the change, far below it. */
const CONVERGED = new D('1e-30');
/** At the finest level, levels agreeing to this part of the integral of |f| (the two before to its square root) settle it, to their change. */
const SETTLED = new D('1e-20');
/** A change of the levels this small (relative to the sides) ends the levels at once; one above it takes one level more. */
const TIGHT = new D('1e-50');
/** The nearest a node comes to a non-zero end, relative to it: the integrand's 60 digits resolve it (1 - t is not 0). */
const RESOLVED = new D('1e-55');
const NEGLIGIBLE = new D('1e-70');
const MAX_SHARE = 0.5;
const MAX_TAIL_RATIO = 0.9;

type Kind = 'finite' | 'upper-infinite' | 'lower-infinite' | 'infinite';

/**
 * One node of a rule for the standard range: its u, `x` (on a finite range the node's distance from its end in units
 * of half the range; on a half-line its distance from the finite end; on the line the node itself), and its weight
 * before scaling.
 */
interface Node {
  readonly u: number;
  readonly x: Decimal;
  readonly w: Decimal;
}

const tables = new Map<string, Node[]>();

/** The nodes a level adds (every whole u at level 0, the odd multiples of h after), in order outward from u = 0, both signs. */
function nodes(kind: Kind, level: number): Node[] {
  // Both half-lines place their nodes alike, by their distance from the finite end.
  const rule = kind === 'lower-infinite' ? 'upper-infinite' : kind;
  const key = `${rule}:${level}`;
  let table = tables.get(key);
  if (table !== undefined) return table;
  table = [];
  const h = 2 ** -level;
  const halfPi = D.acos(-1).div(2);
  const one = new D(1);
  for (let k = level === 0 ? 0 : 1; k * h <= MAX_U; k += level === 0 ? 1 : 2) {
    for (const sign of k === 0 ? [1] : [1, -1]) {
      // sinh and cosh through one exponential each (fixed-point-exp.ts): s = pi/2 sinh(u), c = pi/2 cosh(u).
      const E = fixedPointExp(new D(sign * k * h), D);
      const inverse = one.div(E);
      const s = halfPi.times(E.minus(inverse)).div(2);
      const c = halfPi.times(E.plus(inverse)).div(2);
      if (rule === 'finite') {
        // x: the node's distance from its end in units of half the range, 1 - tanh|s| = 2 e / (1 + e), e = exp(-2|s|).
        const e = fixedPointExp(s.abs().times(-2), D);
        table.push({ u: sign * k * h, x: e.times(2).div(e.plus(1)), w: c.times(e).times(4).div(e.plus(1).pow(2)) });
      } else if (rule === 'infinite') {
        const F = fixedPointExp(s, D);
        const G = one.div(F);
        table.push({ u: sign * k * h, x: F.minus(G).div(2), w: c.times(F.plus(G)).div(2) });
      } else {
        const x = fixedPointExp(s, D);
        table.push({ u: sign * k * h, x, w: c.times(x) });
      }
    }
  }
  tables.set(key, table);
  return table;
}

/** The integral of f from a to b (undefined: -Infinity, Infinity), in 60 digits. */
export function preciseIntegrate(f: PreciseIntegrand, a: Decimal | undefined, b: Decimal | undefined, scale?: Decimal): PreciseQuadrature {
  if ((a && a.isNaN()) || (b && b.isNaN())) return { value: new D(NaN), error: new D(0) };
  if (a && b && a.eq(b)) return { value: new D(0), error: new D(0) };
  if (a && b && a.gt(b)) {
    const q = preciseIntegrate(f, b, a, scale);
    return q === 'unsettled' ? q : { value: q.value.neg(), error: q.error };
  }
  // The nodes are placed in 70 digits: a bound read in the integrand's 60 would round a node within 1e-65 of it
  // onto it (1 / sqrt(1 - t) at t = 1 has no value).
  if (a) a = new D(a);
  if (b) b = new D(b);
  const kind: Kind = a ? (b ? 'finite' : 'upper-infinite') : b ? 'lower-infinite' : 'infinite';
  // On an infinite range the nodes' unit: the integrand's own scale where it is far from 1 (see {@link integrandScale}).
  const half = a && b ? b.minus(a).div(2) : new D(scale ?? 1);
  let sum = new D(0);
  let absSum = new D(0);
  let errorSum = new BOUND(0);
  let maxTerm = new D(0);
  let previous: Decimal | undefined;
  let before: Decimal | undefined;
  let tail = new BOUND(0);
  // The result at the first level that converged, while the next one is taken.
  let converged: PreciseQuadrature | undefined;
  // One level past the finest, only after a level that converged (see `converged`).
  for (let level = 0; level <= MAX_LEVEL + 1; level++) {
    const h = new D(2).pow(-level);
    tail = new BOUND(0);
    // Per side (sign of u), the last two terms, for the tail past the last node.
    const last = new Map<number, [Decimal, Decimal]>();
    // An infinite side's walk outward ends at two negligible terms past the centre, before t is absurdly large.
    const stopped = new Set<number>();
    for (const node of nodes(kind, level)) {
      const side = node.u >= 0 ? 1 : -1;
      if (stopped.has(side)) continue;
      // A node nearer a finite end than the integrand's 60 digits resolve (1 - t rounds to 0) ends that side's walk:
      // the terms past it are the tail, bounded below.
      if (kind === 'finite' && node.u !== 0) {
        const end = side > 0 ? b! : a!;
        if (!end.isZero() && half.times(node.x).lt(end.abs().times(RESOLVED))) {
          stopped.add(side);
          continue;
        }
      }
      let t: Decimal;
      switch (kind) {
        case 'finite': t = side > 0 ? b!.minus(half.times(node.x)) : a!.plus(half.times(node.x)); break;
        case 'upper-infinite': t = a!.plus(half.times(node.x)); break;
        case 'lower-infinite': t = b!.minus(half.times(node.x)); break;
        case 'infinite': t = half.times(node.x); break;
      }
      const w = node.w.times(half);
      let v = f.value(t);
      let valueError = f.error();
      // No value at one node, the same value either side of it: a removable point (sin(t)^2 / t^2 at the centre of
      // [-1, 1]), which no integral sees. Its neighbours' mean stands for it, their spread counted as error, as in doubles
      // (quadrature.ts); read 1e-20 of it away, where a cancelling 1 - cos(t) keeps 20 of its 60 digits (probe 112: a true
      // step was refuted as having no value).
      if (v !== undefined && v.isNaN()) {
        // Near it and inside the range (quadrature.ts, neighbourhood).
        const near = kind === 'finite' ? half : kind === 'infinite' ? Decimal.max(1, t.abs()) : Decimal.min(Decimal.max(1, t.abs()), half.times(node.x));
        const removed = removablePoint(f, t, near);
        if (removed !== undefined) ({ value: v, error: valueError } = removed);
      }
      const infiniteSide = kind === 'infinite' || (side > 0 ? kind !== 'finite' : false);
      // Past a negligible term out on an infinite side, a value 60 digits cannot settle (exp(-t^2 / 2) at t = 1e11
      // is below their range; 1 / exp(t^2) is 0 with no bound) ends the walk: the rest is as negligible.
      const lastTerm = last.get(side)?.[0];
      if ((v === undefined || !v.isFinite() || !valueError.isFinite()) && infiniteSide && Math.abs(node.u) > 1 && lastTerm !== undefined && lastTerm.abs().lte(NEGLIGIBLE.times(absSum))) {
        stopped.add(side);
        last.delete(side);
        continue;
      }
      // A level taken past convergence that cannot be read (its work spent) leaves the level that converged.
      if (v === undefined) return converged ?? 'unsettled';
      if (v.isNaN()) return { value: new D(NaN), error: new D(0) };
      if (!v.isFinite()) return 'unsettled';
      const term = w.times(v);
      sum = sum.plus(term);
      absSum = absSum.plus(term.abs());
      errorSum = errorSum.plus(new BOUND(w).times(valueError));
      if (term.abs().gt(maxTerm)) maxTerm = term.abs();
      const [prev] = last.get(side) ?? [new D(0), new D(0)];
      last.set(side, [term, prev]);
      const limit = NEGLIGIBLE.times(absSum);
      if (infiniteSide && Math.abs(node.u) > (absSum.isZero() ? 2 : 1) && term.abs().lte(limit) && prev.abs().lte(limit)) {
        stopped.add(side);
        last.delete(side);
      }
    }
    // The terms past the last node on a finite end, bounded as a geometric series of the last two.
    for (const [lastTerm, lastButOne] of last.values()) {
      if (lastTerm.isZero()) continue;
      const ratio = lastButOne.isZero() ? new D(1) : lastTerm.div(lastButOne).abs();
      if (ratio.gte(MAX_TAIL_RATIO)) {
        if (lastTerm.abs().gt(NEGLIGIBLE.times(absSum))) return 'unsettled';
        continue;
      }
      tail = tail.plus(new BOUND(lastTerm.abs().times(2).times(ratio).div(new D(1).minus(ratio))));
    }
    const value = h.times(sum);
    const scale = h.times(absSum);
    if (previous !== undefined) {
      const change = value.minus(previous).abs();
      // The terms past the last node (an integrable singularity at an end, 1/sqrt(t)) are the same at every level:
      // the levels agree to them, not past them, and they are bounded apart (tail).
      // And levels that agree within the integrand's own error bounds agree as far as it can be read (quadrature.ts).
      const floor = h.times(tail).times(4).plus(h.times(errorSum).times(2));
      if (level >= MIN_LEVEL && change.lte(CONVERGED.times(scale).plus(floor)) && before !== undefined && previous.minus(before).abs().lte(CONVERGED.sqrt().times(scale).plus(floor))) {
        // Converged to 1e-30 of the sides: one level more squares the change (1e-32 becomes 1e-60), which a slip of
        // 1e-40 needs to be seen (log(t) / (1 - t) over [0, 1/2] stopped at 3e-32). Taken where the budget allows.
        // At the finest level too: a normal's second moment over the line stopped there at 1e-37 (probe 38).
        if (level > MAX_LEVEL || change.lte(TIGHT.times(scale).plus(floor))) return finish(value, change.div(2), h);
        if (converged !== undefined) return converged;
        converged = finish(value, change.div(2), h);
        before = previous;
        previous = value;
        continue;
      } else if (converged !== undefined) {
        return converged;
      }
      // At the finest level, a wide integrand (a normal of standard deviation 2 away from 0) still converging as the
      // rule does, its change squared at each level (1e-7, 1e-15, 1e-29), has the last change for its bound: short of
      // 60 digits, far past doubles. One level more may square it.
      if (level === MAX_LEVEL && before !== undefined && change.lte(SETTLED.times(scale).plus(floor))
        && previous.minus(before).abs().lte(SETTLED.sqrt().times(scale).plus(floor))) {
        converged = finish(value, change, h);
        before = previous;
        previous = value;
        continue;
      }
      // Not converged at the finest level: a kink or a peak the levels do not resolve, and their trend is no bound. But
      // a narrow peak the rule resolves late, its changes shrinking as a power of the last (n times the integral of
      // t^n e^t over [0, 1] at n = 1.3e8: 1e-15, then 1e-24 of it), takes the one level more, which must converge as above.
      if (level === MAX_LEVEL && !(before !== undefined && fastConverging(change, previous.minus(before).abs(), scale))) return 'unsettled';
    }
    before = previous;
    previous = value;
  }
  return 'unsettled';

  function finish(value: Decimal, change: Decimal, h: Decimal): PreciseQuadrature {
    if (!absSum.isZero() && maxTerm.gt(absSum.times(MAX_SHARE))) return 'unsettled';
    const roundoff = new BOUND(h.times(absSum)).times('1e-58');
    return { value, error: new BOUND(change).plus(new BOUND(h).times(errorSum.plus(tail))).plus(roundoff) };
  }
}

/** Changes of the last two levels, relative to the sides, shrinking as the 1.3th power of the one before, below 1e-12. */
function fastConverging(change: Decimal, before: Decimal, scale: Decimal): boolean {
  if (scale.isZero() || before.isZero()) return false;
  const [last, previous] = [change.div(scale), before.div(scale)];
  if (last.isZero()) return true;
  return last.lt('1e-12') && last.log(10).lte(previous.log(10).times(1.3));
}

/** Decades a half-line's integrand is looked at, from its finite end, for its scale. */
const SCALE_DECADES = Array.from({ length: 31 }, (_, k) => 30 - 2 * k);

/**
 * The distance from a half-line's finite end `a` (toward +Infinity, or -Infinity where `side` is -1) over which the
 * integrand falls to a millionth of its value next to the end: 10^k for the largest decade k (from 10^-30 to 10^30, in
 * steps of 100) where it has not yet; undefined where that is within a hundred of 1, or the integrand cannot be read.
 * x exp(-x t) / (1 + t) at x = 1e8 falls over 1e-8: the rule's nodes, spread over a unit, never settled it, and Watson's
 * lemma's limits were errors (probe 104).
 */
export function integrandScale(f: PreciseIntegrand, a: Decimal, side: 1 | -1): Decimal | undefined {
  const at = (k: number) => {
    const v = f.value(a.plus(new D(10).pow(k).times(side)));
    return v === undefined || !v.isFinite() ? undefined : v.abs();
  };
  const near = at(-40);
  if (near === undefined || near.isZero()) return undefined;
  let scale: number | undefined;
  for (const k of [...SCALE_DECADES].reverse()) {
    const v = at(k);
    if (v === undefined) return undefined;
    if (v.lt(near.times('1e-6'))) break;
    scale = k;
  }
  if (scale === undefined || Math.abs(scale) <= 2) return undefined;
  return new D(10).pow(scale);
}

/** How far from a node with no value its neighbours are read, relative to its neighbourhood (the range's half-width, or its distance from a finite end). */
const REMOVABLE_STEP = new D('1e-20');
/** The most the neighbours may differ, relative to them (at least 1), for the node to be removable. */
const REMOVABLE_SPREAD = new D('1e-15');

/** The mean of the integrand's values either side of t and its error bound, where both have one and they agree; else undefined. */
function removablePoint(f: PreciseIntegrand, t: Decimal, near: Decimal): { value: Decimal; error: Decimal } | undefined {
  const h = REMOVABLE_STEP.times(near);
  const below = f.value(t.minus(h));
  const belowError = f.error();
  const above = f.value(t.plus(h));
  const aboveError = f.error();
  if (below === undefined || above === undefined || !below.isFinite() || !above.isFinite()) return undefined;
  const spread = above.minus(below).abs();
  if (spread.gt(REMOVABLE_SPREAD.times(Decimal.max(1, above.abs(), below.abs())))) return undefined;
  return { value: below.plus(above).div(2), error: Decimal.max(belowError, aboveError).plus(spread) };
}
