import { compare, FUNCTIONS, mapChildren, usesIndexVariable, type Index, type InputRef, type Term } from '../model/index.ts';
import { derivative, reportValueError } from './finite-difference.ts';
import { dimSize, type Layout } from './layout.ts';

/**
 * The mutable state of one evaluation: the input values, the current value of
 * every index variable, and what the evaluation learned about its own accuracy.
 */
export interface EvaluationState {
  values: Float64Array;
  readonly indices: Int32Array;
  /**
   * A bound on the absolute error of the value the last closure returned, to
   * first order: every closure sets it. Round-off adds half an ulp per
   * operation; finite differences add their error estimate; sums, products and
   * functions carry their arguments' errors by the usual rules (running error
   * analysis, Higham ch. 3). So an error in ds/dx is scaled by 1/s in (1/s) ds/dx.
   */
  error: number;
  /** Smallest distance of any kink argument (relu, abs, max, a comparison) from its kink, inside a derivative. */
  kinkDistance: number;
  /** How many finite differences are being taken around the current evaluation. */
  differentiating: number;
  /**
   * Changes whenever an input value or a free index changes: a sum whose value
   * can only depend on those is computed once per epoch, not once per use.
   */
  epoch: number;
}

export type Compiled = (state: EvaluationState) => number;

/** Half an ulp: the relative error of one correctly rounded operation. */
const UNIT_ROUNDOFF = Number.EPSILON / 2;
/**
 * The absolute error a multiplication, division or function may add when its
 * result underflows into the subnormals (Higham's eta): relative error alone
 * says nothing there, and fast-check does draw inputs like 1e-323.
 */
const UNDERFLOW = Number.MIN_VALUE;

/** Index variables get slots in `EvaluationState.indices`. */
export class IndexSlots {
  private readonly slots = new Map<string, number>();
  slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.slots.size;
      this.slots.set(name, s);
    }
    return s;
  }
  get count(): number {
    return this.slots.size;
  }
}

export function newState(layout: Layout, slots: IndexSlots): EvaluationState {
  return {
    values: new Float64Array(layout.length), indices: new Int32Array(Math.max(1, slots.count + 16)),
    error: 0, kinkDistance: Infinity, differentiating: 0, epoch: 0,
  };
}

/**
 * Compiles a term once, at one size assignment, into a closure over the flat
 * input array: no tree is re-interpreted per input. `diff` nodes become central
 * differences with Richardson extrapolation (see finite-difference.ts), whose
 * steps stay within a tenth of the distance to the nearest kink.
 */
