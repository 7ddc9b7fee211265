import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('an expression at a point: subs(E, x, v) and at(E, x, v) (Stewart 3.1, 14.6)', () => {
  it('puts the point into a derivative, a gradient and several variables at once, and refutes a slip', () => {
    expect(stepsIn(`given x, y: real
given a: positive
claim subs(diff(x^3, x), x, 2) = 12
claim subs(diff(x^3, x), x, 2) = 8   expect wrong
claim at(diff(x^2 * y, x), x, 1, y, 2) = 4
claim subs(grad(x^2 * y + sin(y), [x, y]), x, 1, y, 0) = [0, 2]
claim subs(x^2 + a, x, a) = a^2 + a
claim subs(diff(sin(x * y), x), y, 3) = 3 * cos(3 * x)
claim subs(diff(sin(x * y), x), y, 3) = cos(3 * x)   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('gives a derivative at a kink no value where it does not exist: abs and relu at 0, whose formula has no limit there', () => {
    const [abs, relu] = stepsIn('given x: real\nclaim subs(diff(abs(x), x), x, 0) = 0\nclaim subs(diff(relu(x), x), x, 0) = 1\n');
    for (const step of [abs, relu]) {
      expect(step.verdict).toBe('error');
      expect(step.detail.diagnostic).toMatchObject({ code: 'no-domain', message: expect.stringContaining('as a derivative at a corner (abs(x) or relu(x) at 0) does') });
      expect(step.detail.diagnostic?.hint).toContain('limit(h, 0, (f(c + h) - f(c)) / h, right)');
    }
  });

  it('reads a derivative at a kink where it exists as the limit of its formula there (probe 92: x abs(x) at 0 refused)', () => {
    // A function continuous at c whose derivative has a limit at c is differentiable there, with that limit (the mean value theorem).
    expect(verdictsIn(`given x, y: real
claim subs(diff(x * abs(x), x), x, 0) = 0
claim subs(diff(x * abs(x), x), x, 0) = 1   expect wrong
claim subs(diff(abs(x)^3, x), x, 0) = 0
claim subs(diff(max(x, 0)^2 + x, x), x, 0) = 1
claim subs(diff(abs(x - y), x), x, 0) = -sign(y)
claim subs(diff(abs(x - y), x), x, 0) = sign(y)   expect wrong
`, { seed: 1 })).toEqual(['verified', 'refuted', 'verified', 'verified', 'verified', 'refuted']);
  }, 120_000);

  it('refuses a derivative at a kink of a function that may jump there: its formula\'s limit is no derivative', () => {
    const [step] = stepsIn('given x: real\nclaim subs(diff(x * (x > 0), x), x, 0) = 0\n');
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic).toMatchObject({ code: 'unsupported', message: expect.stringContaining('through a kink') });
  });

  it('reads a derivative through a kink at a constant point clear of every kink (probe 89: relu\'(2) refused)', () => {
    expect(verdictsIn(`given x, w: real
claim subs(diff(relu(x), x), x, 2) = 1
claim subs(diff(relu(x)^2 / 2, x), x, 2) = 2
claim subs(diff(abs(x), x), x, -3) = -1
claim subs(diff(max(x, 1) * x, x), x, 2) = 4
claim subs(diff(max(x, 1) * x, x), x, 2) = 3   expect wrong
claim subs(diff(relu(w x), x), x, 2) = w
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it('puts a value in for a probability vector, whose entries are differentiated one by one (probe 97: refused)', () => {
    expect(verdictsIn(`given s: simplex[n]
claim subs(grad(-sum(i, s[i] * log(s[i])), s), s, ones(n) / n) = (log(n) - 1) * ones(n)
claim subs(grad(-sum(i, s[i] * log(s[i])), s), s, ones(n) / n) = log(n) * ones(n)   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('says what it puts a value in for: a real input, given once, a value of its shape', () => {
    const [vector, twice, label] = stepsIn('given x: real\ngiven v: vector[n]\ngiven c: label[n]\nclaim subs(v[1] + x, v, 1) = x + 1\nclaim subs(x, x, 1, x, 2) = 1\nclaim subs(x, c, 1) = x\n');
    expect(vector.detail.diagnostic).toMatchObject({ code: 'shape', message: 'v is a vector of length n, and the value put in for it is a scalar', span: { line: 5, col: 25 } });
    expect(label.detail.diagnostic).toMatchObject({ code: 'unsupported', message: expect.stringContaining('a real input or a count'), span: { line: 7, col: 15 } });
    expect(twice.detail.diagnostic?.message).toMatch(/x is given a value twice/);
  });

  it('knows sin, cos, atan and erf at exactly 0, so a derivative at a point through them is proved, not only verified', () => {
    expect(verdictsIn(`given x, y: real
claim subs(diff(x^2 * y + sin(y), y), x, 1, y, 0) = 2
claim cos(0) + sin(0) + atan(0) + erf(0) + Phi(0) = 3/2
claim cos(0) = 0   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('puts a root of a product into its derivatives: a product has no kink, and its other factors are not divided by the one that is 0 (thirteenth probe)', () => {
    expect(verdictsIn(`given x: real
claim subs(diff(prod(k, 1, 8, (x - k)), x), x, 1) = -5040
claim subs(diff(prod(k, 1, 8, (x - k)), x), x, 1) = 5040   expect wrong
claim subs(diff(prod(k, 1, 4, (x - k)^2), x, 2), x, 1) = 72
claim subs(diff(prod(k, 1, 4, (x - k)^2), x, 2), x, 1) = 36   expect wrong
claim diff(prod(k, 1, 3, (x - k)), x, 2) = 6 * x - 12
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved']);
  }, 60_000);

  it('puts an array into an array input: the normal equations and ridge zero their gradients, a transposed or dropped term does not (Bishop 3.15)', () => {
    const steps = stepsIn(`given X: matrix[N, D]
given y: vector[N]
given w: vector[D]
given lam: positive
let L = sum(i, (y[i] - sum(d, X[i, d] * w[d]))^2) / 2
let R = L + lam / 2 * sum(d, w[d]^2)
claim subs(grad(L, w), w, inv(X' * X) * X' * y) = 0                       by "the normal equations"
claim subs(grad(R, w), w, inv(X' * X + lam * eye(D)) * X' * y) = 0        by "ridge"
claim subs(grad(R, w), w, inv(X' * X) * X' * y) = 0   expect wrong          by "the ridge term forgotten"
claim subs(grad(L, w), w, y) = 0
`);
    expect(steps.slice(0, 3).map((s) => s.verdict)).toEqual(['verified', 'verified', 'refuted']);
    expect(steps[3].detail.diagnostic?.message).toBe('w is a vector of length D, and the value put in for it is a vector of length N');
  }, 120_000);
});

