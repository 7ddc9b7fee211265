import { erfcFractionFixed, erfSeriesFixed } from './fixed-point-erf.ts';
import type { PreciseConstructor, PreciseNumber } from './functions.ts';

/**
 * The error function and the standard normal distribution, in double precision
 * and in arbitrary precision.
 *
 * Doubles: W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969;
 * the SPECFUN routine CALERF), whose relative error is near the double's unit
 * round-off. The numeric engine bounds a function's own error by 2 ulps, so the
 * value must be that good: a cruder approximation (Abramowitz-Stegun 7.1.26, 1e-7)
 * would make a true step look refuted. test/model/special-functions.test.ts
 * measures the worst relative error against the 60-digit values below.
 */

const A = [3.16112374387056560e0, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const B = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
const C = [
  5.64188496988670089e-1, 8.88314979438837594e0, 6.61191906371416295e1, 2.98635138197400131e2, 8.81952221241769090e2,
  1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
];
const D = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3,
  4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
];
const P = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
const Q = [2.56852019228982242e0, 1.87295284992346047e0, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

/** 1 / sqrt(pi). */
const ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
/** erfc underflows to 0 beyond this. */
const ERFC_UNDERFLOW = 26.543;

/** erf(y) for |y| <= 0.46875: a rational function of y^2. */
function erfSmall(y: number): number {
  const z = y * y;
  let num = A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * z;
    den = (den + B[i]) * z;
  }
  return (y * (num + A[3])) / (den + B[3]);
}

/**
 * exp(-y^2) without the error of rounding y^2: y^2 is split as ysq^2 + del with
 * ysq = y rounded down to sixteenths (exactly representable), as Cody does.
 */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/** erfc(y) for y > 0.46875. */
function erfcPositive(y: number): number {
  if (y >= ERFC_UNDERFLOW) return 0;
  let result: number;
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    result = (num + C[7]) / (den + D[7]);
  } else {
    const z = 1 / (y * y);
    let num = P[5] * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * z;
      den = (den + Q[i]) * z;
    }
    result = (z * (num + P[4])) / (den + Q[4]);
    result = (ONE_OVER_SQRT_PI - result) / y;
  }
  return expMinusSquare(y) * result;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const r = 0.5 - erfcPositive(y) + 0.5;
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const r = erfcPositive(y);
  return x < 0 ? 2 - r : r;
}

/** sqrt(1/2) split in two doubles: hi + lo is sqrt(1/2) to about 32 digits. */
const SQRT_HALF_HI = Math.SQRT1_2;
const SQRT_HALF_LO = -4.833646656726457e-17;
const SPLITTER = 134217729; // 2^27 + 1, Dekker's split

/** x * sqrt(1/2) as hi + lo (Dekker's exact product, plus the constant's own low part). */
function timesSqrtHalf(x: number): [number, number] {
  const hi = x * SQRT_HALF_HI;
  const split = (a: number): [number, number] => { const c = SPLITTER * a; const h = c - (c - a); return [h, a - h]; };
  const [xh, xl] = split(x);
  const [ch, cl] = split(SQRT_HALF_HI);
  const err = ((xh * ch - hi) + xh * cl + xl * ch) + xl * cl;
  return [hi, err + x * SQRT_HALF_LO];
}

/**
 * The standard normal CDF, Phi(x) = erfc(-x / sqrt 2) / 2. The argument -x / sqrt 2
 * is rounded, and erfc magnifies a relative error of its argument by 2 y^2 (1e3
 * in the far tail), so the rounding is corrected to first order from the exact
 * low part of the product: erfc(y + d) = erfc(y) - d 2/sqrt(pi) exp(-y^2).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < 0.6) return 0.5 + 0.5 * erf(x * Math.SQRT1_2);
  const [hi, lo] = timesSqrtHalf(-x);
  const value = erfc(hi) - lo * 2 * ONE_OVER_SQRT_PI * expMinusSquare(Math.abs(hi));
  return 0.5 * value;
}

/** 1 / sqrt(2 pi). */
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/** The standard normal density, exp(-x^2 / 2) / sqrt(2 pi); exp(-x^2 / 2) split as in {@link expMinusSquare}. */
export function normalPdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * ysq * ysq) * Math.exp(-0.5 * del);
}

