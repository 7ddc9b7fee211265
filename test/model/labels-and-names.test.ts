import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).map((c) => c.steps.map((s) => s.verdict).join(','));

describe('labels compared with indices', () => {
  it('(j != y[i]) is the SVM margin mask: the multiclass hinge loss gradient is proved, the forgotten correct-class row refuted', () => {
    expect(verdicts(`
given S: matrix[N, C]
given y: label[N, C]
let L = sum(i, sum(j, (j != y[i]) * max(0, S[i, j] - S[i, y[i]] + 1)))
claim diff(L, S[i, k]) = (k != y[i]) * (S[i, k] - S[i, y[i]] + 1 > 0) - (k == y[i]) * sum(j, (j != y[i]) * (S[i, j] - S[i, y[i]] + 1 > 0))
claim diff(L, S[i, k]) = (k != y[i]) * (S[i, k] - S[i, y[i]] + 1 > 0)   expect wrong
claim (j == y[i]) = delta(j, y[i])
claim (j != y[i]) = 1 - delta(j, y[i])
`)).toEqual(['proved', 'refuted', 'proved', 'proved']);
  });
});

describe('binary values', () => {
  it('given t: binary is 0 or 1: t^2 = t, and logistic regression\'s gradient is sigmoid(z) - t', () => {
    const claims = claimsOf(deriv(`
given t: binary
given z: real
given ts: binary[N]
given w: vector[N]
claim t^2 = t
claim diff(-t * log(sigmoid(z)) - (1 - t) * log(1 - sigmoid(z)), z) = sigmoid(z) - t
claim diff(-t * log(sigmoid(z)) - (1 - t) * log(1 - sigmoid(z)), z) = t - sigmoid(z)   expect wrong
claim diff(sum(i, -ts[i] * log(sigmoid(w[i])) - (1 - ts[i]) * log(1 - sigmoid(w[i]))), w[k]) = sigmoid(w[k]) - ts[k]
claim t = 1   expect wrong
`));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted']);
    // The counterexample shows the value, not the class it is held as.
    expect(claims[4].steps[0].detail.counterexample!.inputs).toEqual({ t: 0 });
  });

  it('a binary value is not an index', () => {
    const [claim] = claimsOf(deriv('given t: binary\ngiven x: vector[n]\nclaim x[t] = x[t]\n'));
    expect(claim.steps[0].detail.diagnostic).toMatchObject({ code: 'bad-index' });
  });
});

describe('sign values', () => {
  it('given y: sign is -1 or 1: the logistic loss of Murphy and ESL, its gradient, AdaBoost\'s exponential loss, the hinge', () => {
    const claims = claimsOf(deriv(`
given y: sign
given t: sign[N]
given w, x: vector[d]
given X: matrix[N, d]
let m = y * sum(j, w[j] * x[j])
claim y^2 = 1
claim abs(y) = 1
claim (1 - y) / 2 = (y == -1)
claim diff(log(1 + exp(-m)), w[k]) = -y * x[k] * sigmoid(-m)
claim diff(log(1 + exp(-m)), w[k]) = y * x[k] * sigmoid(-m)   expect wrong
claim diff(sum(i, exp(-t[i] * sum(j, X[i, j] * w[j]))), w[k]) = -sum(i, t[i] * X[i, k] * exp(-t[i] * sum(j, X[i, j] * w[j])))
claim relu(1 - y * sum(j, w[j] * x[j])) = relu(1 - sum(j, w[j] * x[j]))   expect wrong
claim y^2 = y   expect wrong
`));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'refuted', 'refuted']);
    // The counterexample shows the value, -1, not the class it is held as.
    expect(claims[7].steps[0].detail.counterexample!.inputs).toEqual({ y: -1 });
  });

  it('a sign value is not an index', () => {
    const [claim] = claimsOf(deriv('given t: sign\ngiven x: vector[n]\nclaim x[t] = x[t]\n'));
    expect(claim.steps[0].detail.diagnostic).toMatchObject({ code: 'bad-index' });
  });
});

describe('names', () => {
  it('e and pi may be declared: the declaration shadows the constant in its file (the Cookbook\'s (D x + e))', () => {
    expect(verdicts(`
given e: vector[n]
given D: matrix[n, n]
given x: vector[n]
claim grad((D * x + e)' * (D * x + e), x) = 2 * D' * (D * x + e)
claim grad((D * x + e)' * (D * x + e), x) = 2 * D * (D * x + e)   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('any name that is not a built-in can be an input, even one mathjs knows (gamma, mean as a scalar)', () => {
    expect(verdicts(`
given gamma, beta, lambda, E: real
claim gamma * beta + lambda + E = E + lambda + beta * gamma
`)).toEqual(['proved']);
  });

  it('the result of a call can be indexed: softmax(x)[i], onehot(y, C)[i, k], (A * B)[i, j]', () => {
    expect(verdicts(`
given x: vector[n]
given Z: matrix[N, C]
given y: label[N, C]
given A: matrix[N, D]
given B: matrix[D, C]
claim softmax(x)[i] = exp(x[i]) / sum(j, exp(x[j]))
claim onehot(y, C)[i, k] = (k == y[i])
claim (A * B)[i, j] = sum(k, A[i, k] * B[k, j])
claim softmax(Z)[i, k] = exp(Z[i, k]) / sum(j, exp(Z[i, j]))
claim (A * B)[i, j] = sum(k, A[k, i] * B[k, j])   expect wrong
claim softmax(x)[i] = exp(x[i])   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  });
});

describe('a label as a subscript (probe 44)', () => {
  it('reads z_y as z[y] for a declared label y, as the books write the cross-entropy, and its slip is refuted', () => {
    const steps = claimsOf(deriv(`given z: vector[K]
given y: label[K]
claim log Σ_j exp(z_j) - z_y = logsumexp(z) - z[y]
claim \\log \\sum_{j=1}^{K} e^{z_{j}} - z_{y} = logsumexp(z) - z[y]
claim log Σ_j exp(z_j) - z_y = logsumexp(z) + z[y]   expect wrong
`)).map((c) => c.steps[0].verdict);
    expect(steps).toEqual(['proved', 'proved', 'refuted']);
  });
});


describe('x_1 where x1 is declared (probe 88: an unknown name)', () => {
  it('reads the subscript as part of the name where the base is no array: x_1, θ_0; of a declared vector x, x_1 stays its entry', () => {
    const steps = claimsOf(deriv(`given l, x1, theta0: positive
given y, y1: real
given v: vector[n]
given v1: real
claim \\frac{\\partial}{\\partial l} \\left( \\log l - l x_1 \\right) = \\frac{1}{l} - x_1
claim \\theta_0 + x_1 = theta0 + x1
claim y_1 - y = y1 - y
claim v_1 = v[1]
claim v_1 = v1   expect wrong
`)).map((c) => c.steps[0].verdict);
    expect(steps).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted']);
  });
});
