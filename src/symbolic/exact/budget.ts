/**
 * A work limit for exact algebra. Expanding `(x1 + ... + x30)^8` is exact but
 * never finishes in practice; the checker would rather give up on one step and
 * say so than hang the whole run.
 */

/**
 * Thrown by {@link Budget.charge}; `kind` says which limit was hit.
 * @example
 * try { p.pow(8, budget); } catch (e) { if (e instanceof BudgetExceededError && e.kind === 'time') giveUp(); }
 */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError';
  constructor(
    /** `terms`: too many polynomial terms produced; `time`: past the deadline. */
    readonly kind: 'terms' | 'time',
    /** The limit that was exceeded: a term count, or the deadline in epoch ms. */
    readonly limit: number,
  ) {
    super(
      kind === 'terms'
        ? `exact algebra produced more than ${limit} polynomial terms`
        : `exact algebra ran past its deadline (${new Date(limit).toISOString()})`,
    );
  }
}

export interface BudgetOptions {
  /**
   * Most polynomial terms all charged operations may produce together.
   * Default 200_000: far above what a softmax Jacobian entry at n = 24 needs
   * (a few thousand), far below what takes more than a second or two.
   */
  maxTerms?: number;
  /** Absolute deadline, in `Date.now()` milliseconds. Default: none. */
  deadlineMs?: number;
}

/**
 * A shared, mutable allowance. Pass the same instance to every operation of one
 * decision so the limit covers the whole decision, not each operation.
 *
 * @example
 * const budget = new Budget({ maxTerms: 10_000, deadlineMs: Date.now() + 500 });
 * p.pow(6, budget); // throws BudgetExceededError if it gets too big or too slow
 */
export class Budget {
  readonly maxTerms: number;
  readonly deadlineMs: number | undefined;
  private used = 0;
  private worked = 0;

  constructor({ maxTerms = 200_000, deadlineMs }: BudgetOptions = {}) {
    this.maxTerms = maxTerms;
    this.deadlineMs = deadlineMs;
  }

  /**
   * A budget whose deadline is `ms` from now.
   * @example Budget.withTimeout(250).charge(1);
   */
  static withTimeout(ms: number, maxTerms?: number): Budget {
    return new Budget({ maxTerms, deadlineMs: Date.now() + ms });
  }

  /** Terms charged so far. @example new Budget().termsUsed; // 0 */
  get termsUsed(): number {
    return this.used;
  }

  /**
   * Records `n` newly produced terms; throws {@link BudgetExceededError} once the
   * total passes `maxTerms` or the clock passes the deadline.
   * @example new Budget({ maxTerms: 10 }).charge(11); // throws BudgetExceededError, kind 'terms'
   */
  charge(n: number): void {
    this.used += n;
    if (this.used > this.maxTerms) throw new BudgetExceededError('terms', this.maxTerms);
    if (this.deadlineMs !== undefined && Date.now() > this.deadlineMs) {
      throw new BudgetExceededError('time', this.deadlineMs);
    }
  }

  /**
   * Records `n` products of terms; throws {@link BudgetExceededError} (kind `terms`) once they pass
   * {@link WORK_PER_TERM} times `maxTerms`. Products that fold into few terms are charged little by
   * {@link charge}: multiplying out the factors of a log's argument to sign it (t-SNE's at n = 5) ran
   * into the wall-clock guard at 120 s with the term budget far from spent.
   * @example new Budget({ maxTerms: 1 }).work(WORK_PER_TERM + 1); // throws BudgetExceededError
   */
  work(n: number): void {
    this.worked += n;
    if (this.worked > this.maxTerms * WORK_PER_TERM) throw new BudgetExceededError('terms', this.maxTerms);
  }
}

/** Products of terms a budget allows per term it allows (see {@link Budget.work}). */
export const WORK_PER_TERM = 32;

/**
 * The largest exponent exact algebra builds, and the most bits of a constant's
 * power. Powers of powers multiply their exponents without expanding anything
 * (`-(-(-t^2)^2)^2...`, 190 levels, is t^(2^190)), so a few cheap operations
 * could ask for a power no machine holds; past these the operation gives up as
 * a budget does, and the step falls back to numbers.
 */
export const MAX_EXACT_EXPONENT = 1_000_000;
export const MAX_EXACT_BITS = 10_000_000;

/** Throws {@link BudgetExceededError} if `base^k` is past the limits above. */
export function checkPower(largestExponent: number, constantBits: number, k: number, budget: Budget | undefined): void {
  if (largestExponent * Math.abs(k) > MAX_EXACT_EXPONENT || constantBits * Math.abs(k) > MAX_EXACT_BITS) {
    throw new BudgetExceededError('terms', budget?.maxTerms ?? 0);
  }
}

/** Bits of a bigint's magnitude, roughly (hexadecimal digits times 4). */
export function bitsOf(n: bigint): number {
  return (n < 0n ? -n : n).toString(16).length * 4;
}
