import { num } from './term-builders.ts';
import { constantFraction } from './term-queries.ts';
import { expandedSizeUpTo } from './term-size.ts';
import type { Term } from './term.ts';

/** Nodes a constant definition's body has before it is folded: a short one (`let c = 1/3 + 1/6`) stays as written. */
const FOLD_FROM = 16;

/** Digits a folded value's numerator or denominator may have: past them the body stays as written. */
const MAX_FOLDED_DIGITS = 20_000;

/**
 * A definition without parameters whose body is rational arithmetic on numbers (+, -, *, / and whole powers), as its
 * one exact number; undefined for any other body. Each use of a definition copies its body, so a recurrence of
 * constants grows as 3^depth: Newton's x_{k+1} = x_k - (x_k^2 - 2) / (2 x_k) from x_0 = 1 passed the inlining budget
 * at x_10, and F[30] of Fibonacci's at F[25] (probe 102). Folded, every entry is one number, exact as before.
 */
export function foldedConstant(body: Term): Term | undefined {
  if (body.k === 'num' || expandedSizeUpTo(body, FOLD_FROM + 1) <= FOLD_FROM) return undefined;
  const value = constantFraction(body);
  if (value === undefined || value.den === 0n) return undefined;
  const folded = num(value.num, value.den);
  if (folded.k !== 'num') return undefined;
  const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;
  return digits(folded.value.num) > MAX_FOLDED_DIGITS || digits(folded.value.den) > MAX_FOLDED_DIGITS ? undefined : folded;
}
