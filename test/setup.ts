/**
 * Every fast-check property of the suite runs from one seed, so CI is
 * reproducible; `FC_SEED=n npm test` explores other inputs, and a failure
 * prints its seed and path for replay. Properties that set a seed keep theirs.
 */
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261123);
fc.configureGlobal({ seed });
