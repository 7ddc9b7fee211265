import type { Term } from '../model/index.ts';
import { add, affineIn, input, mapChildren, mul, num, pow, printTerm, readsVariable, type AffineVariable } from '../model/index.ts';
import type { Compiled, EvaluationState, IndexSlots } from './compile.ts';
import { compileTerm } from './generate.ts';
import type { Layout } from './layout.ts';

/**
 * Series and integrals that diverge to an infinity, told by the order of their terms or integrand.
 *
 * Summing or integrating numerically can only fail to settle on `sum(k, 1, Infinity, 1/k)` or
 * `integral(t, 1, Infinity, 1/t)`: no finite reading shows that they grow without bound. Here the
 * leading behaviour of the body is read in closed form, at the input: as its variable v tends to
 * Infinity (or to 0 from one side, at an end of an integral that is exactly 0), the body is
 *
 *     c * exp(g v log v + lam v) * v^p * L^q,       L = log v at Infinity, |log v| at 0,
 *
 * with c of a certain sign and the exponents known exactly (from the literals and inputs the body
 * reads; a reading within 1e-9 of a tie is no answer). The body is then of one sign near the end, so
 * the series or integral diverges there exactly when its terms are not summable: at Infinity where
 * g > 0, or g = 0 and lam > 0, or both 0 and p > -1 (or p = -1 and q >= -1); at 0 where p < -1 (or
 * p = -1 and q >= -1), the integral test's criteria. Its sign is c's. Where the body cancels in its
 * leading order (`sqrt(t^2 + 1) - t`), oscillates (`sin(t)`, `(-1)^k`), or holds anything this
 * reading does not know (an abstract function, a derivative, a nested series), there is no answer:
 * the numbers stay undecided, as before. Sound, not complete.
 *
 * Used on a side that is linear in one such node (`2 * integral(...) + 1`): the side is then that
 * infinity times the sign of its factor (check-step.ts reads it where the side has no finite value).
 */

/** How a side diverges at one input: to which infinity, and why in words. */
export interface Divergence {
  readonly sign: 1 | -1;
  readonly reason: string;
}

/** A side's divergence at the current input, or undefined where it has none this reading can show. */
export type DivergenceCheck = (s: EvaluationState) => Divergence | undefined;

/** The leading behaviour of a body as its variable tends to its end (see the module's comment). */
interface Lead {
  /** The coefficient; only its sign is known where `known` is false. */
  readonly c: number;
  readonly known: boolean;
  /** A bound on |c|'s error where known. */
  readonly error: number;
  readonly g: number;
  readonly lam: number;
  readonly p: number;
  readonly q: number;
}

/** A body that is exactly 0 near the end (relu of a term going to -Infinity): dropped from sums. */
const ZERO = 'zero' as const;
type LeadValue = Lead | typeof ZERO | undefined;
type LeadFn = (s: EvaluationState) => LeadValue;

/** The variable a body is read in, its direction, and whether it stands for -v (an end at -Infinity, or 0 from below). */
interface Variable {
  readonly of: AffineVariable;
  readonly toZero: boolean;
  readonly sign: 1 | -1;
}

/** Exponents this close without being equal are no answer: a tie may hide in the rounding. */
const TIE_BAND = 1e-9;

/** Compares two exponents: -1, 0 (equal), 1, or undefined where they are too close to tell. */
function order(a: number, b: number): -1 | 0 | 1 | undefined {
  if (a === b) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TIE_BAND * Math.max(1, Math.abs(a), Math.abs(b))) return undefined;
  return a < b ? -1 : 1;
}

const constant = (c: number, error: number): Lead => ({ c, known: true, error, g: 0, lam: 0, p: 0, q: 0 });

/** Whether the lead is a constant (the body tends to c). */
const isConstant = (l: Lead) => l.g === 0 && l.lam === 0 && l.p === 0 && l.q === 0;

/** Which way the body goes: 1 to an infinity, -1 to 0, 0 to a nonzero constant, undefined where unknown. */
function growth(l: Lead, toZero: boolean): -1 | 0 | 1 | undefined {
  if (toZero) {
    // At 0 only powers and logs move: v^p grows for p < 0, |log v|^q for q > 0.
    const byP = order(0, l.p);
    if (byP === undefined) return undefined;
    if (byP !== 0) return byP === 1 ? 1 : -1;
    const byQ = order(l.q, 0);
    return byQ;
  }
  for (const x of [l.g, l.lam, l.p, l.q]) {
    const o = order(x, 0);
    if (o === undefined) return undefined;
    if (o !== 0) return o;
  }
  return 0;
}

