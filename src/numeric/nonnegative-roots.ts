import { rangeAbove, someChild, someSubterm, valueRange, type Input, type InputInterval, type Term } from '../model/index.ts';
import { inputsByName, type Layout } from './layout.ts';

/**
 * Square roots whose radicand cannot be below 0 over the inputs' types (2 - 2 cos t, an arc
 * length's integrand; model/value-ranges.ts shows it): read within their error, never past
 * their edge, so a radicand that is 0 up to its rounding (at the ends of the cycloid's arc)
 * has a value. An integral's variable lies between its bounds: `sqrt(1 - x^2)` inside an
 * integral over x from -1 to 1 (the inner bounds of an integral over the unit disk) is such a
 * root, and so is one in y inside the inner integral there. compile.ts, generate.ts and
 * precise.ts read the same decision from the same term, so that the closures and the
 * generated code stay bit-identical.
 *
 * @returns whether the root `name(args)` inside `term` is clamped.
 */
export function rootClamping(term: Term, layout: Layout): (name: string, args: readonly Term[]) => boolean {
  const inputs = new Map(inputsByName(layout));
  // Outer integrals first, so that an inner one's bounds read the outer variables' ranges.
  const ranges = new Map<string, { lo: number; hi: number }>();
  const visit = (t: Term): boolean => {
    if (t.k === 'integral') {
      const lower = t.lower === undefined ? { lo: -Infinity, hi: -Infinity } : valueRange(t.lower, inputs);
      const upper = t.upper === undefined ? { lo: Infinity, hi: Infinity } : valueRange(t.upper, inputs);
      // A variable read by two integrals lies in the union of their ranges; one whose bounds have no range, anywhere.
      const before = ranges.get(t.v);
      const lo = lower === undefined || upper === undefined ? -Infinity : Math.min(lower.lo, upper.lo, before?.lo ?? Infinity);
      const hi = lower === undefined || upper === undefined ? Infinity : Math.max(lower.hi, upper.hi, before?.hi ?? -Infinity);
      ranges.set(t.v, { lo, hi });
      // Not where the name is also read outside its integrals (x as an input and as a variable): there it is any value.
      const declared = inputs.get(t.v);
      if (declared !== undefined && declared.dims.length === 0 && !readFreely(term, t.v)) inputs.set(t.v, { ...declared, interval: closed(lo, hi) });
    }
    return false;
  };
  someSubterm(term, visit);
  return (name, args) => name === 'sqrt' && rangeAbove(valueRange(args[0], inputs), 0, false);
}

/** Whether `term` reads the input `v` outside every integral over v (its bounds included). */
function readFreely(term: Term, v: string): boolean {
  if (term.k === 'input') return term.ref.name === v;
  if (term.k === 'integral' && term.v === v) return [term.lower, term.upper].some((b) => b !== undefined && readFreely(b, v));
  return someChild(term, (c) => readFreely(c, v));
}

/** [lo, hi] as an input's interval, for value-ranges.ts to read. */
function closed(lo: number, hi: number): InputInterval {
  return { lowerValue: lo, upperValue: hi, lowerClosed: Number.isFinite(lo), upperClosed: Number.isFinite(hi), text: `[${lo}, ${hi}]` };
}

/** The square root of a radicand that cannot be below 0, read at 0 where its rounding took it below. */
export function clampedRoot(v: number): number {
  return Math.sqrt(Math.max(v, 0));
}
