import { add, constantFraction, div, fn, mul, num, pow, sub, usesIndexVariable, type Term } from '../model/index.ts';
import { Rational } from './exact/index.ts';
import { affineIn, rationalValue, termAt } from './series-terms.ts';
import { rationalSeriesSum } from './rational-series.ts';

/**
 * The sums of the series the calculus texts tabulate (Stewart 11.10, table 1),
 * recognised by the ratio of consecutive terms, as a hypergeometric series:
 * a body made of powers c^(a k + b), factorials and gamma functions of a k + b,
 * binomial(c, k) and powers of a k + b has a term ratio
 *
 *   t(k + 1) / t(k) = z (k + a_1) ... (k + a_p) / ((k + b_1) ... (k + b_q)),
 *
 * and with the ratio's parameters known, the series is t(L) times one of
 *
 * | parameters (from k = L, with the m! of the definition) | sum | converges (exactly) |
 * |---|---|---|
 * | none over 1 | exp(z) | everywhere |
 * | a over 1 | (1 - z)^(-a), the geometric and binomial series | abs(z) < 1, and on the circle as a says |
 * | none over 1, 1/2 | cos(u) or cosh(u), z = -u^2/4 or u^2/4 | everywhere |
 * | none over 1, 3/2 | sin(u)/u or sinh(u)/u | everywhere |
 * | 1, 1 over 1, 2 | -log(1 - z)/z | -1 <= z < 1 |
 * | 1/2, 1 over 1, 3/2 | atan(u)/u (z = -u^2) or atanh(u)/u (z = u^2) | -1 <= z < 1 |
 *
 * The region of convergence is returned as conditions, exactly, boundary
 * included: a condition too strict would leave the line above without a value
 * where it has one, and a step wrong only there would be proved. A removable
 * singularity of the closed form (sin(u)/u at u = 0) is no gap: the caller reads
 * the closed form for its value only. Anything else (a series whose terms have
 * poles, vanish at some k, or whose ratio is not of this shape) is not recognised,
 * and stays for the numbers.
 */
export interface KnownSeriesSum {
  /** The series' own first term t(L): its conditions are the series'. */
  readonly ownFirst: Term;
  /** The first term of the table's series, t(L0), L0 <= L: its value times the closed form is the sum from L0. */
  readonly first: Term;
  /** t(L0) + ... + t(L - 1), the terms the series leaves out of the table's (a tail, e^x - 1 - x from k = 2); 0 for none. */
  readonly head: Term;
  /** z, the ratio's factor free of k: its conditions (the bases of the powers) are the series'. */
  readonly ratio: Term;
  /** The sum from L0 divided by t(L0), as a function of z; its own conditions are not the series' (see above). */
  readonly closedForm: Term;
  /** Where the series converges: each term > 0 (strict) or >= 0. */
  readonly converges: readonly Convergence[];
}

/** A term that is > 0 (strict) or >= 0 where the series converges. */
export interface Convergence {
  readonly term: Term;
  readonly strict: boolean;
  readonly text: string;
}

/** The highest power of a base in the term ratio (x^(2k) has 2). */
const MAX_RATIO_POWER = 64;

/** The most terms a tail leaves out of the table's series ({@link knownSeriesSum}). */
const MAX_HEAD_TERMS = 8;

/**
 * The closed form of a series, or undefined where it is not one of the table's:
 * the table's own, or a tail of one (sum(k, 3, Infinity, x^k / k!) is e^x less
 * its first three terms), where the table's series from an earlier start has no
 * pole and no vanishing term either.
 */
export function knownSeriesSum(series: Extract<Term, { k: 'series' }>): KnownSeriesSum | undefined {
  // The canonical form reads a series once per side, high precision at every point and digits: recognised once.
  if (recognised.has(series)) return recognised.get(series);
  const sum = recognise(series);
  recognised.set(series, sum);
  return sum;
}

const recognised = new WeakMap<Extract<Term, { k: 'series' }>, KnownSeriesSum | undefined>();

