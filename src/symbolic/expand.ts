import { add, compare, isNum, mapChildren, substituteIndices, mul, num, sub, ONE, ZERO, type Comparison, type Index, type Input, type Term } from '../model/index.ts';
import { hasValueFor } from './eliminate-deltas.ts';
import { BudgetExceededError } from './exact/index.ts';

/** Factors of a product written out for the exact engine, at most. */
const MAX_EXPANDED_FACTORS = 2_000;

/** Everything that is a number at a concrete instance: sizes, free index values, cases. */
export interface Instance {
  /** Size of each dimension symbol. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Value of each free index variable. */
  readonly indices: ReadonlyMap<string, number>;
  /** Value of each `label` input (a case of a case split). */
  readonly labels: ReadonlyMap<string, number>;
  /** Position of the 1 in each `onehot` input (a case of a case split). */
  readonly hot: ReadonlyMap<string, number>;
}

/** Raised when an index falls outside its range at an instance: the term has no value there. */
export class IndexOutOfRange extends Error {
  override readonly name = 'IndexOutOfRange';
}

/**
 * Expansions of closed subterms (no free index, no case-split input inside), shared
 * by all the instances of one size: the softmax denominator is written out once
 * per size, not once per entry, and the canonical form can then be cached by identity.
 */
export class ExpansionCache {
  /** Expansions of subterms with no free index and no case-split input (a softmax's denominator, a written-out det). */
  readonly terms = new WeakMap<Term, Term>();
  /** Each subterm's free index variables, with CASE_DEPENDENT where it reads a one-hot or label input. */
  readonly free = new WeakMap<Term, ReadonlySet<string>>();
}

/** Marks a subterm whose expansion depends on a case of a case split. */
const CASE_DEPENDENT = '#case';
const NONE: ReadonlySet<string> = new Set();

/** The free index variables of a term (memoised by identity), CASE_DEPENDENT included where a case matters. */
function freeIndexVariables(t: Term, inputs: ReadonlyMap<string, Input>, cache: ExpansionCache): ReadonlySet<string> {
  const known = cache.free.get(t);
  if (known !== undefined) return known;
  let out: Set<string> | undefined;
  const note = (name: string) => { (out ??= new Set()).add(name); };
  const noteIndex = (i: Index) => {
    if (i.k === 'var') note(i.name);
    else if (i.k === 'affine') { for (const part of i.terms) if (!part.dim) note(part.name); }
    else if (i.k === 'label') { note(CASE_DEPENDENT); i.indices.forEach(noteIndex); }
  };
  switch (t.k) {
    case 'input': {
      const kind = inputs.get(t.ref.name)?.kind;
      if (kind === 'onehot' || kind === 'label') note(CASE_DEPENDENT);
      t.ref.indices.forEach(noteIndex);
      break;
    }
    case 'icmp': noteIndex(t.a); noteIndex(t.b); break;
    case 'ival': noteIndex(t.index); break;
    case 'diff': note(CASE_DEPENDENT); break;
    case 'sum': case 'reduce': case 'series':
      for (const name of freeIndexVariables(t.body, inputs, cache)) if (name !== t.index) note(name);
      break;
    default:
      mapChildren(t, (c) => { for (const name of freeIndexVariables(c, inputs, cache)) note(name); return c; });
  }
  const result = out ?? NONE;
  cache.free.set(t, result);
  return result;
}

/**
 * A term at a concrete instance: every sum written out, every index a number,
 * every comparison of indices 0 or 1, every one-hot entry 0 or 1, and the last
 * entry of a simplex replaced by 1 minus the others (so its constraint is exact).
 * What remains is a scalar expression in the inputs' entries.
 */
