import { describe, expect, it } from 'vitest';
import { expandedSize, expandedSizeUpTo, InlineBudget, MAX_INLINED_NODES, printTerm, someSubterm, substituteIndices, withUniqueBinders, type Term } from '../../src/model/index.ts';

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

describe('walks over shared subterms (a side written out at a size)', () => {
  it('someSubterm and expandedSizeUpTo take time in the distinct nodes or the cap, not in the 2^60 paths of a doubling chain', () => {
    let t: Term = { k: 'input', ref: { name: 'x', indices: [] } };
    for (let i = 0; i < 60; i++) t = { k: 'add', terms: [t, t] };
    // As a tree walk this would not end in the age of the universe: the test's own timeout is the guard.
    expect(someSubterm(t, (x) => x.k === 'diff')).toBe(false);
    expect(someSubterm(t, (x) => x.k === 'input')).toBe(true);
    expect(expandedSizeUpTo(t, 20_000)).toBe(20_000);
    expect(expandedSizeUpTo({ k: 'add', terms: [t.k === 'add' ? t.terms[0] : t] }, 1_000_000)).toBe(1_000_000);
  });

  it('expandedSize answers a larger cap with the count past a smaller one: a capped count is not kept as the size', () => {
    let t: Term = { k: 'input', ref: { name: 'x', indices: [] } };
    for (let i = 0; i < 20; i++) t = { k: 'add', terms: [t, t] };
    // 2^21 - 1 nodes written out. Measured to 17 first (model/constant-lets.ts), the inlining budget then read 17.
    expect(expandedSize(t, 17)).toBe(17);
    expect(expandedSize(t, 1_000_000)).toBe(1_000_000);
    expect(expandedSize(t)).toBe(2 ** 21 - 1);
    expect(expandedSize(t, 17)).toBe(17);
  });
});

describe('InlineBudget', () => {
  it('gives each derivation its own budget, within a file\'s eight times larger', () => {
    // 2^17 - 1 = 131,071 nodes written out: one such copy fits a derivation's 250,000, two do not.
    let body: Term = { k: 'input', ref: { name: 'x', indices: [] } };
    for (let i = 0; i < 16; i++) body = { k: 'add', terms: [body, body] };
    const file = new InlineBudget();
    const charge = (budget: InlineBudget) => () => budget.charge('y', body, 'f.deriv', undefined);
    const first = file.forDerivation();
    expect(charge(first)).not.toThrow();
    expect(charge(first)).toThrow(`passes ${MAX_INLINED_NODES} term nodes for the derivation`);
    // Fifteen more derivations, one copy each: the file's sixteenth copy of 131,071 passes 2,000,000.
    for (let d = 0; d < 14; d++) expect(charge(file.forDerivation())).not.toThrow();
    expect(charge(file.forDerivation())).toThrow('passes 2000000 term nodes for the file');
  });
});
