import { FUNCTIONS, logFormInDoubles, someSubterm, type Term } from '../model/index.ts';
import type { Relation } from '../syntax/index.ts';

/**
 * Whole sizes between the lists' where a bound in n alone comes closest to failing, found by reading its margin in
 * doubles at every whole n up to {@link SCAN_TO}: the lists jump from 128 to 150, 200, 256, ..., and a bound may fail
 * only in such a gap. `n^100 < 3.05e172 2^n` fails only at n = 143 to 146, around the margin's low at n = 100 / log 2
 * (probe 101: proved at the sizes tried). far-sizes.ts reads the sizes found here in 60 digits, as it reads its own.
 */
export function closestWholeSizes(sides: readonly [Term, Term], dim: string, relation: Relation): number[] {
  if (relation === '=' || !sides.every(readsSizeAsValue)) return [];
  const [lhs, rhs] = sides;
  const logs = sides.map(logFormInDoubles) as [Term, Term];
  // The bound's margin relative to its sides, positive where it holds: 2 (b - a) / (|a| + |b|), which is log(b / a) to
  // first order, as the logs' difference past doubles is.
  const margin = (n: number): number => {
    const [a, b] = [valueAt(lhs, dim, n), valueAt(rhs, dim, n)];
    const below = relation === '<' || relation === '<=' ? b - a : a - b;
    if (Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(below)) return (2 * below) / (Math.abs(a) + Math.abs(b) || 1);
    // Past a double's range (n^100 at n = 2000), between the sides' logs where both are positive.
    const [la, lb] = [valueAt(logs[0], dim, n), valueAt(logs[1], dim, n)];
    return relation === '<' || relation === '<=' ? lb - la : la - lb;
  };
  const lows: { n: number; m: number }[] = [];
  let [before, here] = [NaN, margin(1)];
  for (let n = 1; n <= SCAN_TO; n++) {
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

/** Lows of the margin read again in 60 digits, each with its two neighbours. */
const CANDIDATES = 6;

/** A side that reads sizes as values only, no sum, product or position over them: a smooth function of n. */
function readsSizeAsValue(t: Term): boolean {
  return !someSubterm(t, (x) => x.k !== 'num' && x.k !== 'pi' && x.k !== 'size' && x.k !== 'add' && x.k !== 'mul' && x.k !== 'pow' && x.k !== 'fn');
}

/** The side's double at n, NaN where it reads anything else or has no value. */
function valueAt(t: Term, dim: string, n: number): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'pi': return Math.PI;
    case 'size': return t.name === dim ? n : NaN;
    case 'add': { let s = 0; for (const x of t.terms) s += valueAt(x, dim, n); return s; }
    case 'mul': { let p = 1; for (const x of t.factors) p *= valueAt(x, dim, n); return p; }
    case 'pow': return valueAt(t.base, dim, n) ** valueAt(t.exponent, dim, n);
    case 'fn': {
      // The log of a number past doubles (1.5e405 against 2^n, read through logs) from its digits.
      if (t.name === 'log' && t.args.length === 1 && t.args[0].k === 'num' && t.args[0].value.num > 0n) return logOfWhole(t.args[0].value.num) - logOfWhole(t.args[0].value.den);
      const f = FUNCTIONS[t.name];
      if (f.arity !== t.args.length) return NaN;
      const v = f.value(...t.args.map((x) => valueAt(x, dim, n)));
      return typeof v === 'number' ? v : NaN;
    }
    default: return NaN;
  }
}

/** log of a positive whole number of any size, from its leading digits and their count. */
function logOfWhole(n: bigint): number {
  const digits = n.toString();
  const lead = Math.min(17, digits.length);
  return Math.log(Number(digits.slice(0, lead))) + (digits.length - lead) * Math.LN10;
}
