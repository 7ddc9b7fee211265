import { describe, expect, it } from 'vitest';
import { buildModel, printTerm } from '../../src/model/index.ts';
import { parseDerivationFile } from '../../src/syntax/index.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

/** The model of the first derivation of a text. */
function model(body: string) {
  return buildModel(parseDerivationFile(deriv(body), 'test.deriv').derivations[0]);
}

/** The diagnostic of the first claim: of its own expression, else of its first step. */
function stepError(body: string) {
  const claim = model(body).claims[0];
  const error = claim.headError ?? claim.steps[0].error;
  expect(error).toBeDefined();
  return error!;
}

describe('arrays: shapes are checked before anything is computed', () => {
  it('X * r with X N×D and r of length N is a shape error at the operator, naming both shapes', () => {
    // line 4 is "claim X * r = r": the '*' is at col 9.
    const d = stepError('given X: matrix[N, D]\ngiven r: vector[N]\nclaim X * r = r\n');
    expect(d.code).toBe('shape');
    expect(d.span).toMatchObject({ line: 4, col: 9, endCol: 10 });
    expect(d.message).toContain('X is N×D');
    expect(d.message).toContain('r is a vector of length N');
    expect(d.message).toContain('inner dimensions D and N differ');
  });

  it('a matrix product with a transposed operand of the wrong shape points at its operator', () => {
    // line 4 is "claim W * G' = W": the '*' is at col 9.
    const d = stepError('given W: matrix[O, I]\ngiven G: matrix[O, B]\nclaim W * G\' = W\n');
    expect(d.code).toBe('shape');
    expect(d.span).toMatchObject({ line: 4, col: 9 });
    expect(d.message).toContain("G' is B×O");
  });

  it('entrywise + of different shapes is a shape error at the +', () => {
    // line 4 is "claim A + B = A": the '+' is at col 9.
    const d = stepError('given A: matrix[N, D]\ngiven B: matrix[D, N]\nclaim A + B = A\n');
    expect(d.code).toBe('shape');
    expect(d.span).toMatchObject({ line: 4, col: 9 });
  });

  it('a vector matching both sides of a square matrix is ambiguous', () => {
    const d = stepError('given A: matrix[n, n]\ngiven b: vector[n]\nclaim A + b = A\n');
    expect(d.code).toBe('shape');
    expect(d.message).toContain('ambiguous');
  });

  it('a vector matching neither side is an error', () => {
    const d = stepError('given A: matrix[N, D]\ngiven b: vector[C]\nclaim A + b = A\n');
    expect(d.code).toBe('shape');
    expect(d.message).toContain('matches neither');
  });

  it('a step whose shape differs from the claim is a shape error at that step', () => {
    // line 3 is "claim X = X'": X' starts at col 11.
    const d = model('given X: matrix[N, D]\nclaim X = X\'\n').claims[0].steps[0].error!;
    expect(d.code).toBe('shape');
    expect(d.span).toMatchObject({ line: 3, col: 11 });
    expect(d.message).toContain('D×N');
  });

  it('an array where a scalar is needed is not-scalar', () => {
    // (diff(X[1, 1], X) is the gradient of the entry now, shaped as X: ∂L/∂W as the notes write it.)
    const d = stepError('given X: matrix[N, D]\ngiven x: real\nclaim limit(x, X, x) = 1\n');
    expect(d.code).toBe('not-scalar');
    expect(d.message).toContain('N×D');
  });

  it('two transposes on one line keep the spans and names of what lies between them', () => {
    // line 5 is "claim A' * B' * C' = r": the second '*' is at col 15.
    const d = stepError('given A: matrix[N, D]\ngiven B, C: matrix[D, N]\ngiven r: real\nclaim A\' * B\' * C\' = r\n');
    expect(d.code).toBe('shape');
    expect(d.span).toMatchObject({ line: 5, col: 15 });
    expect(d.message).toContain("C' is N×D");
  });
});

