/**
 * A limit in 60 digits: its body read at three points ever nearer the limit point,
 * a distance of 10^-8, 10^-12 and 10^-16 (times |a| past 1) from a on a side, or
 * toward an infinity at 10^8, 10^12 and 10^16: near enough for 16 digits of a power
 * rate, far enough that a body cancelling as x^2 ((1 - cos x) / x^2) keeps 28 of its
 * 60 digits. Where the changes between them
 * shrink at least a hundredfold, as they do for every limit of a power or log rate
 * (a difference quotient's h, x log x, sqrt(x)), the last reading is the limit, within
 * the last change (which bounds the rest of such a shrinking sequence) and the
 * readings' own errors. Readings that grow a thousandfold each time diverge: no value.
 * Anything else (sin(1/x), a rate as slow as 1/log(1/x)) is unsettled, no evidence
 * either way, never a value. A two-sided limit needs both sides to settle and agree.
 */
import type { PreciseNumber } from '../model/index.ts';

/** The decimal exponents of the distances (or magnitudes, toward an infinity) the body is read at. */
export const LIMIT_EXPONENTS: readonly number[] = [8, 12, 16];
/** A later change at most this fraction of the one before settles the limit (a cube-root rate changes by 0.046). */
const SHRINK = 0.05;
/** Readings whose magnitude grows by this factor each time, past {@link HUGE}, diverge. */
const GROWTH = 1e3;
const HUGE = 1e12;

/** A reading of the body: its value and error, or undefined where 60 digits could not settle it. */
export type Reading = { readonly value: PreciseNumber; readonly error: PreciseNumber } | undefined;

export type LimitOutcome =
  | { readonly kind: 'value'; readonly value: PreciseNumber; readonly error: PreciseNumber }
  /** The limit does not exist or is infinite: no value. */
  | { readonly kind: 'none' }
  | { readonly kind: 'unsettled' };

/**
 * The limit of a body read by `read` at x as x tends to `at` (undefined: an infinity)
 * from `side` (1 above, -1 below, 0 both; toward an infinity, its sign). `make` builds a
 * number of the reading's precision; `bound` one of the errors' (rounded up).
 */
export function preciseLimit(read: (x: PreciseNumber) => Reading, at: PreciseNumber | undefined, side: -1 | 0 | 1,
  make: (v: number | string) => PreciseNumber, bound: (v: PreciseNumber | number) => PreciseNumber): LimitOutcome {
  if (side === 0 && at !== undefined) {
    const above = oneSide(read, at, 1, make, bound);
    if (above.kind !== 'value') return above;
    const below = oneSide(read, at, -1, make, bound);
    if (below.kind !== 'value') return below;
    const gap = bound(above.value.minus(below.value).abs());
    // Two sides settled apart: the limit does not exist (sign(x), abs(x) / x at 0).
    if (gap.gt(bound(above.error).plus(below.error))) return { kind: 'none' };
    const error = (above.error.gt(below.error) ? above.error : below.error);
    return { kind: 'value', value: above.value.plus(below.value).div(2), error: bound(error).plus(gap.div(2)) };
  }
  return oneSide(read, at, side === 0 ? 1 : side, make, bound);
}

function oneSide(read: (x: PreciseNumber) => Reading, at: PreciseNumber | undefined, side: -1 | 1,
  make: (v: number | string) => PreciseNumber, bound: (v: PreciseNumber | number) => PreciseNumber): LimitOutcome {
  const scale = at === undefined || at.abs().lte(1) ? make(1) : at.abs();
  const readings: { value: PreciseNumber; error: PreciseNumber }[] = [];
  for (const e of LIMIT_EXPONENTS) {
    const x = at === undefined ? make(`${side}e${e}`) : at.plus(make(`${side}e-${e}`).times(scale));
    const r = read(x);
    if (r === undefined) return { kind: 'unsettled' };
    readings.push(r);
  }
  const [r1, r2, r3] = readings;
  const noValue = readings.filter((r) => r.value.isNaN()).length;
  // No value anywhere near the point on this side (sqrt(x) below 0): the limit has none.
  if (noValue === readings.length) return { kind: 'none' };
  if (noValue > 0) return { kind: 'unsettled' };
  const [m1, m2, m3] = readings.map((r) => r.value.abs());
  if (!m3.isFinite() || (m3.gt(HUGE) && m3.gt(m2.times(GROWTH)) && m2.gt(m1.times(GROWTH)))) return { kind: 'none' };
  if (!m1.isFinite() || !m2.isFinite()) return { kind: 'unsettled' };
  const first = r2.value.minus(r1.value).abs();
  const last = r3.value.minus(r2.value).abs();
  if (!last.isZero() && !last.lte(first.times(SHRINK))) return { kind: 'unsettled' };
  return { kind: 'value', value: r3.value, error: bound(last).plus(r2.error).plus(r3.error) };
}
