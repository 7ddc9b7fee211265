import fc from 'fast-check';
import { FUNCTIONS, hasDiff, mapChildren, type FreeIndex, type Input, type Term } from '../model/index.ts';
import { fillValues, inputsArbitrary } from './arbitraries.ts';
import { compileTerm, IndexSlots, newState, type Compiled, type EvaluationState } from './compile.ts';
import { directionalCheck, DIRECTIONAL_THRESHOLD, gradientStep } from './directional.ts';
import { dimSize, layoutInputs } from './layout.ts';

/** Inputs closer than this to a kink (of relu, abs, max, a comparison) are discarded: no derivative is defined there. */
export const KINK_MARGIN = 1e-6;

/**
 * Safety factor on the propagated error bounds. The finite-difference error
 * estimates were measured low by up to about 9x on noisy functions (5-9% of
 * cases); the round-off part is a first-order bound and already pessimistic.
 */
export const ERROR_FACTOR = 10;

/** One side-by-side evaluation of a step at one input and one value of its free indices. */
export interface NumericComparison {
  readonly sizes: Readonly<Record<string, number>>;
  /** Values of the free indices at the worst entry. */
  readonly indices: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, readonly number[]>>;
  readonly lhs: number;
  readonly rhs: number;
  readonly difference: number;
  /** What |lhs - rhs| may be from finite-difference error and round-off alone. */
  readonly tolerance: number;
}

export type NumericOutcome =
  | {
      readonly kind: 'agree';
      /** Inputs on which both sides were compared. */
      readonly trials: number;
      /** Largest |lhs - rhs| / max(|lhs|, |rhs|) seen. */
      readonly worstRelative: number;
      /** Largest |lhs - rhs| / tolerance seen: how close the step came to failing. */
      readonly worstRatio: number;
      readonly sizes: readonly Readonly<Record<string, number>>[];
    }
  | {
      readonly kind: 'counterexample';
      readonly example: NumericComparison;
      /** fast-check's seed and path for this size: `fc.check(..., { seed, path })` replays it. */
      readonly seed: number;
      readonly path: string;
      readonly trials: number;
      readonly shrinks: number;
      readonly sizes: readonly Readonly<Record<string, number>>[];
    }
  | { readonly kind: 'no-domain'; readonly trials: number; readonly sizes: readonly Readonly<Record<string, number>>[] };

export interface NumericStepOptions {
  /** Random inputs per size assignment. */
  readonly trials: number;
  /** The seed of the first size; each next size uses seed + 1, + 2, ... */
  readonly seed: number;
  /** Size assignments to try, smallest first. */
  readonly sizes: readonly ReadonlyMap<string, number>[];
}

/** Both sides of a step and what they range over. */
export interface NumericStep {
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
  readonly freeIndices: readonly FreeIndex[];
}

interface Judged {
  readonly worst: NumericComparison | undefined;
  readonly ratio: number;
  readonly relative: number;
  readonly defined: boolean;
  readonly nearKink: boolean;
}

/**
 * Compares the two sides of a step on random inputs at each size assignment;
 * the first size with a failure stops the search, and fast-check shrinks the
 * failing input to the simplest one that still fails.
 */
