/**
 * Backprop notes as their LaTeX prints them (probe 47): each of these was a true step
 * refuted or an error, read as a different claim than the one printed.
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('backprop notes as printed', () => {
  it("differentiates with respect to an entry of a let written as a book writes it, let y_k = ... (it came out 0)", () => {
    expect(verdictsIn(`given x: vector[N]
given g: vector[N]
let y_k = \\frac{e^{x_k}}{\\sum_{j=1}^{N} e^{x_j}}
let z_k = 2 y_k
let L = \\sum_{m=1}^{N} g_m z_m
claim \\frac{\\partial L}{\\partial y_k} = 2 g_k
claim \\nabla_{y} L = 2 g
claim \\frac{\\partial L}{\\partial z_k} = g_k
claim \\frac{\\partial L}{\\partial y_k} = g_k   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('takes a LaTeX power after the operator\'s bracket inside the derivative: the sigmoid\'s first step, d/dx (1 + e^{-x})^{-1}', () => {
    expect(verdictsIn(`given x: real
claim \\frac{d}{dx} \\left( 1 + e^{-x} \\right)^{-1} = \\frac{e^{-x}}{(1 + e^{-x})^2}
claim \\frac{d}{dx} \\left( x^2 + 1 \\right)^{3} = 6 x (x^2 + 1)^2
claim \\frac{d}{dx} \\left( 1 + e^{-x} \\right)^{-1} = \\frac{-e^{-x}}{(1 + e^{-x})^2}   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('reads a fraction of an expression\'s differential as the derivative alone, a bracket after it a factor beside it', () => {
    expect(verdictsIn(`given x: real
claim \\frac{d e^{x}}{dx} \\left( \\frac{1}{1 + x^2} \\right) = \\frac{e^{x}}{1 + x^2}
claim \\frac{d x^2}{dx} \\left( \\frac{1}{1 + x^2} \\right) = \\frac{2 x}{1 + x^2}
claim \\frac{d x^2}{dx} \\left( \\frac{1}{1 + x^2} \\right) = \\frac{x}{1 + x^2}   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('reads Y_{ik} of a onehot[N, C] as the entry Y[i, k], as T_{ik} of a matrix', () => {
    expect(verdictsIn(`given Z: matrix[N, C]
given Y: onehot[N, C]
claim \\frac{\\partial}{\\partial Z_{ik}} \\sum_{n=1}^{N} \\sum_{c=1}^{C} Y_{nc} Z_{nc} = Y_{ik}
claim \\frac{\\partial}{\\partial Z_{ik}} \\sum_{n=1}^{N} \\sum_{c=1}^{C} Y_{nc} Z_{nc} = Y_{ki}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads ∂L/∂W of a whole array as the gradient shaped as W, and ∂s/∂a of two vectors as the Jacobian; (X W)_{ij} is an entry', () => {
    expect(verdictsIn(`given X: matrix[N, D]
given W: matrix[D, H]
given G: matrix[N, H]
given a: vector[n]
let L = \\sum_{i=1}^{N} \\sum_{j=1}^{H} G_{ij} (X W)_{ij}
let s = softmax(a)
claim \\frac{\\partial L}{\\partial \\mathbf{W}} = \\mathbf{X}^\\top \\mathbf{G}
claim \\frac{\\partial L}{\\partial \\mathbf{X}} = \\mathbf{G} \\mathbf{W}^\\top
claim \\frac{\\partial L}{\\partial \\mathbf{X}} = \\mathbf{G} \\mathbf{W}   expect wrong
claim \\frac{\\partial \\operatorname{softmax}(\\mathbf{a})}{\\partial \\mathbf{a}} = diag(s) - s s^\\top
claim \\frac{\\partial s}{\\partial a} = diag(s) + s s^\\top   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted']);
  });

  it('reads one sign over two indices, \\sum_{k,l}, as the double sum', () => {
    expect(verdictsIn(`given W: matrix[n, n]
claim \\sum_{k,l} W_{kl}^2 = \\sum_k \\sum_l W_{kl}^2
claim Σ_{i, j} W_ij = sum(W) + 1   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads a function without brackets at the end of a braced exponent: e^{a_i + \\log C}, the softmax shift', () => {
    expect(verdictsIn(`given a: vector[n]
given C: positive
claim e^{a_i + \\log C} = C e^{a_i}
claim e^{a_i + \\log C} = e^{a_i} + C   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads the mixed second order before a term without brackets: the Hessian of the log-sum-exp', () => {
    expect(verdictsIn(`given a: vector[n]
claim \\frac{\\partial^2}{\\partial a_i \\partial a_j} \\log \\sum_k e^{a_k} = softmax(a)[i] * (i == j) - softmax(a)[i] * softmax(a)[j]
claim \\frac{\\partial^2}{\\partial a_i \\partial a_j} \\log \\sum_k e^{a_k} = softmax(a)[i] * (i == j) + softmax(a)[i] * softmax(a)[j]   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it("reads two and three primes on a function of the table as its derivatives: the sigmoid's second, \\sigma''(x)", () => {
    expect(verdictsIn(`given x: real
claim \\sigma''(x) = \\sigma(x) (1 - \\sigma(x)) (1 - 2 \\sigma(x))
claim tanh''(x) = -2 tanh(x) (1 - tanh(x)^2)
claim sigmoid'''(x) = diff(sigmoid(x), x, 3)
claim sigmoid''(x) = sigmoid(x) (1 - sigmoid(x))   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('reads a derivative by an entry written after its matrix\'s bracket, \\partial (W_2)_{ij}', () => {
    expect(verdictsIn(`given W_2: matrix[C, H]
given h: vector[H]
given g: vector[C]
let L = \\sum_i \\sum_j g_i (W_2)_{ij} h_j
claim \\frac{\\partial L}{\\partial (W_2)_{ij}} = g_i h_j
claim \\frac{\\partial L}{\\partial (W_2)_{ij}} = g_j h_i   expect wrong
`)).toEqual(['proved', 'refuted']);
  });
});

describe('∇ of a function the derivation defines (probe 70)', () => {
  it('is taken in its own parameters, and ∇g(1, 2) is the gradient at the point, not that of the number g(1, 2)', () => {
    expect(stepsIn(`given x, y, z: real
let g(x, y) = x^3 - 3xy + 4y^2
let f(x, y) = x^2 y + 3xy^3
claim \\nabla g(1, 2) \\cdot \\langle \\frac{\\sqrt{3}}{2}, \\frac{1}{2} \\rangle = \\frac{13 - 3\\sqrt{3}}{2}
claim \\nabla g(1, 2) = \\mathbf{0}   expect wrong
claim \\nabla g(1, 2) = [-3, 13]
claim \\nabla f = \\langle 2xy + 3y^3, x^2 + 9xy^2 \\rangle
claim \\nabla f(x, y) = [2 x y + 3 y^3, x^2 + 9 x y^2]
claim \\nabla^2 f = 2 y + 18 x y
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved']);
  }, 60_000);

  it('says where a claim about a scalar has a step that is an array, never comparing the scalar with each entry', () => {
    const steps = stepsIn(`given x, y: real
claim x^2 + 1 = [[x^2 + 1, x^2 + 1], [x^2 + 1, x^2 + 1]]
`);
    expect(steps.map((s) => s.verdict)).toEqual(['error']);
    expect(steps[0].detail.diagnostic?.message).toBe('this step is 2×2, but the claim is about a scalar');
  }, 60_000);

  it('reads ∇²g against a matrix as the Hessian, as the optimisation books print it, and against a scalar as the Laplacian', () => {
    expect(stepsIn(`given x, y: real
let g(x, y) = x^3 - 3xy + 4y^2
claim \\nabla^2 g = \\begin{pmatrix} 6x & -3 \\\\ -3 & 8 \\end{pmatrix}
claim \\nabla^2 g = \\begin{pmatrix} 6x & 3 \\\\ 3 & 8 \\end{pmatrix}   expect wrong
claim \\nabla^2 g = 6x + 8
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);

  it('reads ∇²f as the Hessian as a step too, beside a matrix in its claim (probe 82: MML 5.15\'s H = ∇²f = [...])', () => {
    expect(stepsIn(`given x, y: real
let f(x, y) = x^2 + 2xy + y^3
claim \\frac{\\partial^2 f}{\\partial x^2} + 0 = 2
claim \\begin{bmatrix} 2 & 2 \\\\ 2 & 6y \\end{bmatrix} = \\nabla^2 f = \\begin{bmatrix} 2 & 2 \\\\ 2 & 6y \\end{bmatrix}
claim \\begin{bmatrix} 2 & 2 \\\\ 2 & 6y \\end{bmatrix} = \\nabla^2 f
  = \\begin{bmatrix} 2 & 2 \\\\ 2 & 6 \\end{bmatrix}   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('vector calculus as Stewart 16.5 prints it (probe 70)', () => {
  it('reads div before a field in angle brackets, and ∇f of an unknown function declared with its variables', () => {
    expect(stepsIn(`given x, y, z: real
given f: function(x, y, z)
claim \\operatorname{div} \\langle xz, xyz, -y^2 \\rangle = z + xz
claim \\operatorname{div} \\langle xz, xyz, -y^2 \\rangle = z + xyz   expect wrong
claim \\nabla \\times (\\nabla f) = \\mathbf{0}
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});

describe('a 1×1 product where the claim is a scalar (probe 82: MML 5.10\'s row times column)', () => {
  it('is its entry; a longer array is still of another shape', () => {
    const steps = stepsIn(`given t: real
let x_1 = \\sin t
let x_2 = \\cos t
let f = x_1^2 + 2x_2
claim \\frac{\\mathrm{d}f}{\\mathrm{d}t} = \\begin{bmatrix} 2\\sin t & 2 \\end{bmatrix} \\begin{bmatrix} \\cos t \\\\ -\\sin t \\end{bmatrix}
claim \\frac{\\mathrm{d}f}{\\mathrm{d}t} = \\begin{bmatrix} 2\\sin t & 2 \\end{bmatrix} \\begin{bmatrix} \\cos t \\\\ \\sin t \\end{bmatrix}   expect wrong
claim \\frac{\\mathrm{d}f}{\\mathrm{d}t} = \\begin{bmatrix} 2\\sin t & 2 \\end{bmatrix}
`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'error']);
    expect(steps[2].detail.diagnostic?.message).toBe('this step is 1×2, but the claim is about a scalar');
  }, 60_000);
});

describe('H(z) beside a size H (probe 82: Murphy 13.3 writes ReLU\'s slope with H hidden units)', () => {
  it('is Heaviside\'s step of a quantity, and H (H + 1) of sizes is still a product', () => {
    expect(stepsIn(`given \\mathbf{x}: vector[D]
given \\mathbf{W}_1: matrix[H, D]
given \\mathbf{b}_1: vector[H]
let \\mathbf{z} = \\mathbf{W}_1\\mathbf{x} + \\mathbf{b}_1
let \\mathbf{h} = \\operatorname{ReLU}(\\mathbf{z})
claim \\frac{\\partial \\mathbf{h}}{\\partial \\mathbf{z}} = \\operatorname{diag}(H(\\mathbf{z}))
claim \\frac{\\partial \\mathbf{h}}{\\partial \\mathbf{z}} = \\operatorname{diag}(H(-\\mathbf{z}))   expect wrong
claim \\sum_{i=1}^{H} i = H(H + 1)/2
`).map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);
});
