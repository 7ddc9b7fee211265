import { Decimal } from 'decimal.js';
import { goldenPeak } from './golden-section.ts';
import { preciseIntegrate, type PreciseIntegrand, type PreciseQuadrature } from './precise-quadrature.ts';

/**
 * A finite integral whose integrand is a peak far narrower than its range, in 60
 * digits: Laplace's method's exp(n cos t) over [0, pi] or (1 - t^2)^n over [-1, 1] at
 * n = 1e16, a width of 1e-8. The double-exponential rule spreads its nodes over the
 * range and never settles such a peak (probe 104). Here the peak is found (the
 * largest of the integrand's magnitudes on a grid, narrowed by golden sections), the
 * range is split there, and each part is integrated from the peak outward with
 * t = c + s (e^u - 1), s the distance over which the integrand falls to a millionth
 * of its peak: u runs over [0, log(1 + L / s)], and the integrand's fall, however
 * narrow, spans a few units of u. Each substitution is exact: the error bound is
 * the rule's, as for any integral. Used only where the rule alone did not settle.
 */

const D = Decimal.clone({ precision: 70 });
/** The grid's intervals: a peak is looked for near the largest of the integrand's magnitudes at its points. */
const GRID = 64;
/** The peak is located to this part of the range, by golden sections (golden-section.ts). */
const LOCATED = new D('1e-45');
/** A point this near an end (relative to the range) stands for the end: the integrand need not have a value at it. */
const NEAR_END = new D('1e-40');
/** The fall, from the peak, that the scale s is measured by. */
const FALL = new D('1e-6');
/** The smallest decade a scale is looked for at, relative to the range. */
const FINEST_DECADE = 60;
/** A scale at least this part of its range needs no substitution: the rule alone spreads its nodes over it. */
const WIDE = new D('1e-2');
/** A grid value above its neighbour nearer the peak by more than their rounding is a rise: a second peak. */
const RISE = new D(1).plus('1e-40');

/** The integral of f from a to b (both finite) split at the integrand's peak; 'unsettled' where there is none to find or a part does not settle. */
export function peakedIntegrate(f: PreciseIntegrand, a: Decimal, b: Decimal): PreciseQuadrature {
  a = new D(a);
  b = new D(b);
  if (a.eq(b)) return { value: new D(0), error: new D(0) };
  // From 1 to 0: the integral over [0, 1], negated, as the rule reads it.
  if (a.gt(b)) {
    const reversed = peakedIntegrate(f, b, a);
    return reversed === 'unsettled' ? reversed : { value: reversed.value.neg(), error: reversed.error };
  }
  const peak = findPeak(f, a, b);
  if (peak === undefined) return 'unsettled';
  const parts: [Decimal, Decimal][] = peak.eq(a) ? [[a, b]] : peak.eq(b) ? [[b, a]] : [[peak, a], [peak, b]];
  let value = new D(0);
  let error = new D(0);
  for (const [from, to] of parts) {
    const part = fromPeak(f, from, to);
    if (part === 'unsettled' || part.value.isNaN()) return part;
    value = value.plus(part.value);
    error = error.plus(part.error);
  }
  return { value, error };
}

function magnitude(f: PreciseIntegrand, t: Decimal): Decimal | undefined {
  const v = f.value(t);
  return v === undefined || !v.isFinite() ? undefined : v.abs();
}

/** Where |f| peaks over [a, b]: an end, or a point found by golden sections between the grid's neighbours of its largest value. */
function findPeak(f: PreciseIntegrand, a: Decimal, b: Decimal): Decimal | undefined {
  const range = b.minus(a);
  const near = range.times(NEAR_END);
  const points: Decimal[] = [];
  for (let i = 0; i <= GRID; i++) points.push(i === 0 ? a.plus(near) : i === GRID ? b.minus(near) : a.plus(range.times(i).div(GRID)));
  const values: Decimal[] = [];
  for (const t of points) {
    const v = magnitude(f, t);
    if (v === undefined) return undefined;
    values.push(v);
  }
  let top = 0;
  for (let i = 1; i <= GRID; i++) if (values[i].gt(values[top])) top = i;
  if (values[top].isZero()) return undefined;
  // One peak only: the grid's magnitudes fall away from it on both sides. A second peak between grid points shows
  // there all the same, where the integrand is exp(n g(t)): n g is broad at any n, and rises again toward it.
  // Split at one of two peaks, the other lies far out in a part's substitution, between its nodes: e^(-c (t - 0.3)^2)
  // + e^(-c (t - 0.7)^2) / 2 over [0, 1] read as 2/3 of its value.
  for (let i = 0; i < GRID; i++) {
    const [near, far] = i < top ? [values[i + 1], values[i]] : [values[i], values[i + 1]];
    if (i !== top - 1 && i !== top && far.gt(near.times(RISE))) return undefined;
  }
  if (top === 0) return a;
  if (top === GRID) return b;
  return goldenPeak((t) => magnitude(f, t), points[top - 1], points[top + 1], range.times(LOCATED));
}

/** The integral of f over the range between its peak `from` and `to` (either side of it), by t = from +- s (e^u - 1). */
function fromPeak(f: PreciseIntegrand, from: Decimal, to: Decimal): PreciseQuadrature {
  const sign = to.gt(from) ? 1 : -1;
  const length = to.minus(from).abs();
  const peak = magnitude(f, from.plus(length.times(NEAR_END).times(sign)));
  if (peak === undefined || peak.isZero()) return 'unsettled';
  // s: ten times the farthest decade at which the integrand has not yet fallen to a millionth of its peak.
  const widest = Math.floor(length.log(10).toNumber());
  let scale: Decimal | undefined;
  for (let k = widest; k >= widest - FINEST_DECADE; k--) {
    const v = magnitude(f, from.plus(new D(10).pow(k).times(sign)));
    if (v === undefined) return 'unsettled';
    if (v.gte(peak.times(FALL))) {
      scale = new D(10).pow(k + 1);
      break;
    }
  }
  if (scale === undefined) return 'unsettled';
  if (scale.gte(length.times(WIDE))) return preciseIntegrate(f, Decimal.min(from, to), Decimal.max(from, to));
  const s = scale;
  let jacobian = new D(0);
  const substituted: PreciseIntegrand = {
    value: (u) => {
      const grown = D.exp(u);
      jacobian = s.times(grown);
      const v = f.value(from.plus(s.times(grown.minus(1)).times(sign)));
      return v === undefined ? undefined : v.times(jacobian);
    },
    error: () => f.error().times(jacobian),
  };
  return preciseIntegrate(substituted, new D(0), length.div(s).plus(1).ln());
}
