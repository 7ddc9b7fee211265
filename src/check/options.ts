import type { CheckOptions } from './check-derivation.ts';

/**
 * The ranges of a check's options, the library's and the command line's alike: the seed is
 * fast-check's (32 bits), a size at most 10,000 (`--sizes`).
 */
export const OPTION_RANGES = {
  seed: { min: -2147483648, max: 2147483647 },
  trials: { min: 1, max: 1_000_000 },
  size: { min: 1, max: 10_000 },
  jobs: { min: 1, max: 256 },
} as const;

const within = (v: number, range: { readonly min: number; readonly max: number }) => Number.isInteger(v) && v >= range.min && v <= range.max;

/**
 * The options of a check, refused where they cannot mean what they say: a size of 1.5
 * reached fast-check as an internal error, and sizes 0 and -1 were silently tried as 1.
 * @throws RangeError naming the option, the value and what it must be.
 */
export function assertCheckOptions(options: CheckOptions & { readonly jobs?: number }): void {
  // From JavaScript any value arrives: say which is wrong, not a TypeError from inside (probe 67).
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  for (const key of ['onStep', 'onStepPlaced', 'onFile'] as const) {
    const f = (options as Record<string, unknown>)[key];
    if (f !== undefined && typeof f !== 'function') throw new TypeError(`${key} must be a function, got ${typeof f}`);
  }
  const budget = (options as { budget?: unknown }).budget;
  if (budget !== undefined) {
    if (budget === null || typeof budget !== 'object') throw new TypeError(`budget must be an object, got ${budget === null ? 'null' : typeof budget}`);
    for (const [key, value] of Object.entries(budget)) {
      if (value !== undefined && !(typeof value === 'number' && value >= 0 && !Number.isNaN(value))) throw new RangeError(`budget.${key} must be a number >= 0, got ${String(value)}`);
    }
  }
  const { seed, trials, sizes, jobs } = options;
  const r = OPTION_RANGES;
  if (seed !== undefined && !within(seed, r.seed)) throw new RangeError(`seed must be a 32-bit integer, got ${String(seed)}`);
  if (trials !== undefined && !within(trials, r.trials)) throw new RangeError(`trials must be a whole number from ${r.trials.min} to ${r.trials.max}, got ${String(trials)}`);
  if (sizes !== undefined) {
    if (!Array.isArray(sizes) || sizes.length === 0) throw new RangeError(`sizes must be a non-empty list of sizes, got ${JSON.stringify(sizes)}`);
    const bad = sizes.find((n) => !within(n, r.size));
    if (bad !== undefined) throw new RangeError(`sizes must be whole numbers from ${r.size.min} to ${r.size.max}, got ${String(bad)}`);
  }
  if (jobs !== undefined && !within(jobs, r.jobs)) throw new RangeError(`jobs must be a whole number from ${r.jobs.min} to ${r.jobs.max}, got ${String(jobs)}`);
}
