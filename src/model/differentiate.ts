import { FUNCTIONS } from './functions.ts';
import { add, delta, fn, mul, num, ONE, pow, sub, ZERO } from './term-builders.ts';
import { printTerm, termKey } from './print-term.ts';
import { indexPosition, mapChildren, substituteIndices, substituteScalarInputs } from './term-traversal.ts';
import { expandedSize } from './term-size.ts';
import { constantFraction } from './term-queries.ts';
import type { Index, InputRef, Term } from './term.ts';

/**
 * The partial derivative of a term with respect to one input entry, in index
 * notation, without expanding anything: d x[j] / d x[k] = delta(j, k), and a
 * sum's derivative is the sum of the derivatives. Bound indices carry names no
 * free index can have (the model renames them), so differentiating with respect
 * to a sum's own index, where SymPy goes wrong, cannot happen here.
 *
 * Piecewise functions get their derivative almost everywhere; comparisons have
 * derivative 0 away from their boundary.
 */
export function differentiate(term: Term, v: InputRef): Term {
  // Shared subterms (a factor of every product-rule term) are differentiated once each: ten nested derivatives of
  // (x^2 - 1)^10 took seconds and a tree of 31 million characters, then minutes more in exact algebra.
  const key = `${v.name}[${v.indices.map((i) => JSON.stringify(i)).join(',')}]`;
  let byVariable = derivatives.get(term);
  if (byVariable === undefined) derivatives.set(term, byVariable = new Map());
  let d = byVariable.get(key);
  if (d === undefined) byVariable.set(key, d = differentiateOnce(term, v));
  return d;
}

const derivatives = new WeakMap<Term, Map<string, Term>>();

