import type { Decimal } from 'decimal.js';
import { finiteRationalSum, type FiniteRationalSum } from './finite-rational-sum.ts';
import { preciseLgamma } from './gamma-function.ts';
import { degree, hurwitzZeta, MIN_HEAD, rationalIn, wholeDecimal, working } from './rational-series-tail.ts';
import { mul } from './term-builders.ts';
import { usesIndexVariable } from './term-queries.ts';
import type { Term } from './term.ts';

/**
 * sum_{k = from}^{to} of a term of k in 60 digits, with `to` far past what is added up term by term, where the term
 * has a closed form: a rational function of k (finite-rational-sum.ts), or times a constant
 *
 * - a power (k + a)^q, q not whole (the integral test's sum(k, 1, n, 1 / sqrt(k))): zeta(-q, from + a) - zeta(-q, to + a + 1),
 *   Hurwitz zeta by Euler-Maclaurin past its first 500 terms, which are added up;
 * - a logarithm log(b k + c) (Stirling's log n! = sum log k): (to - from + 1) log b + lgamma(to + a + 1) - lgamma(from + a), a = c / b;
 * - a geometric term r^(b k + c), r a rational constant: r^c (R^from - R^(to + 1)) / (1 - R), R = r^b.
 *
 * Undefined where the term is none of these.
 */
export function finiteSum(body: Term, index: string, from: number, to: number): FiniteRationalSum | undefined {
  // `to` may be a whole double past 2^53 (a bound read at n = 2^80): every sum with it is counted in decimals.
  if (!Number.isSafeInteger(from) || !Number.isInteger(to) || from < 1 || to < from) return undefined;
  const rational = finiteRationalSum(body, index, from, to);
  if (rational !== undefined) return rational;
  const names = new Set([index]);
  const factors = body.k === 'mul' ? body.factors : [body];
  const varying = factors.filter((f) => usesIndexVariable(f, names));
  // A body free of k (log 2 of Wallis' log(2k - 1) - log 2 - log k): as many times itself as the range is long.
  if (varying.length === 0) {
    const { W } = working(60);
    return { factor: body, sum: () => ({ value: count(W, from, to), error: new W(0) }) };
  }
  if (varying.length !== 1) return undefined;
  const factor = mul(...factors.filter((f) => !usesIndexVariable(f, names)));
  const sum = specialSum(varying[0], index, from, to);
  if (sum === undefined) return undefined;
  let cached: { value: Decimal; error: Decimal } | undefined | null = null;
  return {
    factor,
    sum() {
      if (cached === null) {
        try {
          cached = sum();
        } catch {
          // Past decimal.js's range or digits (a power of 10^15 terms): no reading.
          cached = undefined;
        }
      }
      return cached;
    },
  };
}

/** to - from + 1, exactly: `to` may be past 2^53. */
function count(W: typeof Decimal, from: number, to: number): Decimal {
  return wholeDecimal(W, to).minus(from).plus(1);
}

type Reading = () => { value: Decimal; error: Decimal } | undefined;

