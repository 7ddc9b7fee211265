/**
 * Drawing simplex inputs (probability vectors) so that their entries sum to 1
 * exactly. Both engines draw such points: the numbers for random inputs, the
 * exact engine for its confirmation points.
 */
/** Entries of a simplex are multiples of this: every partial sum of them is exact in double precision. */
const SIMPLEX_GRID = 2 ** 52;

/**
 * Weights scaled to a simplex whose entries sum to exactly 1, in double precision
 * and in exact arithmetic alike: multiples of 2^-52 (the largest takes up the
 * rounding). w / sum(w) in doubles misses 1 by an ulp, which a 60-digit
 * re-evaluation of `s[k] - q[k]` (a step that uses sum(q) = 1) would read as a
 * real difference.
 */
export function exactSimplex(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const units = weights.map((w) => Math.max(1, Math.round((w / total) * SIMPLEX_GRID)));
  let largest = 0;
  units.forEach((u, i) => { if (u > units[largest]) largest = i; });
  units[largest] += SIMPLEX_GRID - units.reduce((a, b) => a + b, 0);
  return units.map((u) => u / SIMPLEX_GRID);
}
