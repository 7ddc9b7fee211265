import { mapChildren, printRef, sub, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer } from './canonical.ts';
import { Budget } from './exact/index.ts';

/** The terms a tie may cost: a comparison's two sides at one point, small unless written out at a size. */
const TIE_TERMS = 20_000;

/** A point value as an exact rational: a double is a dyadic rational, a tie point a fraction. */
export type ExactPointValue = number | { readonly num: bigint; readonly den: bigint };

/**
 * Whether two terms are equal at a point by exact algebra: with the point's values
 * in for the inputs (each double the rational it is), the canonical form of their
 * difference is 0, its atoms (exp(3/4), sqrt(2)) indeterminates. Sound for a tie:
 * a difference that is 0 as a rational function of the atoms is 0. False where that
 * is not shown, which says nothing: the atoms may be related (exp(2) = exp(1)^2).
 */
export function equalExactlyAt(a: Term, b: Term, point: ReadonlyMap<string, ExactPointValue>): boolean {
  const values = new Map<string, Term>();
  for (const [name, v] of point) {
    const r = typeof v === 'number' ? ofDouble(v) : v;
    if (r === undefined) return false;
    values.set(name, { k: 'num', value: lowest(r.num, r.den) });
  }
  const withPoint = (t: Term): Term => (t.k === 'input' ? values.get(printRef(t.ref)) ?? t : mapChildren(t, withPoint));
  try {
    const canonical = new Canonicalizer(new AtomTable(), new Map(), new Budget({ maxTerms: TIE_TERMS, deadlineMs: Date.now() + 2_000 }));
    return canonical.side(sub(withPoint(a), withPoint(b))).form.isZero();
  } catch {
    // Past its budget, or a value the exact engine refuses (a pole): not shown.
    return false;
  }
}

/** A double's exact value, a dyadic rational; undefined for a value that is not finite. */
function ofDouble(x: number): { num: bigint; den: bigint } | undefined {
  if (!Number.isFinite(x)) return undefined;
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) { v *= 2; den *= 2n; }
  return { num: BigInt(v), den };
}

function lowest(num: bigint, den: bigint): { num: bigint; den: bigint } {
  if (den < 0n) { num = -num; den = -den; }
  let [a, b] = [num < 0n ? -num : num, den];
  while (b !== 0n) [a, b] = [b, a % b];
  return a > 1n ? { num: num / a, den: den / a } : { num, den };
}
