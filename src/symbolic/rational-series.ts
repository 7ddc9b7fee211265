import { add, fn, mul, num, usesIndexVariable, type Term } from '../model/index.ts';
import { dividedByRoot, rationalRoot, Rational } from './exact/index.ts';
import type { KnownSeriesSum } from './known-series.ts';
import { affineIn, rationalValue, termAt } from './series-terms.ts';

/**
 * The sums of series whose term is a rational function of k, alternating or not
 * (Stewart 11.2 to 11.6): the p-series sum(k, 1, Infinity, 1 / k^2) = pi^2 / 6, the
 * telescoping sum(k, 1, Infinity, 1 / (k (k + 1))) = 1, sum(k, 0, Infinity, 1 / (2k + 1)^2)
 * = pi^2 / 8, the alternating sum(k, 1, Infinity, (-1)^(k + 1) / k^2) = pi^2 / 12. Their
 * terms shrink like a power of k, so summing them takes about 10^60 terms for 60 digits;
 * their sums are exact instead.
 *
 * The term c (-1)^(a k) N(k) / D(k), with c free of k and N, D polynomials of rational
 * coefficients whose D has rational roots only, is split into partial fractions
 * sum_j sum_m c_jm / (k - r_j)^m, and each is a Hurwitz zeta value
 *
 *   sum_{k >= L} 1 / (k - r)^m = zeta(m, q) = (-1)^m polygamma(m - 1, q) / (m - 1)!,  q = L - r > 0,
 *
 * (for m = 1, -digamma(q): the series converges only where those parts' c_j1 add to 0, so
 * the divergent parts cancel), and with the sign alternating
 *
 *   sum_{n >= 0} (-1)^n / (n + q)^m = 2^-m (zeta(m, q / 2) - zeta(m, (q + 1) / 2)),
 *   sum_{n >= 0} (-1)^n / (n + q)     = (digamma((q + 1) / 2) - digamma(q / 2)) / 2.
 *
 * The exact engine reads polygamma at a rational argument through its recurrence down to
 * (0, 1], and at 1 and 1/2 of an odd order as the even zeta values, rational multiples of a
 * power of pi; the 60-digit evaluation reads them as the numbers they are. A series that
 * does not converge (D not of degree N + 2, or N + 1 alternating), whose D has an irrational
 * or complex root (1 / (k^2 + 1)), or a pole at some k >= L, is not recognised here.
 */
export function rationalSeriesSum(series: Extract<Term, { k: 'series' }>): KnownSeriesSum | undefined {
  const read = readTerm(series.body, series.index);
  if (read === undefined) return undefined;
  const { factors, alternating, numerator, denominator } = read;
  const degreeN = degree(numerator);
  const degreeD = degree(denominator);
  if (degreeN < 0 || degreeD < 1 || degreeD > MAX_DEGREE || degreeD - degreeN < (alternating ? 1 : 2)) return undefined;
  const roots = rationalRoots(denominator);
  if (roots === undefined) return undefined;
  const lower = series.lower;
  // A root at a whole k >= L is a term with no value: not a sum of this table.
  if (roots.some((r) => r.root.isInteger() && r.root.cmp(Rational.of(lower)) >= 0)) return undefined;
  // From L' on, every k - r is positive: the terms before it are written out.
  const start = Math.max(lower, ...roots.map((r) => Number(floorOf(r.root)) + 1));
  if (start - lower > MAX_HEAD_TERMS) return undefined;
  const fractions = partialFractions(numerator, denominator, roots);
  if (!alternating) {
    let simple = Rational.ZERO;
    for (const f of fractions) if (f.power === 1) simple = simple.add(f.coefficient);
    if (!simple.isZero()) return undefined;
  }
  const parts: Term[] = [];
  for (const { root, power, coefficient } of fractions) {
    if (coefficient.isZero()) continue;
    const q = Rational.of(start).sub(root);
    const value = alternating ? alternatingZeta(power, q, start) : hurwitzZeta(power, q);
    parts.push(mul(constant(coefficient), value));
  }
  const head = Array.from({ length: start - lower }, (_, j) => termAt(series, lower + j));
  const closedForm = add(mul(...factors, add(...parts)), ...head);
  return { ownFirst: termAt(series, lower), first: num(1), head: num(0), ratio: num(1), closedForm, converges: [] };
}

