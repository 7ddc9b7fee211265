import { add, expandedSizeUpTo, fn, hasValueEverywhere, mapChildren, mul, num, pow, someSubterm, substituteScalarInputs, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer, constantOf } from './canonical.ts';
import { Budget } from './exact/index.ts';

/**
 * The term with each limit whose value {@link limitBySeries} reads replaced by that value, inner limits first: the
 * exact engine then compares the values, and reads them at a point in 60 digits where a refutation needs a witness
 * (a limit of an unknown function is no value to those digits). Each coefficient's test for 0 has its own budget.
 */
export function withLimitsBySeries(t: Term): Term {
  if (!someSubterm(t, (x) => x.k === 'limit')) return t;
  // A budget of terms, not of time: a deadline met under load (a worker's first exact form compiles the engine) made the
  // same limit proved in one run of the suite and verified in the next.
  const form = (x: Term) => new Canonicalizer(new AtomTable(), new Map(), new Budget({ maxTerms: COEFFICIENT_TERMS })).side(x).form;
  const isZero = (x: Term): boolean => {
    try {
      return form(x).isZero();
    } catch {
      return false;
    }
  };
  const rational = (x: Term): Term | undefined => {
    try {
      const c = constantOf(form(x));
      return c !== undefined && c.sign() !== 0 ? num(c.num, c.den) : undefined;
    } catch {
      return undefined;
    }
  };
  const go = (x: Term): Term => {
    if (x.k !== 'limit') return mapChildren(x, go);
    const inner = { ...x, body: go(x.body) };
    return limitBySeries(inner, isZero, rational) ?? inner;
  };
  return go(t);
}

/** Terms one coefficient's canonical form may take. */
const COEFFICIENT_TERMS = 50_000;

/**
 * The value of `limit(h, a, E)` at a finite point a, or toward an infinity from its side (in 1 / h), from E's Laurent
 * series in h around a, where E is built of sums, products, powers, exp, sin, cos, log and sqrt (of a series whose
 * constant term is a positive rational: log(1 + 1/m) toward Infinity) and unknown functions of one argument (`f(x + 2h)`, `f'''(x - h)`), each read
 * by its Taylor series (f(c + d) = sum f^(m)(c) d^m / m!, with f^(m)(c) an atom of the exact engine, as the books
 * write the truncation error of a difference formula: `limit(h, 0, ((f(x + h) - 2 f(x) + f(x - h)) / h^2 - f''(x)) / h^2)
 * = f''''(x) / 12`). The series are exact up to the order they are carried to; a division is by a series whose
 * leading coefficient is a nonzero rational. The limit is the coefficient of h^0 where every coefficient of a
 * negative power is 0 (`isZero`, the exact engine's test); undefined where that is not shown, where a part is none of
 * the above, or where a part free of h may have no value somewhere (its canonical form could hide that domain).
 */
export function limitBySeries(t: Extract<Term, { k: 'limit' }>, isZero: (t: Term) => boolean, rational: (t: Term) => Term | undefined): Term | undefined {
  // At a point with no value somewhere, the form could hide that.
  if (t.at !== undefined && !hasValueEverywhere(t.at)) return undefined;
  // Toward Infinity (from below) or -Infinity (from above), in u = 1 / h (-1 / h) toward 0: (1 + 1/m)^m is exp(log(1 + u) / u).
  if (t.at === undefined && t.side === 0) return undefined;
  const variable = `${t.v}#series`;
  const u: Term = { k: 'input', ref: { name: variable, indices: [] } };
  const shifted = substituteScalarInputs(t.body, new Map([[t.v, t.at !== undefined ? add(t.at, u) : mul(num(t.side), pow(u, num(-1)))]]));
  const reads = (x: Term) => someSubterm(x, (y) => y.k === 'input' && y.ref.name === variable && y.ref.indices.length === 0);
  for (const order of ORDERS) {
    const expansion = new Expansion(variable, reads, order, isZero, rational);
    let series: Series | undefined;
    try {
      series = expansion.of(shifted);
    } catch (error) {
      if (error instanceof NotExpandable) return undefined;
      throw error;
    }
    if (series === undefined) return undefined;
    const trimmed = expansion.trim(series);
    // Known only up to h^(end - 1): more terms are needed for the coefficient of h^0.
    if (trimmed.end <= 0) continue;
    if (trimmed.val < 0) return undefined;
    return trimmed.val > 0 ? num(0) : trimmed.coeffs[0];
  }
  return undefined;
}

/** The orders series are carried to, in turn, until the coefficient of h^0 is known. */
const ORDERS = [4, 8, 12] as const;

/**
 * sum_i coeffs[i] h^(val + i), exact for the powers below `end` (Infinity for a polynomial in h); `coeffs` holds the
 * powers from val up to end - 1, or up to the order carried where end is past it.
 */
