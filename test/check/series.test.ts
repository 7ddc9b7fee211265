import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('infinite sums: sum(k, L, Infinity, E) (Stewart 11.8-11.10, the discounted return)', () => {
  it("differentiates a power series' k = 0 term, x^0, to 0 at x = 0 too, not 0 x^(-1) (probe 50: J0'(0) = 0)", () => {
    expect(verdictsIn(`given x: real
let J5 = sum(k, 0, 6, (-1)^k * (x/2)^(2 k) / (k!)^2)
claim subs(diff(J5, x), x, 0) = 0
claim subs(diff(sum(k, 0, 2, x^(2 k)), x), x, 0) = 0
claim subs(diff(sum(k, 0, 4, x^k / k!), x), x, 0) = 1
claim subs(diff(sum(k, 0, 4, x^k / k!), x), x, 0) = 0   expect wrong
claim diff(sum(k, 0, 4, x^k / k!), x) = sum(k, 0, 3, x^k / k!)
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved']);
  });

  it('sums a rational series whose term has a constant factor that is no rational, or a squared sign (probe 100: refused)', () => {
    expect(verdictsIn(`given x: real
claim sum(k, 0, Infinity, 64 / (pi^2 * (2 * k + 1)^6)) = pi^4 / 15
claim sum(k, 0, Infinity, 64 / (pi^2 * (2 * k + 1)^6)) = pi^4 / 16   expect wrong
claim sum(k, 1, Infinity, (2 * (-1)^(k + 1) / k)^2) = 2 * pi^2 / 3
claim sum(k, 0, Infinity, (4 / (pi * (2 * k + 1)))^2) = 2
claim sum(k, 0, Infinity, (4 / (pi * (2 * k + 1)))^2) = 1   expect wrong
claim sinh(2 * pi) / pi = 2 * sinh(pi)^2 / pi^2 + sum(k, 1, Infinity, 4 * sinh(pi)^2 / (pi^2 * (1 + k^2)))
`, { seed: 1 })).toEqual(['verified', 'refuted', 'verified', 'verified', 'refuted', 'verified']);
  }, 60_000);

  it('sums a rational series whose coefficients read an input, at each input (probe 101: A&S 6.3.16 refused)', () => {
    expect(verdictsIn(`given a: positive
given z: real in (-1, Infinity)
claim sum(k, 1, Infinity, 1 / (k^2 + a^2)) = (pi * a / tanh(pi * a) - 1) / (2 * a^2)
claim sum(k, 1, Infinity, 1 / (k^2 + a^2)) = (pi * a / tanh(pi * a) - 1) / a^2   expect wrong
claim digamma(1 + z) = -eulergamma + sum(k, 1, Infinity, z / (k * (k + z)))
claim digamma(1 + z) = -0.5772156649015329 + sum(k, 1, Infinity, z / (k * (k + z)))   expect wrong
`, { seed: 1 })).toEqual(['verified', 'refuted', 'verified', 'refuted']);
  }, 120_000);

  it('reads a series of constants in 60 digits where the doubles\' bound is loose: a value cut at 14 digits is refuted (probe 102: verified)', () => {
    expect(verdictsIn(`claim sum(k, 0, Infinity, (2^k - 1) / 10^k) = 0.13888888888888   expect wrong
claim sum(k, 0, Infinity, ((((1 + sqrt(5)) / 2)^k - ((1 - sqrt(5)) / 2)^k) / sqrt(5)) / 10^k) = 0.11235955056179   expect wrong
claim sum(k, 0, Infinity, ((((1 + sqrt(5)) / 2)^k - ((1 - sqrt(5)) / 2)^k) / sqrt(5)) / 10^k) = 10/89
`, { seed: 1 })).toEqual(['refuted', 'refuted', 'verified']);
  }, 60_000);

  it('sums power series to their closed forms, and refutes the slips', () => {
    expect(verdictsIn(`given x: unit
given t: real
claim sum(k, 0, Infinity, x^k) = 1 / (1 - x)
claim sum(k, 0, inf, x^k) = 1 / (1 + x)   expect wrong
claim sum(k, 0, ∞, t^k / factorial(k)) = exp(t)
claim sum(k, 0, oo, (-1)^k * t^(2 * k + 1) / factorial(2 * k + 1)) = sin(t)
claim sum(k, 0, oo, (-1)^k * t^(2 * k) / factorial(2 * k + 1)) = sin(t)   expect wrong
claim sum(k, 1, Infinity, x^k / k) = -log(1 - x)
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted', 'proved']);
  }, 60_000);

  it("proves the table's series by their term ratio, with their exact regions of convergence, boundary included", () => {
    expect(verdictsIn(`given t, r: real
claim sum(k, 0, Infinity, (-1)^k * t^(2 * k) / factorial(2 * k)) = cos(t)
claim sum(k, 0, Infinity, t^(2 * k + 1) / factorial(2 * k + 1)) = sinh(t)
claim sum(k, 0, Infinity, (-1)^k * (t / 2)^(2 * k) / factorial(2 * k)) = cos(t / 2)
claim sum(k, 0, Infinity, t^k / gamma(k + 1)) = exp(t)
claim sum(k, 0, Infinity, exp(-k * t^2)) = 1 / (1 - exp(-t^2))
claim sum(k, 0, Infinity, binomial(-1/2, k) * r^k) = 1 / sqrt(1 + r)
claim sum(k, 0, Infinity, binomial(-1/2, k) * r^k) = 1 / sqrt(1 - r)   expect wrong
claim sum(k, 1, Infinity, (-1)^(k + 1) * r^k / k) = log(1 + r)
claim sum(k, 0, Infinity, (-1)^k * r^(2 * k + 1) / (2 * k + 1)) = atan(r)
claim sum(k, 0, Infinity, binomial(3, k) * r^k) = (1 + r)^3
claim sum(k, 0, Infinity, (1/2)^k) = 2
claim sum(k, 0, Infinity, (1/2)^k) = 3   expect wrong
claim sum(k, 1, Infinity, (-1)^(k + 1) / k) = log(2)
claim sum(k, 0, Infinity, binomial(1/2, k)) = sqrt(2)
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  }, 60_000);

  it('proves a tail of a table series as the whole less its first terms, and keeps the tail\'s own domain', () => {
    expect(verdictsIn(`given x: real
given u: unit
claim sum(k, 3, Infinity, x^k / factorial(k)) = exp(x) - 1 - x - x^2 / 2
claim sum(k, 3, Infinity, x^k / factorial(k)) = exp(x) - 1 - x - x^2   expect wrong
claim sum(k, 2, Infinity, binomial(1/2, k) * u^k) = sqrt(1 + u) - 1 - u / 2
claim x * sum(k, 1, Infinity, x^(k - 1) / factorial(k)) = exp(x) - 1
claim sum(k, 1, Infinity, x^(k - 1) / factorial(k)) = (exp(x) - 1) / x   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('reads a table series on its boundary by its closed form, and as no value where it diverges (eighth probe)', () => {
    expect(verdictsIn(`given x: real
claim sum(k, 1, Infinity, (-1)^(k + 1) * x^k / k) = log(1 + x) + (x == 1)   expect wrong
claim sum(k, 0, Infinity, (-1)^k * x^(2 * k + 1) / (2 * k + 1)) = atan(x) + (x == 1)   expect wrong
claim sum(k, 0, Infinity, binomial(1/2, k) * x^k) = sqrt(1 + x) + (x == -1)   expect wrong
claim 1 / (1 - x) = sum(k, 0, Infinity, x^k)   expect wrong
claim sum(k, 0, Infinity, x^k) = 1 / (1 - x)
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved']);
  }, 60_000);

  it('sees a difference of 1e-20 in 60 digits, and the same series written with another index is the same', () => {
    expect(verdictsIn(`given t: real
given x: unit
claim sum(k, 0, Infinity, t^k / factorial(k)) = exp(t) + 1e-20   expect wrong
claim sum(k, 0, Infinity, x^k) = sum(j, 0, Infinity, x^j)
`)).toEqual(['refuted', 'proved']);
  }, 60_000);

  it('differentiates term by term, checked against finite differences of the sums', () => {
    expect(verdictsIn(`given t: real
given x: unit
claim diff(sum(k, 0, Infinity, t^k / factorial(k)), t) = sum(k, 0, Infinity, t^k / factorial(k))
claim diff(sum(k, 1, Infinity, x^k / k), x) = 1 / (1 - x)
claim diff(sum(k, 1, Infinity, x^k / k), x) = 1 / (1 + x)   expect wrong
`)).toEqual(['verified', 'proved', 'refuted']);
  }, 60_000);

  it('leaves a series it cannot sum undecided, and says so: never a value it did not have', () => {
    // 1 / k^2 is summed exactly now, and 1 / (k^2 + 1) in 60 digits (rational-series.test.ts); 1 / (k^2 + log(k)) is neither.
    const [slow] = stepsIn('given x: real\nclaim sum(k, 1, Infinity, 1 / (k^2 + log(k))) = 1.3\n');
    expect(slow.verdict).toBe('error');
    expect(slow.detail.diagnostic?.message).toMatch(/a series that does not sum within the terms they take/);
  }, 60_000);

  it('reads Infinity only as the upper bound of a sum, and a series index never as a position', () => {
    const [alone, position, product] = stepsIn(`given x: real
given v: vector[n]
claim Infinity = 1
claim sum(k, 1, Infinity, v[k]) = 1
claim prod(k, 1, Infinity, x) = 1
`);
    expect(alone.detail.diagnostic?.message).toMatch(/Infinity is not a number of the derivation language/);
    expect(position.detail.diagnostic?.message).toMatch(/the index k of an infinite sum is a number only/);
    expect(product.detail.diagnostic?.message).toMatch(/an infinite product is not supported/);
  }, 60_000);
});

describe('the inverse functions at the angles of the tables (thirteenth probe)', () => {
  it('knows atan(1) = pi/4 and the like exactly, so the Leibniz series, read as atan(1), is proved and its slips refuted', () => {
    expect(verdictsIn(`claim sum(k, 0, Infinity, (-1)^k / (2 * k + 1)) = pi / 4
claim sum(k, 0, Infinity, (-1)^k / (2 * k + 1)) = pi / 4 + 1e-30   expect wrong
claim atan(sqrt(3)) + atan(1/sqrt(3)) = pi / 2
claim asin(sqrt(2) / 2) - asin(-1/2) = 5 * pi / 12
claim acos(1/2) = pi / 3
claim asin(1/3) = pi / 9   expect wrong
claim atan(1) = pi / 4 + 1e-40   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);
});

describe('a tail to infinity from a size (probe 109: refused)', () => {
  it('reads sum(j, k, Infinity, E) as the series from 0 of the terms at j + k: the geometric tail P(N >= k) = rho^k', () => {
    expect(verdictsIn(`given k: size
given rho: unit
claim sum(j, k, Infinity, (1 - rho) * rho^j) = rho^k
claim sum(j, k, Infinity, (1 - rho) * rho^j) = rho^(k + 1)   expect wrong
claim sum(j, k + 1, Infinity, (1 - rho) * rho^j) = rho^(k + 1)
claim sum(j, k, Infinity, 1 / (j + 1)^2) <= 1 / (k + 1)   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);
});

describe('Fourier series: a cosine of k slow beside the terms, and terms only one input sums (probe 112)', () => {
  it('does not read cos(k pi / 500) / k^2 as geometric where the cosine nears 0 (a true step was refuted, 1.6363 against 1.6351)', () => {
    // Its terms shrink faster than 0.99 each from k = 1 to 249 and grow again past it: a series must be read over a
    // period of its slowest sine or cosine before it may stop. Summed no further, it is an error, not a verdict.
    const [step] = stepsIn('claim sum(k, 1, Infinity, cos(k * pi / 500) / k^2) = pi^2 / 6 - pi^2 / 1000 + pi^2 / 1000000\n', { seed: 1 });
    expect(step.verdict).toBe('error');
  }, 120_000);

  it('sums a geometric series with a cosine of k as before, over a period of it', () => {
    expect(verdictsIn(`given x: real in [0, 2*pi]
claim sum(k, 0, Infinity, cos(k * x) / 2^k) = (1 - cos(x) / 2) / (5/4 - cos(x))
claim sum(k, 0, Infinity, cos(k * x) / 2^k) = (1 - cos(x) / 2) / (5/4 - cos(x)) + 1e-9   expect wrong
`, { seed: 1 })).toEqual(['verified', 'refuted']);
  }, 120_000);

  it('verifies nothing from one input of a hundred: sin(k x) / k^3 sums only at x = 0, where both sides are 0', () => {
    const [step] = stepsIn(`given x: real in [0, 2*pi]
claim sum(k, 1, Infinity, sin(k * x) / k^3) = (pi^2 * x - 3 * pi * x^2 + x^3) / 12   expect wrong
`, { seed: 1 });
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toMatch(/too few inputs to verify the step: none of the \d+ tried but 0s and 1s/);
  }, 120_000);
});
