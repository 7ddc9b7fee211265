import { add, div, isNum, mul, num, pow, sub, ZERO } from './term-builders.ts';
import { constantFraction, someSubterm } from './term-queries.ts';
import type { Term } from './term.ts';

/** The highest power of an integral's variable integrated exactly; past it, the integral stays an integral. */
const MAX_DEGREE = 64;

/**
 * The integral of a polynomial in its variable between finite bounds, in closed
 * form: with the integrand c_0 + c_1 t + ... + c_d t^d (each c_k free of t), the
 * sum of c_k (b^(k+1) - a^(k+1)) / (k + 1). A polynomial has a value everywhere, so
 * the closed form has a value exactly where the bounds and coefficients have.
 * Undefined for any other integrand, an infinite bound, or a degree past 64.
 *
 * @example closedPolynomialIntegral(integral(t, 0, x, 3 t^2 + 1)) is x^3 + x, written out
 */
export function closedPolynomialIntegral(t: Extract<Term, { k: 'integral' }>): Term | undefined {
  if (t.lower === undefined || t.upper === undefined) return undefined;
  const coefficients = coefficientsIn(t.body, t.v);
  if (coefficients === undefined) return undefined;
  const { lower, upper } = t;
  return add(...coefficients.map((c, k) => (isNum(c, 0) ? ZERO
    : mul(c, div(sub(pow(upper, num(k + 1)), pow(lower, num(k + 1))), num(k + 1))))));
}

/** The coefficients of a term as a polynomial in the scalar input v, lowest first; undefined where it is not one. */
export function coefficientsIn(t: Term, v: string): Term[] | undefined {
  if (!someSubterm(t, (x) => x.k === 'input' && x.ref.name === v)) return [t];
  switch (t.k) {
    case 'input': return t.ref.indices.length === 0 ? [ZERO, num(1)] : undefined;
    case 'add': {
      const parts = t.terms.map((x) => coefficientsIn(x, v));
      if (parts.some((p) => p === undefined)) return undefined;
      const degree = Math.max(...parts.map((p) => p!.length));
      return Array.from({ length: degree }, (_, k) => add(...parts.map((p) => p![k] ?? ZERO)));
    }
    case 'mul': {
      let product: Term[] | undefined = [num(1)];
      for (const factor of t.factors) {
        const c = coefficientsIn(factor, v);
        product = c === undefined ? undefined : convolve(product!, c);
        if (product === undefined) return undefined;
      }
      return product;
    }
    case 'pow': {
      // A whole exponent however written: a derivative's t^(2 - 1).
      const e = constantFraction(t.exponent);
      if (e === undefined || e.den !== 1n || e.num < 0n || e.num > BigInt(MAX_DEGREE)) return undefined;
      const base = coefficientsIn(t.base, v);
      if (base === undefined) return undefined;
      let product: Term[] | undefined = [num(1)];
      for (let i = 0n; i < e.num && product !== undefined; i++) product = convolve(product, base);
      return product;
    }
    default: return undefined;
  }
}

/** The product of two polynomials by their coefficients, lowest first; undefined past degree 64. */
export function convolve(a: readonly Term[], b: readonly Term[]): Term[] | undefined {
  if (a.length + b.length - 1 > MAX_DEGREE + 1) return undefined;
  const out: Term[][] = Array.from({ length: a.length + b.length - 1 }, () => []);
  a.forEach((x, i) => b.forEach((y, j) => { if (!isNum(x, 0) && !isNum(y, 0)) out[i + j].push(mul(x, y)); }));
  return out.map((parts) => add(...parts));
}
