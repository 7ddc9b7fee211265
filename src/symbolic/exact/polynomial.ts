/**
 * Sparse multivariate polynomials with exact rational coefficients. Variables
 * are bare integer ids; what an id stands for (x_j, exp(x_j), ...) is the
 * caller's business.
 */
import { bitsOf, BudgetExceededError, checkPower, MAX_EXACT_EXPONENT, type Budget } from './budget.ts';
import { Rational, gcdBig } from './rational.ts';

/**
 * A power product `x_{v0}^{e0} * x_{v1}^{e1} * ...`. `pairs` is flat
 * `[v0, e0, v1, e1, ...]` sorted by variable id with every exponent > 0; the key
 * is built once so that like terms meet by a single Map lookup.
 */
export interface Monomial {
  readonly pairs: readonly number[];
  /** Canonical text, e.g. `"0^2*3"` for `x0^2 * x3`; `""` for the constant monomial. */
  readonly key: string;
  /** Total degree. */
  readonly degree: number;
}

/** One `coef * mono`; `coef` is never zero inside a {@link Polynomial}. */
export interface Term {
  readonly mono: Monomial;
  readonly coef: Rational;
}

/** `(variable id, exponent)` pairs, e.g. `[[0, 2], [3, 1]]` for `x0^2 * x3`. */
export type Powers = ReadonlyArray<readonly [number, number]>;

/** {@link Polynomial.variable}, built once per id. */
const variables = new Map<number, Polynomial>();

const UNIT_MONO: Monomial = { pairs: [], key: '', degree: 0 };

function monoFromPairs(pairs: number[]): Monomial {
  if (pairs.length === 0) return UNIT_MONO;
  let key = '';
  let degree = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const e = pairs[i + 1];
    if (i > 0) key += '*';
    key += e === 1 ? `${pairs[i]}` : `${pairs[i]}^${e}`;
    degree += e;
  }
  return { pairs, key, degree };
}

function monoFromPowers(powers: Powers): Monomial {
  // A profile of the suite shows this among the exact engine's top costs, called
  // mostly with one or a few powers: sort a flat copy instead of building a Map.
  const sorted: [number, number][] = [];
  for (const [v, e] of powers) {
    checkPowerPair(v, e);
    if (e > 0) sorted.push([v, e]);
  }
  if (sorted.length > 1) sorted.sort((a, b) => a[0] - b[0]);
  const pairs: number[] = [];
  for (const [v, e] of sorted) {
    // Repeated ids multiply: their exponents add.
    if (pairs.length > 0 && pairs[pairs.length - 2] === v) pairs[pairs.length - 1] += e;
    else pairs.push(v, e);
  }
  return monoFromPairs(pairs);
}

function checkPowerPair(v: number, e: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`variable id must be a non-negative integer, got ${v}`);
  if (!Number.isSafeInteger(e) || e < 0) throw new RangeError(`exponent must be a non-negative integer, got ${e}`);
}

function mulMono(a: Monomial, b: Monomial): Monomial {
  if (a.degree === 0) return b;
  if (b.degree === 0) return a;
  const pa = a.pairs;
  const pb = b.pairs;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < pa.length && j < pb.length) {
    const va = pa[i];
    const vb = pb[j];
    if (va === vb) {
      out.push(va, pa[i + 1] + pb[j + 1]);
      i += 2;
      j += 2;
    } else if (va < vb) {
      out.push(va, pa[i + 1]);
      i += 2;
    } else {
      out.push(vb, pb[j + 1]);
      j += 2;
    }
  }
  for (; i < pa.length; i++) out.push(pa[i]);
  for (; j < pb.length; j++) out.push(pb[j]);
  return monoFromPairs(out);
}

function monoPow(a: Monomial, k: number): Monomial {
  if (k === 0) return UNIT_MONO;
  if (k === 1) return a;
  const out = a.pairs.slice();
  for (let i = 1; i < out.length; i += 2) out[i] *= k;
  return monoFromPairs(out);
}

/** Graded lexicographic order with x0 > x1 > ...: positive when `a` is bigger. */
function compareMono(a: Monomial, b: Monomial): number {
  if (a.degree !== b.degree) return a.degree - b.degree;
  const pa = a.pairs;
  const pb = b.pairs;
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i += 2) {
    // The monomial holding the smaller (more significant) variable has a
    // positive exponent where the other has zero.
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? 1 : -1;
    if (pa[i + 1] !== pb[i + 1]) return pa[i + 1] - pb[i + 1];
  }
  return 0;
}

