import type { Decimal } from 'decimal.js';
import { digamma, digammaError, factorialValue, gamma, PrecisionLimitError, lgamma, lgammaError, polygamma, polygammaError, preciseDigamma, preciseGamma, preciseLgamma, precisePolygamma, withDigits } from './gamma-function.ts';
import { fastExp } from './fixed-point-exp.ts';
import { fastAsin, fastAtan, fastCos, fastExpAnyDigits, fastLn, fastSin } from './fixed-point-elementary.ts';
import { erf, erfc, erfinv, normalCdf, normalPdf, preciseErf, preciseErfc, preciseErfinv, preciseNormalCdf, preciseNormalPdf } from './error-function.ts';
import { add, div, fn, mul, neg, num, pow, sub } from './term-builders.ts';
import type { FunctionName, Term } from './term.ts';

/**
 * The arbitrary-precision numbers every high-precision evaluator uses (decimal.js):
 * `D` is a Decimal constructor set to the evaluation's precision, so one rule
 * serves 60 digits and any adaptive precision alike.
 */
export type PreciseNumber = Decimal;
export type PreciseConstructor = typeof Decimal;

/**
 * Everything derivcheck knows about a function, in one entry: how many
 * arguments, its value on doubles, its partial derivatives as terms, and whether
 * it has kinks. Adding a function (say `softplus`) touches this table and one test.
 */
export interface FunctionRule {
  readonly arity: number;
  /** The value on doubles; NaN outside the domain. */
  readonly value: (...args: number[]) => number;
  /** The partial derivative with respect to each argument, almost everywhere. */
  readonly partials: (...args: Term[]) => Term[];
  /** The partial derivatives' values on doubles: how an error in an argument carries into the value. */
  readonly slopes: (...args: number[]) => number[];
  /**
   * Where the function is not differentiable, as the arguments' signed distance to
   * the kink (0 on it): random inputs keep a margin from it. Absent for smooth functions.
   */
  readonly kink?: (...args: number[]) => number;
  /**
   * Where the function jumps at its kinks, not only bends (sign at 0, floor at each
   * whole number): the distance of the argument from the nearest jump, in high
   * precision (`kink` is it in doubles). A value read nearer a jump than the
   * argument's error bound is a guess, and goes to high precision. Absent for
   * functions without jumps.
   */
  readonly jumpDistance?: (a: PreciseNumber) => PreciseNumber;
  /** Where the kinks are, for docs/syntax.md's table. Default: `at x = 0` (one argument), `where x = y` (two). */
  readonly kinkText?: string;
  /** The arguments' names in docs/syntax.md's table. Default: x, y, z. */
  readonly parameters?: readonly string[];
  /** What the argument must be for a value to exist, for messages. */
  readonly domain?: string;
  /**
   * The value in arbitrary precision, with `D`'s precision; NaN (`new D(NaN)`)
   * outside the domain. Used to confirm refutations and to re-evaluate inputs
   * where double precision fails (underflow, overflow).
   */
  readonly precise: (D: PreciseConstructor, ...args: PreciseNumber[]) => PreciseNumber;
  /**
   * A bound on the relative error of `value`, in units of the unit round-off
   * (half an ulp). Default 2: a correctly rounded or nearly so library function;
   * 0 for abs, relu, max and min, exact in floating point (so |t| - 2s next to
   * its root is no tie: a piece of a two-sided tail's integral was lost there).
   * The numeric engine's error bound for the function's result uses it.
   */
  readonly roundoff?: number;
  /**
   * A bound on the absolute error of `value` at exact arguments, added to the
   * relative one: for a function computed as a difference of larger parts
   * (lgamma and digamma cross 0, where no relative bound holds). Default none.
   */
  readonly absoluteError?: (...args: number[]) => number;
}

/**
 * asinh in D's precision. decimal.js raises its precision by twice the argument's exponent: at
 * asinh(phi(1000 y)), an argument of 1e-200000, that was 400,000 digits, minutes and 4 GB (probe 25). Far
 * from 1 the series says it: asinh(a) = a - a^3/6 + ... for tiny a (the next term is a^4 of a below the
 * digits), sign(a) (log(2 |a|) + 1/(4 a^2)) for huge a.
 */