function recognise(series: Extract<Term, { k: 'series' }>): KnownSeriesSum | undefined {
  const direct = tableSum(series);
  if (direct !== undefined) return direct;
  for (let start = Math.max(0, series.lower - MAX_HEAD_TERMS); start < series.lower; start++) {
    const whole = tableSum({ ...series, lower: start });
    if (whole === undefined) continue;
    const head = Array.from({ length: series.lower - start }, (_, j) => termAt(series, start + j));
    return { ...whole, ownFirst: termAt(series, series.lower), head: add(...head) };
  }
  // First terms that are 0 by a factor k, k - 1, ... (the Poisson mean's sum of k L^k / k!, whose ratio has no value
  // at k = 0): the same series from its first term past them.
  for (let start = series.lower + 1; start <= series.lower + MAX_HEAD_TERMS && isExactlyZero(termAt(series, start - 1)); start++) {
    const rest = tableSum({ ...series, lower: start });
    // The skipped terms' conditions are the series' (0 * 1/0 has no value): read through their product.
    const skipped = Array.from({ length: start - series.lower }, (_, j) => termAt(series, series.lower + j));
    // A product node as it is: the builder would fold a factor 0 and drop a 1/0 beside it.
    if (rest !== undefined) return { ...rest, ownFirst: { k: 'mul', factors: [...skipped, rest.ownFirst] } };
  }
  return rationalSeriesSum(series);
}

/** A term that is 0 by its form: a constant 0 (1 - 1), or a product with a factor 0 (k at k = 0), or 0 to a positive constant power. */
function isExactlyZero(t: Term): boolean {
  const c = constantFraction(t);
  if (c !== undefined) return c.num === 0n;
  if (t.k === 'mul') return t.factors.some(isExactlyZero);
  if (t.k === 'pow') return isExactlyZero(t.base) && t.exponent.k === 'num' && t.exponent.value.num > 0n;
  return false;
}

/** A series of the table, summed from its own first term. */
function tableSum(series: Extract<Term, { k: 'series' }>): KnownSeriesSum | undefined {
  const { index, lower, body } = series;
  const names = new Set([index]);
  if (!usesIndexVariable(body, names)) return undefined;
  const ratio = termRatio(body, index, lower);
  if (ratio === undefined || ratio.q.isZero()) return undefined;
  // Shift to m = k - L, cancel parameters shared above and below, and make the m! of the definition explicit.
  let upper = ratio.upper.map((a) => a.add(Rational.of(lower)));
  let below = ratio.lower.map((b) => b.add(Rational.of(lower)));
  for (let i = 0; i < upper.length; i++) {
    const j = below.findIndex((b) => b.equals(upper[i]));
    if (j >= 0) { upper.splice(i--, 1); below.splice(j, 1); }
  }
  if (!below.some((b) => b.equals(Rational.ONE))) { upper = [...upper, Rational.ONE]; below = [...below, Rational.ONE]; }
  upper.sort((a, b) => a.cmp(b));
  below.sort((a, b) => a.cmp(b));
  const z = mul(num(ratio.q.num, ratio.q.den), ...ratio.powers);
  const first = termAt(series, lower);
  const is = (list: Rational[], ...values: Array<[number, number]>) =>
    list.length === values.length && values.every(([p, q], i) => list[i].equals(Rational.of(p, q)));
  const one = num(1);
  // abs(z) < 1 as 1 - z > 0 and 1 + z > 0: each implies what a closed form needs (1 - z != 0), as 1 - z^2 > 0 would not.
  const belowOne = (strict: boolean): Convergence => ({ term: sub(one, z), strict, text: `the series converges: its ratio ${strict ? '<' : '<='} 1` });
  const aboveMinusOne = (strict: boolean): Convergence => ({ term: add(one, z), strict, text: `the series converges: its ratio ${strict ? '>' : '>='} -1` });
  const inside = (strict: boolean): Convergence[] => [belowOne(strict), aboveMinusOne(strict)];
  const oneMinusZ = sub(one, z);
  const found = (closedForm: Term, converges: readonly Convergence[]): KnownSeriesSum | undefined => {
    // A constant ratio outside the region: the series diverges, unless every term is 0 where t(L) is; left to the numbers.
    if (ratio.powers.length === 0 && !constantConditionsHold(converges)) return undefined;
    return { ownFirst: first, first, head: num(0), ratio: z, closedForm, converges };
  };
  if (is(below, [1, 1]) && upper.length === 0) return found(fn('exp', z), []);
  if (is(below, [1, 1]) && upper.length === 1) {
    const a = upper[0];
    const closed = pow(oneMinusZ, num(a.neg().num, a.neg().den));
    // Terminating (a a whole number <= 0): a polynomial. Else the terms grow like m^(a - 1) z^m on abs(z) = 1.
    if (a.isInteger() && a.sign() <= 0) return found(closed, []);
    if (a.cmp(Rational.ONE) >= 0) return found(closed, inside(true));
    if (a.sign() > 0) return found(closed, [belowOne(true), aboveMinusOne(false)]);
    return found(closed, inside(false));
  }
  // The harmonic-like series: divergent at z = 1, alternating and convergent at z = -1.
  const logLike = [belowOne(true), aboveMinusOne(false)];
  if (is(upper, [1, 1], [1, 1]) && is(below, [1, 1], [2, 1])) return found(div(mul(num(-1), fn('log', oneMinusZ)), z), logLike);
  const trig = is(below, [1, 2], [1, 1]) ? 'cos' : is(below, [1, 1], [3, 2]) ? 'sin' : undefined;
  if (trig !== undefined && upper.length === 0) {
    // z = -u^2 / 4 (cos, sin) or u^2 / 4 (cosh, sinh).
    const u = squareRootOf(ratio.q.mul(Rational.of(ratio.q.sign() < 0 ? -4 : 4)), ratio.powers);
    if (u === undefined) return undefined;
    const circular = ratio.q.sign() < 0;
    if (trig === 'cos') return found(fn(circular ? 'cos' : 'cosh', u), []);
    return found(div(fn(circular ? 'sin' : 'sinh', u), u), []);
  }
  if (is(upper, [1, 2], [1, 1]) && is(below, [1, 1], [3, 2])) {
    const u = squareRootOf(ratio.q.abs(), ratio.powers);
    if (u === undefined) return undefined;
    // -1 <= z < 1 in u: u^2 <= 1 (atan, z = -u^2) or u^2 < 1 (atanh, z = u^2), as -1 <= u <= 1 or -1 < u < 1,
    // which imply what the closed forms need (1 - u != 0), as conditions on u^2 would not.
    const circular = ratio.q.sign() < 0;
    const closed = circular ? div(fn('atan', u), u) : div(mul(num(1, 2), fn('log', div(add(one, u), sub(one, u)))), u);
    const relation = circular ? '<=' : '<';
    return found(closed, [
      { term: sub(one, u), strict: !circular, text: `the series converges: its ratio's root ${relation} 1` },
      { term: add(one, u), strict: !circular, text: `the series converges: its ratio's root ${relation === '<' ? '>' : '>='} -1` },
    ]);
  }
  return undefined;
}

