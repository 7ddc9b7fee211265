import { FUNCTIONS, inputNames, type Input, type Term } from '../model/index.ts';
import type { Layout } from './layout.ts';

/**
 * Inputs whose interval ends read other inputs (`given c: real in [m, L]`, an MGF's `t < l`) put inside those ends
 * before a draw is judged. Drawn independently and kept out by the guard alone, a chain of them (d in [c, L], c in
 * [m, L], L in (m, Infinity)) left most draws with no value, and a tie at an included end (c = m) was never drawn:
 * probe 94 had a false strict bound verified at one seed. A draw already inside is kept; one outside is put inside:
 *
 * - between two ends, at the fraction of the way its own fractional part says, and at an included end where it is a
 *   whole number (an even one at the lower end, an odd one at the upper), as the simple values 0 and 1 are, or where
 *   that fraction is within an eighth of the end;
 * - past the one end there is, at the end where its fractional part is below an eighth and the end is included, else
 *   reflected in it.
 *
 * Inputs are placed after those their ends read (a cycle is left as drawn, to the guard). The values are new arrays:
 * the draw itself is left for fast-check to shrink.
 */
export type RelativePlacer = (inputs: Record<string, number[]>) => Record<string, number[]>;

interface Placed {
  readonly name: string;
  readonly input: Input;
}

export function relativePlacer(layout: Layout): RelativePlacer | undefined {
  const relative = [...layout.slots.values()].filter((slot) => slot.input.relativeEnds !== undefined && slot.input.dims.length === 0).map((slot) => slot.input);
  if (relative.length === 0) return undefined;
  const order = placementOrder(relative);
  return (inputs) => {
    const out: Record<string, number[]> = { ...inputs };
    const value = (name: string): number => out[name]?.[0] ?? NaN;
    for (const { name, input } of order) {
      const ends = input.relativeEnds!;
      const constant = input.interval;
      const lower = tighter(ends.lower === undefined ? undefined : { at: valueOf(ends.lower, value), closed: ends.lowerClosed },
        constant === undefined || constant.lowerValue === -Infinity ? undefined : { at: constant.lowerValue, closed: constant.lowerClosed }, 1);
      const upper = tighter(ends.upper === undefined ? undefined : { at: valueOf(ends.upper, value), closed: ends.upperClosed },
        constant === undefined || constant.upperValue === Infinity ? undefined : { at: constant.upperValue, closed: constant.upperClosed }, -1);
      const v = value(name);
      const placed = placeInside(v, lower, upper);
      if (placed !== v) out[name] = [placed];
    }
    return out;
  };
}

interface End {
  readonly at: number;
  readonly closed: boolean;
}

/** Of two lower ends (sense 1) or upper ends (sense -1), the one that binds. */
function tighter(a: End | undefined, b: End | undefined, sense: 1 | -1): End | undefined {
  if (a === undefined || !Number.isFinite(a.at)) return b;
  if (b === undefined) return a;
  if (a.at === b.at) return { at: a.at, closed: a.closed && b.closed };
  return (a.at - b.at) * sense > 0 ? a : b;
}

/** The share of a unit (of a draw's fractional part) that puts a draw outside its ends at an included end. */
const AT_END = 1 / 8;

function placeInside(v: number, lower: End | undefined, upper: End | undefined): number {
  if (!Number.isFinite(v)) return v;
  const above = (x: number, e: End | undefined) => e === undefined || (e.closed ? x >= e.at : x > e.at);
  const below = (x: number, e: End | undefined) => e === undefined || (e.closed ? x <= e.at : x < e.at);
  if (above(v, lower) && below(v, upper)) return v;
  if (lower !== undefined && upper !== undefined) {
    if (!(upper.at > lower.at)) return v; // no room: the guard keeps the draw out
    if (Number.isInteger(v)) {
      const end = Math.abs(v) % 2 === 0 ? lower : upper;
      if (end.closed) return end.at;
    }
    const fraction = v - Math.floor(v);
    // An eighth of the draws outside at each included end: a tie there is what a strict bound fails at.
    if (fraction < AT_END && lower.closed) return lower.at;
    if (fraction >= 1 - AT_END && upper.closed) return upper.at;
    const placed = lower.at + (fraction === 0 ? 0.5 : fraction) * (upper.at - lower.at);
    return above(placed, lower) && below(placed, upper) ? placed : (lower.at + upper.at) / 2;
  }
  const end = (lower ?? upper)!;
  if (end.closed && Math.abs(v) - Math.floor(Math.abs(v)) < AT_END) return end.at;
  const reflected = 2 * end.at - v;
  if ((lower === undefined || above(reflected, lower)) && (upper === undefined || below(reflected, upper))) return reflected;
  // Reflected onto an end left out (v at it): a unit inside.
  return end.at + (lower !== undefined ? 1 : -1) * Math.max(1, Math.abs(end.at));
}

/** The relative inputs, each after those its ends read; those in a cycle are left out. */
function placementOrder(relative: readonly Input[]): Placed[] {
  const byName = new Map(relative.map((input) => [input.name, input]));
  const reads = new Map(relative.map((input) => {
    const names = new Set<string>();
    for (const end of [input.relativeEnds?.lower, input.relativeEnds?.upper]) if (end !== undefined) inputNames(end, names);
    return [input.name, [...names].filter((n) => byName.has(n) && n !== input.name)];
  }));
  const out: Placed[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): boolean => {
    if (state.get(name) === 'done') return true;
    if (state.get(name) === 'visiting') return false;
    state.set(name, 'visiting');
    const ok = reads.get(name)!.every(visit);
    state.set(name, 'done');
    if (ok) out.push({ name, input: byName.get(name)! });
    return ok;
  };
  for (const input of relative) visit(input.name);
  return out;
}

/** An end's value in doubles from the other inputs' values; NaN for anything it cannot read. */
function valueOf(t: Term, value: (name: string) => number): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'pi': return Math.PI;
    case 'input': return t.ref.indices.length === 0 ? value(t.ref.name) : NaN;
    case 'add': return t.terms.reduce((total, c) => total + valueOf(c, value), 0);
    case 'mul': return t.factors.reduce((product, c) => product * valueOf(c, value), 1);
    case 'pow': return valueOf(t.base, value) ** valueOf(t.exponent, value);
    case 'fn': return FUNCTIONS[t.name].value(...t.args.map((a) => valueOf(a, value)));
    default: return NaN;
  }
}

