import type { PreciseConstructor, PreciseNumber } from './functions.ts';

/**
 * The gamma function and its family (log-gamma, digamma, polygamma), on doubles
 * and in arbitrary precision. Both use one method: shift the argument up by the
 * recurrence (gamma(x + 1) = x gamma(x)) until the asymptotic (Stirling) series
 * converges, and reflect arguments below 0 through sin(pi x), reduced exactly.
 *
 * lgamma and digamma cross 0 (lgamma at 1 and 2), so a bound relative to their
 * value cannot hold: the double versions come with an absolute error bound that
 * grows with the parts they cancel (`*Error`), and the precise versions add
 * digits until the cancellation is paid for.
 */

/** Thrown where the arbitrary-precision value cannot be had at reasonable cost: the input is then left unsettled. */
export class PrecisionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrecisionLimitError';
  }
}

const EPS = 2 ** -52;
const LOG_SQRT_2PI = 0.9189385332046728;
const SQRT_2PI = 2.5066282746310002;
const EULER_GAMMA = 0.5772156649015329;

/** Where the double series start: the argument is shifted up to at least this. */
const SHIFT_TO = 12;

/** B_2k / (2k (2k - 1)), k = 1..8: Stirling's series for log-gamma. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];
/** B_2k / 2k, k = 1..8: the asymptotic series of digamma. */
const DIGAMMA_SERIES = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160];
/** B_2k, k = 1..10, for the polygamma series. */
const BERNOULLI_EVEN = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798, -174611 / 330];
/** zeta(k), k = 2..29: the Taylor series of log-gamma at 1. */
const ZETA = [
  1.6449340668482264, 1.2020569031595943, 1.0823232337111382, 1.03692775514337, 1.0173430619844491, 1.0083492773819228,
  1.0040773561979443, 1.0020083928260822, 1.000994575127818, 1.0004941886041195, 1.000246086553308, 1.0001227133475785,
  1.0000612481350587, 1.000030588236307, 1.0000152822594087, 1.000007637197638, 1.000003817293265, 1.0000019082127166,
  1.0000009539620338, 1.0000004769329868, 1.0000002384505027, 1.000000119219926, 1.000000059608189, 1.0000000298035035,
  1.0000000149015548, 1.0000000074507118, 1.000000003725334, 1.0000000018626597,
];

/** The largest order of polygamma(n, x) supported: its series needs the argument above 2n + 12. */
export const MAX_POLYGAMMA_ORDER = 20;

/** Beyond this the shift in doubles would take too long; the value is then left to no one (NaN, unsettled). */
const MAX_DOUBLE_SHIFT = 1e6;

const isPole = (x: number) => x <= 0 && Number.isInteger(x);

/** sin(pi x) with x reduced exactly (x - round(x) has no rounding error), so it is accurate near every integer. */
function sinPi(x: number): number {
  const n = Math.round(x);
  const r = x - n;
  const s = Math.sin(Math.PI * r);
  return n % 2 === 0 ? s : -s;
}

/** cot(pi x), reduced as sinPi is (cot has period 1). */
function cotPi(x: number): number {
  const r = x - Math.round(x);
  return Math.cos(Math.PI * r) / Math.sin(Math.PI * r);
}

/** A value with the size of the parts it was computed from: the absolute error is a few ulps of `magnitude`. */
interface Valued {
  readonly value: number;
  readonly magnitude: number;
}

/** Stirling's correction sum_k B_2k / (2k (2k - 1) x^(2k - 1)), at x >= SHIFT_TO. */
function stirlingSeries(x: number): number {
  const inv2 = 1 / (x * x);
  let series = 0;
  let power = 1 / x;
  for (const c of STIRLING) {
    series += c * power;
    power *= inv2;
  }
  return series;
}

/** x shifted up by whole steps to at least SHIFT_TO, and the product x (x + 1) ... of the steps taken. */
function shiftedUp(x: number): { X: number; product: number } {
  let product = 1;
  let X = x;
  while (X < SHIFT_TO) {
    product *= X;
    X += 1;
  }
  return { X, product };
}

