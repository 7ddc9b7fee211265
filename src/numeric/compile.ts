import { Decimal } from 'decimal.js';
import { children, compare, fn, logFormInDoubles, FUNCTIONS, inputNames, instantiateFunctions, isBinder, MAX_SERIES_TERMS, SeriesConvergence, sineSlopes, MAX_SERIES_FREQUENCIES, oscillationTerms, isLiteralConstant, isWholeArithmetic, movesWithInputs, termKey, usesIndexVariable, type Index, type InputRef, type Term } from '../model/index.ts';
import { derivative, reportValueError, unperturbed } from './finite-difference.ts';
import { integrate, type Integrand } from './quadrature.ts';
import { integrandSwitches } from './integrand-kinks.ts';
import { dimSize, type Layout } from './layout.ts';
import { clampedRoot, rootClamping } from './nonnegative-roots.ts';
import { selectorFactors } from './selector-products.ts';


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
  /**
   * Set (never cleared by a closure; the caller clears it before an evaluation)
   * when double precision may have lost the value: an operation underflowed to 0
   * or into the subnormals, overflowed to infinity from finite operands, or a
   * comparison (or `sign`) was decided between values closer than their error
   * bounds. Such a value is no evidence either way: the caller re-evaluates the
   * input in high precision (see precise.ts).
   */
  needsPrecision: boolean;
  /**
   * A cap on the first step of every finite difference, relative to max(|x|, 1)
   * (usually 0.1 of it). Infinity except while a failing comparison is taken
   * again with smaller steps: at x = 1000 a step of 100 spans many periods and
   * poles of tan(x), and at x = 0 a step of 0.1 is flat for atan(1e12 x); Ridders'
   * error estimate can be fooled there.
   */
  firstStepCap: number;
  /**
   * One counter per input (in the layout's order), moved whenever a finite
   * difference perturbs or restores one of its entries: within an epoch, a
   * cached sum that reads no entry of the perturbed input keeps its value, so
   * a difference in W2 does not recompute relu(X W1 + b1).
   */
  readonly versions: Float64Array;
  /** The input (its position in `versions`) each entry of `values` belongs to. */
  readonly inputOf: Int32Array;
}

export type Compiled = (state: EvaluationState) => number;

/** A sum cached per value of enclosing indices keeps at most this many entries; past it, it is computed in its loop. */
export const MAX_CACHED_ENTRIES = 1_024;

/** Half an ulp: the relative error of one correctly rounded operation. */
export const UNIT_ROUNDOFF = Number.EPSILON / 2;
/**
 * The absolute error a multiplication, division or function may add when its
 * result underflows into the subnormals (Higham's eta): relative error alone
 * says nothing there, and fast-check does draw inputs like 1e-323.
 */
export const UNDERFLOW = Number.MIN_VALUE;
const LOG_UNIT_ROUNDOFF = Math.log10(UNIT_ROUNDOFF);
/** A series whose rest is below this is summed, whatever its sum (1e-300, as log10). */
const LOG_SERIES_FLOOR = -300;
/** The smallest normal double: below it a result has lost relative accuracy (2^-1022). */
const MIN_NORMAL = 2 ** -1022;

/**
 * Whether a double result lost its value to the range of doubles: a subnormal,
 * an infinity. (A result of exactly 0 from non-zero operands is checked where
 * the operation knows its operands.)
 */
export function outOfRange(x: number): boolean {
  const a = Math.abs(x);
  return a < MIN_NORMAL ? a !== 0 : a === Infinity;
}

/** Functions that are never 0 on their domain: a result of 0 is an underflow. */
export const NEVER_ZERO: ReadonlySet<string> = new Set(['exp', 'sigmoid', 'softplus', 'cosh', 'sech', 'erfc', 'Phi', 'phi', 'gamma']);

const noAbsoluteError = (): number => 0;

/** An error bound that became NaN (infinity minus infinity, of a value that has none) is no bound: infinite. */
function finiteOrInfinite(error: number): number {
  return error === error ? error : Infinity;
}

/**
 * What an error eb in the base b carries into v = b^x: |x v / b| eb to first order; where
 * |x| eb / |b| is not small ((1 + 1e-20 t)^(1e20), a base rounded to 1 raised to 1e20) the
 * change of b^x over [b - eb, b + eb] itself, |v| max |(1 +- eb / |b|)^x - 1|, which is
 * e^(1e4) there, not 1e4: the first-order bound had trusted a value of 1 for e^20.
 * At base 0, eb^x; `loose` (a base known to less than half its size, under a negative or
 * fractional power): no bound.
 */
export function powerError(b: number, eb: number, x: number, v: number, loose: boolean): number {
  if (eb === 0) return 0;
  if (b === 0) return x > 0 ? Math.pow(eb, x) : x === 0 ? 0 : Infinity;
  if (loose) return Infinity;
  const relative = eb / Math.abs(b);
  if (!(Math.abs(x) * relative > LINEAR_POWER)) return carry(x * v, relative);
  if (relative >= 1) return Number.isInteger(x) && x > 0 ? Math.pow(Math.abs(b) + eb, x) + Math.abs(v) : Infinity;
  const spread = Math.max(Math.abs(Math.expm1(x * Math.log1p(relative))), Math.abs(Math.expm1(x * Math.log1p(-relative))));
  const out = Math.abs(v) * spread;
  return Number.isNaN(out) ? Infinity : out;
}

/** |x| eb / |b| up to which a power's base error is carried to first order (the second-order part is below 1e-3 of it). */
export const LINEAR_POWER = 1e-3;

/**
 * a * b for error propagation, where an exact operand (error or slope 0) carries
 * no error even when the other factor is infinite: never NaN.
 */
function carry(slope: number, error: number): number {
  if (error === 0 || slope === 0) return 0;
  const out = Math.abs(slope) * error;
  return Number.isNaN(out) ? Infinity : out;
}

