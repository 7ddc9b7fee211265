// Facts about the kinds of input (InputKind) that more than one engine relies on.

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