/**
 * erf in arbitrary precision. For |x| <= 10 the series
 * erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1)),
 * whose terms are all positive (no cancellation); beyond, 1 - erfc(x) from the
 * continued fraction. Guard digits cover exp(-x^2) and the series' length.
 */
export function preciseErf(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN()) return new Dec(NaN);
  if (x.isZero()) return new Dec(0);
  if (x.abs().gt(CONTINUED_FRACTION_FROM)) {
    const tail = preciseErfcPositive(Dec, x.abs());
    const r = new Dec(1).minus(tail);
    return x.isNeg() ? r.neg() : r;
  }
  return erfSeries(Dec, x);
}

export function preciseErfc(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN()) return new Dec(NaN);
  if (x.gt(CONTINUED_FRACTION_FROM)) return preciseErfcPositive(Dec, x);
  if (x.gte(0)) {
    // 1 - erf(x) loses up to x^2 / ln 10 digits: compute erf with that many more.
    const extra = Math.ceil(x.toNumber() ** 2 / Math.LN10) + 10;
    const Wide = Dec.clone({ precision: Dec.precision + extra });
    return new Dec(new Wide(1).minus(erfSeries(Wide, new Wide(x))));
  }
  return new Dec(1).minus(preciseErf(Dec, x));
}

/** sqrt(pi) at a precision, computed once per precision (acos(-1) at 80 digits costs milliseconds). */
const SQRT_PI = new Map<number, PreciseNumber>();
function sqrtPi(Dec: PreciseConstructor): PreciseNumber {
  let value = SQRT_PI.get(Dec.precision);
  if (value === undefined) {
    value = Dec.acos(-1).sqrt();
    SQRT_PI.set(Dec.precision, value);
  }
  return new Dec(value);
}

function erfSeries(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  const fixed = erfSeriesFixed(x, Dec);
  if (fixed !== undefined) return fixed;
  const Wide = Dec.clone({ precision: Dec.precision + 20 });
  const y = new Wide(x);
  const y2 = y.times(y);
  const twoY2 = y2.times(2);
  let term = new Wide(y);
  let sum = new Wide(y);
  const epsilon = new Wide(10).pow(-(Dec.precision + 15));
  for (let n = 1; n < 100000; n++) {
    term = term.times(twoY2).div(2 * n + 1);
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().times(epsilon))) break;
  }
  return new Dec(sum.times(y2.neg().exp()).times(2).div(sqrtPi(Wide)));
}

/**
 * erfc(x) for x > 10 by the continued fraction
 * erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
 * evaluated backwards at a depth doubled until two depths agree.
 */
function preciseErfcPositive(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  const fixed = erfcFractionFixed(x, Dec);
  if (fixed !== undefined) return fixed;
  const Wide = Dec.clone({ precision: Dec.precision + 20 });
  const y = new Wide(x);
  const fraction = (depth: number): PreciseNumber => {
    let t = new Wide(y);
    for (let k = depth; k >= 1; k--) t = y.plus(new Wide(k).div(2).div(t));
    return new Wide(1).div(t);
  };
  let previous = fraction(32);
  const epsilon = new Wide(10).pow(-(Dec.precision + 10));
  for (let depth = 64; depth <= 1 << 16; depth *= 2) {
    const next = fraction(depth);
    if (next.minus(previous).abs().lte(next.abs().times(epsilon))) { previous = next; break; }
    previous = next;
  }
  return new Dec(previous.times(y.times(y).neg().exp()).div(sqrtPi(Wide)));
}

/** Where the continued fraction converges in a few hundred terms at 60 digits; below, the series is cheaper. */
const CONTINUED_FRACTION_FROM = 10;

/** Phi(x) = erfc(-x / sqrt 2) / 2, in arbitrary precision. */
export function preciseNormalCdf(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN()) return new Dec(NaN);
  const Wide = Dec.clone({ precision: Dec.precision + 10 });
  const arg = new Wide(x).neg().div(new Wide(2).sqrt());
  return new Dec(preciseErfc(Wide, arg).div(2));
}

/**
 * Phi(x) / phi(x), the Mills ratio of -x, in arbitrary precision. Past x = -{@link MILLS_SERIES_FROM} both underflow
 * any reading (phi(-1e13) is exp(-5e25)), and the ratio is its asymptotic series (1/y) sum_k (-1)^k (2k - 1)!! / y^(2k),
 * y = -x: alternating, its terms shrinking while 2k + 1 < y^2, so the sum is within its first term left out. The
 * inverse Mills ratio phi(z) / Phi(z) > -z + 1e-12, false below z = -1e12, had no value there (probe 91).
 */