/** The value of an exact literal as the nearest double, read through decimal arithmetic so 1e-400 and 10^400 / 10^399 come out right. */
export function literalValue(value: { num: bigint; den: bigint }): number {
  const n = Number(value.num);
  const d = Number(value.den);
  if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) <= 2 ** 53 && d <= 2 ** 53) return n / d;
  return new Decimal(value.num.toString()).div(value.den.toString()).toNumber();
}

/**
 * The error bound of a literal's double: 0 where the double is the literal itself
 * (3, 0.5, 2^-30), half an ulp where it is rounded (0.1, 1/3, 1e300, whose double is
 * 10^300 - 5.25e283). Literals are exact rationals: `(0.1 + 0.2 == 0.3)` is 1, and a
 * comparison of rounded doubles that close is left to 60 digits.
 */
export function literalError(value: { num: bigint; den: bigint }, v: number): number {
  if (!Number.isFinite(v) || v === 0) return 0;
  // A double is a whole number over a power of two; it is the literal when that fraction is the literal's.
  const den = value.den < 0n ? -value.den : value.den;
  const exact = (den & (den - 1n)) === 0n && doubleIsFraction(v, value.num * (value.den < 0n ? -1n : 1n), den);
  return exact ? 0 : UNIT_ROUNDOFF * Math.abs(v);
}

/** Whether the double v is exactly num / den, den a power of two. */
function doubleIsFraction(v: number, num: bigint, den: bigint): boolean {
  // v * den is a whole number exactly when v's binary fraction fits den; scaling by a power of two is exact.
  const scaled = v * Number(den);
  if (!Number.isFinite(scaled) || !Number.isInteger(scaled)) return false;
  return BigInt(scaled) === num;
}

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
  const inputOf = new Int32Array(layout.length);
  let input = 0;
  for (const slot of layout.slots.values()) {
    inputOf.fill(input++, slot.offset, slot.offset + slot.shape.reduce((a, b) => a * b, 1));
  }
  return {
    values: new Float64Array(layout.length), indices: new Int32Array(Math.max(1, slots.count + 16)),
    error: 0, kinkDistance: Infinity, differentiating: 0, epoch: 0, needsPrecision: false, firstStepCap: Infinity,
    versions: new Float64Array(Math.max(1, layout.slots.size)), inputOf,
  };
}

/** The inputs a term reads, as positions in `EvaluationState.versions`. */
export function inputsRead(t: Term, layout: Layout): number[] {
  const names = inputNames(t);
  const read: number[] = [];
  let position = 0;
  for (const name of layout.slots.keys()) {
    if (names.has(name)) read.push(position);
    position++;
  }
  return read;
}

/** The sum of the versions of some inputs: it moves whenever one of them is perturbed or restored (versions only grow). */
export function versionOf(s: EvaluationState, inputs: readonly number[]): number {
  let v = 0;
  for (let q = 0; q < inputs.length; q++) v += s.versions[inputs[q]];
  return v;
}

/** An index position as a closure over the state: a literal, an index variable, a dimension, a label's class. */
export function compileIndex(i: Index, layout: Layout, slots: IndexSlots): (s: EvaluationState) => number {
  switch (i.k) {
    case 'lit': { const v = i.value; return () => v; }
    case 'var': { const slot = slots.slot(i.name); const o = i.offset; return (s) => s.indices[slot] + o; }
    case 'dim': { const v = layout.sizes.get(i.name)! + i.offset; return () => v; }
    case 'affine': {
      // The dimensions' part is a constant at this size; the variables' part is read per evaluation.
      let constant = i.offset;
      const slotsOf: number[] = [];
      const coefs: number[] = [];
      for (const t of i.terms) {
        if (t.dim) constant += t.coef * layout.sizes.get(t.name)!;
        else { slotsOf.push(slots.slot(t.name)); coefs.push(t.coef); }
      }
      return (s) => {
        let v = constant;
        for (let p = 0; p < slotsOf.length; p++) v += coefs[p] * s.indices[slotsOf[p]];
        return v;
      };
    }
    case 'label': {
      const o = i.offset;
      if (i.indices.length > 0) {
        // A label vector (label[N, C]): the class of entry y[i].
        const at = compilePosition({ name: i.name, indices: i.indices }, layout, slots);
        return (s) => { const p = at(s); return p < 0 ? NaN : Math.round(s.values[p]) + o; };
      }
      const at = layout.slots.get(i.name)!.offset;
      return (s) => Math.round(s.values[at]) + o;
    }
  }
}

