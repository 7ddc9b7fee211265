/**
 * The finite-difference error curve of a refuted step at its counterexample:
 * for h from 1e-1 down to 1e-12, each `diff` is taken as a plain central
 * difference (f(x + h) - f(x - h)) / 2h, and two curves are measured:
 *
 * - the gap |lhs(h) - rhs(h)| between the two sides: for a wrong step it stays
 *   flat at the size of the mistake, whatever h is;
 * - the method's own error |side(h) - side*|, against the Richardson-extrapolated
 *   value side* that derivcheck uses: the V of truncation error (falling as h²)
 *   meeting round-off (rising as ε/h).
 *
 * A gap far above the bottom of the V is a real mistake, not a numerical artefact.
 */
import type { Counterexample } from '../../check/index.ts';
import { compare, FUNCTIONS, instantiateFunctions, hasDiff, MAX_SERIES_TERMS, SeriesConvergence, type Index, type InputRef, type Model, type Term } from '../../model/index.ts';
import { compileTerm, dimSize, entryName, IndexSlots, integrate, layoutInputs, newState, type Layout } from '../../numeric/index.ts';

export interface ErrorCurvePoint {
  readonly h: number;
  /** |lhs(h) - rhs(h)|: NaN where a side has no value. */
  readonly gap: number;
  /** |side(h) - side*| for the side with a derivative. */
  readonly methodError: number;
}

export interface ErrorCurve {
  readonly points: readonly ErrorCurvePoint[];
  /** The entry the derivative is taken with respect to (`x[2]`), when there is one. */
  readonly variable: string | undefined;
  /** Which side's own error the V is measured on. */
  readonly side: 'lhs' | 'rhs';
  /** The tolerance the step was judged with, when known. */
  readonly tolerance: number | undefined;
}

/** Why a step has no curve. */
export type NoCurve = { readonly reason: 'no-derivative' | 'no-numeric-input' | 'not-found' };

/** Step sizes 10^-1 ... 10^-12, four per decade. */
export const CURVE_STEPS: readonly number[] = Array.from({ length: 45 }, (_, i) => 10 ** (-1 - i / 4));

/**
 * The curve for step `stepIndex` of claim `claimIndex` of a model, at a counterexample.
 * The step's left side is the expression above it (the claim for the first step).
 */
export function errorCurve(model: Model, claimIndex: number, stepIndex: number, c: Counterexample): ErrorCurve | NoCurve {
  const claim = model.claims[claimIndex];
  const step = claim?.steps[stepIndex];
  const lhs = stepIndex === 0 ? claim?.head : claim?.steps[stepIndex - 1]?.term;
  const rhs = step?.term;
  if (!claim || !lhs || !rhs) return { reason: 'not-found' };
  const lhsDiff = hasDiff(lhs);
  if (!lhsDiff && !hasDiff(rhs)) return { reason: 'no-derivative' };

  const sizes = new Map(Object.entries(c.sizes));
  for (const d of model.dims) if (!sizes.has(d)) return { reason: 'not-found' };
  const layout = layoutInputs(model.inputs, sizes);
  const values = new Float64Array(layout.length);
  for (const [name, slot] of layout.slots) {
    const v = c.inputs[name];
    const entries = typeof v === 'number' ? [v] : Array.isArray(v) ? v : undefined;
    if (!entries || entries.some((x) => typeof x !== 'number')) return { reason: 'no-numeric-input' };
    values.set(entries, slot.offset);
  }
  const env = new Map<string, number>();
  for (const f of claim.freeIndices) {
    const v = c.indices[f.name];
    if (typeof v !== 'number') return { reason: 'not-found' };
    env.set(f.name, v);
  }

  // The reference: derivcheck's own extrapolated value of the side with a derivative.
  const side = lhsDiff ? lhs : rhs;
  const slots = new IndexSlots();
  const compiled = compileTerm(side, layout, slots);
  const state = newState(layout, slots);
  state.values.set(values);
  for (const [name, v] of env) state.indices[slots.slot(name)] = v;
  const best = compiled(state);

  const points = CURVE_STEPS.map((h) => {
    const l = new FixedStep(layout, values, h).eval(lhs, env);
    const r = new FixedStep(layout, values, h).eval(rhs, env);
    return { h, gap: Math.abs(l - r), methodError: Math.abs((lhsDiff ? l : r) - best) };
  });
  return { points, variable: firstVariable(side, layout, env, values), side: lhsDiff ? 'lhs' : 'rhs', tolerance: c.tolerance };
}

/** The entry of the outermost derivative (`x[2]`), for the plot's caption. */
function firstVariable(term: Term, layout: Layout, env: Map<string, number>, values: Float64Array): string | undefined {
  if (term.k === 'diff') {
    const p = new FixedStep(layout, values, 0).position(term.v, env);
    return p < 0 ? undefined : entryName(layout, p);
  }
  const children: Term[] = term.k === 'add' ? [...term.terms] : term.k === 'mul' ? [...term.factors]
    : term.k === 'pow' ? [term.base, term.exponent] : term.k === 'fn' ? [...term.args] : term.k === 'cmp' ? [term.a, term.b] : [];
  for (const child of children) {
    const v = firstVariable(child, layout, env, values);
    if (v) return v;
  }
  return undefined; // under a sum the entry depends on the summation index
}

