/**
 * Rational functions kept as `numerator / (constant * prod factor^exponent)`.
 *
 * Deciding `lhs - rhs == 0` only needs a numerator that is zero exactly when the
 * function is. Every denominator factor is a nonzero polynomial, so that holds
 * without ever computing a polynomial GCD: sums go over the LCM of the factor
 * multisets (factors are compared by canonical key), products add exponents.
 *
 * The numerator is kept as the product of the pieces it was built from
 * (`u * v^2`, not its expansion) until a sum or a caller needs the expansion.
 * That costs nothing extra and lets `x / S^2` store `S` with exponent 2 instead
 * of an opaque 300-term `S^2`, which would never match the `S` of `y / S`.
 * The only cancellation is the cheap one: a piece that is literally a stored
 * factor (up to a constant and a monomial) cancels against it.
 */
import { bitsOf, BudgetExceededError, checkPower, MAX_EXACT_EXPONENT, type Budget } from './budget.ts';
import { Polynomial, type Powers } from './polynomial.ts';
import { Rational } from './rational.ts';

/** One denominator factor: a primitive polynomial (see {@link Polynomial.normalizeFactor}). */
interface Factor {
  readonly poly: Polynomial;
  readonly exp: number;
  /** Set when the factor is the single variable `x_variable`. */
  readonly variable: number | undefined;
}

type FactorMap = ReadonlyMap<string, Factor>;

/** A numerator piece `poly^exp`, `exp >= 1`. */
interface Piece {
  readonly poly: Polynomial;
  readonly exp: number;
}

const variableFactors = new Map<number, { poly: Polynomial; key: string }>();

/** The factor `x_id`, built once per id so its key is computed once. */
function variableFactor(id: number): { poly: Polynomial; key: string } {
  let f = variableFactors.get(id);
  if (!f) {
    const poly = Polynomial.variable(id);
    f = { poly, key: poly.key() };
    variableFactors.set(id, f);
  }
  return f;
}

interface Normalized {
  readonly unit: Rational;
  /** Undefined when the cofactor is a constant. */
  readonly primitive: Polynomial | undefined;
  readonly key: string | undefined;
}

/**
 * A nonzero polynomial seen as `x^content * cofactor` with a monomial-free
 * cofactor. The cofactor's `unit * primitive` split costs a gcd pass and a sort,
 * so it is only computed when some factor could match it.
 */
class Shape {
  private norm: Normalized | undefined;

  constructor(
    readonly content: Powers,
    readonly cofactor: Polynomial,
    norm?: Normalized,
  ) {
    this.norm = norm;
  }

  normalized(): Normalized {
    if (!this.norm) {
      const c = this.cofactor.constantValue();
      if (c !== undefined) this.norm = { unit: c, primitive: undefined, key: undefined };
      else {
        const { unit, primitive } = this.cofactor.normalizeFactor();
        this.norm = { unit, primitive, key: primitive.key() };
      }
    }
    return this.norm;
  }
}

// Keyed by identity: the same polynomial object recurs as a piece of many results.
const shapes = new WeakMap<Polynomial, Shape>();

function shapeOf(p: Polynomial): Shape {
  let s = shapes.get(p);
  if (!s) {
    const { content, cofactor } = p.extractMonomialContent();
    s = new Shape(content, cofactor);
    shapes.set(p, s);
  }
  return s;
}

function addFactor(den: Map<string, Factor>, key: string, poly: Polynomial, exp: number, variable: number | undefined): void {
  const f = den.get(key);
  den.set(key, { poly, exp: (f?.exp ?? 0) + exp, variable });
}

/** Lowers the exponent of `key` in `den` by up to `want`; returns how much it lowered. */
function cancel(den: Map<string, Factor>, key: string, want: number): number {
  const f = den.get(key);
  if (!f || want === 0) return 0;
  const m = Math.min(f.exp, want);
  if (m === f.exp) den.delete(key);
  else den.set(key, { ...f, exp: f.exp - m });
  return m;
}

function hasFactorWithTerms(den: FactorMap, n: number): boolean {
  for (const f of den.values()) if (f.poly.termCount() === n) return true;
  return false;
}