/** Where an input entry lives in `EvaluationState.values`, as a closure; -1 when an index is out of range. */
export function compilePosition(ref: InputRef, layout: Layout, slots: IndexSlots): (s: EvaluationState) => number {
  const slot = layout.slots.get(ref.name)!;
  const getters = ref.indices.map((i) => compileIndex(i, layout, slots));
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
 * Compiles a term once, at one size assignment, into a closure over the flat
 * input array: no tree is re-interpreted per input. `diff` nodes become central
 * differences with Richardson extrapolation (see finite-difference.ts), whose
 * steps stay within a tenth of the distance to the nearest kink.
 */
export function compileClosures(term: Term, layout: Layout, slots: IndexSlots): Compiled {
  const clampsRoot = rootClamping(term, layout);
  const position = (ref: InputRef) => compilePosition(ref, layout, slots);
  const index = (i: Index) => compileIndex(i, layout, slots);

  /**
   * A sum or reduction free of every enclosing summation index (like the softmax
   * denominator inside s[i]) is computed once per epoch (input values) and per value
   * of the free indices it uses, not once per iteration of the loops around it.
   * The cached value keeps its precision flag, so a reuse raises it as the first evaluation did.
   */
  const cachedWhenClosed = (t: Term, bound: ReadonlySet<string>, loop: Compiled): Compiled => {
    if (usesIndexVariable(t, bound)) return cachedPerIndex(t, bound, loop);
    const keySlots = freeIndexNames(t).map((name) => slots.slot(name));
    const read = inputsRead(t, layout);
    const key = new Int32Array(keySlots.length);
    let epoch = -1;
    let version = -1;
    let value = 0;
    let error = 0;
    let lost = false;
    return (s) => {
      let fresh = s.epoch === epoch && versionOf(s, read) === version;
      for (let q = 0; fresh && q < keySlots.length; q++) fresh = key[q] === s.indices[keySlots[q]];
      if (!fresh) {
        const before = s.needsPrecision;
        s.needsPrecision = false;
        value = loop(s);
        error = s.error;
        lost = s.needsPrecision;
        s.needsPrecision = before || lost;
        epoch = s.epoch;
        version = versionOf(s, read);
        for (let q = 0; q < keySlots.length; q++) key[q] = s.indices[keySlots[q]];
      }
      if (lost) s.needsPrecision = true;
      s.error = error;
      return value;
    };
  };

  /** The sizes of the enclosing loops' indices, while their bodies are compiled. */
  const boundSizes = new Map<string, number>();
  const withBoundSize = <T>(name: string, n: number, compile: () => T): T => {
    const outer = boundSizes.get(name);
    boundSizes.set(name, n);
    try {
      return compile();
    } finally {
      if (outer === undefined) boundSizes.delete(name);
      else boundSizes.set(name, outer);
    }
  };

  /**
   * A sum that reads the index of an enclosing loop (A1[i, k] = relu(sum(d, X[i, d] W1[d, k]) + b1[k])
   * inside the sum over k of every Z2[i, j]) is computed once per value of those indices and
   * input, in a table, not once per iteration of every loop around it, as generated code does
   * (generate.ts's cachedPerIndex, which this mirrors): where every enclosing loop's index is
   * in the key, or the table would pass {@link MAX_CACHED_ENTRIES}, it is computed in its loop.
   */
  const cachedPerIndex = (t: Term, bound: ReadonlySet<string>, loop: Compiled): Compiled => {
    const names = freeIndexNames(t);
    const outer = names.filter((name) => bound.has(name));
    const sizes = outer.map((name) => boundSizes.get(name));
    const entries = sizes.reduce<number>((a, b) => a * (b ?? Infinity), 1);
    const repeated = [...bound].some((name) => !outer.includes(name));
    if (outer.length === 0 || !repeated || sizes.some((n) => n === undefined) || entries > MAX_CACHED_ENTRIES) return loop;
    const outerSlots = outer.map((name) => slots.slot(name));
    const strides: number[] = [];
    let stride = 1;
    for (const n of sizes) { strides.push(stride); stride *= n!; }
    const keySlots = names.filter((name) => !bound.has(name)).map((name) => slots.slot(name));
    const read = inputsRead(t, layout);
    const key = new Int32Array(keySlots.length);
    // Per entry: the generation it was computed in, its value, error and precision flag.
    const stamps = new Float64Array(entries);
    const values = new Float64Array(entries);
    const errors = new Float64Array(entries);
    const lost = new Uint8Array(entries);
    let generation = 1;
    let epoch = -1;
    let version = -1;
    return (s) => {
      const now = versionOf(s, read);
      let fresh = s.epoch === epoch && now === version;
      for (let q = 0; fresh && q < keySlots.length; q++) fresh = key[q] === s.indices[keySlots[q]];
      if (!fresh) {
        epoch = s.epoch;
        version = now;
        generation++;
        for (let q = 0; q < keySlots.length; q++) key[q] = s.indices[keySlots[q]];
      }
      let o = 0;
      for (let q = 0; q < outerSlots.length; q++) o += (s.indices[outerSlots[q]] - 1) * strides[q];
      if (stamps[o] !== generation) {
        const before = s.needsPrecision;
        s.needsPrecision = false;
        values[o] = loop(s);
        errors[o] = s.error;
        lost[o] = s.needsPrecision ? 1 : 0;
        s.needsPrecision = before || s.needsPrecision;
        stamps[o] = generation;
      }
      if (lost[o] === 1) s.needsPrecision = true;
      s.error = errors[o];
      return values[o];
    };
  };

  /**
   * A closed subterm (no index variable in it) met again is compiled once and computed once per epoch and
   * input values: a written-out inv(A) divides every cofactor by the same det, which a product of inverses
   * (inv(A) X' y substituted into a gradient) read hundreds of times per evaluation. The same arithmetic in
   * the same order, so the same bits. Only where nothing in it notes a kink: a kink distance is noted where a
   * value is computed, and generated code (which computes it at each use) must give the same bits.
   */
  const shared = new Map<string, Compiled>();
  const go = (t: Term, bound: ReadonlySet<string> = new Set()): Compiled => {
    if (!SHAREABLE.has(t.k) || freeIndexNames(t).length > 0 || nodeCount(t) < MIN_SHARED_NODES || !kinkFree(t)) return compileNode(t, bound);
    // Equal keys are equal terms up to the names of bound indices, and each name has a slot of its own: the names join the key.
    const key = `${termKey(t)}|${boundIndexNames(t)}`;
    let compiled = shared.get(key);
    if (compiled === undefined) {
      // A sum or product is cached where it is compiled (cachedWhenClosed); the rest is cached here the same way.
      const node = compileNode(t, bound);
      compiled = t.k === 'sum' || t.k === 'reduce' ? node : cachedWhenClosed(t, bound, node);
      shared.set(key, compiled);
    }
    return compiled;
  };
  const compileNode = (t: Term, bound: ReadonlySet<string>): Compiled => {
    const sub = (c: Term) => go(c, bound);
    switch (t.k) {
      case 'num': {
        const v = literalValue(t.value);
        const e = literalError(t.value, v);
        // 1e-400 is 0 as a double, 1e400 infinite: only high precision holds them.
        const lost = outOfRange(v) || (v === 0 && t.value.num !== 0n);
        return (s) => { s.error = e; if (lost) s.needsPrecision = true; return v; };
      }
      case 'pi': return (s) => { s.error = UNIT_ROUNDOFF * Math.PI; return Math.PI; };
      case 'size': { const v = layout.sizes.get(t.name)!; return (s) => { s.error = 0; return v; }; }
      case 'ival': { const i = index(t.index); return (s) => { s.error = 0; return i(s); }; }
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
          // Overflow of a sum of finite parts (an infinite part already raised the flag itself).
          if (acc === Infinity || acc === -Infinity) s.needsPrecision = true;
          s.error = finiteOrInfinite(error);
          return acc;
        };
      }
      case 'mul': {
        const parts = t.factors.map(sub);
        // Index comparisons first where one at 0 makes the product exactly 0 (selector-products.ts): an error of one underflow, as generate.ts.
        const selectors = selectorFactors(t, layout)?.map((i) => parts[i]);
        return (s) => {
          if (selectors !== undefined) {
            for (const selector of selectors) {
              if (selector(s) === 0) { s.error = UNDERFLOW; return 0; }
            }
          }
          // Left to right, as computed: e' = e |v| + |p| e_v + e e_v + u |p v| + eta, so an error made early
          // (an underflow of x * 1e-7) is scaled by every factor after it (* 1e7). The product of the two
          // errors counts where both values were lost: 0 +- 2e-8 times 0 +- 4e-16 is 0 +- 1e-23, not exactly 0.
          let product = 1;
          let error = 0;
          for (const part of parts) {
            const v = part(s);
            const e = s.error;
            const next = product * v;
            // Underflow to 0 or into the subnormals, or overflow of finite factors.
            if (next === 0 ? product !== 0 && v !== 0 : outOfRange(next) && Number.isFinite(product) && Number.isFinite(v)) {
              s.needsPrecision = true;
            }
            error = carry(v, error) + carry(product, e) + carry(error, e) + UNIT_ROUNDOFF * Math.abs(next) + UNDERFLOW;
            product = next;
          }
          s.error = finiteOrInfinite(error);
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
          // A fractional power has no derivative at base 0 ((x^2)^(1/2) is |x|): a kink, as for sqrt.
          if (!Number.isInteger(x)) noteKink(s, b);
          // No value in, none out (Math.pow(NaN, 0) is 1); and 0 to a negative power is a pole, not Infinity: atan(1 / 0)
          // or exp(-1 / 0^2) would have a value where the term has none. A 0 that may be rounding is for high precision.
          if (Number.isNaN(b) || (b === 0 && x < 0)) {
            if (b === 0 && eb > 0) s.needsPrecision = true;
            s.error = 0;
            return NaN;
          }
          const v = Math.pow(b, x);
          // A power of 0 is exact (or a pole); of a non-zero finite base, 0 or a subnormal or infinity is lost range.
          if (b !== 0 && Number.isFinite(b) && Number.isFinite(x) && (v === 0 || outOfRange(v))) s.needsPrecision = true;
          // A negative base's sign is the exponent's parity, which an exponent known to within 1/2 or past 2^53 does not
          // keep: (-1)^(10^16 + 1) is -1, its exponent's double even (probe 58).
          if (b < 0 && ex > 0 && (ex >= 0.5 || Math.abs(x) >= 2 ** 53)) s.needsPrecision = true;
          // The slope x b^(x-1) as x v / b: b^(x-1) alone underflows (a sum of 1e260 to the power -2) where
          // the error it carries does not. At base 0 the slope is 0 or infinite, but |(0 + eb)^x| is the honest bound.
          // A base known to less than half its size (sin(pi x) near a multiple of pi: 4e-16 +- 2e-15) has no first-order
          // bound for a negative or fractional power, whose base may be 0 (a pole): that is for high precision.
          const loose = eb > 0.5 * Math.abs(b) && (x < 0 || !Number.isInteger(x));
          if (loose) s.needsPrecision = true;
          const fromBase = powerError(b, eb, x, v, loose);
          const fromExponent = v === 0 ? 0 : carry(v * Math.log(Math.abs(b)), ex);
          s.error = finiteOrInfinite(fromBase + fromExponent + 2 * UNIT_ROUNDOFF * Math.abs(v) + UNDERFLOW);
          return v;
        };
      }
      // An abstract function is the member of its family its parameters (an input) pick.
      case 'apply': return go(instantiateFunctions(t), bound);
      case 'fn': {
        const rule = FUNCTIONS[t.name];
        const args = t.args.map(sub);
        const kink = rule.kink;
        if (args.length === 1) {
          const a = args[0];
          const f = clampsRoot(t.name, t.args) ? clampedRoot : rule.value;
          const slope = rule.slopes;
          const neverZero = NEVER_ZERO.has(t.name);
          // sqrt has no derivative at 0 (sqrt(x^2) is |x|): like a kink, inputs there are discarded inside a derivative.
          const edge = t.name === 'sqrt';
          const jump = rule.jumpDistance !== undefined ? kink : undefined;
          const roundoff = (rule.roundoff ?? 2) * UNIT_ROUNDOFF;
          const absolute = rule.absoluteError ?? noAbsoluteError;
          return (s) => {
            const v = a(s);
            const e = s.error;
            if (kink) noteKink(s, kink(v));
            else if (edge) noteKink(s, v);
            const out = f(v);
            if (Number.isFinite(v) && (outOfRange(out) || (out === 0 && neverZero))) s.needsPrecision = true;
            // sign jumps at 0, floor at each whole number: decided nearer a jump than the error, it is a guess.
            if (jump !== undefined && e > 0 && Math.abs(jump(v)) <= e && s.differentiating === 0) s.needsPrecision = true;
            // An exact argument carries no error whatever the slope: the slope (an array) only where it matters.
            s.error = finiteOrInfinite((e === 0 ? 0 : argumentError(f, v, out, slope(v)[0], e)) + roundoff * Math.abs(out) + absolute(v) + UNDERFLOW);
            return out;
          };
        }
        // Scratch for the arguments, one per node: a node is never inside its own arguments, so never re-entered.
        const vs = new Array<number>(args.length).fill(0);
        const es = new Array<number>(args.length).fill(0);
        const value = rule.value;
        const roundoff = (rule.roundoff ?? 2) * UNIT_ROUNDOFF;
        const absolute = rule.absoluteError ?? noAbsoluteError;
        return (s) => {
          let finite = true;
          let exact = true;
          for (let i = 0; i < args.length; i++) {
            const v = args[i](s);
            vs[i] = v;
            es[i] = s.error;
            if (!Number.isFinite(v)) finite = false;
            if (s.error !== 0) exact = false;
          }
          const out = args.length === 2 ? value(vs[0], vs[1]) : value(...vs);
          if (kink) noteKink(s, args.length === 2 ? kink(vs[0], vs[1]) : kink(...vs));
          if (finite && outOfRange(out)) s.needsPrecision = true;
          let error = roundoff * Math.abs(out) + (args.length === 2 ? absolute(vs[0], vs[1]) : absolute(...vs)) + UNDERFLOW;
          // Exact arguments carry nothing (error + 0 is error): the slopes (an array) only where they matter.
          if (!exact) {
            const slopes = args.length === 2 ? rule.slopes(vs[0], vs[1]) : rule.slopes(...vs);
            let firstOrder = 0;
            for (let i = 0; i < vs.length; i++) firstOrder += carry(slopes[i], es[i]);
            error += firstOrder <= FIRST_ORDER_SHARE * Math.max(Math.abs(out), 1) ? firstOrder : argumentsError(value, vs, es, out, firstOrder);
          }
          s.error = finiteOrInfinite(error);
          return out;
        };
      }
      case 'sum': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        const inner = withBoundSize(t.index, n, () => go(t.body, new Set([...bound, t.index])));
        const loop = (s: EvaluationState) => {
          let acc = 0;
          let error = 0;
          for (let j = 1; j <= n; j++) { s.indices[slot] = j; acc += inner(s); error += s.error + UNIT_ROUNDOFF * Math.abs(acc); }
          s.error = finiteOrInfinite(error);
          return acc;
        };
        return cachedWhenClosed(t, bound, loop);
      }
      case 'series': {
        const slot = slots.slot(t.index);
        const inner = go(t.body, new Set([...bound, t.index]));
        // A term past its doubles (exp(-l) l^k / k! at k > 170, l = 93: Infinity / Infinity) read in log space, exp of
        // the sum of its factors' logs, where that has a value: every factor positive. Else only high precision could say,
        // and past its work the input was discarded; a false Chebyshev bound on a Poisson tail was verified (probe 96).
        let inLogs: Compiled | undefined | null = null;
        const termInLogs = (s: EvaluationState): number => {
          if (inLogs === null) {
            try {
              inLogs = go(fn('exp', logFormInDoubles(t.body)), new Set([...bound, t.index]));
            } catch {
              inLogs = undefined;
            }
          }
          return inLogs === undefined ? NaN : inLogs(s);
        };
        const lower = t.lower;
        // Sines and cosines of the index: the terms must be read over a period of the slowest (series-convergence.ts).
        const frequencies = sineSlopes(t.body, { index: t.index }, MAX_SERIES_FREQUENCIES).map((w) => go(w, bound));
        const loop = (s: EvaluationState) => {
          const slopes = frequencies.map((w) => w(s));
          const convergence = new SeriesConvergence(oscillationTerms(slopes));
          let acc = 0;
          let error = 0;
          for (let n = 0; n < MAX_SERIES_TERMS; n++) {
            s.indices[slot] = lower + n;
            const needed = s.needsPrecision;
            let a = inner(s);
            if (!Number.isFinite(a)) {
              const viaLogs = termInLogs(s);
              // Read in doubles after all: the overflow that asked for 60 digits is behind it.
              if (Number.isFinite(viaLogs)) { a = viaLogs; s.needsPrecision = needed; }
            }
            if (Number.isNaN(a)) return NaN;
            // An overflowed term: only high precision can say what the series is.
            if (!Number.isFinite(a)) { s.needsPrecision = true; s.error = Infinity; return NaN; }
            acc += a;
            error += s.error + UNIT_ROUNDOFF * Math.abs(acc);
            const logTerm = a !== 0 ? Math.log10(Math.abs(a)) : s.error === 0 ? -Infinity : Math.log10(s.error);
            const step = convergence.next(logTerm, Math.sign(a), Math.log10(Math.abs(acc)), LOG_UNIT_ROUNDOFF, LOG_SERIES_FLOOR, MAX_SERIES_TERMS - n);
            if (step.kind === 'hopeless') break;
            if (step.kind === 'done') {
              s.error = finiteOrInfinite(error + (step.logTail === -Infinity ? 0 : 10 ** step.logTail));
              return acc;
            }
          }
          // Not converged within the terms it may take (1/k^2, or a divergent series): no evidence either way.
          s.needsPrecision = true;
          s.error = Infinity;
          return NaN;
        };
        return cachedWhenClosed(t, bound, loop);
      }
      case 'reduce': {
        const slot = slots.slot(t.index);
        const n = dimSize(t.dim, layout.sizes);
        // A product's body is not in a table (as in generated code): only sums and extrema bind a table's index.
        const inner = t.op === 'prod' ? go(t.body, new Set([...bound, t.index])) : withBoundSize(t.index, n, () => go(t.body, new Set([...bound, t.index])));
        if (t.op === 'prod') {
          return (s) => {
            let product = 1;
            let error = 0;
            for (let j = 1; j <= n; j++) {
              s.indices[slot] = j;
              const v = inner(s);
              const next = product * v;
              error = error * Math.abs(v) + carry(product, s.error) + UNIT_ROUNDOFF * Math.abs(next) + UNDERFLOW;
              if (Number.isFinite(product) && Number.isFinite(v) && (outOfRange(next) || (next === 0 && product !== 0 && v !== 0))) s.needsPrecision = true;
              product = next;
            }
            s.error = finiteOrInfinite(error);
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
        // The same expression on both sides has the same value, however inexact each evaluation.
        const identical = termKey(t.a) === termKey(t.b);
        const kink = movesWithInputs(t.a) || movesWithInputs(t.b);
        const literal = isLiteralConstant(t.a) && isLiteralConstant(t.b);
        const exact = isWholeArithmetic(t.a) && isWholeArithmetic(t.b);
        return (s) => {
          const x = a(s);
          const ex = s.error;
          const y = b(s);
          const bound = ex + s.error;
          if (kink) noteKink(s, x - y);
          // Sides closer than their error bounds (t against the double nearest 1/3): the outcome is a guess.
          // Inside a derivative the kink margin keeps inputs away from such points instead.
          // Sides of whole numbers (j <= k + 1, of index values and sizes) are computed exactly, whatever bound their
          // rounding rule gives: a tie there is a tie. Other sides are not, moving or not: (0.1 + 0.2 == 0.3) is 1,
          // though their doubles differ, and exp(1) - sum(k, 0, 17, 1/k!) > 1/18! holds where doubles cancel every digit.
          if ((kink || literal || !exact) && bound > 0 && s.differentiating === 0 && !identical && !(Math.abs(x - y) > bound)) s.needsPrecision = true;
          // An overflowed side (Infinity > Infinity is false) would give a wrong 0/1: only high precision decides it.
          if (!identical && (!Number.isFinite(x) || !Number.isFinite(y))) s.needsPrecision = true;
          s.error = 0;
          // A comparison with no value on one side has no value either, as in high precision.
          if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
          return compare(op, x, y) ? 1 : 0;
        };
      }
      case 'diff': {
        const f = sub(t.f);
        const at = position(t.v);
        return (s) => finiteDifference(s, f, at(s));
      }
      // Doubles cannot tell a limit from its approach (a difference quotient at h = 1e-8 keeps 8 digits): 60 digits take it.
      case 'limit': return (s) => { s.needsPrecision = true; s.error = Infinity; return NaN; };
      case 'integral': {
        const switches = integrandSwitches(t.body, t.v).map((w) => ({ slope: sub(w.slope), offset: sub(w.offset) }));
        return cachedWhenClosed(t, bound, integralOf(sub(t.body), t.lower && sub(t.lower), t.upper && sub(t.upper), position({ name: t.v, indices: [] }), switches));
      }
    }
  };
  return go(term);
}

