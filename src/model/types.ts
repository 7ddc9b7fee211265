import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import type { TypeExpr } from '../syntax/index.ts';
import type { Dim, InputKind } from './term.ts';

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
  unit: { kind: 'unit', rank: 0, description: 'a number strictly between 0 and 1' },
  vector: { kind: 'real', rank: 1, description: 'a vector of n real numbers' },
  simplex: { kind: 'simplex', rank: 1, description: 'n positive numbers summing to 1' },
  onehot: { kind: 'onehot', rank: 1, description: 'n numbers, one of them 1, the others 0' },
  label: { kind: 'label', rank: 0, isLabel: true, description: 'a class index from 1 to n' },
};

export interface ResolvedType {
  readonly kind: InputKind;
  readonly dims: readonly Dim[];
  readonly classes?: Dim;
}

/** Reads a written type; `positive` takes 0 or 1 dimensions, the others exactly their rank. */
export function resolveType(type: TypeExpr, file: string): ResolvedType {
  const rule = TYPES[type.name];
  if (rule === undefined) {
    throw new DerivationError(diagnostic('unknown-type', `unknown type '${type.name}'`, file, type.span,
      `the types are ${Object.keys(TYPES).join(', ')} (docs/syntax.md)`));
  }
  const dims = type.dims.map((d): Dim => (/^\d+$/.test(d.text) ? { k: 'fixed', size: Number(d.text) } : { k: 'sym', name: d.text }));
  const expected = rule.isLabel ? 1 : rule.rank;
  const allowed = type.name === 'positive' ? [0, 1] : [expected];
  if (!allowed.includes(dims.length)) {
    const form = expected === 0 ? type.name : `${type.name}[n]`;
    throw new DerivationError(diagnostic('unknown-type',
      `the type ${type.name} takes ${allowed.join(' or ')} dimension${expected === 1 ? '' : 's'}, got ${dims.length}`,
      file, type.span, `write it as ${form}: ${rule.description}`));
  }
  if (rule.isLabel) return { kind: 'label', dims: [], classes: dims[0] };
  return { kind: rule.kind, dims };
}
