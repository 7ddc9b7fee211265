import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/syntax/index.ts';
import { withDivergenceBars } from '../../src/syntax/divergence-bars.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const steps = (text: string) => claimsOf(deriv(text), { seed: 1 }).flatMap((c) => c.steps);
const verdicts = (text: string) => steps(text).map((s) => s.verdict);

describe('the Kullback-Leibler divergence as the books print it', () => {
  it("reads KL(P ‖ Q), D_{KL}(P || Q) and KL[P ‖ Q] as a call of two arguments, keeping every other bar", () => {
    const read = (text: string) => withDivergenceBars(text, SourceMap.single('t.deriv', 1, 1)).text;
    expect(read('D_{KL}( N(m, 1) ‖ N(0, 1) )')).toBe('KL( N(m, 1) , N(0, 1) )');
    expect(read('KL[p || q] + ‖x‖')).toBe('KL(p , q) + ‖x‖');
    expect(read('KL(p)')).toBe('KL(p)');
    expect(read('KL(‖x‖ ‖ q)')).toBe('KL(‖x‖ ‖ q)');
    expect(read('sum(p) by "so KL(p || q) >= 0"')).toBe('sum(p) by "so KL(p || q) >= 0"');
  });

  it('proves the VAE\'s Gaussian KL term and the KL of two Gaussians, and refutes their slips', () => {
    expect(verdicts(String.raw`given \mu, \mu_1, \mu_2: real
given \sigma, \sigma_1, \sigma_2: positive
claim D_{\mathrm{KL}}\left(\mathcal{N}(\mu, \sigma^2) \,\|\, \mathcal{N}(0, 1)\right) = \frac{1}{2}(\mu^2 + \sigma^2 - 1 - \log \sigma^2)
claim D_{\mathrm{KL}}\left(\mathcal{N}(\mu, \sigma^2) \,\|\, \mathcal{N}(0, 1)\right) = \frac{1}{2}(\mu^2 + \sigma^2 - 1 + \log \sigma^2)   expect wrong
claim KL(N(\mu_1, \sigma_1^2) \| N(\mu_2, \sigma_2^2)) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}
claim KL(N(\mu_1, \sigma_1^2) \| N(\mu_2, \sigma_2^2)) = \log\frac{\sigma_1}{\sigma_2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });

  it('reads discrete families and probability vectors, and a density against a normal', () => {
    expect(verdicts(`given l: positive
given s, r: vector[n]
claim KL(exponential(l) || exponential(1)) = log(l) + 1/l - 1
claim KL(exponential(l) || exponential(1)) = log(l) + 1/l   expect wrong
claim KL(poisson(l) || poisson(1)) = l log(l) - l + 1
claim KL(softmax(s) || softmax(r)) = sum(k, softmax(s)[k] * log(softmax(s)[k] / softmax(r)[k]))
claim KL(Cat(softmax(s)) || Cat(softmax(r))) = sum(k, softmax(s)[k] * log(softmax(s)[k] / softmax(r)[k]))
claim KL(softmax(s) || softmax(r)) = sum(k, softmax(r)[k] * log(softmax(r)[k] / softmax(s)[k]))   expect wrong
claim KL(exponential(l) || normal(0, 1)) = log(l) + log(2 pi)/2 + 1/l^2 - 1
claim KL(bernoulli(1/3) || poisson(l)) = (1/3) log(1/3) + (2/3) log(2/3) + l - (1/3) log(l)
`)).toEqual(['proved', 'refuted', 'verified', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('reads a uniform as P, its log density a constant on its interval (probe 96: refused)', () => {
    expect(steps(`given a: real
given b: real in (a, Infinity)
given mu: real
given s: positive
claim KL(uniform(a, b), normal(mu, s)) = -log(b - a) + log(2 pi s^2) / 2 + ((b - mu)^3 - (a - mu)^3) / (6 s^2 (b - a))
claim KL(uniform(a, b), normal(mu, s)) = -log(b - a) + log(2 pi s^2) / 2 + ((b - mu)^3 - (a - mu)^3) / (3 s^2 (b - a))   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  it('reads a divergence across families where P\'s support lies in Q\'s (probe 96: refused)', () => {
    expect(verdicts(`given a, b, l: positive
claim KL(uniform(0, 1) || exponential(a)) = a / 2 - log(a)
claim KL(uniform(0, 1) || exponential(a)) = a - log(a)   expect wrong
claim KL(uniform(0, 1) || beta(a, b)) = a + b - 2 + log(beta(a, b))
claim KL(uniform(0, 1) || beta(a, b)) = a + b - 2 - log(beta(a, b))   expect wrong
claim KL(exponential(l) || gamma(2, 1)) = 2 log(l) - 1 + 0.5772156649 + 1 / l   expect wrong
`)).toEqual(['proved', 'refuted', 'verified', 'refuted', 'refuted']);
    const messages = steps(`given a: positive
claim KL(uniform(-1, 1) || exponential(a)) = 0
claim KL(uniform(0, 2) || beta(a, a)) = 0
claim KL(uniform(0, a) || exponential(1)) = 0
`).map((s) => s.detail.diagnostic?.message);
    expect(messages).toEqual([
      "KL(uniform ‖ exponential) may be infinite: exponential's density is not positive wherever uniform's is",
      "KL(uniform ‖ beta) may be infinite: beta's density is not positive wherever uniform's is",
      "KL(uniform ‖ exponential) may be infinite: exponential's density is not positive wherever uniform's is",
    ]);
  }, 60_000);

  it('refuses a divergence that may be infinite, or of what is no distribution', () => {
    const messages = steps(`given l: positive
given x: real
claim KL(normal(0, 1) || exponential(1)) = 1
claim KL(uniform(0, 1) || uniform(0, 2)) = log(2)
claim KL(x || x) = 0
`).map((s) => s.detail.diagnostic?.message);
    expect(messages).toEqual([
      "KL(normal ‖ exponential) may be infinite: exponential's density is not positive wherever normal's is",
      "KL(uniform ‖ uniform) is not read: the uniform's density is 0 off its interval, so the divergence is infinite wherever uniform's is not",
      'KL reads two distributions of the table, or two probability vectors: this argument is neither',
    ]);
  });
});
