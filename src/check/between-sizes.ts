import { FUNCTIONS, logFormInDoubles, someSubterm, type Index, type Term } from '../model/index.ts';
import type { Relation } from '../syntax/index.ts';

/**
 * Whole sizes between the lists' where a step in n alone comes closest to failing, found by reading it in doubles at
 * every whole n up to {@link SCAN_TO} (fewer where its sums make that too much work, {@link SCAN_WORK}): the lists jump
 * from 128 to 150, 200, 256, ..., and a bound may fail only in such a gap. `n^100 < 3.05e172 2^n` fails only at
 * n = 143 to 146, around the margin's low at n = 100 / log 2 (probe 101: proved at the sizes tried). A bound on a sum
 * of n terms may fail at one n alone: |sum(k, 1, n, e^(ik))|^2 <= 0.99999999 / sin(1/2)^2 at n = 355, where n / 2 is
 * within 4e-5 of 3 pi / 2 (probe 107). An identity is read for where its sides differ most against their size:
 * sum(k, 0, n + 1, cos(34 pi k / (n + 2))) = 0 fails at n = 15 alone, where every term is 1 (probe 107).
 * far-sizes.ts reads the sizes found here in 60 digits, as it reads its own.
 */
export function closestWholeSizes(sides: readonly [Term, Term], dim: string, relation: Relation): number[] {
  if (!sides.every((side) => readsSizeAsValue(side, dim))) return [];
  const [lhs, rhs] = sides;
  const sums = new RunningSums();
  const sizes = new RunningSums();
  const logs = sides.map(logFormInDoubles) as [Term, Term];
  // A bound's margin relative to its sides, positive where it holds: 2 (b - a) / (|a| + |b|), which is log(b / a) to
  // first order, as the logs' difference past doubles is. An identity's: minus its sides' difference against the sum
  // of its parts' magnitudes, so a sum of terms that cancel to 0 is measured against its terms.
  const margin = (n: number): number => {
    const [a, b] = [valueAt(lhs, dim, n, sums), valueAt(rhs, dim, n, sums)];
    if (relation === '=') {
      const size = magnitudeAt(lhs, dim, n, sizes) + magnitudeAt(rhs, dim, n, sizes);
      return Number.isFinite(a) && Number.isFinite(b) ? -Math.abs(a - b) / (size || 1) : NaN;
    }
    const below = relation === '<' || relation === '<=' ? b - a : a - b;
    if (Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(below)) return (2 * below) / (Math.abs(a) + Math.abs(b) || 1);
    // Past a double's range (n^100 at n = 2000), between the sides' logs where both are positive.
    const [la, lb] = [valueAt(logs[0], dim, n, sums), valueAt(logs[1], dim, n, sums)];
    return relation === '<' || relation === '<=' ? lb - la : la - lb;
  };
  const lows: { n: number; m: number }[] = [];
  let work = 0;
  const perSize = (n: number) => nodesAt(lhs, dim, n) + nodesAt(rhs, dim, n) * (relation === '=' ? 2 : 1);
  let [before, here] = [NaN, margin(1)];
  for (let n = 1; n <= SCAN_TO && work <= SCAN_WORK; n++) {
    work += perSize(n + 1);
    const after = margin(n + 1);
    // A low of the margin (or the scan's first size), where both neighbours are no lower.
    if (Number.isFinite(here) && !(before < here) && !(after < here)) lows.push({ n, m: here });
    [before, here] = [here, after];
  }
  lows.sort((x, y) => x.m - y.m);
  // Adjacent lows share neighbours: each size once.
  return [...new Set(lows.slice(0, CANDIDATES).flatMap(({ n }) => [n - 1, n, n + 1]))].filter((n) => n >= 1);
}

/** Whole sizes scanned in doubles: a fraction of a millisecond each for a bound in n alone. */
const SCAN_TO = 20_000;

/** Nodes read in all by a scan, at most: a sum whose body reads n is read whole at every n, n terms each. */
const SCAN_WORK = 1_000_000;

/** Lows of the margin read again in 60 digits, each with its two neighbours. */
const CANDIDATES = 6;

/**
 * A side that reads the size only as a value, or as the count of a sum or a product over k whose body reads k as a
 * number: a function of n a double reads at every n.
 */
function readsSizeAsValue(t: Term, dim: string): boolean {
  return !someSubterm(t, (x) => {
    switch (x.k) {
      case 'num': case 'pi': case 'size': case 'add': case 'mul': case 'pow': case 'fn': return false;
      case 'sum': return x.dim.k !== 'sym' || x.dim.name !== dim || x.dim.derived !== undefined;
      case 'reduce': return x.op !== 'prod' || x.dim.k !== 'sym' || x.dim.name !== dim || x.dim.derived !== undefined;
      case 'ival': return !plainIndex(x.index, dim);
      case 'icmp': return !plainIndex(x.a, dim) || !plainIndex(x.b, dim);
      default: return true;
    }
  });
}

/** An index a double reads: a sum's variable or the size, each plus a whole number, or a whole number. */
function plainIndex(i: Index, dim: string): boolean {
  return i.k === 'var' || i.k === 'lit' || (i.k === 'dim' && i.name === dim);
}

/** The value of an index at n, the sums' variables at their positions. */
function indexAt(i: Index, dim: string, n: number, at: ReadonlyMap<string, number>): number {
  switch (i.k) {
    case 'var': return (at.get(i.name) ?? NaN) + i.offset;
    case 'dim': return i.name === dim ? n + i.offset : NaN;
    case 'lit': return i.value;
    default: return NaN;
  }
}

