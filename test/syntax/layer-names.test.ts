import { describe, expect, it } from 'vitest';
import { claimsOf, deriv, stepsIn, syntaxDiagnostics, verdictsIn } from '../__test-helpers__/derivations.ts';
import { buildModel, parseDerivation, stepToLatex } from '../../src/index.ts';
import { namesAsWritten } from '../../src/report/wording.ts';

const verdicts = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps.map((s) => s.verdict));

describe("a layer's superscript is part of a name: Bishop's w^{(1)}, Ng's W^{[2]}", () => {
  it('reads PRML 5.3.1 as typeset: w^{(1)}_{ji} and w^{(2)}_{kj} are two matrices, and a swapped index is caught', () => {
    expect(verdicts(`given x: vector[D]
given t: vector[K]
given w^{(1)}: matrix[M, D]
given w^{(2)}: matrix[K, M]
let a_j = \\sum_{i=1}^{D} w^{(1)}_{ji} x_i
let z_j = \\tanh(a_j)
let y_k = \\sum_{j=1}^{M} w^{(2)}_{kj} z_j
let E = \\frac{1}{2} \\sum_{k=1}^{K} (y_k - t_k)^2
claim \\frac{\\partial E}{\\partial w^{(2)}_{kj}} = (y_k - t_k) z_j
claim \\frac{\\partial E}{\\partial w^{(1)}_{ji}} = (1 - z_j^2) \\sum_{k=1}^{K} w^{(2)}_{kj} (y_k - t_k) x_i
claim \\frac{\\partial E}{\\partial w^{(1)}_{ji}} = (1 - z_j^2) \\sum_{k=1}^{K} w^{(2)}_{jk} (y_k - t_k) x_i   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('reads \\mathbf{W}^{[1]}, W^{[2]T} (the transpose after the layer) and W⁽²⁾ in Unicode', () => {
    expect(verdicts(`given x: vector[D]
given \\mathbf{W}^{[1]}: matrix[H, D]
given W^{[2]}: matrix[K, H]
let a = \\mathbf{W}^{[1]} x
claim \\frac{\\partial}{\\partial x} \\frac{1}{2} \\|W^{[2]} a\\|^2 = (W^{[2]} \\mathbf{W}^{[1]})^{T} W^{[2]} a
claim \\frac{\\partial}{\\partial x} \\frac{1}{2} \\|W^{[2]} a\\|^2 = W^{[1]T} W^{[2]T} W^{[2]} a
claim \\frac{\\partial}{\\partial x} \\frac{1}{2} \\|W^{[2]} a\\|^2 = W^{[2]T} W^{[2]} a   expect wrong
claim sum(k, (W⁽²⁾ * a)[k]) = sum(k, sum(h, W^{[2]}[k, h] * a[h]))
`)).toEqual(['proved', 'proved', 'refuted', 'proved']);
  });

  it('reads W^{(1)} as a declared W1, and leaves a superscript of an undeclared name (Lagrange\'s f^{(2)}) as it was', () => {
    expect(verdicts(`given x: vector[D]
given W1: matrix[H, D]
claim sum(j, (W1 * x)[j]) = sum(j, sum(i, W⁽¹⁾[j, i] * x[i]))
claim \\sum_{j} (W^{(1)} x)_j = \\sum_{j} \\sum_{i} W^{(1)}_{ji} x_i
`)).toEqual(['proved', 'proved']);
    const [bad] = syntaxDiagnostics(deriv('given x: real\nclaim g^{(2)}(x) = 0\n'));
    expect(bad.message).not.toContain('gsup2');
  });

  it("reads Nielsen's letter layers where a given or let declares them (z^{L}, a^L, w^{(l)}): BP1 holds, its sign slip is caught, and x^n stays a power", () => {
    expect(verdicts(`given z^{L}: vector[n]
given y: vector[n]
given x: positive
let a^L = \\sigma(z^L)
let C = \\frac{1}{2} \\sum_j (y_j - a^L_j)^2
claim \\frac{\\partial C}{\\partial z^L_j} = (a^L_j - y_j) \\sigma'(z^L_j)
claim \\frac{\\partial C}{\\partial z^{(L)}_j} = (y_j - a^{L}_j) \\sigma'(z^L_j)   expect wrong
claim \\frac{d}{dx} x^n = n x^{n - 1}
`)).toEqual(['proved', 'refuted', 'proved']);
    const claim = buildModel(parseDerivation(deriv('given z^{L}: vector[2]\nclaim z^L_1 = z^{L}_1\n'))).claims[0];
    expect(stepToLatex(claim.claim.expr, claim.steps[0].step.expr)).toContain('z^{L}');
  });

  it("reads a letter layer a step away, Nielsen's w^{l+1}, \\delta^{l+1} and a^{l-1}: BP2 holds, its swapped index is caught, and each is typeset and printed as written", () => {
    const text = `given w^{l+1}: matrix[m, n]
given \\delta^{l+1}: vector[m]
given z^{l}: vector[n]
given a^{[l-1]}: vector[p]
given w^{l}: matrix[n, p]
given b^{l}: vector[n]
let \\delta^{l} = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma'(z^l)
claim \\delta^{l}_j = \\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j)
claim \\delta^{l}_j = \\sum_k w^{l+1}_{jk} \\delta^{l+1}_k \\sigma'(z^l_j)    expect wrong
claim \\frac{\\partial}{\\partial w^{l}_{jq}} \\sum_i (w^{l} a^{l-1} + b^{l})_i = a^{l-1}_q
claim \\frac{\\partial}{\\partial w^{l}_{jq}} \\sum_i (w^{l} a^{l-1} + b^{l})_i = a^{l+1}_q    expect wrong
`;
    const results = claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);
    expect(results.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'error']);
    // a^{l+1} is declared nowhere: it stays a power of a, and the message says so in the file's own terms.
    expect(results[3].detail.diagnostic?.message).not.toMatch(/sup/);
    const claim = buildModel(parseDerivation(deriv(text))).claims[2];
    expect(stepToLatex(claim.claim.expr, claim.steps[0].step.expr)).toContain('a^{l-1}');
    expect(namesAsWritten('sum(k, wsuplp1_kj δsuplp1_k) + asuplm1 + wsup1 + zsupL_j + supremum')).toBe('sum(k, w^(l+1)_kj δ^(l+1)_k) + a^(l-1) + w^(1) + z^L_j + supremum');
  });

  it('keeps columns: an error after a layered name points at its own column', () => {
    const text = deriv('given w^{(1)}: matrix[2, 2]\nclaim w^{(1)}_{12} + = 0\n');
    const [problem] = claimsOf(text).flatMap((c) => c.steps.map((s) => s.detail.diagnostic)).filter((d) => d !== undefined);
    const line = text.split('\n').find((l) => l.startsWith('claim'))!;
    expect(problem?.span?.col).toBeGreaterThan(line.indexOf('+'));
  });

  it('is typeset with its superscript again', () => {
    const model = buildModel(parseDerivation(deriv('given w^{(1)}: matrix[2, 2]\ngiven x: vector[2]\nclaim sum(i, w^{(1)}[1, i] * x[i]) = w^{(1)}[1, 1] * x[1] + w^{(1)}[1, 2] * x[2]\n')));
    const claim = model.claims[0];
    expect(stepToLatex(claim.claim.expr, claim.steps[0].step.expr)).toContain('w^{(1)}');
  });

  it("reads Lagrange's f^{(k)}(x) of a function the derivation defines as its k-th derivative (Burden and Faires' Taylor remainder)", () => {
    expect(verdicts(`given x: real
let f(t) = exp(2 t)
claim f^{(3)}(x) = 8 * f(x)
claim f^{(4)}(x) = 8 * f(x)   expect wrong
claim f⁽²⁾(x) = 4 f(x)
claim \\frac{f^{(2)}(x) x^2}{2} = 2 x^2 f(x)
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
    const [undeclared] = syntaxDiagnostics(deriv('given x: real\nclaim g^{(2)}(x) = 0\n'));
    expect(undeclared.hint).toContain('let f(t)');
  });
});

describe('a given squared name, σ², is one name as a let\'s is', () => {
  it('differentiates with respect to the variance as a parameter of its own (the Gaussian log-likelihood)', () => {
    expect(verdicts(`given x, mu: real
given σ²: positive
claim diff(-(x - mu)^2 / (2 σ²) - log(σ²) / 2, σ²) = (x - mu)^2 / (2 (σ²)^2) - 1 / (2 σ²)
claim diff(-(x - mu)^2 / (2 σ²) - log(σ²) / 2, σ²) = (x - mu)^2 / (2 σ²) - 1 / (2 σ²)   expect wrong
`)).toEqual(['proved', 'refuted']);
  });
});

describe("the books' i-th example, y^{(i)} of a declared vector", () => {
  it('is its entry y[i] (d2l, CS229), where it was refused as a label; a declared layer keeps its meaning', () => {
    expect(verdicts(String.raw`given X: matrix[m, d]
given y: vector[m]
given w: vector[d]
claim \frac{1}{m} \sum_{i=1}^{m} ((X w)_i - y^{(i)})^2 = \frac{1}{m} \|X w - y\|^2
claim \frac{\partial}{\partial w_k} \frac{1}{2m} \sum_{i=1}^{m} ((X w)_i - y^{(i)})^2 = \frac{1}{m} \sum_{i=1}^{m} ((X w)_i - y^{(i)}) X_{ik}
claim \frac{\partial}{\partial w_k} \frac{1}{2m} \sum_{i=1}^{m} ((X w)_i - y^{(i)})^2 = \frac{1}{m} \sum_{i=1}^{m} ((X w)_i - y^{(i)}) X_{ki}   expect wrong
`)).toEqual(['verified', 'proved', 'refuted']);
  });
});

describe("y^{(i)} of a vector the books declare in a set, and of a let: the prediction's i-th entry", () => {
  it('reads \\hat{y}^{(i)} of let \\hat{y} = X \\theta and y^{(i)} of y \\in \\mathbb{R}^{m} as entries (CS229\'s least squares), where both were refused as labels', () => {
    const cs229 = (rhs: string) => String.raw`given X \in \mathbb{R}^{m \times n}
given y \in \mathbb{R}^{m}
given \theta \in \mathbb{R}^{n}
let \hat{y} = X \theta
let J(\theta) = \frac{1}{2} \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)})^2
claim \frac{\partial J}{\partial \theta_j} = ${rhs}
`;
    expect(verdicts(cs229(String.raw`\sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)}) X_{ij}`))).toEqual(['proved']);
    expect(verdicts(cs229(String.raw`\sum_{i=1}^{m} (y^{(i)} - \hat{y}^{(i)}) X_{ij}   expect wrong`))).toEqual(['refuted']);
  });

  it('reads h^{(i)} of an indexed let as h[i]; a let that is a number is no vector, and says so', () => {
    expect(verdicts(String.raw`given x: vector[m]
given w: real
let h[i] = w x[i]
let L = \sum_{i=1}^{m} (h^{(i)})^2
claim \frac{\partial L}{\partial w} = 2 w \sum_{i=1}^{m} (x^{(i)})^2
claim \frac{\partial L}{\partial w} = w \sum_{i=1}^{m} (x^{(i)})^2   expect wrong
`)).toEqual(['proved', 'refuted']);
    const scalar = stepsIn('given x: vector[n]\nlet a = sum(i, x[i])\nclaim a^{(i)} = x[i]\n');
    expect(scalar.map((s) => s.verdict)).toEqual(['error']);
    expect(scalar[0].detail.diagnostic?.message).toContain('a is defined with 0 indexes');
  });
});

describe("the books' n-th data vector, x_n of a declared design matrix X (probe 82: 15 steps refused)", () => {
  it('reads x_n and φ_n as row n of X and Φ standing as a column, and x_{nd} as the entry X[n, d]', () => {
    expect(verdicts(String.raw`given \boldsymbol{\Phi}: matrix[N, M]
given \mathbf{t}: vector[N]
given \mathbf{w}: vector[M]
claim \nabla_{\mathbf{w}} \frac{1}{2}\sum_{n=1}^{N}(t_n - \mathbf{w}^\top\boldsymbol{\phi}_n)^2 = \boldsymbol{\Phi}^\top\boldsymbol{\Phi}\mathbf{w} - \boldsymbol{\Phi}^\top\mathbf{t}
claim \nabla_{\mathbf{w}} \frac{1}{2}\sum_{n=1}^{N}(t_n - \mathbf{w}^\top\boldsymbol{\phi}_n)^2 = \sum_{n=1}^{N}(t_n - \mathbf{w}^\top\boldsymbol{\phi}_n)\boldsymbol{\phi}_n   expect wrong
claim \frac{\partial}{\partial w_m} \sum_{n=1}^{N} (\sum_{k=1}^{M} \phi_{nk} w_k)^2 = 2 \sum_{n=1}^{N} (\sum_{k=1}^{M} \phi_{nk} w_k) \phi_{nm}
`)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);

  it('leaves x_n a name of its own where x or x_n is declared', () => {
    expect(verdicts(`given X: matrix[N, D]
given x: vector[N]
claim sum(n, x_n) = sum(x)
`)).toEqual(['proved']);
  });
});

describe('|A| as a determinant where the matrix is declared in LaTeX, or is a let of square matrices (probe 82)', () => {
  it('reads \\ln|\\mathbf{A}| of an invertible given and of let \\mathbf{A} = \\mathbf{P} + x\\mathbf{Q} as the log-determinant, and |\\Sigma|^{1/2} of an spd one', () => {
    expect(verdicts(String.raw`given x: real
given \mathbf{P}, \mathbf{Q}: matrix[2, 2]
given \mathbf{B}: invertible[n, n]
given \boldsymbol\Sigma: spd[D, D]
let \mathbf{A} = \mathbf{P} + x\mathbf{Q}
claim \frac{\partial}{\partial x} \ln |\mathbf{A}| = \operatorname{Tr}\left(\mathbf{A}^{-1}\mathbf{Q}\right)
claim \frac{\partial}{\partial x} \ln |\mathbf{A}| = \operatorname{Tr}\left(\mathbf{Q}\mathbf{A}\right)   expect wrong
claim \frac{\partial}{\partial \mathbf{B}} \ln |\mathbf{B}| = \left(\mathbf{B}^{-1}\right)^{\mathrm{T}}
claim \frac{1}{|\boldsymbol\Sigma|^{1/2}} = \det(\boldsymbol\Sigma)^{-1/2}
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  }, 60_000);
});

describe('a layer written after the subscript (probe 82: Bishop prints w_{kj}^{(2)} as well as w^{(2)}_{kj})', () => {
  it('is the layered name\'s entry, and its slip is refuted', () => {
    expect(verdictsIn(`given \\mathbf{w}^{(2)}: matrix[M, M]
given \\mathbf{z}: vector[M]
claim \\frac{\\partial}{\\partial z_j} \\sum_{k=1}^{M}\\sum_{i=1}^{M} w_{ki}^{(2)} z_i = \\sum_{k=1}^{M} w_{kj}^{(2)}
claim \\frac{\\partial}{\\partial z_j} \\sum_{k=1}^{M}\\sum_{i=1}^{M} w_{ki}^{(2)} z_i = \\sum_{k=1}^{M} w^{(2)}_{kj}
claim \\frac{\\partial}{\\partial z_j} \\sum_{k=1}^{M}\\sum_{i=1}^{M} w_{ki}^{(2)} z_i = \\sum_{k=1}^{M} w_{jk}^{(2)}   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });
});
