import { Decimal } from 'decimal.js';
import { mapChildren, type FreeIndex, type Index, type Input, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer, DomainError } from './canonical.ts';
import { Budget, BudgetExceededError, Rational, RationalFunction, seededRandom } from './exact/index.ts';
import { ExpansionCache, expandAt, IndexOutOfRange, type Instance } from './expand.ts';
import { eliminateDeltas } from './eliminate-deltas.ts';
import { explainDifference } from './explain.ts';
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
  const planned = countInstances(step, sizes);
  if (planned > budget.maxInstances) {
    return { kind: 'undecided', reason: `${planned} instances to decide (sizes x index values x label cases), more than the budget of ${budget.maxInstances}` };
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
        confirmed: confirm(lhs, rhs, instance, step.inputs, seed) ?? constantsDiffer(left, right, exact),
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

/** Every instance: sizes, then free index values, then the cases of labels and one-hot inputs. */
export function* enumerateInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[]): Generator<Instance> {
  const discrete = discreteInputs(step);
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    const ranges: Array<{ name: string; n: number; kind: 'index' | 'label' | 'hot' }> = [
      ...step.freeIndices.map((f) => ({ name: f.name, n: sizeOf(f.dim), kind: 'index' as const })),
      ...discrete.flatMap((i) => labelEntries(i, sizeOf).map((name) => ({
        name, n: sizeOf(i.kind === 'label' ? i.classes! : i.dims[0]), kind: i.kind === 'label' ? 'label' as const : 'hot' as const,
      }))),
    ];
    const values = ranges.map(() => 1);
    for (;;) {
      const indices = new Map<string, number>();
      const labels = new Map<string, number>();
      const hot = new Map<string, number>();
      ranges.forEach((r, i) => (r.kind === 'index' ? indices : r.kind === 'label' ? labels : hot).set(r.name, values[i]));
      yield { sizes: size, indices, labels, hot };
      let p = ranges.length - 1;
      while (p >= 0 && values[p] === ranges[p].n) values[p--] = 1;
      if (p < 0) break;
      values[p]++;
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

/** The case names of a discrete input: `y` for a label or a one-hot vector, `y[1]`, ..., `y[N]` for a label per row. */
function labelEntries(input: Input, sizeOf: (d: Input['dims'][number]) => number): string[] {
  if (input.kind !== 'label' || input.dims.length === 0) return [input.name];
  const n = sizeOf(input.dims[0]);
  return Array.from({ length: n }, (_, r) => `${input.name}[${r + 1}]`);
}

/**
 * How many instances {@link enumerateInstances} yields, without enumerating:
 * a label per row multiplies the cases by C^N, so this is checked first and a
 * step over too many cases is left to the numeric check.
 */
export function countInstances(step: SymbolicStep, sizes: readonly ReadonlyMap<string, number>[]): number {
  let total = 0;
  for (const size of sizes) {
    const sizeOf = (d: Input['dims'][number]) => (d.k === 'fixed' ? d.size : size.get(d.name)!);
    let count = 1;
    for (const f of step.freeIndices) count *= sizeOf(f.dim);
    for (const i of discreteInputs(step)) {
      const n = sizeOf(i.kind === 'label' ? i.classes! : i.dims[0]);
      count *= n ** labelEntries(i, sizeOf).length;
    }
    total += count;
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
/**
 * Two different exact constants differ, whatever their size: `1e-400` and 0
 * are below what 60 digits tell from zero at a scale of 1e-300, but their
 * canonical forms are exact rationals with no atom, so the difference is proved.
 */
function constantsDiffer(left: RationalFunction, right: RationalFunction, budget: Budget):
  { point: Record<string, number | number[]>; lhs: string; rhs: string; difference: string } | undefined {
  const value = (f: RationalFunction): Rational | undefined => {
    if (f.denominatorFactors().length > 0) return undefined;
    return f.numerator(budget).constantValue()?.div(f.denominatorConstant());
  };
  const l = value(left);
  const r = value(right);
  if (l === undefined || r === undefined || l.equals(r)) return undefined;
  const show = (q: Rational) => new Big(q.num.toString()).div(q.den.toString()).toSignificantDigits(20).toString();
  return { point: {}, lhs: show(l), rhs: show(r), difference: show(l.sub(r)) };
}

const Big = Decimal.clone({ precision: 60 });

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
