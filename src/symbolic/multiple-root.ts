import { add, coefficientsIn, constantFraction, mul, num, pow, type Term } from '../model/index.ts';

/**
 * The multiple roots of a polynomial in one input with rational coefficients: the roots of its gcd with its derivative,
 * taken exactly. A polynomial that touches 0 without changing sign has one (root-between.ts).
 */

/** A polynomial in one input, its coefficients exact, the constant first. */
export type Polynomial = Fraction[];
export interface Fraction { readonly num: bigint; readonly den: bigint }

/** The most degree a polynomial is read to, and the most digits a coefficient may grow to in the gcd. */
const MAX_DEGREE = 24;
const MAX_COEFFICIENT_DIGITS = 400;

/**
 * gcd(p, p') of a polynomial in `name` with rational coefficients, as a term, where it has degree 1 or more: every root of
 * it is a root of p (p's multiple roots). Undefined for anything else.
 */
export function repeatedFactor(t: Term, name: string): Term | undefined {
  const p = polynomialOf(t, name);
  if (p === undefined || p.length < 3) return undefined;
  const derivative = p.slice(1).map((c, k) => times(c, { num: BigInt(k + 1), den: 1n }));
  const g = gcd(p, derivative);
  if (g === undefined || g.length < 2) return undefined;
  const x: Term = { k: 'input', ref: { name, indices: [] } };
  return add(...g.map((c, k) => mul(num(c.num, c.den), pow(x, num(BigInt(k))))));
}

/** The polynomial's coefficients as exact fractions (model/polynomial-integral.ts reads them as terms), up to MAX_DEGREE. */
export function polynomialOf(t: Term, name: string): Polynomial | undefined {
  const coefficients = coefficientsIn(t, name);
  if (coefficients === undefined || coefficients.length > MAX_DEGREE + 1) return undefined;
  const exact = coefficients.map((c) => constantFraction(c));
  return exact.every((c): c is Fraction => c !== undefined) ? trimmed(exact.map(reduced)) : undefined;
}

function reduced(f: Fraction): Fraction {
  const divisor = bigGcd(f.num < 0n ? -f.num : f.num, f.den < 0n ? -f.den : f.den) || 1n;
  const sign = f.den < 0n ? -1n : 1n;
  return { num: (sign * f.num) / divisor, den: (sign * f.den) / divisor };
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function plus(a: Fraction, b: Fraction): Fraction {
  return reduced({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

function times(a: Fraction, b: Fraction): Fraction {
  return reduced({ num: a.num * b.num, den: a.den * b.den });
}

function trimmed(p: Polynomial): Polynomial {
  let end = p.length;
  while (end > 1 && p[end - 1].num === 0n) end--;
  return p.slice(0, end);
}

/** The monic gcd of two polynomials by Euclid's algorithm, exactly; undefined where the coefficients grow past reason. */
function gcd(a: Polynomial, b: Polynomial): Polynomial | undefined {
  let [u, v] = [trimmed(a), trimmed(b)];
  const isZero = (p: Polynomial) => p.length === 1 && p[0].num === 0n;
  while (!isZero(v)) {
    // u mod v
    let r = u.slice();
    const lead = v[v.length - 1];
    while (!isZero(r) && r.length >= v.length) {
      const factor = times(r[r.length - 1], { num: lead.den, den: lead.num });
      const shift = r.length - v.length;
      r = trimmed(r.map((c, k) => (k >= shift && k - shift < v.length ? plus(c, times(factor, { num: -v[k - shift].num, den: v[k - shift].den })) : c)));
    }
    if (r.some((c) => c.num.toString().length + c.den.toString().length > MAX_COEFFICIENT_DIGITS)) return undefined;
    [u, v] = [v, r];
  }
  const lead = u[u.length - 1];
  return u.map((c) => times(c, { num: lead.den, den: lead.num }));
}

