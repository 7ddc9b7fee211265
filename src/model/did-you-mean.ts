/** The known name nearest to a misspelt one, if any is close (edit distance ≤ 2, most of the shorter name kept); never one letter for another. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    // One letter for another is another variable, not a misspelling: y is not a slip for x (X is for x).
    if (name.length === 1 && candidate.length === 1 && name.toLowerCase() !== candidate.toLowerCase()) continue;
    const d = editDistance(name, candidate);
    // Most of the shorter name must survive the edits (a case apart is one name): O is no slip for ln, nor KL, nor eps for exp.
    const kept = Math.max(name.length, candidate.length) - d;
    if (name.toLowerCase() !== candidate.toLowerCase() && kept < Math.ceil(Math.min(name.length, candidate.length) / 2)) continue;
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