/** The highest degree of a denominator read here: past it the partial fractions grow past any textbook's. */
const MAX_DEGREE = 12;
/** The most terms written out before the series' part where every k - r is positive. */
const MAX_HEAD_TERMS = 64;

/** Coefficients of a polynomial in k, the constant first. */
type Polynomial = Rational[];

interface ReadTerm {
  /** The factors free of k. */
  readonly factors: Term[];
  /** Whether the sign alternates with k, (-1)^k. */
  readonly alternating: boolean;
  readonly numerator: Polynomial;
  readonly denominator: Polynomial;
}

/** The body as c (-1)^(a k) N(k) / D(k), or undefined where it is not one. */
function readTerm(body: Term, index: string): ReadTerm | undefined {
  const names = new Set([index]);
  const factors: Term[] = [];
  let alternating = false;
  let numerator: Polynomial = [Rational.ONE];
  let denominator: Polynomial = [Rational.ONE];
  for (const f of body.k === 'mul' ? body.factors : [body]) {
    if (!usesIndexVariable(f, names)) { factors.push(f); continue; }
    if (f.k === 'pow' && rationalValue(f.base)?.equals(Rational.of(-1))) {
      const e = affineIn(f.exponent, index);
      if (e === undefined || !e.a.isInteger() || !e.b.isInteger()) return undefined;
      if (e.a.num % 2n !== 0n) alternating = !alternating;
      if (e.b.num % 2n !== 0n) factors.push(num(-1));
      continue;
    }
    const r = rationalIn(f, index);
    if (r === undefined) return undefined;
    numerator = multiply(numerator, r.numerator);
    denominator = multiply(denominator, r.denominator);
    if (degree(numerator) > MAX_DEGREE || degree(denominator) > MAX_DEGREE) return undefined;
  }
  return { factors, alternating, numerator: trimmed(numerator), denominator: trimmed(denominator) };
}

/** The term as N(k) / D(k) with rational coefficients, or undefined. */
function rationalIn(t: Term, index: string): { numerator: Polynomial; denominator: Polynomial } | undefined {
  const c = rationalValue(t);
  if (c !== undefined) return { numerator: [c], denominator: [Rational.ONE] };
  const affine = affineIn(t, index);
  if (affine !== undefined) return { numerator: [affine.b, affine.a], denominator: [Rational.ONE] };
  if (t.k === 'add' || t.k === 'mul') {
    let acc = { numerator: [t.k === 'add' ? Rational.ZERO : Rational.ONE], denominator: [Rational.ONE] };
    for (const part of t.k === 'add' ? t.terms : t.factors) {
      const r = rationalIn(part, index);
      if (r === undefined) return undefined;
      acc = t.k === 'add'
        ? { numerator: plus(multiply(acc.numerator, r.denominator), multiply(r.numerator, acc.denominator)), denominator: multiply(acc.denominator, r.denominator) }
        : { numerator: multiply(acc.numerator, r.numerator), denominator: multiply(acc.denominator, r.denominator) };
      if (degree(acc.numerator) > MAX_DEGREE || degree(acc.denominator) > MAX_DEGREE) return undefined;
    }
    return acc;
  }
  if (t.k === 'pow') {
    const e = rationalValue(t.exponent);
    if (e === undefined || !e.isInteger() || e.abs().cmp(Rational.of(MAX_DEGREE)) > 0) return undefined;
    const base = rationalIn(t.base, index);
    if (base === undefined) return undefined;
    const n = Number(e.num);
    let numerator: Polynomial = [Rational.ONE];
    let denominator: Polynomial = [Rational.ONE];
    for (let i = 0; i < Math.abs(n); i++) {
      numerator = multiply(numerator, base.numerator);
      denominator = multiply(denominator, base.denominator);
    }
    return n >= 0 ? { numerator, denominator } : { numerator: denominator, denominator: numerator };
  }
  return undefined;
}