function preciseAsinh(D: PreciseConstructor, a: PreciseNumber): PreciseNumber {
  if (!a.isFinite() || a.isZero()) return a.asinh();
  const half = Math.ceil(D.precision / 2) + 2;
  if (a.e < -half) return a.minus(a.times(a).times(a).div(6));
  if (a.e > half) {
    const magnitude = a.abs();
    const value = magnitude.times(2).ln().plus(new D(1).div(magnitude.times(magnitude).times(4)));
    return a.isNegative() ? value.neg() : value;
  }
  return a.asinh();
}

/**
 * A function's value in arbitrary precision, with the constructor's settings as
 * they were afterwards whatever happens. decimal.js raises a constructor's
 * precision inside sin and cos (by the argument's exponent, to reduce it by pi)
 * and does not restore it when it throws (sin(exp(540523)): "precision limit
 * exceeded"): the shared 60-digit constructor was left at 234,813 digits, and
 * every later evaluation of the run crawled.
 */
export function preciseValue(rule: FunctionRule, D: PreciseConstructor, args: readonly PreciseNumber[]): PreciseNumber {
  return keepingSettings(D, () => rule.precise(D, ...args));
}

/** Runs a decimal.js computation and restores the constructor's precision and rounding after it, whatever happens. */
export function keepingSettings<T>(D: PreciseConstructor, compute: () => T): T {
  const { precision, rounding } = D;
  try {
    return compute();
  } finally {
    // decimal.js types its settings read-only; set() is its way to change them.
    if (D.precision !== precision || D.rounding !== rounding) D.set({ precision, rounding });
  }
}

/**
 * A double as an arbitrary-precision number, exactly to 100 significant digits.
 * `new D(x)` would read x's shortest decimal form instead, which for a subnormal
 * like 5e-324 (really 4.94e-324) is off by 1 %.
 */
export function toPrecise(D: PreciseConstructor, x: number): PreciseNumber {
  return Number.isFinite(x) && x !== 0 ? new D(exactDecimal(x)) : new D(x);
}

const bits = new DataView(new ArrayBuffer(8));

/**
 * A double's value as an exact decimal (a Decimal keeps every digit it is made from): m 2^e is m 5^-e / 10^-e. Its
 * first 100 digits were not all of it (1e100 has 101, 1e-100 some 280), and arithmetic on inputs read as exact
 * refuted (b - a) / a <= 1 at a = 1e100, b = 2e100 by 1e-59 (probe 95).
 */
function exactDecimal(x: number): string {
  // Between 2^-66 and 1e100 a double's expansion has at most 100 digits (m 5^k has at most 16 + 0.7 k, k <= 118; a
  // whole number below 1e100 at most 100): toPrecision reads all of them, and is much faster.
  const size = Math.abs(x);
  if (size >= 2 ** -66 && size < 1e100) return x.toPrecision(100);
  bits.setFloat64(0, x);
  const word = bits.getBigUint64(0);
  const exponent = Number((word >> 52n) & 0x7ffn);
  let mantissa = word & 0xfffffffffffffn;
  let e: number;
  if (exponent === 0) e = -1074;
  else { mantissa |= 1n << 52n; e = exponent - 1075; }
  const sign = word >> 63n === 1n ? '-' : '';
  if (e >= 0) return sign + (mantissa << BigInt(e)).toString();
  return `${sign}${(mantissa * 5n ** BigInt(-e)).toString()}e-${-e}`;
}

