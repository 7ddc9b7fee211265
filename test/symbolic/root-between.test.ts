import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);

describe('a comparison tied at a root no formula gives (probe 67, 77: verified)', () => {
  it('is refuted where the intermediate value theorem shows the root: a sign change read in 60 digits at both ends', () => {
    const results = steps(`given x: real
claim (x^3 - x - 1 == 0) = 0   expect wrong
claim (x^5 + x == 1) = 0   expect wrong
claim (cos(x) == x) = 0   expect wrong
claim (x*exp(x) == 1) = 0   expect wrong
claim (x^5 + x - 1)^2 > 0   expect wrong
claim (cos(x) - x)^2 > 0   expect wrong
`);
    expect(results.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'refuted', 'refuted']);
    expect(results[0].detail.counterexample?.foundBy).toContain('a root of x^3 - x - 1 between 1.32471795724');
    expect(results[0].detail.counterexample?.inputs.x).toBeCloseTo(1.324717957244746, 12);
  }, 60_000);

  it('holds where the function changes no sign, or its root lies outside the input\'s range, and a non-strict bound at the tie', () => {
    expect(steps(`given x: real
given y: real in (1, 2)
claim (x^2 + 1 == 0) = 0
claim (cos(y) == y) = 0
claim (x^5 + x - 1)^2 >= 0
`).map((s) => s.verdict)).toEqual(['proved', 'proved', 'verified']);
  }, 60_000);
});

describe('a root of a function continuous on its domain, or of a size against a constant (probe 87: verified)', () => {
  it('is refuted where the function has a log, inside an interval, and where abs(g) or g^2 is held above a constant', () => {
    expect(steps(`given x: real in (1.3, 2)
given w: positive
claim (log(x - 1) + cos(x - 1))^2 > 0   expect wrong
claim abs(log(x - 1) + cos(x - 1)) >= 1e-40   expect wrong
claim (log(w) + w - 2 == 0) = 0   expect wrong
claim (log(w) + w - 2)^2 > 0   expect wrong
`).map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted']);
  }, 60_000);

  it('never takes a gap of the domain for a root: sqrt(x^2 - 1) + x is negative below -1 and positive above 1', () => {
    expect(steps(`given x: real
claim abs(sqrt(x^2 - 1) + x) > 0
claim (log(w) - w == 0) = 0
given w: positive
claim (log(w) + w + 2 == 0) = 0   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'verified', 'refuted']);
  }, 60_000);
});

describe('a multiple root of a polynomial written out, where it touches 0 without changing sign (probe 88: verified)', () => {
  it('is a root of its gcd with its derivative: (y^3 - y - 1)^2 expanded, (x^2 - 2)^2 (x^2 + 1); and a polynomial that never touches 0 holds', () => {
    expect(steps(`given y: real in (1, 2)
given x: real
claim y^6 - 2 y^4 - 2 y^3 + y^2 + 2 y + 1 > 0   expect wrong
claim y^6 - 2 y^4 - 2 y^3 + y^2 + 2 y + 1 >= 0
claim y^6 - 2 y^4 - 2 y^3 + y^2 + 2 y + 1.000001 > 0
claim (x^2 - 2)^2 (x^2 + 1) > 0   expect wrong
claim x^4 + 2 x^2 + 1 > 0
`).map((s) => s.verdict)).toEqual(['refuted', 'verified', 'verified', 'refuted', 'proved']);
  }, 60_000);
});

describe('a function tied at 0 where a part of it has a root (probe 88: verified)', () => {
  it('is refuted where the function is exactly 0 at a root of a sum inside it: 1 - cos(cos x - x) at the Dottie number, cosh and exp of y^3 - y - 1', () => {
    const results = steps(`given x: real in (0, 1)
given y: real in (1, 2)
claim 1 - cos(cos(x) - x) > 0   expect wrong
claim cosh(y^3 - y - 1) > 1   expect wrong
claim exp(y^3 - y - 1) - (y^3 - y) > 0   expect wrong
claim log(1 + (cos(x) - x)^2) > 0   expect wrong
claim y^3 - y - 1 + exp(-(y^3 - y - 1)) > 1   expect wrong
`);
    expect(results.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'refuted']);
    expect(results[0].detail.counterexample?.foundBy).toContain('a root of cos(x) - x between 0.73908513321516');
    expect(results[0].detail.counterexample?.foundBy).toContain('1 - cos(cos(x) - x) is exactly 0');
    // exp(y^3 - y - 1) - (y^3 - y) at the root is exp(0) - 1: y^3 - y is 1 there, the remainder modulo y^3 - y - 1.
    expect(results[2].detail.counterexample?.inputs.y).toBeCloseTo(1.324717957244746, 12);
  }, 60_000);

  it('holds where the function is not 0 at the part\'s root, the root lies outside the range, or the bound is not strict', () => {
    expect(steps(`given x: real in (0, 1)
given y: real in (1, 2)
given z: real in (1, 2)
claim 1 - cos(cos(x) - x) >= 0
claim exp(y^3 - y - 1) - (y^3 - y) >= 0
claim 2 - cos(cos(x) - x) > 0
claim 1 - cos(cos(z) - z) > 0
claim exp(y^3 - y - 1) - (y^3 - y) + (y - 1)^2 > 0
`).map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified']);
  }, 60_000);
});

describe('a common root of several functions, the other inputs solved from functions that read them linearly (probe 87: verified)', () => {
  it('is refuted at q = p, p the real root of p^3 + 4p^2 - 10: a sum of squares, a size above 1e-70, a product of equalities', () => {
    const results = steps(`given p, q, a, b, c: real
claim (p^3 + 4 p^2 - 10)^2 + (q - p)^2 > 0   expect wrong
claim (p^3 + 4 p^2 - 10)^2 + (q - p)^2 >= 1e-70   expect wrong
claim (p^3 + 4 p^2 - 10 == 0) (q == p) = 0   expect wrong
claim (a - b)^2 + 3 (b - c)^2 + abs(c^3 - c - 1) >= 1e-100   expect wrong
claim (p^3 + 4 p^2 - 10)^2 + (q - p)^2 >= 10^{-70}   expect wrong
`);
    // 10^{-70} is a constant as 1e-70 is: a whole power past 64 whose digits a literal would have (probe 87).
    expect(results.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'refuted']);
    expect(results[0].detail.counterexample?.foundBy).toContain('with p = q');
    expect(results[0].detail.counterexample?.inputs.p).toBeCloseTo(1.365230013414097, 12);
    expect(results[3].detail.counterexample?.foundBy).toContain('with a = c, b = c');
  }, 60_000);

  it('holds where the solved input\'s value at the root lies outside its range, or the functions have no common root', () => {
    expect(steps(`given p, q: real
given r: real in (0, 1)
claim (p^3 + 4 p^2 - 10)^2 + (r - p)^2 > 0
claim (p^3 + 4 p^2 - 10 == 0) (r == p) = 0
claim (p^3 + 4 p^2 - 10)^2 + (p^2 - 2)^2 > 0
claim (p^3 + 4 p^2 - 10)^2 + (q - p)^2 + 1e-70 > 0
`).map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified', 'verified']);
  }, 60_000);
});
