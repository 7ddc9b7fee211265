/** The known name nearest to a misspelt one, if any is close (edit distance ≤ 2, most of the shorter name kept); never one letter for another. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  for (const candidate of known) {
    // One letter for another is another variable, not a misspelling: y is not a slip for x (X is for x).
    if (name.length === 1 && candidate.length === 1 && name.toLowerCase() !== candidate.toLowerCase()) continue;
    const d = editDistanceUpTo(name, candidate, bestDistance - 1);
    // Most of the shorter name must survive the edits (a case apart is one name): O is no slip for ln, nor KL, nor eps for exp.
    const kept = Math.max(name.length, candidate.length) - d;
    if (name.toLowerCase() !== candidate.toLowerCase() && kept < Math.ceil(Math.min(name.length, candidate.length) / 2)) continue;
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best;
}

/** The most edits a suggestion may be away. */
const MAX_DISTANCE = 2;

/**
 * The edit distance of a and b where it is at most `limit`, else limit + 1: only the band of the table within `limit`
 * of its diagonal is filled, so two names of 150,000 letters take a moment, not minutes (probe 67).
 */
function editDistanceUpTo(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const beyond = limit + 1;
  const width = 2 * limit + 1;
  // row[k] holds the distance of a's first i letters to b's first j = i - limit + k: the band alone.
  let row = Array.from({ length: width }, (_, k) => { const j = k - limit; return j >= 0 && j <= limit ? j : beyond; });
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(width).fill(beyond);
    let least = beyond;
    for (let k = 0; k < width; k++) {
      const j = i - limit + k;
      if (j < 0 || j > b.length) continue;
      if (j === 0) { next[k] = i <= limit ? i : beyond; least = Math.min(least, next[k]); continue; }
      // Above (i - 1, j) is row[k + 1]; left (i, j - 1) is next[k - 1]; diagonal (i - 1, j - 1) is row[k].
      const up = k + 1 < width ? row[k + 1] : beyond;
      const left = k > 0 ? next[k - 1] : beyond;
      next[k] = Math.min(up + 1, left + 1, row[k] + (a[i - 1] === b[j - 1] ? 0 : 1), beyond);
      least = Math.min(least, next[k]);
    }
    if (least > limit) return beyond;
    row = next;
  }
  return Math.min(row[b.length - a.length + limit], beyond);
}