/**
 * An exact rational function of integer-id variables, immutable.
 *
 * @example
 * const [e1, e2] = [RationalFunction.variable(1), RationalFunction.variable(2)];
 * const s = e1.add(e2);
 * e1.div(s).add(e2.div(s)).sub(RationalFunction.ONE).isZero(); // true
 */
export class RationalFunction {
  /** 0 */
  static readonly ZERO = new RationalFunction([{ poly: Polynomial.ZERO, exp: 1 }], Rational.ONE, new Map());
  /** 1 */
  static readonly ONE = new RationalFunction([], Rational.ONE, new Map());

  private expansion: Polynomial | undefined;

  /**
   * Invariants: the product of `pieces` is the numerator; a zero function is
   * exactly one zero piece; every factor is primitive and nonconstant.
   */
  private constructor(
    private readonly pieces: readonly Piece[],
    private readonly denConst: Rational,
    private readonly factors: FactorMap,
    /** The budget of the operation that built this, charged when the numerator is expanded later. */
    private readonly budget?: Budget,
  ) {}

  /** @example RationalFunction.constant(Rational.of(1, 2)).toString(); // "1/2" */
  static constant(q: Rational | bigint | number): RationalFunction {
    return RationalFunction.fromPolynomial(Polynomial.constant(q));
  }

  /** @example RationalFunction.variable(3).toString(); // "x3" */
  static variable(id: number): RationalFunction {
    return RationalFunction.fromPolynomial(Polynomial.variable(id));
  }

  /** `p / 1`. @example RationalFunction.fromPolynomial(Polynomial.variable(0)).toString(); // "x0" */
  static fromPolynomial(p: Polynomial): RationalFunction {
    return p.isZero() ? RationalFunction.ZERO : new RationalFunction([{ poly: p, exp: 1 }], Rational.ONE, new Map());
  }

  /**
   * `num / den`; throws RangeError('division by zero') if `den` is the zero polynomial.
   * @example RationalFunction.fromPolynomials(x.mul(y), x).equals(RationalFunction.fromPolynomial(y)); // true
   */
  static fromPolynomials(num: Polynomial, den: Polynomial, budget?: Budget): RationalFunction {
    return RationalFunction.fromPolynomial(num).div(RationalFunction.fromPolynomial(den), budget);
  }

  /**
   * The expanded numerator, computed on first use and cached. The expansion is
   * charged to `budget`, else to the budget given to the operation that built
   * this function.
   * @example x.add(y).pow(2).numerator().toString(); // "x0^2 + 2*x0*x1 + x1^2"
   */
  numerator(budget: Budget | undefined = this.budget): Polynomial {
    if (!this.expansion) {
      const polys = this.pieces.map((p) => p.poly.pow(p.exp, budget));
      // Fold the small pieces into the big one: each step costs |big| * |small|.
      polys.sort((a, b) => b.termCount() - a.termCount());
      let num = polys[0] ?? Polynomial.ONE;
      for (let i = 1; i < polys.length; i++) num = num.mul(polys[i], budget);
      this.expansion = num;
    }
    return this.expansion;
  }

  /** The rational constant in front of the denominator factors. @example x.div(RationalFunction.constant(2)).denominatorConstant(); // 2 */
  denominatorConstant(): Rational {
    return this.denConst;
  }

  /**
   * The denominator factors: primitive, pairwise distinct polynomials with positive exponents.
   * @example RationalFunction.ONE.div(x.mul(y).pow(2)).denominatorFactors(); // [{x0, 2}, {x1, 2}]
   */
  denominatorFactors(): Array<{ factor: Polynomial; exponent: number }> {
    return [...this.factors.values()].map((f) => ({ factor: f.poly, exponent: f.exp }));
  }

  /** The expanded denominator `constant * prod factor^exponent`. @example x.div(y.pow(2)).denominator().toString(); // "x1^2" */
  denominator(budget?: Budget): Polynomial {
    let d = Polynomial.constant(this.denConst);
    for (const f of this.factors.values()) d = d.mul(f.poly.pow(f.exp, budget), budget);
    return d;
  }

