/** The delta rule both exact engines share: sum(j, delta(j, a) f(j)) = f(a). */
import { describe, expect, it } from 'vitest';
import { delta, input, printTerm, type Index } from '../../src/model/index.ts';
import { pickByDelta } from '../../src/symbolic/eliminate-deltas.ts';

const j: Index = { k: 'var', name: 'j', offset: 0 };
const k: Index = { k: 'var', name: 'k', offset: 0 };
const yOfJ: Index = { k: 'label', name: 'y', indices: [j], offset: 0 };
const x = (i: Index) => input({ name: 'x', indices: [i] });

describe('pickByDelta', () => {
  it('delta(j, k) picks j = k', () => {
    const { factors, picked } = pickByDelta([x(j), delta(j, k)], 'j');
    expect(picked).toBe(true);
    expect(factors.map(printTerm)).toEqual(['x[k]']);
  });

  it('delta(j, j) is 1 and goes, but picks nothing: the product still runs over j', () => {
    const { factors, picked } = pickByDelta([delta(j, j), x(j)], 'j');
    expect(picked).toBe(false);
    expect(factors.map(printTerm)).toEqual(['x[j]']);
  });

  it('delta(j, y[j]) picks nothing: j := y[j] would be circular', () => {
    const { factors, picked } = pickByDelta([delta(j, yOfJ), x(j)], 'j');
    expect(picked).toBe(false);
    expect(factors).toHaveLength(2);
  });
});
