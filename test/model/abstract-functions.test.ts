import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeInstance, functionParameterCount, instanceValue, MAX_FUNCTION_ORDER } from '../../src/model/index.ts';

const FUNCTION_PARAMETERS = functionParameterCount(1);
import { instanceTerm, tanhDerivativePolynomial } from '../../src/model/abstract-functions.ts';
import { evaluateHighPrecision } from '../../src/symbolic/high-precision.ts';

const parameters = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: FUNCTION_PARAMETERS, maxLength: FUNCTION_PARAMETERS });
const point = (params: readonly number[], u: number) =>
  new Map<string, number>([['u', u], ...params.map((p, i): [string, number] => [`f[${i + 1}]`, p])]);
const at = (order: number, params: readonly number[], u: number, digits = 40) =>
  evaluateHighPrecision(instanceTerm('f', [order], [{ k: 'input', ref: { name: 'u', indices: [] } }]), point(params, u), digits);

describe('the family that stands for an abstract function in the numbers', () => {
  it('the derivative polynomials of tanh: tanh\' = 1 - T^2, tanh\'\' = -2T + 2T^3', () => {
    expect(tanhDerivativePolynomial(0)).toEqual([0, 1]);
    expect(tanhDerivativePolynomial(1)).toEqual([1, 0, -1]);
    expect(tanhDerivativePolynomial(2)).toEqual([0, -2, 0, 2]);
  });

  it('its value in doubles is its term evaluated in 40 digits, at every order', () => {
    fc.assert(fc.property(parameters, fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: 0, max: MAX_FUNCTION_ORDER }), (params, u, order) => {
      const exact = at(order, params, u).toNumber();
      const scale = 1 + Math.abs(exact) + 3 ** (order + 3);
      expect(Math.abs(instanceValue(params, [order], [u]) - exact)).toBeLessThan(1e-12 * scale);
    }));
  });

  it('each order is the derivative of the one before (a central difference in 60 digits)', () => {
    fc.assert(fc.property(parameters, fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 0, max: MAX_FUNCTION_ORDER - 1 }), (params, u, order) => {
      // Both points are doubles, and the step between them is read exactly: only the O(h^2) of the method is left.
      const [above, below] = [u + 1e-6, u - 1e-6];
      const step = new Decimal(above).minus(below);
      const slope = at(order, params, above, 60).minus(at(order, params, below, 60)).div(step).toNumber();
      const next = at(order + 1, params, u, 60).toNumber();
      expect(Math.abs(slope - next)).toBeLessThan(1e-9 * 3 ** (order + 3) * (1 + Math.abs(next)));
    }), { numRuns: 50 });
  });

  it('a counterexample shows the member as a formula a person can read', () => {
    expect(describeInstance([0, 1, 0, 0, 1, 1, 0, 0, 0, 0])).toBe('u + sin(u)');
    expect(describeInstance([2, 0, 2, 6, 0, 0, 0, -1, 3, -0.5])).toBe('2 + u^2 + u^3 - tanh(3 u - 0.5)');
    expect(describeInstance(new Array(FUNCTION_PARAMETERS).fill(0))).toBe('0');
  });

  it('of two arguments: each mixed partial is the derivative of the one before, in either argument', () => {
    const count = functionParameterCount(2);
    const args = [{ k: 'input', ref: { name: 'u', indices: [] } }, { k: 'input', ref: { name: 'v', indices: [] } }] as const;
    const two = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: count, maxLength: count });
    fc.assert(fc.property(two, fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }),
      fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 }), (params, u, v, i, j, along) => {
        const at = (orders: number[], uu: number, vv: number) => evaluateHighPrecision(instanceTerm('f', orders, [...args]),
          new Map<string, number>([['u', uu], ['v', vv], ...params.map((p, k): [string, number] => [`f[${k + 1}]`, p])]), 60);
        const [above, below] = along === 0 ? [[u + 1e-6, v], [u - 1e-6, v]] : [[u, v + 1e-6], [u, v - 1e-6]];
        const step = new Decimal(along === 0 ? above[0] : above[1]).minus(along === 0 ? below[0] : below[1]);
        const slope = at([i, j], above[0], above[1]).minus(at([i, j], below[0], below[1])).div(step).toNumber();
        const next = at(along === 0 ? [i + 1, j] : [i, j + 1], u, v).toNumber();
        expect(Math.abs(slope - next)).toBeLessThan(1e-8 * 3 ** (i + j + 4) * (1 + Math.abs(next)));
        expect(Math.abs(instanceValue(params, [i, j], [u, v]) - at([i, j], u, v).toNumber())).toBeLessThan(1e-11 * 3 ** (i + j + 4) * (1 + Math.abs(next)));
      }), { numRuns: 60 });
  });
});
