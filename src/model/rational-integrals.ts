import { constantValue } from './intervals.ts';
import { add, div, fn, fraction, mul, neg, num, pow, sub, ZERO } from './term-builders.ts';
import { constantFraction } from './term-queries.ts';
import type { Term } from './term.ts';
import type { KnownSign } from './integral-closed-forms.ts';

/** A rational number as constantFraction gives it (the denominator may be negative). */
export interface Fraction { readonly num: bigint; readonly den: bigint }

const F = (n: bigint, d = 1n): Fraction => fraction(n, d);
const plus = (a: Fraction, b: Fraction) => F(a.num * b.den + b.num * a.den, a.den * b.den);
const times = (a: Fraction, b: Fraction) => F(a.num * b.num, a.den * b.den);
const over = (a: Fraction, b: Fraction) => F(a.num * b.den, a.den * b.num);
const negated = (a: Fraction) => F(-a.num, a.den);
const sign = (a: Fraction): number => (a.num === 0n ? 0 : (a.num > 0n) === (a.den > 0n) ? 1 : -1);
const term = (a: Fraction): Term => ({ k: 'num', value: F(a.num, a.den) });

/** A term with no value anywhere (log(0) to the 0th), as integral-closed-forms.ts writes an integral that diverges. */
const NO_VALUE: Term = pow(fn('log', ZERO), num(0));

/** The highest degree of a denominator integrated here: its roots are then rational or a pair with an arctangent. */
const MAX_DENOMINATOR_DEGREE = 2;

/** The product of two polynomials with rational coefficients, lowest first. */
export function multiplied(a: readonly Fraction[], b: readonly Fraction[]): Fraction[] {
  const out = Array.from({ length: a.length + b.length - 1 }, () => F(0n));
  a.forEach((x, i) => b.forEach((y, j) => { out[i + j] = plus(out[i + j], times(x, y)); }));
  return out;
}

/** The square root of a fraction >= 0 where it is a fraction; else undefined. */
function rationalRoot(a: Fraction): Fraction | undefined {
  const f = F(a.num, a.den);
  if (f.num < 0n) return undefined;
  const root = (n: bigint): bigint | undefined => {
    if (n < 2n) return n;
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return x * x === n ? x : undefined;
  };
  const [p, q] = [root(f.num), root(f.den)];
  return p === undefined || q === undefined ? undefined : F(p, q);
}

/**
 * Which side of the root r an end of the range lies on: -1 below, 1 above, 0 on it, undefined where not known.
 * An infinite end is on the side it goes to.
 */
function sideOf(end: Term | undefined, infinite: 1 | -1, r: Fraction, signOf: KnownSign): number | undefined {
  if (end === undefined) return infinite;
  const c = constantFraction(end);
  if (c !== undefined) return sign(plus(c, negated(r)));
  const x = constantValue(end);
  const y = Number(r.num) / Number(r.den);
  if (Number.isFinite(x) && Math.abs(x - y) > 1e-9 * (Math.abs(x) + Math.abs(y) + 1)) return x < y ? -1 : 1;
  return signOf(sub(end, term(r)));
}

/**
 * The definite integral of P(t) / Q(t) in closed form, Q a polynomial with rational
 * coefficients of degree 1 or 2 and P one with coefficients free of t (Stewart 7.4):
 * P divided by Q, the quotient integrated as a polynomial, and the remainder
 * r1 t + r0 by partial fractions:
 * - a root a of Q (degree 1, or two rational roots, or a double one): A log|t - a|,
 *   and for a double root -(r1 a + r0) / (q2 (t - a)) besides;
 * - no real root (discriminant D < 0): r1 / (2 q2) log|Q(t)| +
 *   (2 r0 q2 - r1 q1) / (q2 sqrt(-D)) atan((2 q2 t + q1) / sqrt(-D)).
 * Only where the range holds no root of Q (each end known on one side of each root,
 * an infinite end on its own); a rational root known in the closed range where P
 * is not 0 is a pole the integral diverges at (no value). An infinite end only where the integrand decays
 * as 1 / t^2 (no quotient, no log term left): there atan reads +-pi/2 and the logs
 * of the partial fractions cancel. Two irrational roots, and anything else, undefined:
 * the integral stays an atom for the numbers.
 *
 * @example rationalIntegral(ONE, [4], [1, 0, 1], 0, 1) is 4 (atan(1) - atan(0)), which is pi
 */
