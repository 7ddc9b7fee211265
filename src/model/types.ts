import { DerivationError, diagnostic, type Span } from '../diagnostics/index.ts';
import type { TypeExpr } from '../syntax/index.ts';
import { sameDim } from './arrays.ts';
import { readDimExpression } from './dim-arithmetic.ts';
import { BINARY_VALUES, SIGN_VALUES } from './input-kinds.ts';
import type { Dim, InputKind, TwoValues } from './term.ts';

interface TypeRule {
  readonly kind: InputKind;
  /** How many dimensions the type takes: `vector[n]` takes 1. */
  readonly rank: number;
  /** `label[n]` is a scalar whose value ranges over n classes. */
  readonly isLabel?: boolean;
  readonly description: string;
}

/** The types of `given`, one entry each; the matrix types come with array support. */
const TYPES: Readonly<Record<string, TypeRule>> = {
  real: { kind: 'real', rank: 0, description: 'a real number' },
  positive: { kind: 'positive', rank: 0, description: 'a positive number (positive[n]: a vector of them)' },
  unit: { kind: 'unit', rank: 0, description: 'a number strictly between 0 and 1 (unit[n], unit[N, D]: an array of them, Bernoulli parameters)' },
  vector: { kind: 'real', rank: 1, description: 'a vector of n real numbers' },
  simplex: { kind: 'simplex', rank: 1, description: 'n positive numbers summing to 1' },
  onehot: { kind: 'onehot', rank: 1, description: 'n numbers, one of them 1, the others 0' },
  binary: { kind: 'label', rank: 0, description: 'a value that is 0 or 1, such as a binary target (binary[N]: N of them)' },
  sign: { kind: 'label', rank: 0, description: 'a value that is -1 or 1, such as an SVM, perceptron or AdaBoost label (sign[N]: N of them)' },
  label: { kind: 'label', rank: 0, isLabel: true, description: 'a class index from 1 to n (label[N, C]: N of them, one per row)' },
  matrix: { kind: 'real', rank: 2, description: 'an N by D array of real numbers' },
  invertible: { kind: 'invertible', rank: 2, description: 'an n by n invertible matrix with a positive determinant (so inv and logdet are defined): invertible[n, n]' },
  symmetric: { kind: 'symmetric', rank: 2, description: 'an n by n matrix equal to its transpose: symmetric[n, n]' },
  count: { kind: 'count', rank: 0, description: 'a whole number >= 0, as count data (count[n]: n of them); factorial(y) of it is a value' },
  spd: { kind: 'spd', rank: 2, description: 'an n by n symmetric positive definite matrix (a covariance; inv and logdet are defined): spd[n, n]' },
};

/** Types that also take one more dimension than their rank: the batch form (`onehot[N, C]`, `label[N, C]`). */
const BATCHED = new Set(['onehot', 'label', 'binary', 'sign']);

export interface ResolvedType {
  readonly kind: InputKind;
  readonly dims: readonly Dim[];
  readonly classes?: Dim;
  /** `onehot[N, C]`: held as N labels; entry [i, c] is 1 where c is row i's label. */
  readonly oneHotRows?: boolean;
  /** `binary`, `binary[N]` and `sign`, `sign[N]`: held as labels over 2 classes; the values at the classes 1 and 2. */
  readonly binary?: TwoValues;
}

/** Names a whole number's type goes by elsewhere (Lean, Python, the books): no type here, the error names the two that are. */
const WHOLE_NUMBER_NAMES = new Set(['integer', 'int', 'natural', 'nat', 'whole', 'n', 'z', 'ℕ', 'ℤ']);

/** Whether a type's name is one a whole number goes by elsewhere (see {@link wholeNumberTypeError}). */
export function isWholeNumberName(name: string): boolean {
  return WHOLE_NUMBER_NAMES.has(name.toLowerCase());
}

