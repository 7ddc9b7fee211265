import { add, mapChildren, mul, neg, substituteIndices, type Dim, type Index, type Term } from '../model/index.ts';

/**
 * Sums over one dimension added together, as one sum: `sum(j, A) + c * sum(l, B)`
 * is `sum(j, A + c * B[l := j])` (c is outside both sums, so free of their
 * indices). Finite sums are linear, so this is an identity, terms and domains
 * alike.
 *
 * The index calculus reads each sum on its own, a sum atom per monomial of its
 * body over the part of the body's denominator that depends on the index. Two
 * sums whose bodies cancel only over a common denominator (the Hessian of a
 * logistic loss: terms over (e^z + 1) from y log p, over (e^z + 1)^2 from
 * p (1 - p)) meet in no atom; merged, their bodies are one rational function,
 * and the difference of two sides that agree term by term is 0 there.
 */
export function mergeSums(term: Term): Term {
  const inner = mapChildren(term, mergeSums);
  if (inner.k !== 'add') return inner;
  const groups = new Map<string, { readonly dim: Dim; readonly index: string; readonly bodies: Term[] }>();
  const rest: Term[] = [];
  for (const t of inner.terms) {
    const split = sumFactor(t);
    if (split === undefined) {
      rest.push(t);
      continue;
    }
    const key = dimKey(split.sum.dim);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, group = { dim: split.sum.dim, index: freshIndex(), bodies: [] });
    const renamed = substituteIndices(split.sum.body, new Map<string, Index>([[split.sum.index, { k: 'var', name: group.index, offset: 0 }]]));
    group.bodies.push(mul(...split.others, renamed));
  }
  if (![...groups.values()].some((g) => g.bodies.length > 1)) return inner;
  const merged = [...groups.values()].map((g): Term => ({ k: 'sum', index: g.index, dim: g.dim, body: add(...g.bodies) }));
  return add(...rest, ...merged);
}

/** lhs - rhs with the sums of both sides merged (see {@link mergeSums}). */
export function mergedDifference(lhs: Term, rhs: Term): Term {
  const terms = (t: Term) => (t.k === 'add' ? t.terms : [t]);
  return mergeSums(add(...terms(lhs), ...terms(rhs).map(neg)));
}

/** A sum, or a product with exactly one sum among its factors: the sum and the other factors. */
function sumFactor(t: Term): { sum: Extract<Term, { k: 'sum' }>; others: Term[] } | undefined {
  if (t.k === 'sum') return { sum: t, others: [] };
  if (t.k !== 'mul') return undefined;
  const sums = t.factors.filter((f): f is Extract<Term, { k: 'sum' }> => f.k === 'sum');
  if (sums.length !== 1) return undefined;
  return { sum: sums[0], others: t.factors.filter((f) => f !== sums[0]) };
}

function dimKey(d: Dim): string {
  return d.k === 'sym' ? `sym:${d.name}` : `fixed:${d.size}`;
}

let merges = 0;

/** A summation index no term holds: `%` starts no name of the language. */
function freshIndex(): string {
  return `%m${++merges}`;
}
