import { usesIndexVariable, type FreeIndex, type Term } from '../model/index.ts';
import type { Compiled, EvaluationState, IndexSlots } from './compile.ts';
import { compileTerm } from './generate.ts';
import { derivative, reportValueError } from './finite-difference.ts';
import { dimSize, type Layout } from './layout.ts';

/**
 * Above this many gradient entries, a step of the form diff(F, x[k]) = R(k) is
 * first checked along random directions: one finite difference of
 * t -> F(x + t v) against v . R costs O(n), where every entry costs O(n^2).
 * Below it, every entry is differentiated: a slip in one tiny entry can hide in
 * a directional derivative (its share of v . R may sit below the tolerance), and
 * the exact engines, which see every entry, decide those sizes anyway.
 */
export const DIRECTIONAL_THRESHOLD = 64;

/** Directions tried per input: a wrong gradient passes one with probability 0, two leave no doubt. */
const DIRECTIONS = 2;

/** A step that claims a gradient: one side is diff(F, x[k, ...]) over free indices F does not use. */
export interface GradientStep {
  readonly side: 'lhs' | 'rhs';
  readonly f: Term;
  readonly variable: string;
  /** The free indices that run over the variable's entries, in the order of its dimensions. */
  readonly indices: readonly FreeIndex[];
}

export function gradientStep(lhs: Term, rhs: Term, free: readonly FreeIndex[]): GradientStep | undefined {
  for (const [side, t] of [['lhs', lhs], ['rhs', rhs]] as const) {
    if (t.k !== 'diff') continue;
    const names = t.v.indices.map((i) => (i.k === 'var' && i.offset === 0 ? i.name : undefined));
    if (names.some((n) => n === undefined) || new Set(names).size !== names.length) continue;
    const indices = names.map((n) => free.find((f) => f.name === n));
    if (indices.some((i) => i === undefined)) continue;
    if (usesIndexVariable(t.f, new Set(names as string[]))) continue;
    return { side, f: t.f, variable: t.v.name, indices: indices as FreeIndex[] };
  }
  return undefined;
}

/** The outcome of the directional check at one input and one value of the other free indices. */
export interface DirectionalOutcome {
  /** Largest |directional difference| / tolerance over the directions. */
  readonly ratio: number;
  /** Largest relative directional difference, where the values stand above their error. */
  readonly relative: number;
  /** False when neither side had a value. */
  readonly defined: boolean;
  /** Distance of F's input to its nearest kink. */
  readonly kink: number;
}

/** The directional check of a gradient step at one size (see directionalCheck). */
export interface DirectionalCheck {
  /** The gradient's entries at this size. */
  readonly entries: number;
  check(seed: number): DirectionalOutcome;
}

/**
 * Builds the directional check of a gradient step at one size: F is compiled
 * once, the other side is evaluated once per entry (its sums are cached per
 * evaluation, so that is O(n) for softmax), and each direction costs one
 * Richardson finite difference of F.
 */
export function directionalCheck(
  gradient: GradientStep, other: Compiled, layout: Layout, slots: IndexSlots, state: EvaluationState, errorFactor: number,
): DirectionalCheck {
  // Compiled on first use: below the threshold the entries are differentiated one by one and F is never read alone.
  let f: Compiled | undefined;
  const slot = layout.slots.get(gradient.variable)!;
  const shape = gradient.indices.map((i) => dimSize(i.dim, layout.sizes));
  const entries = shape.reduce((a, b) => a * b, 1);
  const indexSlots = gradient.indices.map((i) => slots.slot(i.name));
  const values = new Float64Array(entries);
  const errors = new Float64Array(entries);
  const base = new Float64Array(entries);

  const check = (seed: number): DirectionalOutcome => {
    f ??= compileTerm(gradient.f, layout, slots);
    const compiledF = f;
    // The other side at every entry, row-major like the layout.
    for (let e = 0; e < entries; e++) {
      let rest = e;
      for (let d = shape.length - 1; d >= 0; d--) {
        state.indices[indexSlots[d]] = (rest % shape[d]) + 1;
        rest = Math.floor(rest / shape[d]);
      }
      state.kinkDistance = Infinity;
      values[e] = other(state);
      errors[e] = state.error;
      base[e] = state.values[slot.offset + e];
    }
    let ratio = 0;
    let relative = 0;
    let defined = false;
    let kink = Infinity;
    let random = seed >>> 0;
    for (let d = 0; d < DIRECTIONS; d++) {
      const v = new Float64Array(entries);
      for (let e = 0; e < entries; e++) {
        random = (Math.imul(random ^ (random >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
        v[e] = random / 4294967296 * 2 - 1;
      }
      let projected = 0;
      let projectedError = 0;
      for (let e = 0; e < entries; e++) {
        projected += v[e] * values[e];
        projectedError += Math.abs(v[e]) * errors[e] + Number.EPSILON * Math.abs(projected);
      }
      state.epoch++;
      state.kinkDistance = Infinity;
      state.differentiating++;
      let estimate;
      try {
        compiledF(state);
        const margin = state.kinkDistance;
        kink = Math.min(kink, margin);
        const g = (t: number) => {
          for (let e = 0; e < entries; e++) state.values[slot.offset + e] = base[e] + t * v[e];
          state.epoch++;
          const value = compiledF(state);
          reportValueError(state.error);
          return value;
        };
        // On a kink (a tie of max(x) at x = [0, 0]) there is no derivative: the caller discards the input by its kink distance.
        estimate = margin < 1e-12 ? { value: NaN, error: Infinity } : derivative(g, 0, Number.isFinite(margin) ? { maxStep: margin / 10 } : {});
      } finally {
        for (let e = 0; e < entries; e++) state.values[slot.offset + e] = base[e];
        state.epoch++;
        state.differentiating--;
      }
      if (!Number.isFinite(estimate.value) || !Number.isFinite(projected)) continue;
      defined = true;
      const tolerance = errorFactor * (estimate.error + projectedError) + Number.MIN_VALUE;
      ratio = Math.max(ratio, Math.abs(estimate.value - projected) / tolerance);
      const scale = Math.max(Math.abs(estimate.value), Math.abs(projected));
      if (scale > 1e3 * (estimate.error + projectedError)) relative = Math.max(relative, Math.abs(estimate.value - projected) / scale);
    }
    return { ratio, relative, defined, kink };
  };
  return { entries, check };
}