export function preciseNormalMillsRatio(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN()) return new Dec(NaN);
  const Wide = Dec.clone({ precision: Dec.precision + 10 });
  if (new Wide(x).gt(-MILLS_SERIES_FROM)) return new Dec(preciseNormalCdf(Wide, x).div(preciseNormalPdf(Wide, x)));
  const y = new Wide(x).neg();
  const y2 = y.times(y);
  const epsilon = new Wide(10).pow(-(Dec.precision + 5));
  let term = new Wide(1);
  let sum = new Wide(1);
  for (let k = 1; k <= MILLS_SERIES_TERMS; k++) {
    term = term.times(2 * k - 1).div(y2).neg();
    sum = sum.plus(term);
    if (term.abs().lt(epsilon)) return new Dec(sum.div(y));
  }
  return new Dec(NaN);
}

/** Where the Mills ratio is read by its series: y^2 = 1e8, some 8 terms for 60 digits; above, Phi and phi have values. */
const MILLS_SERIES_FROM = 10_000;
/** Terms of the Mills ratio's series at most (never near, past {@link MILLS_SERIES_FROM}). */
const MILLS_SERIES_TERMS = 1000;

/** phi(x) = exp(-x^2 / 2) / sqrt(2 pi), in arbitrary precision. */
export function preciseNormalPdf(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN()) return new Dec(NaN);
  const Wide = Dec.clone({ precision: Dec.precision + 10 });
  const y = new Wide(x);
  return new Dec(y.times(y).div(-2).exp().div(sqrtPi(Wide).times(new Wide(2).sqrt())));
}

/**
 * The inverse error function on (-1, 1), no value outside: Giles' approximation
 * (2010) as a start, then Newton steps on erf, or on erfc where |x| > 1/2 so that
 * 1 - |x|, exact there in doubles (Sterbenz), carries the tail without cancellation.
 */
export function erfinv(x: number): number {
  if (!(x > -1 && x < 1)) return NaN;
  if (x === 0) return 0;
  const a = Math.abs(x);
  let w = -Math.log((1 - a) * (1 + a));
  let p: number;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-08;
    for (const c of [3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * w;
  } else {
    w = Math.sqrt(w) - 3;
    p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * w;
  }
  let y = p * a;
  const tail = 1 - a;
  for (let step = 0; step < 4; step++) {
    const slope = 2 * ONE_OVER_SQRT_PI * Math.exp(-y * y);
    if (slope === 0) break;
    const next = a > 0.5 ? y + (erfc(y) - tail) / slope : y - (erf(y) - a) / slope;
    if (next === y || !Number.isFinite(next)) break;
    y = next;
  }
  return x < 0 ? -y : y;
}

/**
 * erfinv in arbitrary precision: Newton steps on erf (or erfc past 1/2) at the working
 * digits from the double's value, or from sqrt(-log(1 - |x|)) where the double is
 * infinite (x within 1e-16 of 1); each step doubles the digits.
 */
export function preciseErfinv(Dec: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN() || x.abs().gte(1)) return new Dec(NaN);
  if (x.isZero()) return new Dec(0);
  const Wide = Dec.clone({ precision: Dec.precision + 10 });
  const a = new Wide(x).abs();
  const tail = new Wide(1).minus(a);
  const start = erfinv(a.toNumber());
  let y = Number.isFinite(start) && start < 26 ? new Wide(start) : tail.ln().neg().sqrt();
  const twoOverSqrtPi = new Wide(2).div(sqrtPi(Wide));
  const epsilon = new Wide(10).pow(-(Wide.precision - 2));
  for (let step = 0; step < 200; step++) {
    const slope = twoOverSqrtPi.times(y.times(y).neg().exp());
    const residual = a.gt(0.5) ? preciseErfc(Wide, y).minus(tail).neg() : preciseErf(Wide, y).minus(a);
    const next = y.minus(residual.div(slope));
    const moved = next.minus(y).abs();
    y = next;
    if (moved.lte(epsilon.times(y.abs()))) break;
  }
  const r = new Dec(y);
  return x.isNeg() ? r.neg() : r;
}
