/**
 * A derivative has a value only where the function it differentiates has one:
 * d/dx log(u) = u' / u, read without log's u > 0, had a value at x = -1, so
 * steps with no value on an open set were proved (the seventh probe's family F4).
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('the domain of a derivative is that of its function', () => {
  it('refutes a step whose derivative of a log has no value where the line above has one', () => {
    expect(verdictsIn(`given x: real
claim diff(x^3 - 1, x) / (x^3 - 1) = diff(log(x^3 - 1), x)   expect wrong
claim 0 = diff(log(x), x) - 1 / x   expect wrong
claim x = x^2 * diff(log(x), x)   expect wrong
claim 0 = diff(log1p(x), x) - 1 / (1 + x)   expect wrong
claim 1 / (x * log(10)) = diff(log10(x), x)   expect wrong
claim diff(log(x^2), x) = 2 / x
claim diff(x * log(x), x) = log(x) + 1
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'refuted', 'proved', 'proved']);
  });

  it('guards a derivative of the log of a derivative by the derivative taken (nineteenth probe: an internal error)', () => {
    // The Gumbel density's log-slope: log(dG/dx) differentiated. Its guard log(diff(G, x))^0 had kept a diff.
    expect(verdictsIn(`given x, mu: real
given b: positive
let G = exp(-exp(-(x - mu) / b))
claim diff(log(diff(x^3, x)), x) = 2 / x
claim diff(log(diff(G, x)), x) = (exp(-(x - mu) / b) - 1) / b
claim diff(log(diff(G, x)), x) = (1 - exp(-(x - mu) / b)) / b   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('refutes the Cookbook (57) for a general matrix, where det(A) < 0 at half the points', () => {
    expect(verdictsIn(`given A: matrix[2, 2]
given X: invertible[2, 2]
claim inv(A)' = grad(log(det(A)), A)   expect wrong
claim grad(log(abs(det(A))), A) = inv(A)'
claim grad(log(det(X)), X) = inv(X)'
`)).toEqual(['refuted', 'proved', 'proved']);
  });

  it("gives subs of a derivative no value outside the function's domain", () => {
    const [log] = stepsIn('given x: real\nclaim subs(diff(log(x), x), x, -2) = -1 / 2\n');
    expect(log.verdict).toBe('error');
    expect(log.detail.diagnostic?.message).toMatch(/no value/);
  });

  it('names where a derivative of lgamma has no value as the poles, not as where there are none', () => {
    const [step] = stepsIn('given x: real\nclaim 0 = diff(lgamma(x), x) - digamma(x)\n');
    expect(step.verdict).toBe('proved');
    expect(step.detail.removable).toMatch(/^no value where x \+ 1 is 0, -1, -2, \.\.\. \(a pole of digamma\)/);
  });
});

describe('higher derivatives at a point (eleventh probe, W11)', () => {
  it('a power rule that reaches x^0 leaves no x^(-1) behind: derivatives of atan and 1/(1 + x^2) at 0 are proved, not "a denominator is 0"', () => {
    expect(verdictsIn(`given x: real
claim diff(x^2, x, 3) = 0
claim subs(diff(atan(x), x, 4), x, 0) = 0
claim subs(diff(atan(x), x, 5), x, 0) = 24
claim subs(diff(1 / (1 + x^2), x, 3), x, 0) = 0
claim subs(diff(atan(x), x, 5), x, 0) = 12   expect wrong
claim diff(x^(1 + 1e-17 - 1), x) = 0   expect wrong
`, { seed: 1 })).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  }, 60_000);
});