const cmp = (op: '>' | '<' | '>=' | '<=', a: Term, b: Term): Term => ({ k: 'cmp', op, a, b });

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionRule>> = {
  exp: { precise: (D, a) => fastExp(a, D), arity: 1, slopes: (a) => [Math.exp(a)], value: Math.exp, partials: (a) => [fn('exp', a)] },
  log: { precise: (D, a) => (a.gt(0) ? fastLn(a) : new D(NaN)), arity: 1, slopes: (a) => [1 / a], value: (a) => (a > 0 ? Math.log(a) : NaN), partials: (a) => [div(num(1), a)], domain: 'positive' },
  sqrt: { precise: (D, a) => (a.gte(0) ? a.sqrt() : new D(NaN)),
    arity: 1, slopes: (a) => [0.5 / Math.sqrt(a)], value: (a) => (a >= 0 ? Math.sqrt(a) : NaN),
    partials: (a) => [div(num(1), mul(num(2), fn('sqrt', a)))], domain: 'non-negative',
  },
  tanh: { precise: (D, a) => preciseHyperbolic(D, 'tanh', a), arity: 1, slopes: (a) => [1 - Math.tanh(a) ** 2], value: Math.tanh, partials: (a) => [sub(num(1), pow(fn('tanh', a), num(2)))] },
  sigmoid: { precise: (D, a) => new D(1).div(fastExpAnyDigits(a.neg()).plus(1)),
    arity: 1, slopes: (a) => { const s = 1 / (1 + Math.exp(-a)); return [s * (1 - s)]; }, value: (a) => 1 / (1 + Math.exp(-a)),
    partials: (a) => [mul(fn('sigmoid', a), sub(num(1), fn('sigmoid', a)))],
  },
  // log1p, not ln(1 + e^a): at a = -800, 1 + e^a is 1 to any digits kept, and the log of it 0.
  softplus: { precise: (D, a) => (a.gt(0) ? a.plus(preciseLog1p(D, fastExpAnyDigits(a.neg()))) : preciseLog1p(D, fastExpAnyDigits(a))),
    arity: 1, slopes: (a) => [1 / (1 + Math.exp(-a))], value: (a) => (a > 30 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a))),
    partials: (a) => [fn('sigmoid', a)],
  },
  relu: { precise: (D, a) => (a.gt(0) ? a : new D(0)), arity: 1, roundoff: 0, slopes: (a) => [a > 0 ? 1 : 0], value: (a) => (a > 0 ? a : a <= 0 ? 0 : NaN), partials: (a) => [cmp('>', a, num(0))], kink: (a) => a },
  abs: { precise: (_D, a) => a.abs(),
    arity: 1, roundoff: 0, slopes: (a) => [Math.sign(a)], value: Math.abs, partials: (a) => [sub(cmp('>', a, num(0)), cmp('<', a, num(0)))], kink: (a) => a,
  },
  // At a tie the second argument's slope, as the numbers' slopes take it: where the two are equal on a whole interval
  // (PPO's min(r A, clip(r, 1 - e, 1 + e) A) inside the clip) that is the derivative, and 0 there refuted a true step (probe 99).
  max: { precise: (_D, a, b) => (a.gte(b) ? a : b),
    arity: 2, roundoff: 0, slopes: (a, b) => [a > b ? 1 : 0, a > b ? 0 : 1], value: Math.max, partials: (a, b) => [cmp('>', a, b), cmp('<=', a, b)], kink: (a, b) => a - b,
  },
  min: { precise: (_D, a, b) => (a.lte(b) ? a : b),
    arity: 2, roundoff: 0, slopes: (a, b) => [a < b ? 1 : 0, a < b ? 0 : 1], value: Math.min, partials: (a, b) => [cmp('<', a, b), cmp('>=', a, b)], kink: (a, b) => a - b,
  },
  sin: { precise: (_D, a) => fastSin(a), arity: 1, slopes: (a) => [Math.cos(a)], value: Math.sin, partials: (a) => [fn('cos', a)] },
  cos: { precise: (_D, a) => fastCos(a), arity: 1, slopes: (a) => [-Math.sin(a)], value: Math.cos, partials: (a) => [mul(num(-1), fn('sin', a))] },
  sinh: { precise: (D, a) => preciseHyperbolic(D, 'sinh', a), arity: 1, slopes: (a) => [Math.cosh(a)], value: Math.sinh, partials: (a) => [fn('cosh', a)] },
  cosh: { precise: (D, a) => preciseHyperbolic(D, 'cosh', a), arity: 1, slopes: (a) => [Math.sinh(a)], value: Math.cosh, partials: (a) => [fn('sinh', a)] },
  sech: {
    precise: (D, a) => new D(1).div(preciseHyperbolic(D, 'cosh', a)), arity: 1, slopes: (a) => [-Math.tanh(a) / Math.cosh(a)], value: (a) => 1 / Math.cosh(a),
    partials: (a) => [mul(num(-1), fn('sech', a), fn('tanh', a))],
  },
  asinh: {
    precise: (D, a) => preciseAsinh(D, a), arity: 1, slopes: (a) => [1 / Math.sqrt(1 + a * a)], value: Math.asinh,
    partials: (a) => [div(num(1), fn('sqrt', add(num(1), pow(a, num(2)))))],
  },
  asin: {
    precise: (D, a) => (a.abs().lte(1) ? fastAsin(a) : new D(NaN)), arity: 1, slopes: (a) => [1 / Math.sqrt(1 - a * a)],
    value: (a) => (Math.abs(a) <= 1 ? Math.asin(a) : NaN),
    partials: (a) => [div(num(1), fn('sqrt', sub(num(1), pow(a, num(2)))))], domain: 'from -1 to 1',
  },
  atan: {
    precise: (_D, a) => fastAtan(a), arity: 1, slopes: (a) => [1 / (1 + a * a)], value: Math.atan,
    partials: (a) => [div(num(1), add(num(1), pow(a, num(2))))],
  },
  // The angle of the point (x, y), in (-pi, pi]: a jump of 2 pi across the negative x-axis, no value at the origin.
  atan2: {
    // On the negative x-axis the angle is pi, whatever the sign of a zero y (-0 is IEEE's, not the reals').
    precise: (D, y, x) => (y.isZero() && x.isZero() ? new D(NaN) : D.atan2(y.isZero() ? new D(0) : y, x)), arity: 2,
    slopes: (y, x) => [x / (x * x + y * y), -y / (x * x + y * y)],
    value: (y, x) => (y === 0 && x === 0 ? NaN : Math.atan2(y === 0 ? 0 : y, x)),
    partials: (y, x) => [div(x, add(pow(x, num(2)), pow(y, num(2)))), div(mul(num(-1), y), add(pow(x, num(2)), pow(y, num(2))))],
    // The distance to where it jumps or has no value: the negative x-axis with the origin.
    kink: (y, x) => (x < 0 ? y : Math.hypot(x, y)), domain: 'every point but the origin',
    kinkText: 'on the negative x-axis, where it jumps by 2 pi', parameters: ['y', 'x'],
  },
  sign: {
    precise: (D, a) => new D(a.isZero() ? 0 : a.isNeg() ? -1 : 1), arity: 1, slopes: () => [0], value: Math.sign,
    partials: () => [num(0)], kink: (a) => a, jumpDistance: (a) => a.abs(),
  },
  /** The greatest whole number <= x, and the least >= x: steps at each whole number, derivative 0 between. */
  floor: {
    precise: (_D, a) => a.floor(), arity: 1, slopes: () => [0], value: Math.floor,
    partials: () => [num(0)], kink: (a) => a - Math.round(a), jumpDistance: (a) => a.minus(a.round()).abs(), kinkText: 'at each whole number',
  },
  ceil: {
    precise: (_D, a) => a.ceil(), arity: 1, slopes: () => [0], value: Math.ceil,
    partials: () => [num(0)], kink: (a) => a - Math.round(a), jumpDistance: (a) => a.minus(a.round()).abs(), kinkText: 'at each whole number',
  },
  log1p: {
    precise: (D, a) => preciseLog1p(D, a), arity: 1, slopes: (a) => [1 / (1 + a)], value: (a) => (a > -1 ? Math.log1p(a) : NaN),
    partials: (a) => [div(num(1), add(num(1), a))], domain: 'greater than -1',
  },
  expm1: { precise: (D, a) => preciseExpm1(D, a), arity: 1, slopes: (a) => [Math.exp(a)], value: Math.expm1, partials: (a) => [fn('exp', a)] },
  erf: {
    precise: preciseErf, arity: 1, roundoff: 8, slopes: (a) => [TWO_OVER_SQRT_PI * Math.exp(-a * a)], value: erf,
    partials: (a) => [mul(num(2), pow({ k: 'pi' }, num(-1, 2)), fn('exp', neg(pow(a, num(2)))))],
  },
  erfc: {
    precise: preciseErfc, arity: 1, roundoff: 12, slopes: (a) => [-TWO_OVER_SQRT_PI * Math.exp(-a * a)], value: erfc,
    partials: (a) => [mul(num(-2), pow({ k: 'pi' }, num(-1, 2)), fn('exp', neg(pow(a, num(2)))))],
  },
  /** The inverse of erf on (-1, 1) (probit and the normal quantile are written through it); its slope sqrt(pi)/2 exp(erfinv(x)^2). */
  erfinv: {
    precise: preciseErfinv, arity: 1, roundoff: 16, slopes: (a) => [1 / (TWO_OVER_SQRT_PI * Math.exp(-(erfinv(a) ** 2)))], value: erfinv,
    partials: (a) => [mul(num(1, 2), pow({ k: 'pi' }, num(1, 2)), fn('exp', pow(fn('erfinv', a), num(2))))], domain: '-1 < x < 1',
  },
  /** The standard normal CDF (probit's inverse; GELU is x Phi(x)). */
  Phi: { precise: preciseNormalCdf, arity: 1, roundoff: 12, slopes: (a) => [normalPdf(a)], value: normalCdf, partials: (a) => [fn('phi', a)] },
  /**
   * n! and the binomial coefficient of whole numbers: a constant, a size, a sum's
   * index (Taylor polynomials, the binomial theorem). The resolver refuses an
   * argument that depends on an input, so the argument never moves and the
   * partials are 0; binomial(n, k) is 0 for k < 0 or k > n.
   */
  factorial: {
    // A product of up to 170 rounded factors (exact up to 22!).
    precise: (D, a) => (a.isInteger() && !a.isNeg() ? preciseFactorial(D, a.toNumber()) : new D(NaN)), arity: 1, slopes: () => [0], roundoff: 400,
    value: (a) => (Number.isInteger(a) && a >= 0 ? factorialValue(a) : NaN), partials: () => [num(0)], domain: 'a whole number >= 0',
  },
  binomial: {
    // Of a whole n >= 0 the coefficient; of any other constant n (1/2, -2: the binomial series, with k a series'
    // index) n (n - 1) ... (n - k + 1) / k!. The resolver passes no n that depends on an input.
    // Of a whole n, n (n - 1) ... over m! with m the smaller of k and n - k (C(100000, 2) takes two factors, not 100000!).
    // Past MAX_FACTORIAL factors, as in doubles: not computed (a loop of a billion steps is no answer), so not settled.
    precise: (D, n, k) => {
      if (!k.isInteger()) return new D(NaN);
      if (k.isNeg() && !k.isZero()) return new D(0);
      if (isWhole(n) && k.gt(n)) return new D(0);
      const m = isWhole(n) ? Math.min(k.toNumber(), n.minus(k).toNumber()) : k.toNumber();
      if (m > MAX_FACTORIAL) throw new PrecisionLimitError(`binomial(${n}, ${k}) takes more than ${MAX_FACTORIAL} factors`);
      // Of a whole n past a table's few factors, n! / (m! (n - m)!) from the factorials' table in 10 digits more: each of
      // sum(k, 0, n, binomial(n + k, k)) has a top of its own, and its m products each made the sum n^2 / 2 of them (four
      // minutes of a file, probe 96).
      if (isWhole(n) && m > MAX_TABLE_FACTORS && n.lte(MAX_FACTORIAL)) return preciseWholeBinomial(D, n.toNumber(), m);
      return preciseFallingBinomial(D, n, m);
    },
    arity: 2, slopes: () => [0, 0], partials: () => [num(0), num(0)], domain: 'k a whole number; n a whole number >= 0, or a constant', roundoff: 400,
    value: (n, k) => (!Number.isInteger(k) || Number.isNaN(n) ? NaN : k < 0 ? 0
      : !Number.isInteger(n) || n < 0 ? (k > MAX_FACTORIAL ? Infinity : fallingBinomial(n, k)) : k > n ? 0
        : Math.min(k, n - k) > MAX_FACTORIAL ? Infinity : binomialValue(n, k)),
  },
  /**
   * The gamma function and its family (gamma-function.ts). gamma has poles at 0,
   * -1, -2, ...; lgamma is log |gamma| (scipy's gammaln, torch's lgamma); digamma
   * is lgamma's derivative and polygamma(n, x) digamma's n-th, for a whole n the
   * resolver checks is a constant.
   */
  gamma: {
    precise: preciseGamma, arity: 1, roundoff: 96, slopes: (a) => [gamma(a) * digamma(a)], value: gamma,
    partials: (a) => [mul(fn('gamma', a), fn('digamma', a))], domain: 'not 0 or a negative whole number',
  },
  lgamma: {
    precise: preciseLgamma, arity: 1, roundoff: 8, absoluteError: lgammaError, slopes: (a) => [digamma(a)], value: lgamma,
    partials: (a) => [fn('digamma', a)], domain: 'not 0 or a negative whole number',
  },
  digamma: {
    precise: preciseDigamma, arity: 1, roundoff: 8, absoluteError: digammaError, slopes: (a) => [polygamma(1, a)], value: digamma,
    partials: (a) => [fn('polygamma', num(1), a)], domain: 'not 0 or a negative whole number',
  },
  polygamma: {
    precise: precisePolygamma, arity: 2, roundoff: 8, absoluteError: polygammaError, slopes: (n, a) => [0, polygamma(n + 1, a)], value: polygamma,
    partials: (n, a) => [num(0), fn('polygamma', add(n, num(1)), a)], domain: 'x a whole constant from 0 to 20, y not 0 or a negative whole number',
  },
  /** The standard normal density. */
  phi: { precise: preciseNormalPdf, arity: 1, roundoff: 8, slopes: (a) => [-a * normalPdf(a)], value: normalPdf, partials: (a) => [neg(mul(a, fn('phi', a)))] },
};

