/**
 * Case splits up to symmetry: the instances of a step at one size (free index
 * values, the class of each label, the position of each one-hot 1), with those
 * that are a relabelling of another left out.
 *
 * Why it is sound. Take a dimension (a symbol such as `C`, or all fixed axes of one
 * size) and a permutation p of 1..n. Apply p to every entry position along an axis
 * of that dimension (inputs' entries are renamed: x[j] becomes x[p(j)]), to every
 * free index, label value and one-hot position ranging over it, and to the rows of
 * the labels given one per row of it. If the step's terms are *invariant* under this,
 * then its two sides at instance p(c) are its two sides at instance c with input
 * entries renamed, so one is an identity exactly when the other is (input types are
 * invariant too: real, positive, unit entries each on their own; a simplex or a
 * one-hot vector along its axis stays one). Deciding one instance per orbit then
 * decides them all; and a representative that differs is reported as it is.
 *
 * The terms are invariant when every index into the dimension is a plain variable
 * (bound by a full-range `sum` or free) or a label value, and indices are compared
 * only for equality (`delta`, `==`, `!=`) and only with indices of the same
 * dimension. A literal index (`x[3]`, `s[n]`: n as the last index), an offset
 * (`x[j + 1]`), an ordering (`i < k`), or an index used across two dimensions
 * singles out positions, and that dimension is not permuted. Sums over a whole
 * range, sizes used as values (`eps / n`) and functions of values are invariant;
 * an index used as a number (`i * x[i]`, `gamma^t`) singles out positions like an ordering.
 *
 * The representatives (each orbit gets at least one; a few get more, harmless):
 * 1. For a dimension whose rows carry per-row labels (`y: label[N, C]`, rows N): the
 *    free indices, labels and one-hot positions that point at rows take values in
 *    order of first appearance (1, then 1 or 2, ...): these rows, the distinguished
 *    ones, are 1..m. The other rows are interchangeable: their label tuples are
 *    sorted (each row not less than the one above).
 * 2. For any other dimension: its values at the distinguished coordinates (all but
 *    the labels of interchangeable rows) appear in order of first appearance; the
 *    values they leave unused are interchangeable, so among the interchangeable rows
 *    they occur each no more often than the one before.
 * Any instance reaches one: choose p for step 1's dimensions, then p for step 2's
 * on the distinguished coordinates, then relabel the unused values by decreasing
 * count, then sort the interchangeable rows; no step undoes an earlier one.
 */
import { hasAffineIndex, mapChildren, type Dim, type FreeIndex, type Index, type Input, type Term } from '../model/index.ts';

/** The terms and the inputs a case split looks at. */
export interface CaseSplitStep {
  readonly lhs: Term;
  readonly rhs: Term;
  readonly inputs: readonly Input[];
  readonly freeIndices: readonly FreeIndex[];
}

/** One number an instance fixes: a free index, a label (of the whole input or of one row), a one-hot position. */
export interface Coordinate {
  /** `i`, `y`, `y[3]`: the name the instance is keyed by. */
  readonly name: string;
  readonly kind: 'index' | 'label' | 'hot';
  /** Its values are 1..n. */
  readonly n: number;
  /** The dimension its values range over ({@link dimKey}). */
  readonly valueKey: string;
  /** For a label of one row: the dimension of the rows and the row. */
  readonly row?: { readonly key: string; readonly r: number };
}

/** Dimensions are keyed by symbol; fixed axes by size, as all axes of one fixed size may be permuted together. */
export function dimKey(d: Dim): string {
  return d.k === 'sym' ? d.name : `#${d.size}`;
}

/**
 * The dimensions the step's terms are invariant under permuting, or `undefined`
 * when an index has no known range (nothing is permuted then).
 */
