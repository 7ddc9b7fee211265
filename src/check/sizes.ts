import { withDerivedSizes, type DerivedDim } from '../model/index.ts';

/**
 * The size assignments a derivation is checked at: for each size s of the list,
 * every dimension symbol at s (raised to the smallest size its literal indices
 * allow, so `x[3]` is never checked at n = 2), plus, with several symbols, the
 * list rotated across them so that unequal sizes are tried too.
 *
 * With derived dimensions (`n - k + 1`) each assignment also holds their sizes,
 * and one where a derived dimension would be below 1 is not an assignment: the
 * symbols with a positive coefficient in it are raised until it is 1 (n = 2,
 * k = 3 becomes n = 3, k = 3), and where that cannot be done it is dropped. So
 * that a convolution is also tried with more than one output, each size s adds
 * the assignment with the symbols subtracted somewhere at about s / 2 (n = 5, k = 3).
 */
export function sizeAssignments(
  dims: readonly string[], minSizes: ReadonlyMap<string, number>, sizes: readonly number[],
  derived: readonly { readonly name: string; readonly form: DerivedDim }[] = [],
): ReadonlyMap<string, number>[] {
  const seen = new Set<string>();
  const out: Map<string, number>[] = [];
  const push = (base: Map<string, number>) => {
    const assignment = derived.length === 0 ? base : repaired(base, derived, minSizes);
    if (assignment === undefined) return;
    const key = [...assignment].map(([k, v]) => `${k}=${v}`).join(',');
    if (!seen.has(key)) { seen.add(key); out.push(assignment); }
  };
  const sorted = [...sizes].sort((a, b) => a - b);
  if (dims.length === 0) return [new Map()];
  const subtracted = new Set(derived.flatMap((d) => d.form.terms.filter((t) => t.coef < 0).map((t) => t.name)));
  sorted.forEach((_, i) => {
    push(new Map(dims.map((d) => [d, Math.max(sorted[i], minSizes.get(d) ?? 1)])));
    if (dims.length > 1) push(new Map(dims.map((d, p) => [d, Math.max(sorted[(i + p) % sorted.length], minSizes.get(d) ?? 1)])));
    if (subtracted.size > 0 && sorted[i] >= 3) {
      push(new Map(dims.map((d) => [d, Math.max(subtracted.has(d) ? Math.ceil(sorted[i] / 2) : sorted[i], minSizes.get(d) ?? 1)])));
    }
  });
  return out;
}

/** Raises symbols with a positive coefficient until every derived dimension is at least 1; undefined if that fails. */
function repaired(
  base: Map<string, number>, derived: readonly { readonly name: string; readonly form: DerivedDim }[], minSizes: ReadonlyMap<string, number>,
): Map<string, number> | undefined {
  const sizes = new Map(base);
  // A literal index into a derived dimension (g[3] with g: vector[n - k + 1]) raises its least size as it does a symbol's.
  const least = (d: { name: string }) => Math.max(1, minSizes.get(d.name) ?? 1);
  const value = (d: { form: DerivedDim }) => d.form.terms.reduce((n, t) => n + t.coef * (sizes.get(t.name) ?? NaN), d.form.constant);
  for (let round = 0; round < 4 * derived.length + 4; round++) {
    const short = derived.find((d) => !(value(d) >= least(d)));
    if (!short) return withDerivedSizes(sizes, derived);
    const lift = short.form.terms.find((t) => t.coef > 0);
    if (!lift || !sizes.has(lift.name)) return undefined;
    sizes.set(lift.name, sizes.get(lift.name)! + Math.ceil((least(short) - value(short)) / lift.coef));
  }
  return undefined;
}
