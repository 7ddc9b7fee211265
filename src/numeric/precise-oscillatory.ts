import { Decimal } from 'decimal.js';
import { preciseIntegrate, type PreciseIntegrand, type PreciseQuadrature } from './precise-quadrature.ts';

/**
 * An integral over a half-line of an integrand that oscillates as it decays, in 60
 * digits: Dirichlet's `sin(t) / t` from 0, `(1 - cos t) / t^2`, `sin(a t) / (t (1 + t^2))`.
 * The double-exponential rule's nodes spread out past the oscillation and never
 * settle such an integral. Here it is integrated over pieces of half a period of
 * its fastest sine or cosine (pi / w), each a finite integral the rule settles, and
 * the partial sums S_1, ..., S_n are extrapolated by Levin's u-transform, which
 * takes a sum whose terms alternate and shrink as a power of n (sin(t) / t's pieces
 * go as 2 / (n pi)), or keep one sign and shrink so ((sin(t) / t)^2: 1 / n^2), to
 * its limit within a few dozen terms.
 *
 * Only where the pieces shrink: the last piece at most {@link SHRINKING} of the
 * one halfway, so an integral that does not converge (`sin(t)` alone, whose pieces
 * are all 2, and which an extrapolation would sum to 1, its Abel sum; `sin(t)^2 / t`,
 * whose pieces keep one sign and go as 1 / n) has no value
 * here. The estimate with all the pieces must agree with the one without the last
 * two to {@link AGREED} of the integral's scale; their difference, times
 * {@link ERROR_MARGIN}, is the error bound, with the pieces' own. Used only where
 * the rule alone did not settle.
 */

const D = Decimal.clone({ precision: 70 });
/** Half-periods integrated, at most: an even number, for the even columns of the epsilon table. */
const PIECES = 24;
/** The last piece at most this part of the one halfway: the pieces shrink (sin(t) / t: 1/2; t^-0.1 sin t: 0.93, left alone). */
const SHRINKING = new D('0.75');
/** ... and where they keep one sign, faster than 1 / n (at most 2^-1.5 of it): (sin(t) / t)^2 goes as 1 / n^2, 1/4. */
const SHRINKING_OF_ONE_SIGN = new D('0.35');
/** The two extrapolations must agree to this part of the integral of |f| over the pieces: (sin(t) / t)^2, whose pieces keep one sign, to 2e-21. */
const AGREED = new D('1e-18');
/** Their difference times this is the extrapolation's error bound. */
const ERROR_MARGIN = 10;

/**
 * The integral of f from `from` over a half-line (`side` 1: to Infinity; -1: from -Infinity to it), whose fastest
 * sine or cosine has slope w, so half a period is pi / w; 'unsettled' where the pieces do not shrink or the
 * extrapolations do not agree.
 */
export function oscillatoryIntegrate(f: PreciseIntegrand, from: Decimal, side: 1 | -1, halfPeriod: Decimal): PreciseQuadrature {
  from = new D(from);
  if (!halfPeriod.isFinite() || !halfPeriod.gt(0)) return 'unsettled';
  const partial: Decimal[] = [];
  const sizes: Decimal[] = [];
  const pieces: Decimal[] = [];
  let sum = new D(0);
  let error = new D(0);
  let scale = new D(0);
  for (let k = 0; k < PIECES; k++) {
    const a = from.plus(halfPeriod.times(k).times(side));
    const b = from.plus(halfPeriod.times(k + 1).times(side));
    const piece = side > 0 ? preciseIntegrate(f, a, b) : preciseIntegrate(f, b, a);
    if (piece === 'unsettled' || piece.value.isNaN()) return piece;
    sum = sum.plus(piece.value);
    error = error.plus(piece.error);
    scale = scale.plus(piece.value.abs());
    partial.push(sum);
    pieces.push(piece.value);
    sizes.push(piece.value.abs());
  }
  // Pieces of one sign must shrink faster than 1 / n, whose sum diverges (sin(t)^2 / t); alternating ones need only shrink.
  const last = sizes[PIECES - 1];
  const oneSign = pieces.every((v) => v.isNeg() === pieces[0].isNeg());
  if (last.gt(sizes[PIECES / 2 - 1].times(oneSign ? SHRINKING_OF_ONE_SIGN : SHRINKING))) return 'unsettled';
  const all = levinU(partial);
  const fewer = levinU(partial.slice(0, PIECES - 2));
  if (all === undefined || fewer === undefined) return 'unsettled';
  const change = all.minus(fewer).abs();
  if (change.gt(scale.times(AGREED))) return 'unsettled';
  return { value: all, error: error.plus(change.times(ERROR_MARGIN)) };
}

/**
 * The limit of a series from its partial sums S_0, ..., S_k by Levin's u-transform (beta = 1): a weighted sum of
 * S_j / w_j over one of 1 / w_j, with w_j = (j + 1) a_j, a_j the j-th term. It sums series whose terms alternate and
 * shrink as a power of j, and those whose terms keep one sign and shrink as one, past a few dozen terms. Undefined
 * where a term is 0 (w_j has no inverse) or the weights cancel.
 */
function levinU(s: readonly Decimal[]): Decimal | undefined {
  const k = s.length - 1;
  let numerator = new D(0);
  let denominator = new D(0);
  let binomial = new D(1);
  for (let j = 0; j <= k; j++) {
    const term = j === 0 ? s[0] : s[j].minus(s[j - 1]);
    if (term.isZero()) return undefined;
    const w = term.times(j + 1);
    const weight = binomial.times(new D(j + 1).div(k + 1).pow(k - 1)).div(w).times(j % 2 === 0 ? 1 : -1);
    numerator = numerator.plus(weight.times(s[j]));
    denominator = denominator.plus(weight);
    binomial = binomial.times(k - j).div(j + 1);
  }
  if (denominator.isZero()) return undefined;
  const value = numerator.div(denominator);
  return value.isFinite() ? value : undefined;
}
