import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const results = (body: string) => claimsOf(deriv(body)).map((c) => c.steps[0]);
const verdicts = (body: string) => results(body).map((s) => s.verdict);

describe('a size declared alone, and sums with their bounds written', () => {
  it('a sum\'s bound no line declares is a size, as the books leave n undeclared: the sums of k and k^2, a geometric sum, a product', () => {
    expect(verdicts(`given x: real
claim sum(k, 1, n, k) = n * (n + 1) / 2
claim sum(k, 1, n, k^2) = n * (n + 1) * (2 * n + 1) / 6
claim sum(k, 1, n, k^2) = n * (n + 1) * (2 * n - 1) / 6   expect wrong
claim sum(k, 1, m + 1, x^k) = x * sum(k, 0, m, x^k)
claim prod(j, 1, m, 2) = 2^m
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved']);
    // A name declared otherwise keeps its declaration, and the resolver says what a bound must be.
    const [real] = results('given n: real\nclaim sum(k, 1, n, k) = n * (n + 1) / 2\n');
    expect(real.detail.diagnostic).toMatchObject({ message: expect.stringContaining('upper bound'), hint: expect.stringContaining('given n: size') });
  });

  it('given n: size is a dimension symbol and a value: the power rule with a symbolic exponent, at every size tried', () => {
    const [rule, slip] = results('given n: size\ngiven x: positive\nclaim diff(x^n, x) = n * x^(n - 1)\nclaim diff(x^n, x) = n * x^n   expect wrong\n');
    expect([rule.verdict, slip.verdict]).toEqual(['proved', 'refuted']);
    expect(rule.detail.sizes).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('geometric series from 0, to n - 1 and to n, with the usual off-by-one refuted', () => {
    expect(verdicts(`given n: size
given r: unit
claim sum(k, 0, n - 1, r^k) = (1 - r^n) / (1 - r)
claim sum(k, 0, n, r^k) = (1 - r^(n + 1)) / (1 - r)
claim sum(k, 0, n, r^k) = (1 - r^n) / (1 - r)   expect wrong
claim sum(k, 1, n, k) = n * (n + 1) / 2
claim sum(k, 1, n, k^2) = n * (n + 1) * (2 * n + 1) / 6
claim sum(k, 1, n + 1, k) = (n + 1) * (n + 2) / 2
claim sum(k, 1, 4, k) = 10
claim sum(k, 1, 4, k) = 11   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('a sum with fewer terms than its dimension, where its index is a number only: the series derivative, n - 1 terms', () => {
    expect(verdicts(`given n: size
given x: positive
given r: unit
claim d/dx(sum(k, 0, n, x^k)) = sum(k, 1, n, k * x^(k - 1))
claim sum(k, 1, n - 1, k) = n * (n - 1) / 2
claim sum(k, 1, n - 1, k) = n * (n + 1) / 2   expect wrong
claim sum(k, 0, n - 2, r^k) = (1 - r^(n - 1)) / (1 - r)
`)).toEqual(['proved', 'proved', 'refuted', 'proved']);
  });

  it("Adam's bias correction: the weights of an exponential moving average sum to 1 - b^t", () => {
    expect(verdicts(`given t: size
given b: unit
given g: vector[t]
claim sum(k, 1, t, (1 - b) * b^(t - k)) = 1 - b^t
claim sum(k, 1, t, (1 - b) * b^(t - k)) = 1 - b^(t - 1)   expect wrong
claim diff(sum(k, 1, t, (1 - b) * b^(t - k) * g[k]), g[j]) = (1 - b) * b^(t - j)
claim sum(k, 1, t, g[k]) = sum(g)
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  });

  it('refuses a declared name as a summation index, and suggests a name that is not declared (nineteenth probe: it suggested k for k)', () => {
    const [bounded] = results(`given n: size
given k, j: real
claim sum(k, 1, n, k) = 0
`);
    expect(bounded.detail.diagnostic).toMatchObject({ code: 'bad-index', message: 'k is declared as a value, so it cannot be a summation index', hint: 'pick an index name that is not declared, e.g. i' });
  });

  it('refuses bounds it cannot read, and an index from 0 used as a position, with a hint', () => {
    const [position, fewer, lower, upper] = results(`given n: size
given x: vector[n]
given r: real
claim sum(k, 0, n, x[k]) = 0
claim sum(k, 1, n - 1, x[k + 1]) = 0
claim sum(k, r, n, k) = 0
claim sum(k, 1, r, k) = 0
`);
    expect(position.detail.diagnostic).toMatchObject({ code: 'bad-index', message: expect.stringContaining('is a number only'), hint: expect.stringContaining('sum(k, 1, n, x[k])') });
    expect(fewer.detail.diagnostic).toMatchObject({ code: 'bad-index', message: expect.stringContaining('fewer terms than n, and k indexes an array'), hint: expect.stringContaining('given m: size') });
    expect(lower.detail.diagnostic).toMatchObject({ code: 'bad-index', span: { line: 7, col: 14 }, message: expect.stringContaining('lower bound') });
    expect(upper.detail.diagnostic).toMatchObject({ code: 'bad-index', message: expect.stringContaining('upper bound'), hint: expect.stringContaining('given n: size') });
  });

  it('fewer terms than the array they read, where each reads the array at k itself: momentum, a sum from k = 2, a bounded product', () => {
    expect(verdicts(`given n, T: size
given x: vector[n]
given g: vector[T]
given mu: unit
claim sum(k, 2, n, x[k]) = sum(x) - x[1]
claim sum(k, 2, n, x[k]) = sum(x)   expect wrong
claim sum(k, 1, T - 1, mu^(T - 1 - k) * g[k]) * mu + g[T] = sum(k, 1, T, mu^(T - k) * g[k])
claim sum(k, 1, T - 1, mu^(T - k) * g[k]) + g[T] = sum(k, 1, T, mu^(T - k) * g[k])
claim prod(k, 2, n, x[k]) * x[1] = prod(x)
claim prod(k, 1, n, k) = factorial(n)
claim prod(k, 0, n - 1, 2) = 2^n
claim prod(k, 1, n, k) = factorial(n + 1)   expect wrong
claim sum(k, 1, n - 1, 1 / (n - k)) = sum(k, 1, n - 1, 1 / k)
claim sum(k, 2, n, x[k] / (k - 1)) = sum(k, 2, n, x[k] * (1 / (k - 1)))
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('a size named like a value is refused', () => {
    const [step] = results('given r: real\ngiven r: size\nclaim r = r\n');
    expect(step.detail.diagnostic).toMatchObject({ code: 'duplicate-name' });
  });

  it('keeps two sums or products that differ only in their bounds apart in 60 digits (thirteenth probe: 3000!/2999! = 1 was verified, = 3000 refuted)', () => {
    expect(verdicts(`claim prod(k, 1, 3000, k) / prod(k, 1, 2999, k) = 3000
claim prod(k, 1, 3000, k) / prod(k, 1, 2999, k) = 1   expect wrong
claim sum(k, 1, 3000, exp(k)) / sum(k, 1, 2999, exp(k)) = 1   expect wrong
claim prod(k, 1, 3000, k) = prod(k, 1, 2999, k)   expect wrong
claim sum(k, 1, 5, k^2) = sum(k, 1, 4, k^2)   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted', 'refuted', 'refuted']);
  }, 60_000);
});


describe('a block of an array by its offset (the multi-head split, Vaswani et al. 3.2.2)', () => {
  it('writes a sum with number bounds out where its index reads arrays of another size, and refutes the wrong block', () => {
    expect(verdicts(`given x: vector[6]
given Wo: matrix[6, 2]
given v: vector[n]
claim sum(j, x[j] * Wo[j, 1]) = sum(c, 1, 3, x[c] * Wo[c, 1]) + sum(c, 1, 3, x[c + 3] * Wo[c + 3, 1])
claim sum(j, x[j] * Wo[j, 1]) = sum(c, 1, 3, x[c] * Wo[c, 1]) + sum(c, 1, 3, x[c + 3] * Wo[c, 1])   expect wrong
claim sum(c, 1, 2, v[c]) = v[1] + v[2]
`)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});
