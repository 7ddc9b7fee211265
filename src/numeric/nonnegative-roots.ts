import { rangeAbove, valueRange, type Term } from '../model/index.ts';
import { inputsByName, type Layout } from './layout.ts';

/**
 * A square root whose radicand cannot be below 0 over the inputs' types (2 - 2 cos t, an arc
 * length's integrand; model/value-ranges.ts shows it): read within its error, never past its
 * edge, so a radicand that is 0 up to its rounding (at the ends of the cycloid's arc) has a
 * value. compile.ts, generate.ts and precise.ts read the same decision, so that the closures
 * and the generated code stay bit-identical.
 */
export function clampsRoot(name: string, args: readonly Term[], layout: Layout): boolean {
  return name === 'sqrt' && rangeAbove(valueRange(args[0], inputsByName(layout)), 0, false);
}

/** The square root of a radicand that cannot be below 0, read at 0 where its rounding took it below. */
export function clampedRoot(v: number): number {
  return Math.sqrt(Math.max(v, 0));
}