/**
 * The integral of `body` over the input at position `at` from `lower` to `upper`
 * (undefined: an infinite bound), by quadrature.ts. The variable's value is put in
 * for each node as a finite difference moves an input (its version moves, so a
 * cached sum that reads it is computed again) and restored after. A node's lost
 * value or an unsettled rule is no evidence: high precision is asked for. Kinks of
 * the integrand in t are no kinks of the integral; a bound's error carries the
 * integrand's value there. The range is split where a switch affine in t changes
 * sign (integrand-kinks.ts), each piece integrated by itself.
 */
function integralOf(body: Compiled, lower: Compiled | undefined, upper: Compiled | undefined, at: (s: EvaluationState) => number,
  switches: readonly { readonly slope: Compiled; readonly offset: Compiled }[]): Compiled {
  return (s) => {
    const a = lower ? lower(s) : -Infinity;
    const ea = lower ? s.error : 0;
    const b = upper ? upper(s) : Infinity;
    const eb = upper ? s.error : 0;
    const p = at(s);
    if (p < 0 || Number.isNaN(a) || Number.isNaN(b)) { s.error = Infinity; return NaN; }
    const saved = s.values[p];
    const input = s.inputOf[p];
    const kinkDistance = s.kinkDistance;
    const outerLost = s.needsPrecision;
    let lostHere = false;
    const valueAt = (x: number): number => {
      if (--quadratureWork.remaining < 0) { lostHere = true; return NaN; }
      s.values[p] = x;
      s.versions[input]++;
      s.needsPrecision = false;
      const v = body(s);
      lostHere = s.needsPrecision;
      return v;
    };
    try {
      const integrand = { value: valueAt, error: () => s.error, lost: () => lostHere };
      const low = Math.min(a, b);
      const high = Math.max(a, b);
      const cuts: number[] = [];
      // A switch at an end of the range ties there as at a cut (integral(t, 2 s, Infinity, (|t| >= 2 s) ...)).
      let switchAtLow = false;
      let switchAtHigh = false;
      for (const w of switches) {
        // Read where t is not put in: slope and offset are free of it.
        const slope = w.slope(s);
        const offset = w.offset(s);
        const root = -offset / slope;
        if (Number.isFinite(root) && root > low && root < high) cuts.push(root);
        if (Number.isFinite(root) && Number.isFinite(low) && Math.abs(root - low) <= CUT_NUDGE * Math.max(Math.abs(low), 1)) switchAtLow = true;
        if (Number.isFinite(root) && Number.isFinite(high) && Math.abs(root - high) <= CUT_NUDGE * Math.max(Math.abs(high), 1)) switchAtHigh = true;
      }
      cuts.sort((x, y) => x - y);
      const ends = [low, ...cuts, high];
      let value = 0;
      let pieceError = 0;
      let settled = true;
      for (let i = 0; i + 1 < ends.length; i++) {
        if (ends[i] === ends[i + 1]) continue;
        const cutBelow = i > 0 || switchAtLow;
        const cutAbove = i + 2 < ends.length || switchAtHigh;
        const piece = integrate(cutBelow || cutAbove ? insideCuts(integrand, ends[i], ends[i + 1], cutBelow, cutAbove) : integrand, ends[i], ends[i + 1]);
        value += piece.value;
        pieceError += piece.error;
        settled &&= piece.settled;
      }
      let error = pieceError;
      for (const [bound, e] of [[a, ea], [b, eb]] as const) {
        if (e === 0) continue;
        const v = valueAt(bound);
        error += Number.isFinite(v) && !lostHere ? carry(v, e) + carry(e, s.error) : Infinity;
      }
      // A settled NaN: the integrand has no value on part of the range (sqrt(t) from -1), or the integral diverges.
      s.needsPrecision = outerLost || !settled;
      s.error = settled && !Number.isNaN(value) ? finiteOrInfinite(error) : Infinity;
      return a <= b ? value : -value;
    } finally {
      s.values[p] = saved;
      s.versions[input]++;
      s.kinkDistance = kinkDistance;
    }
  };
}