export function symmetricDimensions(step: CaseSplitStep): Set<string> | undefined {
  const inputs = new Map(step.inputs.map((i) => [i.name, i]));
  const seen = new Set<string>();
  const tainted = new Set<string>();
  let unknown = false;
  const see = (key: string | undefined): void => { if (key !== undefined) seen.add(key); };
  const taint = (...keys: (string | undefined)[]): void => keys.forEach((k) => { if (k !== undefined) tainted.add(k); });

  /** The dimension an index's value ranges over, or undefined for a literal or a size used as an index. */
  const rangeOf = (i: Index, scope: ReadonlyMap<string, string>): string | undefined => {
    if (i.k === 'var') {
      const key = scope.get(i.name);
      if (key === undefined) unknown = true;
      return key;
    }
    if (i.k === 'label') {
      const label = inputs.get(i.name);
      if (!label?.classes) { unknown = true; return undefined; }
      return dimKey(label.classes);
    }
    return undefined;
  };
  /** An index at an axis of dimension `axis`. */
  const atAxis = (i: Index, axis: string, scope: ReadonlyMap<string, string>): void => {
    see(axis);
    const range = rangeOf(i, scope);
    if (range === undefined || range !== axis || ('offset' in i && i.offset !== 0)) taint(axis, range);
    if (i.k === 'label') labelRows(i, scope);
  };
  const labelRows = (i: Extract<Index, { k: 'label' }>, scope: ReadonlyMap<string, string>): void => {
    const label = inputs.get(i.name);
    if (!label) { unknown = true; return; }
    i.indices.forEach((inner, p) => atAxis(inner, dimKey(label.dims[p]), scope));
  };
  const atInput = (name: string, indices: readonly Index[], scope: ReadonlyMap<string, string>): void => {
    const input = inputs.get(name);
    if (!input || input.dims.length !== indices.length) { unknown = true; return; }
    indices.forEach((i, p) => atAxis(i, dimKey(input.dims[p]), scope));
  };
  const walk = (t: Term, scope: ReadonlyMap<string, string>): Term => {
    switch (t.k) {
      case 'input': atInput(t.ref.name, t.ref.indices, scope); break;
      case 'diff': atInput(t.v.name, t.v.indices, scope); walk(t.f, scope); break;
      case 'icmp': {
        const a = rangeOf(t.a, scope);
        const b = rangeOf(t.b, scope);
        see(a); see(b);
        const plain = (i: Index) => (i.k === 'var' || i.k === 'label') && i.offset === 0;
        if ((t.op !== '==' && t.op !== '!=') || a === undefined || b === undefined || a !== b || !plain(t.a) || !plain(t.b)) taint(a, b);
        if (t.a.k === 'label') labelRows(t.a, scope);
        if (t.b.k === 'label') labelRows(t.b, scope);
        break;
      }
      case 'ival': {
        // An index used as a number tells positions apart (sum(i, i * x[i]) is not invariant under
        // relabelling i), like an ordering: its dimension is not permuted.
        const range = rangeOf(t.index, scope);
        see(range);
        taint(range);
        if (t.index.k === 'label') labelRows(t.index, scope);
        break;
      }
      case 'sum': walk(t.body, new Map(scope).set(t.index, dimKey(t.dim))); break;
      default: mapChildren(t, (c) => walk(c, scope));
    }
    return t;
  };
  // An affine index (x[i + j - 1]) is not invariant under permuting its variables' values (i + j - 1
  // moves by more than a relabelling), so no dimension is symmetric: every instance is decided.
  if (hasAffineIndex(step.lhs) || hasAffineIndex(step.rhs)) return undefined;
  const free = new Map(step.freeIndices.map((f) => [f.name, dimKey(f.dim)]));
  walk(step.lhs, free);
  walk(step.rhs, free);
  if (unknown) return undefined;
  const keys = new Set<string>([...free.values(), ...seen]);
  for (const input of step.inputs) {
    input.dims.forEach((d) => keys.add(dimKey(d)));
    if (input.classes) keys.add(dimKey(input.classes));
  }
  return new Set([...keys].filter((k) => !tainted.has(k)));
}

/**
 * The coordinates of the instances at one size, in the order they are enumerated:
 * free indices, then labels and one-hot positions of whole inputs, then the labels
 * of rows, row by row.
 */
export function coordinates(freeIndices: readonly FreeIndex[], discrete: readonly Input[], sizeOf: (d: Dim) => number): Coordinate[] {
  const out: Coordinate[] = freeIndices.map((f) => ({ name: f.name, kind: 'index', n: sizeOf(f.dim), valueKey: dimKey(f.dim) }));
  for (const input of discrete) {
    if (input.kind === 'label' && input.dims.length > 0) continue;
    const values = input.kind === 'label' ? input.classes! : input.dims[0];
    out.push({ name: input.name, kind: input.kind === 'label' ? 'label' : 'hot', n: sizeOf(values), valueKey: dimKey(values) });
  }
  const perRow = discrete.filter((i) => i.kind === 'label' && i.dims.length > 0);
  const rows = Math.max(0, ...perRow.map((i) => sizeOf(i.dims[0])));
  for (let r = 1; r <= rows; r++) {
    for (const input of perRow) {
      if (r > sizeOf(input.dims[0])) continue;
      out.push({
        name: `${input.name}[${r}]`, kind: 'label', n: sizeOf(input.classes!), valueKey: dimKey(input.classes!),
        row: { key: dimKey(input.dims[0]), r },
      });
    }
  }
  return out;
}

/**
 * The value tuples of `coords` that represent every orbit under permutations of
 * the `symmetric` dimensions (see the module comment), in lexicographic order.
 * With no symmetric dimension, every tuple.
 */