/** Whether a is of larger order than b near the end (1), smaller (-1), the same (0), or unknown. */
function dominance(a: Lead, b: Lead, toZero: boolean): -1 | 0 | 1 | undefined {
  const pairs: [number, number, boolean][] = toZero
    ? [[a.p, b.p, true], [a.q, b.q, false]]
    : [[a.g, b.g, false], [a.lam, b.lam, false], [a.p, b.p, false], [a.q, b.q, false]];
  for (const [x, y, reversed] of pairs) {
    const o = order(x, y);
    if (o === undefined) return undefined;
    if (o !== 0) return reversed ? (o === 1 ? -1 : 1) : o;
  }
  return 0;
}

const mentions = (t: Term, v: Variable): boolean => readsVariable(t, v.of);

/** The variable itself (k + 1 counts: its offset is of a lower order). */
const isVariable = (t: Term, v: Variable): boolean => (typeof v.of === 'string'
  ? t.k === 'input' && t.ref.name === v.of && t.ref.indices.length === 0
  : t.k === 'ival' && t.index.k === 'var' && t.index.name === v.of.index);

class LeadCompiler {
  constructor(private readonly layout: Layout, private readonly slots: IndexSlots, private readonly v: Variable) {}

  /** A term free of v, read at the input: its value and error bound, or undefined where doubles lost it. */
  private value(t: Term): (s: EvaluationState) => [number, number] | undefined {
    const f: Compiled = compileTerm(t, this.layout, this.slots);
    return (s) => {
      const before = s.needsPrecision;
      s.needsPrecision = false;
      const x = f(s);
      const lost = s.needsPrecision;
      s.needsPrecision = before;
      const e = s.error;
      return lost || !Number.isFinite(x) || !(e >= 0) || !Number.isFinite(e) ? undefined : [x, e];
    };
  }

  compile(t: Term): LeadFn | undefined {
    const v = this.v;
    if (!mentions(t, v)) {
      const read = this.value(t);
      return (s) => {
        const r = read(s);
        if (r === undefined) return undefined;
        if (r[0] === 0 && r[1] === 0) return ZERO;
        return Math.abs(r[0]) > r[1] ? constant(r[0], r[1]) : undefined;
      };
    }
    if (isVariable(t, v)) {
      const lead: Lead = { c: v.sign, known: true, error: 0, g: 0, lam: 0, p: 1, q: 0 };
      return () => lead;
    }
    switch (t.k) {
      // 2 k + 1 as an index's value: of the order of its coefficient times k.
      case 'ival': {
        const i = t.index;
        if (i.k !== 'affine' || typeof v.of === 'string' || i.terms.some((x) => x.dim || x.name !== (v.of as { index: string }).index)) return undefined;
        const coefficient = i.terms.reduce((a, x) => a + x.coef, 0);
        const lead: Lead = { c: coefficient, known: true, error: 0, g: 0, lam: 0, p: 1, q: 0 };
        return coefficient === 0 ? undefined : () => lead;
      }
      case 'add': return this.add(t.terms);
      case 'mul': return this.mul(t.factors);
      case 'pow': return this.pow(t.base, t.exponent);
      case 'fn': return t.args.length === 1 ? this.fn(t.name, t.args[0]) : undefined;
      default: return undefined;
    }
  }

  private add(terms: readonly Term[]): LeadFn | undefined {
    const parts = terms.map((t) => this.compile(t));
    if (parts.some((p) => p === undefined)) return undefined;
    const toZero = this.v.toZero;
    return (s) => {
      let best: Lead[] = [];
      for (const part of parts) {
        const l = part!(s);
        if (l === undefined) return undefined;
        if (l === ZERO) continue;
        if (best.length === 0) { best = [l]; continue; }
        const o = dominance(l, best[0], toZero);
        if (o === undefined) return undefined;
        if (o === 1) best = [l];
        else if (o === 0) best.push(l);
      }
      if (best.length === 0) return ZERO;
      if (best.length === 1) return best[0];
      // Terms of the same order: their coefficients add, and must not cancel.
      if (best.every((l) => l.known)) {
        let c = 0;
        let error = 0;
        for (const l of best) { c += l.c; error += l.error + Number.EPSILON * Math.abs(c); }
        return Math.abs(c) > error ? { ...best[0], c, error } : undefined;
      }
      const sign = Math.sign(best[0].c);
      return best.every((l) => Math.sign(l.c) === sign) ? { ...best[0], c: sign, known: false, error: 0 } : undefined;
    };
  }

