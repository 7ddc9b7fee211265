// Facts about the kinds of input (InputKind) that more than one engine relies on.
import type { TwoValues } from './term.ts';

/**
 * The symmetric part (M + M') / 2 of a square matrix held row-major: how a
 * `symmetric` or `spd` input reads the values it holds, so the matrix a
 * counterexample shows.
 */
export function symmetricPart(entries: readonly number[]): number[] {
  const n = Math.round(Math.sqrt(entries.length));
  return entries.map((v, p) => (v + entries[(p % n) * n + Math.floor(p / n)]) / 2);
}

/** Whether an input kind is read as the symmetric part of the values it holds. */
export function isSymmetricKind(kind: string): boolean {
  return kind === 'symmetric' || kind === 'spd';
}

/**
 * Input kinds whose entries vary freely over an open set of reals: a nonzero
 * polynomial in them vanishes only on a set of measure zero, and a point next to
 * one of their inputs is an input of the same kind.
 */
const CONTINUOUS_KINDS: ReadonlySet<string> = new Set(['real', 'positive', 'unit', 'invertible', 'symmetric', 'spd']);

export function isContinuousKind(kind: string): boolean {
  return CONTINUOUS_KINDS.has(kind);
}

/** `binary`: 0 or 1. */
export const BINARY_VALUES: TwoValues = { low: 0, high: 1 };
/** `sign`: -1 or 1, the labels of an SVM, a perceptron or AdaBoost. */
export const SIGN_VALUES: TwoValues = { low: -1, high: 1 };

/** The value a two-valued input holds at a class (1 or 2), as counterexamples show it. */
export function twoValued(values: TwoValues, held: number): number {
  return values.low + (values.high - values.low) * (held - 1);
}

/** The class (1 or 2) a two-valued input holds for a value shown. */
export function twoValuedClass(values: TwoValues, shown: number): number {
  return (shown - values.low) / (values.high - values.low) + 1;
}