/** Each rational root of the polynomial with its multiplicity, or undefined where it has another root. */
function rationalRoots(p: Polynomial): { root: Rational; multiplicity: number }[] | undefined {
  // The roots are those of the square-free part p / gcd(p, p'), whose coefficients are far smaller than a power's.
  const distinct = distinctRoots(squareFree(trimmed(p)));
  if (distinct === undefined) return undefined;
  const roots: { root: Rational; multiplicity: number }[] = [];
  let rest = trimmed(p);
  for (const root of distinct) {
    let multiplicity = 0;
    while (degree(rest) > 0 && evaluate(rest, root).isZero()) { rest = dividedByRoot(rest, root); multiplicity++; }
    roots.push({ root, multiplicity });
  }
  return degree(rest) === 0 ? roots : undefined;
}

/** The rational roots of a square-free polynomial, or undefined where it has another root. */
function distinctRoots(p: Polynomial): Rational[] | undefined {
  let rest = trimmed(p);
  const roots: { root: Rational; multiplicity: number }[] = [];
  const found = (root: Rational) => {
    const known = roots.find((r) => r.root.equals(root));
    if (known) known.multiplicity++;
    else roots.push({ root, multiplicity: 1 });
  };
  while (degree(rest) > 0) {
    // Every root must be rational: one that is not, or coefficients too large to search, and there is no answer.
    const root = rationalRoot(rest);
    if (!root) return undefined;
    found(root);
    rest = dividedByRoot(rest, root);
  }
  return roots.map((r) => r.root);
}

/** p / gcd(p, p'): each root once. */
function squareFree(p: Polynomial): Polynomial {
  const derivative = trimmed(p.slice(1).map((c, i) => c.mul(Rational.of(i + 1))));
  const common = gcd(p, derivative);
  return degree(common) <= 0 ? p : quotient(p, common);
}

/** The greatest common divisor of two polynomials, by Euclid's algorithm over the rationals. */
function gcd(a: Polynomial, b: Polynomial): Polynomial {
  while (degree(b) >= 0) [a, b] = [b, remainder(a, b)];
  return a;
}

/** The quotient and remainder of a by b (b not 0). */
function division(a: Polynomial, b: Polynomial): { quotient: Polynomial; remainder: Polynomial } {
  const db = degree(b);
  let r = trimmed(a);
  const q: Polynomial = new Array(Math.max(1, degree(a) - db + 1)).fill(Rational.ZERO);
  while (degree(r) >= db && degree(r) >= 0) {
    const shift = degree(r) - db;
    const factor = r[degree(r)].div(b[db]);
    q[shift] = factor;
    r = trimmed(plus(r, multiply(new Array(shift).fill(Rational.ZERO).concat([factor.neg()]), b)));
    if (degree(r) < 0) break;
  }
  return { quotient: trimmed(q), remainder: r };
}

const remainder = (a: Polynomial, b: Polynomial) => division(a, b).remainder;
const quotient = (a: Polynomial, b: Polynomial) => division(a, b).quotient;

/**
 * N / D as sum_j sum_m c_jm / (k - r_j)^m (deg N < deg D): at each root r of multiplicity e,
 * c_{e - l} is the l-th Taylor coefficient at r of N / (D / (k - r)^e).
 */
