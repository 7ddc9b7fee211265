import { Decimal } from 'decimal.js';
import { bernoulliNumber } from './gamma-function.ts';
import { mul, num } from './term-builders.ts';
import { usesIndexVariable } from './term-queries.ts';
import type { Term } from './term.ts';

/**
 * sum(k, L, Infinity, c N(k) / D(k)) in 60 digits (or as many as asked), where N and D are polynomials in k
 * with rational coefficients and D has roots that are not rational (1 / (k^2 + 1)):
 * the exact engine sums only series whose D has rational roots (partial fractions into
 * Hurwitz zeta values), and terms shrinking like 1 / k^2 take 10^30 of them for 60
 * digits. Here the terms up to K are added up, and the rest is
 *
 *   sum_{k >= K} N(k) / D(k) = sum_i q_i zeta(i + d, K),   N(k) / D(k) = sum_i q_i k^-(i + d),
 *
 * the expansion at infinity (d = deg D - deg N >= 2), which converges where k is past
 * every root of D: K is chosen 64 times past Fujiwara's bound on them, so each term of
 * it is 1/64 of the last. Each Hurwitz zeta value is read by Euler-Maclaurin at K,
 * whose terms shrink as ((s + 2p) / (2 pi K))^2. The constant factor c is left to the caller.
 */
export interface RationalSeries {
  /** The factors free of k, as one term (1 when there are none). */
  readonly factor: Term;
  /**
   * sum_{k >= lower} N(k) / D(k) with a bound on its error, or undefined where a term has no value (a root of D at a whole k).
   * `digits`: what it is read to, 60 by default; the high-precision evaluator asks for its own (a 1e-70 in a term is seen at 90).
   */
  sum(lower: number, digits?: number): { readonly value: Decimal; readonly error: Decimal } | undefined;
}

/** Coefficients of a polynomial in k, the constant first, in the working digits. */
export type Polynomial = Decimal[];

/** Digits the sums are read to by default, and the guard digits they are taken with beyond those. */
const DIGITS = 60;
const GUARD_DIGITS = 20;
/** The most digits a sum is read to: the expansion gains some 1.8 digits a term, Euler-Maclaurin some 7. */
const MAX_DIGITS = 400;
const W = Decimal.clone({ precision: DIGITS + GUARD_DIGITS });

/** The highest degree read: past it a textbook's series is not this. */
export const MAX_DEGREE = 12;
/** How far past the roots' bound the terms are added up before the expansion at infinity takes over. */
export const ROOT_MARGIN = 64;
/** The fewest terms added up: Euler-Maclaurin's terms shrink as (s / (2 pi K))^2, and K = 500 makes that small. */
export const MIN_HEAD = 500;
/** The most terms added up (roots past 300 in size are no textbook's series). */
export const MAX_HEAD = 20_000;
/** Terms of the expansion at infinity, and of Euler-Maclaurin, at most (at 60 digits; more in proportion past them). */
export const MAX_EXPANSION_TERMS = 60;
const MAX_EULER_MACLAURIN_TERMS = 40;

/** The working precision of a sum read to `digits`, and the part of the sum below which a term of either series ends it. */
export interface Working {
  readonly W: typeof Decimal;
  readonly digits: number;
  readonly negligible: Decimal;
}
const workings = new Map<number, Working>();
export function working(digits: number): Working {
  let w = workings.get(digits);
  if (w === undefined) {
    const D = Decimal.clone({ precision: digits + GUARD_DIGITS });
    w = { W: D, digits, negligible: new D(`1e-${digits + 12}`) };
    workings.set(digits, w);
  }
  return w;
}

/**
 * A whole double as a decimal, exactly: past 2^53 its shortest printing (what `new Decimal(2 ** 80)` reads) is not
 * its value, 1.2089258196146292e24 for 1208925819614629174706176.
 */
