/** The derive stage: what a derivative should be, in the derivation's own terms, proved. */
export { deriveExpression } from './derive.ts';
export type { Derivative, DerivedForm, DeriveOptions } from './derive.ts';
export { formSize } from './candidates.ts';
