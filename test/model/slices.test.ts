/**
 * Slices at index positions (numpy's X[i, :], the matrix books' X_{i,:}): a row,
 * a column, whole-number ranges, derivatives with respect to a slice, and the
 * errors for slices that cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

describe('slices: X[i, :], X[:, j], x[a:b]', () => {
  it('a row, a column and a range are the entries they name, in products and sums, against their slips', () => {
    expect(verdictsIn(`given X: matrix[N, D]
given W: matrix[D, C]
given w: vector[D]
given v: vector[4]
given y: label[N, C]
claim X[1, :] * w = sum(d, X[1, d] * w[d])
claim X[1, :] * w = sum(d, X[1, d] * w[1])   expect wrong
claim (X * W)[2, :] = X[2, :] * W
claim (X * W)[:, 1] = X * W[:, 1]
claim X[:, 1]' * X[:, 1] = sum(i, X[i, 1]^2)
claim sum(v[2:4]) = v[2] + v[3] + v[4]
claim sum(v[2:4]) = v[1] + v[2] + v[3]   expect wrong
claim sum(v[2:end]) = sum(v) - v[1]
claim onehot(y, C)[1, :] * ones(C) = 1
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  });

  it('grad with respect to a column or a row is shaped as the slice', () => {
    expect(verdictsIn(`given X: matrix[N, D]
given W: matrix[D, C]
claim grad(log(sum(exp(X[1, :] * W))), W[:, 1]) = softmax(W' * X[1, :]')[1] * X[1, :]'
claim grad(log(sum(exp(X[1, :] * W))), W[:, 1]) = softmax(W' * X[1, :]')[2] * X[1, :]'   expect wrong
claim grad(sum(X), X[2, :]) = ones(D)'
`)).toEqual(['proved', 'refuted', 'proved']);
  });

  it('a slice that cannot be read is an error at its place that says what can be written', () => {
    const messages = stepsIn(`given X: matrix[N, D]
given v: vector[4]
claim sum(v[1:2:4]) = 0
claim sum(X[2:end, 1]) = 0
claim sum(v[3:2]) = 0
claim sum(v[3:5]) = 0
claim sum(X[1, i:3]) = 0
`).map((s) => s.detail.diagnostic?.message);
    expect(messages).toEqual([
      "a range with a step 'a:s:b' is not part of the derivation language",
      'a slice from 2 to the end of N has a size that depends on N',
      'the slice 3:2 is empty or starts before 1: indices start at 1',
      'the slice 3:5 is out of range 1..4',
      'the start of a slice is a whole number (x[2:4]) or left out (x[2:end], x[:])',
    ]);
  });
});