/** Beyond this n, n! has more digits than a product loop should make (and a double overflows past 170). */
export const MAX_FACTORIAL = 10000;

function isWhole(a: PreciseNumber): boolean {
  return a.isInteger() && !a.isNeg() && a.lte(MAX_FACTORIAL);
}


/** C(n, k) in doubles, as a running product that stays an integer at each step (exact while below 2^53). */
/**
 * n (n - 1) ... (n - k + 1) / k! of any n, as a running product of (n - j) / (j + 1),
 * kept per n: a series reads k = 0, 1, 2, ... of the same n, and each from scratch
 * was k products a term (the binomial series at x = 0.99 took ten seconds).
 */
function fallingBinomial(n: number, k: number): number {
  let table = fallingTables.get(n);
  if (table === undefined) {
    if (fallingTables.size >= MAX_FALLING_TABLES) fallingTables.clear();
    fallingTables.set(n, table = [1]);
  }
  for (let j = table.length - 1; j < k; j++) table.push(table[j] * ((n - j) / (j + 1)));
  return table[k];
}

const fallingTables = new Map<number, number[]>();

/**
 * What a cache keeps for a constructor at its current precision (decimal.js's set can change it and change it back): a
 * reading's error bound raises the digits and lowers them again, and a table kept for one precision alone was dropped
 * and rebuilt each time (binomial(2n, n) at n = 1000, a thousand products per call: three quarters of a 510-second file
 * of Stirling bounds, probe 96). At most {@link MAX_CACHED_PRECISIONS} precisions per constructor.
 */