export function rationalIntegral(numerator: readonly Term[], denominator: readonly Fraction[], lower: Term | undefined, upper: Term | undefined,
  signOf: KnownSign): Term | undefined {
  let q = [...denominator];
  while (q.length > 0 && sign(q[q.length - 1]) === 0) q.pop();
  const degree = q.length - 1;
  if (degree < 1 || degree > MAX_DENOMINATOR_DEGREE) return undefined;
  // P = S Q + R, S and R with coefficients free of t (Q's leading coefficient is a nonzero fraction).
  const lead = q[degree];
  const rest = numerator.map((c) => c);
  const quotient: Term[] = [];
  for (let k = rest.length - 1; k >= degree; k--) {
    const c = div(rest[k], term(lead));
    quotient[k - degree] = c;
    for (let j = 0; j <= degree; j++) rest[k - degree + j] = sub(rest[k - degree + j], mul(c, term(q[j])));
  }
  const nonzero = (t: Term): boolean => constantFraction(t)?.num !== 0n;
  const isZero = (t: Term): boolean => constantFraction(t)?.num === 0n;
  const infinite = lower === undefined || upper === undefined;
  if (infinite && quotient.some(nonzero)) return undefined;
  const [r0 = ZERO, r1 = ZERO] = rest.slice(0, degree);
  const between = (f: (end: Term) => Term): Term => sub(f(upper!), f(lower!));
  // An end on one side of every root: the range holds none.
  const clear = (root: Fraction): boolean => {
    const a = sideOf(lower, -1, root, signOf);
    const b = sideOf(upper, 1, root, signOf);
    return a !== undefined && b !== undefined && a !== 0 && a === b;
  };
  // A root known in the closed range where P does not vanish: a pole of order 1 or more there, which no integral
  // crosses (the integral from 0 to 2 of 1 / (t - 1) has no value; its principal value is another thing).
  const pole = (root: Fraction): boolean => {
    const a = sideOf(lower, -1, root, signOf);
    const b = sideOf(upper, 1, root, signOf);
    if (a === undefined || b === undefined || (a !== 0 && b !== 0 && a === b)) return false;
    const p = numerator.map((c) => constantFraction(c));
    if (p.some((c) => c === undefined || c.den === 0n)) return false;
    let value = F(0n);
    for (let k = p.length - 1; k >= 0; k--) value = plus(times(value, root), F(p[k]!.num, p[k]!.den));
    return sign(value) !== 0;
  };
  const parts: Term[] = [];
  if (!infinite) {
    quotient.forEach((c, k) => {
      if (!isZero(c)) parts.push(mul(c, div(between((end) => pow(end, num(k + 1))), num(k + 1))));
    });
  }
  // log|(u - a) / (l - a)|, the ends on one side of a, as the log of a positive ratio; 0 with an infinite end (its
  // coefficient's partner cancels it there).
  const logRatio = (a: Fraction): Term => (infinite ? ZERO : fn('log', div(sub(upper!, term(a)), sub(lower!, term(a)))));
  if (degree === 1) {
    const root = negated(over(q[0], q[1]));
    if (pole(root)) return NO_VALUE;
    if (!clear(root)) return undefined;
    if (isZero(r0)) return add(...parts);
    if (infinite) return undefined;
    parts.push(mul(div(r0, term(q[1])), logRatio(root)));
    return add(...parts);
  }
  const [q0, q1, q2] = q;
  const discriminant = plus(times(q1, q1), negated(times(F(4n), times(q2, q0))));
  if (infinite && !isZero(r1)) return undefined;
  if (sign(discriminant) < 0) {
    // Q has the sign of q2 everywhere: log|Q(u) / Q(l)| is the log of Q(u) / Q(l).
    const at = (end: Term) => add(term(q0), mul(term(q1), end), mul(term(q2), pow(end, num(2))));
    if (!isZero(r1)) parts.push(mul(div(r1, term(times(F(2n), q2))), fn('log', div(at(upper!), at(lower!)))));
    const root = pow(term(negated(discriminant)), num(1, 2));
    const coefficient = div(sub(mul(num(2), term(q2), r0), mul(r1, term(q1))), mul(term(q2), root));
    // atan((2 q2 t + q1) / sqrt(-D)) at an end; +-pi/2 at an infinite one, by the sign of q2 there.
    const angle = (end: Term | undefined, towards: 1 | -1): Term => (end === undefined
      ? mul(num(sign(q2) * towards, 2), { k: 'pi' })
      : fn('atan', div(add(mul(num(2), term(q2), end), term(q1)), root)));
    if (!isZero(coefficient)) parts.push(mul(coefficient, sub(angle(upper, 1), angle(lower, -1))));
    return add(...parts);
  }
  const square = rationalRoot(discriminant);
  if (square === undefined) return undefined;
  const twice = times(F(2n), q2);
  const a = over(plus(negated(q1), negated(square)), twice);
  const b = over(plus(negated(q1), square), twice);
  if (pole(a) || pole(b)) return NO_VALUE;
  if (!clear(a) || !clear(b)) return undefined;
  if (sign(square) === 0) {
    // Q = q2 (t - a)^2: (r1 t + r0) / Q = r1 / (q2 (t - a)) + (r1 a + r0) / (q2 (t - a)^2).
    if (!isZero(r1)) parts.push(mul(div(r1, term(q2)), logRatio(a)));
    const top = add(mul(r1, term(a)), r0);
    const reciprocal = (end: Term | undefined) => (end === undefined ? ZERO : pow(sub(end, term(a)), num(-1)));
    if (!isZero(top)) parts.push(mul(neg(div(top, term(q2))), sub(reciprocal(upper), reciprocal(lower))));
    return add(...parts);
  }
  // Q = q2 (t - a)(t - b): (r1 t + r0) / Q = A / (t - a) + B / (t - b), A = (r1 a + r0) / (q2 (a - b)), B likewise.
  const A = div(add(mul(r1, term(a)), r0), term(times(q2, plus(a, negated(b)))));
  const B = div(add(mul(r1, term(b)), r0), term(times(q2, plus(b, negated(a)))));
  if (infinite) {
    // A = -B: A log|(t - a) / (t - b)|, 0 at the infinite end.
    const ratio = (end: Term) => fn('log', div(sub(end, term(a)), sub(end, term(b))));
    const finite = lower ?? upper;
    if (finite === undefined) return ZERO;
    parts.push(mul(A, lower === undefined ? ratio(finite) : neg(ratio(finite))));
    return add(...parts);
  }
  parts.push(mul(A, logRatio(a)), mul(B, logRatio(b)));
  return add(...parts);
}

/** The coefficients of a polynomial as fractions, where every one is a constant fraction; else undefined. */
export function fractionCoefficients(coefficients: readonly Term[]): Fraction[] | undefined {
  const out: Fraction[] = [];
  for (const c of coefficients) {
    const f = constantFraction(c);
    if (f === undefined || f.den === 0n) return undefined;
    out.push(F(f.num, f.den));
  }
  return out;
}
