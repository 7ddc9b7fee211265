import type { Expr } from '../syntax/index.ts';
import type { Dim, Index, Term } from './term.ts';

/**
 * Arrays are lowered to index notation here, in the model stage: an
 * array-valued expression is its shape and a function from index positions to
 * the scalar term of that entry. `A * B` is entry(i, j) = sum(k, A(i, k) B(k, j))
 * with a fresh bound k, `A'` swaps the positions, `.*` multiplies entries. No
 * later stage ever sees an array: a claim between arrays is checked entry by
 * entry, with the entry's position as free indices.
 */
export interface ArrayValue {
  readonly k: 'array';
  /** One dimension per axis: `[N, D]` for an N by D matrix, `[n]` for a vector. */
  readonly shape: readonly Dim[];
  /**
   * The term of one entry. Called with one index per axis, each already known to
   * range over that axis's dimension; each call builds fresh bound indices.
   */
  readonly at: (indices: readonly Index[]) => Term;
  /**
   * For a vector, which way it stands when that matters: `row` for a transposed
   * vector (`v'`) and for `sum(A, 1)` (one value per column, numpy's keepdims
   * 1×C), `col` for `sum(A, 2)` (N×1). Unset: a plain vector, a column by convention.
   * `u * v'` is then an outer product, and a keep-dims reduction broadcasts over a
   * square matrix without ambiguity.
   */
  readonly orient?: 'row' | 'col';
  /**
   * A row written as one: a transposed vector (`v'`), a row times a matrix, entries of such rows. Only such a row is
   * of another shape than a column in a claim (`grad(L, w) = (p - y)' X`, the gradient as a row, is refuted); a
   * keep-dims reduction (`sum(A, 1)`, numpy's `A.sum(axis=0)`) stands either way, as numpy's 1-D arrays do.
   */
  readonly transposed?: true;
}

export interface ScalarValue {
  readonly k: 'scalar';
  readonly t: Term;
}

/** What an expression resolves to: a scalar term, or an array of them. */
export type Value = ScalarValue | ArrayValue;

export const scalar = (t: Term): ScalarValue => ({ k: 'scalar', t });
export const array = (shape: readonly Dim[], at: (indices: readonly Index[]) => Term, orient?: 'row' | 'col', transposed?: boolean): ArrayValue =>
  (orient === undefined ? { k: 'array', shape, at } : orient === 'row' && transposed === true ? { k: 'array', shape, at, orient, transposed } : { k: 'array', shape, at, orient });

/** Whether a value is a row written as one (see {@link ArrayValue.transposed}). */
export const isWrittenRow = (v: Value): boolean => v.k === 'array' && v.shape.length === 1 && v.orient === 'row' && v.transposed === true;

/** Whether a value is a vector standing as a column (a plain vector, or a keep-dims column). */
export const isColumn = (v: Value): boolean => v.k === 'array' && v.shape.length === 1 && v.orient !== 'row';

export function sameDim(a: Dim, b: Dim): boolean {
  return a.k === 'sym' ? b.k === 'sym' && a.name === b.name : b.k === 'fixed' && a.size === b.size;
}

export const isOne = (d: Dim): boolean => d.k === 'fixed' && d.size === 1;

export function showDim(d: Dim): string {
  return d.k === 'sym' ? d.name : String(d.size);
}

/** `N×D`, `a vector of length N`, `a scalar`. */
export function showShape(shape: readonly Dim[]): string {
  if (shape.length === 0) return 'a scalar';
  if (shape.length === 1) return `a vector of length ${showDim(shape[0])}`;
  return shape.map(showDim).join('×');
}

/** `X is N×D`, `r is a vector of length N`: an operand and its shape, for messages. */
export function describeOperand(expr: Expr, shape: readonly Dim[]): string {
  const text = shortText(expr);
  const what = shape.length === 2 ? showShape(shape) : showShape(shape);
  return text ? `${text} is ${what}` : `the operand is ${what}`;
}

/** A short written form of simple operands (`X`, `W1'`, `A[i, j]`); undefined for anything longer. */
export function shortText(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'name': return expr.name;
    case 'number': return expr.text;
    case 'transpose': { const inner = shortText(expr.arg); return inner && /^\w+$/.test(inner) ? `${inner}'` : inner ? `(${inner})'` : undefined; }
    case 'call': {
      const args = expr.args.map(shortText);
      return args.every((a) => a !== undefined) && args.join(', ').length < 40 ? `${expr.name}(${args.join(', ')})` : undefined;
    }
    case 'unary': { const inner = shortText(expr.arg); return inner ? `${expr.op}${inner}` : undefined; }
    case 'binary': {
      const l = shortText(expr.left);
      const r = shortText(expr.right);
      return l && r && l.length + r.length < 30 ? `(${l} ${expr.op} ${r})` : undefined;
    }
    default: return undefined;
  }
}