  /**
   * Exact: denominators are nonzero polynomials, so this is zero iff the numerator is.
   * @example x.div(y).sub(x.mul(x).div(x.mul(y))).isZero(); // true
   */
  isZero(): boolean {
    return this.pieces.length === 1 && this.pieces[0].poly.isZero();
  }

  /** Ids occurring in the numerator or any denominator factor. @example x.div(y).variables(); // Set {0, 1} */
  variables(): Set<number> {
    const s = new Set<number>();
    for (const p of this.pieces) for (const v of p.poly.variables()) s.add(v);
    for (const f of this.factors.values()) for (const v of f.poly.variables()) s.add(v);
    return s;
  }

  /** @example a.add(b).sub(b).equals(a); // true */
  add(o: RationalFunction, budget?: Budget): RationalFunction {
    if (o.isZero()) return this;
    if (this.isZero()) return o;
    // Common denominator: the LCM of the two factor multisets (max exponent per key).
    const den = new Map<string, Factor>(this.factors);
    for (const [k, f] of o.factors) {
      const e = den.get(k);
      if (!e || e.exp < f.exp) den.set(k, f);
    }
    const lift = (r: RationalFunction): Polynomial => {
      let n = r.numerator(budget);
      for (const [k, f] of den) {
        const missing = f.exp - (r.factors.get(k)?.exp ?? 0);
        // One multiplication by the power: one at a time, a sum of e^(k - 800) over 800 terms lifted its numerator 800 times per term.
        if (missing > 0) n = n.mul(f.poly.pow(missing, budget), budget);
      }
      return n;
    };
    let sum: Polynomial;
    let c: Rational;
    if (this.denConst.equals(o.denConst)) {
      sum = lift(this).add(lift(o), budget);
      c = this.denConst;
    } else if (this.denConst.equals(o.denConst.neg())) {
      sum = lift(this).sub(lift(o), budget);
      c = this.denConst;
    } else {
      sum = lift(this).scale(this.denConst.inv()).add(lift(o).scale(o.denConst.inv()), budget);
      c = Rational.ONE;
    }
    if (sum.isZero()) return RationalFunction.ZERO;
    return RationalFunction.combine([{ poly: sum, exp: 1 }], den, c, budget);
  }

  /** @example x.div(y).sub(x.div(y)).isZero(); // true */
  sub(o: RationalFunction, budget?: Budget): RationalFunction {
    return this.add(o.neg(), budget);
  }

  /** Negates the denominator constant, so no polynomial is touched. @example x.neg().add(x).isZero(); // true */
  neg(): RationalFunction {
    return this.isZero() ? this : new RationalFunction(this.pieces, this.denConst.neg(), this.factors);
  }

  /**
   * Denominator exponents add; numerator pieces matching a factor cancel. The
   * product is not expanded here: `budget` is charged when it is.
   * @example x.div(s).mul(s).equals(x); // true, with no denominator left
   */
  mul(o: RationalFunction, budget?: Budget): RationalFunction {
    if (this.isZero() || o.isZero()) return RationalFunction.ZERO;
    const den = new Map<string, Factor>(this.factors);
    for (const [k, f] of o.factors) addFactor(den, k, f.poly, f.exp, f.variable);
    return RationalFunction.combine([...this.pieces, ...o.pieces], den, this.denConst.mul(o.denConst), budget);
  }

  /**
   * `this / o`: each numerator piece of the divisor is normalized into
   * denominator factors and the divisor's denominator factors move up. Throws
   * RangeError('division by zero') when `o` is zero.
   * @example x.div(s.pow(2)).denominatorFactors(); // [{ factor: s, exponent: 2 }]
   */
  div(o: RationalFunction, budget?: Budget): RationalFunction {
    if (o.isZero()) throw new RangeError('division by zero');
    if (this.isZero()) return RationalFunction.ZERO;
    const den = new Map<string, Factor>(this.factors);
    let c = this.denConst.div(o.denConst);
    for (const piece of o.pieces) {
      const shape = shapeOf(piece.poly);
      for (const [v, e] of shape.content) {
        const f = variableFactor(v);
        addFactor(den, f.key, f.poly, e * piece.exp, v);
      }
      const { unit, primitive, key } = shape.normalized();
      c = c.mul(unit.pow(piece.exp));
      if (primitive) addFactor(den, key!, primitive, piece.exp, undefined);
    }
    const pieces: Piece[] = [...this.pieces];
    for (const f of o.factors.values()) pieces.push({ poly: f.poly, exp: f.exp });
    return RationalFunction.combine(pieces, den, c, budget);
  }