export function* representatives(coords: readonly Coordinate[], symmetric: ReadonlySet<string>): Generator<number[]> {
  const rowKeys = new Set(coords.flatMap((c) => (c.row ? [c.row.key] : [])));
  // A dimension that is both rows and label values would move rows and values at once: not permuted.
  const valuesOfRows = new Set(coords.filter((c) => c.row).map((c) => c.valueKey));
  const sym = new Set([...symmetric].filter((k) => !(rowKeys.has(k) && valuesOfRows.has(k))));
  const rowSym = new Set([...rowKeys].filter((k) => sym.has(k)));
  const values = coords.map(() => 0);
  /** Distinguished rows of each permuted row dimension: the largest row a pointer names. */
  const distinguished = new Map<string, number>();
  /** Largest value so far among the distinguished coordinates of each dimension (first-appearance order). */
  const largest = new Map<string, number>();
  const isPointer = (c: Coordinate) => !c.row && rowSym.has(c.valueKey);
  const interchangeable = (c: Coordinate) => c.row !== undefined && rowSym.has(c.row.key) && c.row.r > (distinguished.get(c.row.key) ?? 0);
  // Each row's entries (its tuple), by row: to compare a row with the row above.
  const rowEntries = new Map<string, number[]>();
  const rowOf = (key: string, r: number) => `${key}:${r}`;
  coords.forEach((c, at) => {
    if (!c.row) return;
    const id = rowOf(c.row.key, c.row.r);
    rowEntries.set(id, [...(rowEntries.get(id) ?? []), at]);
  });
  /** For an entry of row r: the same entry of row r - 1, and the entries of both rows before it. */
  const neighbour = coords.map((c, at) => {
    if (!c.row || c.row.r === 1) return undefined;
    const mine = rowEntries.get(rowOf(c.row.key, c.row.r))!;
    const theirs = rowEntries.get(rowOf(c.row.key, c.row.r - 1))!;
    const offset = mine.indexOf(at);
    return { above: theirs[offset], before: mine.slice(0, offset), aboveBefore: theirs.slice(0, offset) };
  });

  // Occurrences of each value among the interchangeable rows, per dimension of step 2.
  const counts = new Map<string, number[]>();
  for (const c of coords) if (c.row && rowSym.has(c.row.key) && sym.has(c.valueKey) && !rowSym.has(c.valueKey)) counts.set(c.valueKey, new Array(c.n + 2).fill(0));
  // Where a dimension's values fill rows of one entry each, of one row dimension, the
  // sorted rows list its values in increasing order: a value's count is final once a
  // larger one starts, so the decreasing counts of unused values can be checked as they grow.
  const growing = new Set([...counts.keys()].filter((key) => {
    const holders = coords.filter((c) => c.row && rowSym.has(c.row.key) && c.valueKey === key);
    const rowKeysOf = new Set(holders.map((c) => c.row!.key));
    return rowKeysOf.size === 1 && holders.every((c) => rowEntries.get(rowOf(c.row!.key, c.row!.r))!.length === 1);
  }));

  function* go(at: number): Generator<number[]> {
    if (at === coords.length) {
      if (unusedCountsDecrease()) yield values.slice();
      return;
    }
    const c = coords[at];
    let low = 1;
    let high = c.n;
    if (isPointer(c)) high = Math.min(high, (distinguished.get(c.valueKey) ?? 0) + 1);
    else if (sym.has(c.valueKey) && !interchangeable(c) && !rowSym.has(c.valueKey)) high = Math.min(high, (largest.get(c.valueKey) ?? 0) + 1);
    const n = neighbour[at];
    const free = interchangeable(c);
    if (free && n && interchangeable(coords[n.above])) {
      // Interchangeable rows are sorted: where this row equals the row above so far, this entry may not be smaller.
      if (n.before.every((i, p) => values[i] === values[n.aboveBefore[p]])) low = values[n.above];
    }
    const count = free ? counts.get(c.valueKey) : undefined;
    const unusedBelow = count && growing.has(c.valueKey) ? (largest.get(c.valueKey) ?? 0) : undefined;
    for (let v = low; v <= high; v++) {
      // An unused value may occur no more often than the unused value before it, whose count is final.
      if (unusedBelow !== undefined && v - 1 > unusedBelow && count![v] + 1 > count![v - 1]) {
        if (count![v - 1] === 0) break;
        continue;
      }
      values[at] = v;
      const undo = record(c, v);
      if (count) count[v]++;
      yield* go(at + 1);
      if (count) count[v]--;
      undo();
    }
    values[at] = 0;
  }

  function record(c: Coordinate, v: number): () => void {
    if (isPointer(c)) {
      const before = distinguished.get(c.valueKey) ?? 0;
      if (v > before) distinguished.set(c.valueKey, v);
      return () => distinguished.set(c.valueKey, before);
    }
    if (sym.has(c.valueKey) && !interchangeable(c)) {
      const before = largest.get(c.valueKey) ?? 0;
      if (v > before) largest.set(c.valueKey, v);
      return () => largest.set(c.valueKey, before);
    }
    return () => {};
  }

  /** Values the distinguished coordinates leave unused occur, in the interchangeable rows, no more often than the value before. */
  function unusedCountsDecrease(): boolean {
    for (const [key, list] of counts) {
      const used = largest.get(key) ?? 0;
      for (let v = used + 2; v < list.length; v++) if (list[v] > list[v - 1]) return false;
    }
    return true;
  }

  yield* go(0);
}
