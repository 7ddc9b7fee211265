/** The model stage: names resolved, definitions inlined, index ranges known. */
export { buildModel } from './model.ts';
export { MAX_DETERMINANT_SIZE } from './resolve.ts';
export { InlineBudget, MAX_INLINED_NODES } from './term-size.ts';
export type { Model, ModelClaim, ModelStep, RangeMismatch } from './model.ts';
export { FUNCTIONS, isFunctionName, keepingSettings, MAX_FACTORIAL, preciseValue, toPrecise } from './functions.ts';
export type { FunctionRule, PreciseConstructor, PreciseNumber } from './functions.ts';
export { mapChildren, substituteIndices, withDefinedInputs, withUniqueBinders } from './term-traversal.ts';
export * from './term-builders.ts';
export type * from './term.ts';
export { appliedName, printFraction, printIndex, printRef, printTerm } from './print-term.ts';
export { hasAffineIndex, hasDiff, hasIndexValue, inputNames, someSubterm, turningScales, usesIndexVariable } from './term-queries.ts';
export { compare } from './compare.ts';
export type { LetDefinition } from './resolve.ts';
export { expandedSize } from './term-size.ts';
export { exactSimplex } from './exact-simplex.ts';
export { derivedSize, dimOfForm, readDimExpression, withDerivedSizes } from './dim-arithmetic.ts';
export { isContinuousKind, isSymmetricKind, symmetricPart } from './input-kinds.ts';
export { describeInstance, variableNames, FUNCTION_FAMILY, functionParameterCount, functionParameterRanges, hasApply, instanceValue, instantiateFunctions, MAX_FUNCTION_ARITY, MAX_FUNCTION_ORDER } from './abstract-functions.ts';
