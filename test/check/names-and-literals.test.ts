/**
 * Names and literals that read one way and were resolved another (probe 25): a defined
 * function's argument or sum index captured where the function is put in, a radix
 * literal with a fraction shifting the numbers after it, a constant as a summation
 * index, a declared value named as a function before a bracket, `xy^2`, `1½`, `x[end]`.
 * Each was a false proof or a false refutation.
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

const messageOf = (body: string) => {
  const [step] = stepsIn(body);
  expect(step.verdict).toBe('error');
  return step.detail.diagnostic!.message;
};

describe('a defined function is put in without capturing a name', () => {
  it('reads a given its body names through another function or a let, not the argument of the same name', () => {
    expect(verdictsIn(`given x, t: real
let g(u) = u + t
let f(t) = 2 * g(t)
let s = x + t
let h(t) = s * t
claim f(x) = 2 * x + 2 * t
claim f(x) = 4 * x        expect wrong
claim h(2) = 2 * (x + t)
claim h(2) = 2 * (x + 2)  expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('keeps its own sum index apart from the sum it is called in', () => {
    expect(verdictsIn(`given x: vector[n]
let f(t) = sum(j, x[j] * t)
claim sum(j, f(x[j])) = sum(j, x[j])^2
claim sum(j, f(x[j])) = n * sum(j, x[j]^2)   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);

  it('refuses an argument that reads the variable of an integral or a limit in the body, rather than bind it there', () => {
    expect(messageOf(`given s: real
let f(u) = integral(s, 0, 1, s * u)
claim f(s) = s / 2
`)).toContain('the argument put in for u reads s, the variable of an integral in the body of f');
    expect(messageOf(`given s: real
let g(u) = limit(s, 0, sin(s * u) / s)
claim g(s) = s
`)).toContain('the variable of a limit in the body of g');
  });
});

describe('literals and names read as written', () => {
  it('refuses a hexadecimal, binary or octal number with a fraction or a suffix, and keeps the numbers after it', () => {
    expect(messageOf('claim 0x1.8 + 5 = 1.8\n')).toContain("'0x1.8' is not a number of the derivation language");
    expect(messageOf('claim 0xFFi8 = 255\n')).toContain("'0xFFi8'");
    expect(verdictsIn('given x: real\nclaim 0xFF + x = 255 + x\nclaim x + 0b11 = x + 3\n')).toEqual(['proved', 'proved']);
  });

  it('refuses a constant as a summation index', () => {
    expect(messageOf('given x: vector[n]\nclaim sum(e, e * x[e]) = exp(1) * sum(j, x[j])\n')).toContain('e is a constant, so it cannot be a summation index');
    expect(messageOf('claim sum(pi, 1, 3, pi) = 6\n')).toContain('pi is a constant');
  });

  it('reads a declared value named as a function, a space, then a bracket, as a product', () => {
    expect(verdictsIn(`given gamma, exp: unit
claim gamma (1 - gamma) = gamma - gamma^2
claim exp (1 - exp) = exp - exp^2
`)).toEqual(['proved', 'proved']);
  });

  it('puts the power of juxtaposed letters on the last one, as x y^2; a bracket keeps it on the product', () => {
    expect(verdictsIn(`given x, y, z: real
claim xy^2 = x * y^2
claim 3xyz^2 = 3 * x * y * z^2
claim (xy)^2 = x^2 * y^2
claim xy^2 = (x * y)^2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('reads a whole number before a fraction character as a mixed number', () => {
    expect(verdictsIn(`given x: real
claim 1½ = 3/2
claim 2 * 1½ = 3
claim 3¼ x = 13 * x / 4
claim ½ x = x / 2
`)).toEqual(['proved', 'proved', 'proved', 'proved']);
  });

  it('refuses end as an index outside a slice', () => {
    expect(messageOf('given x: vector[5]\nclaim x[end] = x[5]\n')).toContain('end is the last position in a slice only');
  });
});

describe('names kept from files, and roots of roots', () => {
  it('refuses constructor or __proto__ where it is declared, not at its third use', async () => {
    const { syntaxDiagnostics, deriv } = await import('../__test-helpers__/derivations.ts');
    const [given] = syntaxDiagnostics(deriv('given constructor: real\nclaim constructor + constructor = 2 * constructor\n'));
    expect(given.message).toBe("'constructor' cannot be declared: it names a part of JavaScript's objects, which no derivation may declare, so that a file, which is data, never reaches code");
    expect(given.span).toMatchObject({ line: 2, col: 7 });
    const [letName] = syntaxDiagnostics(deriv('given x: real\nlet __proto__ = x\nclaim x = x\n'));
    expect(letName.message).toContain("'__proto__' cannot be declared");
  });

  it('reads a root of a root of a name as one nest: √√x is x^(1/4)', () => {
    expect(verdictsIn('given x: positive\nclaim √√x = x^(1/4)\nclaim √√x = x^(1/2)   expect wrong\n')).toEqual(['proved', 'refuted']);
  });
});

describe('an index or a size before a bracket', () => {
  it('is a product, as the books write it, and the power before it takes the name alone: x^k(1 - x)^(n - k), n(n + 1)/2, x^x(ln x + 1)', () => {
    expect(verdictsIn(`given x: unit
given a: positive
given n: size
claim sum(k, 0, n, binomial(n, k) * x^k(1 - x)^(n - k)) = 1
claim sum(k, 1, n, k) = n(n + 1)/2
claim sum(k, 1, n, k) = n(n - 1)/2   expect wrong
claim sum(k, 1, n, k(k - 1)) = (n - 1) n (n + 1) / 3
claim diff(a^a, a) = a^a(log(a) + 1)
claim 2^n(n + 1) = 2^n * n + 2^n
claim sum(k, 0, n, x^{k(1 - x)}) = sum(k, 0, n, exp(k (1 - x) log(x)))
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved']);
  });

  it('reads a scalar value against a bracket that holds a sum as a product (p(1 - p), λ(e^t - 1), x_1(x_2 - x_1^2)), and against one term, or f, g, h, as a call, an error', () => {
    expect(verdictsIn(`given p: unit
given t, lambda: real
given V_0, R, C: positive
given n: size
given x: vector[n]
claim diff(p^2/2 - p^3/3, p) = p(1 - p)
claim \\lambda(e^t - 1) = lambda e^t - lambda
claim V_0(1 - e^{-t/(R C)}) = V_0 - V_0 exp(-t/(R C))
claim x_1(x_2 - x_1^2) = x[1] x[2] - x[1]^3
claim p(1 - p) = p - p^2 + 1   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
    for (const [text, name] of [['given u, x: real\nclaim u(x) = u x\n', 'u'], ['given y: real\nclaim y(0) = 0\n', 'y'], ['given f, x, h: real\nclaim f(x + h) = f x + f h\n', 'f']]) {
      const [step] = stepsIn(text);
      expect(step.detail.diagnostic?.message).toContain(`${name} is not a function`);
    }
  });
});

describe('partial derivatives of an abstract function by subscripts', () => {
  it('report a broken declaration, and say how to name arguments of several letters', () => {
    const [twice, long] = stepsIn(`given F: function(x, x)
given G: function(alpha, beta)
given x, y: real
claim diff(F(x, y), x) = F_x(x, y)
claim diff(G(x, y), x) = G_alpha(x, y)
`);
    expect(twice.detail.diagnostic?.message).toContain('the arguments of a function must have different names (in the declaration of F');
    expect(long.detail.diagnostic?.hint).toContain('write G_1(...) for the first of G(alpha, beta)');
  });
});