/** Stirling's series for log-gamma at x >= SHIFT_TO. */
function stirling(x: number): Valued {
  const series = stirlingSeries(x);
  const main = (x - 0.5) * Math.log(x);
  return { value: main - x + LOG_SQRT_2PI + series, magnitude: Math.abs(main) + x + LOG_SQRT_2PI + Math.abs(series) };
}

/** log-gamma at 1 + z, |z| <= 1/4, from its Taylor series (no cancellation near the zero at 1). */
function lgammaNearOne(z: number): number {
  let sum = 0;
  let power = -z;
  for (let k = 2; k <= 29; k++) {
    power *= -z;
    sum += (ZETA[k - 2] * power) / k;
  }
  return -EULER_GAMMA * z + sum;
}

/**
 * Below this |x| the functions are their poles' Laurent series: sin(pi x) of a
 * subnormal x is rounded to a few bits, and the reflection would carry that.
 */
const TINY = 1e-8;
/** gamma(x) = 1/x - g + (g^2 / 2 + pi^2 / 12) x + O(x^2), g Euler's constant. */
const GAMMA_LAURENT_1 = EULER_GAMMA ** 2 / 2 + Math.PI ** 2 / 12;

/** log |gamma(x)| with the size of its parts. */
function lgammaParts(x: number): Valued {
  if (Number.isNaN(x) || isPole(x)) return { value: NaN, magnitude: 0 };
  if (x === Infinity) return { value: Infinity, magnitude: 0 };
  if (Math.abs(x) < TINY) {
    // log |gamma(x)| = -log |x| - g x + (pi^2 / 12) x^2 + O(x^3).
    const log = -Math.log(Math.abs(x));
    return { value: log - EULER_GAMMA * x, magnitude: Math.abs(log) + Math.abs(x) };
  }
  if (x < 0) {
    if (x < -MAX_DOUBLE_SHIFT * 1e9) return { value: NaN, magnitude: 0 };
    // |gamma(x)| = pi / (|x| |sin(pi x)| gamma(-x)): -x is exact, 1 - x may not be.
    const reflected = lgammaParts(-x);
    const logX = Math.log(-x);
    const logSin = Math.log(Math.abs(sinPi(x)));
    return { value: Math.log(Math.PI) - logX - logSin - reflected.value, magnitude: 1.2 + Math.abs(logX) + Math.abs(logSin) + reflected.magnitude };
  }
  if (Math.abs(x - 1) <= 0.25) {
    const v = lgammaNearOne(x - 1);
    return { value: v, magnitude: Math.abs(v) };
  }
  if (Math.abs(x - 2) <= 0.25) {
    const z = x - 2;
    const a = Math.log1p(z);
    const b = lgammaNearOne(z);
    // log1p(z) and -0.58 z share a sign with their sum's (1 - 0.58) z: no cancellation.
    return { value: a + b, magnitude: Math.abs(a) + Math.abs(b) };
  }
  if (x >= SHIFT_TO) return stirling(x);
  const { X, product } = shiftedUp(x);
  const s = stirling(X);
  const logProduct = Math.log(product);
  return { value: s.value - logProduct, magnitude: s.magnitude + Math.abs(logProduct) };
}

/** log |gamma(x)|, the log of the gamma function's magnitude (scipy's gammaln, torch's lgamma). */
export function lgamma(x: number): number {
  return lgammaParts(x).value;
}

/** A bound on lgamma's absolute error at x, exact argument. */
export function lgammaError(x: number): number {
  return 16 * EPS * lgammaParts(x).magnitude;
}

/**
 * The gamma function. For x >= 12 as sqrt(2 pi / x) x^(x - 1/2) e^-x e^series with
 * x^((x - 1/2) / 2) taken twice (x^(x - 1/2) overflows before gamma does); below,
 * shifted up by the recurrence; below 0, reflected.
 */
