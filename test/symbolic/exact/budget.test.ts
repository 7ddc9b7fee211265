import { describe, expect, it } from 'vitest';
import { Budget, BudgetExceededError, Polynomial, RationalFunction } from '../../../src/symbolic/exact/index.ts';

/** x0 + x1 + ... + x29 */
const thirty = Polynomial.sum(Array.from({ length: 30 }, (_, i) => Polynomial.variable(i)));

describe('Budget', () => {
  it('defaults to 200000 terms and no deadline', () => {
    const b = new Budget();
    expect(b.maxTerms).toBe(200_000);
    expect(b.deadlineMs).toBeUndefined();
    b.charge(200_000);
    expect(b.termsUsed).toBe(200_000);
    expect(() => b.charge(1)).toThrow(BudgetExceededError);
  });

  it('stops pow of a 30-term polynomial part-way', () => {
    const budget = new Budget({ maxTerms: 5_000 });
    let error: unknown;
    try {
      thirty.pow(4, budget);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    const err = error as BudgetExceededError;
    expect(err.kind).toBe('terms');
    expect(err.limit).toBe(5_000);
    expect(err.name).toBe('BudgetExceededError');
    expect(err.message).toMatch(/5000/);
    // Stopped within one row of the limit, not after finishing the 46376-term result.
    expect(budget.termsUsed).toBeLessThan(5_000 + 30 * 30);
  });

  it('lets the same computation finish under a big enough budget and counts its terms', () => {
    const budget = new Budget({ maxTerms: 100_000 });
    const p = thirty.pow(2, budget);
    expect(p.termCount()).toBe(465);
    expect(budget.termsUsed).toBe(465);
  });

  it('charges add and mul', () => {
    const budget = new Budget();
    const x = Polynomial.variable(0);
    const y = Polynomial.variable(1);
    x.add(y, budget);
    expect(budget.termsUsed).toBe(2);
    x.add(y).mul(x.sub(y), budget);
    expect(budget.termsUsed).toBe(2 + 3);
  });

  it('throws a time error once the deadline has passed', () => {
    const budget = new Budget({ deadlineMs: Date.now() - 1 });
    let error: unknown;
    try {
      budget.charge(1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).kind).toBe('time');
    expect(() => Budget.withTimeout(60_000).charge(1)).not.toThrow();
  });

  it('guards rational-function operations, including deferred expansions', () => {
    const f = RationalFunction.fromPolynomial(thirty);
    const budget = new Budget({ maxTerms: 2_000 });
    // pow itself expands nothing; the subtraction that needs the expansion is what runs out.
    const big = f.pow(4, budget);
    expect(() => big.sub(RationalFunction.ONE, budget)).toThrow(BudgetExceededError);
    const other = new Budget({ maxTerms: 2_000 });
    expect(() => f.pow(4, other).numerator()).toThrow(BudgetExceededError);
  });

  it('charges the products of a multiplication too, so one that folds into few terms still stops (t-SNE at n = 5 ran 120 s)', () => {
    // (1 + x + ... + x^299)^2: 90,000 products fold into 599 terms.
    const x = Polynomial.variable(0);
    const powers = Polynomial.sum(Array.from({ length: 300 }, (_, i) => x.pow(i)));
    expect(() => powers.mul(powers, new Budget({ maxTerms: 1_000 }))).toThrow(BudgetExceededError);
    expect(powers.mul(powers, new Budget({ maxTerms: 5_000 })).termCount()).toBe(599);
  });
});