export function wholeDecimal(W: typeof Decimal, n: number): Decimal {
  return Number.isSafeInteger(n) ? new W(n) : new W(BigInt(n).toString());
}

/** The series' term as c N(k) / D(k), or undefined where it is not one (a factor with k in an exponent, a log). */
export function rationalSeries(series: Extract<Term, { k: 'series' }>): RationalSeries | undefined {
  // Read once per series term: the high-precision evaluator asks at every reading, and a sum taken is kept with it.
  if (!readSeries.has(series)) readSeries.set(series, readRationalSeries(series));
  return readSeries.get(series);
}

const readSeries = new WeakMap<Term, RationalSeries | undefined>();

function readRationalSeries(series: Extract<Term, { k: 'series' }>): RationalSeries | undefined {
  const read = readRationalTerm(series.body, series.index);
  if (read === undefined) return undefined;
  const { constant, numerator, denominator, alternating } = read;
  const d = degree(denominator) - degree(numerator);
  // Converging: terms shrinking as k^-2 or faster, or as k^-1 with the sign alternating.
  if (degree(numerator) < 0 || d < (alternating ? 1 : 2)) return undefined;
  const cached = new Map<string, { value: Decimal; error: Decimal } | undefined>();
  const [n0, d0] = [numerator, denominator];
  return {
    factor: mul(...constant),
    sum(lower, digits = DIGITS) {
      if (!(digits <= MAX_DIGITS)) return undefined;
      const key = `${lower}:${digits}`;
      if (!cached.has(key)) {
        // The coefficients were read in 80 digits: exact for a textbook's decimals and fractions of few digits, which is
        // what a term past them would need (1e-70 is exact, 1/3 is not: its sum is read to 80 digits at most).
        const w = working(digits);
        cached.set(key, summed(n0.map((c) => new w.W(c)), d0.map((c) => new w.W(c)), lower, alternating, w));
      }
      return cached.get(key);
    },
  };
}

function summed(numerator: Polynomial, denominator: Polynomial, lower: number, alternating: boolean, w: Working): { value: Decimal; error: Decimal } | undefined {
  const { W, negligible: NEGLIGIBLE } = w;
  const scale = Math.max(1, w.digits / DIGITS);
  const m = degree(denominator);
  const lead = denominator[m];
  let K = Math.max(lower, MIN_HEAD, Math.ceil(rootBound(denominator, W).times(ROOT_MARGIN).toNumber()) + 1);
  // Alternating, the tail is taken from an even K: sum_{k >= K} (-1)^k k^-s = 2^-s (zeta(s, K/2) - zeta(s, (K + 1)/2)).
  if (alternating && K % 2 === 1) K++;
  if (K - lower > MAX_HEAD) return undefined;
  let head = new W(0);
  let headScale = new W(0);
  for (let k = lower; k < K; k++) {
    const den = at(denominator, k, W);
    // A root of D at a whole k, or next to one: a term with no value (the caller's own reading says so).
    if (den.abs().lt(lead.abs().times(`1e-${w.digits}`))) return undefined;
    const term = at(numerator, k, W).div(den).times(alternating && k % 2 !== 0 ? -1 : 1);
    head = head.plus(term);
    headScale = headScale.plus(term.abs());
  }
  // N(k) / D(k) = x^d A(x) / B(x), x = 1 / k, with A and B the coefficients read from the top.
  const n = degree(numerator);
  const d = m - n;
  const A = numerator.slice().reverse();
  const B = denominator.slice().reverse();
  const q: Decimal[] = [];
  let tail = new W(0);
  let last = new W(0);
  let lastButOne = new W(Infinity);
  let converged = false;
  for (let i = 0; i < MAX_EXPANSION_TERMS * scale; i++) {
    let c = i < A.length ? A[i] : new W(0);
    for (let j = 1; j <= Math.min(i, m); j++) c = c.minus(B[j].times(q[i - j]));
    q.push(c.div(B[0]));
    const zeta = alternating ? alternatingZeta(i + d, K, w) : hurwitzZeta(i + d, new W(K), w);
    if (zeta === undefined) return undefined;
    lastButOne = last;
    last = q[i].times(zeta.value);
    tail = tail.plus(last);
    // Two negligible terms in a row end it (a coefficient may be 0 by symmetry: 1 / (k^2 + 1) has every odd one 0).
    const negligible = NEGLIGIBLE.times(tail.abs().plus(head.abs()));
    if (last.abs().lte(negligible) && lastButOne.abs().lte(negligible)) {
      converged = true;
      break;
    }
  }
  if (!converged) return undefined;
  const value = head.plus(tail);
  // Each head term in 80 digits; the expansion's rest bounded by its last term (a geometric series of ratio 1/64);
  // each Hurwitz zeta value to the Euler-Maclaurin term it stopped at (1e-72 of it), of which 1e-70 of the sum is a bound.
  const error = headScale.times(`1e-${w.digits + GUARD_DIGITS - 2}`).plus(last.abs().times(2)).plus(head.abs().plus(tail.abs()).times(`1e-${w.digits + 10}`));
  return { value, error };
}

