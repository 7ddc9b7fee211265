import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { crossingExponent, limitCrossings, printTerm } from '../../src/model/index.ts';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { deriv } from '../__test-helpers__/derivations.ts';

const D = Decimal.clone({ precision: 60 });

describe('where a limit\'s body turns', () => {
  it('lists switch arguments affine in the variable or in its log, log(z / K) as log(z) - log(K)', () => {
    const model = buildModel(parseDerivation(deriv('given K, s: positive\nclaim limit(z, Infinity, Phi((log(z / K) - s^2) / s) + (z > K) + tanh(z^2)) = 2\n'), 'm.deriv'));
    const head = model.claims[0].head;
    if (head?.k !== 'limit') throw new Error(`expected a limit, not ${head?.k}`);
    const body = head.body;
    const crossings = limitCrossings(body, 'z');
    expect(crossings.map((c) => c.inLog)).toEqual([true, false]);
    expect(crossings.map((c) => printTerm(c.form.offset))).not.toContain(expect.stringContaining('z'));
  });

  it('places a crossing on the way to the point only', () => {
    expect(crossingExponent(new D(1000), true, 1)).toBeCloseTo(1000 / Math.LN10, 9);
    expect(crossingExponent(new D(-1000), true, 1)).toBeUndefined();
    expect(crossingExponent(new D(-1000), true, 0)).toBeCloseTo(-1000 / Math.LN10, 9);
    expect(crossingExponent(new D('1e30'), false, 1)).toBeCloseTo(30, 9);
    expect(crossingExponent(new D('1e30'), false, -1)).toBeUndefined();
    expect(crossingExponent(new D('-1e30'), false, -1)).toBeCloseTo(30, 9);
  });
});
