import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);

describe('a comparison tied at a root no formula gives (probe 67, 77: verified)', () => {
  it('is refuted where the intermediate value theorem shows the root: a sign change read in 60 digits at both ends', () => {
    const results = steps(`given x: real
claim (x^3 - x - 1 == 0) = 0   expect wrong
claim (x^5 + x == 1) = 0   expect wrong
claim (cos(x) == x) = 0   expect wrong
claim (x*exp(x) == 1) = 0   expect wrong
claim (x^5 + x - 1)^2 > 0   expect wrong
claim (cos(x) - x)^2 > 0   expect wrong
`);
    expect(results.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'refuted', 'refuted']);
    expect(results[0].detail.counterexample?.foundBy).toContain('a root of x^3 - x - 1 between 1.32471795724');
    expect(results[0].detail.counterexample?.inputs.x).toBeCloseTo(1.324717957244746, 12);
  }, 60_000);

  it('holds where the function changes no sign, or its root lies outside the input\'s range, and a non-strict bound at the tie', () => {
    expect(steps(`given x: real
given y: real in (1, 2)
claim (x^2 + 1 == 0) = 0
claim (cos(y) == y) = 0
claim (x^5 + x - 1)^2 >= 0
`).map((s) => s.verdict)).toEqual(['proved', 'proved', 'verified']);
  }, 60_000);
});
