/**
 * erfinv, and the normal quantile written through it (probit, ndtri, norminv): the
 * inverse CDF of the statistics texts (thirteenth probe, u17). Its values in doubles
 * and in 60 digits, its derivative, and the inverse identities the exact engine proves.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erf, erfinv, preciseErfc, preciseErfinv } from '../../src/model/error-function.ts';
import type { PreciseConstructor } from '../../src/model/index.ts';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('erfinv', () => {
  it('inverts erf in doubles to a few ulps over (-1, 1)', () => {
    fc.assert(fc.property(fc.double({ min: -0.999999, max: 0.999999, noNaN: true }), (x) => {
      expect(Math.abs(erf(erfinv(x)) - x)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(Math.abs(x), 1e-300) + 1e-300);
    }), { numRuns: 2000, seed: 3 });
    expect(erfinv(1)).toBeNaN();
    expect(erfinv(-1.5)).toBeNaN();
    expect(erfinv(0)).toBe(0);
  });

  it('is right to the digits kept in 60 digits, near 1 too, where the tail 1 - x carries it', () => {
    const D = Decimal.clone({ precision: 60 }) as unknown as PreciseConstructor;
    // erfinv(1/2) to 40 digits (A&S 7.1, mpmath at 120 digits).
    expect(preciseErfinv(D, new D('0.5')).toString().slice(0, 40)).toBe('0.47693627620446987338141835364313055980');
    const y = preciseErfinv(D, new D('0.999999999999999999999999999999'));
    expect(y.toString().slice(0, 40)).toBe('8.14861622316986460738456666064810053831');
    expect(preciseErfc(D, y).div('1e-30').minus(1).abs().lt('1e-55')).toBe(true);
  });

  it('proves the inverse identities and the derivative, and refutes their slips', () => {
    expect(verdictsIn(`given x, u: real
given p: unit
claim erf(erfinv(u)) = u
claim erfinv(erf(x)) = x
claim Phi(probit(p)) = p
claim probit(Phi(x)) = x
claim erfinv(-u) = -erfinv(u)
claim diff(erfinv(u), u) = sqrt(pi) / 2 * exp(erfinv(u)^2)
claim diff(erfinv(u), u) = sqrt(pi) / 2 * exp(-erfinv(u)^2)   expect wrong
claim diff(probit(p), p) = 1 / phi(probit(p))
claim diff(ndtri(p), p) = 1 / Phi(norminv(p))   expect wrong
claim erfinv(1/2) = 0.4769362762044698733814   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'refuted', 'refuted']);
  }, 60_000);

  it('bounds its error honestly in the far tail (seventeenth probe): erfinv(erf(x)) = x is never an engine fault', () => {
    // At x = -11.5, erf(x) is -1 + 1e-59: its 60-digit rounding is a tenth of its distance from -1, and erfinv's
    // slope there is 1e57. The bound read the slope through a double (-1) or a step of 1e-50 past the pole: 1e-8
    // where the value was off by 1e-4, so the numbers "refuted" what the exact engine proved.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const steps = stepsIn('given x: real\nclaim erfinv(erf(x)) = x\nclaim erfinv(erf(x / 2)) = x / 2\nclaim erfinv(erf(-11)) = -11\n', { seed });
      expect(steps.map((s) => s.detail.engineFault), `seed ${seed}`).toEqual([undefined, undefined, undefined]);
      // erf(-11) is -1 in doubles: the domain of erfinv(erf(-11)) is witnessed by its 60 digits.
      expect(steps.map((s) => s.verdict), `seed ${seed}`).toEqual(['proved', 'proved', 'proved']);
    }
  }, 60_000);
});
