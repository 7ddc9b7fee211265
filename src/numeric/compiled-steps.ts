import type { Input, Term } from '../model/index.ts';
import { IndexSlots, newState, type Compiled, type EvaluationState } from './compile.ts';
import { compileDerivedInputs, type DerivedInputs } from './derived-inputs.ts';
import { compileDivergence, type DivergenceCheck } from './divergence.ts';
import type { DirectionalCheck } from './directional.ts';
import { compileTerm } from './generate.ts';
import { layoutInputs, type Layout } from './layout.ts';

/**
 * A step's two sides compiled at one size, with the evaluation state they read.
 *
 * Built once per (step, size) and kept for the next check of the same step at
 * the same size (a notebook cell run again, a benchmark, the first size checked
 * alone and then with the others): compiling is most of a small check's cost,
 * and the tiered compilation (generate.ts) keeps counting the work done across
 * checks, so a step checked often runs as generated code.
 *
 * The state is kept with the code on purpose: the closures' and the generated
 * code's caches are stamped with the state's epoch, which only grows within one
 * state. Code shared between two states could take one's stamp for the other's.
 */
export interface CompiledAtSize {
  readonly layout: Layout;
  readonly slots: IndexSlots;
  readonly lhs: Compiled;
  readonly rhs: Compiled;
  readonly state: EvaluationState;
  readonly derived: DerivedInputs | undefined;
  readonly lhsDiverges: DivergenceCheck | undefined;
  readonly rhsDiverges: DivergenceCheck | undefined;
  /** The gradient step's directional check at this size (directional.ts), made on first need. */
  directional?: DirectionalCheck;
  /** Whether a check is using it: a check inside a check of the same step compiles its own. */
  busy: boolean;
}

/** What a compiled step is keyed by: its sides and inputs (by identity) and its sizes. */
export interface StepToCompile {
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
}

/**
 * At most this many compiled steps are kept in all, the most recently used: a file of 150 claims through a chain of
 * lets kept each claim's derived inputs compiled while the file was checked, and exhausted the heap. A check of the
 * same step again comes soon after the last (a notebook cell run again, the first size then all of them).
 */
const MAX_KEPT = 8;

/** The kept steps, least recently used first, each with the map it is found in and its key there. */
const recent = new Map<CompiledAtSize, { readonly bySize: Map<string, CompiledAtSize>; readonly key: string }>();

function keep(c: CompiledAtSize, bySize: Map<string, CompiledAtSize>, key: string): void {
  recent.delete(c);
  recent.set(c, { bySize, key });
  while (recent.size > MAX_KEPT) {
    const [oldest, where] = recent.entries().next().value!;
    recent.delete(oldest);
    if (where.bySize.get(where.key) === oldest) where.bySize.delete(where.key);
  }
}

/** Index slots a kept state must still have free to be used again (newState gives it 16 past its slots). */
const SLOT_ROOM = 8;

const compiled = new WeakMap<Term, WeakMap<Term, WeakMap<readonly Input[], Map<string, CompiledAtSize>>>>();

/** The steps (by the step's side, the line checked) checked once already. */
const checkedOnce = new WeakSet<Term>();

function sizeKey(sizes: ReadonlyMap<string, number>): string {
  return [...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, n]) => `${name}=${n}`).join(',');
}

function compileAtSize(step: StepToCompile, sizes: ReadonlyMap<string, number>, divergence: { lhs: boolean; rhs: boolean }): CompiledAtSize {
  const layout = layoutInputs(step.inputs, sizes);
  const slots = new IndexSlots();
  const lhs = compileTerm(step.lhs, layout, slots);
  const rhs = compileTerm(step.rhs, layout, slots);
  return {
    layout, slots, lhs, rhs, state: newState(layout, slots),
    derived: compileDerivedInputs(layout, slots),
    lhsDiverges: divergence.lhs ? compileDivergence(step.lhs, layout, slots) : undefined,
    rhsDiverges: divergence.rhs ? compileDivergence(step.rhs, layout, slots) : undefined,
    busy: true,
  };
}

/**
 * The step compiled at these sizes, marked busy until {@link releaseCompiled}:
 * the one kept from an earlier check where there is one and no check is using it,
 * its state made ready for a new evaluation; else compiled now (and kept).
 * `divergence` says which sides get a divergence reader (compileDivergence).
 */
export function acquireCompiled(step: StepToCompile, sizes: ReadonlyMap<string, number>, divergence: { lhs: boolean; rhs: boolean }): CompiledAtSize {
  // Kept from the second check of a step on: a step checked once (a model built, checked and dropped, as a file
  // is) left its compiled code alive to be collected old, and checking a text anew took 30 % longer.
  if (!checkedOnce.has(step.rhs)) {
    checkedOnce.add(step.rhs);
    return compileAtSize(step, sizes, divergence);
  }
  let byRhs = compiled.get(step.lhs);
  if (byRhs === undefined) compiled.set(step.lhs, (byRhs = new WeakMap()));
  let byInputs = byRhs.get(step.rhs);
  if (byInputs === undefined) byRhs.set(step.rhs, (byInputs = new WeakMap()));
  let bySize = byInputs.get(step.inputs);
  if (bySize === undefined) byInputs.set(step.inputs, (bySize = new Map()));
  const key = `${sizeKey(sizes)}|${divergence.lhs ? 1 : 0}${divergence.rhs ? 1 : 0}`;
  const kept = bySize.get(key);
  // The state's index slots have room for what compiles after it (precise sides, directional terms) within one
  // check; a kept state whose slots have grown near its room is compiled again rather than written past its end.
  if (kept !== undefined && !kept.busy && kept.slots.count + SLOT_ROOM <= kept.state.indices.length) {
    kept.busy = true;
    const s = kept.state;
    s.error = 0;
    s.kinkDistance = Infinity;
    s.differentiating = 0;
    s.needsPrecision = false;
    s.firstStepCap = Infinity;
    s.epoch++;
    keep(kept, bySize, key);
    return kept;
  }
  const fresh = compileAtSize(step, sizes, divergence);
  if (kept === undefined || !kept.busy) {
    if (kept !== undefined) recent.delete(kept);
    bySize.set(key, fresh);
    keep(fresh, bySize, key);
  }
  return fresh;
}

/** Hands a compiled step back for the next check. */
export function releaseCompiled(c: CompiledAtSize): void {
  c.busy = false;
}
