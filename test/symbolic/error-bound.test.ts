import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivationFile } from '../../src/index.ts';
import { errorExponent } from '../../src/symbolic/error-bound.ts';
import { evaluateHighPrecision, type PointValue } from '../../src/symbolic/high-precision.ts';
import type { Term } from '../../src/model/index.ts';

/** A term in x, as the model reads it. */
function parseExpression(text: string): Term {
  return buildModel(parseDerivationFile(`derivation "d"\ngiven x: real\nclaim ${text}\n  = 0\n`, 'a.deriv').derivations[0]).claims[0].head!;
}

/** The bound at `digits` against the value read at 400 digits: the error it bounds must lie below it. */
function boundHolds(text: string, x: number, digits: number): { bound: number | undefined; error: number } {
  const term = parseExpression(text);
  const point = new Map<string, PointValue>([['x', x]]);
  const valueOf = (t: Term) => evaluateHighPrecision(t, point, digits);
  const bound = errorExponent(term, valueOf, () => undefined, digits);
  const error = valueOf(term).minus(evaluateHighPrecision(term, point, 400)).abs();
  return { bound, error: error.isZero() ? -Infinity : Math.log10(error.toNumber() || Number.MIN_VALUE) };
}

describe('a running bound on a high-precision value\'s error (error-bound.ts)', () => {
  it('bounds the error of sums, products, powers and functions read at 60 and 120 digits, against 400', () => {
    const texts = ['exp(-x) + 1/3', 'exp(-10 x) * log(x + 1000) - 2/7', 'sqrt(x^2 + 1/3) * tanh(x / 7)', 'sin(x)^3 + cos(3 x) / 11',
      'cosh(x / 10) - sinh(x / 10)', '(x + 1/3)^(5/2) - erf(x / 9)', 'log(x + 1/7) + atan(x) - sigmoid(x / 3)', 'x / 3 - 1/7 * exp(x / 50)'];
    let bounded = 0;
    fc.assert(fc.property(fc.constantFrom(...texts), fc.double({ min: 0.01, max: 1e3, noNaN: true }), fc.constantFrom(60, 120), (text, x, digits) => {
      const { bound, error } = boundHolds(text, x, digits);
      if (bound !== undefined) bounded++;
      return bound === undefined || error <= bound;
    }), { numRuns: 200, seed: 7 });
    // Not vacuous: every shape has a rule, so nearly every reading is bounded.
    expect(bounded).toBeGreaterThan(150);
  }, 60_000);

  it('keeps exp\'s error relative: exp(-x) at x = 1e4 - 1e-20 is within 1e-4440 at 120 digits, though x - 1000 adds terms of 1e4', () => {
    const { bound } = boundHolds('exp(-x) + 0 * log(x - 1000)', 1e4, 120);
    expect(bound).toBeDefined();
    expect(bound!).toBeLessThan(-4400);
  });

  it('has no bound where a function has no rule or a relative error passes first order', () => {
    expect(boundHolds('floor(3 x)', 3.5, 60).bound).toBeUndefined();
    expect(boundHolds('log(x - x)', 3, 60).bound).toBeUndefined();
  });

  it('calls an integer read from exact values exact: 0 * exp(x) + 1, and a comparison\'s call', () => {
    expect(boundHolds('0 * exp(x) + 1', 2, 60).bound).toBe(-Infinity);
    expect(boundHolds('(exp(-x) >= 1/3) + 2', 2, 60).bound).toBe(-Infinity);
  });
});