/** The error of a whole number's type, `integer` or `natural`, with or without an interval: it names the types that are. */
export function wholeNumberTypeError(name: string, file: string, span: Span | undefined): DerivationError {
  return new DerivationError(diagnostic('unknown-type', `unknown type '${name}': a whole number is a size or a count`, file, span,
    'write given n: size for a whole number n >= 1 (decided at every n, and proved for all n where the algebra allows), or given n: count for one from 0 (drawn from 0 to 20); n - 1 or n + 2 in the claim shifts the range'));
}

/** Reads a written type; `positive` takes 0 or 1 dimensions, the others exactly their rank. */
export function resolveType(type: TypeExpr, file: string): ResolvedType {
  const rule = TYPES[type.name];
  if (rule === undefined) {
    // The books' "for every integer n >= 1": a whole number is a size (every n, proved for all) or a count (0 to 20).
    if (isWholeNumberName(type.name)) throw wholeNumberTypeError(type.name, file, type.span);
    throw new DerivationError(diagnostic('unknown-type', `unknown type '${type.name}'`, file, type.span,
      `the types are ${Object.keys(TYPES).join(', ')}, size for a dimension alone and function for an unknown function (docs/syntax.md)`));
  }
  const dims = type.dims.map((d): Dim => {
    if (/^\d+$/.test(d.text)) return { k: 'fixed', size: Number(d.text) };
    const dim = readDimExpression(d.text);
    if (dim === undefined) {
      throw new DerivationError(diagnostic('unknown-type', `'${d.text}' is not a dimension: it is a whole number below 1`, file, d.span,
        'a dimension is at least 1: write a symbol, a positive number, or a sum such as n - k + 1'));
    }
    if (dim.k === 'sym' && dim.derived && !dim.derived.terms.some((t) => t.coef > 0)) {
      throw new DerivationError(diagnostic('unknown-type', `'${d.text}' is never a size: it is below 1 for every size of ${dim.derived.terms.map((t) => t.name).join(', ')}`, file, d.span,
        'a derived dimension needs a symbol with a plus sign: write n - k + 1, not k - n'));
    }
    return dim;
  });
  const expected = rule.isLabel ? 1 : rule.rank;
  const allowed = type.name === 'positive' || type.name === 'unit' ? [0, 1, 2] : type.name === 'count' ? [0, 1] : BATCHED.has(type.name) ? [expected, expected + 1] : [expected];
  if (!allowed.includes(dims.length)) {
    const form = expected === 0 ? type.name : `${type.name}[n]`;
    throw new DerivationError(diagnostic('unknown-type',
      `the type ${type.name} takes ${allowed.join(' or ')} dimension${allowed.length === 1 && expected === 1 ? '' : 's'}, got ${dims.length}`,
      file, type.span, `write it as ${form}: ${rule.description}`));
  }
  if ((rule.kind === 'invertible' || rule.kind === 'symmetric' || rule.kind === 'spd') && !sameDim(dims[0], dims[1])) {
    throw new DerivationError(diagnostic('unknown-type', `${article(type.name)} ${type.name} matrix is square: ${type.name}[n, n]`, file, type.span, `write ${type.name}[n, n] with the same dimension twice`));
  }
  // binary, binary[N]: labels over the classes 1 and 2, read as the values 0 and 1; sign as -1 and 1.
  if (type.name === 'binary' || type.name === 'sign') {
    return { kind: 'label', dims, classes: { k: 'fixed', size: 2 }, binary: type.name === 'binary' ? BINARY_VALUES : SIGN_VALUES };
  }
  // label[N, C]: N labels (one per row), each a class 1..C; the input has dims [N].
  if (type.name === 'onehot' && dims.length === 2) return { kind: 'label', dims: [dims[0]], classes: dims[1], oneHotRows: true };
  if (rule.isLabel) return { kind: 'label', dims: dims.slice(0, -1), classes: dims[dims.length - 1] };
  return { kind: rule.kind, dims };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