export function expandAt(term: Term, instance: Instance, inputs: ReadonlyMap<string, Input>, cache?: ExpansionCache): Term {
  const indexValue = (i: Index, local: ReadonlyMap<string, number>): number => {
    switch (i.k) {
      case 'lit': return i.value;
      case 'var': {
        const v = local.get(i.name) ?? instance.indices.get(i.name);
        if (v === undefined) throw new Error(`internal: index ${i.name} has no value`);
        return v + i.offset;
      }
      case 'dim': return sizeOf(i.name) + i.offset;
      case 'affine': return i.terms.reduce((v, t) => {
        if (t.dim) return v + t.coef * sizeOf(t.name);
        const x = local.get(t.name) ?? instance.indices.get(t.name);
        if (x === undefined) throw new Error(`internal: index ${t.name} has no value`);
        return v + t.coef * x;
      }, i.offset);
      case 'label': {
        // A label vector's entries are cases of their own: y[2] is keyed `y[2]`.
        const key = i.indices.length === 0 ? i.name : `${i.name}[${i.indices.map((x) => indexValue(x, local)).join(', ')}]`;
        const v = instance.labels.get(key);
        if (v === undefined) throw new IndexOutOfRange(`label ${key} is out of range`);
        return v + i.offset;
      }
    }
  };
  const sizeOf = (name: string): number => {
    const s = instance.sizes.get(name);
    if (s === undefined) throw new Error(`internal: dimension ${name} has no size`);
    return s;
  };
  const dimSize = (d: { k: 'sym'; name: string } | { k: 'fixed'; size: number }) => (d.k === 'fixed' ? d.size : sizeOf(d.name));

  /** The body of a sum or reduction at each value of its index, the enclosing index values restored after. */
  const everyEntry = (t: Extract<Term, { k: 'sum' | 'reduce' }>, local: ReadonlyMap<string, number>): Term[] => {
    const terms: Term[] = [];
    const scope = local as Map<string, number>;
    const outer = scope.get(t.index);
    // sum(k, 1, 1000000, x) written out is a million terms (and past the call stack as arguments): past the
    // exact engine's budget whatever follows, so it says so at once and the numbers decide.
    if (dimSize(t.dim) > MAX_WRITTEN_ENTRIES) throw new BudgetExceededError('terms', MAX_WRITTEN_ENTRIES);
    for (let j = 1; j <= dimSize(t.dim); j++) {
      scope.set(t.index, j);
      terms.push(go(t.body, scope));
    }
    if (outer === undefined) scope.delete(t.index);
    else scope.set(t.index, outer);
    return terms;
  };
  const go = (t: Term, local: ReadonlyMap<string, number>): Term => {
    // A subterm with no free index reads no instance: written out once per size (the cache is one size's).
    if (cache !== undefined && COMPOSITE.has(t.k) && freeIndexVariables(t, inputs, cache).size === 0) {
      const hit = cache.terms.get(t);
      if (hit !== undefined) return hit;
      const expanded = expandOnce(t, local);
      cache.terms.set(t, expanded);
      return expanded;
    }
    return expandOnce(t, local);
  };
  const expandOnce = (t: Term, local: ReadonlyMap<string, number>): Term => {
    switch (t.k) {
      case 'size': return num(sizeOf(t.name));
      case 'icmp': return compare(t.op, indexValue(t.a, local), indexValue(t.b, local)) ? ONE : ZERO;
      // Once its index has a value, an index used as a number is that number (x^(k - 1) a polynomial).
      case 'ival': return num(indexValue(t.index, local));
      // A sum with no free index is written out once per size, as every such subterm is (go).
      case 'sum': return add(...everyEntry(t, local));
      // A series stays a series: its free indices and sizes become numbers, its own index stays (an atom to the exact engine).
      case 'series': return { ...t, body: fixIndices(t.body, t.index, local, sizeOf) };
      case 'reduce': {
        // Written out: a product is a product; max and min become one extremum of the n entries.
        const terms = everyEntry(t, local);
        // prod(k, 1, 100000, k) is exact, but a number of 1.5 million bits built by 100000 multiplications took
        // minutes before any budget saw a term: a long product is left to the numbers.
        if (t.op === 'prod' && terms.length > MAX_EXPANDED_FACTORS) throw new BudgetExceededError('terms', MAX_EXPANDED_FACTORS);
        if (t.op === 'prod') return mul(...terms);
        return terms.length === 1 ? terms[0] : { k: 'extremum', op: t.op, terms };
      }
      case 'input': {
        const input = inputs.get(t.ref.name)!;
        const at = t.ref.indices.map((i) => indexValue(i, local));
        at.forEach((value, p) => {
          const size = dimSize(input.dims[p]);
          if (value < 1 || value > size) throw new IndexOutOfRange(`${t.ref.name}[${at.join(', ')}] is outside 1..${size}`);
        });
        if (input.kind === 'onehot') {
          const hot = instance.hot.get(input.name);
          if (hot !== undefined) return at[0] === hot ? ONE : ZERO;
        }
        if (input.kind === 'simplex' && at[0] === dimSize(input.dims[0])) {
          const others: Term[] = [];
          for (let j = 1; j < at[0]; j++) others.push({ k: 'input', ref: { name: input.name, indices: [{ k: 'lit', value: j }] } });
          return sub(ONE, add(...others));
        }
        return { k: 'input', ref: { name: t.ref.name, indices: at.map((value) => ({ k: 'lit', value })) } };
      }
      case 'diff':
        throw new Error('internal: expandAt needs a term without diff; differentiate first');
      case 'mul': {
        // A one-hot entry or an index test made 0 zeroes its product when the factors have a value
        // at every input the types allow (0 * log(s[i]) with s positive): judged once on the
        // unexpanded factors, shared by all instances. Otherwise the rest keeps its domain.
        // A factor that reads outside an array has no value, and neither has the product, zero or not
        // (as in doubles, 0 * NaN): the factors after a zero are still read for that.
        const foldable = hasValueFor(t, inputs);
        const factors: Term[] = [];
        let zero = false;
        for (const f of t.factors) {
          if (zero) { if (readsShifted(f)) go(f, local); continue; }
          const e = go(f, local);
          if (foldable && isNum(e, 0)) { zero = true; continue; }
          factors.push(e);
        }
        return zero ? ZERO : mul(...factors);
      }
      default:
        return mapChildren(t, (c) => go(c, local));
    }
  };
  return go(term, new Map());
}