interface Series {
  readonly val: number;
  readonly coeffs: readonly Term[];
  readonly end: number;
}

class NotExpandable extends Error {}

class Expansion {
  constructor(
    private readonly variable: string,
    private readonly reads: (t: Term) => boolean,
    private readonly order: number,
    private readonly isZero: (t: Term) => boolean,
    private readonly rational: (t: Term) => Term | undefined,
  ) {}

  /** The highest power kept. */
  private get top(): number {
    return this.order;
  }

  of(t: Term): Series | undefined {
    if (!this.reads(t)) {
      if (!hasValueEverywhere(t)) throw new NotExpandable();
      return { val: 0, coeffs: [t], end: Infinity };
    }
    switch (t.k) {
      case 'input': return { val: 1, coeffs: [num(1)], end: Infinity };
      case 'add': {
        let acc: Series = { val: 0, coeffs: [], end: Infinity };
        for (const part of t.terms) acc = this.add(acc, this.need(part));
        return acc;
      }
      case 'mul': {
        let acc: Series = { val: 0, coeffs: [num(1)], end: Infinity };
        for (const factor of t.factors) acc = this.mul(acc, this.need(factor));
        return acc;
      }
      case 'pow': {
        // A power that is not whole, or whose exponent reads h: exp(exponent log(base)), the base's constant term positive.
        if (this.reads(t.exponent) || t.exponent.k !== 'num' || t.exponent.value.den !== 1n) {
          return this.elementary('exp', this.mul(this.need(t.exponent), this.logarithm(this.need(t.base))));
        }
        const k = Number(t.exponent.value.num);
        if (!Number.isSafeInteger(k) || Math.abs(k) > MAX_POWER) throw new NotExpandable();
        const base = this.need(t.base);
        return this.power(k >= 0 ? base : this.inverse(base), Math.abs(k));
      }
      case 'fn': {
        if (t.args.length === 1 && t.name === 'log') return this.logarithm(this.need(t.args[0]));
        if (t.args.length === 1 && t.name === 'sqrt') return this.elementary('exp', this.scale(this.logarithm(this.need(t.args[0])), num(1, 2)));
        if (t.args.length !== 1 || !ELEMENTARY.has(t.name)) throw new NotExpandable();
        return this.elementary(t.name as Elementary, this.need(t.args[0]));
      }
      case 'apply': {
        if (t.args.length !== 1 || t.orders.length !== 1) throw new NotExpandable();
        const [at, rest] = this.split(this.need(t.args[0]));
        // f^(j)(c + d) = sum_m f^(j + m)(c) d^m / m!.
        return this.taylor(rest, (m) => mul({ ...t, orders: [t.orders[0] + m], args: [at] }, num(1, factorial(m))));
      }
      default: throw new NotExpandable();
    }
  }

  private need(t: Term): Series {
    const s = this.of(t);
    if (s === undefined) throw new NotExpandable();
    return s;
  }

  /** The series without its leading coefficients that the exact engine shows are 0. */
  trim(s: Series): Series {
    let drop = 0;
    while (drop < s.coeffs.length && this.isZero(s.coeffs[drop])) drop++;
    if (drop === 0) return s;
    if (drop === s.coeffs.length) return { val: s.end === Infinity ? 0 : s.end, coeffs: [], end: s.end };
    return { val: s.val + drop, coeffs: s.coeffs.slice(drop), end: s.end };
  }

  private coefficient(s: Series, power: number): Term {
    const i = power - s.val;
    return i >= 0 && i < s.coeffs.length ? s.coeffs[i] : num(0);
  }

  /**
   * The powers from `from` below `end`, cut at the order carried (and `end` with them: a power past it is not held,
   * not 0). Coefficients are terms as built, not simplified: past {@link MAX_COEFFICIENT_NODES} the limit is for the numbers.
   */
  private built(from: number, end: number, coefficient: (power: number) => Term): Series {
    const last = Math.min(end, this.top + 1);
    const coeffs: Term[] = [];
    for (let p = from; p < last; p++) {
      const c = coefficient(p);
      if (expandedSizeUpTo(c, MAX_COEFFICIENT_NODES + 1) > MAX_COEFFICIENT_NODES) throw new NotExpandable();
      coeffs.push(c);
    }
    return { val: from, coeffs, end: last };
  }

  private add(a: Series, b: Series): Series {
    if (a.coeffs.length === 0 && a.end === Infinity) return b;
    if (b.coeffs.length === 0 && b.end === Infinity) return a;
    return this.built(Math.min(a.val, b.val), Math.min(a.end, b.end), (p) => add(this.coefficient(a, p), this.coefficient(b, p)));
  }

