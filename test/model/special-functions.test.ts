import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, toPrecise } from '../../src/model/index.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const D = Decimal.clone({ precision: 60 });
const U = Number.EPSILON / 2;

/** The relative error of the double value against the 60-digit value, in units of the unit round-off. */
function roundoffs(name: 'erf' | 'erfc' | 'Phi' | 'phi', x: number): number {
  const exact = FUNCTIONS[name].precise(D, toPrecise(D, x));
  if (exact.isZero() || exact.abs().lt('2.3e-308')) return 0;
  return new D(FUNCTIONS[name].value(x)).minus(exact).div(exact).abs().toNumber() / U;
}

describe('erf, erfc, Phi, phi', () => {
  it('are within their declared round-off of the 60-digit values (Cody\'s approximations, not 1e-7 ones)', () => {
    for (const name of ['erf', 'erfc', 'Phi', 'phi'] as const) {
      const bound = FUNCTIONS[name].roundoff!;
      fc.assert(fc.property(fc.oneof(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -38, max: 38, noNaN: true })), (x) => {
        expect(roundoffs(name, x), `${name}(${x})`).toBeLessThanOrEqual(bound);
      }), { seed: 3, numRuns: 60 });
    }
  }, 60_000);

  it('know their landmark values', () => {
    expect(FUNCTIONS.erf.value(0)).toBe(0);
    expect(FUNCTIONS.erf.value(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(FUNCTIONS.erfc.value(3)).toBeCloseTo(2.209049699858544e-5, 19);
    expect(FUNCTIONS.Phi.value(0)).toBe(0.5);
    expect(FUNCTIONS.Phi.value(-30) / 4.906713927148187e-198).toBeCloseTo(1, 13);
    expect(FUNCTIONS.phi.value(0)).toBeCloseTo(0.3989422804014327, 16);
    expect(FUNCTIONS.erf.precise(D, new D(30)).toString()).toBe('1');
    expect(FUNCTIONS.erfc.precise(D, new D(30)).toPrecision(15)).toBe('2.56465620375611e-393');
  });

  it('prove GELU\'s derivative and the erf form of Phi, and refute the usual slips', () => {
    const claims = claimsOf(deriv(`
given t: real
claim diff(erf(t), t) = 2 / sqrt(pi) * exp(-t^2)
claim diff(erfc(t), t) = -2 / sqrt(pi) * exp(-t^2)
claim Phi(t) = (1 + erf(t / sqrt(2))) / 2
claim erfc(t) = 1 - erf(t)
claim phi(t) = exp(-t^2 / 2) / sqrt(2 * pi)
claim diff(t * Phi(t), t) = Phi(t) + t * phi(t)
claim diff(phi(t), t) = -t * phi(t)
claim diff(t * Phi(t), t) = Phi(t) + phi(t)   expect wrong
claim Phi(t) = (1 + erf(t)) / 2               expect wrong
claim diff(erf(t), t) = 2 / sqrt(pi) * exp(-t^2 / 2)   expect wrong
`));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted', 'refuted']);
  }, 60_000);
});
