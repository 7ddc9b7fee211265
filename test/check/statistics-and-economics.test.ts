/**
 * Steps of statistics and economics texts the fifteenth probe wrote: the Fisher
 * information with a count's mean put in (Casella and Berger 7.3), and Cobb-Douglas
 * and CES demand, whose bases such as (1 - a) m / q are positive for a unit a.
 */
import { describe, expect, it } from 'vitest';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

describe('subs of a count', () => {
  it('puts a mean into the formula of a count: the Poisson Fisher information, E[-l\'\'] = 1 / lambda (fifteenth probe)', () => {
    expect(verdictsIn(`given l: positive
given y: count
let ll = y * log(l) - l - lgamma(y + 1)
claim subs(-diff(ll, l, 2), y, l) = 1 / l
claim subs(-diff(ll, l, 2), y, l) = 1 / l^2   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('positive forms of unit inputs', () => {
  it('knows 1 - a, (1 - a) m and a x^r + (1 - a) y^r positive for a unit a, so their powers and logs split: Cobb-Douglas and CES demand (fifteenth probe)', () => {
    expect(verdictsIn(`given p, q, mw, u: positive
given a: unit
let V = (a * mw / p)^a * ((1 - a) * mw / q)^(1 - a)
let Ex = u * (p / a)^a * (q / (1 - a))^(1 - a)
claim -diff(V, p) / diff(V, mw) = a * mw / p
claim -diff(V, p) / diff(V, mw) = a * mw / q   expect wrong
claim diff(V, mw) = V / mw
claim p * diff(Ex, p) + q * diff(Ex, q) = Ex
claim subs(Ex, u, V) = mw
claim log(1 - a) + log(mw) = log((1 - a) * mw)
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved']);
  }, 60_000);
});

describe('an elasticity as economics prints it, d ln Q / d ln P (probe 56)', () => {
  it('is P times the derivative in P, written in LaTeX or as diff(log(Q), log(P)); its slips refuted', () => {
    expect(verdictsIn(`given P: positive
given a: positive
given b: positive
let Q = a P^(-b)
claim \\frac{d \\ln Q}{d \\ln P} = -b
claim \\frac{d \\ln Q}{d \\ln P} = b   expect wrong
claim \\frac{\\partial \\ln Q}{\\partial \\ln(P)} = -b
claim \\frac{d Q}{d \\ln P} = -b Q
claim diff(log(Q), log(P)) = -b
claim diff(log(Q), log(P)) = -b + 10^{-12}   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted']);
  });
});

describe('a marginal rate of substitution as a ratio of Leibniz fractions, and a Lagrange point with its multiplier (probe 56)', () => {
  it('reads \\frac{\\partial Q / \\partial L}{\\partial Q / \\partial K} and |_{x=\\sqrt{2}, y=\\sqrt{2}, \\lambda=1/2}', () => {
    expect(verdictsIn(`given K, L, α: positive
given λ: real
given x, y: real
let Q = K^α L^(1 - α)
claim \\frac{\\partial Q / \\partial L}{\\partial Q / \\partial K} = \\frac{(1 - \\alpha) K}{\\alpha L}
claim \\frac{\\partial Q / \\partial L}{\\partial Q / \\partial K} = \\frac{\\alpha K}{(1 - \\alpha) L}   expect wrong
claim \\left. \\left( y - 2 \\lambda x \\right) \\right|_{x=\\sqrt{2}, y=\\sqrt{2}, \\lambda=1/2} = 0
claim \\left. \\left( y - 2 \\lambda x \\right) \\right|_{x=\\sqrt{2}, y=\\sqrt{2}, \\lambda=1} = 0   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });
});

describe('a log-likelihood as Casella and Berger print it, and functions written in a row (probe 60)', () => {
  it('reads \\sum_i \\left[ ... \\right] as the sum of the bracket, and \\log \\cosh x as log(cosh(x))', () => {
    expect(verdictsIn(`given x: binary[n]
given p: unit
given z: real
let L = \\sum_i \\left[ x_i \\log p + (1 - x_i) \\log(1 - p) \\right]
claim diff(L, p) = sum(i, x[i]) / p - (n - sum(i, x[i])) / (1 - p)
claim diff(L, p) = sum(i, x[i]) / p + (n - sum(i, x[i])) / (1 - p)   expect wrong
claim \\log \\cosh z = \\log(\\cosh(z))
claim \\log \\cosh z = \\log(\\cosh(2 z))   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });
});