/** A term of index k read as c (-1)^k N(k) / D(k) (`alternating`), c the factors free of k; undefined where it is not one. */
export interface RationalTerm {
  readonly constant: readonly Term[];
  readonly numerator: Polynomial;
  readonly denominator: Polynomial;
  readonly alternating: boolean;
}

export function readRationalTerm(body: Term, index: string): RationalTerm | undefined {
  const names = new Set([index]);
  const constant: Term[] = [];
  let numerator: Polynomial = [new W(1)];
  let denominator: Polynomial = [new W(1)];
  let alternating = false;
  for (const f of factorsOf(body, index)) {
    if (!usesIndexVariable(f, names)) { constant.push(f); continue; }
    // (-1)^(a k + b), a and b whole: the sign alternates where a is odd, and b odd is a factor -1.
    if (f.k === 'pow' && f.base.k === 'num' && f.base.value.num === -f.base.value.den) {
      const e = rationalIn(f.exponent, index);
      const [b, a] = e?.numerator ?? [];
      if (e === undefined || degree(e.denominator) !== 0 || !e.denominator[0].eq(1) || degree(e.numerator) > 1 || !b?.isInteger() || !(a ?? new W(0)).isInteger()) return undefined;
      if ((a ?? new W(0)).mod(2).abs().eq(1)) alternating = !alternating;
      if (b.mod(2).abs().eq(1)) constant.push(num(-1));
      continue;
    }
    const r = rationalIn(f, index);
    if (r === undefined) return undefined;
    numerator = times(numerator, r.numerator);
    denominator = times(denominator, r.denominator);
    if (degree(numerator) > MAX_DEGREE || degree(denominator) > MAX_DEGREE) return undefined;
  }
  return { constant, numerator: trimmed(numerator), denominator: trimmed(denominator), alternating };
}

/**
 * A term's factors, a whole power of a product read as the product of the powers and a whole power of a power as one
 * power: Parseval's `(4 / (pi (2k + 1)))^2` is 16 pi^-2 (2k + 1)^-2, and `(2 (-1)^(k + 1) / k)^2` is 4 (-1)^(2k + 2)
 * k^-2, so the constant comes out and the sign squared is read (probe 100: both refused).
 */
function factorsOf(t: Term, index: string): Term[] {
  if (t.k === 'mul') return t.factors.flatMap((f) => factorsOf(f, index));
  if (t.k !== 'pow' || t.exponent.k !== 'num' || t.exponent.value.den !== 1n) return [t];
  const e = t.exponent;
  if (t.base.k === 'mul') return t.base.factors.flatMap((b) => factorsOf({ k: 'pow', base: b, exponent: e }, index));
  // (x^a)^e is x^(a e) where x^a has a value: a whole, or a sign (-1)^(whole in k) (a whole power of -1 to a
  // fraction, ((-1)^(k/2))^2, has none at odd k, and x^(a e) one).
  if (t.base.k === 'pow' && (wholeNumber(t.base.exponent) || (isMinusOne(t.base.base) && wholeIn(t.base.exponent, index)))) {
    const inner = t.base.exponent;
    const exponent: Term = inner.k === 'num' ? num(inner.value.num * e.value.num, inner.value.den) : { k: 'mul', factors: [e, inner] };
    return factorsOf({ k: 'pow', base: t.base.base, exponent }, index);
  }
  return [t];
}

