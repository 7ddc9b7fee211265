import { describe, expect, it } from 'vitest';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

const verdicts = (text: string) => claimsOf(deriv(text)).map((c) => c.steps.map((s) => s.verdict).join(','));
const proofs = (text: string) => claimsOf(deriv(text)).map((c) => c.steps.map((s) => s.proof ?? s.verdict).join(','));

describe('reductions over a whole array', () => {
  it('max(x): the log-sum-exp shift by the max is proved for every n, a dropped shift refuted', () => {
    expect(proofs(`
given x: vector[n]
let m = max(x)
claim logsumexp(x) = m + logsumexp(x - m)
claim logsumexp(x) = log(sum(j, exp(x[j])))
claim logsumexp(x) = m + logsumexp(x)   expect wrong
`)).toEqual(['every-n', 'every-n', 'refuted']);
  });

  it('max and min have the argmax indicator as derivative almost everywhere; a constant 1 is refuted', () => {
    expect(verdicts(`
given x: vector[n]
claim diff(max(x), x[k]) = (x[k] == max(x))
claim diff(min(x), x[k]) = (x[k] == min(x))
claim max(x) >= x[k] = 1
claim -max(-x) = min(x)
claim diff(max(x), x[k]) = 1   expect wrong
claim diff(min(x), x[k]) = (x[k] == max(x))   expect wrong
`)).toEqual(['proved', 'proved', 'verified', 'verified', 'refuted', 'refuted']);
  });

  it('norm(x) is Euclidean, norm(x, 1) the sum of absolute values; their gradients', () => {
    expect(verdicts(`
given x: vector[n]
given p: positive[n]
claim norm(x) = sqrt(sum(j, x[j]^2))
claim norm(x)^2 = sum(j, x[j]^2)
claim diff(norm(p), p[k]) = p[k] / norm(p)
claim norm(x, 1) = sum(j, abs(x[j]))
claim diff(norm(x, 1), x[k]) = sign(x[k])
claim diff(norm(p), p[k]) = p[k] / norm(p)^2   expect wrong
claim norm(x, 1) = sum(j, x[j])   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it("a matrix's norm(A, 1), norm(A, Infinity) and norm(A, 2) are the induced norms, as numpy and the books read them (probe 42)", () => {
    expect(verdicts(`
given A: matrix[2, 2]
given v: vector[2]
given x, y: vector[n]
let D = [[3, 0], [0, 1]]
claim norm(eye(2), 2) = 1
claim ‖eye(2)‖₂ = sqrt(2)   expect wrong
claim norm(D, 2) = 3
claim norm(D, 1) = 3
claim norm(D, 1) = 4   expect wrong
claim norm(A, 1) = max(abs(A[1, 1]) + abs(A[2, 1]), abs(A[1, 2]) + abs(A[2, 2]))
claim norm(A, Infinity) = max(abs(A[1, 1]) + abs(A[1, 2]), abs(A[2, 1]) + abs(A[2, 2]))
claim norm(A * v) <= norm(A, 2) * norm(v)
claim norm(A, 2) <= ‖A‖_F
claim ‖x‖_∞ = max(abs(x))
claim ‖x‖_1 = sum(abs(x))
claim abs(x' * y) <= norm(x, 1) * norm(y, Infinity)
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted', 'verified', 'verified', 'verified', 'verified', 'proved', 'proved', 'verified']);
    // Past 2x2 the largest singular value has no closed form here: an error that says what norm(A) is, not a Frobenius norm.
    const [spectral] = claimsOf(deriv('given B: matrix[3, 3]\nclaim norm(B, 2) <= norm(B)\n'));
    expect(spectral.steps[0].verdict).toBe('error');
    expect(spectral.steps[0].detail.diagnostic?.message).toMatch(/largest singular value/);
  }, 60_000);

  it('prod(x) is a real product (signs included), with the product rule as its derivative', () => {
    expect(verdicts(`
given x: vector[n]
given p: positive[n]
claim log(prod(p)) = sum(j, log(p[j]))
claim diff(prod(p), p[k]) = prod(p) / p[k]
claim diff(prod(x), x[k]) * x[k] = prod(x)
claim prod(x) = exp(sum(j, log(abs(x[j]))))   expect wrong
claim diff(prod(p), p[k]) = prod(p)   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'refuted']);
  });

  it('mean(x) and the reductions of a matrix', () => {
    expect(verdicts(`
given A: matrix[N, D]
claim max(A) >= A[i, j] = 1
claim mean(A) = sum(A) / (N * D)
claim norm(A)^2 = sum(A .* A)
claim mean(A) = sum(A) / N   expect wrong
`)).toEqual(['verified', 'proved', 'proved', 'refuted']);
  });

  it('max(j, E), min(j, E), prod(j, E) run over an index like sum; the row-wise max shift is proved for every n', () => {
    expect(proofs(`
given Z: matrix[N, C]
given x: vector[n]
claim max(j, x[j]) = max(x)
claim prod(j, x[j]) = prod(x)
claim logsumexp(Z, 2)[i] = max(j, Z[i, j]) + log(sum(j, exp(Z[i, j] - max(l, Z[i, l]))))
claim max(j, x[j]) = min(x)   expect wrong
`)).toEqual(['every-n', 'every-n', 'every-n', 'refuted']);
  });

  it('max(a, b) of two values stays the entrywise function', () => {
    expect(verdicts(`
given a, b: real
claim max(a, b) = -min(-a, -b)
`)).toEqual(['proved']);
  });
});