function differentiateOnce(term: Term, v: InputRef): Term {
  // The derivative exists only where the term has a value: there a partial that is 0 times
  // anything is 0, so derivatives fold zeros even where the term builder must not.
  const mul = product;
  switch (term.k) {
    case 'num': case 'pi': case 'size': case 'icmp': case 'ival': case 'cmp':
      return ZERO;
    case 'input': {
      if (term.ref.name !== v.name) return ZERO;
      return mul(...term.ref.indices.map((index, p) => delta(index, v.indices[p])));
    }
    case 'add':
      return add(...term.terms.map((t) => differentiate(t, v)));
    case 'mul': {
      const parts: Term[] = [];
      term.factors.forEach((factor, i) => {
        const d = differentiate(factor, v);
        if (d.k === 'num' && d.value.num === 0n) return;
        parts.push(mul(...term.factors.slice(0, i), d, ...term.factors.slice(i + 1)));
      });
      return add(...parts);
    }
    case 'pow': {
      const db = differentiate(term.base, v);
      const de = differentiate(term.exponent, v);
      const constantExponent = de.k === 'num' && de.value.num === 0n;
      // b^0 is 1 wherever b is: its derivative is 0, not 0 b^(-1), which would have no value at b = 0
      // (the fourth derivative of atan at 0 went through x^0 and was said to divide by 0).
      if (constantExponent && constantFraction(term.exponent)?.num === 0n) return ZERO;
      // b^[i != j], a 0/1 exponent (a product's other factors): b' where it is 1, 0 where it is 0; the power rule's
      // [i != j] b^([i != j] - 1) would divide by b, which is 0 at a root of the product (the second derivative of
      // prod(k, 1, 4, (x - k)^2) at x = 1 was said to have no value).
      if (term.exponent.k === 'icmp') return mul(term.exponent, db);
      // An exponent made of indices, 2 k in a power series, is 0 for one term: x^0 is 1 there, and its derivative 0,
      // not 0 x^(-1), which has no value at x = 0 (J0'(0) = 0 through sum(k, 0, 6, (x/2)^(2 k) ...), probe 50). The
      // power read is e - 1 + [e == 0]: e - 1 wherever e is not 0, and x^0 where it is.
      const whole = constantExponent ? indexOfWholeTerm(term.exponent) : undefined;
      if (whole !== undefined && whole.k !== 'lit') {
        return mul(term.exponent, pow(term.base, add(sub(term.exponent, ONE), delta(whole, { k: 'lit', value: 0 }))), db);
      }
      if (constantExponent) return mul(term.exponent, pow(term.base, sub(term.exponent, ONE)), db);
      // a^b = exp(b log a): d = a^b (b' log a + b a' / a)
      return mul(term, add(mul(de, fn('log', term.base)), mul(term.exponent, db, pow(term.base, num(-1)))));
    }
    case 'fn': {
      const partials = FUNCTIONS[term.name].partials(...term.args);
      return add(...term.args.map((arg, i) => mul(partials[i], differentiate(arg, v))));
    }
    case 'sum':
      return { k: 'sum', index: term.index, dim: term.dim, body: differentiate(term.body, v) };
    case 'series': {
      // Term by term, as for a power series inside its radius; where the differentiated series diverges it has no value.
      // The power rule's test for a 0 exponent (above) is 0 where the index never reaches 0: x^k / k from k = 1 keeps
      // the term the closed forms are read by.
      const body = testsBelowStart(differentiate(term.body, v), term.index, term.lower);
      return body.k === 'num' && body.value.num === 0n ? ZERO : { ...term, body };
    }
    case 'reduce': {
      // d max_j f(j) = sum_i f'(i) [f(i) is the max] (almost everywhere; ties are kinks);
      // d prod_j f(j) = sum_i f'(i) prod_{j != i} f(j), without dividing by f(i), which may be 0.
      const i = `${term.index}.d`;
      const at = (name: string) => substituteIndices(term.body, new Map([[term.index, { k: 'var', name, offset: 0 }]]));
      const fi = at(i);
      const dfi = differentiate(fi, v);
      if (dfi.k === 'num' && dfi.value.num === 0n) return ZERO;
      if (term.op !== 'prod') return { k: 'sum', index: i, dim: term.dim, body: mul(dfi, { k: 'cmp', op: '==', a: fi, b: term }) };
      const j = `${term.index}.p`;
      const others: Term = { k: 'reduce', op: 'prod', index: j, dim: term.dim,
        body: pow(at(j), { k: 'icmp', op: '!=', a: { k: 'var', name: j, offset: 0 }, b: { k: 'var', name: i, offset: 0 } }) };
      return { k: 'sum', index: i, dim: term.dim, body: mul(dfi, others) };
    }
    case 'extremum':
      return add(...term.terms.map((x) => mul(differentiate(x, v), { k: 'cmp', op: '==', a: x, b: term })));
    case 'integral': {
      // Leibniz's rule: d/dv of the integral of f over t from a to b is f(b) b' - f(a) a' plus the integral of df/dv.
      // t is bound: with respect to the input t itself, only the bounds move.
      const atBound = (b: Term) => substituteScalarInputs(eliminateDiff(term.body), new Map([[term.v, b]]));
      const parts: Term[] = [];
      if (term.upper !== undefined) {
        const d = differentiate(term.upper, v);
        if (!isZero(d)) parts.push(mul(atBound(term.upper), d));
      }
      if (term.lower !== undefined) {
        const d = differentiate(term.lower, v);
        if (!isZero(d)) parts.push(mul(num(-1), atBound(term.lower), d));
      }
      if (v.name !== term.v) {
        const body = differentiate(term.body, v);
        if (!isZero(body)) {
          // A comparison of indices (the delta(j, k) of d x[j] / d x[k]) does not depend on t: taken out, the index
          // calculus can pick the term it selects.
          const factors = body.k === 'mul' ? body.factors : [body];
          const selectors = factors.filter((f) => f.k === 'icmp');
          const rest = factors.filter((f) => f.k !== 'icmp');
          parts.push(selectors.length === 0 ? { ...term, body } : mul(...selectors, { ...term, body: mul(...rest) }));
        }
      }
      return add(...parts);
    }
    case 'limit': {
      // Under the limit, as for a power series inside its radius: the limit of the derivatives, where that
      // converges locally uniformly (every limit of the calculus books); a point that moves with v is not offered.
      if (v.name === term.v) return ZERO;
      if (term.at !== undefined && !isZero(differentiate(term.at, v))) throw new MovingLimitPointError(printTerm(term), v.name);
      const body = differentiate(term.body, v);
      return isZero(body) ? ZERO : { ...term, body };
    }
    case 'diff':
      return differentiate(differentiate(eliminateDiff(term.f), term.v), v);
    // The chain rule with f an unknown function: d f(E) = f'(E) dE.
    // The chain rule with F an unknown function: d F(A, B) = F_1(A, B) dA + F_2(A, B) dB.
    case 'apply':
      return add(...term.args.map((arg, i) => {
        const d = differentiate(arg, v);
        if (d.k === 'num' && d.value.num === 0n) return ZERO;
        return mul({ ...term, orders: term.orders.map((o, j) => (j === i ? o + 1 : o)) }, d);
      }));
  }
}

