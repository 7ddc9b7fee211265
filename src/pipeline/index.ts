/** The whole flow for files: collect, read, parse, resolve, check. */
export { checkPrepared, countSteps, prepareFile, prepareFileAt } from './check-text.ts';
export type { PreparedFile } from './check-text.ts';
export { collectDerivationFiles, PathError } from './collect-files.ts';
export { systemErrorWords } from './system-errors.ts';
export { deriveInFile } from './derive-in-file.ts';
export type { DerivedInFile, DeriveTarget } from './derive-in-file.ts';
export { checkInParallel, defaultJobs } from './check-in-parallel.ts';
export type { ParallelOptions, StepPlace } from './check-in-parallel.ts';
export { CheckedDerivations, checkReusing } from './reuse.ts';
export type { ReuseCounts } from './reuse.ts';
export { watchPaths } from './watch-paths.ts';
export type { PathWatch, WatchOptions } from './watch-paths.ts';