const wholeNumber = (t: Term): boolean => t.k === 'num' && t.value.den === 1n;
const isMinusOne = (t: Term): boolean => t.k === 'num' && t.value.num === -1n && t.value.den === 1n;

/** Whether t is a k + b with a and b whole: a whole number wherever k is. */
function wholeIn(t: Term, index: string): boolean {
  const e = rationalIn(t, index);
  return e !== undefined && degree(e.denominator) === 0 && e.denominator[0].eq(1) && degree(e.numerator) <= 1 && e.numerator.every((c) => c.isInteger());
}

/** Fujiwara: every root of D is within 2 max |b_(m-j) / b_m|^(1/j) of 0 (the constant's term halved first). */
export function rootBound(denominator: Polynomial, D: typeof Decimal): Decimal {
  const m = degree(denominator);
  const lead = denominator[m];
  let bound = new D(0);
  for (let j = 1; j <= m; j++) {
    const ratio = denominator[m - j].div(lead).abs().div(j === m ? 2 : 1);
    if (!ratio.isZero()) bound = Decimal.max(bound, ratio.pow(new D(1).div(j)));
  }
  return bound.times(2);
}

const zetas = new Map<string, { value: Decimal } | undefined>();
/** Values kept at most: a Hurwitz zeta at an input's own offset is read once per input, and the inputs are many. */
const MAX_KEPT_ZETAS = 4096;

/** sum_{k >= K} (-1)^k k^-s for an even K: 2^-s (zeta(s, K/2) - zeta(s, (K + 1)/2)), at s = 1 through digamma. */
function alternatingZeta(s: number, K: number, w: Working): { value: Decimal } | undefined {
  const even = hurwitzZeta(s, new w.W(K).div(2), w);
  const odd = hurwitzZeta(s, new w.W(K + 1).div(2), w);
  return even && odd && { value: even.value.minus(odd.value).div(new w.W(2).pow(s)) };
}

/**
 * zeta(s, a) = sum_{k >= 0} (a + k)^-s for a real s > 1 (a whole one from rational series, a half-integer from a Bose
 * gas's, numeric/power-series-sum.ts), by Euler-Maclaurin at a (a large); at s = 1, where the sum diverges, -digamma(a),
 * whose differences are the differences of the sums (alternatingZeta). The correction terms shrink and alternate in
 * sign (the summand is completely monotone), so the remainder is below the last one taken, at most `negligible` of the
 * value; undefined where they stop shrinking before that.
 */
export function hurwitzZeta(s: number | Decimal, a: Decimal, w: Working): { value: Decimal } | undefined {
  const { W, negligible: NEGLIGIBLE } = w;
  const key = `${s.toString()}:${a.toString()}:${w.digits}`;
  if (zetas.has(key)) return zetas.get(key);
  const k = a;
  const order = new W(s);
  let value = order.eq(1) ? k.ln().neg().plus(k.pow(-1).div(2)) : k.pow(order.neg().plus(1)).div(order.minus(1)).plus(k.pow(order.neg()).div(2));
  // B_2p / (2p)! s (s + 1) ... (s + 2p - 2) K^(-s - 2p + 1)
  let rising = order;
  let factorial = new W(2);
  let power = k.pow(order.neg().minus(1));
  let done = false;
  let previous: Decimal | undefined;
  for (let p = 1; p <= MAX_EULER_MACLAURIN_TERMS * Math.max(1, w.digits / DIGITS); p++) {
    const [bn, bd] = bernoulliNumber(2 * p);
    const term = new W(bn.toString()).div(bd.toString()).div(factorial).times(rising).times(power);
    if (previous !== undefined && term.abs().gt(previous.abs())) break;
    value = value.plus(term);
    if (term.abs().lte(NEGLIGIBLE.times(value.abs()))) { done = true; break; }
    previous = term;
    rising = rising.times(order.plus(2 * p - 1)).times(order.plus(2 * p));
    factorial = factorial.times(2 * p + 1).times(2 * p + 2);
    power = power.div(k).div(k);
  }
  const out = done ? { value } : undefined;
  if (zetas.size >= MAX_KEPT_ZETAS) zetas.clear();
  zetas.set(key, out);
  return out;
}

