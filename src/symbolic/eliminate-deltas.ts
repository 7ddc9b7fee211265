import { add, mapChildren, mul, substituteIndices, usesIndexVariable, type Index, type Term } from '../model/index.ts';

/** Most products a sum body may distribute into before it is left as it is. */
const MAX_PRODUCTS = 2_000;

/**
 * Normalizes sums so that deltas on a summation index pick their term:
 * sum(j, f(j) * delta(j, a)) = f(a). Bottom-up, a sum's body is distributed over
 * its additions, the factors free of the summation index move out of the sum,
 * and a product with a delta on the index loses the sum. Differentiating L =
 * sum(r, L_r) by z[i, k] leaves delta(r, i) deep inside inner sums; after this
 * it stands next to sum(r, ...) and picks r = i, so labels like y[r] become y[i].
 * Every rewrite is an identity (linearity of sums; a in the index's range, which
 * the model guarantees), so both exact engines may read the result.
 */
export function eliminateDeltas(term: Term): Term {
  const t = mapChildren(term, eliminateDeltas);
  if (t.k !== 'sum') return t;
  let products: Term[][];
  try {
    products = distribute(t.body);
  } catch (error) {
    if (error instanceof TooLarge) return t;
    throw error;
  }
  const parts: Term[] = [];
  for (const product of products) {
    const { factors, picked } = pickByDelta(product, t.index);
    if (picked) {
      // The substituted factors may hold sums whose deltas can pick now.
      parts.push(eliminateDeltas(mul(...factors)));
      continue;
    }
    const own = new Set([t.index]);
    const outside = factors.filter((f) => !usesIndexVariable(f, own));
    const inside = factors.filter((f) => usesIndexVariable(f, own));
    const sum: Term = { k: 'sum', index: t.index, dim: t.dim, body: mul(...inside) };
    parts.push(outside.length === 0 ? sum : mul(...outside, sum));
  }
  return add(...parts);
}

class TooLarge extends Error {}

/** A term as a sum of products (lists of factors), distributing products over sums. */
export function distribute(t: Term, limit = MAX_PRODUCTS): Term[][] {
  if (t.k === 'add') return t.terms.flatMap((x) => distribute(x, limit));
  if (t.k === 'mul') {
    let products: Term[][] = [[]];
    for (const factor of t.factors) {
      const parts = distribute(factor, limit);
      const next: Term[][] = [];
      for (const p of products) for (const q of parts) next.push([...p, ...q]);
      if (next.length > limit) throw new TooLarge();
      products = next;
    }
    return products;
  }
  return [[t]];
}

/**
 * sum over j of delta(j, a) * f(j) is f(a): the delta's factor goes and j
 * becomes a everywhere, provided a does not itself use j (delta(j, y[j]) picks
 * nothing). delta(j, j) is 1 and simply goes. `picked` says a delta picked a term,
 * so the product no longer runs over j.
 */
export function pickByDelta(product: readonly Term[], index: string): { factors: Term[]; picked: boolean } {
  let factors = [...product];
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i];
    if (f.k !== 'icmp' || f.op !== '==') continue;
    const rest = [...factors.slice(0, i), ...factors.slice(i + 1)];
    if (isIndex(f.a, index) && isIndex(f.b, index)) {
      factors = rest;
      i--;
      continue;
    }
    const other = otherSide(f.a, f.b, index);
    if (other === undefined) continue;
    return { factors: rest.map((r) => substituteIndices(r, new Map([[index, other]]))), picked: true };
  }
  return { factors, picked: false };
}

const isIndex = (i: Index, index: string) => i.k === 'var' && i.name === index && i.offset === 0;

function otherSide(a: Index, b: Index, index: string): Index | undefined {
  const isIt = (i: Index) => isIndex(i, index);
  if (isIt(a) && !isIt(b) && !indexMentions(b, index)) return b;
  if (isIt(b) && !isIt(a) && !indexMentions(a, index)) return a;
  return undefined;
}

function indexMentions(i: Index, index: string): boolean {
  return (i.k === 'var' && i.name === index) || (i.k === 'label' && i.indices.some((x) => indexMentions(x, index)));
}