function partialFractions(numerator: Polynomial, denominator: Polynomial, roots: readonly { root: Rational; multiplicity: number }[]): { root: Rational; power: number; coefficient: Rational }[] {
  const out: { root: Rational; power: number; coefficient: Rational }[] = [];
  for (const { root, multiplicity } of roots) {
    let other = denominator;
    for (let i = 0; i < multiplicity; i++) other = dividedByRoot(other, root);
    const top = shifted(numerator, root);
    const below = shifted(other, root);
    const taylor = seriesQuotient(top, below, multiplicity);
    for (let l = 0; l < multiplicity; l++) out.push({ root, power: multiplicity - l, coefficient: taylor[l] });
  }
  return out;
}

/** zeta(m, q) = sum_{n >= 0} (n + q)^-m for m >= 2, and -digamma(q) for m = 1 (see rationalSeriesSum). */
function hurwitzZeta(m: number, q: Rational): Term {
  const at = constant(q);
  if (m === 1) return mul(num(-1), fn('digamma', at));
  let factorial = 1n;
  for (let i = 2n; i < BigInt(m); i++) factorial *= i;
  return mul(num(m % 2 === 0 ? 1n : -1n, factorial), fn('polygamma', num(m - 1), at));
}

/** sum_{k >= L'} (-1)^k / (k - r)^m, with q = L' - r (see rationalSeriesSum). */
function alternatingZeta(m: number, q: Rational, start: number): Term {
  const sign = num(start % 2 === 0 ? 1 : -1);
  const half = Rational.of(1, 2);
  const lowerHalf = q.mul(half);
  const upperHalf = q.add(Rational.ONE).mul(half);
  if (m === 1) return mul(sign, num(1, 2), add(fn('digamma', constant(upperHalf)), mul(num(-1), fn('digamma', constant(lowerHalf)))));
  return mul(sign, num(1n, 2n ** BigInt(m)), add(hurwitzZeta(m, lowerHalf), mul(num(-1), hurwitzZeta(m, upperHalf))));
}

function constant(r: Rational): Term {
  return num(r.num, r.den);
}

function floorOf(r: Rational): bigint {
  const q = r.num / r.den;
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}

function degree(p: Polynomial): number {
  for (let i = p.length - 1; i >= 0; i--) if (!p[i].isZero()) return i;
  return -1;
}

function trimmed(p: Polynomial): Polynomial {
  return p.slice(0, Math.max(1, degree(p) + 1));
}

function plus(a: Polynomial, b: Polynomial): Polynomial {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? Rational.ZERO).add(b[i] ?? Rational.ZERO));
}

function multiply(a: Polynomial, b: Polynomial): Polynomial {
  const out: Polynomial = Array.from({ length: a.length + b.length - 1 }, () => Rational.ZERO);
  a.forEach((x, i) => { if (!x.isZero()) b.forEach((y, j) => { out[i + j] = out[i + j].add(x.mul(y)); }); });
  return trimmed(out);
}

function evaluate(p: Polynomial, x: Rational): Rational {
  let acc = Rational.ZERO;
  for (let i = p.length - 1; i >= 0; i--) acc = acc.mul(x).add(p[i]);
  return acc;
}


/** p(r + u) as a polynomial in u. */
function shifted(p: Polynomial, r: Rational): Polynomial {
  let out: Polynomial = [Rational.ZERO];
  for (let i = p.length - 1; i >= 0; i--) out = plus(multiply(out, [r, Rational.ONE]), [p[i]]);
  return out;
}

/** The first `count` Taylor coefficients of a(u) / b(u) at u = 0 (b(0) != 0). */
function seriesQuotient(a: Polynomial, b: Polynomial, count: number): Rational[] {
  const out: Rational[] = [];
  for (let l = 0; l < count; l++) {
    let acc = a[l] ?? Rational.ZERO;
    for (let j = 1; j <= l; j++) acc = acc.sub((b[j] ?? Rational.ZERO).mul(out[l - j]));
    out.push(acc.div(b[0]));
  }
  return out;
}



