import type { Decimal } from 'decimal.js';

/**
 * Two close values and their difference as a report writes them: each with the digits that show them apart (20 to
 * 60 significant digits, 4 past where they first differ), the difference with 6. One rule for every 60-digit or
 * deeper reading a report shows (a bound refuted in 60 digits, far sizes, a bound of two constants).
 */
export function shownApart(x: Decimal, y: Decimal): { readonly lhs: string; readonly rhs: string; readonly difference: string } {
  const difference = x.minus(y);
  const digits = Math.min(60, Math.max(20, x.e - difference.e + 4));
  return { lhs: x.toSignificantDigits(digits).toString(), rhs: y.toSignificantDigits(digits).toString(), difference: difference.toSignificantDigits(6).toString() };
}
