import { describe, expect, it } from 'vitest';
import { verdictsIn } from '../__test-helpers__/derivations.ts';

describe('a pole has no value, whatever a function of it would make of Infinity (round 5, family C)', () => {
  it('atan(1 / x), sigmoid(1 / x), exp(-1 / x^2), 1 / (1 / x) and (1 / x)^0 have no value at x = 0, so a step free there holds', () => {
    // 1 / 0 read as Infinity gave atan(1 / 0) = pi / 2 and (1 + 1 / 0)^0 = 1: each step below was refuted at x = 0.
    expect(verdictsIn(`given x: real
claim atan(x) + atan(1 / x) = pi / 2 * sign(x)
claim sigmoid(1 / x) = sigmoid(1 / x) * (x != 0)
claim exp(-1 / x^2) = exp(-1 / x^2) + (x == 0)
claim 1 / (1 / x) = x + (x == 0)
claim (1 + 1 / x)^x = exp(x * log(1 + 1 / x))
claim (1 / x)^0 = 1 + (x == 0)
claim (1 / x > 0) = (1 / x > 0) + (x == 0)
claim relu(1 / x) = relu(1 / x) + (x == 0)
claim atan(x) + atan(1 / x) = pi / 2   expect wrong
`)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'refuted']);
  });
});

describe('a finite difference spanning a pole is no evidence until another take or high precision repeats it (ninth probe, W2)', () => {
  it('tan(pi / 2 - 1e-8 t) near t = 0.001, written with a half angle the exact engine does not relate, is verified, and its slips refuted', () => {
    // Every step of the first take spanned the pole at t = 0: 3e10 ± 8e10 against a true -1e14 was a refutation,
    // accepted without high precision because the exact engine's forms differed (an identity of atoms it does not know:
    // sin(1e-8 t) against sin(5e-9 t) cos(5e-9 t)). Written with sin(1e-8 t), the addition formulas prove it.
    expect(verdictsIn(`given t: unit
claim diff(tan(pi / 2 - 1e-8 * t), t) = -1e-8 / (2 * sin(5e-9 * t) * cos(5e-9 * t))^2
claim diff(tan(pi / 2 - 1e-8 * t), t) = 1e-8 / (2 * sin(5e-9 * t) * cos(5e-9 * t))^2   expect wrong
claim diff(tan(pi / 2 - 1e-8 * t), t) = -1e-8 / (2 * sin(5e-9 * t) * cos(5e-9 * t))^2 * (1 + 1e-6)   expect wrong
claim diff(tan(pi / 2 - 1e-8 * t), t) = -1e-8 / (2 * sin(5e-9 * t) * cos(5e-9 * t))^2 + 1e-3 * t   expect wrong
claim diff(tan(pi / 2 - 1e-8 * t), t) = -1e-8 / sin(1e-8 * t)^2
claim diff(tan(pi / 2 - 1e-8 * t), t) = -1e-8 / sin(1e-8 * t)^2 * (1 + 1e-6)   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted', 'refuted', 'proved', 'refuted']);
  });
});