function perPrecision<T>(cache: WeakMap<PreciseConstructor, Map<number, T>>, D: PreciseConstructor, make: () => T): T {
  let byPrecision = cache.get(D);
  if (byPrecision === undefined) cache.set(D, byPrecision = new Map());
  let value = byPrecision.get(D.precision);
  if (value === undefined) {
    if (byPrecision.size >= MAX_CACHED_PRECISIONS) byPrecision.clear();
    byPrecision.set(D.precision, value = make());
  }
  return value;
}

/** Precisions a cache keeps at once, per constructor. */
const MAX_CACHED_PRECISIONS = 8;
const preciseFallingTables = new WeakMap<PreciseConstructor, Map<number, Map<string, PreciseNumber[]>>>();
/** Distinct tops kept at once: a file's constants, not every input of a hostile one. */
const MAX_FALLING_TABLES = 64;

function preciseFallingBinomial(D: PreciseConstructor, n: PreciseNumber, k: number): PreciseNumber {
  const tables = perPrecision(preciseFallingTables, D, () => new Map<string, PreciseNumber[]>());
  const key = n.toString();
  let table = tables.get(key);
  if (table === undefined) {
    if (tables.size >= MAX_FALLING_TABLES) tables.clear();
    tables.set(key, table = [new D(1)]);
  }
  for (let j = table.length - 1; j < k; j++) table.push(table[j].times(n.minus(j)).div(j + 1));
  return table[k];
}

