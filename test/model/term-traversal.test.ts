import { describe, expect, it } from 'vitest';
import { printTerm, substituteIndices, withUniqueBinders, type Term } from '../../src/model/index.ts';

const v = (name: string) => ({ k: 'var' as const, name, offset: 0 });
const entry = (name: string, ...indices: string[]): Term => ({ k: 'input', ref: { name, indices: indices.map(v) } });

describe('substituteIndices', () => {
  it('renames a bound index that would capture an index put in: sum(j, W[a, j]) with a := j is sum(j2, W[j, j2])', () => {
    const body: Term = { k: 'sum', index: 'j', dim: { k: 'sym', name: 'n' }, body: entry('W', 'a', 'j') };
    const out = substituteIndices(body, new Map([['a', v('j')]]));
    expect(printTerm(out)).toBe('sum(j2, W[j, j2])');
  });

  it('leaves a bound index alone where nothing put in is named like it, and never substitutes it', () => {
    const body: Term = { k: 'sum', index: 'j', dim: { k: 'sym', name: 'n' }, body: entry('W', 'a', 'j') };
    expect(printTerm(substituteIndices(body, new Map([['a', v('k')]])))).toBe('sum(j, W[k, j])');
    expect(printTerm(substituteIndices(body, new Map([['j', v('k')]])))).toBe('sum(j, W[a, j])');
  });

  it('picks a fresh name used nowhere in the body', () => {
    const body: Term = { k: 'sum', index: 'j', dim: { k: 'sym', name: 'n' }, body: { k: 'mul', factors: [entry('W', 'a', 'j'), entry('x', 'j2')] } };
    expect(printTerm(substituteIndices(body, new Map([['a', v('j')]])))).toBe('sum(j3, W[j, j3] * x[j2])');
  });
});

describe('withUniqueBinders', () => {
  const n = { k: 'sym' as const, name: 'n' };
  it('renames a sum that shadows an enclosing one of the same name, and leaves a term without shadowing as it is', () => {
    const shadowed: Term = { k: 'sum', index: 'k#1', dim: n, body: { k: 'mul', factors: [{ k: 'sum', index: 'k#1', dim: n, body: entry('x', 'k#1') }, entry('y', 'k#1')] } };
    const unique = withUniqueBinders(shadowed);
    const inner = (unique as Extract<Term, { k: 'sum' }>).body as Extract<Term, { k: 'mul' }>;
    const innerSum = inner.factors[0] as Extract<Term, { k: 'sum' }>;
    expect(innerSum.index).not.toBe('k#1');
    expect(innerSum.body).toEqual(entry('x', innerSum.index));
    expect(inner.factors[1]).toEqual(entry('y', 'k#1'));
    const siblings: Term = { k: 'mul', factors: [{ k: 'sum', index: 'k#1', dim: n, body: entry('x', 'k#1') }, { k: 'sum', index: 'k#1', dim: n, body: entry('y', 'k#1') }] };
    expect(withUniqueBinders(siblings)).toBe(siblings);
  });
});
