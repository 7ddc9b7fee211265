/** The check stage: both engines per step, combined into one verdict with its evidence. */
export { assembleDerivation, checkModel, checkStepAt, DEFAULT_SIZES, DEFAULT_TRIALS, randomSeed } from './check-derivation.ts';
export type { CheckOptions } from './check-derivation.ts';
export { assertCheckOptions, OPTION_RANGES } from './options.ts';
export { countStep, emptySummary, isExpected, summarize } from './results.ts';
export type * from './results.ts';
// The pipeline's threads share one CPU clock, which the exact engine's guards read.
export { setGuardThreads } from '../symbolic/index.ts';
