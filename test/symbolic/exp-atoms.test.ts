import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { decideStep, DEFAULT_SYMBOLIC_BUDGET } from '../../src/symbolic/index.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

describe('exp of a long sum', () => {
  it('is one atom: an attention softmax over (X Wq)(X Wk)\' at size 5 stays within its budget instead of exhausting the memory', () => {
    // Each score is a sum of 125 products; split into an atom per product, a softmax of them took 4 GB and crashed.
    const model = buildModel(parseDerivation(`derivation "attention"
given X: matrix[T, D]
given Wq, Wk: matrix[D, E]
given Wv: matrix[D, F]
let Vv = X * Wv
let P = softmax((X * Wq) * (X * Wk)')
let O = P * Vv
claim sum(i, sum(j, O[i, j])) = sum(i, sum(l, P[i, l] * sum(j, Vv[l, j])))
`));
    const claim = model.claims[0];
    const outcome = decideStep({ lhs: claim.head!, rhs: claim.steps[0].term!, inputs: model.inputs, freeIndices: claim.freeIndices },
      [new Map([['T', 5], ['D', 5], ['E', 5], ['F', 5]])], DEFAULT_SYMBOLIC_BUDGET, 1);
    expect(outcome.kind).not.toBe('different');
  }, 30_000);

  it('still splits where a proof needs it: exp(a + b) = exp(a) * exp(b), and a softmax shift', () => {
    const steps = claimsOf(deriv('given x: vector[n]\ngiven a, b, c: real\nclaim exp(a + b) = exp(a) * exp(b)\nclaim exp(x[i] - c) / sum(j, exp(x[j] - c)) = exp(x[i]) / sum(j, exp(x[j]))\n'));
    expect(steps.map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved']);
  });
});

describe('a root of a base that holds roots raised to their order', () => {
  it('reads the base as one form first: sqrt(1 + sqrt(2)^2) is sqrt(3)', () => {
    const steps = claimsOf(deriv('given x: real\nclaim sqrt(1 + sqrt(2)^2) = sqrt(3)\nclaim (2 + sqrt(3)^2)^(1/3) = 5^(1/3)\nclaim sqrt(1 + sqrt(2)^2) = sqrt(2)   expect wrong\n')).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  });
});

describe('a root of a large constant that is a perfect power (probe 69)', () => {
  it('comes out of the root: sqrt((10^12 + 39)^2) is 10^12 + 39, and (3^40 + 2)^3 has a cube root', () => {
    const steps = claimsOf(deriv(`given x: real
claim sqrt(1000000000039^2) = 1000000000039
claim (12157665459056928803^3)^(1/3) = 12157665459056928803
claim log(1000000000039^4) = 4 * log(1000000000039)
claim sqrt(1000000000039^2) = 1000000000040   expect wrong
`)).flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });
});
