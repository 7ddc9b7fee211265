/**
 * Child process of the numeric benchmark for large n (run under a time limit by
 * numeric.ts): prints one JSON line per figure to stdout, progress to stderr.
 */
import { CROSS_ENTROPY_GRADIENT, } from './symbolic.ts';
import { checkNumericallyAt, CROSS_ENTROPY_ONE_ENTRY, expectAgree } from './numeric.ts';
import { measure, timeOnce } from './lib.ts';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) throw new Error(`numeric-child: bad size ${process.argv[2]}`);

// warm-up of the JIT at a small size
expectAgree(10)(checkNumericallyAt(CROSS_ENTROPY_GRADIENT, 10));
expectAgree(10)(checkNumericallyAt(CROSS_ENTROPY_ONE_ENTRY, 10));

const one = timeOnce(() => checkNumericallyAt(CROSS_ENTROPY_ONE_ENTRY, n));
expectAgree(n)(one.value);
process.stdout.write(`${JSON.stringify({ kind: 'one-entry', ms: one.ms })}\n`);

const first = timeOnce(() => checkNumericallyAt(CROSS_ENTROPY_GRADIENT, n));
expectAgree(n)(first.value);
// Fast enough to repeat: the median of warmed-up runs, like the other rows; else the one run.
const full = first.ms < 2_000
  ? measure(`CE gradient numeric, n=${n}`, () => checkNumericallyAt(CROSS_ENTROPY_GRADIENT, n), expectAgree(n))
  : { medianMs: first.ms, runs: 1 };
process.stdout.write(`${JSON.stringify({ kind: 'full', ms: full.medianMs, runs: full.runs })}\n`);