/** Factors a binomial's table is built up to for a whole top; past them, lgamma. */
const MAX_TABLE_FACTORS = 64;
const widerConstructors = new WeakMap<PreciseConstructor, Map<number, PreciseConstructor>>();

/**
 * binomial(n, m) of a whole n >= m >= 0 as n! / (m! (n - m)!), the factorials from their table in 10 digits more than D's
 * (each of up to 10,000 rounded products: 1e-66 apart each, their error stays below D's last digit).
 */
function preciseWholeBinomial(D: PreciseConstructor, n: number, m: number): PreciseNumber {
  const W = perPrecision(widerConstructors, D, () => D.clone({ precision: D.precision + 10 }));
  return new D(preciseFactorial(W, n).div(preciseFactorial(W, m).times(preciseFactorial(W, n - m))).toString());
}

function binomialValue(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= m; i++) r = (r * (n - m + i)) / i;
  return r < 2 ** 53 ? Math.round(r) : r;
}

/** n! in each constructor's precision, built up once: a series' k! at k = 1 .. 2000 would otherwise take k products each. */
const factorials = new WeakMap<PreciseConstructor, Map<number, PreciseNumber[]>>();

function preciseFactorial(D: PreciseConstructor, n: number): PreciseNumber {
  // n! has a value; past MAX_FACTORIAL it is not computed, and an input that needs it is left unsettled, not without a value.
  if (n > MAX_FACTORIAL) throw new PrecisionLimitError(`${n}! is past the ${MAX_FACTORIAL}! computed`);
  const table = perPrecision(factorials, D, () => [new D(1)]);
  for (let i = table.length; i <= n; i++) table.push(table[i - 1].times(i));
  return table[n];
}

