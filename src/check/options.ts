import { LIMITS } from '../syntax/index.ts';
import type { CheckOptions } from './check-derivation.ts';

/**
 * The options of a check, refused where they cannot mean what they say: a size of 1.5
 * reached fast-check as an internal error, and sizes 0 and -1 were silently tried as 1.
 * The command line reads its flags into the same ranges.
 * @throws RangeError naming the option, the value and what it must be.
 */
export function assertCheckOptions(options: CheckOptions & { readonly jobs?: number }): void {
  const { seed, trials, sizes, jobs } = options;
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= -2147483648 && seed <= 2147483647)) {
    throw new RangeError(`seed must be a 32-bit integer, got ${String(seed)}`);
  }
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1 && trials <= 1_000_000)) {
    throw new RangeError(`trials must be a whole number from 1 to 1000000, got ${String(trials)}`);
  }
  if (sizes !== undefined) {
    if (!Array.isArray(sizes) || sizes.length === 0) throw new RangeError(`sizes must be a non-empty list of sizes, got ${JSON.stringify(sizes)}`);
    const bad = sizes.find((n) => !(Number.isInteger(n) && n >= 1 && n <= LIMITS.fixedSize));
    if (bad !== undefined) throw new RangeError(`sizes must be whole numbers from 1 to ${LIMITS.fixedSize}, got ${String(bad)}`);
  }
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) {
    throw new RangeError(`jobs must be a whole number from 1 to 256, got ${String(jobs)}`);
  }
}
