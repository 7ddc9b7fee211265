import { add, hasAffineIndex, hasValueEverywhere, mapChildren, mul, positiveDeterminantKeys, someSubterm, substituteIndices, termKey, usesIndexVariable, ZERO, type Dim, type Index, type Input, type Term } from '../model/index.ts';

/** Most products a sum body may distribute into before it is left as it is. */
const MAX_PRODUCTS = 2_000;

/**
 * Normalizes sums so that deltas on a summation index pick their term:
 * sum(j, f(j) * delta(j, a)) = f(a). Bottom-up, a sum's body is distributed over
 * its additions, the factors free of the summation index move out of the sum,
 * and a product with a delta on the index loses the sum. Differentiating L =
 * sum(r, L_r) by z[i, k] leaves delta(r, i) deep inside inner sums; after this
 * it stands next to sum(r, ...) and picks r = i, so labels like y[r] become y[i].
 * Every rewrite is an identity (linearity of sums; a delta picks only where a lies in
 * the index's range at every size the step has a value at, withinRange), so both exact engines may read the result. Given the
 * inputs (`keepDomain`), the terms a delta zeroes keep their domain: 0 times their
 * sum is added when they may lack a value (0 * log(x[j]) is not 0 for x[j] <= 0).
 */
export function eliminateDeltas(term: Term, keepDomain?: ReadonlyMap<string, Input>, ranges: DeltaRanges = NO_RANGES): Term {
  const work: Work = { left: MAX_ELIMINATION_WORK, done: new Map(), dims: indexDims(term, ranges.freeIndexDims), entries: ranges.entries };
  try {
    return eliminate(term, keepDomain, work);
  } catch (error) {
    // Past its work the term is left as written: an identity either way, and the engines' own budgets then say so.
    if (error instanceof EliminationTooLarge) return term;
    throw error;
  }
}

/**
 * Nodes eliminateDeltas visits at most. Written-out inverses nested in one another (Woodbury's inv(I + V' inv(A) U)
 * at 3x3) share their cofactors; each copy was simplified again and the result grew past a 4 GB heap (probe 40).
 */
const MAX_ELIMINATION_WORK = 200_000;

interface Work {
  left: number;
  /** Each distinct node's result: a side shares its subterms, and they are simplified once. */
  readonly done: Map<Term, Term>;
  /** The range of each index variable: the free indices' and every sum's (binders have names of their own). */
  readonly dims: ReadonlyMap<string, Dim>;
  /** `c:n` for each entry at the whole number c of a range n that the step reads (x[2] of x: vector[n]). */
  readonly entries: ReadonlySet<string>;
}

/** What a step says of the ranges a delta picks in (withinRange), read once for both its sides. */
export interface DeltaRanges {
  /** The free indices' ranges. */
  readonly freeIndexDims: ReadonlyMap<string, Dim>;
  /** `c:n` for each entry at the whole number c of a range n that the step reads (x[2] of x: vector[n]). */
  readonly entries: ReadonlySet<string>;
}

const NO_RANGES: DeltaRanges = { freeIndexDims: new Map(), entries: new Set() };

/** The ranges of a step whose sides are `sides`, free indices `freeIndices` and inputs `inputs`. */
export function deltaRanges(sides: readonly Term[], inputs: ReadonlyMap<string, Input>, freeIndices: readonly { readonly name: string; readonly dim: Dim }[]): DeltaRanges {
  return { freeIndexDims: new Map(freeIndices.map((f) => [f.name, f.dim])), entries: numberedEntries(sides, inputs) };
}

/**
 * The whole-number positions the terms read in each sized range: an entry x[2] of x: vector[n] has a value only where
 * n >= 2, and so has the step; a derivative in it (diff(f, x[2])) counts as a read.
 */
function numberedEntries(terms: readonly Term[], inputs: ReadonlyMap<string, Input>): Set<string> {
  const out = new Set<string>();
  const note = (name: string, indices: readonly Index[]) => {
    const dims = inputs.get(name)?.dims;
    indices.forEach((i, p) => {
      const dim = dims?.[p];
      if (i.k === 'lit' && dim?.k === 'sym' && dim.derived === undefined) out.add(`${i.value}:${dim.name}`);
    });
  };
  for (const term of terms) {
    someSubterm(term, (t) => {
      if (t.k === 'input') note(t.ref.name, t.ref.indices);
      if (t.k === 'diff') note(t.v.name, t.v.indices);
      return false;
    });
  }
  return out;
}

