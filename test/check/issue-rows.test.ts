/**
 * Each row of the table of issue 9 ("The language of real derivations"), as the
 * user wrote it: checkable now, with the right verdict on a true and on a wrong
 * version. (The Unicode minus and the unclosed bracket are the text layer's rows.)
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).map((c) => c.steps.map((s) => s.verdict).join(','));
const holds = (v: string) => v === 'proved' || v === 'verified';

describe('the rows of issue 9', () => {
  it('let m = max(x): the stable softmax and the log-sum-exp shift', () => {
    const [shift, softmax, wrong] = verdicts(`
given x: vector[n]
let m = max(x)
claim log(sum(j, exp(x[j]))) = m + log(sum(j, exp(x[j] - m)))
claim exp(x[i] - m) / sum(j, exp(x[j] - m)) = exp(x[i]) / sum(j, exp(x[j]))
claim log(sum(j, exp(x[j]))) = log(sum(j, exp(x[j] - m)))   expect wrong
`);
    expect([holds(shift), holds(softmax), wrong]).toEqual([true, true, 'refuted']);
  });

  it('norm, cosh, sign, erf, log1p, det, inv, eye, diag are functions', () => {
    expect(verdicts(`
given x: vector[n]
given t: real
given u: positive
given A: invertible[3, 3]
claim diff(norm(x, 1), x[k]) = sign(x[k])
claim diff(cosh(t), t) = sinh(t)
claim diff(erf(t), t) = 2 / sqrt(pi) * exp(-t^2)
claim diff(log1p(u), u) = 1 / (1 + u)
claim inv(A) * A = eye(3)
claim grad(det(A), A) = det(A) * inv(A)'
claim diag(x) * x = x .* x
claim diff(cosh(t), t) = -sinh(t)   expect wrong
claim grad(det(A), A) = det(A) * inv(A)   expect wrong
claim diag(x) * x = x   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted', 'refuted']);
  }, 60_000);

  it('(s - y) * x\' is the outer product dW = (s - y) x^T', () => {
    expect(verdicts(`
given W: matrix[K, D]
given x: vector[D]
given y: onehot[K]
let s = softmax(W * x)
let L = -sum(k, y[k] * log(s[k]))
claim grad(L, W) = (s - y) * x'
claim grad(L, W) = s * x'   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('dP - sum(P .* dP, 2) with P: matrix[T, T] broadcasts each row\'s sum over its row', () => {
    expect(verdicts(`
given P, dP: matrix[T, T]
let R = dP - sum(P .* dP, 2)
claim R[i, j] = dP[i, j] - sum(k, P[i, k] * dP[i, k])
claim R[i, j] = dP[i, j] - sum(k, P[k, j] * dP[k, j])   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('(j != y[i]) with y: label[N, C] is the SVM margin mask', () => {
    expect(verdicts(`
given S: matrix[N, C]
given y: label[N, C]
claim sum(j, (j != y[i]) * S[i, j]) = sum(j, S[i, j]) - S[i, y[i]]
claim sum(j, (j != y[i]) * S[i, j]) = sum(j, S[i, j])   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('given e: vector[n] (the Cookbook\'s (D x + e)) is an input', () => {
    expect(verdicts(`
given D: matrix[n, n]
given x, e: vector[n]
claim grad(sum((D * x + e) .^ 2), x) = 2 * D' * (D * x + e)
claim grad(sum((D * x + e) .^ 2), x) = 2 * (D * x + e)   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('softmax(x)[i] is one entry of the call\'s result', () => {
    expect(verdicts(`
given x: vector[n]
claim diff(log(softmax(x)[i]), x[k]) = delta(i, k) - softmax(x)[k]
claim diff(log(softmax(x)[i]), x[k]) = delta(i, k) - softmax(x)[i]   expect wrong
`)).toEqual(['proved', 'refuted']);
  });

  it('one bad let costs only the claims that use it', () => {
    expect(verdicts(`
given x: vector[n]
let m = maxx(x)
claim exp(x[i]) / exp(x[i]) = 1
claim m = m
`)).toEqual(['proved', 'error']);
  });
});