function exponentOf(m: Monomial, id: number): number {
  const p = m.pairs;
  for (let i = 0; i < p.length; i += 2) {
    if (p[i] === id) return p[i + 1];
    if (p[i] > id) return 0;
  }
  return 0;
}

interface MutableTerm {
  mono: Monomial;
  coef: Rational;
}

/** Collects like terms by monomial key; zero coefficients are dropped at the end. */
class Accumulator {
  readonly map = new Map<string, MutableTerm>();

  add(mono: Monomial, coef: Rational): void {
    const e = this.map.get(mono.key);
    if (e) e.coef = e.coef.add(coef);
    else this.map.set(mono.key, { mono, coef });
  }

  finish(): Polynomial {
    for (const [k, t] of this.map) if (t.coef.isZero()) this.map.delete(k);
    return wrap(this.map);
  }
}

/**
 * Wraps a term map the caller hands over (monomial keys, no zero coefficients,
 * no other references kept). Assigned inside the class so the constructor can
 * stay private without exposing a public escape hatch.
 */
let wrap: (map: ReadonlyMap<string, Term>) => Polynomial;

/**
 * An immutable sparse polynomial over {@link Rational}. Terms live in a Map keyed
 * by monomial key, so addition is linear and multiplication is one Map lookup per
 * pair of terms.
 *
 * @example
 * const x = Polynomial.variable(0), y = Polynomial.variable(1);
 * x.add(y).pow(2).toString(); // "x0^2 + 2*x0*x1 + x1^2"
 */
export class Polynomial {
  /** The zero polynomial. */
  static readonly ZERO = new Polynomial(new Map());
  /** The constant 1. */
  static readonly ONE = new Polynomial(new Map([['', { mono: UNIT_MONO, coef: Rational.ONE }]]));

  private cachedKey: string | undefined;
  private cachedVars: ReadonlySet<number> | undefined;

  private constructor(private readonly map: ReadonlyMap<string, Term>) {}

  static {
    wrap = (map) => (map.size === 0 ? Polynomial.ZERO : new Polynomial(map));
  }

  /** @example Polynomial.constant(Rational.of(3, 4)).toString(); // "3/4" */
  static constant(q: Rational | bigint | number): Polynomial {
    const c = q instanceof Rational ? q : Rational.of(q);
    if (c.isZero()) return Polynomial.ZERO;
    if (c.equals(Rational.ONE)) return Polynomial.ONE;
    return new Polynomial(new Map([['', { mono: UNIT_MONO, coef: c }]]));
  }

  /** @example Polynomial.variable(2).toString(); // "x2" */
  static variable(id: number): Polynomial {
    // Polynomials are immutable, so one object per id serves every caller, and the
    // caches keyed by identity (shapes, keys) hit across the whole run.
    let p = variables.get(id);
    if (!p) {
      p = Polynomial.monomial(Rational.ONE, [[id, 1]]);
      variables.set(id, p);
    }
    return p;
  }

  /**
   * `coef * prod x_v^e`; repeated ids multiply.
   * @example Polynomial.monomial(Rational.of(-2), [[0, 2], [1, 1]]).toString(); // "-2*x0^2*x1"
   */
  static monomial(coef: Rational | bigint | number, powers: Powers): Polynomial {
    const c = coef instanceof Rational ? coef : Rational.of(coef);
    if (c.isZero()) return Polynomial.ZERO;
    const mono = monoFromPowers(powers);
    return new Polynomial(new Map([[mono.key, { mono, coef: c }]]));
  }

  /**
   * Sums many polynomials in one pass, cheaper than chaining `add`.
   * @example Polynomial.sum([x, y, x]).toString(); // "2*x0 + x1"
   */
  static sum(polys: Iterable<Polynomial>, budget?: Budget): Polynomial {
    const acc = new Accumulator();
    for (const p of polys) for (const t of p.map.values()) acc.add(t.mono, t.coef);
    const r = acc.finish();
    budget?.charge(r.termCount());
    return r;
  }

  /**
   * The terms, in no particular order.
   * @example [...x.add(Polynomial.ONE).terms()].length; // 2
   */
  terms(): IterableIterator<Term> {
    return this.map.values();
  }

  /** Number of nonzero terms. @example x.add(y).pow(2).termCount(); // 3 */
  termCount(): number {
    return this.map.size;
  }

  /** @example x.sub(x).isZero(); // true */
  isZero(): boolean {
    return this.map.size === 0;
  }