/** The free indices' ranges and those of the sums and reductions in the term. */
function indexDims(term: Term, free: ReadonlyMap<string, Dim>): Map<string, Dim> {
  const dims = new Map(free);
  someSubterm(term, (t) => {
    if (t.k === 'sum' || t.k === 'reduce') dims.set(t.index, t.dim);
    return false;
  });
  return dims;
}

class EliminationTooLarge extends Error {}

function eliminate(term: Term, keepDomain: ReadonlyMap<string, Input> | undefined, work: Work): Term {
  const known = work.done.get(term);
  if (known !== undefined) return known;
  if (--work.left < 0) throw new EliminationTooLarge();
  const result = eliminateOnce(term, keepDomain, work);
  work.done.set(term, result);
  return result;
}

function eliminateOnce(term: Term, keepDomain: ReadonlyMap<string, Input> | undefined, work: Work): Term {
  const t = mapChildren(term, (c) => eliminate(c, keepDomain, work));
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
    const { factors, picked } = pickByDelta(product, t.index, (other) => withinRange(other, t.dim, work.dims, work.entries));
    if (picked) {
      // The substituted factors may hold sums whose deltas can pick now.
      parts.push(eliminate(mul(...factors), keepDomain, work));
      // With `keepDomain` (the inputs), the terms the delta zeroes must still have a value:
      // 0 * log(x[j]) has none where x[j] <= 0. 0 * (their sum) keeps those conditions.
      const dropped = withoutDelta(product, t.index);
      if (keepDomain && !hasValueFor(dropped, keepDomain)) parts.push(mul(ZERO, { k: 'sum', index: t.index, dim: t.dim, body: dropped }));
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
export function pickByDelta(product: readonly Term[], index: string, inRange: (other: Index) => boolean = () => true): { factors: Term[]; picked: boolean } {
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
    // A label cannot stand in a sum of indices (x[i + j - 1] with j := c): that delta stays.
    if (other.k === 'label' && rest.some(hasAffineIndex)) continue;
    // Only where the picked position lies in the sum's range: a sum over t = 1..T of V[t], V a vector[T + 1], has no
    // term at T + 1, and its derivative in V[T + 1] is 0, not the body there (probe 99: a true GAE step refuted).
    if (!inRange(other)) continue;
    return { factors: rest.map((r) => substituteIndices(r, new Map([[index, other]]))), picked: true };
  }
  return { factors, picked: false };
}

/**
 * Whether a position is inside a sum's range at every size where the step has a value: the same range's index, its
 * size less a whole number (n - 1 of n; below 1 no entry there has a value), 1, a number within a fixed range, or one
 * at which the step reads an entry of that range (`entries`). An index of another range (n + 1, a free index over
 * T + 1, 2 in a sum over T of V: vector[T + 1]) is not: the delta stays, and the engines read it at each size.
 */
export function withinRange(other: Index, range: Dim, dims: ReadonlyMap<string, Dim>, entries: ReadonlySet<string> = new Set()): boolean {
  switch (other.k) {
    case 'var': {
      const dim = dims.get(other.name);
      return dim === undefined || (other.offset === 0 && sameDim(dim, range));
    }
    case 'dim': return range.k === 'sym' && range.derived === undefined && other.name === range.name && other.offset <= 0;
    case 'lit': return other.value === 1 || (range.k === 'fixed' ? other.value >= 1 && other.value <= range.size
      : range.derived === undefined && entries.has(`${other.value}:${range.name}`));
    case 'label': return true;
    case 'affine': return false;
  }
}

function sameDim(a: Dim, b: Dim): boolean {
  if (a.k === 'fixed' || b.k === 'fixed') return a.k === b.k && (a as { size: number }).size === (b as { size: number }).size;
  return a.name === b.name && JSON.stringify(a.derived ?? null) === JSON.stringify(b.derived ?? null);
}

const isIndex = (i: Index, index: string) => i.k === 'var' && i.name === index && i.offset === 0;

function otherSide(a: Index, b: Index, index: string): Index | undefined {
  const isIt = (i: Index) => isIndex(i, index);
  // delta(j, i + m - 1) picks nothing: i + m - 1 may lie outside j's range, where the sum is 0, not the term.
  if (a.k === 'affine' || b.k === 'affine') return undefined;
  if (isIt(a) && !isIt(b) && !indexMentions(b, index)) return b;
  if (isIt(b) && !isIt(a) && !indexMentions(a, index)) return a;
  return undefined;
}

function indexMentions(i: Index, index: string): boolean {
  return (i.k === 'var' && i.name === index) || (i.k === 'label' && i.indices.some((x) => indexMentions(x, index)))
    || (i.k === 'affine' && i.terms.some((t) => !t.dim && t.name === index));
}


/** The product without the delta that picks on `index`: the body of the terms the delta zeroes. */
export function withoutDelta(product: readonly Term[], index: string): Term {
  const at = product.findIndex((f) => f.k === 'icmp' && f.op === '==' && otherSide(f.a, f.b, index) !== undefined);
  return mul(...product.filter((_, i) => i !== at));
}

const POSITIVE_KINDS = new Set(['positive', 'unit', 'simplex']);

/** Shared subterms (a softmax denominator) are judged once per step. */
const hasValueMemo = new WeakMap<ReadonlyMap<string, Input>, ValueMemo>();

/**
 * Whether a term has a value at every input its types allow, read from its shape:
 * like {@link hasValueEverywhere}, and a division by, a log of or a root of
 * something known positive (a positive input, exp, a sum of such) has one too.
 * Conservative: false when unsure.
 */
export function hasValueFor(t: Term, inputs: ReadonlyMap<string, Input>): boolean {
  let memo = hasValueMemo.get(inputs);
  if (!memo) hasValueMemo.set(inputs, (memo = { inputs, value: new WeakMap(), positive: new WeakMap() }));
  return hasValue(t, memo);
}

interface ValueMemo {
  readonly inputs: ReadonlyMap<string, Input>;
  readonly value: WeakMap<Term, boolean>;
  readonly positive: WeakMap<Term, boolean>;
}

function hasValue(x: Term, m: ValueMemo): boolean {
  let known = m.value.get(x);
  if (known === undefined) m.value.set(x, (known = readHasValue(x, m)));
  return known;
}

function readHasValue(x: Term, m: ValueMemo): boolean {
  switch (x.k) {
    case 'add': return x.terms.every((y) => hasValue(y, m));
    case 'mul': return x.factors.every((y) => hasValue(y, m));
    case 'sum': return hasValue(x.body, m);
    case 'pow':
      return isPositive(x.base, m) ? hasValue(x.exponent, m)
        : hasValueEverywhere(x.exponent) && hasValueEverywhere({ ...x, base: ZERO }) && hasValue(x.base, m);
    case 'fn':
      // A function whose domain depends on its argument (total-terms.ts: log, sqrt, log1p) is read at a positive one;
      // any other is asked whether it has a value everywhere, at 0 (log1p was: 0 * log1p(x) lost x > -1).
      return (x.name === 'log' || x.name === 'sqrt' || x.name === 'log1p' ? isPositive(x.args[0], m) : hasValueEverywhere({ ...x, args: x.args.map(() => ZERO) }))
        && x.args.every((y) => hasValue(y, m));
    case 'cmp': return hasValue(x.a, m) && hasValue(x.b, m);
    default: return hasValueEverywhere(x);
  }
}

function isPositive(x: Term, m: ValueMemo): boolean {
  let known = m.positive.get(x);
  if (known === undefined) m.positive.set(x, (known = readIsPositive(x, m)));
  return known;
}

function readIsPositive(x: Term, m: ValueMemo): boolean {
  switch (x.k) {
    case 'num': return x.value.num > 0n;
    case 'pi': case 'size': return true;
    // Indices start at 1: an index (or a dimension) plus a whole number is at least 1.
    case 'ival': return x.index.k === 'lit' ? x.index.value > 0 : x.index.offset >= 0;
    case 'input': return POSITIVE_KINDS.has(m.inputs.get(x.ref.name)?.kind ?? '');
    // The written-out determinant of an invertible or spd input: positive by its type (a written-out inverse divides by it).
    case 'add': return x.terms.every((y) => isPositive(y, m)) || positiveDeterminantKeys(m.inputs).has(termKey(x));
    case 'mul': return x.factors.every((y) => isPositive(y, m));
    case 'pow': return isPositive(x.base, m) && hasValue(x.exponent, m);
    case 'sum': return isPositive(x.body, m);
    case 'fn': return ['exp', 'sigmoid', 'softplus', 'cosh'].includes(x.name) && x.args.every((y) => hasValue(y, m));
    default: return false;
  }
}
