/** The numeric stage: compiled evaluation, random inputs from types, finite differences, shrinking. */
export { checkStepNumerically, indexAssignments, ERROR_FACTOR, KINK_MARGIN } from './check-step.ts';
export type { NumericComparison, NumericOutcome, NumericStep, NumericStepOptions } from './check-step.ts';
export { derivative } from './finite-difference.ts';
export type { DerivativeEstimate, DerivativeOptions } from './finite-difference.ts';
export { INPUT_RANGES } from './arbitraries.ts';
export { compileTerm, IndexSlots, newState } from './compile.ts';
export type { Compiled, EvaluationState } from './compile.ts';
export { dimSize, entryName, layoutInputs } from './layout.ts';
export type { Layout } from './layout.ts';
