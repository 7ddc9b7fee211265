import { hurwitzZeta, working, type PreciseNumber } from '../model/index.ts';

/** The terms added one by one before the Hurwitz zeta tail: from there on (k + a) is at least this. */
const HEAD_REACH = 60;
/** The most terms added up, where Euler-Maclaurin stops short. */
const MAX_HEAD = 600;

/**
 * The sum over k from `lower` of (k + a)^(-s), s > 1 and lower + a > 0, to `digits`: the first terms added up, the
 * rest, from N where N + a >= 60, the Hurwitz zeta value zeta(s, N + a) by Euler-Maclaurin (model/rational-series-tail.ts),
 * whose remainder is below its last correction, at most `negligible` of it. Undefined where s <= 1 (the series
 * diverges), lower + a <= 0 (a term has no value as a real power) or Euler-Maclaurin stops short.
 */
export function powerSeriesSum(a: PreciseNumber, s: PreciseNumber, lower: number, digits: number): { value: PreciseNumber; error: PreciseNumber } | undefined {
  if (!s.gt(1) || !a.plus(lower).isPositive() || !a.isFinite()) return undefined;
  const start = Math.max(lower, Math.ceil(HEAD_REACH - a.toNumber()));
  if (!Number.isFinite(start) || start - lower > MAX_HEAD) return undefined;
  const w = working(digits);
  const [offset, order] = [new w.W(a), new w.W(s)];
  const unit = new w.W(10).pow(-w.W.precision);
  let head = new w.W(0);
  for (let k = lower; k < lower + MAX_HEAD; k++) {
    if (k === start) {
      const tail = hurwitzZeta(order, offset.plus(k), w);
      if (tail !== undefined) {
        const value = head.plus(tail.value);
        // The remainder (twice its bound, for the working's own rounding of each correction), and the head's powers and
        // additions, each rounded in the working's digits (`digits` plus its guard, some 1e-80).
        return { value, error: w.negligible.times(tail.value.abs()).times(2).plus(value.abs().times(unit).times(4 * (k - lower + 60))) };
      }
    }
    head = head.plus(offset.plus(k).pow(order.neg()));
    // A fast power (s = 40), whose Hurwitz zeta at 60 is below Euler-Maclaurin's reach relative to itself, is done by
    // adding up: the rest, sum_{j > k} (j + a)^-s, is below the integral of (x + a)^-s from k on, (k + a)^(1 - s) / (s - 1).
    const rest = offset.plus(k).pow(order.neg().plus(1)).div(order.minus(1));
    if (rest.lte(w.negligible.times(head))) return { value: head, error: rest.plus(head.times(unit).times(4 * (k - lower + 1))) };
  }
  return undefined;
}