/** How near a cut, in parts of the piece's scale, a node is read just inside instead (see insideCuts). */
const CUT_NUDGE = 1e-8;

/**
 * A piece's integrand whose nodes next to a cut are read a little inside where they tie: the comparison that switches
 * there has one outcome on the whole piece, but next to its root its sides are equal to within their rounding in
 * doubles (abs(t) - 2 s at t = 2 s (1 + 1e-17)), and such a node was lost, with it the piece and the integral: a
 * two-sided normal tail was an error, or read as 0 unsplit (probe 57). The node is read CUT_NUDGE of the scale inside,
 * where the outcome is clear; the nodes within that of the cut weigh about as much together, so the integral moves by
 * some 1e-16 of its size where the integrand changes on the scale of the piece.
 */
function insideCuts(integrand: Integrand, low: number, high: number, cutBelow: boolean, cutAbove: boolean): Integrand {
  const width = high - low;
  const nudge = (end: number) => {
    const scale = Math.max(Math.abs(end), Number.isFinite(width) ? width : 1);
    return Number.isFinite(width) ? Math.min(CUT_NUDGE * scale, width / 4) : CUT_NUDGE * scale;
  };
  const below = cutBelow ? nudge(low) : 0;
  const above = cutAbove ? nudge(high) : 0;
  return {
    value: (x) => {
      const v = integrand.value(x);
      if (!integrand.lost()) return v;
      if (cutBelow && x - low < below) return integrand.value(low + below);
      if (cutAbove && high - x < above) return integrand.value(high - above);
      return v;
    },
    error: () => integrand.error(),
    lost: () => integrand.lost(),
  };
}

