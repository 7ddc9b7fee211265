/**
 * Gradient steps with many entries are checked along random directions first:
 * a true gradient agrees, a wrong entry is still found and named.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { checkStepNumerically } from '../../src/numeric/index.ts';
import { directionalCheck, gradientStep } from '../../src/numeric/directional.ts';
import { compileTerm, IndexSlots, layoutInputs, newState } from '../../src/numeric/index.ts';

function step(claim: string) {
  const model = buildModel(parseDerivation(`derivation "ce"
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim ${claim}
`));
  const c = model.claims[0];
  return { lhs: c.head!, rhs: c.steps[0].term!, inputs: model.inputs, freeIndices: c.freeIndices };
}

describe('directional gradient check', () => {
  it('recognizes diff(F, x[k]) over a free k that F does not use, and nothing else', () => {
    expect(gradientStep(step('diff(L, x[k]) = s[k] - y[k]').lhs, step('diff(L, x[k]) = s[k] - y[k]').rhs, step('diff(L, x[k]) = s[k] - y[k]').freeIndices)?.variable).toBe('x');
    const usesK = step('diff(s[k], x[k]) = s[k] * (1 - s[k])');
    expect(gradientStep(usesK.lhs, usesK.rhs, usesK.freeIndices)).toBeUndefined();
  });

  it('at n = 200 a true gradient agrees along random directions', () => {
    const outcome = checkStepNumerically(step('diff(L, x[k]) = s[k] - y[k]'), { trials: 5, seed: 1, sizes: [new Map([['n', 200]])] });
    expect(outcome.kind).toBe('agree');
  });

  it('on a kink (a tie of max(x)) gives no derivative and says how close the kink is, without throwing', () => {
    const model = buildModel(parseDerivation('derivation "m"\ngiven x: vector[n]\nclaim diff(max(i, x[i]), x[k]) = (x[k] == max(i, x[i]))\n'));
    const c = model.claims[0];
    const gradient = gradientStep(c.head!, c.steps[0].term!, c.freeIndices)!;
    const layout = layoutInputs(model.inputs, new Map([['n', 3]]));
    const slots = new IndexSlots();
    const other = compileTerm(c.steps[0].term!, layout, slots);
    const state = newState(layout, slots);
    state.values.set([0, 0, 0]);
    const outcome = directionalCheck(gradient, other, layout, slots, state, 10).check(7);
    expect(outcome.kink).toBe(0);
    expect(outcome.defined).toBe(false);
  });

  it('at n = 200 one wrong entry is refuted, and the entry is named', () => {
    const outcome = checkStepNumerically(step('diff(L, x[k]) = s[k] - y[k] + 1e-4 * delta(k, 123)'), { trials: 5, seed: 1, sizes: [new Map([['n', 200]])] });
    expect(outcome.kind).toBe('counterexample');
    if (outcome.kind === 'counterexample') expect(outcome.example.indices).toEqual({ k: 123 });
  });
});
