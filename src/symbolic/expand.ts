import { add, mapChildren, mul, num, sub, ONE, ZERO, type Comparison, type Index, type Input, type Term } from '../model/index.ts';

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
 * A term at a concrete instance: every sum written out, every index a number,
 * every comparison of indices 0 or 1, every one-hot entry 0 or 1, and the last
 * entry of a simplex replaced by 1 minus the others (so its constraint is exact).
 * What remains is a scalar expression in the inputs' entries.
 */
export function expandAt(term: Term, instance: Instance, inputs: ReadonlyMap<string, Input>): Term {
  const indexValue = (i: Index, local: ReadonlyMap<string, number>): number => {
    switch (i.k) {
      case 'lit': return i.value;
      case 'var': {
        const v = local.get(i.name) ?? instance.indices.get(i.name);
        if (v === undefined) throw new Error(`internal: index ${i.name} has no value`);
        return v + i.offset;
      }
      case 'dim': return sizeOf(i.name) + i.offset;
      case 'label': {
        const v = instance.labels.get(i.name);
        if (v === undefined) throw new Error(`internal: label ${i.name} has no value`);
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

  const go = (t: Term, local: ReadonlyMap<string, number>): Term => {
    switch (t.k) {
      case 'size': return num(sizeOf(t.name));
      case 'icmp': return compare(t.op, indexValue(t.a, local), indexValue(t.b, local)) ? ONE : ZERO;
      case 'sum': {
        const n = dimSize(t.dim);
        const terms: Term[] = [];
        for (let j = 1; j <= n; j++) {
          const inner = new Map(local);
          inner.set(t.index, j);
          terms.push(go(t.body, inner));
        }
        return add(...terms);
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
        const factors = t.factors.map((f) => go(f, local));
        return mul(...factors);
      }
      default:
        return mapChildren(t, (c) => go(c, local));
    }
  };
  return go(term, new Map());
}

export function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}
