import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps.map((s) => s.verdict));
const diagnostics = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps.map((s) => s.detail.diagnostic?.message));

// The books write the vector of ones, the identity and a Hessian without a size: each takes the one around it.
describe('sizes taken from the context', () => {
  it('reads \\mathbf{1} as the vector of ones of the length what it multiplies or is added to gives it', () => {
    expect(verdicts(String.raw`given X: matrix[N, D]
given Y: matrix[N, K]
given x: vector[n]
claim \sum_{i=1}^{N} X_{i,:}^T = X^T \mathbf{1}
claim \sum_{i=1}^{N} X_{i,:}^T = X \mathbf{1}     expect wrong
claim \frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K} Y_{ik} = \frac{1}{N} \mathbf{1}^\top Y \mathbf{1}
claim \frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K} Y_{ik} = \frac{1}{K} \mathbf{1}^\top Y \mathbf{1}     expect wrong
claim \sum_i (x_i - 1) = \mathbf{1}^T (x - \mathbf{1})
claim \sum_i (x_i - 2) = \mathbf{1}^T (x - \mathbf{1})     expect wrong
claim \sum_i x_i = \mathbf{1}_n^T x
claim \nabla_x (\mathbf{1}^T x) = \mathbf{1}
claim \nabla_x (\mathbf{1}^T x) = 2 \mathbf{1}     expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'proved', 'refuted']);
  });

  it('keeps \\mathbb{1} before a condition the indicator, and refuses a vector of ones with nothing to give its length', () => {
    expect(verdicts(String.raw`given y: vector[n]
claim \mathbb{1}[y_1 > 0] + \mathbb{1}[y_1 <= 0] = 1
`)).toEqual(['proved']);
    expect(diagnostics(String.raw`given t: real
claim t = \mathbf{1}
`)).toEqual(['the vector of ones has no length here: it takes the length of what it multiplies or is added to']);
  });

  it('reads I alone in a step of a claim about a square matrix as the identity of its size', () => {
    expect(verdicts(String.raw`given w: vector[n]
given A: matrix[n, n]
claim hessian(w' w, w) = 2 I
claim hessian(w' A w, w) = A + A'
  = 2 I     expect wrong
claim \nabla^2_{w} (w^T w) = 3 I     expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'refuted']);
  });

  it('reads ∇²_z f, ∇^2_{z} f and ∇_z^2 f as the Hessian in z', () => {
    expect(verdicts(String.raw`given z: vector[n]
given t: real
claim \nabla^2_{z} \log \sum_{j} e^{z_j} = \mathrm{diag}(\mathrm{softmax}(z)) - \mathrm{softmax}(z) \mathrm{softmax}(z)^\top
claim \nabla_z^2 \log \sum_{j} e^{z_j} = \mathrm{diag}(\mathrm{softmax}(z)) + \mathrm{softmax}(z) \mathrm{softmax}(z)^\top     expect wrong
claim ∇²_t t^3 = 6 t
claim \nabla_{z} (z^T z) = 2 z
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  });

  it('sums vectors over a bounded sum from 1 to a size, entry by entry (PRML 4.96)', () => {
    expect(verdicts(String.raw`given X: matrix[N, D]
given t: vector[N]
given w: vector[D]
claim \sum_{m=1}^{N} (X_{m,:} w - t_m) X_{m,:}^T = X^T (X w - t)
claim \sum_{m=1}^{N} (X_{m,:} w - t_m) X_{m,:}^T = X^T (X w + t)    expect wrong
`)).toEqual(['proved', 'refuted']);
    expect(diagnostics(String.raw`given X: matrix[N, D]
claim \sum_{m=1}^{N-1} X_{m,:}^T = X^T \mathbf{1}
`)[0]).toMatch(/is read only as a sum from 1 to a size/);
  });
});

describe('expectations over a probability vector', () => {
  it('reads E_{j ~ p}[f_j] as the categorical sum over p\'s positions, its subscripted entries included', () => {
    expect(verdicts(String.raw`given z: vector[n]
given s: vector[n]
given f: vector[n]
claim \mathbb{E}_{j \sim \mathrm{softmax}(z)}[z_j] = \sum_j \mathrm{softmax}(z)_j z_j
claim \mathbb{E}_{j \sim \mathrm{softmax}(z)}[z_j] = \sum_j z_j / n    expect wrong
claim \mathbb{E}_{k \sim s}[f_k] = \sum_k s_k f_k
claim diff(log(sum(j, exp(z[j]))), z[i]) = E(k, softmax(z), delta(i, k))
claim Var(k, softmax(z), z[k]) = sum(j, softmax(z)[j] * z[j]^2) - sum(j, softmax(z)[j] * z[j])^2
claim Var(k, softmax(z), z[k]) = sum(j, softmax(z)[j] * z[j]^2)     expect wrong
claim E(k, Cat(softmax(z)), 1) = 1
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'refuted', 'proved']);
  });

  it('refuses a distribution that is neither a call it knows nor a vector', () => {
    expect(diagnostics('given z: vector[n]\nclaim E(k, z[1], 1) = 1\n')[0]).toBe('the second argument is the distribution, a call or a probability vector');
  });
});

describe('e_k, the standard basis vector, where no e is declared', () => {
  it("is a label's one-hot vector, or 1 at an index of the length its place gives it (the policy gradient, the softmax Jacobian's column)", () => {
    expect(verdicts(String.raw`given \theta: vector[n]
given a: label[n]
given z: vector[n]
claim \nabla_\theta \log \mathrm{softmax}(\theta)_a = \mathbf{e}_a - \mathrm{softmax}(\theta)
claim \nabla_\theta \log \mathrm{softmax}(\theta)_a = \mathrm{softmax}(\theta) - \mathbf{e}_a   expect wrong
claim \frac{\partial \mathrm{softmax}(z)}{\partial z_i} = \mathrm{softmax}(z)_i (\mathbf{e}_i - \mathrm{softmax}(z))
claim \frac{\partial \mathrm{softmax}(z)}{\partial z_i} = \mathrm{softmax}(z)_i (\mathbf{e}_1 - \mathrm{softmax}(z))   expect wrong
claim \mathbf{e}_2^T z = z_2
`)).toEqual(['proved', 'refuted', 'proved', 'refuted', 'proved']);
  });

  it('is the declared e_a where one is declared', () => {
    expect(verdicts('given e_a: real\ngiven z: vector[n]\nclaim e_a * sum(z) = sum(i, e_a * z[i])\n')).toEqual(['proved']);
  });
});

describe('a bounded sum from 0 that reads each array at its position', () => {
  it("is the sum over the array's entries, k shifted (the discounted return), and a read outside stays an error", () => {
    expect(verdicts(String.raw`given r: vector[T]
given \gamma: positive
claim \sum_{k=0}^{T-1} \gamma^k r_{k+1} = \sum_{k=1}^{T} \gamma^{k-1} r_k
claim \sum_{k=0}^{T-1} \gamma^k r_{k+1} = \sum_{k=1}^{T} \gamma^{k} r_k    expect wrong
claim \sum_{k=0}^{T-1} k r_{k+1} = \sum_{k=1}^{T} (k - 1) r_k
`)).toEqual(['proved', 'refuted', 'proved']);
    expect(diagnostics('given r: vector[T]\nclaim sum(k, 0, T - 1, r[k]) = 0\n')[0]).toMatch(/from 0, the index k of a sum is a number only/);
  });

  it('reads ^{T} after a sum\'s or an integral\'s lower bound as the upper bound T, and after a name as the transpose', () => {
    expect(verdicts(String.raw`given r: vector[T]
given x: vector[n]
given W: matrix[n, n]
given u: real
claim \sum_{k=1}^{T} r_k = \sum_{t=1}^T r_t
claim x^{T} W x = \sum_{i} \sum_{j} x_i W_{ij} x_j
claim \int_0^{T} u \, du = T^2/2
claim \int_0^{T} u \, du = T^2   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  });
});
