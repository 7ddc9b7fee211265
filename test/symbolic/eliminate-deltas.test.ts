/** The delta rule both exact engines share: sum(j, delta(j, a) f(j)) = f(a). */
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { delta, input, mul, num, pow, printTerm, type Index, type Term } from '../../src/model/index.ts';
import { hasValueFor, pickByDelta } from '../../src/symbolic/eliminate-deltas.ts';

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

describe('hasValueFor', () => {
  /** The written-out det of M as the model builds it: the base of det(M)^-1 in logdet(M)'s derivative. */
  const writtenDet = (type: string) => {
    const model = buildModel(parseDerivation(`derivation "t"\ngiven M: ${type}\nclaim det(M) = 0\n`, 't.deriv'));
    return { det: model.claims[0].head!, inputs: new Map(model.inputs.map((i) => [i.name, i])) };
  };
  const overDet = (det: Term): Term => mul(x({ k: 'lit', value: 1 }), pow(det, num(-1)));

  it('a division by the det of an invertible or spd input has a value: the type makes the det positive', () => {
    for (const type of ['invertible[3, 3]', 'spd[3, 3]', 'invertible[2, 2]', 'spd[4, 4]']) {
      const { det, inputs } = writtenDet(type);
      expect(hasValueFor(overDet(det), inputs), type).toBe(true);
    }
  });

  it('a division by the det of any other square matrix may have none', () => {
    for (const type of ['matrix[3, 3]', 'symmetric[3, 3]']) {
      const { det, inputs } = writtenDet(type);
      expect(hasValueFor(overDet(det), inputs), type).toBe(false);
    }
  });
});
