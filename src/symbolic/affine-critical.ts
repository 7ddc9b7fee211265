import { usesIndexVariable, type Term } from '../model/index.ts';
import { Rational } from './exact/index.ts';

/** An affine form in some inputs: a coefficient per input, and a constant. */
interface Affine {
  readonly coefficients: readonly Rational[];
  readonly constant: Rational;
}

/** The most inputs solved for together (Gaussian elimination on that many unknowns). */
const MAX_UNKNOWNS = 8;

/**
 * The one point where every given derivative of a bound's margin is 0, where each is
 * affine in the inputs (the margin is quadratic: a sum of squares, a KL term's
 * quadratic part), found by solving the linear system exactly. A margin least there
 * ties or fails there alone: `(x - c)^2 + (c - 2)^2 > 0` only at x = c = 2, which
 * no input alone nor a curve of one input in the others at simple values reaches.
 * Undefined where a derivative is not affine in them, or the system has no single
 * solution. `sizes` gives the dimension symbols' values (a sum over j of a body free
 * of j is that many times the body).
 */
export function affineCriticalPoint(derivatives: readonly Term[], names: readonly string[], sizes: ReadonlyMap<string, number>): Rational[] | undefined {
  const n = names.length;
  if (n === 0 || n > MAX_UNKNOWNS || derivatives.length !== n) return undefined;
  const index = new Map(names.map((name, i) => [name, i]));
  const rows: Affine[] = [];
  for (const d of derivatives) {
    const row = affine(d, index, sizes);
    if (row === undefined) return undefined;
    rows.push(row);
  }
  // Gaussian elimination with exact rationals on [A | -b].
  const m = rows.map((r) => [...r.coefficients, r.constant.neg()]);
  for (let col = 0; col < n; col++) {
    const pivot = m.findIndex((row, r) => r >= col && !row[col].isZero());
    if (pivot < 0) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || m[r][col].isZero()) continue;
      const factor = m[r][col].div(m[col][col]);
      m[r] = m[r].map((x, c) => x.sub(factor.mul(m[col][c])));
    }
  }
  return m.map((row, r) => row[n].div(row[r]));
}

const ZERO = Rational.of(0n, 1n);
const ONE = Rational.of(1n, 1n);

function affine(t: Term, index: ReadonlyMap<string, number>, sizes: ReadonlyMap<string, number>): Affine | undefined {
  const n = index.size;
  const constant = (c: Rational): Affine => ({ coefficients: Array.from({ length: n }, () => ZERO), constant: c });
  switch (t.k) {
    case 'num': return constant(Rational.of(t.value.num, t.value.den));
    case 'size': {
      const v = sizes.get(t.name);
      return v === undefined ? undefined : constant(Rational.of(BigInt(v), 1n));
    }
    case 'input': {
      const i = index.get(t.ref.name);
      if (i === undefined || t.ref.indices.length > 0) return undefined;
      return { coefficients: Array.from({ length: n }, (_, k) => (k === i ? ONE : ZERO)), constant: ZERO };
    }
    case 'add': {
      let sum = constant(ZERO);
      for (const term of t.terms) {
        const a = affine(term, index, sizes);
        if (a === undefined) return undefined;
        sum = { coefficients: sum.coefficients.map((c, k) => c.add(a.coefficients[k])), constant: sum.constant.add(a.constant) };
      }
      return sum;
    }
    case 'mul': {
      let product = constant(ONE);
      for (const factor of t.factors) {
        const a = affine(factor, index, sizes);
        if (a === undefined) return undefined;
        const aConstant = a.coefficients.every((c) => c.isZero());
        const pConstant = product.coefficients.every((c) => c.isZero());
        if (!aConstant && !pConstant) return undefined;
        const [scale, form] = aConstant ? [a.constant, product] : [product.constant, a];
        product = { coefficients: form.coefficients.map((c) => c.mul(scale)), constant: form.constant.mul(scale) };
      }
      return product;
    }
    case 'pow': {
      // The exponent a whole constant, however written (a derivative's x^(2 - 1)).
      const exponent = affine(t.exponent, index, sizes);
      if (exponent === undefined || exponent.coefficients.some((c) => !c.isZero()) || !exponent.constant.isInteger()) return undefined;
      const e = exponent.constant.num / exponent.constant.den;
      if (e === 1n) return affine(t.base, index, sizes);
      if (e === 0n) return constant(ONE);
      // A constant to a whole power (2^-1 of a half).
      const base = affine(t.base, index, sizes);
      if (base === undefined || base.coefficients.some((c) => !c.isZero()) || (e < 0n && base.constant.isZero())) return undefined;
      return e > 64n || e < -64n ? undefined : constant(base.constant.pow(Number(e)));
    }
    case 'sum': {
      // A body free of its index: that many times the body.
      if (t.dim.k !== 'fixed' && !sizes.has(t.dim.name)) return undefined;
      const count = t.dim.k === 'fixed' ? t.dim.size : sizes.get(t.dim.name)!;
      if (usesIndexVariable(t.body, new Set([t.index]))) return undefined;
      const body = affine(t.body, index, sizes);
      if (body === undefined) return undefined;
      const k = Rational.of(BigInt(count), 1n);
      return { coefficients: body.coefficients.map((c) => c.mul(k)), constant: body.constant.mul(k) };
    }
    default: return undefined;
  }
}