export function checkStepNumerically(step: NumericStep, options: NumericStepOptions): NumericOutcome {
  let trials = 0;
  let worstRelative = 0;
  let worstRatio = 0;
  let definedAnywhere = false;
  const tried: Record<string, number>[] = [];
  const lhsHasDiff = hasDiff(step.lhs);
  const rhsHasDiff = hasDiff(step.rhs);
  const kinkInDiff = hasKinkInDiff(step.lhs) || hasKinkInDiff(step.rhs);

  const gradient = gradientStep(step.lhs, step.rhs, step.freeIndices);
  for (let s = 0; s < options.sizes.length; s++) {
    const sizes = options.sizes[s];
    const sizeRecord = Object.fromEntries(sizes);
    tried.push(sizeRecord);
    const layout = layoutInputs(step.inputs, sizes);
    const slots = new IndexSlots();
    const lhs = compileTerm(step.lhs, layout, slots);
    const rhs = compileTerm(step.rhs, layout, slots);
    const state = newState(layout, slots);
    const assignments = indexAssignments(step.freeIndices, sizes);
    const freeSlots = step.freeIndices.map((f) => slots.slot(f.name));

    let oneSidedSeen = false;
    /**
     * With `oneSided` false, an entry where only one side has a value is skipped
     * (and noted); with it true, such an entry fails: the step claims a value
     * where there is none. That second pass runs only where the first saw one,
     * so a step with no input where both sides have a value is an error, not refuted.
     */
    const judgeEntries = (inputs: Record<string, number[]>, oneSided = false): Judged => {
      fillValues(layout, inputs, state.values);
      state.epoch++;
      let worst: NumericComparison | undefined;
      let ratio = 0;
      let relative = 0;
      let defined = false;
      for (const assignment of assignments) {
        assignment.forEach((v, i) => { state.indices[freeSlots[i]] = v; });
        const l = evaluate(lhs, state);
        const r = evaluate(rhs, state);
        if (l.kink < KINK_MARGIN || r.kink < KINK_MARGIN) return { worst: undefined, ratio: 0, relative: 0, defined: false, nearKink: true };
        const lDefined = Number.isFinite(l.value);
        const rDefined = Number.isFinite(r.value);
        if (!lDefined && !rDefined) continue;
        let entryRatio: number;
        let tolerance: number;
        if (lDefined !== rDefined) {
          // A side with a finite difference may be undefined only because its steps left the domain.
          if ((!lDefined && lhsHasDiff) || (!rDefined && rhsHasDiff)) continue;
          oneSidedSeen = true;
          if (!oneSided) continue;
          entryRatio = Infinity;
          tolerance = 0;
        } else {
          defined = true;
          tolerance = ERROR_FACTOR * (l.error + r.error) + Number.MIN_VALUE;
          entryRatio = Math.abs(l.value - r.value) / tolerance;
          // Only where the values stand well above their own error bound: elsewhere (sides at round-off or
          // underflow level) a relative difference says nothing about the step.
          const scale = Math.max(Math.abs(l.value), Math.abs(r.value));
          if (scale > 1e3 * (l.error + r.error)) relative = Math.max(relative, Math.abs(l.value - r.value) / scale);
        }
        if (worst === undefined || entryRatio > ratio) {
          ratio = entryRatio;
          worst = {
            sizes: sizeRecord,
            indices: Object.fromEntries(step.freeIndices.map((f, i) => [f.name, assignment[i]])),
            inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [...v]])),
            lhs: l.value, rhs: r.value, difference: l.value - r.value, tolerance,
          };
        }
      }
      return { worst, ratio, relative, defined, nearKink: false };
    };

    // Many gradient entries: along random directions first, every entry only to confirm and name a failure.
    const directional = gradient === undefined ? undefined
      : directionalCheck(gradient, gradient.side === 'lhs' ? rhs : lhs, layout, slots, state, ERROR_FACTOR);
    const outer = gradient === undefined ? [] : step.freeIndices.filter((f) => !gradient.indices.some((g) => g.name === f.name));
    const outerAssignments = indexAssignments(outer, sizes);
    const outerSlots = outer.map((f) => slots.slot(f.name));
    const judge = directional === undefined || directional.entries <= DIRECTIONAL_THRESHOLD ? judgeEntries
      : (inputs: Record<string, number[]>, oneSided = false): Judged => {
        fillValues(layout, inputs, state.values);
        state.epoch++;
        let ratio = 0;
        let relative = 0;
        let defined = false;
        for (const assignment of outerAssignments) {
          assignment.forEach((v, i) => { state.indices[outerSlots[i]] = v; });
          const outcome = directional.check(hashValues(state.values));
          if (outcome.kink < KINK_MARGIN) return { worst: undefined, ratio: 0, relative: 0, defined: false, nearKink: true };
          ratio = Math.max(ratio, outcome.ratio);
          relative = Math.max(relative, outcome.relative);
          defined ||= outcome.defined;
        }
        return { worst: undefined, ratio, relative, defined, nearKink: false };
      };

    // Statistics come from the generated inputs only: once one fails, what follows is shrinking.
    const seed = (options.seed + s) | 0;
    const search = (oneSided: boolean) => {
      let failedOnce = false;
      // fc.double's draws crowd around 0 (uniform in bit pattern), which puts a kink (relu of ~1e-200)
      // inside almost every derivative of a network; those inputs are discarded. Such steps draw uniformly.
      const arbitrary = inputsArbitrary(layout, kinkInDiff);
      const property = fc.property(arbitrary, (inputs) => {
        const judged = judge(inputs, oneSided);
        fc.pre(!judged.nearKink);
        const holds = judged.ratio <= 1;
        if (!failedOnce && !oneSided) {
          trials++;
          if (judged.defined) definedAnywhere = true;
          if (holds) {
            worstRelative = Math.max(worstRelative, judged.relative);
            worstRatio = Math.max(worstRatio, judged.ratio);
          }
        }
        if (!holds) failedOnce = true;
        return holds;
      });
      // Shrinking a vector of hundreds of entries costs thousands of runs and makes nothing easier to read.
      return fc.check(property, { seed, numRuns: options.trials, maxSkipsPerRun: 100, endOnFailure: layout.length > SHRINK_VALUES });
    };
    let oneSided = false;
    let result = search(false);
    if (!result.failed && oneSidedSeen && definedAnywhere) {
      oneSided = true;
      result = search(true);
    }
    if (result.failed && result.counterexample) {
      const stillFails = (inputs: Record<string, number[]>) => {
        const j = judge(inputs, oneSided);
        return !j.nearKink && j.ratio > 1;
      };
      const simplest = simplify(result.counterexample[0] as Record<string, number[]>, layout.slots, stillFails);
      // A directional failure is located once, on the simplest input: every entry there, the worst one reported.
      const judged = judge === judgeEntries ? judge(simplest, oneSided) : judgeEntries(simplest, oneSided);
      if (judged.worst) {
        return {
          kind: 'counterexample', example: judged.worst, seed, path: result.counterexamplePath ?? '',
          trials, shrinks: result.numShrinks, sizes: tried,
        };
      }
    }
  }
  if (!definedAnywhere) return { kind: 'no-domain', trials, sizes: tried };
  return { kind: 'agree', trials, worstRelative, worstRatio, sizes: tried };
}

