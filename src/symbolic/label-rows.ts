import { isBinder, mapChildren, mul, printIndex, type Dim, type Index, type Input, type Term } from '../model/index.ts';

/**
 * Labels read inside a sum over their own rows, for the every-n prover.
 *
 * `sum(i, log(a[i, y[i]]))`, the batch cross-entropy, varies its label with the
 * summation index, so no case split on index equalities can fix y[i]. But a label
 * is a one-hot row: for any term B, B(y[i]) = sum(c, [c == y[i]] B(c)), since
 * exactly one class c has [c == y[i]] = 1. Written with the one-hot matrix
 * Y[i, c] = [c == y[i]] as an input of its own, the sum body no longer mentions
 * the label: deltas on c pick their terms (sum(c, Y[i, c] delta(c, k) f) is
 * Y[i, k] f), and the facts of one-hot rows finish the work: sum(c, Y[i, c]) = 1,
 * Y[i, c]^2 = Y[i, c], and Y[i, c] Y[i, d] = 0 for classes c != d.
 *
 * The rewrite is an identity wherever B(c) has a value for every class c. Where
 * only B(y[i]) has one, the rewritten side asks for more than the original; so a
 * proof over rewritten sides is sound for the equality, and the caller must not
 * rely on the rewritten conditions to excuse the step (see every-n.ts).
 */

/** The one-hot matrix standing for the label `name`: a name no derivation can write. */
export function oneHotRowsName(label: string): string {
  return `⟨${label}⟩`;
}

/** Whether an input is such a one-hot matrix: the last index is the class, the others the row. */
export function isOneHotRows(input: Input | undefined): boolean {
  return input !== undefined && input.kind === 'onehot' && input.dims.length > 1;
}

export interface LabelRows {
  readonly term: Term;
  /** The one-hot matrices the rewrite introduced, one per label; empty when nothing was rewritten. */
  readonly inputs: readonly Input[];
}

/**
 * Rewrites every label indexed by a summation index (y[i] inside sum(i, ...)) as
 * a sum over its classes weighted by the one-hot matrix, at the body of the sum
 * or reduction that binds the index. Labels with free indices stay: the every-n
 * prover splits them into cases. `undefined` for a label indexed by a label
 * (y[z[i]]), which is left to the concrete sizes.
 */
export function labelsAsOneHotRows(term: Term, inputs: ReadonlyMap<string, Input>): LabelRows | undefined {
  const introduced = new Map<string, Input>();
  let fresh = 0;
  let unsupported = false;

  /** The first label in t whose indices use one of the bound names (innermost binding last). */
  const findLabel = (t: Term, bound: ReadonlySet<string>): Extract<Index, { k: 'label' }> | undefined => {
    let found: Extract<Index, { k: 'label' }> | undefined;
    const see = (i: Index): void => {
      if (found || i.k !== 'label' || i.indices.length === 0) return;
      if (i.indices.some((x) => x.k === 'label')) { unsupported = true; return; }
      if (i.offset === 0 && i.indices.some((x) => x.k === 'var' && bound.has(x.name))) found = i;
      else if (i.indices.some((x) => x.k === 'var' && bound.has(x.name))) unsupported = true;
    };
    const walk = (x: Term): Term => {
      if (found) return x;
      if (x.k === 'input') x.ref.indices.forEach(see);
      else if (x.k === 'icmp') { see(x.a); see(x.b); }
      else if (x.k === 'ival') see(x.index);
      else if (x.k === 'diff') { x.v.indices.forEach(see); walk(x.f); }
      else mapChildren(x, walk);
      return x;
    };
    walk(t);
    return found;
  };

  /** B(y[i]) as sum(c, Y[i, c] * B(c)), for each label y[i] B uses, one sum per label. */
  const expandLabels = (body: Term, bound: ReadonlySet<string>): Term => {
    for (let guard = 0; guard < 16; guard++) {
      const label = findLabel(body, bound);
      if (label === undefined) return body;
      const input = inputs.get(label.name);
      if (input?.classes === undefined) { unsupported = true; return body; }
      const rowsName = oneHotRowsName(label.name);
      if (!introduced.has(rowsName)) {
        introduced.set(rowsName, {
          name: rowsName, kind: 'onehot', dims: [...input.dims, input.classes], typeText: `onehot rows of ${input.typeText}`,
        });
      }
      const c = `%class${++fresh}`;
      const classIndex: Index = { k: 'var', name: c, offset: 0 };
      const replaced = replaceLabel(body, label, classIndex);
      const weight: Term = { k: 'input', ref: { name: rowsName, indices: [...label.indices, classIndex] } };
      body = { k: 'sum', index: c, dim: input.classes as Dim, body: mul(weight, replaced) };
    }
    unsupported = true;
    return body;
  };

  const go = (t: Term, bound: ReadonlySet<string>): Term => {
    if (isBinder(t)) {
      const inner = new Set([...bound, t.index]);
      const body = go(t.body, inner);
      return { ...t, body: expandLabels(body, new Set([t.index])) };
    }
    return mapChildren(t, (x) => go(x, bound));
  };

  const out = go(term, new Set());
  if (unsupported) return undefined;
  return { term: out, inputs: [...introduced.values()] };
}

/** t with every occurrence of the label index `label` (same name, same indices) replaced by `by`. */
function replaceLabel(t: Term, label: Extract<Index, { k: 'label' }>, by: Index): Term {
  const key = printIndex(label);
  const idx = (i: Index): Index => (i.k === 'label' && i.offset === 0 && printIndex(i) === key ? by : i);
  const go = (x: Term): Term => {
    switch (x.k) {
      case 'input': return { k: 'input', ref: { name: x.ref.name, indices: x.ref.indices.map(idx) } };
      case 'icmp': return { ...x, a: idx(x.a), b: idx(x.b) };
      case 'ival': return { k: 'ival', index: idx(x.index) };
      case 'diff': return { k: 'diff', f: go(x.f), v: { name: x.v.name, indices: x.v.indices.map(idx) } };
      default: return mapChildren(x, go);
    }
  };
  return go(t);
}