  /** `1 / this`; throws RangeError('division by zero') for zero. @example x.inv().mul(x).equals(RationalFunction.ONE); // true */
  inv(budget?: Budget): RationalFunction {
    return RationalFunction.ONE.div(this, budget);
  }

  /**
   * Integer power; negative exponents invert. Nothing is expanded here.
   * @example RationalFunction.variable(0).pow(-2).toString(); // "1 / x0^2"
   */
  pow(k: number, budget?: Budget): RationalFunction {
    // exp(1e30 * t) is exp(t)^(1e30): past the limit (Infinity included) it is a budget, not a bug.
    // 0^(1e16) is 0: a whole exponent past 2^53 (a double, exact and even) is no reason for a fault when the base is 0.
    if (this.isZero() && Number.isInteger(k) && k > 0) return this;
    if (Math.abs(k) > MAX_EXACT_EXPONENT && !this.isZero()) throw new BudgetExceededError('terms', budget?.maxTerms ?? 0);
    if (!Number.isSafeInteger(k)) throw new RangeError(`RationalFunction.pow: exponent must be an integer, got ${k}`);
    if (k === 0) return RationalFunction.ONE;
    if (k < 0) return this.inv(budget).pow(-k, budget);
    if (k === 1 || this.isZero()) return this;
    let largest = 0;
    for (const f of this.factors.values()) largest = Math.max(largest, f.exp);
    for (const p of this.pieces) largest = Math.max(largest, p.exp);
    checkPower(largest, bitsOf(this.denConst.num) + bitsOf(this.denConst.den), k, budget);
    const den = new Map<string, Factor>();
    for (const [key, f] of this.factors) den.set(key, { ...f, exp: f.exp * k });
    const pieces = this.pieces.map((p) => ({ poly: p.poly, exp: p.exp * k }));
    return new RationalFunction(pieces, this.denConst.pow(k), den, budget);
  }

  /** Exact equality, decided as `(this - o).isZero()`. @example x.add(y).pow(2).equals(x.pow(2).add(x.mul(y).mul(RationalFunction.constant(2))).add(y.pow(2))); // true */
  equals(o: RationalFunction, budget?: Budget): boolean {
    if (this === o) return true;
    return this.sub(o, budget).isZero();
  }

  /**
   * Exact value at a point; throws RangeError if a denominator factor vanishes there.
   * @example x.div(y).evaluate((id) => Rational.of(id + 1)).toString(); // "1/2"
   */
  evaluate(values: (id: number) => Rational): Rational {
    const memo = memoize(values);
    let den = this.denConst;
    for (const f of this.factors.values()) {
      const v = f.poly.evaluate(memo);
      if (v.isZero()) throw new RangeError('denominator vanishes at this point');
      den = den.mul(v.pow(f.exp));
    }
    let num = Rational.ONE;
    for (const p of this.pieces) num = num.mul(p.poly.evaluate(memo).pow(p.exp));
    return num.div(den);
  }

  /**
   * Floating-point value at a point (Infinity or NaN where a denominator vanishes).
   * @example x.div(y).evaluateFloat((id) => id + 1); // 0.5
   */
  evaluateFloat(values: (id: number) => number): number {
    const memo = memoize(values);
    let den = this.denConst.toNumber();
    for (const f of this.factors.values()) den *= f.poly.evaluateFloat(memo) ** f.exp;
    let num = 1;
    for (const p of this.pieces) num *= p.poly.evaluateFloat(memo) ** p.exp;
    return num / den;
  }

