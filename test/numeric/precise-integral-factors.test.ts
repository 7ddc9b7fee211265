/**
 * A 60-digit integral reads a factor that does not depend on its variable once, not
 * at every node (an expectation's normalizer): the same value, and where that factor
 * is exactly 0 the integral whole, so 0 times a divergent integrand is still 0.
 */
import { describe, expect, it } from 'vitest';
import type { Input, Term } from '../../src/model/index.ts';
import { compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState, preciseEvaluator } from '../../src/numeric/index.ts';

const INPUTS: readonly Input[] = [
  { name: 't', kind: 'real', dims: [], typeText: 'real' },
  { name: 'a', kind: 'real', dims: [], typeText: 'real' },
];
const input = (name: string): Term => ({ k: 'input', ref: { name, indices: [] } });
const num = (n: number): Term => ({ k: 'num', value: { num: BigInt(n), den: 1n } });

function at(term: Term, a: number) {
  const layout = layoutInputs(INPUTS, new Map());
  const slots = new IndexSlots();
  const side = compilePreciseSide(term, layout, slots, preciseEvaluator());
  const state = newState(layout, slots);
  state.values[layout.slots.get('a')!.offset] = a;
  state.epoch++;
  return evaluatePrecise(side, state);
}

describe('a 60-digit integral with a factor free of its variable', () => {
  // integral(t, 0, Infinity, gamma(a + 2) * a * exp(-t)) = gamma(a + 2) * a
  const decaying: Term = { k: 'integral', v: 't', lower: num(0), body: { k: 'mul', factors: [{ k: 'fn', name: 'gamma', args: [{ k: 'add', terms: [input('a'), num(2)] }] }, input('a'), { k: 'fn', name: 'exp', args: [{ k: 'mul', factors: [num(-1), input('t')] }] }] } };
  // integral(t, 0, Infinity, a * exp(t)): diverges, except at a = 0, where the integrand is 0
  const growing: Term = { k: 'integral', v: 't', lower: num(0), body: { k: 'mul', factors: [input('a'), { k: 'fn', name: 'exp', args: [input('t')] }] } };

  it('is the factor times the rest', () => {
    const outcome = at(decaying, 1.5);
    expect(outcome !== undefined && outcome !== 'unsettled' && outcome.value.minus(1.5 * 2.5 * 1.5 * 0.5 * Math.sqrt(Math.PI)).abs().lt(1e-12)).toBe(true);
  });

  it('reads the integral whole where the factor is exactly 0: 0 times a divergent integrand is 0, not 0 times no value', () => {
    const zero = at(growing, 0);
    expect(zero !== undefined && zero !== 'unsettled' && zero.value.isZero()).toBe(true);
    // Elsewhere it diverges: no value, or none 60 digits can settle.
    expect([undefined, 'unsettled']).toContain(at(growing, 1));
  });
});
