import type { Decimal } from 'decimal.js';
import { bernoulliNumber } from './gamma-function.ts';
import {
  at, degree, hurwitzZeta, MAX_EXPANSION_TERMS, MAX_HEAD, MIN_HEAD, plus, readRationalTerm, ROOT_MARGIN, rootBound, times, trimmed, wholeDecimal, working,
  type Polynomial, type Working,
} from './rational-series-tail.ts';
import { mul } from './term-builders.ts';
import type { Term } from './term.ts';

/**
 * sum_{k = from}^{to} c N(k) / D(k) in 60 digits, where `to` is far past what is added up term by term (a bound in n
 * read at n = 10^12: the harmonic sum against log(n) + 0.57721566490153 + 1 / (2n), false only past n = 5.4e6 where
 * Euler's constant was cut at its 14th digit). N and D are polynomials in k with rational coefficients, of any degrees;
 * the terms up to K (64 times past Fujiwara's bound on D's roots, and past 500) are added up, and from K on
 *
 *   sum_{k=K}^{to} N(k) / D(k) = sum_i q_i sum_{k=K}^{to} k^-(i + d),   N(k) / D(k) = sum_i q_i k^-(i + d),
 *
 * d = deg D - deg N of either sign: a whole power (i + d <= 0) is summed by Faulhaber's formula, exactly; the others
 * are Hurwitz zeta differences zeta(s, K) - zeta(s, to + 1), at s = 1 digamma(to + 1) - digamma(K). The expansion
 * converges past D's roots, each term about 1/64 of the last. With the sign alternating, the even and the odd k are
 * two such sums, in m with k = 2m and k = 2m + 1.
 */
export interface FiniteRationalSum {
  /** The factors free of k, as one term (1 where there are none). */
  readonly factor: Term;
  /** The sum with a bound on its error, or undefined where a term has no value (a root of D at a whole k) or it cannot be read. */
  sum(): { readonly value: Decimal; readonly error: Decimal } | undefined;
}

/** Digits the sums are read to: the high-precision evaluator's. */
const DIGITS = 60;

export function finiteRationalSum(body: Term, index: string, from: number, to: number): FiniteRationalSum | undefined {
  const read = readRationalTerm(body, index);
  if (read === undefined || !Number.isSafeInteger(from) || !Number.isInteger(to) || from < 1 || to < from) return undefined;
  const { numerator, denominator, alternating } = read;
  // Past 2^53 (a bound read at n = 2^80) `to` is whole but its halves are not counted exactly in doubles.
  if (alternating && !Number.isSafeInteger(to)) return undefined;
  if (degree(denominator) < 0) return undefined;
  let cached: { value: Decimal; error: Decimal } | undefined | null = null;
  return {
    factor: mul(...read.constant),
    sum() {
      if (cached === null) cached = alternating ? alternatingSum(numerator, denominator, from, to) : summedBetween(numerator, denominator, from, to, working(DIGITS));
      return cached;
    },
  };
}

/** sum (-1)^k N(k) / D(k): the even k (k = 2m) less the odd (k = 2m + 1), each a sum over m. */
function alternatingSum(numerator: Polynomial, denominator: Polynomial, from: number, to: number): { value: Decimal; error: Decimal } | undefined {
  const w = working(DIGITS);
  const parts = [0, 1].map((parity) => {
    const first = Math.ceil((from - parity) / 2);
    const last = Math.floor((to - parity) / 2);
    if (last < first) return { value: new w.W(0), error: new w.W(0) };
    // m from 0 is shifted to m from 1: k = 2 (m' - 1) + parity.
    const shift = first < 1 ? 1 - first : 0;
    const k = [new w.W(parity - 2 * shift), new w.W(2)];
    return summedBetween(composed(numerator, k, w), composed(denominator, k, w), first + shift, last + shift, w);
  });
  const [even, odd] = parts;
  if (even === undefined || odd === undefined) return undefined;
  return { value: even.value.minus(odd.value), error: even.error.plus(odd.error) };
}

/** p(q(m)) for a polynomial q, by Horner's rule over polynomials. */
function composed(p: Polynomial, q: Polynomial, w: Working): Polynomial {
  let out: Polynomial = [new w.W(0)];
  for (let i = p.length - 1; i >= 0; i--) out = plus(times(out, q), [p[i]]);
  return trimmed(out);
}

