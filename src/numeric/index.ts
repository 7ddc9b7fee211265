/** The numeric stage: compiled evaluation, random inputs from types, finite differences, shrinking. */
export { checkStepNumerically, indexAssignments, ERROR_FACTOR, KINK_MARGIN, MAX_PRECISE_WORK } from './check-step.ts';
export type { NumericComparison, NumericOutcome, NumericStep, NumericStepOptions, PrecisionCounts } from './check-step.ts';
export { derivative } from './finite-difference.ts';
export type { DerivativeEstimate, DerivativeOptions } from './finite-difference.ts';
export { integrate } from './quadrature.ts';
export type { Integrand, Quadrature } from './quadrature.ts';
export { INPUT_RANGES, SIMPLE_VALUES } from './arbitraries.ts';
export { compilePrecise, compilePreciseSide, evaluatePrecise, HIGH_DIGITS, PreciseDecimal, preciseContext, preciseEvaluationWork, preciseEvaluator } from './precise.ts';
export type { PreciseCompiled, PreciseContext, PreciseEvaluator, PreciseOutcome, PreciseSide, PreciseValue, PreciseWork } from './precise.ts';
export { specialValues } from './special-values.ts';
export type { SpecialValues } from './special-values.ts';
export { IndexSlots, newState, QUADRATURE_WORK, withQuadratureWork } from './compile.ts';
export { compileTerm } from './generate.ts';
export type { Compiled, EvaluationState } from './compile.ts';
export { dimSize, entryName, layoutInputs } from './layout.ts';
export type { Layout } from './layout.ts';
export { criticalPoints, curvePoints, usePoint } from './curve-points.ts';
export type { CurvePoint, CurvePointOptions, CurveSample } from './curve-points.ts';
