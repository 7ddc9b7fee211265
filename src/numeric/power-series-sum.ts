import { bernoulliNumber, type PreciseNumber } from '../model/index.ts';

/** The terms added one by one before the Euler-Maclaurin tail: from there on (k + a) is at least this. */
const HEAD_REACH = 40;
/** Euler-Maclaurin's correction terms taken at most. */
const MAX_CORRECTIONS = 50;

/**
 * The sum over k from `lower` of (k + a)^(-s), s > 1 and lower + a > 0: the first terms added up, the rest by
 * Euler-Maclaurin from N, where N + a >= 40:
 *   sum_{k >= N} f(k) = (N + a)^(1 - s) / (s - 1) + f(N) / 2 + sum_j B_2j / (2j)! s (s + 1) ... (s + 2j - 2) (N + a)^(1 - s - 2j).
 * f's derivatives alternate in sign and shrink in size (f is completely monotone), so the remainder is at most the first
 * correction left out; four times it is counted. Undefined where s <= 1 (the series diverges), lower + a <= 0 (a term
 * has no value as a real power) or the corrections stop shrinking before the digits are reached.
 */
export function powerSeriesSum(a: PreciseNumber, s: PreciseNumber, lower: number, digits: number): { value: PreciseNumber; error: PreciseNumber } | undefined {
  const one = s.times(0).plus(1);
  if (!s.gt(1) || !a.plus(lower).isPositive() || !a.isFinite()) return undefined;
  const start = Math.max(lower, Math.ceil(HEAD_REACH - a.toNumber()));
  if (!Number.isFinite(start) || start - lower > 10 * HEAD_REACH) return undefined;
  let sum = one.times(0);
  for (let k = lower; k < start; k++) sum = sum.plus(a.plus(k).pow(s.neg()));
  const x = a.plus(start);
  let tail = x.pow(one.minus(s)).div(s.minus(1)).plus(x.pow(s.neg()).div(2));
  const floor = one.times(10).pow(-digits - 5);
  // s (s + 1) ... (s + 2j - 2) x^(1 - s - 2j), built up as j grows.
  let rising = s;
  let power = x.pow(one.minus(s).minus(2));
  let previous: PreciseNumber | undefined;
  for (let j = 1; j <= MAX_CORRECTIONS; j++) {
    if (j > 1) {
      rising = rising.times(s.plus(2 * j - 3)).times(s.plus(2 * j - 2));
      power = power.div(x.times(x));
    }
    const [bn, bd] = bernoulliNumber(2 * j);
    let factorial = one;
    for (let i = 2; i <= 2 * j; i++) factorial = factorial.times(i);
    const term = one.times(bn.toString()).div(bd.toString()).div(factorial).times(rising).times(power);
    if (previous !== undefined && term.abs().gt(previous.abs())) return undefined;
    if (term.abs().lte(floor.times(tail.abs().plus(sum.abs())))) {
      const value = sum.plus(tail);
      return { value, error: term.abs().times(4).plus(value.abs().times(one.times(10).pow(-digits)).times(start - lower + 2 * j + 4)) };
    }
    tail = tail.plus(term);
    previous = term;
  }
  return undefined;
}