/** 2 / sqrt(pi): erf's slope at 0. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * Beyond this magnitude decimal.js's own sinh, cosh and tanh run for minutes
 * (cosh(1e400) never returns); there they are read from e^|a| and its inverse,
 * which cannot cancel.
 */
const HYPERBOLIC_BY_EXP = 1000;

/** sinh, cosh or tanh in arbitrary precision, for any argument. */
function preciseHyperbolic(D: PreciseConstructor, name: 'sinh' | 'cosh' | 'tanh', a: PreciseNumber): PreciseNumber {
  if (a.isNaN()) return new D(NaN);
  if (a.abs().lt(HYPERBOLIC_BY_EXP)) return a[name]();
  const sign = a.isNeg() ? -1 : 1;
  if (name === 'tanh') return new D(sign).times(new D(1).minus(new D(2).div(fastExpAnyDigits(a.abs().times(2)).plus(1))));
  // (e^|a| ± e^-|a|) / 2: the second term is 1e-869 of the first at |a| = 1000, within 960 digits (log(cosh(1000.5)) read
  // as 1000.5 - log 2 exactly, and a step that equal verified: probe 60).
  const e = fastExpAnyDigits(a.abs());
  const inverse = new D(1).div(e);
  return name === 'cosh' ? e.plus(inverse).div(2) : e.minus(inverse).div(2).times(sign);
}

/**
 * Terms of the series of log1p and expm1 for a tiny argument are taken until
 * they fall below the precision's last digit: a fixed number of them (16 once)
 * left x^17 / 17 out, 6e-104 at x = 1e-6, a difference that stays put when the
 * digits double and so refuted (1 + t/1000)^1000 = exp(1000 log1p(t/1000)).
 */
function seriesUntilNegligible(D: PreciseConstructor, first: PreciseNumber, next: (term: PreciseNumber, k: number) => PreciseNumber): PreciseNumber {
  const negligible = new D(10).pow(-D.precision - 5);
  let sum = new D(0);
  let term = first;
  for (let k = 1; !term.isZero() && k <= 10_000; k++) {
    sum = sum.plus(term);
    if (term.abs().lte(sum.abs().times(negligible))) break;
    term = next(term, k);
  }
  return sum;
}

/** log(1 + a) without cancellation for tiny a: sum of (-1)^(k+1) a^k / k. */
function preciseLog1p(D: PreciseConstructor, a: PreciseNumber): PreciseNumber {
  if (a.lte(-1)) return new D(NaN);
  // 1 + a keeps the digits of a that the log needs: up to five more below 1e-1 (and ln's own guard).
  if (a.abs().gte('1e-5')) return new D(fastLn(new (withDigits(D, D.precision + 10))(a).plus(1)));
  // The k-th term from the one before: times -a k / (k + 1).
  return seriesUntilNegligible(D, new D(a), (term, k) => term.times(a).times(-k).div(k + 1));
}

/** exp(a) - 1 without cancellation for tiny a: sum of a^k / k!. */
function preciseExpm1(D: PreciseConstructor, a: PreciseNumber): PreciseNumber {
  // exp(a) - 1 cancels up to five digits near 1e-5: computed with ten more.
  if (a.abs().gte('1e-5')) return new D(fastExpAnyDigits(new (withDigits(D, D.precision + 10))(a)).minus(1));
  return seriesUntilNegligible(D, new D(a), (term, k) => term.times(a).div(k + 1));
}

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Names of the language's built-ins that are not in the table: they have rules of their own. */
export const SPECIAL_FORMS = ['sum', 'delta', 'diff'] as const;