/** Replaces every `diff(f, v)` in a term by the derivative, innermost first. */
export function eliminateDiff(term: Term): Term {
  if (term.k === 'diff') {
    const derivative = differentiate(eliminateDiff(term.f), term.v);
    // Each order of the product rule multiplies the terms (the tenth derivative of (x^2 - 1)^10 is ten million
    // nodes written out, and exact algebra on it ran for minutes): past a million it is refused, order by order.
    const size = expandedSize(derivative, MAX_DERIVATIVE_NODES);
    if (size >= MAX_DERIVATIVE_NODES) throw new DerivativeTooLargeError(MAX_DERIVATIVE_NODES);
    return derivative;
  }
  return mapChildren(term, eliminateDiff);
}

/**
 * {@link eliminateDiff}, with the domain of what is differentiated kept: a
 * derivative has a value only where its function has one, and d/dx log(u) =
 * u' / u forgets that u > 0 (at x = -1 the derivative of log(x^3 - 1) would be
 * 3 / 2). Each derivative is multiplied by log(u)^0 for every log and log1p of
 * its function outside a sum (inside one, its argument is a sum's term, and a
 * guard there would cost the exact engines a second reading of the sum): 1
 * where the log has a value, none where it has not. What the exact engines and
 * `subs` read; `derive` prints derivatives as they are.
 */
export function eliminateDiffKeepingDomain(term: Term): Term {
  if (term.k === 'diff') {
    const derivative = eliminateDiff(term);
    // The guards read the function with its own derivatives taken: log(diff(x^3, x)) guards by log(3 x^2).
    const guards = domainGuards(eliminateDiff(term.f));
    return guards.length === 0 ? derivative : mul(derivative, ...guards);
  }
  return mapChildren(term, eliminateDiffKeepingDomain);
}

/** log(u)^0 for each distinct log and log1p of a term, outside any sum, product or series it holds: a derivative's domain guards. */
export function domainGuards(f: Term): Term[] {
  const guards = new Map<string, Term>();
  const walk = (t: Term): void => {
    if (t.k === 'sum' || t.k === 'reduce' || t.k === 'series' || t.k === 'integral') return;
    if (t.k === 'fn' && (t.name === 'log' || t.name === 'log1p')) {
      const key = termKey(t);
      if (!guards.has(key)) guards.set(key, pow(t, num(0)));
    }
    mapChildren(t, (c) => { walk(c); return c; });
  };
  walk(f);
  return [...guards.values()];
}

/** The most nodes a derivative, written out as a tree, may have. */
export const MAX_DERIVATIVE_NODES = 1_000_000;

/** A derivative whose written-out form grows past {@link MAX_DERIVATIVE_NODES}. */
/** A derivative of a limit whose point moves with the variable (d/dx of the limit as h tends to x): not offered. */
export class MovingLimitPointError extends Error {
  override readonly name = 'MovingLimitPointError';
  constructor(readonly limit: string, readonly variable: string) {
    super(`the point of ${limit} moves with ${variable}, so its derivative in ${variable} is not the limit of the derivatives`);
  }
}