/**
 * Integrand evaluations the doubles may spend on one step's integrals (about a second):
 * counted, not timed, so a step gives the same verdict on any machine. Past it every
 * integral is lost (no evidence, as an unsettled one): a triple integral checked on a
 * hundred inputs, or a finite difference of a sum of integrals at n = 8, took over ten
 * minutes. check-step.ts resets it for each step.
 */
export const QUADRATURE_WORK = 2_000_000;
const quadratureWork = { remaining: QUADRATURE_WORK };

/** Gives the next step's integrals their budget of {@link QUADRATURE_WORK} evaluations. */
export function resetQuadratureWork(): void {
  quadratureWork.remaining = QUADRATURE_WORK;
}

/** Runs `run` with a quadrature budget of its own (Infinity: none), the step's left as it was after. */
export function withQuadratureWork<T>(budget: number, run: () => T): T {
  const before = quadratureWork.remaining;
  quadratureWork.remaining = budget;
  try {
    return run();
  } finally {
    quadratureWork.remaining = before;
  }
}

/** Finite differences taken inside one another at most (a second derivative is two). */
export const MAX_NESTED_DIFFERENCES = 2;

/**
 * d f / d values[p] by central differences with Richardson extrapolation. The
 * steps stay within a tenth of the distance to the nearest kink f passes
 * through, so no sample crosses one; on a kink there is no derivative (NaN).
 */