  private mul(factors: readonly Term[]): LeadFn | undefined {
    const parts = factors.map((t) => this.compile(t));
    if (parts.some((p) => p === undefined)) return undefined;
    return (s) => {
      let c = 1; let error = 0; let known = true; let g = 0; let lam = 0; let p = 0; let q = 0;
      for (const part of parts) {
        const l = part!(s);
        if (l === undefined) return undefined;
        if (l === ZERO) return ZERO;
        error = Math.abs(c) * l.error + Math.abs(l.c) * error + error * l.error + Number.EPSILON * Math.abs(c * l.c);
        c *= l.c; known &&= l.known; g += l.g; lam += l.lam; p += l.p; q += l.q;
      }
      if ([g, lam, p, q].some(Number.isNaN)) return undefined;
      return known ? { c, known, error, g, lam, p, q } : { c: Math.sign(c), known, error: 0, g, lam, p, q };
    };
  }

  private pow(base: Term, exponent: Term): LeadFn | undefined {
    const v = this.v;
    if (!mentions(exponent, v)) {
      const b = this.compile(base);
      const r = this.value(exponent);
      if (b === undefined) return undefined;
      return (s) => {
        const l = b(s);
        const x = r(s);
        if (l === undefined || x === undefined || x[1] > 1e-14 * Math.max(1, Math.abs(x[0]))) return undefined;
        return l === ZERO ? (x[0] > 0 ? ZERO : undefined) : power(l, x[0]);
      };
    }
    if (mentions(base, v) || v.toZero) return undefined;
    // b^(alpha v + beta) with b > 0: exp((alpha v + beta) log b).
    const split = affineIn(exponent, v.of);
    if (split === undefined) return undefined;
    const b = this.value(base);
    const alpha = this.value(split.slope);
    const beta = this.value(split.offset);
    return (s) => {
      const x = b(s); const a = alpha(s); const c = beta(s);
      if (x === undefined || a === undefined || c === undefined || !(x[0] > x[1])) return undefined;
      const lam = v.sign * a[0] * Math.log(x[0]);
      const coefficient = Math.pow(x[0], c[0]);
      return { c: coefficient, known: false, error: 0, g: 0, lam, p: 0, q: 0 };
    };
  }

  /** exp of a term: exact where the term is affine in v; else through the term's own lead. */
  private exp(arg: Term, scale: number): LeadFn | undefined {
    const v = this.v;
    const split = v.toZero ? undefined : affineIn(arg, v.of);
    if (split !== undefined) {
      const alpha = this.value(split.slope);
      const beta = this.value(split.offset);
      return (s) => {
        const a = alpha(s); const b = beta(s);
        if (a === undefined || b === undefined) return undefined;
        if (a[0] === 0 && a[1] === 0) return constant(scale * Math.exp(b[0]), Math.abs(scale * Math.exp(b[0])) * (b[1] + Number.EPSILON));
        if (!(Math.abs(a[0]) > a[1])) return undefined;
        return { c: scale * Math.sign(Math.exp(b[0])), known: false, error: 0, g: 0, lam: v.sign * a[0], p: 0, q: 0 };
      };
    }
    const inner = this.compile(arg);
    if (inner === undefined) return undefined;
    return (s) => {
      const l = inner(s);
      if (l === undefined) return undefined;
      if (l === ZERO) return constant(scale, 0);
      const grows = growth(l, v.toZero);
      if (grows === 0 && l.known) return constant(scale * Math.exp(l.c), Math.abs(scale * Math.exp(l.c)) * (l.error + Number.EPSILON));
      if (grows === -1) return constant(scale, 0);
      // Faster than any exponential (exp(-t^2)): toward 0 or Infinity by the argument's sign.
      if (grows === 1 && !v.toZero && (order(l.g, 0) === 1 || (l.g === 0 && order(l.lam, 0) === 1) || (l.g === 0 && l.lam === 0 && order(l.p, 1) === 1))) {
        return { c: scale, known: false, error: 0, g: 0, lam: Math.sign(l.c) * Infinity, p: 0, q: 0 };
      }
      return undefined;
    };
  }

  /**
   * gamma(alpha v + beta + shift) toward Infinity, by Stirling: sqrt(2 pi) alpha^(b - 1/2) exp(alpha v log v +
   * (alpha log alpha - alpha) v) v^(b - 1/2), b = beta + shift, for alpha > 0 (factorial(E) is gamma(E + 1)).
   */
  private gamma(arg: Term, shift: number): LeadFn | undefined {
    const v = this.v;
    const split = v.toZero ? undefined : affineIn(arg, v.of);
    if (split === undefined) return undefined;
    const alpha = this.value(split.slope);
    const beta = this.value(split.offset);
    return (s) => {
      const a = alpha(s); const b = beta(s);
      if (a === undefined || b === undefined) return undefined;
      const slope = v.sign * a[0];
      if (!(slope > a[1])) return undefined;
      const power = b[0] + shift - 0.5;
      return { c: 1, known: false, error: 0, g: slope, lam: slope * Math.log(slope) - slope, p: power, q: 0 };
    };
  }