export function compileTerm(term: Term, layout: Layout, slots: IndexSlots): Compiled {
  // `index` and `position` call each other (a label vector's class y[i] is itself an entry): declarations, hoisted.
  const index = (i: Index): ((s: EvaluationState) => number) => {
    switch (i.k) {
      case 'lit': { const v = i.value; return () => v; }
      case 'var': { const slot = slots.slot(i.name); const o = i.offset; return (s) => s.indices[slot] + o; }
      case 'dim': { const v = layout.sizes.get(i.name)! + i.offset; return () => v; }
      case 'label': {
        const o = i.offset;
        if (i.indices.length > 0) {
          // A label vector (label[N, C]): the class of entry y[i].
          const at = position({ name: i.name, indices: i.indices });
          return (s) => { const p = at(s); return p < 0 ? NaN : Math.round(s.values[p]) + o; };
        }
        const at = layout.slots.get(i.name)!.offset;
        return (s) => Math.round(s.values[at]) + o;
      }
    }
  };
  function position(ref: InputRef): (s: EvaluationState) => number {
    const slot = layout.slots.get(ref.name)!;
    const getters = ref.indices.map(index);
    const { offset, shape, strides } = slot;
    if (getters.length === 0) return () => offset;
    if (getters.length === 1) {
      const g = getters[0];
      const n = shape[0];
      return (s) => { const i = g(s); return i >= 1 && i <= n ? offset + i - 1 : -1; };
    }
    return (s) => {
      let p = offset;
      for (let d = 0; d < getters.length; d++) {
        const i = getters[d](s);
        if (i < 1 || i > shape[d]) return -1;
        p += (i - 1) * strides[d];
      }
      return p;
    };
  }

  /**
   * A sum or reduction free of every enclosing summation index (like the softmax
   * denominator inside s[i]) is computed once per epoch (input values) and per value
   * of the free indices it uses, not once per iteration of the loops around it.
   */
  const cachedWhenClosed = (t: Term, bound: ReadonlySet<string>, loop: Compiled): Compiled => {
    if (usesIndexVariable(t, bound)) return loop;
    const keySlots = freeIndexNames(t).map((name) => slots.slot(name));
    const key = new Int32Array(keySlots.length);
    let epoch = -1;
    let value = 0;
    let error = 0;
    return (s) => {
      let fresh = s.epoch === epoch;
      for (let q = 0; fresh && q < keySlots.length; q++) fresh = key[q] === s.indices[keySlots[q]];
      if (!fresh) {
        value = loop(s);
        error = s.error;
        epoch = s.epoch;
        for (let q = 0; q < keySlots.length; q++) key[q] = s.indices[keySlots[q]];
      }
      s.error = error;
      return value;
    };
  };

  const go = (t: Term, bound: ReadonlySet<string> = new Set()): Compiled => {
    const sub = (c: Term) => go(c, bound);
    switch (t.k) {
      case 'num': {
        const v = Number(t.value.num) / Number(t.value.den);
        // 1e400 is exact in the term, but no double holds it: no value here, rather than Infinity.
        if (!Number.isFinite(v)) return () => NaN;
        // 1e-400 becomes 0, off by less than the smallest normal double: that is its error bound.
        if (v === 0 && t.value.num !== 0n) return (s) => { s.error = 2.2250738585072014e-308; return 0; };
        const e = Number.isInteger(v) ? 0 : UNIT_ROUNDOFF * Math.abs(v);
        return (s) => { s.error = e; return v; };
      }
      case 'pi': return (s) => { s.error = UNIT_ROUNDOFF * Math.PI; return Math.PI; };
      case 'size': { const v = layout.sizes.get(t.name)!; return (s) => { s.error = 0; return v; }; }
      case 'input': {
        const at = position(t.ref);
        return (s) => { s.error = 0; const p = at(s); return p < 0 ? NaN : s.values[p]; };
      }
      case 'add': {
        const parts = t.terms.map(sub);
        return (s) => {
          let acc = 0;
          let error = 0;
          for (const p of parts) { acc += p(s); error += s.error + UNIT_ROUNDOFF * Math.abs(acc); }
          s.error = error;
          return acc;
        };
      }
      case 'mul': {
        const parts = t.factors.map(sub);
        return (s) => {
          // Left to right, as computed: e' = e |v| + |p| e_v + u |p v| + eta, so an error made early
          // (an underflow of x * 1e-7) is scaled by every factor after it (* 1e7).
          let product = 1;
          let error = 0;
          for (const part of parts) {
            const v = part(s);
            const e = s.error;
            const next = product * v;
            error = error * Math.abs(v) + Math.abs(product) * e + UNIT_ROUNDOFF * Math.abs(next) + UNDERFLOW;
            product = next;
          }
          s.error = orUnbounded(error);
          return product;
        };
      }
      case 'pow': {
        const base = sub(t.base);
        const exponent = sub(t.exponent);
        return (s) => {
          const b = base(s);
          const eb = s.error;
          const x = exponent(s);
          const ex = s.error;
          const v = Math.pow(b, x);
          const fromBase = eb === 0 ? 0 : Math.abs(x * Math.pow(b, x - 1)) * eb;
          const fromExponent = ex === 0 ? 0 : Math.abs(v * Math.log(Math.abs(b))) * ex;
          // 0 times an unbounded error (sqrt's at 0) is unbounded, not NaN: such an input can refute nothing.
          s.error = orUnbounded(fromBase + fromExponent + 2 * UNIT_ROUNDOFF * Math.abs(v) + UNDERFLOW);
          return v;
        };
      }
      case 'fn': {
        const rule = FUNCTIONS[t.name];
        const args = t.args.map(sub);
        const kink = rule.kink;
        const roundoff = (rule.roundoff ?? 2) * UNIT_ROUNDOFF;
        if (args.length === 1) {
          const a = args[0];
          const f = rule.value;
          const slope = rule.slopes;
          return (s) => {
            const v = a(s);
            const e = s.error;
            if (kink) noteKink(s, kink(v));
            const out = f(v);
            s.error = (e === 0 ? 0 : Math.abs(slope(v)[0]) * e) + roundoff * Math.abs(out) + UNDERFLOW;
            return out;
          };
        }
        return (s) => {
          const vs: number[] = [];
          const es: number[] = [];
          for (const a of args) { vs.push(a(s)); es.push(s.error); }
          if (kink) noteKink(s, kink(...vs));
          const out = rule.value(...vs);
          const slopes = rule.slopes(...vs);
          let error = roundoff * Math.abs(out) + UNDERFLOW;
          for (let i = 0; i < vs.length; i++) if (es[i] > 0) error += Math.abs(slopes[i]) * es[i];
          s.error = error;
          return out;
        };
      }
      case 'sum': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        const inner = go(t.body, new Set([...bound, t.index]));
        const loop = (s: EvaluationState) => {
          let acc = 0;
          let error = 0;
          for (let j = 1; j <= n; j++) { s.indices[slot] = j; acc += inner(s); error += s.error + UNIT_ROUNDOFF * Math.abs(acc); }
          s.error = error;
          return acc;
        };
        return cachedWhenClosed(t, bound, loop);
      }
      case 'reduce': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        const inner = go(t.body, new Set([...bound, t.index]));
        if (t.op === 'prod') {
          return (s) => {
            let product = 1;
            let error = 0;
            for (let j = 1; j <= n; j++) {
              s.indices[slot] = j;
              const v = inner(s);
              const next = product * v;
              error = error * Math.abs(v) + Math.abs(product) * s.error + UNIT_ROUNDOFF * Math.abs(next) + UNDERFLOW;
              product = next;
            }
            s.error = error;
            return product;
          };
        }
        const sign = t.op === 'max' ? 1 : -1;
        // max(x) inside a sum over j (logsumexp(x - m) with m = max(x)) is computed once, not once per j.
        return cachedWhenClosed(t, bound, (s) => extremum(s, n, (j) => { s.indices[slot] = j; return inner(s); }, sign));
      }
      case 'extremum': {
        const parts = t.terms.map(sub);
        const sign = t.op === 'max' ? 1 : -1;
        return (s) => extremum(s, parts.length, (j) => parts[j - 1](s), sign);
      }
      case 'icmp': {
        const a = index(t.a);
        const b = index(t.b);
        const op = t.op;
        return (s) => { s.error = 0; return compare(op, a(s), b(s)) ? 1 : 0; };
      }
      case 'cmp': {
        const a = sub(t.a);
        const b = sub(t.b);
        const op = t.op;
        return (s) => {
          const x = a(s);
          const y = b(s);
          // An overflowed side (Infinity > Infinity is false) would give a wrong 0/1: no value there.
          if (!Number.isFinite(x) || !Number.isFinite(y)) return NaN;
          noteKink(s, x - y); s.error = 0; return compare(op, x, y) ? 1 : 0;
        };
      }
      case 'diff': {
        const f = sub(t.f);
        const at = position(t.v);
        return (s) => finiteDifference(s, f, at(s));
      }
    }
  };
  return go(term);
}