export function finiteDifference(s: EvaluationState, f: Compiled, p: number): number {
  // No value, so no error bound (Infinity, as `derivative` gives with NaN): every path sets s.error.
  if (p < 0) { s.error = Infinity; return NaN; }
  // Each nested difference multiplies the evaluations by the tableau's size: seven nested diffs would take
  // hours, and past two the result is mostly rounding anyway. Deeper nests have no numeric value here.
  if (s.differentiating >= MAX_NESTED_DIFFERENCES) { s.error = Infinity; return NaN; }
  const saved = s.values[p];
  // The usual first step unless a failing comparison is being retaken with a cap (undefined: derivative's default).
  const initialStep = s.firstStepCap === Infinity ? undefined : Math.min(s.firstStepCap, 0.1) * Math.max(Math.abs(saved), 1);
  // A retake's step within a few ulps of x has no points to take: no value, before any evaluation.
  if (initialStep !== undefined && initialStep < Math.abs(saved) * 1e-14) { s.error = Infinity; return NaN; }
  const outerKink = s.kinkDistance;
  // Only what reads the perturbed input is computed again (see EvaluationState.versions).
  const input = s.inputOf[p];
  s.kinkDistance = Infinity;
  s.differentiating++;
  // A fresh epoch: a sum cached outside any derivative never noted its kinks, and this evaluation must.
  s.epoch++;
  try {
    // f at the point itself, for the kink margin; derivative's first sample is the same evaluation, so it is passed on.
    const atX = unperturbed(() => f(s), () => s.error);
    const margin = s.kinkDistance;
    if (margin < 1e-12) {
      s.kinkDistance = 0;
      return NaN;
    }
    const g = (x: number) => {
      s.values[p] = x;
      s.versions[input]++;
      const v = f(s);
      reportValueError(s.error);
      s.values[p] = saved;
      s.versions[input]++;
      return v;
    };
    const estimate = derivative(g, saved, { maxStep: Number.isFinite(margin) ? margin / 10 : undefined, atX, initialStep });
    s.kinkDistance = Math.min(outerKink, margin);
    s.error = estimate.error;
    return estimate.value;
  } finally {
    // A perturbed evaluation that threw may have cached its values: they belong to no version.
    if (s.values[p] !== saved) s.versions[input]++;
    s.values[p] = saved;
    s.differentiating--;
  }
}


/** {@link freeIndexNames} of terms already asked about, by identity: compiling asks it of every node of a side. */
const freeNamesOf = new WeakMap<Term, readonly string[]>();
const NO_NAMES: readonly string[] = [];

/** The kinds a closed subterm met twice is shared for (see compileClosures): plain arithmetic and written-out sums. */
const SHAREABLE: ReadonlySet<Term['k']> = new Set(['add', 'mul', 'pow', 'fn', 'sum', 'reduce']);

