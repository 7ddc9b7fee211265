import { exactSimplex, type FreeIndex, type Input, type Term } from '../model/index.ts';
import { compileTerm, dimSize, IndexSlots, layoutInputs, newState, type Layout } from '../numeric/index.ts';
import { seededRandom } from '../symbolic/index.ts';

/**
 * A term's values at a few fixed random inputs and every value of the free
 * indices: a cheap filter, so that the exact prover only sees candidates that
 * already agree in double precision with the derivative. Never evidence on its own.
 */
export class Fingerprint {
  private readonly layout: Layout;
  private readonly points: Float64Array[];
  private readonly assignments: number[][];
  readonly values: readonly number[];

  constructor(inputs: readonly Input[], sizes: ReadonlyMap<string, number>, free: readonly FreeIndex[], reference: Term, seed = 1) {
    this.layout = layoutInputs(inputs, sizes);
    const random = seededRandom(seed);
    this.points = Array.from({ length: POINTS }, () => drawPoint(this.layout, random));
    this.assignments = assignmentsOf(free, sizes);
    this.values = this.evaluate(reference, free.map((f) => f.name));
  }

  /** The values of a term whose free indices are `names`, matched by position with the reference's. */
  evaluate(term: Term, names: readonly string[]): number[] {
    const slots = new IndexSlots();
    const compiled = compileTerm(term, this.layout, slots);
    const state = newState(this.layout, slots);
    const free = names.map((n) => slots.slot(n));
    const out: number[] = [];
    for (const point of this.points) {
      state.values.set(point);
      for (const assignment of this.assignments) {
        assignment.forEach((v, i) => { state.indices[free[i]] = v; });
        state.epoch++;
        out.push(compiled(state));
      }
    }
    return out;
  }

  /** Whether a term's values match the reference's wherever the reference has one. */
  matches(term: Term, names: readonly string[]): boolean {
    if (names.length !== this.assignments[0].length) return false;
    const values = this.evaluate(term, names);
    let compared = 0;
    for (let p = 0; p < values.length; p++) {
      const a = this.values[p];
      const b = values[p];
      if (!Number.isFinite(a)) continue;
      if (!Number.isFinite(b) || Math.abs(a - b) > TOLERANCE * (1 + Math.abs(a) + Math.abs(b))) return false;
      compared++;
    }
    return compared > 0;
  }
}

/** Two points tell apart forms that agree by accident at one. */
const POINTS = 2;
/** Far above round-off at these small sizes, far below any real difference. */
const TOLERANCE = 1e-9;

/** Entries (values of the free indices) a fingerprint compares, at most: a 1000×1000 Jacobian is not derived. */
const MAX_FINGERPRINT_ENTRIES = 4_096;

function assignmentsOf(free: readonly FreeIndex[], sizes: ReadonlyMap<string, number>): number[][] {
  const count = free.reduce((n, f) => n * dimSize(f.dim, sizes), 1);
  // The caller (derive) gives up on a target it cannot fingerprint: no right step is shown.
  if (count > MAX_FINGERPRINT_ENTRIES) throw new RangeError(`${count} entries: more than a fingerprint compares (${MAX_FINGERPRINT_ENTRIES})`);
  let out: number[][] = [[]];
  for (const f of free) {
    const n = dimSize(f.dim, sizes);
    out = out.flatMap((prefix) => Array.from({ length: n }, (_, v) => [...prefix, v + 1]));
  }
  return out;
}

/** Values of every input at one point, respecting the types (positive, simplex, one-hot, labels). */
function drawPoint(layout: Layout, random: () => number): Float64Array {
  const values = new Float64Array(layout.length);
  for (const slot of layout.slots.values()) {
    const count = slot.shape.reduce((a, b) => a * b, 1);
    const { input } = slot;
    const at = (i: number, v: number) => { values[slot.offset + i] = v; };
    switch (input.kind) {
      case 'real': for (let i = 0; i < count; i++) at(i, -1.5 + 3 * random()); break;
      case 'positive': for (let i = 0; i < count; i++) at(i, 0.2 + 1.8 * random()); break;
      case 'unit': for (let i = 0; i < count; i++) at(i, 0.1 + 0.8 * random()); break;
      case 'simplex': {
        exactSimplex(Array.from({ length: count }, () => 0.1 + random())).forEach((v, i) => at(i, v));
        break;
      }
      case 'onehot': {
        const hot = Math.floor(random() * count);
        for (let i = 0; i < count; i++) at(i, i === hot ? 1 : 0);
        break;
      }
      case 'label': {
        const classes = input.classes ? dimSize(input.classes, layout.sizes) : 1;
        for (let i = 0; i < count; i++) at(i, 1 + Math.floor(random() * classes));
        break;
      }
      default: for (let i = 0; i < count; i++) at(i, random());
    }
  }
  return values;
}

