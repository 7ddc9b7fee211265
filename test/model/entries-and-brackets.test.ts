import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);
const verdicts = (text: string) => steps(text).map((s) => s.verdict);

describe('entries and brackets as the ML books print them', () => {
  it('reads s_{2j} and μ_{1k} as entries of vectors declared s_2 and μ_1 (the KL of two diagonal Gaussians)', () => {
    expect(verdicts(String.raw`given \mu_1, \mu_2: vector[J]
given s_1, s_2: positive[J]
claim \frac{\partial}{\partial \mu_{1k}} \frac{1}{2} \sum_{j=1}^{J} \frac{(\mu_{2j} - \mu_{1j})^2}{s_{2j}^2} = \frac{\mu_{1k} - \mu_{2k}}{s_{2k}^2}
claim \frac{\partial}{\partial \mu_{1k}} \frac{1}{2} \sum_{j=1}^{J} \frac{(\mu_{2j} - \mu_{1j})^2}{s_{2j}^2} = \frac{\mu_{2k} - \mu_{1k}}{s_{2k}^2}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads \\nabla_{\\mathbf{w}} \\left[ ... \\right] as the gradient of the bracket, not of a one-entry vector', () => {
    expect(verdicts(String.raw`given \mathbf{w}, \mathbf{x}: vector[D]
given a: binary
claim \nabla_{\mathbf{w}} \left[ a \log \sigma(\mathbf{w}^\top \mathbf{x}) + (1 - a) \log\left(1 - \sigma(\mathbf{w}^\top \mathbf{x})\right) \right] = \left( a - \sigma(\mathbf{w}^\top \mathbf{x}) \right) \mathbf{x}
claim \nabla_{\mathbf{w}} \left[ a \log \sigma(\mathbf{w}^\top \mathbf{x}) \right] = a \mathbf{x}   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('reads V[T + 1] and V[t + 1] of a vector[T + 1] with t over T inside it (the TD errors telescope), and V[T + 2] past it', () => {
    expect(verdicts(`given r: vector[T]
given V: vector[T + 1]
given g: real in (0, 1)
claim sum(t, 1, T, g^(t - 1) * (r[t] + g * V[t + 1] - V[t])) = sum(t, 1, T, g^(t - 1) * r[t]) + g^T * V[T + 1] - V[1]
claim sum(t, 1, T, g^(t - 1) * (r[t] + g * V[t + 1] - V[t])) = sum(t, 1, T, g^(t - 1) * r[t]) + g^T * V[T] - V[1]    expect wrong
`)).toEqual(['proved', 'refuted']);
    const [past] = steps('given V: vector[T + 1]\nclaim V[T + 2] = 0\n');
    expect(past.detail.diagnostic?.message).toBe('T + 2 is past the last index T + 1');
  });
});

describe('readings probe 79 found wrong or missing', () => {
  it('reads A (B + A)^2 and A (B A)^{-1} as the matrix times the bracket\'s power, not the power of the product', () => {
    expect(verdicts(`given A, B: matrix[n, n]
given x: real
claim A (B + A)^2 = A B^2 + A B A + A A B + A^3
claim A (B + A)^2 = (A B + A A)^2   expect wrong
claim x (1 + x)^2 = x + 2 x^2 + x^3
`)).toEqual(['proved', 'refuted', 'proved']);
  });

  it('keeps s_{2j} the entry s[2, j] where a matrix s is declared beside a vector s_2', () => {
    expect(verdicts(String.raw`given s: matrix[3, n]
given s_2: vector[n]
claim \sum_{j=1}^{n} s_{2j} = sum(j, s[2, j])
`)).toEqual(['proved']);
  });

  it('reads E_{j ~ softmax(z)}[z_j] with j written nowhere else, and 1^T between two vectors', () => {
    expect(verdicts(String.raw`given z: vector[n]
given x: vector[D]
claim \mathbb{E}_{j \sim \mathrm{softmax}(z)}[z_j] = softmax(z)' * z
claim \mathbb{E}_{j \sim \mathrm{softmax}(z)}[\exp(-z_j)] = \frac{n}{\sum_k \exp(z_k)}
claim x^T \mathbf{1} \mathbf{1}^T x = (sum(j, x[j]))^2
claim x^T \mathbf{1} \mathbf{1}^T x = sum(j, x[j]^2)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });

  it('reads log ‖x‖^2 and log |x|^2 as the log of the power, as log σ^2 is', () => {
    expect(verdicts(String.raw`given x: vector[n]
given t: real
claim \log \|x\|^2 = 2 \log \|x\|
claim \log |t|^2 = 2 \log |t|
claim \log |t|^2 = (\log |t|)^2   expect wrong
`)).toEqual(['verified', 'verified', 'refuted']);
  });
});
