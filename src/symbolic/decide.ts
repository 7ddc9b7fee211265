import { mapChildren, type FreeIndex, type Index, type Input, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer, DomainError } from './canonical.ts';
import { Budget, BudgetExceededError, Rational, RationalFunction, seededRandom } from './exact/index.ts';
import { ExpansionCache, expandAt, IndexOutOfRange, type Instance } from './expand.ts';
import { eliminateDeltas } from './eliminate-deltas.ts';
import { explainDifference } from './explain.ts';
import { coordinates, representatives, symmetricDimensions } from './instance-symmetry.ts';
import { clearlyDifferent, evaluateHighPrecision } from './high-precision.ts';

/** Limits of the exact engine for one step, over all its instances. */
export interface SymbolicBudget {
  /** Most polynomial terms all operations of the step may create. Default 2,000,000. */
  readonly maxTerms: number;
  /** Wall-clock limit for the step in ms. Default 5,000. */
  readonly timeMs: number;
  /** Most instances (sizes x index values x cases) to decide. Default 20,000. */
  readonly maxInstances: number;
}

export const DEFAULT_SYMBOLIC_BUDGET: SymbolicBudget = { maxTerms: 2_000_000, timeMs: 5_000, maxInstances: 20_000 };

/** An instance as plain records, for reports. */
export interface InstanceRecord {
  readonly sizes: Readonly<Record<string, number>>;
  readonly indices: Readonly<Record<string, number>>;
  /** Case of each label (its class) and each one-hot input (the position of its 1). */
  readonly cases: Readonly<Record<string, number>>;
}

export type SymbolicOutcome =
  /** Both sides have the same canonical form at every instance tried. */
  | { readonly kind: 'equal'; readonly instances: number }
  /**
   * The canonical forms differ at an instance. `confirmed` holds a point where
   * 60-digit arithmetic shows the two sides differ; without it the difference
   * may stem from a relation between atoms the engine does not know.
   */
  | {
      readonly kind: 'different';
      readonly instance: InstanceRecord;
      readonly explanation: string;
      readonly confirmed: { readonly point: Readonly<Record<string, number | number[]>>; readonly lhs: string; readonly rhs: string; readonly difference: string } | undefined;
    }
  | { readonly kind: 'undecided'; readonly reason: string };

export interface SymbolicStep {
  /** Both sides without `diff` (already differentiated symbolically). */
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
  readonly freeIndices: readonly FreeIndex[];
}

/**
 * Decides a step exactly at each concrete instance: both sides are expanded,
 * brought to canonical rational functions over shared atoms, and subtracted.
 * A zero numerator means equal; anything else is a real difference as long as
 * the atoms are independent, which a 60-digit evaluation then confirms.
 */
