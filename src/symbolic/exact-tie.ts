import { eliminateDiff, hasDiff, mapChildren, mul, num, printRef, printTerm, sub, type Term } from '../model/index.ts';
import { AtomTable, Canonicalizer } from './canonical.ts';
import { Budget, Rational } from './exact/index.ts';

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
    if (typeof v === 'number' && !Number.isFinite(v)) return false;
    const r = typeof v === 'number' ? rationalOfDouble(v) : Rational.of(v.num, v.den);
    values.set(name, { k: 'num', value: { num: r.num, den: r.den } });
  }
  const withPoint = (t: Term): Term => (t.k === 'input' ? values.get(printRef(t.ref)) ?? t : mapChildren(t, withPoint));
  try {
    // Derivatives taken before the point is put in: diff(R, t) at t = 0 is R' at 0, not a derivative in the number 0
    // (probe 97: the twisted cubic's torsion, written through diff, tied 3 < 3 at t = 0 unseen).
    [a, b] = [a, b].map((t) => (hasDiff(t) ? eliminateDiff(t) : t));
    const atoms = new AtomTable();
    // A budget of terms, not of time: a tie must not depend on the machine's load (a worker's first exact form compiles
    // the engine, and a deadline of 2 s was met there: see limit-series.ts). The step's own guard stops a hang.
    const budget = new Budget({ maxTerms: TIE_TERMS });
    const canonical = new Canonicalizer(atoms, new Map(), budget);
    const form = canonical.side(withSignsResolved(sub(withPoint(a), withPoint(b)), canonical)).form;
    // Reduced by the relations of its atoms: sqrt(2)^2 is 2.
    return form.isZero() || atoms.reduce(form.numerator(budget), budget).isZero();
  } catch {
    // Past its budget, or a value the exact engine refuses (a pole): not shown.
    return false;
  }
}

/**
 * A constant term with each abs(u) whose sign exact algebra knows written as u, -u or 0, inner ones first: at
 * t = pi/4, abs(cos(t) + sin(t)) is sqrt(2), which a step atom of the sum left undecided, and the strict
 * amplitude bound abs(cos(t) + a sin(t)) < sqrt(1 + a^2) tied there unseen (probe 98).
 */
function withSignsResolved(t: Term, canonical: Canonicalizer): Term {
  const go = (x: Term): Term => {
    const inner = mapChildren(x, go);
    if (inner.k !== 'fn' || inner.name !== 'abs' || inner.args.length !== 1) return inner;
    const [u] = inner.args;
    const sign = canonical.knownTermSign(u);
    return sign === 1 ? u : sign === -1 ? mul(num(-1), u) : sign === 0 ? num(0) : inner;
  };
  return go(t);
}

/** A finite double as the exact rational it is (m / 2^e): doubling is exact until m is whole. */
export function rationalOfDouble(x: number): Rational {
  let m = x;
  let e = 0n;
  while (!Number.isInteger(m)) { m *= 2; e++; }
  return Rational.of(BigInt(m), 2n ** e);
}

/**
 * A constant as a report writes it: its canonical form where that is shorter than the term as built
 * (a tie point solved on a curve, (-(1 / (2 (1 * -1))))^(1 / (-1 - 1)), reads sqrt(2)).
 */
export function constantText(t: Term): string {
  const written = printTerm(t);
  try {
    const atoms = new AtomTable();
    const budget = new Budget({ maxTerms: TIE_TERMS, deadlineMs: Date.now() + 500 });
    const canonical = new Canonicalizer(atoms, new Map(), budget).side(t).form.toString((id) => atoms.name(id)).replace(/\*/g, ' * ');
    return canonical.length <= written.length ? canonical : written;
  } catch {
    return written;
  }
}