/** Finite differences taken inside one another at most (a second derivative is two). */
export const MAX_NESTED_DIFFERENCES = 2;

/**
 * d f / d values[p] by central differences with Richardson extrapolation. The
 * steps stay within a tenth of the distance to the nearest kink f passes
 * through, so no sample crosses one; on a kink there is no derivative (NaN).
 */
function finiteDifference(s: EvaluationState, f: Compiled, p: number): number {
  if (p < 0) return NaN;
  // Each nested difference multiplies the evaluations by the tableau's size: seven nested diffs would take
  // hours, and past two the result is mostly rounding anyway. Deeper nests have no numeric value here.
  if (s.differentiating >= MAX_NESTED_DIFFERENCES) return NaN;
  const saved = s.values[p];
  const outerKink = s.kinkDistance;
  s.kinkDistance = Infinity;
  s.differentiating++;
  // A fresh epoch: a sum cached outside any derivative never noted its kinks, and this evaluation must.
  s.epoch++;
  try {
    f(s);
    const margin = s.kinkDistance;
    if (margin < 1e-12) {
      s.kinkDistance = 0;
      return NaN;
    }
    const g = (x: number) => {
      s.values[p] = x;
      s.epoch++;
      const v = f(s);
      reportValueError(s.error);
      s.values[p] = saved;
      s.epoch++;
      return v;
    };
    const estimate = derivative(g, saved, Number.isFinite(margin) ? { maxStep: margin / 10 } : {});
    s.kinkDistance = Math.min(outerKink, margin);
    s.error = estimate.error;
    return estimate.value;
  } finally {
    s.values[p] = saved;
    s.differentiating--;
  }
}


