import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { crossingExponents, limitCrossings, num, printTerm, type LimitCrossing } from '../../src/model/index.ts';
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
    // A crossing at w: slope 1, offset -w.
    const at = (w: string, inLog: boolean, point: InstanceType<typeof D> | undefined, side: -1 | 0 | 1) => {
      const crossing: LimitCrossing = { form: { slope: num(1), offset: num(0) }, inLog };
      return crossingExponents([crossing], point, side, () => ({ slope: new D(1), offset: new D(w).neg() }))[0];
    };
    expect(at('1000', true, undefined, 1)).toBeCloseTo(1000 / Math.LN10, 9);
    expect(at('-1000', true, undefined, 1)).toBeUndefined();
    expect(at('-1000', true, new D(0), 1)).toBeCloseTo(-1000 / Math.LN10, 9);
    expect(at('1e30', false, undefined, 1)).toBeCloseTo(30, 9);
    expect(at('1e30', false, undefined, -1)).toBeUndefined();
    expect(at('-1e30', false, undefined, -1)).toBeCloseTo(30, 9);
    // Not toward 0 or an infinity: the point's own scale is read, as before.
    expect(at('1e30', false, new D(2), 1)).toBeUndefined();
  });
});