export function gamma(x: number): number {
  if (Number.isNaN(x) || isPole(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x > 171.7) return Infinity;
  if (Math.abs(x) < TINY) return 1 / x - EULER_GAMMA + GAMMA_LAURENT_1 * x;
  if (x < 0) {
    if (x < -MAX_DOUBLE_SHIFT * 1e9) return NaN;
    // gamma(x) = -pi / (x sin(pi x) gamma(-x)), with -x exact.
    return -Math.PI / (x * sinPi(x) * gamma(-x));
  }
  if (Number.isInteger(x) && x <= 23) return factorialValue(x - 1);
  const { X, product } = shiftedUp(x);
  const half = Math.pow(X, (X - 0.5) / 2);
  const value = ((SQRT_2PI * half) * (half * Math.exp(-X))) * Math.exp(stirlingSeries(X));
  return value / product;
}

/**
 * 0! to 170! in doubles, each the rounded product of the one before and n, as a
 * loop would give it: a series reads a factorial per term, and a loop per term
 * made the terms of a Taylor series quadratic in their count.
 */
const FACTORIALS: readonly number[] = (() => {
  const table = [1];
  for (let i = 1; table[i - 1] * i < Infinity; i++) table.push(table[i - 1] * i);
  return table;
})();

/** n! in doubles (Infinity past 170) for a whole n >= 0: the gamma function at n + 1, and the factorial of the function table. */
export function factorialValue(n: number): number {
  if (!(n >= 2)) return 1;
  return n < FACTORIALS.length ? FACTORIALS[Math.floor(n)] : Infinity;
}

/** The digamma function psi = gamma' / gamma, with the size of its parts. */
function digammaParts(x: number): Valued {
  if (Number.isNaN(x) || isPole(x)) return { value: NaN, magnitude: 0 };
  if (x === Infinity) return { value: Infinity, magnitude: 0 };
  if (Math.abs(x) < TINY) {
    // psi(x) = -1/x - g + (pi^2 / 6) x + O(x^2).
    const pole = -1 / x;
    return { value: pole - EULER_GAMMA + (Math.PI ** 2 / 6) * x, magnitude: Math.abs(pole) + 1 };
  }
  if (x < 0) {
    if (x < -MAX_DOUBLE_SHIFT * 1e9) return { value: NaN, magnitude: 0 };
    // psi(x) = psi(-x) - 1/x - pi cot(pi x): psi(1 - x) - psi(x) = pi cot(pi x), and psi(1 - x) = psi(-x) - 1/x.
    const reflected = digammaParts(-x);
    const cot = Math.PI * cotPi(x);
    return { value: reflected.value - 1 / x - cot, magnitude: reflected.magnitude + Math.abs(1 / x) + Math.abs(cot) };
  }
  let shift = 0;
  let magnitude = 0;
  let X = x;
  while (X < SHIFT_TO) {
    shift += 1 / X;
    magnitude += 1 / X;
    X += 1;
  }
  const inv2 = 1 / (X * X);
  let series = 0;
  let power = inv2;
  for (const c of DIGAMMA_SERIES) {
    series += c * power;
    power *= inv2;
  }
  const log = Math.log(X);
  const asymptotic = log - 0.5 / X - series;
  return { value: asymptotic - shift, magnitude: magnitude + Math.abs(log) + 0.5 / X + Math.abs(series) };
}

export function digamma(x: number): number {
  return digammaParts(x).value;
}

export function digammaError(x: number): number {
  return 16 * EPS * digammaParts(x).magnitude;
}

/**
 * polygamma(n, x), the n-th derivative of digamma, for a whole n from 1 to
 * MAX_POLYGAMMA_ORDER: shifted up to 2n + 12 (down from below 0 likewise, as
 * far as MAX_DOUBLE_SHIFT), then the asymptotic series.
 */
function polygammaParts(n: number, x: number): Valued {
  if (n === 0) return digammaParts(x);
  if (!Number.isInteger(n) || n < 0 || n > MAX_POLYGAMMA_ORDER || Number.isNaN(x) || isPole(x)) return { value: NaN, magnitude: 0 };
  if (x === Infinity) return { value: 0, magnitude: 0 };
  if (x < -MAX_DOUBLE_SHIFT) return { value: NaN, magnitude: 0 };
  const nFactorial = factorialValue(n);
  const sign = n % 2 === 0 ? 1 : -1;
  const target = SHIFT_TO + 2 * n;
  let shift = 0;
  let magnitude = 0;
  let X = x;
  // psi_n(x) = psi_n(x + 1) - (-1)^n n! / x^(n + 1).
  while (X < target) {
    const term = (sign * nFactorial) / Math.pow(X, n + 1);
    shift += term;
    magnitude += Math.abs(term);
    X += 1;
  }
  // psi_n(X) ~ (-1)^(n+1) [ (n-1)! / X^n + n! / (2 X^(n+1)) + sum_k B_2k (2k + n - 1)! / ((2k)! X^(2k + n)) ].
  let series = factorialValue(n - 1) / Math.pow(X, n) + nFactorial / (2 * Math.pow(X, n + 1));
  // (2k + n - 1)! / (2k)!, at k = 1 (n + 1)! / 2.
  let coefficient = factorialValue(n + 1) / 2;
  let power = Math.pow(X, n + 2);
  for (let k = 1; k <= BERNOULLI_EVEN.length; k++) {
    series += (BERNOULLI_EVEN[k - 1] * coefficient) / power;
    coefficient *= ((2 * k + n) * (2 * k + n + 1)) / ((2 * k + 1) * (2 * k + 2));
    power *= X * X;
  }
  const asymptotic = -sign * series;
  return { value: asymptotic - shift, magnitude: magnitude + Math.abs(series) * 2 };
}

export function polygamma(n: number, x: number): number {
  return polygammaParts(n, x).value;
}

export function polygammaError(n: number, x: number): number {
  return 16 * (n + 2) * EPS * polygammaParts(n, x).magnitude;
}

// ---------------------------------------------------------------------------
// Arbitrary precision.

/** Beyond this many digits the Bernoulli table and the shift grow past any use: the input is left unsettled. */
const MAX_PRECISE_DIGITS = 400;
/**
 * ... except at an argument large enough for the series alone, no shift, at those digits: lgamma(1e100) needs 5 terms
 * at 960 digits, and Stirling's form with its 1/(12 y) term, off by a relative 1e-405 there, was verified (probe 89).
 */
const MAX_SERIES_DIGITS = 1000;

/** Whether `digits` digits are within reach at argument x: within MAX_PRECISE_DIGITS, or the series' own start. */
function reachable(digits: number, x: PreciseNumber, order = 0): boolean {
  return digits <= MAX_PRECISE_DIGITS || (digits <= MAX_SERIES_DIGITS && x.gte(seriesStart(digits, order)));
}
/** How many terms of an asymptotic series are summed at most. */
const SERIES_TERMS = 80;
/** Arguments below this are reflected (gamma, lgamma, digamma) or refused (polygamma) rather than shifted. */
const MAX_PRECISE_SHIFT = 20000;

let bernoulliCache: Array<[bigint, bigint]> = [];

/**
 * B_0 .. B_m (at least) as exact fractions, by the Akiyama-Tanigawa algorithm,
 * cached. The whole table the series can use is made at once: the algorithm
 * starts over for every length, and growing it two entries at a time cost a
 * second of bigint arithmetic.
 */
function bernoulli(m: number): ReadonlyArray<[bigint, bigint]> {
  if (bernoulliCache.length > m) return bernoulliCache;
  m = Math.max(m, 2 * SERIES_TERMS + 2);
  const out: Array<[bigint, bigint]> = [];
  const a: Array<[bigint, bigint]> = [];
  const gcd = (p: bigint, q: bigint): bigint => { p = p < 0n ? -p : p; while (q) [p, q] = [q, p % q]; return p; };
  const reduce = ([p, q]: [bigint, bigint]): [bigint, bigint] => { const g = gcd(p, q) || 1n; return q < 0n ? [-p / g, -q / g] : [p / g, q / g]; };
  for (let i = 0; i <= m; i++) {
    a[i] = [1n, BigInt(i + 1)];
    for (let j = i; j >= 1; j--) {
      const [p1, q1] = a[j - 1];
      const [p2, q2] = a[j];
      a[j - 1] = reduce([BigInt(j) * (p1 * q2 - p2 * q1), q1 * q2]);
    }
    out.push(a[0]);
  }
  // Akiyama-Tanigawa gives B_1 = +1/2; only even indices are used here.
  bernoulliCache = out;
  return out;
}

/** The Bernoulli number B_m (m even, or 0) as a fraction [numerator, denominator]. */
export function bernoulliNumber(m: number): readonly [bigint, bigint] {
  return bernoulli(m)[m];
}

const bernoulliDecimals = new Map<PreciseConstructor, PreciseNumber[]>();

/** B_2k in E's precision, cached per constructor. */
function bernoulliEven(E: PreciseConstructor, k: number): PreciseNumber {
  let table = bernoulliDecimals.get(E);
  if (table === undefined) bernoulliDecimals.set(E, table = []);
  let b = table[k];
  if (b === undefined) {
    const [p, q] = bernoulli(2 * k)[2 * k];
    b = table[k] = new E(p.toString()).div(q.toString());
  }
  return b;
}

const halfLogs = new Map<PreciseConstructor, PreciseNumber>();

function halfLog2Pi(E: PreciseConstructor): PreciseNumber {
  let v = halfLogs.get(E);
  if (v === undefined) halfLogs.set(E, v = piIn(E).times(2).ln().div(2));
  return v;
}

const pis = new Map<PreciseConstructor, PreciseNumber>();

/** pi in E's precision, cached per constructor. */
function piIn(E: PreciseConstructor): PreciseNumber {
  let pi = pis.get(E);
  if (pi === undefined) pis.set(E, pi = E.acos(-1));
  return pi;
}

const constructors = new Map<string, PreciseConstructor>();

/** A constructor like D with `digits` significant digits, cached. */
/** D's constructor at another number of digits (same exponent range), made once per digits. */
export function withDigits(D: PreciseConstructor, digits: number): PreciseConstructor {
  const key = `${digits}:${D.maxE}:${D.minE}`;
  let E = constructors.get(key);
  if (E === undefined) {
    E = D.clone({ precision: digits, rounding: D.ROUND_HALF_EVEN });
    constructors.set(key, E);
  }
  return E;
}

/**
 * The smallest argument from which SERIES_TERMS terms of an asymptotic series
 * reach `digits`: the first term left out, about 2 (2k)! / (2 pi X)^(2k) times
 * the growth `extra` of the polygamma coefficients, is below 10^-digits.
 */
function seriesStart(digits: number, order = 0): number {
  const k = SERIES_TERMS + 1;
  let logFactorial = 0;
  for (let i = 2; i <= 2 * k + order; i++) logFactorial += Math.log10(i);
  // log10 of the omitted term at X: log10(2) + log10((2k + n)!) - 2k log10(2 pi) - (2k + n - 1) log10(X).
  const needed = Math.log10(2) + logFactorial - 2 * k * Math.log10(2 * Math.PI) + digits;
  return Math.max(20 + 2 * order, Math.ceil(10 ** (needed / (2 * k + order - 1))));
}

/** Runs `compute` at `digits + guard`, adding digits while the result lost more than it kept to cancellation. */
function withCancellation(D: PreciseConstructor, compute: (E: PreciseConstructor) => { value: PreciseNumber; magnitude: PreciseNumber },
  within: (digits: number) => boolean = (digits) => digits <= MAX_PRECISE_DIGITS): PreciseNumber {
  let guard = 20;
  for (;;) {
    if (!within(D.precision + guard)) throw new PrecisionLimitError(`the gamma family in more than ${MAX_PRECISE_DIGITS} digits`);
    const E = withDigits(D, D.precision + guard);
    const { value, magnitude } = compute(E);
    if (value.isNaN() || !value.isFinite() || value.isZero()) return new D(value);
    // Digits lost: how far the parts are above their sum.
    const lost = magnitude.isZero() ? 0 : Math.max(0, magnitude.div(value.abs()).log(10).toNumber());
    if (lost + 10 <= guard) return new D(value).toSignificantDigits(D.precision);
    guard = Math.ceil(lost) + 20;
  }
}

function isPrecisePole(x: PreciseNumber): boolean {
  return x.isInteger() && x.lte(0);
}

/** sin(pi x) with x reduced exactly by its nearest integer. */
function preciseSinPi(E: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  const n = x.round();
  const r = x.minus(n);
  const s = piIn(E).times(r).sin();
  return n.mod(2).isZero() ? s : s.neg();
}

function preciseCotPi(E: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  const r = x.minus(x.round());
  const angle = piIn(E).times(r);
  return angle.cos().div(angle.sin());
}

/** Stirling's series at X (large): log gamma(X) and its parts' size. */
function preciseStirling(E: PreciseConstructor, X: PreciseNumber): { value: PreciseNumber; magnitude: PreciseNumber } {
  const tolerance = new E(10).pow(-E.precision - 5);
  const main = X.minus(0.5).times(X.ln());
  let value = main.minus(X).plus(halfLog2Pi(E));
  const inv2 = new E(1).div(X.times(X));
  let power = new E(1).div(X);
  for (let k = 1; k <= SERIES_TERMS; k++) {
    const term = bernoulliEven(E, k).div(2 * k * (2 * k - 1)).times(power);
    value = value.plus(term);
    if (term.abs().lt(tolerance)) break;
    power = power.times(inv2);
  }
  return { value, magnitude: main.abs().plus(X) };
}

/** log |gamma(x)| in precision D.precision. */
export function preciseLgamma(D: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN() || isPrecisePole(x)) return new D(NaN);
  if (x.eq(1) || x.eq(2)) return new D(0);
  return withCancellation(D, (E) => lgammaIn(E, new E(x)), (digits) => reachable(digits, x));
}