  private mul(a: Series, b: Series): Series {
    const end = Math.min(a.end + b.val, b.end + a.val);
    return this.built(a.val + b.val, end, (p) => {
      const parts: Term[] = [];
      for (let i = 0; i < a.coeffs.length; i++) {
        const j = p - (a.val + i) - b.val;
        if (j >= 0 && j < b.coeffs.length) parts.push(mul(a.coeffs[i], b.coeffs[j]));
      }
      return add(...parts);
    });
  }

  private scale(s: Series, c: Term): Series {
    return { ...s, coeffs: s.coeffs.map((x) => mul(c, x)) };
  }

  private power(s: Series, k: number): Series {
    let out: Series = { val: 0, coeffs: [num(1)], end: Infinity };
    for (let i = 0; i < k; i++) out = this.mul(out, s);
    return out;
  }

  /** 1 / s, where s's leading coefficient is a nonzero rational. */
  private inverse(raw: Series): Series {
    const s = this.trim(raw);
    if (s.coeffs.length === 0) throw new NotExpandable();
    const lead = this.rational(s.coeffs[0]);
    if (lead === undefined) throw new NotExpandable();
    const leadInverse = pow(lead, num(-1));
    // (lead h^v (1 + r))^-1 = h^-v / lead * sum (-r)^m, r of valuation 1 at least.
    const r: Series = { val: 1, coeffs: s.coeffs.slice(1).map((c) => mul(leadInverse, c)), end: s.end - s.val };
    const geometric = this.taylor(this.scale(r, num(-1)), () => num(1));
    return { val: -s.val, coeffs: geometric.coeffs.map((c) => mul(leadInverse, c)), end: geometric.end - s.val };
  }

  /**
   * log(s) for a series whose constant term is a positive rational c (where log has a value near the point, whatever
   * the inputs): log(c) + log(1 + r / c) = log(c) + sum (-1)^(m + 1) (r / c)^m / m.
   */
  private logarithm(raw: Series): Series {
    const [at, rest] = this.split(raw);
    const c = this.rational(at);
    if (c === undefined || c.k !== 'num' || c.value.num <= 0n) throw new NotExpandable();
    return this.taylor(this.scale(rest, pow(c, num(-1))), (m) => (m === 0 ? fn('log', c) : num(m % 2 === 1 ? 1 : -1, m)));
  }

  /**
   * sum_m coefficient(m) d^m up to the order carried, d of valuation 1 at least (the rest of a series past its constant
   * term): the terms left out are past the order, so the sum is exact below it.
   */
  private taylor(d: Series, coefficient: (m: number) => Term): Series {
    const terms: Series[] = [];
    let dm: Series = { val: 0, coeffs: [num(1)], end: Infinity };
    for (let m = 0; m <= this.top; m++) {
      terms.push(this.scale(dm, coefficient(m)));
      dm = this.mul(dm, d);
    }
    const sum = terms.reduce((a, b) => this.add(a, b));
    return { ...sum, end: Math.min(sum.end, this.top + 1) };
  }

  /** The constant term and the rest (valuation 1 at least) of a series of valuation 0 or more. */
  private split(s: Series): [Term, Series] {
    const t = this.trim(s);
    if (t.val < 0 || t.end <= 0) throw new NotExpandable();
    const at = this.coefficient(t, 0);
    const rest = this.built(1, t.end, (p) => this.coefficient(t, p));
    return [at, rest];
  }

  private elementary(name: Elementary, arg: Series): Series {
    const [at, rest] = this.split(arg);
    // The Taylor coefficients of exp, sin and cos at c: f^(m)(c) / m!.
    const nth = (m: number): Term => {
      switch (name) {
        case 'exp': return fn('exp', at);
        case 'sin': return [fn('sin', at), fn('cos', at), mul(num(-1), fn('sin', at)), mul(num(-1), fn('cos', at))][m % 4];
        case 'cos': return [fn('cos', at), mul(num(-1), fn('sin', at)), mul(num(-1), fn('cos', at)), fn('sin', at)][m % 4];
      }
    };
    return this.taylor(rest, (m) => mul(nth(m), num(1, factorial(m))));
  }
}

type Elementary = 'exp' | 'sin' | 'cos';
const ELEMENTARY: ReadonlySet<string> = new Set<Elementary>(['exp', 'sin', 'cos']);

/** The nodes one coefficient may have, written out. */
const MAX_COEFFICIENT_NODES = 20_000;

/** Whole powers of a series multiplied out at most: past them the limit is for the numbers. */
const MAX_POWER = 16;

function factorial(m: number): bigint {
  let out = 1n;
  for (let i = 2n; i <= BigInt(m); i++) out *= i;
  return out;
}