/** Below this many nodes a closed subterm is computed where it stands: its cache would cost what it saves. */
const MIN_SHARED_NODES = 12;

const kinkFreeTerms = new WeakMap<Term, boolean>();

/**
 * Whether nothing in a term notes a kink or reads the state beyond its inputs and indices: arithmetic, whole
 * powers, sums and products of such, and functions with no kink, jump or edge (a polynomial, a written-out det).
 */
function kinkFree(t: Term): boolean {
  const known = kinkFreeTerms.get(t);
  if (known !== undefined) return known;
  let free: boolean;
  switch (t.k) {
    case 'num': case 'pi': case 'size': case 'input': case 'ival': case 'icmp': free = true; break;
    case 'add': case 'mul': case 'sum': free = children(t).every(kinkFree); break;
    case 'reduce': free = t.op === 'prod' && kinkFree(t.body); break;
    case 'pow': free = t.exponent.k === 'num' && t.exponent.value.den === 1n && kinkFree(t.base); break;
    case 'fn': {
      const rule = FUNCTIONS[t.name];
      free = rule.kink === undefined && rule.jumpDistance === undefined && t.name !== 'sqrt' && t.args.every(kinkFree);
      break;
    }
    default: free = false;
  }
  kinkFreeTerms.set(t, free);
  return free;
}

const nodeCounts = new WeakMap<Term, number>();

const boundNamesOf = new WeakMap<Term, string>();

/** The indices the sums and products inside a term bind, in order (memoised by identity). */
function boundIndexNames(t: Term): string {
  const known = boundNamesOf.get(t);
  if (known !== undefined) return known;
  const own = t.k === 'sum' || t.k === 'reduce' || t.k === 'series' ? [t.index] : [];
  const names = [...own, ...children(t).map(boundIndexNames).filter((n) => n !== '')].join(',');
  boundNamesOf.set(t, names);
  return names;
}

/** The nodes of a term (memoised by identity). */
function nodeCount(t: Term): number {
  const known = nodeCounts.get(t);
  if (known !== undefined) return known;
  const n = children(t).reduce((total, c) => total + nodeCount(c), 1);
  nodeCounts.set(t, n);
  return n;
}

/**
 * The index variables a term uses that no sum inside it binds, in the order they
 * are first met. Each node's answer is built from its children's, once per node:
 * a side asks it of each of its nodes, and walking every subtree again took
 * quadratic time and memory (a sixth derivative through four abstract functions
 * ran out of a 4 GB heap).
 */
export function freeIndexNames(t: Term): readonly string[] {
  const known = freeNamesOf.get(t);
  if (known !== undefined) return known;
  let names: Set<string> | undefined;
  const add = (name: string): void => { (names ??= new Set()).add(name); };
  const see = (i: Index): void => {
    if (i.k === 'var') add(i.name);
    if (i.k === 'affine') for (const part of i.terms) if (!part.dim) add(part.name);
    if (i.k === 'label') i.indices.forEach(see);
  };
  if (t.k === 'input') t.ref.indices.forEach(see);
  else if (t.k === 'icmp') { see(t.a); see(t.b); }
  else if (t.k === 'ival') see(t.index);
  else if (t.k === 'diff') t.v.indices.forEach(see);
  const bound = isBinder(t) ? t.index : undefined;
  for (const child of children(t)) for (const name of freeIndexNames(child)) if (name !== bound) add(name);
  const result = names === undefined ? NO_NAMES : [...names];
  freeNamesOf.set(t, result);
  return result;
}

/**
 * How an error e in the argument v carries into f(v) = out: |f'(v)| e to first
 * order, where that is small beside the value; where it is not (the argument has
 * lost its digits next to where f has no value or no bound: log of a cancelled
 * difference 1e-16 known to 2e-16, log1p at -1 + 2e-16) or the slope is infinite
 * (sqrt at 0), the change of f over [v - e, v + e] itself, and no bound (infinite,
 * so that 60 digits read it) where f has no finite value at an end. Never NaN.
 */
export function argumentError(f: (v: number) => number, v: number, out: number, slope: number, e: number): number {
  if (e === 0) return 0;
  const firstOrder = Number.isFinite(slope) ? carry(slope, e) : Infinity;
  if (firstOrder <= FIRST_ORDER_SHARE * Math.max(Math.abs(out), 1)) return firstOrder;
  if (!Number.isFinite(out)) return Infinity;
  let bound = Number.isFinite(firstOrder) ? firstOrder : 0;
  for (const w of [f(v + e), f(v - e)]) {
    if (!Number.isFinite(w)) return Infinity;
    bound = Math.max(bound, Math.abs(w - out));
  }
  return bound;
}

/**
 * {@link argumentError} for a function of several arguments, past the first-order share: the
 * change of f as each argument moves over its error (atan2 across its cut or next to the
 * origin, polygamma next to a pole), added up; no bound where one moved value has none.
 */
export function argumentsError(f: (...args: number[]) => number, vs: readonly number[], es: readonly number[], out: number, firstOrder: number): number {
  if (!Number.isFinite(out)) return Infinity;
  let total = 0;
  for (let i = 0; i < vs.length; i++) {
    if (es[i] === 0) continue;
    let change = 0;
    for (const sign of [1, -1]) {
      const w = f(...vs.map((v, j) => (j === i ? v + sign * es[i] : v)));
      if (!Number.isFinite(w)) return Infinity;
      change = Math.max(change, Math.abs(w - out));
    }
    total += change;
  }
  return Math.max(firstOrder, total);
}

/**
 * Up to this share of a value (or of 1), an argument's error is carried to first
 * order: its second-order part is below it by as much again wherever f's slope
 * changes little over the error (every function but next to its singularities).
 */
export const FIRST_ORDER_SHARE = 1e-8;

/** A kink matters only where a finite difference might step across it. */
function noteKink(s: EvaluationState, distance: number): void {
  if (s.differentiating === 0) return;
  const d = Math.abs(distance);
  if (d < s.kinkDistance) s.kinkDistance = d;
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
