import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('a function the derivation defines: let f(t) = E', () => {
  it("is read at each call, its derivative f'(A) taken in its argument, as Stewart's exercises write it", () => {
    expect(verdictsIn(`given x, y: real
let f(t) = t^2 * sin(t)
claim diff(f(x), x) = 2 x sin(x) + x^2 cos(x)
claim f'(x) = 2 x sin(x) + x^2 cos(x)
claim f'(x) = 2 x sin(x) - x^2 cos(x)   expect wrong
claim f'(2) = 4 sin(2) + 4 cos(2)
claim diff(f(2 x), x) = 2 f'(2 x)
claim diff(f(2 x), x) = f'(2 x)   expect wrong
claim f''(x) = 2 sin(x) + 4 x cos(x) - x^2 sin(x)
let g(x) = 1 / (1 + exp(-x))
claim g'(x) = g(x) * (1 - g(x))
claim g'(x) = g(x) * (1 + g(x))   expect wrong
let h(a, b) = a^2 * b
claim diff(h(x, y), y) = x^2
claim diff(h(y, x), x) = y^2
let r(t) = f(t) + 1
claim r'(x) = f'(x)
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'proved', 'proved']);
  });

  it('of two arguments: its partial derivatives by subscripts at a point, f_x(2, 1), f_xy(a, b), f_12 by position (Stewart 14.3, probe 34)', () => {
    const steps = stepsIn(`let f(x, y) = x^3 + x^2 * y^3 - 2 * y^2
given a, b: real
claim f_x(2, 1) = 16
claim f_y(2, 1) = 8
claim f_y(2, 1) = 10
claim f_12(2, 1) = 12
claim f_xx(a, b) = 6 * a + 2 * b^3
claim f_xy(a, b) = f_yx(a, b)
claim f_xz(a, b) = 0
`);
    expect(steps.slice(0, 6).map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved']);
    // A subscript that is not made of the arguments is no partial: an unknown function, said so.
    expect(steps[6].verdict).toBe('error');
  }, 60_000);

  it('takes an entry as its argument, and an array entry by entry; keeps the domain of its body', () => {
    expect(verdictsIn(`given x: real
given v: vector[n]
given X: matrix[n, m]
let g(t) = 1 / (1 + exp(-t))
let p(t) = log(t)
claim diff(sum(i, g(v[i])), v[k]) = g(v[k]) * (1 - g(v[k]))
claim sum(g(X)) = sum(i, sum(j, g(X[i, j])))
claim p(exp(x)) = x
claim exp(p(x)) = x
claim p(x^2) = 2 p(x)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('refuses a call with the wrong number of arguments, a name of the language, a definition that calls itself, and an unbound index, at their places', () => {
    const steps = stepsIn(`given x: real
given v: vector[n]
let h(a, b) = a * b
claim h(x) = x
let sin(t) = t
let f(t) = f(t) + 1
claim f(x) = x
let k(t) = t * v[i]
claim k(x) = x
`);
    const at = (line: number) => steps.filter((s) => s.line === line).map((s) => s.detail.diagnostic);
    expect(at(5)).toMatchObject([{ code: 'arity', message: 'h is defined with 2 arguments, called with 1', span: { line: 5, col: 7 } }]);
    expect(at(6)).toMatchObject([{ message: 'sin is a function of the language already', span: { line: 6, col: 5 } }]);
    // A use of a broken definition reports the definition's error, at the definition.
    expect(at(8)).toMatchObject([{ message: expect.stringMatching(/^f is called in its own definition: a definition is not recursive \(in the declaration of f/), span: { line: 7, col: 12 } }]);
    expect(at(10)).toMatchObject([{ code: 'index-range', message: expect.stringContaining('the index i in the definition of k is bound by no sum'), span: { line: 9 } }]);
  });
});

describe("a book's own function, used before it is defined (probe 46)", () => {
  it('is an unknown function whose hint says how to define it or declare it unknown: H(p), the entropy', () => {
    const [step] = stepsIn('given p: unit\nclaim diff(H(p), p) = log((1 - p) / p)\n');
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic).toMatchObject({ message: "unknown function 'H'", hint: expect.stringContaining('let H(x) = ..., or declare an unknown one, given H: function') });
    // Defined, it is read; and so where a claim's first step defines it (claim-definitions.ts).
    expect(stepsIn('given p: unit\nlet H(q) = -q * log(q) - (1 - q) * log(1 - q)\nclaim diff(H(p), p) = log((1 - p) / p)\n')[0].verdict).toBe('proved');
    expect(stepsIn('given p: unit\nclaim H(p) = -p * log(p) - (1 - p) * log(1 - p)\nclaim diff(H(p), p) = log((1 - p) / p)\n').map((s) => s.verdict)).toEqual(['proved', 'proved']);
  });
});

