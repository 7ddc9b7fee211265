import type { Decimal } from 'decimal.js';
import { FUNCTIONS, scalarRange, type Input, type Term } from '../model/index.ts';
import { DIGITS, evaluateHighPrecision, GuardError, type Magnitudes, type PointValue } from './high-precision.ts';

/**
 * A bracket of a root of a function of one scalar input: two points, a double apart or nearly, where 60 digits read
 * the function with opposite signs. Where the function is continuous between (whole-line.ts), the intermediate value
 * theorem puts a root there (root-between.ts).
 */

/** Points of the grid the sign change is looked for on, either side of 0, and its reach. */
const GRID_POINTS = 800;
const GRID_REACH = 20;
/** Halvings of a bracket in doubles, at most. */
const HALVINGS = 80;
/** The least relative distance from an interval's end a bracket keeps: the ends are doubles of constants like pi / 2. */
const END_MARGIN = 1e-9;

/** Whether x lies inside the input's range, clear of each finite end by the bracket's margin. */
export function clearlyInside(input: Input, x: number): boolean {
  const [from, to] = clearRange(input);
  return Number.isFinite(x) && x >= from && x <= to;
}

/** The input's range with each finite end moved in by the bracket's margin. */
function clearRange(input: Input): [number, number] {
  const [lower, upper] = scalarRange(input);
  const margin = (end: number) => (Number.isFinite(end) ? END_MARGIN * Math.max(1, Math.abs(end)) : 0);
  return [lower + margin(lower), upper - margin(upper)];
}

/** The term's value in doubles at x (the one input), NaN where a part has none. */
export function valueAt(t: Term, x: number): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'pi': return Math.PI;
    case 'input': return x;
    case 'add': return t.terms.reduce((s, u) => s + valueAt(u, x), 0);
    case 'mul': return t.factors.reduce((p, u) => p * valueAt(u, x), 1);
    case 'pow': return valueAt(t.base, x) ** valueAt(t.exponent, x);
    case 'fn': return FUNCTIONS[t.name].value(...t.args.map((a) => valueAt(a, x)));
    default: return NaN;
  }
}

/**
 * A bracket [a, b] inside the input's range where the term's sign, read in 60 digits at a and at b, changes; undefined
 * where the grid finds none or the digits cannot tell a sign. The grid keeps a margin from each finite end.
 */
export function signChange(t: Term, input: Input): [number, number] | undefined {
  const [lower, upper] = clearRange(input);
  const [from, to] = [Math.max(-GRID_REACH, lower), Math.min(GRID_REACH, upper)];
  if (!(to > from)) return undefined;
  let previous: { x: number; v: number } | undefined;
  for (let k = 0; k <= GRID_POINTS; k++) {
    const x = from + ((to - from) * k) / GRID_POINTS;
    const v = valueAt(t, x);
    if (!Number.isFinite(v) || v === 0) { previous = undefined; continue; }
    if (previous !== undefined && Math.sign(v) !== Math.sign(previous.v)) {
      const bracket = narrowed(t, previous.x, x, Math.sign(previous.v));
      if (bracket !== undefined && certifiedOpposite(t, input.name, bracket)) return bracket;
    }
    previous = { x, v };
  }
  return undefined;
}

/** The bracket halved in doubles while its ends keep their signs. */
function narrowed(t: Term, a: number, b: number, signAtA: number): [number, number] | undefined {
  let [lo, hi] = [a, b];
  for (let k = 0; k < HALVINGS; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = valueAt(t, mid);
    if (!Number.isFinite(v)) return undefined;
    if (v === 0) break;
    if (Math.sign(v) === signAtA) lo = mid; else hi = mid;
  }
  return [lo, hi];
}

/**
 * Whether 60 digits read the term at the bracket's two ends (exact doubles) with opposite signs, each clear of the
 * rounding of the largest term added up (x^5 at 20 is 3e6: its rounding is some 1e-54) by 20 digits.
 */
function certifiedOpposite(t: Term, name: string, [a, b]: [number, number]): boolean {
  try {
    const at = (x: number): { value: Decimal; largest: number } => {
      const magnitudes: Magnitudes = { largest: -Infinity, lost: 0 };
      const value = evaluateHighPrecision(t, new Map<string, PointValue>([[name, x]]), DIGITS, magnitudes);
      return { value, largest: magnitudes.largest };
    };
    const clear = ({ value, largest }: { value: Decimal; largest: number }) => value.isFinite() && !value.isZero()
      && value.e > Math.max(largest, value.e) - DIGITS + 20 && value.abs().gt('1e-40');
    const [u, v] = [at(a), at(b)];
    return clear(u) && clear(v) && u.value.isNeg() !== v.value.isNeg();
  } catch (error) {
    if (error instanceof GuardError) throw error;
    return false;
  }
}
