/** The delta rule both exact engines share: sum(j, delta(j, a) f(j)) = f(a). */
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { delta, input, mul, num, pow, printTerm, type Dim, type Index, type Term } from '../../src/model/index.ts';
import { hasValueFor, pickByDelta, withinRange } from '../../src/symbolic/eliminate-deltas.ts';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

const j: Index = { k: 'var', name: 'j', offset: 0 };
const k: Index = { k: 'var', name: 'k', offset: 0 };
const yOfJ: Index = { k: 'label', name: 'y', indices: [j], offset: 0 };
const x = (i: Index) => input({ name: 'x', indices: [i] });

describe('a delta picks only inside its sum\'s range (probe 99)', () => {
  it('reads which positions lie in a range at every size where the step has a value', () => {
    const T: Dim = { k: 'sym', name: 'T' };
    const dims = new Map<string, Dim>([['i', T], ['u', { k: 'sym', name: 'U' }]]);
    expect(withinRange({ k: 'dim', name: 'T', offset: 0 }, T, dims)).toBe(true);
    expect(withinRange({ k: 'dim', name: 'T', offset: -1 }, T, dims)).toBe(true);
    expect(withinRange({ k: 'dim', name: 'T', offset: 1 }, T, dims)).toBe(false);
    expect(withinRange({ k: 'var', name: 'i', offset: 0 }, T, dims)).toBe(true);
    expect(withinRange({ k: 'var', name: 'u', offset: 0 }, T, dims)).toBe(false);
    expect(withinRange({ k: 'lit', value: 1 }, T, dims)).toBe(true);
    // 2 is in 1..T only where the step reads an entry 2 of a range T.
    expect(withinRange({ k: 'lit', value: 2 }, T, dims)).toBe(false);
    expect(withinRange({ k: 'lit', value: 2 }, T, dims, new Set(['2:T']))).toBe(true);
    expect(withinRange({ k: 'lit', value: 3 }, { k: 'fixed', size: 2 }, dims)).toBe(false);
  });

  it('differentiates a sum over t = 1..T of a vector[T + 1] in its last entry as 0: a GAE step (Schulman et al. 2016)', () => {
    expect(verdictsIn(`given λ, γ: unit
given V: vector[T + 1]
given r: vector[T]
let δ[t] = r[t] + γ * V[t + 1] - V[t]
let A = sum(t, 1, T, (γ * λ)^(t - 1) * δ[t])
claim diff(sum(t, 1, T, V[t]), V[T + 1]) = 0
claim diff(sum(t, 1, T, λ^t * V[t]), V[T + 1]) = 0
claim diff(sum(t, 1, T, λ^t * V[t]), V[2]) = λ^2   expect wrong
claim diff(A, V[T + 1]) = γ * (γ * λ)^(T - 1)
claim diff(A, V[2]) = γ * (1 - λ)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted']);
  }, 120_000);
});

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
