/**
 * A side that shares its subterms (a derivative does: the product rule reuses
 * every factor it does not differentiate) is compiled for high precision once
 * per distinct node, and its index names read once per node. Compiled as a tree,
 * a fifth derivative through four abstract functions took 65 s and 3.7 GB, and
 * the sixth ran out of a 4 GB heap.
 */
import { describe, expect, it } from 'vitest';
import type { Index, Input, Term } from '../../src/model/index.ts';
import { freeIndexNames } from '../../src/numeric/compile.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator } from '../../src/numeric/index.ts';

const INPUTS: readonly Input[] = [
  { name: 't', kind: 'real', dims: [], typeText: 'real' },
  { name: 'x', kind: 'real', dims: [{ k: 'sym', name: 'n' }], typeText: 'vector[n]' },
];
const t: Term = { k: 'input', ref: { name: 't', indices: [] } };
const v = (name: string): Index => ({ k: 'var', name, offset: 0 });

/** sin(u) + sin(u), with the one sin(u) object in both places: `depth` levels of it are 2^depth nodes as a tree. */
function doubled(depth: number, leaf: Term): Term {
  let u = leaf;
  for (let level = 0; level < depth; level++) {
    const s: Term = { k: 'fn', name: 'sin', args: [u] };
    u = { k: 'add', terms: [s, s] };
  }
  return u;
}

describe('a side that shares its subterms', () => {
  it('is compiled and evaluated in 60 digits once per distinct node (2^60 nodes as a tree)', () => {
    const term = doubled(60, t);
    const layout = layoutInputs(INPUTS, new Map([['n', 3]]));
    const slots = new IndexSlots();
    const side = compilePreciseSide(term, layout, slots, preciseEvaluator());
    const state = newState(layout, slots);
    state.values[layout.slots.get('t')!.offset] = 0.5;
    state.epoch++;
    const outcome = evaluatePrecise(side, state);
    let expected = 0.5;
    for (let level = 0; level < 60; level++) expected = 2 * Math.sin(expected);
    expect(outcome).not.toBe('unsettled');
    expect(outcome).toBeDefined();
    if (outcome === undefined || outcome === 'unsettled') return;
    expect(outcome.value.toNumber()).toBeCloseTo(expected, 12);
  });

  it('has its free index names read once per distinct node, sums binding theirs', () => {
    const entry: Term = { k: 'input', ref: { name: 'x', indices: [v('i')] } };
    const term = doubled(60, { k: 'mul', factors: [entry, { k: 'sum', index: 'j', dim: { k: 'sym', name: 'n' }, body: { k: 'input', ref: { name: 'x', indices: [v('j')] } } }] });
    expect(freeIndexNames(term)).toEqual(['i']);
  });
});