export function decideStep(
  step: SymbolicStep,
  sizes: readonly ReadonlyMap<string, number>[],
  budget: SymbolicBudget = DEFAULT_SYMBOLIC_BUDGET,
  seed = 1,
): SymbolicOutcome {
  const inputMap = new Map(step.inputs.map((i) => [i.name, i]));
  const deadlineMs = Date.now() + budget.timeMs;
  const simplified = { lhs: eliminateDeltas(step.lhs), rhs: eliminateDeltas(step.rhs) };
  let instances = 0;
  // A label per row multiplies the cases by C^N: count first, and leave a step over too many to the numeric check.
  const planned = countInstances(step, sizes, budget.maxInstances);
  if (planned > budget.maxInstances) {
    return { kind: 'undecided', reason: `more than ${budget.maxInstances} instances to decide (sizes x index values x label cases, up to symmetry), the budget` };
  }
  let exact = new Budget({ maxTerms: budget.maxTerms, deadlineMs });
  // Atoms, closed-sum expansions and their canonical forms are shared by the instances of one size.
  let shared: { size: ReadonlyMap<string, number>; atoms: AtomTable; canonical: Canonicalizer; cache: ExpansionCache } | undefined;
  try {
    for (const instance of enumerateInstances(step, sizes)) {
      // The term budget is per instance (a 576-entry Jacobian is 576 small problems); the time budget is per step.
      exact = new Budget({ maxTerms: budget.maxTerms, deadlineMs });
      if (shared === undefined || shared.size !== instance.sizes) {
        const atoms = new AtomTable();
        shared = { size: instance.sizes, atoms, canonical: new Canonicalizer(atoms, inputMap, exact), cache: new ExpansionCache() };
      }
      shared.canonical.budget = exact;
      if (++instances > budget.maxInstances) {
        return { kind: 'undecided', reason: `more than ${budget.maxInstances} instances to decide` };
      }
      let lhs: Term;
      let rhs: Term;
      try {
        lhs = expandAt(simplified.lhs, instance, inputMap, shared.cache);
        rhs = expandAt(simplified.rhs, instance, inputMap, shared.cache);
      } catch (error) {
        if (error instanceof IndexOutOfRange) continue;
        throw error;
      }
      const { atoms, canonical } = shared;
      const left = canonical.of(lhs);
      const right = canonical.of(rhs);
      const difference = left.sub(right, exact);
      const numerator = difference.numerator(exact).reduceIdempotent(atoms.stepAtoms);
      if (numerator.isZero()) continue;
      const record = toRecord(instance);
      return {
        kind: 'different', instance: record,
        explanation: explainDifference(left, right, difference, atoms, exact),
        confirmed: confirm(lhs, rhs, instance, step.inputs, seed),
      };
    }
  } catch (error) {
    if (error instanceof BudgetExceededError) {
      return { kind: 'undecided', reason: error.kind === 'time' ? `exact algebra ran past its ${budget.timeMs} ms budget` : `exact algebra passed its budget of ${budget.maxTerms} terms` };
    }
    if (error instanceof DomainError) return { kind: 'undecided', reason: `a side has no value on part of the domain (${error.message})` };
    throw error;
  }
  return { kind: 'equal', instances };
}

/**
 * Every instance up to symmetry: sizes, then free index values, then the cases of
 * labels and one-hot inputs, leaving out those that are a permutation of another
 * over a dimension the step treats alike (instance-symmetry.ts says when that is
 * sound); with a literal index or an ordering of indices, nothing is left out.
 */
export function* enumerateInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[]): Generator<Instance> {
  const discrete = discreteInputs(step);
  const symmetric = symmetricDimensions(step) ?? new Set<string>();
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    const coords = coordinates(step.freeIndices, discrete, sizeOf);
    for (const values of representatives(coords, symmetric)) {
      const indices = new Map<string, number>();
      const labels = new Map<string, number>();
      const hot = new Map<string, number>();
      coords.forEach((c, i) => (c.kind === 'index' ? indices : c.kind === 'label' ? labels : hot).set(c.name, values[i]));
      yield { sizes: size, indices, labels, hot };
    }
  }
}

/** The one-hot and label inputs a step mentions: only those are split into cases. */
function discreteInputs(step: SymbolicStep): Input[] {
  const used = new Set<string>();
  const seeIndex = (i: Index): void => {
    if (i.k === 'label') { used.add(i.name); i.indices.forEach(seeIndex); }
  };
  const walk = (t: Term): Term => {
    if (t.k === 'input') { used.add(t.ref.name); t.ref.indices.forEach(seeIndex); }
    else if (t.k === 'icmp') { seeIndex(t.a); seeIndex(t.b); }
    else if (t.k === 'diff') { used.add(t.v.name); t.v.indices.forEach(seeIndex); walk(t.f); }
    else mapChildren(t, walk);
    return t;
  };
  walk(step.lhs);
  walk(step.rhs);
  return step.inputs.filter((i) => (i.kind === 'onehot' || i.kind === 'label') && used.has(i.name));
}

/**
 * How many instances {@link enumerateInstances} yields, counted up to `limit`: a
 * label per row multiplies the cases by C^N, so this is checked first and a step
 * over the budget is left to the numeric check. Above `limit`, some number above it.
 */
