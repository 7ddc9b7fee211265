/**
 * Child process of the numeric benchmark for large n (run under a time limit by
 * numeric.ts): prints one JSON line per figure to stdout, progress to stderr.
 */
import { CROSS_ENTROPY_GRADIENT, } from './symbolic.ts';
import { checkNumericallyAt, CROSS_ENTROPY_ONE_ENTRY, expectAgree } from './numeric.ts';
import { timeOnce } from './lib.ts';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) throw new Error(`numeric-child: bad size ${process.argv[2]}`);

// warm-up of the JIT at a small size
expectAgree(10)(checkNumericallyAt(CROSS_ENTROPY_GRADIENT, 10));
expectAgree(10)(checkNumericallyAt(CROSS_ENTROPY_ONE_ENTRY, 10));

const one = timeOnce(() => checkNumericallyAt(CROSS_ENTROPY_ONE_ENTRY, n));
expectAgree(n)(one.value);
process.stdout.write(`${JSON.stringify({ kind: 'one-entry', ms: one.ms })}\n`);

const full = timeOnce(() => checkNumericallyAt(CROSS_ENTROPY_GRADIENT, n));
expectAgree(n)(full.value);
process.stdout.write(`${JSON.stringify({ kind: 'full', ms: full.ms })}\n`);
