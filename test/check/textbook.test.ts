/**
 * Derivations from textbooks, beyond the five notes (test/check/fixtures/textbook.deriv):
 * linear and logistic regression, L2 regularisation, softmax with temperature and
 * label smoothing, GELU, layer and batch norm backward, KL divergence, entropy, a
 * Gaussian log-likelihood, cosine similarity, log det, an RNN step, Poisson
 * regression, Jacobians and Hessians, a tanh MLP, domains and the edges of double precision.
 * Every true step is proved but three (identities the exact engine has no rule
 * for: |xy| = |x||y|, a rationalised root, a stable log-cosh), which are
 * verified; every wrong variant is refuted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.ts';
import { stepsOf, verdictsIn } from '../__test-helpers__/derivations.ts';

const FIXTURE = new URL('./fixtures/textbook.deriv', import.meta.url);

describe('textbook derivations', () => {
  it('are proved or refuted as expected, with three named identities only verified', () => {
    const report = checkText(readFileSync(FIXTURE, 'utf8'), 'textbook.deriv', { seed: 1, trials: 20, sizes: [1, 2, 3] });
    expect(report.files[0].error).toBeNull();
    const steps = stepsOf(report);
    expect(report.summary).toMatchObject({ steps: 123, error: 0, unexpected: 0 });
    const verified = steps.filter((s) => s.verdict === 'verified').map((s) => s.text);
    expect(verified).toEqual(['abs(x) * abs(y)', '1 / (sqrt(x^2 + 1) + x)', 'abs(x) + log(1 + exp(-2 * abs(x)))']);
    for (const s of steps) {
      if (s.expect === 'wrong') expect([s.line, s.verdict]).toEqual([s.line, 'refuted']);
      else if (!verified.includes(s.text)) expect([s.line, s.verdict]).toEqual([s.line, 'proved']);
    }
  }, 120_000);
});

describe('an array of numbers between 0 and 1 (unit[n], unit[K, D])', () => {
  it('reads a Bernoulli mixture\'s parameters: 1 - q is positive for every entry, and the E-step gradients hold or are refuted (PRML 9.3.3)', () => {
    expect(verdictsIn(`given q: unit[n]
given x: binary[D]
given Q: unit[K, D]
given w: simplex[K]
claim diff(sum(i, log(1 - q[i])), q[k]) = -1 / (1 - q[k])
claim diff(sum(i, log(1 - q[i])), q[k]) = 1 / (1 - q[k])   expect wrong
let p[k] = w[k] * prod(d, Q[k, d]^x[d] * (1 - Q[k, d])^(1 - x[d]))
claim diff(log(p[k]), Q[k, d]) = x[d] / Q[k, d] - (1 - x[d]) / (1 - Q[k, d])
claim diff(log(p[k]), Q[k, d]) = x[d] / Q[k, d] + (1 - x[d]) / (1 - Q[k, d])   expect wrong
`).map((v) => (v === 'verified' ? 'holds' : v === 'proved' ? 'holds' : v))).toEqual(['holds', 'refuted', 'holds', 'refuted']);
  }, 60_000);
});

describe('a log-likelihood over a fixed batch (thirteenth probe S2)', () => {
  it('proves log(prod(m, sigmoid(z[m]))) over 100 points: the log argument\'s sign is read factor by factor, not from a product of 2^100 terms', () => {
    expect(verdictsIn(`given z: vector[100]
claim log(prod(m, sigmoid(z[m]))) = -sum(m, softplus(-z[m]))
claim log(prod(m, sigmoid(z[m]))) = -sum(m, softplus(-z[m])) + 1e-12   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('logs of simplex entries (fourteenth probe F2)', () => {
  it('splits log(p[n] / q[n]) of the last entries, written 1 minus the others, so KL = cross-entropy - entropy is proved, not an engine fault', () => {
    expect(verdictsIn(`given p, q: simplex[2]
given r, s: simplex[4]
claim log(p[2]) - log(q[2]) = log(p[2] / q[2])
claim sum(i, log(p[i]) - log(q[i])) = sum(i, log(p[i] / q[i]))
claim -sum(i, r[i] * log(s[i])) + sum(i, r[i] * log(r[i])) = sum(i, r[i] * log(r[i] / s[i]))
claim -sum(i, r[i] * log(s[i])) + sum(i, r[i] * log(r[i])) = sum(i, r[i] * log(s[i] / r[i]))   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('keeps 1 - p[1] of a simplex[n] without a sign in index notation, where at n = 1 it is 0', () => {
    expect(verdictsIn(`given p: simplex[n]
claim 0 = log(1 - p[1]) - log(1 - p[1])   expect wrong
`)).toEqual(['refuted']);
  }, 60_000);
});
