import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimsOf, deriv, verdictsIn } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);

describe('sides analytic on the whole line, apart below every reading of their range (probe 71 W3: verified)', () => {
  it('refutes an equality and a broken bound where the digits that see the difference are found; the true bound holds', () => {
    const results = steps(`given x: real in (1e-300, 1e-200)
claim atan(x) = x - x^3/3 + x^5/5   expect wrong
claim atan(x) >= x - x^3/3 + x^5/5   expect wrong
claim atan(x) > x - x^3/3 + x^5/5   expect wrong
claim atan(x) <= x - x^3/3 + x^5/5
claim cos(x) <= 1 - x^2/2 + x^4/24
claim cos(x) >= 1 - x^2/2 + x^4/24   expect wrong
`);
    expect(results.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'verified', 'verified', 'refuted']);
    const [equality, bound] = results;
    expect(equality.detail.counterexample?.foundBy).toContain('identity theorem');
    // The witness lies in the range, and its difference is the x^7/7 no double or 960 digits see.
    const x = equality.detail.counterexample?.inputs.x as number;
    expect(x).toBeGreaterThan(1e-300);
    expect(x).toBeLessThan(1e-200);
    expect(String(equality.detail.counterexample?.difference)).toMatch(/^-1\.\d+e-14\d\d$/);
    expect(bound.detail.explanation).toContain('is not at least the step');
    expect(results[3].method).toContain('digits');
  }, 120_000);

  it('keeps true identities the exact engine lacks verified: their difference is 0 at every point read', () => {
    expect(steps(`given x: real in (1e-300, 1e-200)
claim asinh(sinh(x)) = x
claim atan(sinh(x)) = 2 atan(tanh(x / 2))
`).map((s) => s.verdict)).toEqual(['verified', 'verified']);
  }, 60_000);

  it('reads a negative range the same way: atan(u) lies above its Taylor polynomial of degree 5 for u < 0', () => {
    expect(steps(`given u: real in (-1e-200, -1e-300)
claim atan(u) >= u - u^3/3 + u^5/5
claim atan(u) <= u - u^3/3 + u^5/5   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 60_000);

  it('refutes every truncation of the exponential series as equal to exp on a tiny range, and holds it as a lower bound', () => {
    // exp(x) - (1 + x + ... + x^d/d!) = x^(d+1)/(d+1)! + ...: relative 1e-(200 (d + 1)) at the range's top, below 960 digits from d = 4.
    fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), (d) => {
      const taylor = Array.from({ length: d + 1 }, (_, k) => `x^${k}/factorial(${k})`).join(' + ');
      const [equal, below] = steps(`given x: real in (1e-300, 1e-200)
claim exp(x) = ${taylor}   expect wrong
claim exp(x) >= ${taylor}
`);
      expect([equal.verdict, below.verdict]).toEqual(['refuted', 'verified']);
    }), { numRuns: 4, seed: 7 });
  }, 240_000);
});

describe('a bound whose sides stand apart inside its range (probe 83)', () => {
  it('is verified where the numbers verify it: the theorem says only that the sides are not equal', () => {
    // Each was an error ("which is larger there is not known") where no deep reading near the range's end settled.
    expect(verdictsIn(`given x: real in (1e6, 1e7)
given g, h: real in (1e200, 1e300)
given y: real in (1e300, Infinity)
claim e^{-x} x^{1000} < e^{-x/2}
claim g*h <= (g^2 + h^2)/2
claim diff(tanh(y), y) < 1e-300
claim e^{-x} x^{1000} > e^{-x/2}   expect wrong
claim g*h > (g^2 + h^2)/2   expect wrong
`)).toEqual(['verified', 'verified', 'verified', 'refuted', 'refuted']);
  }, 120_000);
});
