

/**
 * The size assignments a derivation is checked at: for each size s of the list,
 * every dimension symbol at s (raised to the smallest size its literal indices
 * allow, so `x[3]` is never checked at n = 2), plus, with several symbols, the
 * list rotated across them so that unequal sizes are tried too.
 */
export function sizeAssignments(
  dims: readonly string[], minSizes: ReadonlyMap<string, number>, sizes: readonly number[],
): ReadonlyMap<string, number>[] {
  const seen = new Set<string>();
  const out: Map<string, number>[] = [];
  const push = (assignment: Map<string, number>) => {
    const key = [...assignment].map(([k, v]) => `${k}=${v}`).join(',');
    if (!seen.has(key)) { seen.add(key); out.push(assignment); }
  };
  const sorted = [...sizes].sort((a, b) => a - b);
  if (dims.length === 0) return [new Map()];
  sorted.forEach((_, i) => {
    push(new Map(dims.map((d) => [d, Math.max(sorted[i], minSizes.get(d) ?? 1)])));
    if (dims.length > 1) push(new Map(dims.map((d, p) => [d, Math.max(sorted[(i + p) % sorted.length], minSizes.get(d) ?? 1)])));
  });
  return out;
}
