import { describe, expect, it } from 'vitest';
import { checkReport, claimsOf, deriv, stepsIn, stepsOf, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('abstract functions (given f: function): the rules of calculus for every f', () => {
  it('the chain, product and quotient rules are proved for every function, their slips refuted', () => {
    expect(verdictsIn(`given f, g: function
given x: real
claim diff(f(g(x)), x) = f'(g(x)) * g'(x)
claim diff(f(g(x)), x) = g'(f(x)) * f'(x)   expect wrong
claim diff(f(x) * g(x), x) = f'(x) * g(x) + f(x) * g'(x)
claim diff(f(x) * g(x), x) = f'(x) * g'(x)   expect wrong
claim diff(f(x) / g(x), x) = (f'(x) * g(x) - f(x) * g'(x)) / g(x)^2
claim diff(f(x) / g(x), x) = (f'(x) * g(x) + f(x) * g'(x)) / g(x)^2   expect wrong
claim diff(f(x^2), x, x) = 2 * f'(x^2) + 4 * x^2 * f''(x^2)
claim diff(f(x^2), x, x) = 2 * f'(x^2) + 2 * x^2 * f''(x^2)   expect wrong
claim diff(f(x), x, x, x) = f'''(x)
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted', 'proved']);
  });

  it('entry by entry on arrays, through lets and derivatives with respect to them: a generic activation g', () => {
    expect(verdictsIn(`given g: function
given W: matrix[m, n]
given v, w: vector[n]
let z = W * v
let a = g(z)
claim diff(sum(i, a[i]), W[i, j]) = g'(z[i]) * v[j]
claim grad(sum(a), z) = g'(z)
claim grad(g(w' * v), w) = g'(w' * v) * v
claim grad(g(w' * v), w) = g'(w' * v) * w   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('what holds only for some functions is refuted: additivity, a truncated Taylor series, a derivative off by 1e-9', () => {
    expect(verdictsIn(`given f: function
given x, h: real
claim f(x + h) = f(x) + f(h)   expect wrong
claim f(x + h) = f(x) + f'(x) * h + f''(x) * h^2 / 2   expect wrong
claim diff(f(x), x) = f'(x) + 1e-9   expect wrong
claim diff(f(2 * x), x) = f'(2 * x)   expect wrong
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted']);
  });

  it('a counterexample names the function it used, as a formula, with its parameters for a replay', () => {
    const [, slip] = stepsIn('given f: function\ngiven x: real\nclaim diff(f(x)^3, x) = 3 * f(x)^2 * f\'(x)\nclaim diff(f(x)^3, x) = 3 * f(x)^2   expect wrong\n');
    const c = slip.detail.counterexample!;
    expect(Object.keys(c.inputs)).toEqual(['x']);
    expect(c.functions!.f.parameters).toHaveLength(10);
    expect(c.functions!.f.formula).toMatch(/^[-\d.u ^+a-z()]+$/);
  });

  it('a function is called, never read as a value, indexed or differentiated by; and f\'(x)^2 says how to write the power', () => {
    const errors = stepsIn(`given f: function
given x: real
claim f + 1 = 1
claim f[1] = 0
claim f(x, x) = 0
claim f'''''''''(x) = 0
claim f'(x)^2 = 1
claim sigmoid''''(x) = 1
`).map((s) => s.detail.diagnostic?.message);
    expect(errors[0]).toMatch(/f is a function: write f\(x\)/);
    expect(errors[1]).toMatch(/f is a function: write f\(x\)/);
    expect(errors[2]).toMatch(/f is a function of one argument, called with 2/);
    expect(errors[3]).toMatch(/differentiated 9 times; at most 8/);
    expect(errors[4]).toMatch(/f' is read as a derivative only right before its bracket/);
    // Up to three primes on a function of the table are its derivatives (sigmoid''(x), notes-as-printed.test.ts); past them, an error.
    expect(errors[5]).toMatch(/more than one prime is read for an abstract function/);
  });

  it('the type takes no dimensions, and a name is declared once', () => {
    const report = checkReport(deriv('given f: function[n]\ngiven x: real\nclaim f(x) = f(x)\n'));
    expect(stepsOf(report)[0].detail.diagnostic?.message).toMatch(/the type function takes no dimensions/);
    const twice = checkReport(deriv('given x: real\ngiven x: function\nclaim x = x\n'));
    expect(JSON.stringify(twice)).toMatch(/x is already declared/);
  });
});

describe('abstract functions of several arguments (given F: function(x, y)): partials by subscripts', () => {
  it("the multivariable chain rule, Clairaut's theorem, the gradient and Hessian are proved; their slips refuted", () => {
    expect(verdictsIn(`given F: function(x, y)
given g, h: function
given t, a, b: real
claim diff(F(g(t), h(t)), t) = F_x(g(t), h(t)) * g'(t) + F_y(g(t), h(t)) * h'(t)
claim diff(F(g(t), h(t)), t) = F_x(g(t), h(t)) * g'(t) + F_x(g(t), h(t)) * h'(t)   expect wrong
claim diff(F(a, b), a, b) = F_xy(a, b)
claim F_xy(a, b) = F_yx(a, b)
claim diff(F(a^2, a * b), a) = 2 * a * F_x(a^2, a * b) + b * F_y(a^2, a * b)
claim F_xx(a, b) + F_yy(a, b) = 0   expect wrong
claim F(a, b) = F(b, a)   expect wrong
claim diff(F(a, b), a) = F_1(a, b)
claim hessian(F(a, b), [a, b]) = [[F_xx(a, b), F_xy(a, b)], [F_xy(a, b), F_yy(a, b)]]
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'refuted', 'proved', 'proved']);
  });

  it('a counterexample names the member with its variables; an argument that is not declared is an error', () => {
    const [slip, unknown, short] = stepsIn(`given F: function(x, y)
given a, b: real
claim F(a, b) = F(b, a)   expect wrong
claim F_z(a, b) = 0
claim F(a) = 0
`);
    expect(slip.detail.counterexample!.functions!.F.variables).toEqual(['u', 'v']);
    expect(unknown.detail.diagnostic?.message).toMatch(/F_z: 'z' names no argument of function\(x, y\)/);
    expect(short.detail.diagnostic?.message).toMatch(/F is a function of 2 arguments, called with 1/);
  });
});

describe('found by the fourth probe', () => {
  it("a sign before a derivative in Lagrange's notation belongs to it: -f'(x), -sigmoid'(x)", () => {
    expect(verdictsIn(`given f: function
given x: real
claim diff(1 / f(x), x) = -f'(x) / f(x)^2
claim diff(f(-x), x) = -f'(-x)
claim diff(f(-x), x) = f'(-x)   expect wrong
claim diff(-sigmoid(x), x) = -sigmoid'(x)
claim 2 * -f'(x) = -2 * f'(x)
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('a hole where an unknown function is 0 is a hole: f(x) = f(x) * g(x) / g(x) is refuted where g = 0', () => {
    for (const seed of [1, 2, 3]) {
      const [hole, implicit] = claimsOf(deriv(`given f, g, y: function
given x: real
claim f(x) = f(x) * g(x) / g(x)   expect wrong
claim 3 * (x^2 - 2 * y(x)) + 3 * (y(x)^2 - 2 * x) * y'(x) = 3 * (y(x)^2 - 2 * x) * (y'(x) - (2 * y(x) - x^2) / (y(x)^2 - 2 * x))   expect wrong
`), { seed, trials: 20, sizes: [1, 2, 3] }).flatMap((c) => c.steps);
      expect([hole.verdict, implicit.verdict]).toEqual(['refuted', 'refuted']);
    }
  });
});
