import type { Index, Term } from '../model/index.ts';
import type { Layout } from './layout.ts';

/**
 * A product that an index comparison can make exactly 0: the written-out inverse
 * and adjugate (model/resolve.ts) pick inv(X)[i, j]'s cofactor with deltas, as
 * sum over r, c of (i == r) (j == c) cofactor(c, r), so every entry computed every
 * cofactor and threw all but one away (a 3x3 inverse's gradient: 200 us an
 * evaluation, 12 s a step). Where the comparisons are read first and one is 0, the
 * product is 0 without the rest, exactly as it would have been: the rest must then
 * have a value at every point, so only polynomials in drawn entries at indices
 * that cannot leave their range, and sums of them, qualify (x[i + 1] may have none at i = n,
 * and 0 times no value is none). compile.ts, generate.ts and precise.ts read the same list.
 */

/** The positions of the index comparisons among a product's factors, where reading them first is exact; else undefined. */
export function selectorFactors(t: Extract<Term, { k: 'mul' }>, layout: Layout): number[] | undefined {
  const selectors = t.factors.flatMap((f, i) => (f.k === 'icmp' ? [i] : []));
  if (selectors.length === 0 || selectors.length === t.factors.length) return undefined;
  return t.factors.every((f) => alwaysHasValue(f, layout)) ? selectors : undefined;
}

/** A polynomial in drawn entries read at indices within their range: a finite value at every point. */
function alwaysHasValue(t: Term, layout: Layout): boolean {
  switch (t.k) {
    case 'num': case 'pi': case 'size': case 'icmp': return true;
    case 'input': {
      const slot = layout.slots.get(t.ref.name);
      return slot !== undefined && slot.input.definedBy === undefined && t.ref.indices.every(withinRange);
    }
    case 'add': return t.terms.every((x) => alwaysHasValue(x, layout));
    case 'mul': return t.factors.every((x) => alwaysHasValue(x, layout));
    case 'pow': return t.exponent.k === 'num' && t.exponent.value.den === 1n && t.exponent.value.num >= 0n && alwaysHasValue(t.base, layout);
    // A sum of such over a loop (the entries of X' X + lam I, whose written-out inverse picks cofactors of them).
    case 'sum': case 'reduce': return alwaysHasValue(t.body, layout);
    default: return false;
  }
}

/** A literal (a model's literal indices are within their ranges), a loop's own variable, or a dimension's last index. */
function withinRange(i: Index): boolean {
  return i.k === 'lit' || ((i.k === 'var' || i.k === 'dim') && i.offset === 0);
}