/** The index variables a term uses that no sum inside it binds. */
function freeIndexNames(t: Term): string[] {
  const names = new Set<string>();
  const bound = new Set<string>();
  const see = (i: Index): void => {
    if (i.k === 'var' && !bound.has(i.name)) names.add(i.name);
    if (i.k === 'label') i.indices.forEach(see);
  };
  const walk = (x: Term): Term => {
    if (x.k === 'input') x.ref.indices.forEach(see);
    else if (x.k === 'icmp') { see(x.a); see(x.b); }
    else if (x.k === 'diff') { x.v.indices.forEach(see); walk(x.f); }
    else if (x.k === 'sum' || x.k === 'reduce') { bound.add(x.index); walk(x.body); }
    else mapChildren(x, walk);
    return x;
  };
  walk(t);
  return [...names];
}

/**
 * The largest (sign 1) or smallest (sign -1) of n values. Exact in floating
 * point, so its error is the error of the value it picks (with the runner-up's,
 * which a perturbation could pick instead); the gap to the runner-up is the
 * distance to its kink, where the argmax changes.
 */
function extremum(s: EvaluationState, n: number, value: (j: number) => number, sign: number): number {
  let best = -Infinity;
  let second = -Infinity;
  let bestError = 0;
  let secondError = 0;
  for (let j = 1; j <= n; j++) {
    const v = sign * value(j);
    if (Number.isNaN(v)) { s.error = 0; return NaN; }
    if (v > best) { second = best; secondError = bestError; best = v; bestError = s.error; }
    else if (v > second) { second = v; secondError = s.error; }
  }
  if (second > -Infinity) noteKink(s, best - second);
  s.error = Math.max(bestError, secondError);
  return sign * best;
}

/** An error bound that came out NaN (0 times an infinite slope) is unbounded. */
function orUnbounded(error: number): number {
  return Number.isNaN(error) ? Infinity : error;
}

/** A kink matters only where a finite difference might step across it. */
function noteKink(s: EvaluationState, distance: number): void {
  if (s.differentiating === 0) return;
  const d = Math.abs(distance);
  if (d < s.kinkDistance) s.kinkDistance = d;
}