/** The term as N(k) / D(k) with rational coefficients, or undefined. */
export function rationalIn(t: Term, index: string): { numerator: Polynomial; denominator: Polynomial } | undefined {
  switch (t.k) {
    case 'num': return { numerator: [new W(t.value.num.toString()).div(t.value.den.toString())], denominator: [new W(1)] };
    case 'ival': {
      const i = t.index;
      if (i.k !== 'var' || i.name !== index) return undefined;
      return { numerator: [new W(i.offset), new W(1)], denominator: [new W(1)] };
    }
    case 'add': case 'mul': {
      let acc = { numerator: [new W(t.k === 'add' ? 0 : 1)], denominator: [new W(1)] };
      for (const part of t.k === 'add' ? t.terms : t.factors) {
        const r = rationalIn(part, index);
        if (r === undefined) return undefined;
        acc = t.k === 'add'
          ? { numerator: plus(times(acc.numerator, r.denominator), times(r.numerator, acc.denominator)), denominator: times(acc.denominator, r.denominator) }
          : { numerator: times(acc.numerator, r.numerator), denominator: times(acc.denominator, r.denominator) };
        if (degree(acc.numerator) > MAX_DEGREE || degree(acc.denominator) > MAX_DEGREE) return undefined;
      }
      return acc;
    }
    case 'pow': {
      const e = t.exponent;
      if (e.k !== 'num' || e.value.den !== 1n) return undefined;
      const n = Number(e.value.num);
      if (Math.abs(n) > MAX_DEGREE) return undefined;
      const base = rationalIn(t.base, index);
      if (base === undefined) return undefined;
      let numerator: Polynomial = [new W(1)];
      let denominator: Polynomial = [new W(1)];
      for (let i = 0; i < Math.abs(n); i++) {
        numerator = times(numerator, base.numerator);
        denominator = times(denominator, base.denominator);
      }
      return n >= 0 ? { numerator, denominator } : { numerator: denominator, denominator: numerator };
    }
    default: return undefined;
  }
}

export function degree(p: Polynomial): number {
  for (let i = p.length - 1; i >= 0; i--) if (!p[i].isZero()) return i;
  return -1;
}

export function trimmed(p: Polynomial): Polynomial {
  return p.slice(0, Math.max(1, degree(p) + 1));
}

export function times(a: Polynomial, b: Polynomial): Polynomial {
  const out: Polynomial = Array.from({ length: a.length + b.length - 1 }, () => new W(0));
  a.forEach((x, i) => b.forEach((y, j) => { out[i + j] = out[i + j].plus(x.times(y)); }));
  return trimmed(out);
}

export function plus(a: Polynomial, b: Polynomial): Polynomial {
  return trimmed(Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? new W(0)).plus(b[i] ?? new W(0))));
}

/** p(k) by Horner, in the precision of `D`. */
export function at(p: Polynomial, k: number, D: typeof Decimal = W): Decimal {
  let v = new D(0);
  for (let i = p.length - 1; i >= 0; i--) v = v.times(k).plus(p[i]);
  return v;
}