interface TermRatio {
  /** The rational part of z. */
  readonly q: Rational;
  /** The rest of z: powers base^a of bases free of k. */
  readonly powers: Term[];
  /** The a_i of (k + a_i) above, and the b_j below. */
  readonly upper: Rational[];
  readonly lower: Rational[];
}

/** t(k + 1) / t(k) for k >= lower, or undefined where the body is not a product of the recognised factors. */
function termRatio(body: Term, index: string, lower: number): TermRatio | undefined {
  const names = new Set([index]);
  let q = Rational.ONE;
  const powers: Term[] = [];
  const upper: Rational[] = [];
  const below: Rational[] = [];
  /** (k + c)^m, m a whole number: c above m times, or below -m times. */
  const linear = (c: Rational, m: number): void => {
    for (let i = 0; i < Math.abs(m); i++) (m > 0 ? upper : below).push(c);
  };
  /** (a k + b)^m: its ratio ((k + (a + b) / a) / (k + b / a))^m; none where it is 0 at some k >= lower. */
  const affineFactor = (a: Rational, b: Rational, m: number): boolean => {
    const root = b.neg().div(a);
    if (root.isInteger() && root.cmp(Rational.of(lower)) >= 0) return false;
    linear(a.add(b).div(a), m);
    linear(b.div(a), -m);
    return true;
  };
  /**
   * factorial(a k + b)^m (shift 1) or gamma(a k + b)^m (shift 0): the ratio is the product of
   * (a k + b + j) for j = shift .. a - 1 + shift, to the m, that is a^(a m) times monic factors.
   */
  const factorialFactor = (a: Rational, b: Rational, m: number, shift: number): boolean => {
    if (!a.isInteger() || a.sign() <= 0 || a.cmp(Rational.of(8)) > 0) return false;
    const atLower = a.mul(Rational.of(lower)).add(b);
    // No value at a negative whole argument (factorial) or a pole (gamma) for some k >= lower.
    if (shift === 1 ? !atLower.isInteger() || atLower.sign() < 0 : atLower.isInteger() && atLower.sign() <= 0) return false;
    const count = Number(a.num);
    q = q.mul(a.pow(count * m));
    for (let j = shift; j < count + shift; j++) linear(b.add(Rational.of(j)).div(a), m);
    return true;
  };
  const factor = (f: Term, m: number): boolean => {
    if (!usesIndexVariable(f, names)) return true;
    const affine = affineIn(f, index);
    // A constant factor written with k (k - k + 2): a 0 makes every term 0, which the table does not describe.
    if (affine !== undefined) return affine.a.isZero() ? !affine.b.isZero() : affineFactor(affine.a, affine.b, m);
    if (f.k === 'pow') {
      const exponent = rationalValue(f.exponent);
      if (exponent !== undefined) {
        if (!exponent.isInteger()) return false;
        return factor(f.base, m * Number(exponent.num));
      }
      if (usesIndexVariable(f.base, names)) return false;
      const e = affineIn(f.exponent, index);
      const scaled = e?.a.mul(Rational.of(m));
      if (scaled === undefined || !scaled.isInteger()) return false;
      // A ratio of x^64 or 2^64 at most: past it (2^(1e9 k)) the exact powers grow past any use.
      if (scaled.abs().cmp(Rational.of(MAX_RATIO_POWER)) > 0) return false;
      const step = Number(scaled.num);
      const base = rationalValue(f.base);
      if (base !== undefined) {
        if (base.isZero()) return false;
        q = q.mul(base.pow(step));
      } else if (step !== 0) powers.push(step === 1 ? f.base : pow(f.base, num(step)));
      return true;
    }
    if (f.k === 'fn' && f.name === 'exp' && f.args.length === 1) {
      // exp(c k + d) = exp(d) exp(c)^k: the ratio exp(c)^m.
      const slope = slopeIn(f.args[0], index);
      if (slope === undefined) return false;
      powers.push(fn('exp', mul(num(m), slope)));
      return true;
    }
    if (f.k === 'fn' && (f.name === 'factorial' || f.name === 'gamma') && f.args.length === 1) {
      const arg = affineIn(f.args[0], index);
      return arg !== undefined && factorialFactor(arg.a, arg.b, m, f.name === 'factorial' ? 1 : 0);
    }
    if (f.k === 'fn' && f.name === 'binomial' && f.args.length === 2 && m === 1 && lower >= 0) {
      // binomial(c, k) = c (c - 1) ... (c - k + 1) / k!: the ratio (c - k) / (k + 1) = -(k - c) / (k + 1).
      const top = rationalValue(f.args[0]);
      const arg = affineIn(f.args[1], index);
      if (top === undefined || arg === undefined || !arg.a.equals(Rational.ONE) || !arg.b.isZero()) return false;
      q = q.neg();
      upper.push(top.neg());
      below.push(Rational.ONE);
      return true;
    }
    if (f.k === 'mul') return f.factors.every((g) => factor(g, m));
    return false;
  };
  return factor(body, 1) ? { q, powers, upper, lower: below } : undefined;
}