function lgammaIn(E: PreciseConstructor, x: PreciseNumber): { value: PreciseNumber; magnitude: PreciseNumber } {
  if (x.isNeg()) {
    if (x.lt(-1e15)) throw new PrecisionLimitError('lgamma of an argument below -1e15');
    // log |gamma(x)| = log pi - log |x| - log |sin(pi x)| - log gamma(-x).
    const reflected = lgammaIn(E, x.neg());
    const logX = x.abs().ln();
    const logSin = preciseSinPi(E, x).abs().ln();
    return { value: piIn(E).ln().minus(logX).minus(logSin).minus(reflected.value), magnitude: reflected.magnitude.plus(logX.abs()).plus(logSin.abs()).plus(2) };
  }
  const start = seriesStart(E.precision);
  if (x.gte(start)) return preciseStirling(E, x);
  let product = new E(1);
  let X = x;
  while (X.lt(start)) {
    product = product.times(X);
    X = X.plus(1);
  }
  const s = preciseStirling(E, X);
  const logProduct = product.ln();
  return { value: s.value.minus(logProduct), magnitude: s.magnitude.plus(logProduct.abs()) };
}

/** gamma(x) in precision D.precision. */
export function preciseGamma(D: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  if (x.isNaN() || isPrecisePole(x)) return new D(NaN);
  if (x.isInteger() && x.lte(1000)) {
    let r = new D(1);
    for (let i = 2; i < x.toNumber(); i++) r = r.times(i);
    return r;
  }
  // exp(L) loses as many digits as L has before the point: pay them up front.
  const size = Math.abs(x.toNumber());
  const extra = Math.ceil(Math.log10(2 + size * Math.log(2 + size))) + 20;
  if (!reachable(D.precision + extra, x)) throw new PrecisionLimitError('gamma in too many digits');
  const E = withDigits(D, D.precision + extra);
  const X = new E(x);
  if (X.isNeg()) {
    if (X.lt(-1e15)) throw new PrecisionLimitError('gamma of an argument below -1e15');
    // gamma(x) = -pi / (x sin(pi x) gamma(-x)).
    const reflected = lgammaIn(E, X.neg()).value.exp();
    return new D(piIn(E).neg().div(X.times(preciseSinPi(E, X)).times(reflected))).toSignificantDigits(D.precision);
  }
  const logGamma = lgammaIn(E, X).value;
  return new D(logGamma.exp()).toSignificantDigits(D.precision);
}