/** A plain interpreter of terms in which every `diff` is one central difference with step h. */
class FixedStep {
  constructor(private readonly layout: Layout, private readonly values: Float64Array, private readonly h: number) {}

  index(i: Index, env: ReadonlyMap<string, number>): number {
    switch (i.k) {
      case 'lit': return i.value;
      case 'var': return (env.get(i.name) ?? NaN) + i.offset;
      case 'dim': return this.layout.sizes.get(i.name)! + i.offset;
      case 'affine': return i.terms.reduce((v, t) => v + t.coef * (t.dim ? this.layout.sizes.get(t.name)! : env.get(t.name) ?? NaN), i.offset);
      case 'label': {
        const p = this.position({ name: i.name, indices: i.indices }, env);
        return p < 0 ? NaN : Math.round(this.values[p]) + i.offset;
      }
    }
  }

  position(ref: InputRef, env: ReadonlyMap<string, number>): number {
    const slot = this.layout.slots.get(ref.name);
    if (!slot) return -1;
    let p = slot.offset;
    for (let d = 0; d < ref.indices.length; d++) {
      const i = this.index(ref.indices[d], env);
      if (!(i >= 1 && i <= slot.shape[d])) return -1;
      p += (i - 1) * slot.strides[d];
    }
    return p;
  }

  eval(t: Term, env: ReadonlyMap<string, number>): number {
    switch (t.k) {
      case 'num': return Number(t.value.num) / Number(t.value.den);
      case 'pi': return Math.PI;
      case 'size': return this.layout.sizes.get(t.name)!;
      case 'input': { const p = this.position(t.ref, env); return p < 0 ? NaN : this.values[p]; }
      case 'add': return t.terms.reduce((acc, x) => acc + this.eval(x, env), 0);
      case 'mul': return t.factors.reduce((acc, x) => acc * this.eval(x, env), 1);
      case 'pow': return Math.pow(this.eval(t.base, env), this.eval(t.exponent, env));
      case 'fn': return FUNCTIONS[t.name].value(...t.args.map((a) => this.eval(a, env)));
      case 'apply': return this.eval(instantiateFunctions(t), env);
      case 'sum': {
        const n = dimSize(t.dim, this.layout.sizes);
        const inner = new Map(env);
        let acc = 0;
        for (let j = 1; j <= n; j++) { inner.set(t.index, j); acc += this.eval(t.body, inner); }
        return acc;
      }
      case 'reduce': {
        const n = dimSize(t.dim, this.layout.sizes);
        const inner = new Map(env);
        const values: number[] = [];
        for (let j = 1; j <= n; j++) { inner.set(t.index, j); values.push(this.eval(t.body, inner)); }
        return t.op === 'prod' ? values.reduce((a, b) => a * b, 1) : t.op === 'max' ? Math.max(...values) : Math.min(...values);
      }
      case 'series': {
        const inner = new Map(env);
        const convergence = new SeriesConvergence();
        let acc = 0;
        for (let n = 0; n < MAX_SERIES_TERMS; n++) {
          inner.set(t.index, t.lower + n);
          const a = this.eval(t.body, inner);
          if (!Number.isFinite(a)) return NaN;
          acc += a;
          const step = convergence.next(a === 0 ? -Infinity : Math.log10(Math.abs(a)), Math.sign(a), Math.log10(Math.abs(acc)), -16, -300, MAX_SERIES_TERMS - n);
          if (step.kind === 'done') return acc;
          if (step.kind === 'hopeless') return NaN;
        }
        return NaN;
      }
      case 'integral': {
        const p = this.position({ name: t.v, indices: [] }, env);
        const a = t.lower === undefined ? -Infinity : this.eval(t.lower, env);
        const b = t.upper === undefined ? Infinity : this.eval(t.upper, env);
        const saved = this.values[p];
        try {
          const q = integrate({ value: (x) => { this.values[p] = x; return this.eval(t.body, env); }, error: () => 0, lost: () => false }, a, b);
          return q.settled ? q.value : NaN;
        } finally {
          this.values[p] = saved;
        }
      }
      // In 60 digits only (model/precise-limit.ts): no curve of plain differences through it.
      case 'limit': return NaN;
      case 'extremum': {
        const values = t.terms.map((x) => this.eval(x, env));
        return t.op === 'max' ? Math.max(...values) : Math.min(...values);
      }
      case 'icmp': return compare(t.op, this.index(t.a, env), this.index(t.b, env)) ? 1 : 0;
      case 'ival': return this.index(t.index, env);
      case 'cmp': return compare(t.op, this.eval(t.a, env), this.eval(t.b, env)) ? 1 : 0;
      case 'diff': {
        const p = this.position(t.v, env);
        if (p < 0) return NaN;
        const saved = this.values[p];
        try {
          this.values[p] = saved + this.h;
          const up = this.eval(t.f, env);
          this.values[p] = saved - this.h;
          const down = this.eval(t.f, env);
          return (up - down) / (2 * this.h);
        } finally {
          this.values[p] = saved;
        }
      }
    }
  }
}