  private fn(name: string, arg: Term): LeadFn | undefined {
    const toZero = this.v.toZero;
    switch (name) {
      case 'exp': return this.exp(arg, 1);
      case 'sqrt': {
        const inner = this.compile(arg);
        return inner && ((s) => { const l = inner(s); return l === ZERO ? ZERO : l === undefined ? undefined : power(l, 0.5); });
      }
      case 'log': case 'log1p': {
        const inner = this.compile(arg);
        if (inner === undefined) return undefined;
        return (s) => {
          const l = inner(s);
          if (l === undefined || l === ZERO) return name === 'log1p' && l === ZERO ? ZERO : undefined;
          const grows = growth(l, toZero);
          if (name === 'log1p' && grows === -1) return l;
          if (grows === 0) {
            if (!l.known) return undefined;
            const x = name === 'log1p' ? Math.log1p(l.c) : Math.log(l.c);
            const error = (l.error + Number.EPSILON) / Math.abs(name === 'log1p' ? 1 + l.c : l.c) + Number.EPSILON;
            return l.c > (name === 'log1p' ? -1 : 0) && Math.abs(x) > error ? constant(x, error) : undefined;
          }
          if (grows === undefined || !(l.c > 0)) return undefined;
          // log c + g v log v + lam v + p log v + q log L: the largest part that is not 0.
          if (l.g !== 0) return { c: l.g, known: true, error: 0, g: 0, lam: 0, p: 1, q: 1 };
          if (l.lam !== 0) return { c: l.lam, known: true, error: 0, g: 0, lam: 0, p: 1, q: 0 };
          if (l.p !== 0) return { c: toZero ? -l.p : l.p, known: true, error: 0, g: 0, lam: 0, p: 0, q: 1 };
          return undefined;
        };
      }
      case 'factorial': case 'gamma': return this.gamma(arg, name === 'factorial' ? 1 : 0);
      case 'abs': {
        const inner = this.compile(arg);
        return inner && ((s) => { const l = inner(s); return l === undefined || l === ZERO ? l : { ...l, c: Math.abs(l.c) }; });
      }
      case 'relu': {
        const inner = this.compile(arg);
        return inner && ((s) => {
          const l = inner(s);
          if (l === undefined || l === ZERO) return l;
          return l.c > 0 ? l : ZERO;
        });
      }
      case 'sinh': case 'cosh': {
        const up = this.exp(arg, 0.5);
        const inner = this.compile(arg);
        if (inner === undefined) return undefined;
        const down = this.exp({ k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, arg] }, name === 'sinh' ? -0.5 : 0.5);
        return (s) => {
          const l = inner(s);
          if (l === undefined) return undefined;
          if (l === ZERO) return name === 'sinh' ? ZERO : constant(1, 0);
          const grows = growth(l, toZero);
          if (grows === 0) return l.known ? nonzero(name === 'sinh' ? Math.sinh(l.c) : Math.cosh(l.c), l) : undefined;
          if (grows === -1) return name === 'sinh' ? l : constant(1, 0);
          if (grows === 1) return l.c > 0 ? up?.(s) : down?.(s);
          return undefined;
        };
      }
      case 'tanh': case 'atan': case 'erf': case 'sigmoid': case 'Phi': case 'asinh': case 'sin': case 'cos': case 'expm1': case 'softplus': case 'erfc': {
        const inner = this.compile(arg);
        if (inner === undefined) return undefined;
        const expUp = name === 'expm1' || name === 'softplus' ? this.exp(arg, 1) : undefined;
        return (s) => {
          const l = inner(s);
          if (l === undefined) return undefined;
          const at0 = AT_ZERO[name];
          if (l === ZERO) return at0 === 0 ? ZERO : constant(at0, 0);
          const grows = growth(l, toZero);
          if (grows === 0) return l.known ? nonzero(APPLY[name](l.c), l) : undefined;
          if (grows === -1) return at0 === 0 ? { ...l, c: l.c * (SLOPE_AT_ZERO[name] ?? 1), error: l.error * (SLOPE_AT_ZERO[name] ?? 1) } : constant(at0, 0);
          if (grows !== 1) return undefined;
          const limit = l.c > 0 ? AT_INFINITY[name] : AT_MINUS_INFINITY[name];
          if (limit === 'same') return l;
          if (limit === 'exp') return expUp?.(s);
          return typeof limit === 'number' ? constant(limit, 0) : undefined;
        };
      }
      default: return undefined;
    }
  }
}

