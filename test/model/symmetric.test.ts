/**
 * symmetric[n, n] and spd[n, n]: square matrices equal to their transpose (spd also
 * positive definite), read as the symmetric part of the values held.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, deriv, stepsOf } from '../__test-helpers__/derivations.ts';

const verdicts = (body: string) => stepsOf(checkReport(deriv(body), { trials: 40 })).map((s) => [s.line, s.verdict]);

describe('symmetric and spd matrices', () => {
  it('prove the identities that need symmetry, which a general matrix refutes', () => {
    expect(verdicts(`given x: vector[n]
given A: symmetric[n, n]
given B: matrix[n, n]
claim grad(x' * A * x, x) = 2 * A * x
claim grad(x' * B * x, x) = 2 * B * x   expect wrong
claim A' = A
claim B' = B   expect wrong
claim A[i, j] = A[j, i]
claim grad(trace(A * B), B) = A
`)).toEqual([[5, 'proved'], [6, 'refuted'], [7, 'proved'], [8, 'refuted'], [9, 'proved'], [10, 'proved']]);
  });

  it('give a Gaussian its gradient in the mean, and refute the sign slip', () => {
    expect(verdicts(`given S: spd[2, 2]
given z: vector[2]
given m: vector[2]
claim grad((z - m)' * inv(S) * (z - m), m) = -2 * inv(S) * (z - m)
claim grad((z - m)' * inv(S) * (z - m), m) = 2 * inv(S) * (z - m)   expect wrong
claim logdet(S) = log(det(S))
`)).toEqual([[5, 'proved'], [6, 'refuted'], [7, 'proved']]);
  });

  it('prove the Gaussian at 3 x 3 too: the held entries S[b, a] are named S[a, b], so the exact forms stay small', () => {
    // Read as sums of two held entries, the symmetrised 3 x 3 inverse passed the exact engine's budget: verified only.
    expect(verdicts(`given S: spd[3, 3]
given z: vector[3]
given m: vector[3]
claim grad((z - m)' * inv(S) * (z - m), m) = -2 * inv(S) * (z - m)
`)).toEqual([[5, 'proved']]);
  }, 60_000);

  it('show a counterexample as the symmetric matrix the step was evaluated at', () => {
    const [wrong] = stepsOf(checkReport(deriv('given A: symmetric[2, 2]\nclaim A[1, 2] = A[1, 1]   expect wrong\n')));
    expect(wrong.verdict).toBe('refuted');
    const shown = wrong.detail.counterexample!.inputs.A as number[];
    expect(shown[1]).toBe(shown[2]);
  });

  it('are never refuted by a 60-digit point outside their type: what the type guarantees holds', () => {
    // The exact engine has no rule for abs(det A) with det A > 0, so a 60-digit point decides: it must be of the type.
    const steps = stepsOf(checkReport(deriv(`given A: invertible[2, 2]
given S: spd[2, 2]
claim det(A) = abs(det(A))
claim sqrt(det(A)^2) = det(A)
claim S[1, 1] = abs(S[1, 1])
claim (det(S) > 0) = 1
`)));
    for (const s of steps) expect([s.line, s.verdict]).toEqual([s.line, 'verified']);
  });

  it('refuse a derivative with respect to a symmetric matrix, and a matrix that is not square', () => {
    const [grad, entry] = stepsOf(checkReport(deriv('given A: symmetric[2, 2]\nclaim grad(trace(A), A) = eye(2)\nclaim diff(A[1, 2], A[1, 2]) = 1\n')));
    for (const s of [grad, entry]) {
      expect(s.verdict).toBe('error');
      expect(s.detail.diagnostic).toMatchObject({ code: 'unsupported', hint: expect.stringContaining('matrix[n, n]') });
    }
    // A broken declaration is reported on each step that uses it.
    const [uses] = stepsOf(checkReport(deriv('given A: symmetric[2, 3]\nclaim A = A\n')));
    expect(uses.detail.diagnostic).toMatchObject({ code: 'unknown-type', message: expect.stringContaining('a symmetric matrix is square: symmetric[n, n]') });
  });
});
