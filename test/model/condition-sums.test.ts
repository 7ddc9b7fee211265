import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';
import { fromLatex } from '../../src/syntax/latex-input.ts';
import { SourceMap } from '../../src/syntax/index.ts';

const results = (body: string) => claimsOf(deriv(body)).map((c) => c.steps[c.steps.length - 1]);
const verdicts = (body: string) => results(body).map((s) => s.verdict);
const latex = (text: string) => fromLatex(text, SourceMap.single('t', 1, 1)).text;

describe('sums and products over a condition: Σ_{j≠i}, Σ_{i<j}, ∏_{j≠i}', () => {
  it('the softmax cross-entropy step as the books print it, -y_i (1 - s_i) + Σ_{j≠i} y_j s_i, with the index slip refuted', () => {
    expect(verdicts(`given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(-sum(j, y[j] * log(s[j])), x[i]) = -y_i (1 - s_i) + Σ_{j≠i} y_j s_i
claim diff(-sum(j, y[j] * log(s[j])), x[i]) = -y_i (1 - s_i) + Σ_{j≠i} y_j s_j   expect wrong
claim diff(-sum(j, y[j] * log(s[j])), x[i]) = -y_i (1 - s_i) + sum(j != i, y[j] * s[i])
`)).toEqual(['proved', 'refuted', 'proved']);
  });

  it('where neither side is known outside the sum, it runs over both: the pairs i < j and i ≠ j of (Σ x)²', () => {
    expect(verdicts(`given x: vector[n]
claim sum(x)^2 = Σ_i x_i^2 + 2 Σ_{i<j} x_i x_j
claim sum(x)^2 = Σ_i x_i^2 + Σ_{i≠j} x_i x_j
claim sum(x)^2 = Σ_i x_i^2 + Σ_{i<j} x_i x_j   expect wrong
claim sum(x)^2 = sum(i, x[i]^2) + 2 * sum(i < j, 1, n, x[i] * x[j])
`)).toEqual(['proved', 'proved', 'refuted', 'proved']);
  });

  it('a product leaves its excluded factor out, and a let over a condition reads its parameter as the outer index', () => {
    expect(verdicts(`given x: vector[n]
given W: matrix[n, n]
let g[i] = sum(j != i, W[i, j] * x[j])
claim prod(j != 1, x[j]) * x[1] = prod(x)
claim prod(j != 1, x[j]) = prod(x)   expect wrong
claim g[k] = sum(j, W[k, j] * x[j]) - W[k, k] * x[k]
claim g[k] = sum(j, W[k, j] * x[j])   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });

  it('LaTeX: \\sum_{j=1, j \\neq k}^{C} with a label in the condition (note 002), \\sum_{1 \\le i < j \\le n}, \\prod_{j \\ne i}', () => {
    expect(verdicts(`given a: matrix[N, C]
given y: label[N, C]
given x: vector[n]
claim -\\sum_{j=1, j \\neq k}^{C} \\mathbb{I}_{\\{j=y_i\\}} a_{ik} = -sum(j, (j != k) * (j == y[i]) * a[i, k])
claim \\sum_{1 \\le i < j \\le n} x_i x_j = (sum(x)^2 - sum(i, x[i]^2)) / 2
claim \\sum_{1 \\le i < j \\le n} x_i x_j = sum(x)^2 - sum(i, x[i]^2)   expect wrong
claim x_i \\prod_{j \\ne i} x_j = prod(x)
claim \\sum_{j \\neq y_r} a_{rj} = sum(a[r, :]) - a[r, y[r]]
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('a condition between two indices known already is an error that says to name a new one', () => {
    const [step] = results('given x: vector[n]\ngiven t: real\nclaim sum(t != 1, t) = 0\n');
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic).toMatchObject({ message: expect.stringContaining('both have a meaning here already'), hint: expect.stringContaining('sum(j != i, E)') });
  });
});

describe('LaTeX cases: \\begin{cases} ... \\end{cases}', () => {
  it('is read as the conditional it prints, the last condition kept as a factor, "otherwise" the rest', () => {
    expect(latex('\\begin{cases} p_i(1-p_i) & i=j \\\\ -p_i p_j & i \\neq j \\end{cases}')).toBe('(1{i=j} ? (p_i(1-p_i)) : 1{i  != j} * (-p_i p_j))');
    expect(latex('\\begin{cases} 1 & \\text{if } x > 0, \\\\ 0 & \\text{otherwise.} \\end{cases}')).toBe('(1{x > 0} ? (1) : (0))');
    expect(latex('\\begin{cases} x & x \\geq 0 \\\\ \\alpha x & \\text{else} \\end{cases}')).toBe('(1{x  >= 0} ? (x) : (α x))');
  });

  it('checks the softmax Jacobian and the ReLU slope written by cases, and refutes a sign slip in one case', () => {
    expect(verdicts(`given x: vector[n]
given z: real
let p[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(p[i], x[j]) = \\begin{cases} p_i(1-p_i) & i=j \\\\ -p_i p_j & i \\neq j \\end{cases}
claim diff(p[i], x[j]) = \\begin{cases} p_i(1-p_i) & i=j \\\\ p_i p_j & i \\neq j \\end{cases}   expect wrong
claim diff(relu(z), z) = \\begin{cases} 1 & \\text{if } z > 0, \\\\ 0 & \\text{otherwise.} \\end{cases}
claim diff(relu(z), z) = \\begin{cases} 1 & z > 0 \\\\ 1 & z < 0 \\end{cases}   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });

  it('a last condition that does not cover the rest leaves 0 there, so the slip shows', () => {
    expect(verdicts(`given z: real
claim abs(z) = \\begin{cases} z & z > 0 \\\\ -z & z > 1 \\end{cases}   expect wrong
claim abs(z) = \\begin{cases} z & z \\ge 0 \\\\ -z & z < 0 \\end{cases}
`)).toEqual(['refuted', 'proved']);
  });
});
