import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('a definition by cases: where(c, a, b) and c ? a : b', () => {
  it('proves the textbook cases (relu, abs, the Huber loss and its derivative, leaky relu, ELU) and refutes their slips', () => {
    expect(verdictsIn(`given x: real
given d: positive
claim diff(relu(x), x) = where(x > 0, 1, 0)
claim diff(relu(x), x) = x > 0 ? 1 : 0
claim diff(relu(x), x) = x > 0 ? 1 : 1   expect wrong
claim abs(x) = x >= 0 ? x : -x
claim abs(x) = x >= 0 ? x : x   expect wrong
let huber = abs(x) <= d ? x^2 / 2 : d * (abs(x) - d / 2)
claim diff(huber, x) = abs(x) <= d ? x : d * sign(x)
claim diff(huber, x) = abs(x) <= d ? x : d   expect wrong
claim diff(x > 0 ? x : 0.01 * x, x) = x > 0 ? 1 : 0.01
claim diff(x > 0 ? x : exp(x) - 1, x) = where(x > 0, 1, exp(x))
claim diff(x > 0 ? x : exp(x) - 1, x) = where(x > 0, 1, exp(x) - 1)   expect wrong
claim where((x > 0) * (x < 1), 1, 0) = (x > 0) * (x < 1)
claim x > 0 ? (x > 1 ? 2 : 1) : 0 = (x > 0) + (x > 1)
claim x > 0 ? (x > 1 ? 2 : 1) : 0 = (x > 0) + (x > 2)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'proved', 'refuted', 'proved',
      // Nested cases: (x > 1) (x > 0) = (x > 1) is a relation between two orderings the exact engine does not know; the numbers decide.
      'verified', 'refuted']);
  });

  it('reads arrays entry by entry: the ReLU backward pass where(X > 0, G, 0)', () => {
    expect(verdictsIn(`given X, G: matrix[n, m]
let Y = where(X > 0, X, 0)
claim grad(sum(i, sum(j, G[i, j] * Y[i, j])), X) = where(X > 0, G, 0)
claim grad(sum(i, sum(j, G[i, j] * Y[i, j])), X) = G .* (X > 0)
claim grad(sum(i, sum(j, G[i, j] * Y[i, j])), X) = where(X >= 0, G, 1)   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('refuses a case that may have no value, and a condition that is no comparison, at its place', () => {
    // c * a + (1 - c) * b has no value where a has none, whatever c: log(x) under x > 0 would take the value away at x <= 0.
    const [partial, notComparison, total] = stepsIn(`given x: real
given p: positive
claim x > 0 ? log(x) : 0 = 0
claim where(x, 1, 0) = 1
claim where(x > 0, log(p) + 1 / (1 + x^2) + sqrt(x^2 + 1), 0) = (x > 0) * (log(p) + 1 / (1 + x^2) + sqrt(x^2 + 1))
`);
    expect(partial.verdict).toBe('error');
    expect(partial.detail.diagnostic).toMatchObject({ code: 'unsupported', span: { line: 4, col: 15 }, message: expect.stringContaining('log(x) may have none') });
    expect(notComparison.verdict).toBe('error');
    expect(notComparison.detail.diagnostic).toMatchObject({ span: { line: 5, col: 13 }, message: expect.stringContaining('is a comparison, such as x > 0, got x') });
    expect(total.verdict).toBe('proved');
  });

  it('reads each case once: 30 nested cases are checked (each read twice was 2^30 readings, past two minutes)', () => {
    const nested = (depth: number, last: string): string => Array.from({ length: depth }, (_, k) => `x > ${k} ? ${k} : `).join('') + last;
    expect(verdictsIn(`given x: real
claim ${nested(30, '0')} = ${nested(30, '0')}
claim ${nested(30, '0')} = ${nested(30, '1')}   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('a case split over a simplex (nineteenth probe: an engine fault)', () => {
  it('reads p[n] > 0 as 1 where p[n] is written 1 - p[1] - ...: the 0 log 0 convention is the entropy', () => {
    expect(verdictsIn(`given p: simplex[n]
claim sum(i, p[i] > 0 ? p[i] * log(p[i]) : 0) = sum(i, p[i] * log(p[i]))
claim -sum(i, p[i] > 0 ? p[i] * log(p[i]) : 0) = sum(i, p[i] * log(p[i]))   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('a case with a value on the declared domain (probe 46)', () => {
  it("reads Mächler's stable log(1 - e^-x) for a positive x and log(1 - p) for a unit p as having values, log(1 + z) for a real z still not", () => {
    const steps = stepsIn(`given x: positive
given p: unit
given z: real
claim log(1 - exp(-x)) = where(x <= log(2), log(-expm1(-x)), log1p(-exp(-x)))
claim log(1 - exp(-x)) = where(x <= log(2), log(-expm1(-x)), log1p(-exp(-x))) + 1e-12   expect wrong
claim log(1 - p) = where(p < 0.5, log(1 - p), log1p(-p))
claim log(1 + z) = where(z > 0, log(1 + z), log1p(z))
`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'error']);
    expect(steps[3].detail.diagnostic?.message).toContain('each case of a definition by cases must have a value everywhere');
  }, 60_000);
});

describe('a case whose conditions are joined by a comma (probe 82: MML 5.x prints j = p, p \\neq q)', () => {
  const K = (pq: string) => `given R: matrix[M, N]
let K = R^\\top R
claim \\frac{\\partial K_{pq}}{\\partial R_{ij}} = \\begin{cases} R_{iq} & \\text{if } j = p, p \\neq q \\\\ R_{ip} & \\text{if } j = q, p \\neq q \\\\ ${pq} & \\text{if } j = p, p = q \\\\ 0 & \\text{otherwise} \\end{cases}
`;
  it('holds where all its conditions hold, and a slip in one case is refuted', () => {
    expect(verdictsIn(K('2R_{iq}'))).toEqual(['proved']);
    expect(verdictsIn(K('R_{iq}'))).toEqual(['refuted']);
  });
});
