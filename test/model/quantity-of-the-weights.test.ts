import { describe, expect, it } from 'vitest';
import { claimsOf, deriv, verdictsIn } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps);

describe('let J(w) = ... of a declared vector, a loss of the weights as the books define it', () => {
  it('is the quantity of w, read as J(w) and ∇J(w), where it was a function of a scalar w (X w a matrix)', () => {
    expect(steps(String.raw`given \mathbf{X}: matrix[N, D]
given \mathbf{w}: vector[D]
given \mathbf{y}: vector[N]
given \lambda: positive
let J(\mathbf{w}) = \frac{1}{2N} \| \mathbf{X}\mathbf{w} - \mathbf{y} \|_2^2 + \frac{\lambda}{2} \|\mathbf{w}\|^2
claim \nabla_{\mathbf{w}} J(\mathbf{w}) = \frac{1}{N} \mathbf{X}^\top (\mathbf{X}\mathbf{w} - \mathbf{y}) + \lambda \mathbf{w}
claim \nabla J(\mathbf{w}) = \frac{1}{N} \mathbf{X}^\top (\mathbf{X}\mathbf{w} - \mathbf{y})   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  it('says what it is where it is called at another argument', () => {
    const [step] = steps('given X: matrix[N, D]\ngiven w, v: vector[D]\nlet J(w) = norm(X w)^2\nclaim J(v) = 0\n');
    expect(step.detail.diagnostic?.message).toBe('J is defined by let as a quantity of X, w, not as a function: J(...) may name only inputs it reads');
  });

  it('leaves let f(x) of a scalar a function of its own argument', () => {
    expect(steps('given x, t: real\nlet f(x) = x^2\nclaim f(t + 1) = t^2 + 2 t + 1\n').map((s) => s.verdict)).toEqual(['proved']);
  });
});

describe("the transposed inverse A^{-\\top}", () => {
  it('is A^{-T}, as the Matrix Cookbook prints it', () => {
    expect(steps(String.raw`given \mathbf{A}: matrix[2, 2]
claim \frac{\partial}{\partial \mathbf{A}} \log\det(\mathbf{A}^\top \mathbf{A}) = 2\mathbf{A}^{-\top}
claim \frac{\partial}{\partial \mathbf{A}} \log\det(\mathbf{A}^\top \mathbf{A}) = 2\mathbf{A}^{-1}   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });
});

describe('a negative whole power of a square matrix', () => {
  it('is the inverse to that power, X^{-2} = (X^{-1})^2 (the Matrix Cookbook), where it was refused as an entrywise power', () => {
    expect(steps(String.raw`given X: invertible[2, 2]
claim \frac{\partial}{\partial X} \operatorname{tr}(X^{-1}) = -(X^{-2})^T
claim \frac{\partial}{\partial X} \operatorname{tr}(X^{-1}) = -X^{-2}   expect wrong
claim X^{-3} X^{2} = X^{-1}
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});

describe('∇² of a let with no coordinates declared', () => {
  it("is taken in the let's own scalar inputs, in the order declared (Nocedal and Wright's Rosenbrock Hessian)", () => {
    expect(steps(String.raw`given u, v: real
let f = 100 (v - u^2)^2 + (1 - u)^2
claim \nabla^2 f = \begin{pmatrix} 1200 u^2 - 400 v + 2 & -400 u \\ -400 u & 200 \end{pmatrix}
claim \nabla^2 f = \begin{pmatrix} 1200 u^2 - 400 v + 2 & -400 u \\ -400 u & 100 \end{pmatrix}   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('a let quantity at a moved point, L(θ + η d) (probe 83: Murphy 8.2\'s line search was L times the bracket)', () => {
  it('is the let with the moved input replaced, in plain text and as LaTeX prints it', () => {
    expect(verdictsIn(`given \\mathbf{A}: spd[D, D]
given \\mathbf{b}, \\boldsymbol\\theta, \\mathbf{d}: vector[D]
given c, \\eta: real
let \\mathcal{L} = \\frac{1}{2}\\boldsymbol\\theta^\\top\\mathbf{A}\\boldsymbol\\theta + \\mathbf{b}^\\top\\boldsymbol\\theta + c
claim \\left.\\frac{\\mathrm{d}}{\\mathrm{d}\\eta}\\mathcal{L}(\\boldsymbol\\theta + \\eta\\mathbf{d})\\right|_{\\eta = -\\frac{\\mathbf{d}^\\top(\\mathbf{A}\\boldsymbol\\theta + \\mathbf{b})}{\\mathbf{d}^\\top\\mathbf{A}\\mathbf{d}}} = 0
claim \\frac{\\mathrm{d}}{\\mathrm{d}\\eta}\\mathcal{L}(\\boldsymbol\\theta + \\eta\\mathbf{d}) = \\mathbf{d}^\\top\\mathbf{A}\\boldsymbol\\theta   expect wrong
`)).toEqual(['proved', 'refuted']);
    expect(verdictsIn(`given a, b, x, h: real
let L = a*x^2/2 + b*x
let p = 1/(1 + exp(-x))
claim L(x + h) - L = a*x*h + a*h^2/2 + b*h
claim p(1 - p) = diff(p, x)
claim L(x + 1) = L*(x + 1)
`)).toEqual(['proved', 'proved', 'proved']);
  }, 60_000);
});

describe('a let quantity written with entries of its input, MML 5.2\'s f(x_1, x_2) (probe 82)', () => {
  it('is that let, and its partials are checked', () => {
    expect(verdictsIn(`given \\boldsymbol{x}: vector[2]
let f = x_1^2 x_2 + x_1 x_2^3
claim \\frac{\\partial f(x_1, x_2)}{\\partial x_1} = 2x_1x_2 + x_2^3
claim \\frac{\\partial f(x_1, x_2)}{\\partial x_2} = x_1^2 + 3x_1x_2   expect wrong
claim \\frac{\\partial f(x[1], x[2])}{\\partial x_2} = x_1^2 + 3x_1x_2^2
`)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});

describe('an array let written with its argument, MML 5.9\'s df(x)/dx of let f = A x (probe 82)', () => {
  it('is that let: its Jacobian is A, and A transposed is refuted', () => {
    expect(verdictsIn(`given \\boldsymbol{A}: matrix[M, N]
given \\boldsymbol{x}: vector[N]
let \\boldsymbol{f} = \\boldsymbol{A}\\boldsymbol{x}
claim \\frac{\\mathrm{d}\\boldsymbol{f}(\\boldsymbol{x})}{\\mathrm{d}\\boldsymbol{x}} = \\boldsymbol{A}
claim \\frac{\\mathrm{d}\\boldsymbol{f}(\\boldsymbol{x})}{\\mathrm{d}\\boldsymbol{x}} = \\boldsymbol{A}^\\top   expect wrong
`)).toEqual(['proved', 'refuted']);
    // A declared name with an underscore is its own input, not an entry of W.
    expect(verdictsIn('given W_1: matrix[2, 2]\ngiven x: vector[2]\nlet f = W_1 x\nclaim diff(f(W_1, x), x) = W_1\n')).toEqual(['proved']);
  }, 60_000);
});
