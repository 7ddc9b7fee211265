/**
 * A series whose term is a rational function of k with complex or irrational poles, summed in
 * 60 digits: its head added up, its tail expanded at infinity into Hurwitz zeta values. A
 * telescoping series f(k) - f(k + 1) sums to f(L) whatever f is: that law, for random f
 * whose denominator has no real root, holds to the bound the sum gives, and the bound is far
 * below 1e-50.
 */
import { Decimal as Decimal20 } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import type { Term } from '../../src/model/index.ts';
import { rationalSeries } from '../../src/model/index.ts';

const Decimal = Decimal20.clone({ precision: 90 });

function seriesOf(text: string): Extract<Term, { k: 'series' }> {
  const model = buildModel(parseDerivation(`derivation "t"\nclaim ${text} = 0\n`, 't.deriv'));
  const head = model.claims[0].head!;
  if (head.k !== 'series') throw new Error(`not a series: ${text}`);
  return head;
}

describe('the sum of a rational series in 60 digits', () => {
  it('telescopes: sum of f(k) - f(k + 1) from L is f(L), for f = p / (k^2 + b k + c) with no real root', () => {
    fc.assert(fc.property(
      fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 3 }),
      (b, cOffset, c10, p, lower) => {
        // b^2 < 4c: complex roots.
        const c = b * b / 4 + cOffset + c10 / 10;
        const f = (k: string) => `${p} / ((${k})^2 + ${b} * (${k}) + ${c})`;
        const series = seriesOf(`sum(k, ${lower}, Infinity, ${f('k')} - ${f('k + 1')})`);
        const read = rationalSeries(series);
        expect(read).toBeDefined();
        const sum = read!.sum(lower);
        expect(sum).toBeDefined();
        const expected = new Decimal(p).div(new Decimal(lower * lower + b * lower).plus(c));
        expect(sum!.value.minus(expected).abs().lte(sum!.error.plus('1e-70')), `${sum!.value} vs ${expected}`).toBe(true);
        expect(sum!.error.lt('1e-50')).toBe(true);
      },
    ), { numRuns: 40, seed: 5 });
  }, 60_000);

  it('telescopes with the sign alternating: sum of (-1)^k (f(k) + f(k + 1)) from L is (-1)^L f(L), f shrinking as 1 / k', () => {
    fc.assert(fc.property(
      fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 3 }), fc.boolean(),
      (b, cOffset, p, lower, linear) => {
        const c = b * b / 4 + cOffset;
        const f = (k: string) => linear ? `${p} * (${k}) / ((${k})^2 + ${b} * (${k}) + ${c})` : `${p} / ((${k})^2 + ${b} * (${k}) + ${c})`;
        const read = rationalSeries(seriesOf(`sum(k, ${lower}, Infinity, (-1)^k * (${f('k')} + ${f('k + 1')}))`));
        const sum = read?.sum(lower);
        expect(sum).toBeDefined();
        const atLower = new Decimal(p).times(linear ? lower : 1).div(new Decimal(lower * lower + b * lower).plus(c)).times(lower % 2 === 0 ? 1 : -1);
        expect(sum!.value.minus(atLower).abs().lte(sum!.error.plus('1e-70')), `${sum!.value} vs ${atLower}`).toBe(true);
        expect(sum!.error.lt('1e-50')).toBe(true);
      },
    ), { numRuns: 30, seed: 6 });
  }, 60_000);

  it('is no reading of a term with k elsewhere than in a rational function, or one shrinking too slowly to converge', () => {
    expect(rationalSeries(seriesOf('sum(k, 1, Infinity, 1 / (k^2 + log(k)))'))).toBeUndefined();
    expect(rationalSeries(seriesOf('sum(k, 1, Infinity, 2^k / (k^2 + 1))'))).toBeUndefined();
    expect(rationalSeries(seriesOf('sum(k, 1, Infinity, k / (k^2 + 1))'))).toBeUndefined();
    // Alternating, terms shrinking as 1 / k converge.
    expect(rationalSeries(seriesOf('sum(k, 1, Infinity, (-1)^k * k / (k^2 + 1))'))).toBeDefined();
  });

  it('has no value where the denominator is 0 at a whole k of the range', () => {
    const read = rationalSeries(seriesOf('sum(k, 1, Infinity, 1 / (k^2 - 4))'));
    expect(read?.sum(1)).toBeUndefined();
    expect(read?.sum(3)?.value.toSignificantDigits(30).toString()).toBe(new Decimal(25).div(48).toSignificantDigits(30).toString());
  });
});
