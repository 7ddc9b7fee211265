/**
 * Series and integrals that diverge to an infinity, read from the order of their terms or
 * integrand at an end (numeric/divergence.ts). The reading must never call a convergent one
 * divergent: a property test holds it to the integral test's criteria over the family
 * c t^p log(t)^q exp(lam t), with a convergent part added, at every end it reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { fillValues } from '../../src/numeric/arbitraries.ts';
import { IndexSlots, newState } from '../../src/numeric/compile.ts';
import { compileDivergence } from '../../src/numeric/divergence.ts';
import { layoutInputs } from '../../src/numeric/layout.ts';
import { stepsIn } from '../__test-helpers__/derivations.ts';

/** How the side `text` diverges at the inputs given (scalars): 1, -1, or undefined. */
function divergence(text: string, inputs: Record<string, number> = {}): 1 | -1 | undefined {
  const givens = Object.keys(inputs).map((name) => `given ${name}: real\n`).join('');
  const model = buildModel(parseDerivation(`derivation "t"\n${givens}claim ${text} = 0\n`, 't.deriv'));
  const side = model.claims[0].head!;
  const layout = layoutInputs(model.inputs, new Map());
  const slots = new IndexSlots();
  const check = compileDivergence(side, layout, slots);
  if (check === undefined) return undefined;
  const state = newState(layout, slots);
  // The integral's own variable is an input too: any value, it is bound where read.
  const values = Object.fromEntries([...layout.slots.keys()].map((name) => [name, [inputs[name] ?? 0]]));
  fillValues(layout, values, state.values);
  state.epoch++;
  return check(state)?.sign;
}

describe('divergence read from the order of the terms', () => {
  it('tells the divergent series of the tables from the convergent ones', () => {
    const cases: [string, 1 | -1 | undefined][] = [
      ['sum(k, 1, Infinity, 1/k)', 1],
      ['sum(k, 1, Infinity, -3/k)', -1],
      ['sum(k, 1, Infinity, 1/sqrt(k))', 1],
      ['sum(k, 1, Infinity, k / (k + 1))', 1],
      ['sum(k, 2, Infinity, 1/(k * log(k)))', 1],
      ['sum(k, 0, Infinity, factorial(k) / 2^k)', 1],
      ['sum(k, 0, Infinity, 2^k / k^3)', 1],
      ['sum(k, 1, Infinity, (2 k + 1) / (k^2 + 1))', 1],
      ['sum(k, 1, Infinity, 1/k^2)', undefined],
      ['sum(k, 1, Infinity, 1/k^1.01)', undefined],
      ['sum(k, 2, Infinity, 1/(k * log(k)^2))', undefined],
      ['sum(k, 0, Infinity, 2^k / factorial(k))', undefined],
      ['sum(k, 0, Infinity, factorial(2 k) / (factorial(k)^2 * 5^k))', undefined],
      ['sum(k, 0, Infinity, factorial(2 k) / (factorial(k)^2 * 3^k))', 1],
      // Alternating or oscillating: no infinity to tell.
      ['sum(k, 1, Infinity, (-1)^k)', undefined],
      ['sum(k, 1, Infinity, (-1)^k * k)', undefined],
      ['sum(k, 1, Infinity, sin(k))', undefined],
      // Terms that cancel in their leading order are not read.
      ['sum(k, 1, Infinity, sqrt(k + 1) - sqrt(k))', undefined],
    ];
    for (const [text, expected] of cases) expect(divergence(text), text).toBe(expected);
  });

  it('reads an integral at its infinite ends and at an end of exactly 0', () => {
    const cases: [string, 1 | -1 | undefined][] = [
      ['integral(t, 1, Infinity, 1/t)', 1],
      ['integral(t, 1, Infinity, (t + 1)/(t^2 + 1))', 1],
      ['integral(t, 0, Infinity, t * exp(t))', 1],
      ['integral(t, -Infinity, 0, exp(-t))', 1],
      ['integral(t, -Infinity, Infinity, exp(t^2))', 1],
      ['integral(t, 0, 1, 1/t)', 1],
      ['integral(t, 0, 1, -1/t^(4/3))', -1],
      ['integral(t, 1, 0, 1/t)', -1],
      ['integral(t, -1, 0, 1/t)', -1],
      ['integral(t, 0, 1, log(t) / t)', -1],
      ['integral(t, 2, Infinity, 1/(t * log(t)))', 1],
      ['integral(t, 0, Infinity, 1/(1 + t^2))', undefined],
      ['integral(t, -Infinity, Infinity, exp(-t^2))', undefined],
      ['integral(t, 0, 1, log(t))', undefined],
      ['integral(t, 0, 1, 1/sqrt(t))', undefined],
      ['integral(t, 0, Infinity, t^3 * exp(-t))', undefined],
      ['integral(t, 2, Infinity, 1/(t * log(t)^2))', undefined],
      ['integral(t, 0, Infinity, sin(t))', undefined],
      ['integral(t, 0, Infinity, sin(t) / t)', undefined],
      ['integral(t, 1, Infinity, sqrt(t^2 + 1) - t)', undefined],
      ['integral(t, 1, 2, 1/(t - 1))', undefined],
      // Linear in the node: a factor of a certain sign, and finite terms beside it.
      ['2 - 3 * integral(t, 1, Infinity, 1/t)', -1],
      ['integral(t, 1, Infinity, 1/t) - integral(t, 1, Infinity, 1/t)', undefined],
    ];
    for (const [text, expected] of cases) expect(divergence(text), text).toBe(expected);
  });

  it('reads coefficients and exponents at the input', () => {
    expect(divergence('integral(t, 1, Infinity, x / t)', { x: 2 })).toBe(1);
    expect(divergence('integral(t, 1, Infinity, x / t)', { x: -2 })).toBe(-1);
    expect(divergence('integral(t, 1, Infinity, x / t)', { x: 0 })).toBeUndefined();
    expect(divergence('integral(t, 1, Infinity, t^(-a))', { a: 0.5 })).toBe(1);
    expect(divergence('integral(t, 1, Infinity, t^(-a))', { a: 1 })).toBe(1);
    expect(divergence('integral(t, 1, Infinity, t^(-a))', { a: 1.5 })).toBeUndefined();
    expect(divergence('integral(t, 0, Infinity, exp(a * t))', { a: 0.25 })).toBe(1);
    expect(divergence('integral(t, 0, Infinity, exp(a * t))', { a: -0.25 })).toBeUndefined();
    expect(divergence('sum(k, 0, Infinity, x^k)', { x: 2 })).toBe(1);
    expect(divergence('sum(k, 0, Infinity, x^k)', { x: 0.5 })).toBeUndefined();
    expect(divergence('sum(k, 0, Infinity, x^k)', { x: -2 })).toBeUndefined();
  });

  it('agrees with the integral test on c t^p log(t)^q exp(lam t) plus a convergent part, at every end', () => {
    fc.assert(fc.property(
      fc.integer({ min: -9, max: 9 }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -1, max: 1 }), fc.constantFrom(1, -2),
      fc.constantFrom('', ' + exp(-t) / (1 + t^2)', ' + 1 / (t^2 + 4)'),
      (p3, q, lam, c, extra) => {
        const p = p3 / 3;
        const body = `${c} * t^(${p3}/3) * log(t)^${q} * exp(${lam} * t)`;
        // Toward Infinity, from 2 (log t > 0 there).
        const atInfinity = divergence(`integral(t, 2, Infinity, ${body}${extra})`);
        const divergesAtInfinity = lam > 0 || (lam === 0 && (p > -1 || (p === -1 && q >= -1)));
        expect(atInfinity, body).toBe(divergesAtInfinity ? Math.sign(c) : undefined);
        // Toward 0 from above, to 1/2: |log t|^q has the sign (-1)^q there, and exp(lam t) tends to 1.
        const atZero = divergence(`integral(t, 0, 1/2, ${body})`);
        const divergesAtZero = p < -1 || (p === -1 && q >= -1);
        expect(atZero, body).toBe(divergesAtZero ? Math.sign(c) * (q % 2 === 0 ? 1 : -1) : undefined);
        // The series of the same terms from k = 2.
        const series = divergence(`sum(k, 2, Infinity, ${body.replaceAll('t', 'k')}${extra.replaceAll('t', 'k')})`);
        expect(series, body).toBe(divergesAtInfinity ? Math.sign(c) : undefined);
      },
    ), { numRuns: 300, seed: 11 });
  });
});