describe('arrays: lowering to index notation', () => {
  it('A * B is a sum over the inner index, entry by entry at fresh free indices r, c', () => {
    const m = model('given A: matrix[N, K]\ngiven B: matrix[K, M]\nclaim A * B = A * B\n');
    expect(printTerm(m.claims[0].head!)).toBe('sum(k, A[r, k] * B[k, c])');
    expect(m.claims[0].freeIndices.map((f) => f.name)).toEqual(['r', 'c']);
  });

  it('the entry indices never clash with the user\'s', () => {
    const m = model('given A: matrix[N, N]\ngiven x: vector[N]\nclaim A = A + 0 * x[r]\n');
    expect(m.claims[0].freeIndices.map((f) => f.name).sort()).toEqual(['c1', 'r', 'r1']);
  });

  it('sum(A, 1) sums over the rows (one value per column), sum(A, 2) over the columns', () => {
    const m = model('given A: matrix[N, D]\nclaim sum(A, 1) = sum(A, 1)\nclaim sum(A, 2) = sum(A, 2)\n');
    expect(printTerm(m.claims[0].head!)).toBe('sum(j, A[j, r])');
    expect(printTerm(m.claims[1].head!)).toBe('sum(j, A[r, j])');
  });

  it('sum(sum(A, 1)) and sum(sum(A, 2)) are sum(A): every entry once, rows outside, whichever axis went first', () => {
    const m = model('given A: matrix[N, D]\nclaim sum(sum(A, 1)) = sum(sum(A, 2))\nclaim sum(A) = sum(A)\n');
    const printed = [m.claims[0].head!, m.claims[0].steps[0].term!, m.claims[1].head!].map((t) => printTerm(t));
    expect(printed).toEqual(['sum(j, sum(j2, A[j, j2]))', 'sum(j, sum(j2, A[j, j2]))', 'sum(j, sum(j2, A[j, j2]))']);
    expect(stepError('given A: matrix[N, D]\nclaim sum(sum(A, 3)) = 0\n').code).toBe('shape');
  });

  it('a vector is added to each row when its length is the column count, to each column when it is the row count', () => {
    const m = model('given Z: matrix[N, H]\ngiven b: vector[H]\ngiven d: vector[N]\nclaim Z + b = Z + b\nclaim Z + d = Z + d\n');
    expect(printTerm(m.claims[0].head!)).toBe('Z[r, c] + b[c]');
    expect(printTerm(m.claims[1].head!)).toBe('Z[r, c] + d[r]');
  });

  it('onehot(y, C) reads as delta against the label of each row', () => {
    const m = model('given y: label[N, C]\ngiven z: matrix[N, C]\nclaim onehot(y, C) = onehot(y, C)\n');
    expect(printTerm(m.claims[0].head!)).toBe('delta(c, y[r])');
  });
});

describe('grad against closed forms', () => {
  it('grad of a linear form is its coefficient array, proved for every size', () => {
    const [a, b] = claimsOf(deriv('given W, X: matrix[N, D]\nclaim grad(sum(i, sum(j, W[i, j] * X[i, j])), W) = X\nclaim grad(sum(W .* X), W) = X\n'));
    expect(a.steps[0].verdict).toBe('proved');
    expect(a.steps[0].proof).toBe('every-n');
    expect(b.steps[0].verdict).toBe('proved');
  });

  it('grad of trace(A B) with respect to A is B\', and B is refuted with the entry named', () => {
    const [good, bad] = claimsOf(deriv('given A, B: matrix[n, n]\nclaim grad(trace(A * B), A) = B\'\nclaim grad(trace(A * B), A) = B\n'));
    expect(good.steps[0].verdict).toBe('proved');
    expect(bad.steps[0].verdict).toBe('refuted');
    const indices = bad.steps[0].detail.counterexample!.indices;
    expect(Object.keys(indices).sort()).toEqual(['c', 'r']);
    expect(indices.r).not.toBe(indices.c);
  });

  it('grad of x\' A x is (A + A\') x', () => {
    const [c] = claimsOf(deriv('given A: matrix[n, n]\ngiven x: vector[n]\nclaim grad(x * A * x, x) = (A + A\') * x\n'));
    expect(c.steps[0].verdict).toBe('proved');
  });
});
