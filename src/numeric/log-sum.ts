import type { PreciseNumber } from '../model/index.ts';

/** A log read with a bound on its error, and the sign of the term it is the log of. */
export interface SignedLog {
  readonly value: PreciseNumber;
  readonly error: PreciseNumber;
  readonly negative: boolean;
}

/**
 * log(sum of +-exp(l_i)) from the terms' logs, for a sum past decimal.js's range whose terms' logs are not
 * (phi(x) / (x + 1e-9) + phi(x) / x^3 at x = 1e10 is e^(-5e19)): the log-sum-exp of the positive terms, less the
 * negative ones as log(1 - e^(N - P)).
 *
 * The error: log-sum-exp moves by at most the largest of its arguments' errors (its gradient is a set of weights summing
 * to 1); log(1 - e^d) by (eP + eN) / (1 - e^d') with d' the largest d within the errors, where its slope is steepest.
 * Undefined where the negative terms may reach the positive ones within those errors: the sum may be 0 or below, and
 * its log has no value there that the logs could show.
 */
export function logOfSignedSum(parts: readonly SignedLog[], unitRoundoff: PreciseNumber): { value: PreciseNumber; error: PreciseNumber } | undefined {
  const positive = logSumExp(parts.filter((p) => !p.negative), unitRoundoff);
  if (positive === undefined) return undefined;
  const negative = logSumExp(parts.filter((p) => p.negative), unitRoundoff);
  if (negative === undefined) return positive;
  const d = negative.value.minus(positive.value);
  const widest = d.plus(positive.error).plus(negative.error);
  if (!widest.isNegative()) return undefined;
  const kept = d.exp().neg().plus(1);
  const keptWidest = widest.exp().neg().plus(1);
  if (!keptWidest.isPositive()) return undefined;
  const value = positive.value.plus(kept.ln());
  // The rounding of the exp and the log, magnified like the errors where 1 - e^d is small.
  const rounded = unitRoundoff.times(8).times(positive.value.abs().plus(kept.ln().abs()).plus(1)).div(keptWidest);
  const error = positive.error.plus(negative.error).div(keptWidest).plus(rounded);
  return { value, error };
}

/** log(sum of exp(l_i)) as m + log(sum of exp(l_i - m)) with m the largest, so no exp leaves the range; undefined for none. */
function logSumExp(parts: readonly SignedLog[], unitRoundoff: PreciseNumber): { value: PreciseNumber; error: PreciseNumber } | undefined {
  if (parts.length === 0) return undefined;
  const top = parts.reduce((m, p) => (p.value.gt(m) ? p.value : m), parts[0].value);
  const spread = parts.reduce((s, p) => s.plus(p.value.minus(top).exp()), top.times(0));
  const value = top.plus(spread.ln());
  const largestError = parts.reduce((m, p) => (p.error.gt(m) ? p.error : m), parts[0].error);
  const error = largestError.plus(unitRoundoff.times(parts.length + 4).times(top.abs().plus(spread.ln().abs()).plus(1)));
  return { value, error };
}