  /** True for constants, including zero. @example Polynomial.constant(2).isConstant(); // true */
  isConstant(): boolean {
    return this.map.size === 0 || (this.map.size === 1 && this.map.has(''));
  }

  /**
   * The value of a constant polynomial, or undefined if it has a variable.
   * @example Polynomial.constant(5).constantValue()?.toString(); // "5"
   */
  constantValue(): Rational | undefined {
    if (this.map.size === 0) return Rational.ZERO;
    if (this.map.size === 1) return this.map.get('')?.coef;
    return undefined;
  }

  /** The coefficient of the constant monomial (0 if absent). @example x.add(Polynomial.constant(3)).constantTerm(); // 3 */
  constantTerm(): Rational {
    return this.map.get('')?.coef ?? Rational.ZERO;
  }

  /**
   * Exact structural equality, which for canonical sparse forms is polynomial equality.
   * @example x.add(y).equals(y.add(x)); // true
   */
  equals(o: Polynomial): boolean {
    if (this === o) return true;
    if (this.map.size !== o.map.size) return false;
    for (const [k, t] of this.map) {
      const u = o.map.get(k);
      if (!u || !u.coef.equals(t.coef)) return false;
    }
    return true;
  }

  /** Total degree; -1 for the zero polynomial. @example x.pow(2).mul(y).degree(); // 3 */
  degree(): number {
    if (this.map.size === 0) return -1;
    let d = 0;
    for (const t of this.map.values()) if (t.mono.degree > d) d = t.mono.degree;
    return d;
  }

  /** Degree in one variable; -1 for the zero polynomial. @example x.pow(2).mul(y).degreeIn(0); // 2 */
  degreeIn(id: number): number {
    if (this.map.size === 0) return -1;
    let d = 0;
    for (const t of this.map.values()) d = Math.max(d, exponentOf(t.mono, id));
    return d;
  }

  /** The ids that occur with a positive exponent. @example x.mul(y).variables(); // Set {0, 1} */
  variables(): ReadonlySet<number> {
    if (!this.cachedVars) {
      const s = new Set<number>();
      for (const t of this.map.values()) {
        const p = t.mono.pairs;
        for (let i = 0; i < p.length; i += 2) s.add(p[i]);
      }
      this.cachedVars = s;
    }
    return this.cachedVars;
  }

  /**
   * Canonical text of the whole polynomial: equal polynomials, and only they,
   * get equal keys. Cached, so it is cheap to use as a Map key repeatedly.
   * @example x.add(y).key() === y.add(x).key(); // true
   */
  key(): string {
    if (this.cachedKey === undefined) {
      const keys = [...this.map.keys()].sort();
      let s = '';
      for (const k of keys) s += `${k}:${this.map.get(k)!.coef};`;
      this.cachedKey = s;
    }
    return this.cachedKey;
  }

  /** @example x.add(y).sub(x).toString(); // "x1" */
  add(o: Polynomial, budget?: Budget): Polynomial {
    if (o.map.size === 0) return this;
    if (this.map.size === 0) return o;
    // Copy the bigger side, fold in the smaller: linear in the smaller one.
    const [big, small] = this.map.size >= o.map.size ? [this, o] : [o, this];
    const map = new Map<string, Term>(big.map);
    for (const [k, t] of small.map) {
      const e = map.get(k);
      if (!e) map.set(k, t);
      else {
        const c = e.coef.add(t.coef);
        if (c.isZero()) map.delete(k);
        else map.set(k, { mono: t.mono, coef: c });
      }
    }
    budget?.charge(map.size);
    return wrap(map);
  }

  /** @example x.sub(y).add(y).equals(x); // true */
  sub(o: Polynomial, budget?: Budget): Polynomial {
    return this.add(o.neg(), budget);
  }

  /** @example x.neg().toString(); // "-x0" */
  neg(): Polynomial {
    return this.scale(Rational.ONE.neg());
  }

  /** Multiplies every coefficient by `q`. @example x.scale(Rational.of(1, 2)).toString(); // "1/2*x0" */
  scale(q: Rational): Polynomial {
    if (q.isZero() || this.map.size === 0) return Polynomial.ZERO;
    if (q.equals(Rational.ONE)) return this;
    const map = new Map<string, Term>();
    for (const [k, t] of this.map) map.set(k, { mono: t.mono, coef: t.coef.mul(q) });
    return new Polynomial(map);
  }

