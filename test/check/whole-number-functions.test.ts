import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('factorials and binomial coefficients of whole numbers', () => {
  it('Taylor polynomials: their sums proved exactly, a wrong coefficient refuted', () => {
    expect(verdictsIn(`given x: real
given n: size
claim sum(k, 0, 3, x^k / factorial(k)) = 1 + x + x^2 / 2 + x^3 / 6
claim sum(k, 0, 3, x^k / k!) = 1 + x + x^2 / 2 + x^3 / 3   expect wrong
claim sum(k, 0, 4, (-1)^k * x^(2 * k + 1) / factorial(2 * k + 1)) = x - x^3 / 6 + x^5 / 120 - x^7 / 5040 + x^9 / 362880
claim diff(sum(k, 0, n, x^k / factorial(k)), x) = sum(k, 0, n - 1, x^k / factorial(k))
claim diff(sum(k, 0, n, x^k / factorial(k)), x) = sum(k, 0, n, x^k / factorial(k))   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted']);
  });

  it('the binomial theorem at every size tried, under each of its names, and 0 outside 0..n', () => {
    expect(verdictsIn(`given x, y: real
given n: size
claim sum(k, 0, n, binomial(n, k) * x^k * y^(n - k)) = (x + y)^n
claim sum(k, 0, n, nchoosek(n, k)) = 2^n
claim sum(k, 0, n, choose(n, k)) = 2^n + 1   expect wrong
claim combinations(4, 2) * x = 6 * x
claim binomial(n, n + 1) = 0
claim (n + 1)! / n! = n + 1
claim factorial(n) = n * factorial(n - 1)
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved']);
  });

  it('refuses the factorial of a value of an input, which has no derivative and no value between integers', () => {
    const [step] = stepsIn('given x: real\nclaim factorial(x) = 1\n');
    expect(step.detail.diagnostic).toMatchObject({ code: 'unsupported', message: expect.stringContaining('factorial takes whole numbers'), span: { line: 3, col: 7 } });
  });

  it('a fifth derivative written with diff, and more variables than diff takes said plainly', () => {
    const [fifth, tooMany] = stepsIn('given x: real\nclaim diff(sin(x), x, x, x, x, x) = cos(x)\nclaim diff(x, x, x, x, x, x, x, x, x, x) = 0\n');
    expect(fifth.verdict).toBe('proved');
    expect(tooMany.detail.diagnostic?.message).toMatch(/diff takes at most 8 variables, got 9/);
  });
});

describe('a binomial coefficient of a large whole number (eleventh probe, W12)', () => {
  it('C(100000, 2) has a value, from its two factors; C(100000, 50000), which numbers cannot settle, is still equal to itself', () => {
    const steps = stepsIn(`claim binomial(100000, 2) = 100000 * 99999 / 2
claim binomial(100000, 99998) = 4999950000
claim binomial(100000, 2) = 4999950001   expect wrong
claim binomial(100000, 50000) = binomial(100000, 50000)
`);
    // The last: proved by the exact engines, whose conditions hold at a point, and never read as "no value" (fourteenth probe F3).
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'verified', 'refuted', 'proved']);
    expect(steps[3].method).toMatch(/not confirmed by numbers/);
  });
});

describe('an n-th derivative at a size n (Stewart 3.3): written out at each size tried', () => {
  it('diff(F, x, n) and dⁿ/dxⁿ(F), with their slips refuted', () => {
    expect(verdictsIn(`given n: size
given x: positive
given f: function
claim diff(exp(2 * x), x, n) = 2^n * exp(2 * x)
claim diff(exp(2 * x), x, n) = 2^(n - 1) * exp(2 * x)   expect wrong
claim dⁿ/dxⁿ(1 / x) = (-1)^n * factorial(n) / x^(n + 1)
claim d^n/dx^n(1 / x) = (-1)^(n + 1) * factorial(n) / x^(n + 1)   expect wrong
claim d^3/dx^3(x^4) = 24 * x
claim d³/dx³(f(x)) = f'''(x)
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('says which sizes it was decided at', () => {
    const [step] = stepsIn('given n: size\ngiven x: positive\nclaim diff(exp(2 * x), x, n) = 2^n * exp(2 * x)\n');
    expect(step.proof).toBe('sizes-tried');
    expect(step.method).toMatch(/written out at each size/);
  });
});

describe('a double factorial is refused, not read as the factorial of a factorial', () => {
  it('3!! is an error with a hint (math.js reads it as (3!)! = 720); (3!)! and the product written out are read', () => {
    const [doubled, nested, product] = stepsIn('given n: size\nclaim 3!! = 3\nclaim (3!)! = 720\nclaim prod(k, 1, n, 2 * k - 1) = factorial(2 * n) / (2^n * factorial(n))\n');
    expect(doubled.detail.diagnostic).toMatchObject({ message: 'n!! (a double factorial) is not part of the derivation language', span: { line: 3, col: 8 } });
    expect([nested.verdict, product.verdict]).toEqual(['proved', 'proved']);
  });
});

describe('count data: given y: count, whole numbers whose factorial a likelihood holds', () => {
  it("the Poisson log-likelihood's derivative in its rate, with log(y!) in it, and its slip; a count has no derivative", () => {
    const found = stepsIn(`given y: count[N]
given l: positive
given k: count
let LL = sum(i, y[i] * log(l) - l - log(factorial(y[i])))
claim diff(LL, l) = sum(y) / l - N
claim diff(LL, l) = sum(y) / l   expect wrong
claim diff(k * log(l) - l - log(k!), l) = k / l - 1
claim diff(LL, y[1]) = 0
`);
    expect(found.slice(0, 3).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
    expect(found[3].detail.diagnostic?.message).toMatch(/y is a count\[N\]: its values are discrete, so it has no derivative/);
  });
});