  /**
   * Readable form with the numerator expanded, e.g. `"(x0 + x1) / (2*x2*(x0 + x3)^2)"`;
   * `names` as in {@link Polynomial.toString}.
   */
  toString(names?: (id: number) => string): string {
    // A negative denominator constant is printed on the numerator: 1 / N, not -1 / (-1*N).
    const flip = this.denConst.sign() < 0;
    let numPoly = flip ? this.numerator().neg() : this.numerator();
    let denConst = flip ? this.denConst.neg() : this.denConst;
    // A constant numerator takes the denominator's constant in: 1 / N, not 2 / (2*N).
    const c = numPoly.constantValue();
    if (c !== undefined && !c.isZero() && this.factors.size > 0) {
      const q = c.div(denConst);
      numPoly = Polynomial.constant(Rational.of(q.num));
      denConst = Rational.of(q.den);
    }
    const num = numPoly.toString(names);
    if (this.factors.size === 0 && denConst.equals(Rational.ONE)) return num;
    const parts: string[] = [];
    if (!denConst.equals(Rational.ONE) || this.factors.size === 0) parts.push(denConst.toString());
    for (const f of this.factors.values()) {
      const base = f.variable !== undefined ? f.poly.toString(names) : `(${f.poly.toString(names)})`;
      parts.push(f.exp === 1 ? base : `${base}^${f.exp}`);
    }
    const n = numPoly.termCount() > 1 ? `(${num})` : num;
    // `a / 2*x` would read as (a/2)*x: a denominator of more than one factor, or a fraction, is bracketed.
    const d = parts.length > 1 || /^-|\//.test(parts[0]) ? `(${parts.join('*')})` : parts[0];
    return `${n} / ${d}`;
  }

  /**
   * The function `prod pieces / (constant * den)` (`den` is owned and mutated),
   * after cancelling each piece's monomial content against single-variable
   * factors and its primitive cofactor against an identical factor.
   */
  private static combine(pieces: readonly Piece[], den: Map<string, Factor>, constant: Rational, budget: Budget | undefined): RationalFunction {
    const out: Piece[] = [];
    let c = constant;
    for (const piece of pieces) {
      if (piece.poly.isZero()) return RationalFunction.ZERO;
      if (den.size === 0 || piece.poly.isConstant()) {
        out.push(piece);
        continue;
      }
      const shape = shapeOf(piece.poly);
      const k = piece.exp;
      let changed = false;
      const remaining: Array<[number, number]> = [];
      for (const [v, e] of shape.content) {
        const m = cancel(den, variableFactor(v).key, e * k);
        if (m > 0) changed = true;
        if (e * k - m > 0) remaining.push([v, e * k - m]);
      }
      let restDone = false;
      if (!shape.cofactor.isConstant() && hasFactorWithTerms(den, shape.cofactor.termCount())) {
        const { unit, primitive, key } = shape.normalized();
        const m = cancel(den, key!, k);
        if (m > 0) {
          changed = true;
          restDone = true;
          c = c.div(unit.pow(k));
          if (k - m > 0) out.push({ poly: primitive!, exp: k - m });
        }
      }
      if (!changed) {
        out.push(piece);
        continue;
      }
      if (!restDone && !shape.cofactor.equals(Polynomial.ONE)) {
        const cofactor = shape.cofactor;
        if (!shapes.has(cofactor)) shapes.set(cofactor, new Shape([], cofactor));
        out.push({ poly: cofactor, exp: k });
      }
      if (remaining.length > 0) {
        const mono = Polynomial.monomial(Rational.ONE, remaining);
        if (!shapes.has(mono)) shapes.set(mono, new Shape(remaining, Polynomial.ONE));
        out.push({ poly: mono, exp: 1 });
      }
    }
    return new RationalFunction(out, c, den, budget);
  }
}

function memoize(values: (id: number) => Rational): (id: number) => Rational;
function memoize(values: (id: number) => number): (id: number) => number;
function memoize<T>(values: (id: number) => T): (id: number) => T {
  const cache = new Map<number, T>();
  return (id) => {
    if (cache.has(id)) return cache.get(id)!;
    const v = values(id);
    cache.set(id, v);
    return v;
  };
}
