/** The symbolic stage: differentiation in index notation and exact decisions at concrete sizes. */
export { differentiate, eliminateDiff, eliminateDiffKeepingDomain } from '../model/index.ts';
export { agreesInHighPrecision, decideStep, DEFAULT_SYMBOLIC_BUDGET, enumerateInstances, SEARCH_GUARD_MS, sizesWithin, writableSizes } from './decide.ts';
export type { Confirmation, InstanceRecord, SymbolicBudget, SymbolicOutcome, SymbolicStep } from './decide.ts';
export { AtomTable, Canonicalizer, DomainError } from './canonical.ts';
export { neverZero } from './atom-ranges.ts';
export { analyticDifference, boundAcrossRange, type AnalyticDifference, type BoundReading } from './identity-theorem.ts';
export { constantBound, type ConstantBound } from './constant-bound.ts';
export type { Atom } from './canonical.ts';
export { proveForEveryN } from './every-n.ts';
export { eliminateDeltas } from './eliminate-deltas.ts';
export type { EveryNOutcome } from './every-n.ts';
export { Budget, seededRandom } from './exact/index.ts';
export { entryReadOutside } from './expand.ts';
export { fineConstantUnseen, type FineConstant } from './fine-constants.ts';
export type { PointValue } from './high-precision.ts';
export { setGuardThreads } from './high-precision.ts';