describe('a step against a divergent series or integral', () => {
  it('refutes a finite value for a divergent line above or step, and keeps what converges', () => {
    const steps = stepsIn(`given x: positive
given r: real
claim integral(t, 1, Infinity, 1/t) = 1                  expect wrong
claim integral(t, 0, 1, 1/t^2) = 1                       expect wrong
claim sum(k, 1, Infinity, 1/k) = 5                       expect wrong
claim integral(t, 1, Infinity, 1/t^2) = integral(t, 1, Infinity, 1/t)   expect wrong
claim integral(t, 0, Infinity, x * exp(-x * t)) = 1
claim integral(t, 0, Infinity, x * exp(x * t)) = 1       expect wrong
claim sum(k, 0, Infinity, r^k) = 1 / (1 - r)
`);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved', 'refuted', 'proved']);
    const first = steps[0];
    expect(first.detail.counterexample?.lhs).toBe('Infinity');
    expect(first.detail.explanation).toContain('diverges to Infinity: its integrand is of order 1/t as t -> Infinity');
    expect(steps[3].detail.counterexample?.rhs).toBe('Infinity');
    expect(steps[5].detail.explanation).toContain('exp(');
  }, 60_000);
});

describe('an integral whose integrand blows up inside its range, at 0 or where an affine base under a negative power is 0 (probe 45)', () => {
  it("refutes Stewart's trap, the integral of 1/x^2 over [-1, 1] claimed -2, and leaves 1/x (sides of opposite signs) and a convergent 1/sqrt|x| alone", () => {
    const steps = stepsIn(`given a: positive
claim integral(x, -1, 1, 1/x^2) = -2   expect wrong
claim integral(x, -a, a, 1/x^4) = -2/(3 a^3)   expect wrong
claim integral(x, -1, 1, 1/sqrt(abs(x))) = 4
claim integral(x, -1, 1, 1/x) = 0
claim integral(x, 0, 2, 1/(x - 1)^2) = -2   expect wrong
claim integral(x, 0, 3, 1/(2 x - 2)^2) = 1   expect wrong
claim integral(x, 0, 3, 1/(x - 1)) = log(2)
`);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'verified', 'error', 'refuted', 'refuted', 'error']);
    expect(steps[0].detail.explanation).toContain('x -> 0');
    expect(steps[4].detail.explanation).toContain('of order |x - 1|^-2 as x -> 1');
  }, 60_000);
});