/** Whether a derivative is taken of something with a kink (relu, abs, max, min, a comparison of values). */
function hasKinkInDiff(term: Term, inside = false): boolean {
  if (inside && (term.k === 'cmp' || (term.k === 'fn' && FUNCTIONS[term.name].kink !== undefined) ||
    (term.k === 'reduce' && term.op !== 'prod') || term.k === 'extremum')) return true;
  const nowInside = inside || term.k === 'diff';
  let found = false;
  mapChildren(term, (c) => {
    if (!found && hasKinkInDiff(c, nowInside)) found = true;
    return c;
  });
  return found;
}

function evaluate(compiled: Compiled, state: EvaluationState): { value: number; error: number; kink: number } {
  state.kinkDistance = Infinity;
  const value = compiled(state);
  return { value, error: state.error, kink: state.kinkDistance };
}

/** Inputs of up to this many values in all are shrunk by fast-check; larger ones are reported as found. */
const SHRINK_VALUES = 256;

/** Vectors up to this long are simplified entry by entry; longer ones only as a whole. */
const SIMPLIFY_ENTRIES = 32;

/**
 * fast-check shrinks a double toward 0 through its bit patterns, which ends on
 * values like 1e-323. People read 0, 1 and 0.5 better: each entry is tried at
 * such values, in order, and kept where the step still fails. Deterministic, so
 * a seed still replays the same counterexample.
 */
function simplify(
  inputs: Record<string, number[]>, slots: ReadonlyMap<string, { readonly input: Input }>,
  stillFails: (inputs: Record<string, number[]>) => boolean,
): Record<string, number[]> {
  const current = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [...v]]));
  for (const [name, values] of Object.entries(current)) {
    const kind = slots.get(name)?.input.kind;
    if (kind !== 'real' && kind !== 'positive' && kind !== 'unit') continue;
    const allowed = (v: number) => (kind === 'real' ? true : kind === 'positive' ? v > 0 : v > 0 && v < 1);
    // All entries at one value first: a failure at a tie (x[i] == x[k]) survives only that move.
    for (const candidate of [0, 1, 0.5, -1]) {
      if (values.length < 2 || !allowed(candidate)) continue;
      const saved = [...values];
      values.fill(candidate);
      if (stillFails(current)) break;
      values.splice(0, values.length, ...saved);
    }
    const simple = [0, 1, -1, 0.5, -0.5, 2, -2];
    // Entry by entry only where a person reads every entry; a long vector keeps its values.
    if (values.length > SIMPLIFY_ENTRIES) continue;
    for (let e = 0; e < values.length; e++) {
      const v = values[e];
      const rank = simple.indexOf(v);
      // Only simpler values than the one there: the list's order is what "simpler" means.
      const candidates = rank >= 0 ? simple.slice(0, rank)
        : [...simple, Math.round(v), Math.round(v * 10) / 10, Math.round(v * 100) / 100];
      for (const candidate of candidates) {
        if (candidate === v || !allowed(candidate)) continue;
        values[e] = candidate;
        if (stillFails(current)) break;
        values[e] = v;
      }
    }
  }
  return current;
}

/** A deterministic 32-bit hash of the input values: the directions depend on the input, so shrinking replays. */
function hashValues(values: Float64Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < values.length; i++) {
    h = Math.imul(h ^ ((values[i] * 1e9) | 0), 0x01000193);
    h = Math.imul(h ^ (values[i] | 0), 0x01000193);
  }
  return h >>> 0;
}

/** Every combination of values of the free indices at a size assignment. */
export function indexAssignments(free: readonly FreeIndex[], sizes: ReadonlyMap<string, number>): number[][] {
  let out: number[][] = [[]];
  for (const f of free) {
    const n = dimSize(f.dim, sizes);
    const next: number[][] = [];
    for (const prefix of out) for (let v = 1; v <= n; v++) next.push([...prefix, v]);
    out = next;
  }
  return out;
}