/** c where the term is c k + d with c and d free of k, k appearing only as a factor of the parts of a sum. */
function slopeIn(t: Term, index: string): Term | undefined {
  const names = new Set([index]);
  const slopes: Term[] = [];
  for (const part of t.k === 'add' ? t.terms : [t]) {
    if (!usesIndexVariable(part, names)) continue;
    const factors = part.k === 'mul' ? part.factors : [part];
    const moving = factors.filter((f) => usesIndexVariable(f, names));
    if (moving.length !== 1) return undefined;
    const affine = affineIn(moving[0], index);
    if (affine === undefined || affine.a.isZero()) return undefined;
    slopes.push(mul(num(affine.a.num, affine.a.den), ...factors.filter((f) => !usesIndexVariable(f, names))));
  }
  return slopes.length === 0 ? undefined : add(...slopes);
}

/** u with u^2 = s * product of the powers, where s is a rational square and every power even; else undefined. */
function squareRootOf(s: Rational, powers: readonly Term[]): Term | undefined {
  const root = rationalSquareRoot(s);
  if (root === undefined) return undefined;
  const halves: Term[] = [];
  for (const p of powers) {
    const [base, e] = p.k === 'pow' && p.exponent.k === 'num' && p.exponent.value.den === 1n ? [p.base, p.exponent.value.num] : [p, 1n];
    if (e % 2n !== 0n) return undefined;
    halves.push(e === 2n ? base : pow(base, num(e / 2n)));
  }
  return mul(num(root.num, root.den), ...halves);
}

function rationalSquareRoot(s: Rational): Rational | undefined {
  if (s.sign() < 0) return undefined;
  const p = integerSquareRoot(s.num);
  const q = integerSquareRoot(s.den);
  return p === undefined || q === undefined ? undefined : Rational.of(p, q);
}

function integerSquareRoot(n: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x * x === n ? x : undefined;
}

/** Whether the convergence conditions hold at a constant ratio, where each is a number. */
function constantConditionsHold(converges: readonly Convergence[]): boolean {
  return converges.every((c) => {
    const value = rationalValue(c.term);
    return value !== undefined && (c.strict ? value.sign() > 0 : value.sign() >= 0);
  });
}
