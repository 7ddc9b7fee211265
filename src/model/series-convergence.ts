import type { PreciseNumber } from './functions.ts';

/**
 * When to stop summing a series, and a bound on what is left: the one rule the
 * double and the high-precision engines share. It reads the terms' magnitudes
 * only, as log10 |a_k| (so a Decimal far outside the doubles' range is read too).
 *
 * - Geometric decay: over the last WINDOW nonzero terms, and the last half of all
 *   of them, each is at most r <= 0.99 times the one before. The rest is then taken to be at most 10 |a_k| r / (1 - r),
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

/** How many nonzero terms in a row must show the same decay, at least. */
const WINDOW = 8;
/**
 * ... and over the last half of the nonzero terms seen: the decay must hold over the last half of
 * the series. A term that only dips, next to a root of its polynomial factor (the geometric
 * distribution's (1/p - (k - 1)/(1 - p))^2 p (1 - p)^(k - 1) near k = 1/p at p = 0.001, the Poisson's
 * (k - lam)^2 lam^k e^-lam / k! near k = lam), shrinks for a stretch of some fifth of the terms before
 * the root and grows again: over eight terms it looked geometric, and the series was stopped at a
 * quarter of its sum (a false refutation). An eighth was still inside the Poisson's stretch.
 */
const WINDOW_SHARE = 2;
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
  /**
   * @param minimumTerms terms read before the series may stop (default 0): one period of the slowest sine or cosine of
   * the index in its terms ({@link oscillationTerms}, from sineSlopes in affine-forms.ts). cos(k pi / 500) / k^2 shrinks faster than 0.99 a term from k = 1
   * to 249, where the cosine nears 0, and grows again past it: read as geometric, its sum was 1.6363 against 1.6351, and a
   * true step was refuted (probe 112).
   */
  constructor(private readonly minimumTerms = 0) {}

  /** Terms read, zeros included. */
  private read = 0;
  /** log10 |a_k| of every nonzero term, in order. */
  private readonly logs: number[] = [];
  /** How many pairs of neighbouring nonzero terms up to each one share a sign (prefix counts). */
  private readonly sameSigns: number[] = [0];
  private lastSign = 0;
  /** Indices k of logs whose step logs[k] - logs[k - 1] may still be the largest of the window, steps decreasing. */
  private readonly steepest: number[] = [];
  private head = 0;
  private zeros = 0;

  /**
   * Records the next term, as log10 of its magnitude (-Infinity for an exact 0)
   * and its sign, and whether the sum so far, of magnitude 10^logSum, may stop:
   * the rest is then below 10^(logSum + logRelative) or below 10^logAbsolute.
   */
  next(logTerm: number, sign: number, logSum: number, logRelative: number, logAbsolute: number, termsLeft = Infinity): SeriesStep {
    this.read++;
    const step = this.step(logTerm, sign, logSum, logRelative, logAbsolute, termsLeft);
    return step.kind === 'done' && this.read < this.minimumTerms ? { kind: 'more' } : step;
  }

  private step(logTerm: number, sign: number, logSum: number, logRelative: number, logAbsolute: number, termsLeft: number): SeriesStep {
    if (logTerm === -Infinity) {
      this.zeros++;
      return this.zeros >= ZERO_RUN ? { kind: 'done', logTail: -Infinity } : { kind: 'more' };
    }
    this.zeros = 0;
    const { logs, steepest } = this;
    const k = logs.length;
    logs.push(logTerm);
    this.sameSigns.push(this.sameSigns[k] + (k > 0 && sign === this.lastSign ? 1 : 0));
    this.lastSign = sign;
    if (k > 0) {
      const step = logTerm - logs[k - 1];
      while (steepest.length > this.head && logs[steepest[steepest.length - 1]] - logs[steepest[steepest.length - 1] - 1] <= step) steepest.pop();
      steepest.push(k);
    }
    const window = Math.max(WINDOW, Math.floor(logs.length / WINDOW_SHARE));
    if (logs.length <= window) return { kind: 'more' };
    // The steps of the window: from the term `window` before the last to the last.
    const first = k - window + 1;
    while (steepest[this.head] < first) this.head++;
    const worst = logs[steepest[this.head]] - logs[steepest[this.head] - 1];
    const alternating = this.sameSigns[k + 1] - this.sameSigns[first] === 0;
    const enough = Math.max(logSum + logRelative, logAbsolute);
    if (worst < 0) {
      // 10 |a_k| r / (1 - r) with r = 10^worst.
      const r = 10 ** worst;
      const logTail = logTerm + Math.log10((TAIL_MARGIN * r) / (1 - r));
      if (worst <= LOG_MAX_RATIO && logTail <= enough) return { kind: 'done', logTail };
    }
    // Whether the terms left could reach the tail wanted, at the rate of the last step: the window's worst step, from
    // where the terms began to shrink, said the Poisson's mass past its peak (ratios lam / k, falling) never would.
    // A rate that only worsens (1/k^2) is given up at once as before.
    const recent = logs[k] - logs[k - 1];
    // Shrinking faster than WINDOW terms before (lam / k past a Poisson's peak): no rate read now bounds the terms it needs.
    const improving = k > WINDOW && recent < logs[k - WINDOW] - logs[k - WINDOW - 1];
    if (recent < 0 && !improving) {
      const r = 10 ** recent;
      const logTail = logTerm + Math.log10((TAIL_MARGIN * r) / (1 - r));
      if ((logTail - enough) / -recent > termsLeft) return { kind: 'hopeless' };
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

/**
 * Terms a series must read before it may stop, where its terms hold sines or cosines of the index with the slopes
 * `slopes` (their values at the input read): one period of the slowest, 2 pi / w with w the slope's distance from the
 * nearest multiple of 2 pi (cos((2 pi - e) k) is cos(e k)), plus a window; 0 where there are none or each is constant.
 * Where a slope has no value, none (the terms have none either).
 */
export function oscillationTerms(slopes: readonly number[]): number {
  let terms = 0;
  for (const w of slopes) {
    if (!Number.isFinite(w)) continue;
    const turns = w / (2 * Math.PI);
    const apart = Math.abs(turns - Math.round(turns));
    // A multiple of 2 pi to the doubles' rounding is a constant factor (cos(2 pi k) is 1).
    if (apart <= 1e-12 * Math.max(1, Math.abs(turns))) continue;
    terms = Math.max(terms, Math.ceil(1 / apart) + WINDOW);
  }
  return terms;
}

/** The sines and cosines of the index a series' terms are read for, at most (oscillationTerms). */
export const MAX_SERIES_FREQUENCIES = 8;