export class DerivativeTooLargeError extends Error {
  override readonly name = 'DerivativeTooLargeError';
  constructor(readonly limit: number) {
    super(`the derivative written out has more than ${limit.toLocaleString('en-US')} terms`);
  }
}

/** A product that is 0 when a factor is 0: right inside a derivative, where every factor has a value. */
function product(...factors: Term[]): Term {
  return factors.some((f) => f.k === 'num' && f.value.num === 0n) ? ZERO : mul(...factors);
}

function isZero(t: Term): boolean {
  return t.k === 'num' && t.value.num === 0n;
}

/**
 * A term made of indices used as numbers, whole coefficients and a whole constant
 * (2 k, k - 1, 2 (i + j)), as the index position it equals; undefined for anything else.
 */
function indexOfWholeTerm(t: Term): Index | undefined {
  const parts = new Map<string, number>();
  let offset = 0;
  const read = (x: Term, scale: number): boolean => {
    switch (x.k) {
      case 'num':
        if (x.value.den !== 1n) return false;
        offset += scale * Number(x.value.num);
        return true;
      case 'ival': {
        const i = x.index;
        if (i.k === 'lit') { offset += scale * i.value; return true; }
        if (i.k === 'var') { parts.set(i.name, (parts.get(i.name) ?? 0) + scale); offset += scale * i.offset; return true; }
        if (i.k === 'affine' && i.terms.every((p) => !p.dim)) {
          for (const p of i.terms) parts.set(p.name, (parts.get(p.name) ?? 0) + scale * p.coef);
          offset += scale * i.offset;
          return true;
        }
        return false;
      }
      case 'add': return x.terms.every((y) => read(y, scale));
      case 'mul': {
        const constants = x.factors.filter((f) => f.k === 'num');
        const rest = x.factors.filter((f) => f.k !== 'num');
        if (rest.length !== 1 || constants.some((f) => f.k === 'num' && f.value.den !== 1n)) return false;
        const factor = constants.reduce((c, f) => c * (f.k === 'num' ? Number(f.value.num) : 1), 1);
        return read(rest[0], scale * factor);
      }
      default: return false;
    }
  };
  if (!read(t, 1) || !Number.isSafeInteger(offset)) return undefined;
  return indexPosition([...parts].map(([name, coef]) => ({ name, coef })), offset);
}

/** Tests (i == c) of a series' own index i against a number c below its first value, made 0: i never takes c. */
function testsBelowStart(t: Term, index: string, lower: number): Term {
  if (t.k === 'icmp' && t.op === '==' && t.a.k === 'var' && t.a.name === index && t.b.k === 'lit' && t.b.value - t.a.offset < lower) return ZERO;
  if (t.k === 'icmp' && t.op === '==' && t.a.k === 'affine' && t.b.k === 'lit' && t.a.terms.length === 1 && t.a.terms[0].name === index && !t.a.terms[0].dim) {
    const at = (t.b.value - t.a.offset) / t.a.terms[0].coef;
    if (!Number.isInteger(at) || at < lower) return ZERO;
  }
  // The series' index is its own inside a nested sum or series of another name only.
  if ((t.k === 'sum' || t.k === 'series' || t.k === 'reduce') && t.index === index) return t;
  const mapped = mapChildren(t, (c) => testsBelowStart(c, index, lower));
  if (mapped === t) return t;
  // Rebuilt, so that the 0 leaves a sum and its power as the closed forms read them: x^(k - 1), not x^(k - 1 + 0).
  if (mapped.k === 'add') return add(...mapped.terms);
  if (mapped.k === 'mul') return mul(...mapped.factors);
  if (mapped.k === 'pow') return pow(mapped.base, mapped.exponent);
  return mapped;
}