/** The function's value at 0, its slope there where the value is 0, and its limits at the infinities. */
const AT_ZERO: Record<string, number> = { tanh: 0, atan: 0, erf: 0, sigmoid: 0.5, Phi: 0.5, asinh: 0, sin: 0, cos: 1, expm1: 0, softplus: Math.LN2, erfc: 1 };
const SLOPE_AT_ZERO: Record<string, number> = { erf: 2 / Math.sqrt(Math.PI) };
const AT_INFINITY: Record<string, number | 'same' | 'exp' | undefined> = { tanh: 1, atan: Math.PI / 2, erf: 1, sigmoid: 1, Phi: 1, asinh: undefined, sin: undefined, cos: undefined, expm1: 'exp', softplus: 'same', erfc: undefined };
const AT_MINUS_INFINITY: Record<string, number | 'same' | 'exp' | undefined> = { tanh: -1, atan: -Math.PI / 2, erf: -1, sigmoid: undefined, Phi: undefined, asinh: undefined, sin: undefined, cos: undefined, expm1: -1, softplus: undefined, erfc: 2 };
// erf, Phi and erfc at a finite limit are not read (Math has none of them): no answer there.
const APPLY: Record<string, (x: number) => number> = {
  tanh: Math.tanh, atan: Math.atan, erf: () => Number.NaN, sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  Phi: () => Number.NaN, asinh: Math.asinh, sin: Math.sin, cos: Math.cos, expm1: Math.expm1, softplus: (x) => Math.log1p(Math.exp(x)), erfc: () => Number.NaN,
};

/** A function's value at a limit c, kept where it is surely not 0. */
function nonzero(x: number, l: Lead): LeadValue {
  const error = 1e-12 * (1 + Math.abs(x)) + l.error;
  return Number.isFinite(x) && Math.abs(x) > error ? constant(x, error) : undefined;
}

/** A lead to a constant power r. */
function power(l: Lead, r: number): LeadValue {
  if (!(l.c > 0) && !Number.isInteger(r)) return undefined;
  const c = Math.pow(l.c, r);
  if (!Number.isFinite(c) || c === 0) return undefined;
  return {
    c: l.known ? c : Math.sign(c), known: l.known, error: l.known ? Math.abs(c) * (Math.abs(r) * l.error / Math.abs(l.c) + Number.EPSILON) : 0,
    g: l.g * r, lam: l.lam * r, p: l.p * r, q: l.q * r,
  };
}

/** Whether terms of this lead near the end are not summable (their series or integral diverges there). */
function diverges(l: Lead, toZero: boolean): boolean | undefined {
  if (toZero) {
    const o = order(l.p, -1);
    if (o === undefined) return undefined;
    if (o !== 0) return o === -1;
    const oq = order(l.q, -1);
    return oq === undefined ? undefined : oq >= 0;
  }
  const og = order(l.g, 0);
  if (og === undefined) return undefined;
  if (og !== 0) return og === 1;
  const ol = order(l.lam, 0);
  if (ol === undefined) return undefined;
  if (ol !== 0) return ol === 1;
  const op = order(l.p, -1);
  if (op === undefined) return undefined;
  if (op !== 0) return op === 1;
  const oq = order(l.q, -1);
  return oq === undefined ? undefined : oq >= 0;
}

/** The order of a lead in words: `1/t`, `t^-0.5`, `exp(2 t)`. */
function describe(l: Lead, v: string, toZero: boolean): string {
  const parts: string[] = [];
  const times = (x: number) => (x === 1 ? v : `${round(x)} ${v}`);
  if (l.g !== 0) parts.push(`${v}^(${times(l.g)})`);
  if (l.lam === Infinity || l.lam === -Infinity) parts.push(`exp(${l.lam > 0 ? '' : '-'}${v}^2)`);
  else if (l.lam !== 0) parts.push(`exp(${l.lam === -1 ? '-' : ''}${Math.abs(l.lam) === 1 ? v : times(l.lam)})`);
  if (l.p !== 0) parts.push(l.p === -1 ? `1/${v}` : l.p === 1 ? v : `${v}^${round(l.p)}`);
  if (l.q !== 0) parts.push(`${toZero ? `|log(${v})|` : `log(${v})`}${l.q === 1 ? '' : `^${round(l.q)}`}`);
  return parts.length === 0 ? 'a constant' : parts.join(' ');
}

/** A bound variable's name as written (`k#1` is the model's k). */
const writtenName = (name: string) => name.split('#')[0];

const round = (x: number) => String(Number(x.toPrecision(6)));