export function countInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[], limit = Number.MAX_SAFE_INTEGER): number {
  const discrete = discreteInputs(step);
  const symmetric = symmetricDimensions(step) ?? new Set<string>();
  let total = 0;
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    const coords = coordinates(step.freeIndices, discrete, sizeOf);
    // Nothing to leave out: the product, without enumerating (it may be C^N, far too many to walk).
    if (symmetric.size === 0) total += coords.reduce((n, c) => n * c.n, 1);
    else for (const _ of representatives(coords, symmetric)) if (++total > limit) return total;
    if (total > limit) return total;
  }
  return total;
}

function toRecord(instance: Instance): InstanceRecord {
  return {
    sizes: Object.fromEntries(instance.sizes),
    indices: Object.fromEntries(instance.indices),
    cases: { ...Object.fromEntries(instance.labels), ...Object.fromEntries(instance.hot) },
  };
}

/**
 * Finds a point where 60-digit arithmetic shows the sides differ. Points are
 * drawn from the same ranges as the random inputs, from a fixed seed.
 */
function confirm(lhs: Term, rhs: Term, instance: Instance, inputs: readonly Input[], seed: number):
  { point: Record<string, number | number[]>; lhs: string; rhs: string; difference: string } | undefined {
  const random = seededRandom(seed ^ 0x9e3779b9);
  for (let attempt = 0; attempt < 24; attempt++) {
    const point = new Map<string, number>();
    // The first attempts put every entry of each input at one value: ties, where value tests like
    // (x[i] == x[k]) behave differently from delta(i, k), and where random draws almost never land.
    const tie = attempt < 4 ? 0.5 + attempt / 4 : undefined;
    for (const input of inputs) {
      const shape = input.dims.map((d) => (d.k === 'fixed' ? d.size : instance.sizes.get(d.name)!));
      const count = shape.reduce((a, b) => a * b, 1);
      const range = input.kind === 'positive' ? [0.1, 5] : input.kind === 'unit' ? [0.01, 0.99] : input.kind === 'simplex' ? [0.05, 1] : [-4, 4];
      let values = Array.from({ length: count }, () => tie ?? range[0] + (range[1] - range[0]) * random());
      if (input.kind === 'simplex') {
        const total = values.reduce((a, b) => a + b, 0);
        values = values.map((v) => v / total);
      }
      values.forEach((v, flat) => {
        let rest = flat;
        const at: number[] = [];
        for (let p = shape.length - 1; p >= 0; p--) { at.unshift((rest % shape[p]) + 1); rest = Math.floor(rest / shape[p]); }
        point.set(at.length === 0 ? input.name : `${input.name}[${at.join(', ')}]`, v);
      });
    }
    try {
      const l = evaluateHighPrecision(lhs, point);
      const r = evaluateHighPrecision(rhs, point);
      if (clearlyDifferent(l, r)) {
        return {
          point: byInput(point, inputs, instance), lhs: l.toSignificantDigits(20).toString(), rhs: r.toSignificantDigits(20).toString(),
          difference: l.minus(r).toSignificantDigits(6).toString(),
        };
      }
    } catch {
      // A point outside the domain of a side: try another.
    }
  }
  return undefined;
}

/** The point as the random inputs report theirs: one array of entries per input (a number for a scalar). */
function byInput(point: ReadonlyMap<string, number>, inputs: readonly Input[], instance: Instance): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const input of inputs) {
    if (input.kind === 'onehot' || input.kind === 'label') {
      const at = (input.kind === 'label' ? instance.labels : instance.hot).get(input.name);
      if (at === undefined) continue;
      const n = input.kind === 'label' ? at : (input.dims[0].k === 'fixed' ? input.dims[0].size : instance.sizes.get(input.dims[0].name)!);
      out[input.name] = input.kind === 'label' ? at : Array.from({ length: n }, (_, i) => (i + 1 === at ? 1 : 0));
      continue;
    }
    if (input.dims.length === 0) {
      const v = point.get(input.name);
      if (v !== undefined) out[input.name] = v;
      continue;
    }
    const values = [...point].filter(([k]) => k.startsWith(`${input.name}[`)).map(([, v]) => v);
    if (values.length > 0) out[input.name] = values;
  }
  return out;
}
