import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, toPrecise } from '../../src/model/index.ts';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

const D = Decimal.clone({ precision: 60, maxE: 9e15, minE: -9e15 });
const U = Number.EPSILON / 2;

type GammaName = 'gamma' | 'lgamma' | 'digamma' | 'polygamma';

/** The double value's error against the 60-digit value, as a fraction of the error bound the function table declares. */
function usedOfBound(name: GammaName, args: number[]): number {
  const rule = FUNCTIONS[name];
  const value = rule.value(...args);
  const exact = rule.precise(D, ...args.map((a) => toPrecise(D, a)));
  if (!exact.isFinite() || !Number.isFinite(value)) return Number.isFinite(value) === exact.isFinite() || exact.abs().gt('1.7e308') ? 0 : Infinity;
  const bound = (rule.roundoff ?? 2) * U * Math.abs(value) + (rule.absoluteError?.(...args) ?? 0) + 1e-300;
  return new D(value).minus(exact).abs().toNumber() / bound;
}

const wide = fc.oneof(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: 0.5, max: 3, noNaN: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(1, 2, 1.4616321449683623, -2.457024738220801, 1e-300, 5e-324, -5e-324, -5.88e-309, 171.5, -170.5, 0.5, 1 + 1e-9, 2 - 1e-12),
);

describe('gamma, lgamma, digamma and polygamma on doubles', () => {
  it('stay within their declared error bounds of the 60-digit values, near the zeros of lgamma and digamma too', () => {
    for (const name of ['gamma', 'lgamma', 'digamma'] as const) {
      fc.assert(fc.property(wide, (x) => {
        expect(usedOfBound(name, [x]), `${name}(${x})`).toBeLessThanOrEqual(1);
      }), { seed: 5, numRuns: 80 });
    }
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), wide.filter((x) => Math.abs(x) < 1e4), (n, x) => {
      expect(usedOfBound('polygamma', [n, x]), `polygamma(${n}, ${x})`).toBeLessThanOrEqual(1);
    }), { seed: 5, numRuns: 60 });
  }, 120_000);

  it('have no value at the poles, and the factorials at whole numbers', () => {
    for (const pole of [0, -1, -7]) {
      expect(FUNCTIONS.gamma.value(pole)).toBeNaN();
      expect(FUNCTIONS.lgamma.value(pole)).toBeNaN();
      expect(FUNCTIONS.digamma.value(pole)).toBeNaN();
      expect(FUNCTIONS.gamma.precise(D, new D(pole)).isNaN()).toBe(true);
    }
    expect(FUNCTIONS.gamma.value(5)).toBe(24);
    expect(FUNCTIONS.gamma.value(171.7)).toBe(Infinity);
    expect(FUNCTIONS.lgamma.value(1)).toBe(0);
    expect(FUNCTIONS.lgamma.value(2)).toBe(0);
  });
});

describe('the gamma family in 60 digits', () => {
  // Values from mpmath at 50 digits (digamma near its zero at 80: at 50, mpmath itself loses 23 digits there).
  const cases: Array<[GammaName, string[], string]> = [
    ['gamma', ['0.1'], '9.51350769866873183629248717726540219255057863'],
    ['gamma', ['-100.5'], '-3.3536908198076786422080996927145924061819485e-159'],
    ['lgamma', ['1.5'], '-0.120782237635245222345518445781647212251852728'],
    ['lgamma', ['1.00001'], '-0.00000577207440271266912334248281623392349385864459'],
    ['lgamma', ['-2.457'], '0.0000374963059578736034028782899529102730703016658'],
    ['digamma', ['-2.5'], '1.10315664064524318722569033366791109947350706'],
    ['digamma', ['1.4616321449683623412626595'], '-4.095742579810909075206619288848920907875274288e-26'],
    ['polygamma', ['3', '0.25'], '1538.78214400918839602279124382903505676840185'],
  ];
  it.each(cases)('%s(%s) agrees with mpmath to 44 digits, cancellation near a zero paid for', (name, args, expected) => {
    const value = FUNCTIONS[name].precise(D, ...args.map((a) => new D(a)));
    const want = new D(expected);
    expect(value.minus(want).abs().lte(want.abs().times('1e-44')), `${value.toString()} vs ${expected}`).toBe(true);
  });

  it('leaves an argument too far out for its digits unsettled (an error of its own), never a wrong value', () => {
    expect(() => FUNCTIONS.polygamma.precise(D, new D(2), new D('-1000000000.5'))).toThrow(/polygamma of an argument below/);
  });
});

describe('the gamma family past 400 digits at a large argument (probe 89)', () => {
  it('refutes Stirling with its 1/(12 y) term on (1e100, Infinity), off by a relative 1.2e-405, and digamma\'s truncated series', () => {
    expect(verdictsIn(`given y: real in (1e100, Infinity)
claim lgamma(y + 1) = y * log(y) - y + log(2 * pi * y) / 2 + 1 / (12 * y)   expect wrong
claim digamma(y) = log(y) - 1/(2 y) - 1/(12 y^2)   expect wrong
claim lgamma(y) > (y - 1/2) * log(y) - y + log(2 pi)/2
`)).toEqual(['refuted', 'refuted', 'verified']);
  }, 120_000);
});
