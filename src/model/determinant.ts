// The written-out determinant (Laplace expansion), shared by the model that writes det and inv out
// and by the engines that must recognise the determinant of an input whose type makes it positive.
import { isSymmetricKind } from './input-kinds.ts';
import { termKey } from './print-term.ts';
import { add, input, mul, num } from './term-builders.ts';
import type { Index, Input, Term } from './term.ts';

/**
 * det, inv and logdet are written out up to this size (4! = 24 terms in det): a
 * fixed size, or each size of a dimension symbol tried (larger ones are not tried).
 */
export const MAX_DETERMINANT_SIZE = 4;

/**
 * An entry of an input. A symmetric matrix is the symmetric part of the values
 * held: every engine sees M[a, b] = M[b, a] without a rule of its own, and a
 * proof for every n holds for symmetric matrices too.
 */
export function entryOf(given: { readonly name: string; readonly kind: string }, indices: readonly Index[]): Term {
  if (isSymmetricKind(given.kind)) {
    return mul(num(1, 2), add(input({ name: given.name, indices }), input({ name: given.name, indices: [indices[1], indices[0]] })));
  }
  return input({ name: given.name, indices });
}

/**
 * The determinant of the rows `keep` and the columns `columns` of a matrix,
 * by Laplace expansion along the first kept row (the minors are tiny: m <= 4).
 */
export function laplaceDeterminant(entry: (row: number, column: number) => Term, keep: readonly number[], columns: readonly number[]): Term {
  if (keep.length === 0) return num(1);
  const [first, ...rest] = keep;
  return add(...columns.map((c, p) => mul(num(p % 2 === 0 ? 1 : -1), entry(first, c), laplaceDeterminant(entry, rest, columns.filter((x) => x !== c)))));
}

/** The written-out det of an m x m input, as the model writes det(A) of it: positive where the input is invertible or spd. */
export function inputDeterminant(given: { readonly name: string; readonly kind: string }, m: number): Term {
  const all = Array.from({ length: m }, (_, i) => i + 1);
  return laplaceDeterminant((i, j) => entryOf(given, [{ k: 'lit', value: i }, { k: 'lit', value: j }]), all, all);
}

const positiveKeys = new WeakMap<ReadonlyMap<string, Input>, ReadonlySet<string>>();

/**
 * The keys (termKey) of the written-out determinants the types make positive:
 * of each `invertible` or `spd` input, at its size, or at every size up to
 * MAX_DETERMINANT_SIZE where it is n×n (a model is built per size). Where a
 * step divides by one of them, the division has a value at every input: a
 * zero factor beside it (a delta of the written-out inverse) then zeroes the
 * product, where a division by an unknown polynomial keeps it.
 */
export function positiveDeterminantKeys(inputs: ReadonlyMap<string, Input>): ReadonlySet<string> {
  const known = positiveKeys.get(inputs);
  if (known !== undefined) return known;
  const keys = new Set<string>();
  for (const given of inputs.values()) {
    if ((given.kind !== 'invertible' && given.kind !== 'spd') || given.dims.length !== 2) continue;
    const d = given.dims[0];
    const sizes = d.k === 'fixed' ? [d.size] : Array.from({ length: MAX_DETERMINANT_SIZE }, (_, i) => i + 1);
    for (const m of sizes) if (m <= MAX_DETERMINANT_SIZE) keys.add(termKey(inputDeterminant(given, m)));
  }
  positiveKeys.set(inputs, keys);
  return keys;
}
