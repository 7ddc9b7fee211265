import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { Budget, decideStep, proveForEveryN } from '../../src/symbolic/index.ts';
import { deriv, onlyStep } from '../__test-helpers__/derivations.ts';

const LOGISTIC = `given w: vector[D]
given X: matrix[N, D]
given y: binary[N]
let p = sigmoid(X * w)
let nll = -sum(i, y[i] * log(p[i]) + (1 - y[i]) * log(1 - p[i]))
`;

describe('sums that agree only once added up are proved for every n', () => {
  it("the logistic loss's Hessian X' diag(p (1 - p)) X", () => {
    const step = onlyStep(deriv(`${LOGISTIC}claim hessian(nll, w) = X' * diag(p .* (1 - p)) * X\n`));
    expect(step.verdict).toBe('proved');
    expect(step.proof).toBe('every-n');
    expect(step.method).toContain('index calculus');
  });

  it('its slips are still refuted: p in place of p (1 - p), a lost sign', () => {
    for (const wrong of ["X' * diag(p) * X", "-X' * diag(p .* (1 - p)) * X"]) {
      const step = onlyStep(deriv(`${LOGISTIC}claim hessian(nll, w) = ${wrong}  expect wrong\n`));
      expect(step.verdict, wrong).toBe('refuted');
    }
  });

  // Bodies over 1 + e^x[i] and its square, and other ways to write each: f1 + f2 = 1, f3 + f4 = f1.
  const BODIES: readonly (readonly [string, string])[] = [
    ['1 / (1 + exp(x[i]))', '1 - exp(x[i]) / (1 + exp(x[i]))'],
    ['exp(x[i]) / (1 + exp(x[i]))', '1 - 1 / (1 + exp(x[i]))'],
    ['exp(x[i]) / (1 + exp(x[i]))^2', '1 / (1 + exp(x[i])) - 1 / (1 + exp(x[i]))^2'],
    ['1 / (1 + exp(x[i]))^2', '1 / (1 + exp(x[i])) - exp(x[i]) / (1 + exp(x[i]))^2'],
    ['x[i] * exp(x[i]) / (1 + exp(x[i]))', 'x[i] - x[i] / (1 + exp(x[i]))'],
    ['x[i]^2', 'x[i] * x[i]'],
  ];

  it('for random sums of such sums: proved for every n only where every size agrees, and true ones are proved', () => {
    let proofs = 0;
    let wrongProofs = 0;
    const term = fc.tuple(fc.integer({ min: 0, max: BODIES.length - 1 }), fc.integer({ min: -3, max: 3 }));
    fc.assert(fc.property(fc.array(term, { minLength: 2, maxLength: 4 }), fc.boolean(), (terms, mutate) => {
      // lhs: one sum per term; rhs: one sum of the other ways to write them, a coefficient changed when mutated.
      const lhs = terms.map(([b, c]) => `${c} * sum(i, ${BODIES[b][0]})`).join(' + ');
      const rhsTerms = terms.map(([b, c], t) => `${mutate && t === 0 ? c + 1 : c} * (${BODIES[b][1]})`);
      const model = buildModel(parseDerivation(deriv(`given x: vector[n]\nclaim ${lhs} = sum(i, ${rhsTerms.join(' + ')})\n`), 't.deriv'));
      const claim = model.claims[0];
      const outcome = proveForEveryN(claim.head!, claim.steps[0].term!, model.inputs, claim.freeIndices, new Budget({ maxTerms: 200_000 }));
      if (outcome.kind !== 'proved') {
        // A true step of this shape is within the calculus's reach.
        expect(mutate, `${lhs} = sum(i, ${rhsTerms.join(' + ')})`).toBe(true);
        return;
      }
      proofs++;
      if (mutate) wrongProofs++;
      const sizes = [1, 2, 3].map((n) => new Map([['n', n]]));
      const exact = decideStep({ lhs: claim.head!, rhs: claim.steps[0].term!, inputs: model.inputs, freeIndices: claim.freeIndices }, sizes);
      expect(exact.kind, `${lhs} = sum(i, ${rhsTerms.join(' + ')})`).toBe('equal');
    }), { numRuns: 150, seed: 11 });
    expect(proofs).toBeGreaterThan(50);
    // A changed coefficient survives only where it multiplies nothing (the term's sum is 0 in all): never here.
    expect(wrongProofs).toBe(0);
  });
});
