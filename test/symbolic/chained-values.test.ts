/**
 * Simple values within ends that read other inputs (symbolic/chained-values.ts): inside the ends at the point, the
 * included ends among them, and points outside a chain told apart exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Input, Term } from '../../src/model/index.ts';
import { Rational } from '../../src/symbolic/exact/index.ts';
import type { PointValue } from '../../src/symbolic/index.ts';
import { inEndOrder, outsideChainedEnds, valuesWithinEnds } from '../../src/symbolic/chained-values.ts';

const ref = (name: string): Term => ({ k: 'input', ref: { name, indices: [] } });
const input = (name: string, ends?: Input['relativeEnds']): Input => ({ name, kind: 'real', dims: [], ...(ends ? { relativeEnds: ends } : {}) } as unknown as Input);

describe('values within ends that read other inputs', () => {
  it('lie within the ends at every point, an included end among them', () => {
    const c = input('c', { lower: ref('m'), upper: ref('L'), lowerClosed: true, upperClosed: false });
    fc.assert(fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 8 }), (m, width, den) => {
      const lo = Rational.of(BigInt(m), BigInt(den));
      const hi = lo.add(Rational.of(BigInt(width), BigInt(den)));
      const values = valuesWithinEnds(c, new Map([['m', lo], ['L', hi]]))!;
      expect(values.length).toBeGreaterThan(1);
      expect(values[0].cmp(lo)).toBe(0);
      for (const v of values) expect(v.cmp(lo) >= 0 && v.cmp(hi) < 0).toBe(true);
    }));
  });

  it('past one open end: the end plus one, four times it, and a half past it', () => {
    const L = input('L', { lower: ref('m'), lowerClosed: false, upperClosed: false });
    expect(valuesWithinEnds(L, new Map([['m', Rational.of(1n)]]))!.map(String)).toEqual(['2', '4', '3/2']);
    expect(valuesWithinEnds(L, new Map())).toBeUndefined();
    expect(valuesWithinEnds(input('x'), new Map())).toBeUndefined();
  });

  it('an empty interval gives none, a point interval its point', () => {
    const d = input('d', { lower: ref('c'), upper: ref('L'), lowerClosed: true, upperClosed: true });
    expect(valuesWithinEnds(d, new Map([['c', Rational.of(3n)], ['L', Rational.of(2n)]]))).toEqual([]);
    expect(valuesWithinEnds(d, new Map([['c', Rational.of(2n)], ['L', Rational.of(2n)]]))!.map(String)).toEqual(['2']);
  });

  it('orders inputs after the inputs their ends read, and tells a point outside a chain exactly', () => {
    const m = input('m');
    const L = input('L', { lower: ref('m'), lowerClosed: false, upperClosed: false });
    const c = input('c', { lower: ref('m'), upper: ref('L'), lowerClosed: true, upperClosed: true });
    expect(inEndOrder([c, L, m]).map((i) => i.name)).toEqual(['m', 'L', 'c']);
    const byName = new Map([m, L, c].map((i) => [i.name, i]));
    expect(outsideChainedEnds(new Map<string, PointValue>([['m', { num: 1n, den: 1n }], ['L', { num: 1n, den: 1n }]]), byName)).toBe(true);
    expect(outsideChainedEnds(new Map<string, PointValue>([['m', { num: 1n, den: 1n }], ['L', { num: 2n, den: 1n }], ['c', 1]]), byName)).toBe(false);
    expect(outsideChainedEnds(new Map<string, PointValue>([['m', { num: 1n, den: 1n }], ['L', { num: 2n, den: 1n }], ['c', 2.5]]), byName)).toBe(true);
    expect(outsideChainedEnds(new Map<string, PointValue>([['m', 1], ['c', 0]]), byName)).toBe(true);
  });
});
