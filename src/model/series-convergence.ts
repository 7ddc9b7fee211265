import type { PreciseNumber } from './functions.ts';

/**
 * When to stop summing a series, and a bound on what is left: the one rule the
 * double and the high-precision engines share. It reads the terms' magnitudes
 * only, as log10 |a_k| (so a Decimal far outside the doubles' range is read too).
 *
 * - Geometric decay: over the last WINDOW nonzero terms each is at most r <= 0.99
 *   times the one before. The rest is then taken to be at most 10 |a_k| r / (1 - r),
 *   as for a power series past its largest term (x^k / k!, the binomial series);
 *   the 10 covers ratios that still creep up (1/k^40 near k = 40). Where r is so
 *   close to 1 that the terms left would not reach that (x^k at x = 0.9999, 1/k^2),
 *   the series is given up at once rather than at the cap.
 * - Alternating decay: the last WINDOW nonzero terms alternate in sign and shrink.
 *   Leibniz bounds the rest by the last term.
 * - Exact zeros: ZERO_RUN terms in a row that are exactly 0 (x = 0 in a power
 *   series) end it.
 *
 * These are read from the terms seen, not proved for all k: a series whose terms
 * shrink geometrically for a while and then grow again would be cut short. Where
 * neither holds within the cap (1/k^2, a slowly convergent or divergent series)
 * the value is not decided: the input is unsettled, never "no value".
 */

/** How many nonzero terms in a row must show the same decay. */
const WINDOW = 8;
/** The largest ratio of successive terms taken as geometric decay. */
const MAX_RATIO = 0.99;
/** The tail bound's margin over the geometric one. */
const TAIL_MARGIN = 10;
const LOG_MAX_RATIO = Math.log10(MAX_RATIO);
/** Exact zeros in a row that end a series. */
const ZERO_RUN = 64;

export type SeriesStep =
  | { readonly kind: 'more' }
  /** The terms shrink too slowly to be summed within the terms left: undecided. */
  | { readonly kind: 'hopeless' }
  /** Stop: the rest is at most 10^logTail in magnitude (-Infinity: nothing). */
  | { readonly kind: 'done'; readonly logTail: number };

export class SeriesConvergence {
  private readonly logs: number[] = [];
  private readonly signs: number[] = [];
  private zeros = 0;

  /**
   * Records the next term, as log10 of its magnitude (-Infinity for an exact 0)
   * and its sign, and whether the sum so far, of magnitude 10^logSum, may stop:
   * the rest is then below 10^(logSum + logRelative) or below 10^logAbsolute.
   */
  next(logTerm: number, sign: number, logSum: number, logRelative: number, logAbsolute: number, termsLeft = Infinity): SeriesStep {
    if (logTerm === -Infinity) {
      this.zeros++;
      return this.zeros >= ZERO_RUN ? { kind: 'done', logTail: -Infinity } : { kind: 'more' };
    }
    this.zeros = 0;
    this.logs.push(logTerm);
    this.signs.push(sign);
    if (this.logs.length > WINDOW + 1) {
      this.logs.shift();
      this.signs.shift();
    }
    if (this.logs.length <= WINDOW) return { kind: 'more' };
    const enough = Math.max(logSum + logRelative, logAbsolute);
    let worst = -Infinity;
    let alternating = true;
    for (let i = 1; i < this.logs.length; i++) {
      worst = Math.max(worst, this.logs[i] - this.logs[i - 1]);
      if (this.signs[i] === this.signs[i - 1]) alternating = false;
    }
    if (worst < 0) {
      // 10 |a_k| r / (1 - r) with r = 10^worst; at r above MAX_RATIO only to see whether the terms left could reach it.
      const r = 10 ** worst;
      const logTail = logTerm + Math.log10((TAIL_MARGIN * r) / (1 - r));
      if (worst <= LOG_MAX_RATIO && logTail <= enough) return { kind: 'done', logTail };
      if ((logTail - enough) / -worst > termsLeft) return { kind: 'hopeless' };
    }
    if (alternating && worst < 0) return logTerm <= enough ? { kind: 'done', logTail: logTerm } : { kind: 'more' };
    return { kind: 'more' };
  }
}

/** The most terms summed in double precision before a series is left undecided. */
export const MAX_SERIES_TERMS = 20_000;
/** The most terms summed in high precision. */
export const MAX_PRECISE_SERIES_TERMS = 2_000;

/** log10 |x| of a nonzero decimal, to a few digits, for any exponent (as a double it would overflow). */
export function log10Magnitude(x: PreciseNumber): number {
  const [mantissa, exponent] = x.abs().toExponential(6).split('e');
  return Math.log10(Number(mantissa)) + Number(exponent);
}