/** The end an integral or series is read at: its variable, whether it goes to 0, the sign it stands with, and how to say it. */
interface End {
  readonly variable: Variable;
  readonly lead: LeadFn;
  readonly where: string;
  /** What the order is in, where not the variable itself: x - 1 at a pole at 1. */
  readonly distance?: string;
}

/** How a series or integral node diverges at the input, or undefined; `node` must be one of those. */
function compileNode(node: Term, layout: Layout, slots: IndexSlots): DivergenceCheck | undefined {
  if (node.k === 'series') {
    const variable: Variable = { of: { index: node.index }, toZero: false, sign: 1 };
    const lead = new LeadCompiler(layout, slots, variable).compile(node.body);
    if (lead === undefined) return undefined;
    const text = printTerm(node);
    const k = writtenName(node.index);
    return (s) => {
      const l = lead(s);
      if (l === undefined || l === ZERO || diverges(l, false) !== true) return undefined;
      return { sign: l.c > 0 ? 1 : -1, reason: `${text} diverges to ${l.c > 0 ? '' : '-'}Infinity: its terms are of order ${describe(l, k, false)} as ${k} -> Infinity, of one sign` };
    };
  }
  if (node.k === 'limit') {
    const trend = compileLimitTrend(node, layout, slots);
    return trend && ((s) => { const t = trend(s); return typeof t === 'object' ? t : undefined; });
  }
  if (node.k !== 'integral') return undefined;
  const name = writtenName(node.v);
  const endAt = (toZero: boolean, sign: 1 | -1): End | undefined => {
    const variable: Variable = { of: node.v, toZero, sign };
    const lead = new LeadCompiler(layout, slots, variable).compile(node.body);
    const where = toZero ? `${name} -> 0${sign > 0 ? '+' : '-'}` : `${name} -> ${sign > 0 ? '' : '-'}Infinity`;
    return lead && { variable, lead, where };
  };
  // Poles inside the range, where an affine base under a negative power is 0 (1/(x - 1) on [0, 3]): each read as 0 is,
  // on the integrand shifted there, its singular bases written as slope * x so that nothing cancels in doubles.
  const poles = interiorPoles(node).map(({ root, shifted }) => {
    const side = (sign: 1 | -1): End | undefined => {
      const variable: Variable = { of: node.v, toZero: true, sign };
      const lead = new LeadCompiler(layout, slots, variable).compile(shifted);
      return lead && { variable, lead, where: '' };
    };
    return { at: compileTerm(root, layout, slots), above: side(1), below: side(-1) };
  });
  const lowerValue = node.lower && compileTerm(node.lower, layout, slots);
  const upperValue = node.upper && compileTerm(node.upper, layout, slots);
  const atPlusInfinity = endAt(false, 1);
  const atMinusInfinity = endAt(false, -1);
  const fromAbove = endAt(true, 1);
  const fromBelow = endAt(true, -1);
  const text = printTerm(node);
  // An end with its error bound (an infinite end has none); an end at 0 is one only where it is 0 exactly.
  const read = (f: Compiled | undefined, infinite: number, s: EvaluationState): [number, number] => {
    if (f === undefined) return [infinite, 0];
    const before = s.needsPrecision;
    s.needsPrecision = false;
    const x = f(s);
    const lost = s.needsPrecision;
    s.needsPrecision = before;
    return lost || !Number.isFinite(x) ? [Number.NaN, 0] : [x, s.error];
  };
  return (s) => {
    const [a, ea] = read(lowerValue, -Infinity, s);
    const [b, eb] = read(upperValue, Infinity, s);
    if (Number.isNaN(a) || Number.isNaN(b) || !(Math.abs(a - b) > ea + eb)) return undefined;
    const [low, high, orientation] = a < b ? [a, b, 1] : [b, a, -1];
    const lowExact = a < b ? ea === 0 : eb === 0;
    const highExact = a < b ? eb === 0 : ea === 0;
    // The ends that may hold a divergence, each read as an integral over the range's inside.
    const ends: End[] = [];
    if (high === Infinity && atPlusInfinity) ends.push(atPlusInfinity);
    if (low === -Infinity && atMinusInfinity) ends.push(atMinusInfinity);
    if (low === 0 && lowExact && fromAbove) ends.push(fromAbove);
    if (high === 0 && highExact && fromBelow) ends.push(fromBelow);
    // 0 inside the range, clear of both ends: the integral over each side of it (Stewart's trap, the integral of 1/x^2
    // over [-1, 1] claimed -2). Both sides of one sign diverge together; of opposite signs (1/x) nothing is said.
    const lowError = a < b ? ea : eb;
    const highError = a < b ? eb : ea;
    if (low + lowError < 0 && high - highError > 0 && fromAbove && fromBelow) ends.push(fromAbove, fromBelow);
    for (const pole of poles) {
      const [r, er] = read(pole.at, Number.NaN, s);
      if (!(Number.isFinite(r) && r !== 0 && low + lowError < r - er && r + er < high - highError && pole.above && pole.below)) continue;
      const at = round(r);
      const distance = `${name} ${r > 0 ? '-' : '+'} ${round(Math.abs(r))}`;
      ends.push({ ...pole.above, where: `${name} -> ${at}+`, distance }, { ...pole.below, where: `${name} -> ${at}-`, distance });
    }
    let sign = 0;
    let reason = '';
    for (const end of ends) {
      const l = end.lead(s);
      if (l === undefined || l === ZERO || diverges(l, end.variable.toZero) !== true) continue;
      const here = l.c > 0 ? 1 : -1;
      if (sign !== 0 && sign !== here) return undefined;
      sign = here;
      const measured = end.distance === undefined ? name : `(${end.distance})`;
      reason = `its integrand is of order ${describe(l, end.variable.sign < 0 ? `|${end.distance ?? name}|` : measured, end.variable.toZero)} as ${end.where}, of one sign`;
    }
    if (sign === 0) return undefined;
    const total = (sign * orientation) as 1 | -1;
    return { sign: total, reason: `${text} diverges to ${total > 0 ? '' : '-'}Infinity: ${reason}` };
  };
}

