import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps.map((s) => s.verdict));
const messages = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps.map((s) => s.detail.diagnostic?.message ?? ''));

describe('a Greek letter and its name spelled out are one name', () => {
  it('reads \\mu of a LaTeX line as the declared mu, and sigma of a plain line as the declared σ', () => {
    expect(verdicts(`given mu, x: real
given \\sigma: positive
claim \\frac{\\partial}{\\partial \\mu} \\left[ -\\frac{(x - \\mu)^2}{2\\sigma^2} \\right] = \\frac{x - \\mu}{\\sigma^2}
claim diff(-(x - mu)^2 / (2 sigma^2), mu) = (x - μ) / σ^2
claim diff(-(x - mu)^2 / (2 sigma^2), mu) = (x - μ) / σ   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('renames an entry written with a subscript, and a call only to a function the derivation declares', () => {
    expect(verdicts(`given n: size
given theta, x: vector[n]
given phi: function
claim diff(sum(i, θ_i x_i), θ_k) = x_k
claim diff(φ(θ[1]), theta[1]) = phi'(θ[1])
`)).toEqual(['proved', 'proved']);
    // σ(z) is still the sigmoid beside a declared scalar sigma.
    expect(verdicts('given sigma, z: real\nclaim σ(z) = 1 / (1 + exp(-z))\n')).toEqual(['proved']);
  });

  it('keeps two names where the derivation declares both, and does not make pi a name', () => {
    expect(verdicts('given mu, μ: real\nclaim mu - μ = 0   expect wrong\n')).toEqual(['refuted']);
    expect(verdicts('given x: real\nclaim sin(π) = sin(pi)\n')).toEqual(['proved']);
    expect(messages('given x: real\nclaim diff(x^2, x) = 2 μ\n')[0]).toContain("unknown name 'μ'");
  });

  it('reads \\epsilon and \\lambda as a declared eps and lam, the names code gives them (probe 84)', () => {
    expect(verdicts(`given eps: positive
given lam, x: real
claim \\frac{d}{dx} (x^2 + \\epsilon) = 2x
claim \\frac{d}{dx} (\\lambda x^2 + \\varepsilon x) = 2 \\lambda x + eps
claim diff(lam * x, x) = λ + ε   expect wrong
`)).toEqual(['proved', 'proved', 'refuted']);
  });
});