/** The most entries a sum or reduction is written out with at a concrete size. */
const MAX_WRITTEN_ENTRIES = 100_000;

/** The kinds worth remembering an expansion of: everything but leaves. */
const COMPOSITE = new Set<Term['k']>(['add', 'mul', 'pow', 'fn', 'sum', 'reduce', 'series', 'extremum', 'cmp']);

/** A series' body at an instance: every free index a number and every size its value, the series' own index kept. */
function fixIndices(body: Term, own: string, local: ReadonlyMap<string, number>, sizeOf: (name: string) => number): Term {
  const values = new Map<string, Index>([...local].filter(([name]) => name !== own).map(([name, value]) => [name, { k: 'lit', value }]));
  const sizes = (t: Term): Term => (t.k === 'size' ? num(sizeOf(t.name)) : mapChildren(t, sizes));
  return sizes(substituteIndices(body, values));
}

/** Whether a term reads an entry at a shifted position (x[i + 1], x[i + j - 1]), which may fall outside its array. */
function readsShifted(t: Term): boolean {
  const shifted = (i: Index): boolean => i.k === 'affine' || (i.k !== 'lit' && i.offset !== 0) || (i.k === 'label' && i.indices.some(shifted));
  if (t.k === 'input') return t.ref.indices.some(shifted);
  let found = false;
  mapChildren(t, (c) => {
    if (!found && readsShifted(c)) found = true;
    return c;
  });
  return found;
}

/**
 * The first entry a term reads outside its array at concrete sizes and free-index
 * values (`x[3], outside 1..2`), for the words of a refutation; undefined when it
 * reads none, or when its value depends on a case (a label) this does not know.
 */
export function entryReadOutside(term: Term, sizes: ReadonlyMap<string, number>, indices: ReadonlyMap<string, number>, inputs: ReadonlyMap<string, Input>): string | undefined {
  try {
    expandAt(term, { sizes, indices, labels: new Map(), hot: new Map() }, inputs);
  } catch (error) {
    if (error instanceof IndexOutOfRange && /^\S+\[[^\]]*\] is outside /.test(error.message)) return error.message.replace(' is outside ', ', outside ');
    return undefined;
  }
  return undefined;
}