function specialSum(t: Term, index: string, from: number, to: number): Reading | undefined {
  const w = working(60);
  const { W } = w;
  // A shift a of k, read as a whole number: (k + a)^q and log(k + a).
  const shiftOf = (x: Term): number | undefined => {
    const r = rationalIn(x, index);
    if (r === undefined || degree(r.denominator) !== 0 || degree(r.numerator) !== 1) return undefined;
    const [a, b] = [r.numerator[0].div(r.denominator[0]), r.numerator[1].div(r.denominator[0])];
    return b.eq(1) && a.isInteger() ? a.toNumber() : undefined;
  };
  const power = powerOf(t, index);
  if (power !== undefined) {
    const shift = shiftOf(power.base);
    // Past 2^53 to + shift is not counted exactly in doubles.
    if (shift === undefined || from + shift < 1 || (shift !== 0 && !Number.isSafeInteger(to))) return undefined;
    return () => powerSum(power.q, from + shift, to + shift);
  }
  if (t.k === 'fn' && t.name === 'log' && t.args.length === 1) {
    // log(b k + c), c rational: (to - from + 1) log |b| plus a difference of lgammas, where every b k + c of the range is
    // positive (Wallis' log((2k - 1) / (2k)) splits into log(2k - 1) - log(2k), probe 96).
    const r = rationalIn(t.args[0], index);
    if (r === undefined || degree(r.denominator) !== 0 || degree(r.numerator) !== 1) return undefined;
    const [c, b] = [new W(r.numerator[0].div(r.denominator[0])), new W(r.numerator[1].div(r.denominator[0]))];
    if (b.isZero()) return undefined;
    const a = c.div(b.abs());
    // Rising, b > 0: prod (k + a) over the range is gamma(to + a + 1) / gamma(from + a). Falling, b < 0 (a product read
    // backwards, pochhammer(1/2, n) as prod over j of (n - 1/2 + 1 - j)): prod (a - k) is gamma(a - from + 1) / gamma(a - to).
    const [upperAt, lowerAt] = b.isPositive() ? [a.plus(wholeDecimal(W, to)).plus(1), a.plus(from)] : [a.minus(from - 1), a.minus(wholeDecimal(W, to))];
    if (!lowerAt.isPositive()) return undefined;
    return () => {
      const [upper, lower] = [preciseLgamma(W, upperAt), preciseLgamma(W, lowerAt)];
      const scale = b.abs().eq(1) ? new W(0) : b.abs().ln().times(count(W, from, to));
      const value = upper.minus(lower).plus(scale);
      // Each lgamma to its own rounding (they cancel where the range is short against its place): their sizes count.
      return { value, error: upper.abs().plus(lower.abs()).plus(scale.abs()).times(`1e-${w.digits + 10}`).plus(value.abs().times(`1e-${w.digits + 5}`)) };
    };
  }
  if (t.k === 'pow' && !usesIndexVariable(t.base, new Set([index]))) {
    const e = rationalIn(t.exponent, index);
    const r = constantOf(t.base, index);
    if (e === undefined || r === undefined || r.lte(0) || degree(e.denominator) !== 0 || degree(e.numerator) !== 1) return undefined;
    const [c, b] = [e.numerator[0].div(e.denominator[0]), e.numerator[1].div(e.denominator[0])];
    if (!c.isInteger() || !b.isInteger()) return undefined;
    return () => {
      const R = r.pow(b);
      const scale = r.pow(c);
      if (R.eq(1)) return { value: scale.times(count(W, from, to)), error: new W(0) };
      const [first, past] = [R.pow(from), R.pow(wholeDecimal(W, to).plus(1))];
      const value = scale.times(first.minus(past)).div(new W(1).minus(R));
      // The difference of the two powers may cancel (R near 1): its error is of their size, not of the value's.
      // r itself is read to 80 digits (1/3 is not exact): R^(10^15) carries 10^15 times its relative error.
      const error = scale.times(first.abs().times(from + 1).plus(past.abs().times(wholeDecimal(W, to).plus(2)))).div(new W(1).minus(R).abs())
        .times(b.abs().plus(c.abs()).plus(1)).plus(value.abs()).times(`1e-${w.digits + 5}`);
      return value.isFinite() && error.isFinite() ? { value, error } : undefined;
    };
  }
  return undefined;
}

/**
 * The term as base^q with q not whole and exact in a double (the Euler-Maclaurin reading takes it as one): a half
 * (sqrt), a quarter, an eighth of a whole number.
 */
function powerOf(t: Term, index: string): { base: Term; q: number } | undefined {
  const sqrtOf = (x: Term): Term | undefined => (x.k === 'fn' && x.name === 'sqrt' && x.args.length === 1 ? x.args[0] : undefined);
  const root = sqrtOf(t);
  if (root !== undefined) return { base: root, q: 0.5 };
  if (t.k !== 'pow') return undefined;
  const exponent = constantOf(t.exponent, index);
  if (exponent === undefined) return undefined;
  const inner = sqrtOf(t.base);
  const q = inner === undefined ? exponent : exponent.div(2);
  // Eighths up to 8 in size are exact doubles; a whole power is a rational function's.
  if (!q.times(8).isInteger() || q.isInteger() || q.abs().gt(8)) return undefined;
  return { base: inner ?? t.base, q: q.toNumber() };
}

/** A constant written with rational numbers (1/2 is 2^-1 in the model), in 80 digits; undefined for anything else. */
function constantOf(t: Term, index: string): Decimal | undefined {
  const r = rationalIn(t, index);
  if (r === undefined || degree(r.numerator) > 0 || degree(r.denominator) !== 0) return undefined;
  return r.numerator[0].div(r.denominator[0]);
}

/** sum_{j=a}^{b} j^q for a rational q not whole: the first terms added up, the rest as zeta(-q, K) - zeta(-q, b + 1). */
function powerSum(q: number, a: number, b: number): { value: Decimal; error: Decimal } | undefined {
  const w = working(60);
  const { W } = w;
  const K = Math.max(a, MIN_HEAD);
  let head = new W(0);
  for (let j = a; j < Math.min(K, b + 1); j++) head = head.plus(new W(j).pow(q));
  if (K > b) return { value: head, error: head.abs().times(`1e-${w.digits + 15}`) };
  const s = -q;
  if (Number.isInteger(s)) return undefined;
  const below = hurwitzZeta(s, new W(K), w);
  const above = hurwitzZeta(s, wholeDecimal(W, b).plus(1), w);
  if (below === undefined || above === undefined) return undefined;
  const tail = below.value.minus(above.value);
  const value = head.plus(tail);
  return { value, error: head.abs().plus(below.value.abs()).plus(above.value.abs()).times(`1e-${w.digits + 8}`) };
}
