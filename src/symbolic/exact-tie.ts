import { mapChildren, printRef, sub, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer } from './canonical.ts';
import { Budget } from './exact/index.ts';

/** The terms a tie may cost: a comparison's two sides at one point, small unless written out at a size. */
const TIE_TERMS = 20_000;

/** A point value as an exact value: a double is a dyadic rational, a tie point a fraction, an irrational tie its constant term. */
export type ExactPointValue = number | { readonly num: bigint; readonly den: bigint } | { readonly term: Term };

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
    if (typeof v === 'object' && 'term' in v) { values.set(name, v.term); continue; }
    const r = typeof v === 'number' ? ofDouble(v) : v;
    if (r === undefined) return false;
    values.set(name, { k: 'num', value: lowest(r.num, r.den) });
  }
  const withPoint = (t: Term): Term => (t.k === 'input' ? values.get(printRef(t.ref)) ?? t : mapChildren(t, withPoint));
  try {
    const atoms = new AtomTable();
    const budget = new Budget({ maxTerms: TIE_TERMS, deadlineMs: Date.now() + 2_000 });
    const form = new Canonicalizer(atoms, new Map(), budget).side(sub(withPoint(a), withPoint(b))).form;
    // Reduced by the relations of its atoms: sqrt(2)^2 is 2.
    return form.isZero() || atoms.reduce(form.numerator(budget), budget).isZero();
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