/** The most poles inside an integral's range read for divergence. */
const MAX_POLES = 2;

/**
 * The points where an affine base under a negative power is 0, each with the integrand shifted there:
 * x read as root + x, and each base of that root as its slope times x (so 1/(x - 1) at 1 is 1/x, not 1/(1 + x - 1)).
 */
function interiorPoles(node: Extract<Term, { k: 'integral' }>): { root: Term; shifted: Term }[] {
  const x = input({ name: node.v, indices: [] });
  const roots = new Map<string, Term>();
  const rootOf = (base: Term): { key: string; root: Term; slope: Term } | undefined => {
    const line = affineIn(base, node.v);
    if (line === undefined || !readsVariable(base, node.v)) return undefined;
    const root = mul(num(-1), line.offset, pow(line.slope, num(-1)));
    return { key: printTerm(root), root, slope: line.slope };
  };
  const visit = (t: Term): Term => {
    if (t.k === 'pow' && t.exponent.k === 'num' && t.exponent.value.num < 0n) {
      // Under positive powers too: 1 / (x - 1)^2 is held as ((x - 1)^2)^-1.
      let base = t.base;
      while (base.k === 'pow' && base.exponent.k === 'num' && base.exponent.value.num > 0n) base = base.base;
      const found = rootOf(base);
      if (found !== undefined && roots.size < MAX_POLES) roots.set(found.key, found.root);
    }
    return mapChildren(t, visit);
  };
  visit(node.body);
  return [...roots].map(([key, root]) => {
    const shift = (t: Term): Term => {
      if (t.k === 'input' && t.ref.name === node.v && t.ref.indices.length === 0) return add(root, x);
      // Every affine part that is 0 at the pole is its slope times the shifted variable, exactly.
      if (t.k === 'add' || t.k === 'mul') {
        const found = rootOf(t);
        if (found !== undefined && found.key === key) return mul(found.slope, x);
      }
      return mapChildren(t, shift);
    };
    return { root, shifted: shift(node.body) };
  });
}

const isCandidate = (t: Term) => t.k === 'series' || t.k === 'integral' || t.k === 'limit';

function countCandidates(t: Term): number {
  if (isCandidate(t)) return 1;
  let n = 0;
  mapChildren(t, (c) => { n += countCandidates(c); return c; });
  return n;
}

/**
 * A check of whether a side diverges, where the side is linear in one series or integral: a sum of
 * terms one of which is that node times factors free of it. Undefined for any other side (most).
 */