/**
 * The sums whose body does not read n, each kept as its value at the last n read: at n + 1 it is that plus one term,
 * so a scan of such sums to 20,000 reads 20,000 terms, not 200 million. One per reading (values, magnitudes).
 */
class RunningSums {
  readonly #last = new Map<Term, { n: number; value: number }>();
  at(t: Extract<Term, { k: 'sum' | 'reduce' }>, dim: string, n: number, read: (body: Term, k: number) => number): number {
    const product = t.k === 'reduce';
    const last = readsSize(t.body, dim) ? undefined : this.#last.get(t);
    let value: number;
    if (last !== undefined && last.n === n) value = last.value;
    else if (last !== undefined && last.n === n - 1) value = product ? last.value * read(t.body, n) : last.value + read(t.body, n);
    else {
      value = product ? 1 : 0;
      for (let k = 1; k <= n; k++) value = product ? value * read(t.body, k) : value + read(t.body, k);
    }
    this.#last.set(t, { n, value });
    return value;
  }
}

const readsSizeMemo = new WeakMap<Term, boolean>();
function readsSize(t: Term, dim: string): boolean {
  let known = readsSizeMemo.get(t);
  if (known === undefined) {
    known = someSubterm(t, (x) => (x.k === 'size' && x.name === dim) || (x.k === 'ival' && x.index.k === 'dim') || (x.k === 'icmp' && (x.a.k === 'dim' || x.b.k === 'dim')));
    readsSizeMemo.set(t, known);
  }
  return known;
}

/** The side's double at n, NaN where it reads anything else or has no value; `at` holds the enclosing sums' positions. */
function valueAt(t: Term, dim: string, n: number, sums: RunningSums, at: Map<string, number> = new Map()): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'pi': return Math.PI;
    case 'size': return t.name === dim ? n : NaN;
    case 'add': { let s = 0; for (const x of t.terms) s += valueAt(x, dim, n, sums, at); return s; }
    case 'mul': { let p = 1; for (const x of t.factors) p *= valueAt(x, dim, n, sums, at); return p; }
    case 'pow': return valueAt(t.base, dim, n, sums, at) ** valueAt(t.exponent, dim, n, sums, at);
    case 'ival': return indexAt(t.index, dim, n, at);
    case 'icmp': return compare(t.op, indexAt(t.a, dim, n, at), indexAt(t.b, dim, n, at));
    case 'sum': case 'reduce': return termsAt(t, dim, n, sums, at, (body) => valueAt(body, dim, n, sums, at));
    case 'fn': {
      // The log of a number past doubles (1.5e405 against 2^n, read through logs) from its digits.
      if (t.name === 'log' && t.args.length === 1 && t.args[0].k === 'num' && t.args[0].value.num > 0n) return logOfWhole(t.args[0].value.num) - logOfWhole(t.args[0].value.den);
      const f = FUNCTIONS[t.name];
      if (f.arity !== t.args.length) return NaN;
      const v = f.value(...t.args.map((x) => valueAt(x, dim, n, sums, at)));
      return typeof v === 'number' ? v : NaN;
    }
    default: return NaN;
  }
}

/** A sum or product at n, its body read by `read` with its index set in `at`; a running one where no sum encloses it. */
function termsAt(t: Extract<Term, { k: 'sum' | 'reduce' }>, dim: string, n: number, sums: RunningSums, at: Map<string, number>,
  read: (body: Term) => number): number {
  const term = (body: Term, k: number) => {
    at.set(t.index, k);
    const v = read(body);
    at.delete(t.index);
    return v;
  };
  // Inside another's body a sum is read whole at each of its terms: no running value there.
  return (at.size > 0 ? new RunningSums() : sums).at(t, dim, n, term);
}

/** The side's size as its parts' magnitudes add up (every sum and difference read as the sum of their sizes), at n. */
function magnitudeAt(t: Term, dim: string, n: number, sizes: RunningSums, at: Map<string, number> = new Map()): number {
  switch (t.k) {
    case 'add': { let s = 0; for (const x of t.terms) s += magnitudeAt(x, dim, n, sizes, at); return s; }
    case 'mul': { let p = 1; for (const x of t.factors) p *= magnitudeAt(x, dim, n, sizes, at); return p; }
    case 'sum': return termsAt(t, dim, n, sizes, at, (body) => magnitudeAt(body, dim, n, sizes, at));
    default: return Math.abs(valueAt(t, dim, n, new RunningSums(), at));
  }
}

/** Nodes a reading at n takes: a sum's body once per term, once in all where it runs on from n - 1. */
function nodesAt(t: Term, dim: string, n: number, nested = false): number {
  switch (t.k) {
    case 'sum': case 'reduce': return 1 + (nested || readsSize(t.body, dim) ? n : 1) * nodesAt(t.body, dim, n, true);
    case 'add': return 1 + t.terms.reduce((s, x) => s + nodesAt(x, dim, n, nested), 0);
    case 'mul': return 1 + t.factors.reduce((s, x) => s + nodesAt(x, dim, n, nested), 0);
    case 'pow': return 1 + nodesAt(t.base, dim, n, nested) + nodesAt(t.exponent, dim, n, nested);
    case 'fn': return 1 + t.args.reduce((s, x) => s + nodesAt(x, dim, n, nested), 0);
    default: return 1;
  }
}

function compare(op: string, a: number, b: number): number {
  switch (op) {
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    default: return a !== b ? 1 : 0;
  }
}

/** log of a positive whole number of any size, from its leading digits and their count. */
function logOfWhole(n: bigint): number {
  const digits = n.toString();
  const lead = Math.min(17, digits.length);
  return Math.log(Number(digits.slice(0, lead))) + (digits.length - lead) * Math.LN10;
}
