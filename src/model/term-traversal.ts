import type { Index, Term } from './term.ts';

/** Replaces free index variables by indices; offsets add up (`i + 1` with i := k - 1 is k). */
export function substituteIndices(term: Term, substitution: ReadonlyMap<string, Index>): Term {
  if (substitution.size === 0) return term;
  const idx = (i: Index): Index => {
    if (i.k === 'var' && substitution.has(i.name)) {
      const s = substitution.get(i.name)!;
      if (s.k === 'lit') return { k: 'lit', value: s.value + i.offset };
      return { ...s, offset: s.offset + i.offset } as Index;
    }
    if (i.k === 'label') return { ...i, indices: i.indices.map(idx) };
    return i;
  };
  const go = (t: Term): Term => {
    switch (t.k) {
      case 'input':
        return { k: 'input', ref: { name: t.ref.name, indices: t.ref.indices.map(idx) } };
      case 'icmp':
        return { ...t, a: idx(t.a), b: idx(t.b) };
      case 'ival':
        return { k: 'ival', index: idx(t.index) };
      case 'diff':
        return { k: 'diff', f: go(t.f), v: { name: t.v.name, indices: t.v.indices.map(idx) } };
      case 'sum': case 'reduce': {
        if (!substitution.has(t.index)) return { ...t, body: go(t.body) };
        const inner = new Map(substitution);
        inner.delete(t.index);
        return { ...t, body: substituteIndices(t.body, inner) };
      }
      default:
        return mapChildren(t, go);
    }
  };
  return go(term);
}

/** Rebuilds a term with `f` applied to each direct child term (indices untouched). */
export function mapChildren(t: Term, f: (child: Term) => Term): Term {
  switch (t.k) {
    case 'add': return { k: 'add', terms: t.terms.map(f) };
    case 'mul': return { k: 'mul', factors: t.factors.map(f) };
    case 'pow': return { k: 'pow', base: f(t.base), exponent: f(t.exponent) };
    case 'fn': return { k: 'fn', name: t.name, args: t.args.map(f) };
    case 'sum': return { ...t, body: f(t.body) };
    case 'reduce': return { ...t, body: f(t.body) };
    case 'extremum': return { ...t, terms: t.terms.map(f) };
    case 'cmp': return { ...t, a: f(t.a), b: f(t.b) };
    case 'diff': return { ...t, f: f(t.f) };
    default: return t;
  }
}