/**
 * How the shapes of two operands of an entrywise operation (`+ - .* ./`, a
 * comparison, a function of two arguments) combine, or why they do not.
 *
 * - equal shapes: entry by entry;
 * - a scalar with anything: the scalar goes with every entry;
 * - equal rank, a dimension of size 1 (a fixed 1) against any: repeated (numpy's rule);
 * - a matrix R×C with a vector of length L: when L is C and not R, the vector is
 *   added to every row (numpy's `Z + b`); when L is R and not C, to every column
 *   (the column-major layout, one example per column); when L is both (a square
 *   matrix) it is ambiguous, an error; when neither, an error.
 *
 * Dimensions match when they are the same symbol or the same fixed size: N and D
 * are different dimensions even at a size where both happen to be 3.
 */
export type Broadcast =
  | { readonly ok: true; readonly shape: readonly Dim[]; readonly left: (ix: readonly Index[]) => readonly Index[] | undefined; readonly right: (ix: readonly Index[]) => readonly Index[] | undefined }
  | { readonly ok: false; readonly reason: string; readonly hint: string };

export function broadcast(a: readonly Dim[], b: readonly Dim[], orientA?: 'row' | 'col', orientB?: 'row' | 'col'): Broadcast {
  const same = (ix: readonly Index[]) => ix;
  const none = () => undefined;
  if (a.length === 0) return { ok: true, shape: b, left: none, right: b.length === 0 ? same : same };
  if (b.length === 0) return { ok: true, shape: a, left: same, right: none };
  if (a.length === b.length) {
    const shape: Dim[] = [];
    for (let p = 0; p < a.length; p++) {
      if (sameDim(a[p], b[p])) shape.push(a[p]);
      else if (isOne(a[p])) shape.push(b[p]);
      else if (isOne(b[p])) shape.push(a[p]);
      else {
        return {
          ok: false, reason: `the ${axisName(p, a.length)} ${showDim(a[p])} and ${showDim(b[p])} differ`,
          hint: 'entrywise operations need equal shapes, or a vector that matches exactly one side of the matrix',
        };
      }
    }
    const pick = (own: readonly Dim[]) => (ix: readonly Index[]) => ix.map((i, p) => (isOne(own[p]) && !isOne(shape[p]) ? { k: 'lit', value: 1 } as Index : i));
    return { ok: true, shape, left: pick(a), right: pick(b) };
  }
  if (a.length === 2 && b.length === 1) return matrixWithVector(a, b, false, orientB);
  if (a.length === 1 && b.length === 2) return matrixWithVector(b, a, true, orientA);
  return { ok: false, reason: 'their ranks differ', hint: 'write the entries with indices instead' };
}

function matrixWithVector(m: readonly Dim[], v: readonly Dim[], swapped: boolean, orient?: 'row' | 'col'): Broadcast {
  const [rows, cols] = m;
  const length = v[0];
  let matchesCols = sameDim(length, cols);
  let matchesRows = sameDim(length, rows);
  if (matchesCols && matchesRows) {
    // A keep-dims reduction (sum(A, 2) is N×1, sum(A, 1) is 1×N) or a transposed vector says which way it goes.
    if (orient === 'row') matchesRows = false;
    else if (orient === 'col') matchesCols = false;
    else {
      return {
        ok: false, reason: `the vector's length ${showDim(length)} matches both the rows and the columns, so it is ambiguous whether it is added to each row or to each column`,
        hint: 'reduce with the axis kept, sum(A, 2) (a column: one value per row, added to each column) or sum(A, 1) (a row: added to each row), '
          + 'transpose a vector to make it a row (b\'), or write the entries with indices: Z[i, j] + b[j] (to each row), Z[i, j] + b[i] (to each column)',
      };
    }
  }
  if (!matchesCols && !matchesRows) {
    return {
      ok: false, reason: `the vector's length ${showDim(length)} matches neither the rows (${showDim(rows)}) nor the columns (${showDim(cols)})`,
      hint: 'a vector is added to each row when its length is the number of columns, to each column when it is the number of rows',
    };
  }
  const matrix = (ix: readonly Index[]) => ix;
  const vector = (ix: readonly Index[]) => [matchesCols ? ix[1] : ix[0]];
  return { ok: true, shape: m, left: swapped ? vector : matrix, right: swapped ? matrix : vector };
}

function axisName(p: number, rank: number): string {
  if (rank === 1) return 'lengths';
  return p === 0 ? 'row counts' : p === 1 ? 'column counts' : `sizes of axis ${p + 1}`;
}