/** digamma(x) in precision D.precision. */
export function preciseDigamma(D: PreciseConstructor, x: PreciseNumber): PreciseNumber {
  return precisePolygamma(D, new D(0), x);
}

/** polygamma(n, x) in precision D.precision, for a whole n from 0 (digamma) to MAX_POLYGAMMA_ORDER. */
export function precisePolygamma(D: PreciseConstructor, n: PreciseNumber, x: PreciseNumber): PreciseNumber {
  if (x.isNaN() || n.isNaN() || !n.isInteger() || n.isNeg() || n.gt(MAX_POLYGAMMA_ORDER) || isPrecisePole(x)) return new D(NaN);
  const order = n.toNumber();
  return withCancellation(D, (E) => polygammaIn(E, order, new E(x)), (digits) => reachable(digits, x, order));
}

function polygammaIn(E: PreciseConstructor, n: number, x: PreciseNumber): { value: PreciseNumber; magnitude: PreciseNumber } {
  if (n === 0 && x.isNeg()) {
    if (x.lt(-1e15)) throw new PrecisionLimitError('digamma of an argument below -1e15');
    // psi(x) = psi(-x) - 1/x - pi cot(pi x).
    const reflected = polygammaIn(E, 0, x.neg());
    const inverse = new E(1).div(x);
    const cot = piIn(E).times(preciseCotPi(E, x));
    return { value: reflected.value.minus(inverse).minus(cot), magnitude: reflected.magnitude.plus(inverse.abs()).plus(cot.abs()) };
  }
  if (x.lt(-MAX_PRECISE_SHIFT)) throw new PrecisionLimitError(`polygamma of an argument below ${-MAX_PRECISE_SHIFT}`);
  let nFactorial = new E(1);
  for (let i = 2; i <= n; i++) nFactorial = nFactorial.times(i);
  const sign = n % 2 === 0 ? 1 : -1;
  const start = seriesStart(E.precision, n);
  let shift = new E(0);
  let magnitude = new E(0);
  let X = x;
  while (X.lt(start)) {
    // psi_n(x) = psi_n(x + 1) - (-1)^n n! / x^(n + 1).
    const term = n === 0 ? new E(1).div(X) : nFactorial.times(sign).div(X.pow(n + 1));
    shift = shift.plus(term);
    magnitude = magnitude.plus(term.abs());
    X = X.plus(1);
  }
  const tolerance = new E(10).pow(-E.precision - 5);
  const inv2 = new E(1).div(X.times(X));
  let series: PreciseNumber;
  if (n === 0) {
    // psi(X) ~ log X - 1/(2X) - sum_k B_2k / (2k X^2k).
    series = X.ln().minus(new E(0.5).div(X));
    let power = inv2;
    for (let k = 1; k <= SERIES_TERMS; k++) {
      const term = bernoulliEven(E, k).div(2 * k).times(power);
      series = series.minus(term);
      if (term.abs().lt(tolerance)) break;
      power = power.times(inv2);
    }
    return { value: series.minus(shift), magnitude: magnitude.plus(series.abs()).plus(X.ln()) };
  }
  // psi_n(X) ~ (-1)^(n+1) [ (n-1)! / X^n + n! / (2 X^(n+1)) + sum_k B_2k (2k + n - 1)! / ((2k)! X^(2k + n)) ].
  let sum = nFactorial.div(n).div(X.pow(n)).plus(nFactorial.div(X.pow(n + 1).times(2)));
  let coefficient = nFactorial.times(n + 1).div(2); // (n + 1)! / 2!
  let power = X.pow(n + 2);
  for (let k = 1; k <= SERIES_TERMS; k++) {
    const term = bernoulliEven(E, k).times(coefficient).div(power);
    sum = sum.plus(term);
    if (term.abs().lt(tolerance.times(sum.abs()))) break;
    coefficient = coefficient.times((2 * k + n) * (2 * k + n + 1)).div((2 * k + 1) * (2 * k + 2));
    power = power.times(X).times(X);
  }
  const asymptotic = sign === 1 ? sum.neg() : sum;
  return { value: asymptotic.minus(shift), magnitude: magnitude.plus(sum.abs()) };
}