function summedBetween(numerator: Polynomial, denominator: Polynomial, from: number, to: number, w: Working): { value: Decimal; error: Decimal } | undefined {
  const { W, negligible: NEGLIGIBLE } = w;
  const m = degree(denominator);
  const lead = denominator[m];
  const K = Math.max(from, MIN_HEAD, Math.ceil(rootBound(denominator, W).times(ROOT_MARGIN).toNumber()) + 1);
  if (!Number.isSafeInteger(K) || Math.min(K, to + 1) - from > MAX_HEAD) return undefined;
  let head = new W(0);
  let headScale = new W(0);
  for (let k = from; k < Math.min(K, to + 1); k++) {
    const den = at(denominator, k, W);
    // A root of D at a whole k, or next to one: a term with no value.
    if (den.abs().lt(lead.abs().times(`1e-${w.digits}`))) return undefined;
    const term = at(numerator, k, W).div(den);
    head = head.plus(term);
    headScale = headScale.plus(term.abs());
  }
  if (K > to) return { value: head, error: headScale.times(`1e-${w.digits + 18}`) };
  // N(k) / D(k) = x^d A(x) / B(x), x = 1 / k, with A and B the coefficients read from the top.
  const d = m - degree(numerator);
  const A = numerator.slice().reverse();
  const B = denominator.slice().reverse();
  const q: Decimal[] = [];
  const lower = new W(K);
  const upper = wholeDecimal(W, to).plus(1);
  let expansion = new W(0);
  let scale = new W(0);
  let zetas = new W(0);
  let last = new W(0);
  let lastButOne = new W(Infinity);
  let converged = false;
  for (let i = 0; i < MAX_EXPANSION_TERMS + Math.max(0, -d); i++) {
    let c = i < A.length ? A[i] : new W(0);
    for (let j = 1; j <= Math.min(i, m); j++) c = c.minus(B[j].times(q[i - j]));
    q.push(c.div(B[0]));
    const s = i + d;
    let part: Decimal;
    if (s <= 0) {
      part = q[i].isZero() ? new W(0) : q[i].times(powerSum(-s, K, to, W));
    } else {
      const below = hurwitzZeta(s, lower, w);
      const above = hurwitzZeta(s, upper, w);
      if (below === undefined || above === undefined) return undefined;
      part = q[i].times(below.value.minus(above.value));
      // The two zeta values may cancel (a piece from K near its end): each one's rounding counts, not their difference's.
      zetas = zetas.plus(q[i].abs().times(below.value.abs().plus(above.value.abs())));
    }
    expansion = expansion.plus(part);
    scale = scale.plus(part.abs());
    if (s <= 0) continue;
    lastButOne = last;
    last = part;
    // Two negligible terms in a row end it (a coefficient may be 0 by symmetry).
    const negligible = NEGLIGIBLE.times(expansion.abs().plus(head.abs()));
    if (last.abs().lte(negligible) && lastButOne.abs().lte(negligible)) {
      converged = true;
      break;
    }
  }
  if (!converged) return undefined;
  // Each head term in 80 digits; the expansion's rest bounded by twice its last term (a geometric series of ratio
  // 1/64 at most); each Hurwitz zeta value and each power sum read to within 1e-70 of the parts' sizes.
  const error = headScale.times(`1e-${w.digits + 18}`).plus(last.abs().times(2)).plus(head.abs().plus(scale).plus(zetas).times(`1e-${w.digits + 10}`));
  return { value: head.plus(expansion), error };
}

/** sum_{k=a}^{b} k^p, exactly (Faulhaber: S_p(m) = (1 / (p + 1)) sum_j binomial(p + 1, j) B+_j m^(p + 1 - j)), in W. */
function powerSum(p: number, a: number, b: number, W: typeof Decimal): Decimal {
  const [num, den] = faulhaber(p, BigInt(b));
  const [num0, den0] = faulhaber(p, BigInt(a - 1));
  return new W((num * den0 - num0 * den).toString()).div((den * den0).toString());
}

/** S_p(m) = 1^p + ... + m^p as [numerator, denominator]. */
function faulhaber(p: number, m: bigint): [bigint, bigint] {
  let num = 0n;
  let den = 1n;
  let binomial = 1n;
  for (let j = 0; j <= p; j++) {
    // B+_1 = +1/2; the other odd ones are 0.
    const [bn, bd] = j === 1 ? [1n, 2n] : j % 2 === 1 ? [0n, 1n] : bernoulliNumber(j);
    if (bn !== 0n) {
      const termNum = binomial * bn * m ** BigInt(p + 1 - j);
      num = num * bd + termNum * den;
      den *= bd;
    }
    binomial = (binomial * BigInt(p + 1 - j)) / BigInt(j + 1);
  }
  return [num, den * BigInt(p + 1)];
}