  /**
   * Product; charges the budget as the result grows, so a blow-up is stopped
   * part-way rather than after it has eaten the memory.
   * @example x.add(y).mul(x.sub(y)).toString(); // "x0^2 - x1^2"
   */
  mul(o: Polynomial, budget?: Budget): Polynomial {
    if (this.map.size === 0 || o.map.size === 0) return Polynomial.ZERO;
    const [outer, inner] = this.map.size <= o.map.size ? [this, o] : [o, this];
    if (outer.map.size === 1) {
      const t = outer.map.values().next().value!;
      if (t.mono.degree === 0) return inner.scale(t.coef);
    }
    const acc = new Accumulator();
    const innerTerms = [...inner.map.values()];
    let charged = 0;
    for (const a of outer.map.values()) {
      for (const b of innerTerms) acc.add(mulMono(a.mono, b.mono), a.coef.mul(b.coef));
      if (budget) {
        budget.charge(acc.map.size - charged);
        budget.work(innerTerms.length);
        charged = acc.map.size;
      }
    }
    return acc.finish();
  }

  /**
   * `this^k` for an integer `k >= 0`; `p.pow(0)` is 1, even for p = 0.
   * @example x.add(Polynomial.ONE).pow(2).toString(); // "x0^2 + 2*x0 + 1"
   */
  pow(k: number, budget?: Budget): Polynomial {
    if (k > MAX_EXACT_EXPONENT && this.map.size > 0) throw new BudgetExceededError('terms', budget?.maxTerms ?? 0);
    if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`Polynomial.pow: exponent must be a non-negative integer, got ${k}`);
    if (k === 0) return Polynomial.ONE;
    if (k === 1 || this.map.size === 0) return this;
    if (this.map.size === 1) {
      const t = this.map.values().next().value!;
      let largest = 0;
      for (let i = 1; i < t.mono.pairs.length; i += 2) largest = Math.max(largest, t.mono.pairs[i]);
      checkPower(largest, bitsOf(t.coef.num) + bitsOf(t.coef.den), k, budget);
      const mono = monoPow(t.mono, k);
      budget?.charge(1);
      return new Polynomial(new Map([[mono.key, { mono, coef: t.coef.pow(k) }]]));
    }
    // Repeated multiplication by the (small) base beats squaring for sparse
    // multivariate inputs: squaring multiplies two big operands.
    let r: Polynomial = this;
    for (let i = 1; i < k; i++) r = r.mul(this, budget);
    return r;
  }

  /**
   * Exact value at a point; `values` is asked once per variable.
   * @example x.mul(y).evaluate((id) => Rational.of(id + 2)).toString(); // "6"
   */
  evaluate(values: (id: number) => Rational): Rational {
    const cache = new Map<number, Rational>();
    const powCache = new Map<string, Rational>();
    let sum = Rational.ZERO;
    for (const t of this.map.values()) {
      let prod = t.coef;
      const p = t.mono.pairs;
      for (let i = 0; i < p.length; i += 2) {
        const v = p[i];
        const e = p[i + 1];
        let base = cache.get(v);
        if (base === undefined) {
          base = values(v);
          cache.set(v, base);
        }
        let pw: Rational;
        if (e === 1) pw = base;
        else {
          const pk = `${v}^${e}`;
          pw = powCache.get(pk) ?? base.pow(e);
          powCache.set(pk, pw);
        }
        prod = prod.mul(pw);
      }
      sum = sum.add(prod);
    }
    return sum;
  }

  /**
   * Floating-point value at a point; for numeric sampling, never for deciding zero.
   * @example x.mul(y).evaluateFloat((id) => id + 0.5); // 0.75
   */
  evaluateFloat(values: (id: number) => number): number {
    const cache = new Map<number, number>();
    let sum = 0;
    for (const t of this.map.values()) {
      let prod = t.coef.toNumber();
      const p = t.mono.pairs;
      for (let i = 0; i < p.length; i += 2) {
        let base = cache.get(p[i]);
        if (base === undefined) {
          base = values(p[i]);
          cache.set(p[i], base);
        }
        prod *= p[i + 1] === 1 ? base : base ** p[i + 1];
      }
      sum += prod;
    }
    return sum;
  }

  /**
   * Replaces variable `id` by the polynomial `p`.
   * @example x.pow(2).substitute(0, y.add(Polynomial.ONE)).toString(); // "x1^2 + 2*x1 + 1"
   */
  substitute(id: number, p: Polynomial, budget?: Budget): Polynomial {
    if (!this.variables().has(id)) return this;
    // Group by the exponent of `id` so each power of p is built and multiplied once.
    const rest = new Accumulator();
    const byExp = new Map<number, Accumulator>();
    for (const t of this.map.values()) {
      const e = exponentOf(t.mono, id);
      if (e === 0) {
        rest.add(t.mono, t.coef);
        continue;
      }
      const pairs: number[] = [];
      const src = t.mono.pairs;
      for (let i = 0; i < src.length; i += 2) if (src[i] !== id) pairs.push(src[i], src[i + 1]);
      let acc = byExp.get(e);
      if (!acc) byExp.set(e, (acc = new Accumulator()));
      acc.add(monoFromPairs(pairs), t.coef);
    }
    const parts: Polynomial[] = [rest.finish()];
    const exps = [...byExp.keys()].sort((a, b) => a - b);
    let power = Polynomial.ONE;
    let powerExp = 0;
    for (const e of exps) {
      power = power.mul(p.pow(e - powerExp, budget), budget);
      powerExp = e;
      parts.push(byExp.get(e)!.finish().mul(power, budget));
    }
    return Polynomial.sum(parts, budget);
  }

  /**
   * For variables known to take only the values 0 and 1 (indicators), `v^k = v`
   * for every k >= 1, so each such exponent drops to 1.
   * @example x.pow(3).add(x).reduceIdempotent(new Set([0])).toString(); // "2*x0"
   */
  reduceIdempotent(ids: ReadonlySet<number>): Polynomial {
    let touched = false;
    for (const v of this.variables()) if (ids.has(v)) touched = true;
    if (!touched) return this;
    const acc = new Accumulator();
    for (const t of this.map.values()) {
      const pairs = t.mono.pairs.slice();
      let changed = false;
      for (let i = 0; i < pairs.length; i += 2) {
        if (ids.has(pairs[i]) && pairs[i + 1] > 1) {
          pairs[i + 1] = 1;
          changed = true;
        }
      }
      acc.add(changed ? monoFromPairs(pairs) : t.mono, t.coef);
    }
    return acc.finish();
  }

  /**
   * The term whose monomial is largest in graded lex order (x0 > x1 > ...).
   * @example x.add(y.pow(2)).leadingTerm()?.mono.key; // "1^2"
   */
  leadingTerm(): Term | undefined {
    let best: Term | undefined;
    for (const t of this.map.values()) if (!best || compareMono(t.mono, best.mono) > 0) best = t;
    return best;
  }

  /**
   * Splits `p = unit * primitive` where `primitive` has coprime integer
   * coefficients and a positive leading coefficient (graded lex), so that
   * `2x + 4y` and `-x/3 - 2y/3` share the primitive part `x + 2y`. Throws on zero.
   *
   * @example
   * const { unit, primitive } = x.scale(Rational.of(-2)).add(Polynomial.constant(4)).normalizeFactor();
   * // unit = -2, primitive = x0 - 2
   */
  normalizeFactor(): { unit: Rational; primitive: Polynomial } {
    const lead = this.leadingTerm();
    if (!lead) throw new RangeError('cannot normalize the zero polynomial');
    let g = 0n;
    let l = 1n;
    for (const t of this.map.values()) {
      g = gcdBig(g, t.coef.num);
      const d = t.coef.den;
      if (d !== 1n) l = (l / gcdBig(l, d)) * d;
    }
    let unit = Rational.of(g, l);
    if (lead.coef.sign() < 0) unit = unit.neg();
    return { unit, primitive: this.scale(unit.inv()) };
  }

  /**
   * The largest monomial dividing every term, and the cofactor: `p = x^content * cofactor`.
   * A monomial-free cofactor is what the rational-function layer stores as a factor.
   *
   * @example
   * x.pow(2).mul(y).add(x.mul(y.pow(2))).extractMonomialContent();
   * // content [[0, 1], [1, 1]], cofactor x0 + x1
   */
  extractMonomialContent(): { content: Powers; cofactor: Polynomial } {
    const it = this.map.values();
    const first = it.next();
    if (first.done) return { content: [], cofactor: this };
    const mins = new Map<number, number>();
    const fp = first.value.mono.pairs;
    for (let i = 0; i < fp.length; i += 2) mins.set(fp[i], fp[i + 1]);
    for (const t of it) {
      if (mins.size === 0) break;
      for (const [v, e] of mins) {
        const te = exponentOf(t.mono, v);
        if (te === 0) mins.delete(v);
        else if (te < e) mins.set(v, te);
      }
    }
    if (mins.size === 0) return { content: [], cofactor: this };
    const content: Array<[number, number]> = [...mins].sort((a, b) => a[0] - b[0]);
    return { content, cofactor: this.divMonomial(content) };
  }

  /**
   * Exact division by a monomial; throws RangeError if some term is not divisible.
   * @example x.pow(2).mul(y).divMonomial([[0, 1]]).toString(); // "x0*x1"
   */
  divMonomial(powers: Powers): Polynomial {
    const d = monoFromPowers(powers);
    if (d.degree === 0) return this;
    const map = new Map<string, Term>();
    for (const t of this.map.values()) {
      const out: number[] = [];
      const p = t.mono.pairs;
      const q = d.pairs;
      let j = 0;
      for (let i = 0; i < p.length; i += 2) {
        if (j < q.length && q[j] < p[i]) throw notDivisible();
        if (j < q.length && q[j] === p[i]) {
          const e = p[i + 1] - q[j + 1];
          if (e < 0) throw notDivisible();
          if (e > 0) out.push(p[i], e);
          j += 2;
        } else out.push(p[i], p[i + 1]);
      }
      if (j < q.length) throw notDivisible();
      const mono = monoFromPairs(out);
      map.set(mono.key, { mono, coef: t.coef });
    }
    return wrap(map);
  }

  /**
   * The quotient of an exact division by d, or undefined where d does not divide this (or past `maxTerms` steps):
   * long division by leading terms in graded lex order, which a product's leading term is the product of.
   * @example x.mul(y).add(x).exactQuotient(y.add(Polynomial.ONE))?.toString(); // "x0"
   */
  exactQuotient(d: Polynomial, budget?: Budget, maxTerms = 256): Polynomial | undefined {
    const lead = d.leadingTerm();
    if (lead === undefined) return undefined;
    let rest: Polynomial = this;
    let quotient = Polynomial.ZERO;
    for (let step = 0; !rest.isZero(); step++) {
      const top = rest.leadingTerm()!;
      const powers = monomialQuotient(top.mono, lead.mono);
      if (powers === undefined || step >= maxTerms) return undefined;
      const term = Polynomial.monomial(top.coef.div(lead.coef), powers);
      quotient = quotient.add(term, budget);
      rest = rest.sub(term.mul(d, budget), budget);
    }
    return quotient;
  }

  /**
   * Readable form, biggest monomial first; `names` maps ids to text (default `x<id>`).
   * @example x.sub(Polynomial.constant(Rational.of(1, 2))).toString((id) => 'abc'[id]); // "a - 1/2"
   */
  toString(names: (id: number) => string = (id) => `x${id}`): string {
    if (this.map.size === 0) return '0';
    const terms = [...this.map.values()].sort((a, b) => compareMono(b.mono, a.mono));
    let s = '';
    terms.forEach((t, idx) => {
      const negative = t.coef.sign() < 0;
      const c = t.coef.abs();
      const factors: string[] = [];
      const p = t.mono.pairs;
      for (let i = 0; i < p.length; i += 2) {
        const name = bracketed(names(p[i]));
        factors.push(p[i + 1] === 1 ? name : `${name}^${p[i + 1]}`);
      }
      let body: string;
      if (factors.length === 0) body = c.toString();
      else if (c.equals(Rational.ONE)) body = factors.join('*');
      else body = `${c}*${factors.join('*')}`;
      if (idx === 0) s = negative ? `-${body}` : body;
      else s += negative ? ` - ${body}` : ` + ${body}`;
    });
    return s;
  }
}

/**
 * A variable's name in brackets when it has an operator outside brackets
 * (`x^(1/2)`, `a + b`), so that `name^2` and `2*name` read back as meant.
 */
export function bracketed(name: string): string {
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && '+-*/^ '.includes(c)) return `(${name})`;
  }
  return name;
}

/** a / b as powers, or undefined where b does not divide a. */
function monomialQuotient(a: Monomial, b: Monomial): Powers | undefined {
  const out: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.pairs.length; i += 2) {
    const own = b.pairs[j] === a.pairs[i] ? b.pairs[j + 1] : 0;
    if (own > 0) j += 2;
    if (a.pairs[i + 1] < own) return undefined;
    if (a.pairs[i + 1] > own) out.push([a.pairs[i], a.pairs[i + 1] - own]);
  }
  return j < b.pairs.length ? undefined : out;
}

function notDivisible(): RangeError {
  return new RangeError('divMonomial: polynomial is not divisible by the monomial');
}
