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
