/**
 * Exact algebra for deciding whether a rational function of atoms is zero:
 * BigInt rationals, sparse polynomials, GCD-free rational functions, a work
 * budget, and witness points for nonzero results.
 */
export { gcdBig, Rational } from './rational.ts';
export { bracketed, Polynomial } from './polynomial.ts';
export type { Monomial, Powers, Term } from './polynomial.ts';
export { RationalFunction } from './rational-function.ts';
export { Budget, BudgetExceededError } from './budget.ts';
export type { BudgetOptions } from './budget.ts';
export { findNonzeroPoint, seededRandom } from './nonzero-point.ts';
export type { NonzeroPointOptions, VariableDomain } from './nonzero-point.ts';
export { dividedByRoot, rationalRoot } from './rational-roots.ts';