export function compileDivergence(side: Term, layout: Layout, slots: IndexSlots): DivergenceCheck | undefined {
  if (countCandidates(side) !== 1) return undefined;
  // The path to the node: finite addends beside it, and factors of a certain sign.
  const addends: Term[] = [];
  const factors: Term[] = [];
  let at = side;
  for (;;) {
    if (isCandidate(at)) break;
    if (at.k === 'add') {
      const inside = at.terms.findIndex((x) => countCandidates(x) === 1);
      addends.push(...at.terms.filter((_, i) => i !== inside));
      // An addend is scaled by the factors above it, but only its finiteness matters.
      at = at.terms[inside];
    } else if (at.k === 'mul') {
      const inside = at.factors.findIndex((x) => countCandidates(x) === 1);
      factors.push(...at.factors.filter((_, i) => i !== inside));
      at = at.factors[inside];
    } else {
      return undefined;
    }
  }
  const node = compileNode(at, layout, slots);
  if (node === undefined) return undefined;
  const finite = addends.map((t) => compileTerm(t, layout, slots));
  const scales = factors.map((t) => compileTerm(t, layout, slots));
  return (s) => {
    const d = node(s);
    if (d === undefined) return undefined;
    const before = s.needsPrecision;
    try {
      let sign: number = d.sign;
      for (const f of scales) {
        s.needsPrecision = false;
        const x = f(s);
        if (s.needsPrecision || !(Math.abs(x) > s.error) || !Number.isFinite(x)) return undefined;
        sign *= Math.sign(x);
      }
      for (const f of finite) {
        s.needsPrecision = false;
        const x = f(s);
        if (s.needsPrecision || !Number.isFinite(x) || !Number.isFinite(s.error)) return undefined;
      }
      return { sign: sign as 1 | -1, reason: d.reason };
    } finally {
      s.needsPrecision = before;
    }
  };
}

/** Where a limit's body tends at the current input: to 0, to an infinity (no value), or undefined (no answer). */
export type LimitTrend = (s: EvaluationState) => 'zero' | 'half' | Divergence | 'none' | undefined;

/**
 * The trend of a limit toward an infinity or toward exactly 0 (from a side, or from both where both agree), read
 * from the body's leading order as a series' terms are: `log(x) / x^(1/10)` tends to 0 as x -> Infinity although no
 * reading at 1e16 settles it, and `x log(x)^2` as x -> 0+. Only 0 and the infinities: a finite nonzero limit needs
 * its constant exactly, which the lead knows to a double's digits at best. Undefined for a limit at any other point,
 * and where the body holds what the reading does not know (see the module's comment).
 */
export function compileLimitTrend(limit: Extract<Term, { k: 'limit' }>, layout: Layout, slots: IndexSlots): LimitTrend | undefined {
  const at = limit.at;
  if (at !== undefined && !(at.k === 'num' && at.value.num === 0n)) return undefined;
  const sides: (1 | -1)[] = at === undefined || limit.side !== 0 ? [limit.side === -1 ? -1 : 1] : [1, -1];
  const toZero = at !== undefined;
  const name = writtenName(limit.v);
  const text = printTerm(limit);
  // An infinite limit is read through sigmoid(-L) (model/infinite-limits.ts): where L's order grows to -Infinity the
  // sigmoid tends to 0 however slowly L grows (x^(1/1000) / log(x)^5, past every reading: probe 68 refuted it).
  const body = limit.body;
  if (body.k === 'fn' && body.name === 'sigmoid') {
    const inner = compileLimitTrend({ ...limit, body: body.args[0] }, layout, slots);
    // Where L tends to 0 the sigmoid tends to 1/2: said infinite, L is refuted (log(x) / x^(1e-6), verified past readings).
    return inner && ((s) => {
      const t = inner(s);
      if (t === 'zero') return 'half';
      return typeof t === 'object' && t.sign < 0 ? 'zero' : undefined;
    });
  }
  const leads: { lead: LeadFn; where: string }[] = [];
  for (const sign of sides) {
    const lead = new LeadCompiler(layout, slots, { of: limit.v, toZero, sign }).compile(limit.body);
    if (lead === undefined) return undefined;
    leads.push({ lead, where: toZero ? `${name} -> 0${sign > 0 ? '+' : '-'}` : `${name} -> ${sign > 0 ? '' : '-'}Infinity` });
  }
  return (s) => {
    const reads = leads.map(({ lead, where }) => {
      const l = lead(s);
      return { l, where, grows: l === undefined ? undefined : l === ZERO ? -1 : growth(l, toZero) };
    });
    // A side that grows is no finite limit whatever the other does; an infinite one only where every side grows alike.
    if (reads.some((r) => r.grows === 1)) {
      const signs = reads.map((r) => (r.grows === 1 && r.l !== undefined && r.l !== ZERO ? Math.sign(r.l.c) : 0));
      const [{ l, where }] = reads;
      if (l === undefined || l === ZERO || signs.some((x) => x !== signs[0])) return 'none';
      const sign = signs[0] > 0 ? 1 : -1;
      return { sign, reason: `${text} is ${sign > 0 ? '' : '-'}Infinity: its body is of order ${describe(l, name, toZero)} as ${where}` };
    }
    return reads.every((r) => r.grows === -1) ? 'zero' : undefined;
  };
}
