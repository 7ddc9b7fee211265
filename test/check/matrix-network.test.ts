import { describe, expect, it } from 'vitest';
import { claimsOf, deriv, verdictsIn } from '../__test-helpers__/derivations.ts';

/** A two-layer network at fixed sizes (N, D, H, C) = (2, 3, 3, 3): linear, ReLU, linear, softmax, mean cross-entropy. */
const NET = `given X: matrix[2, 3]
given W1: matrix[3, 3]
given b1: vector[3]
given W2: matrix[3, 3]
given b2: vector[3]
given y: label[2, 3]
let Z1 = X * W1 + b1
let A1 = relu(Z1)
let A2 = softmax(A1 * W2 + b2)
let L = -sum(onehot(y, 3) .* log(A2)) / 2
let dZ2 = (A2 - onehot(y, 3)) / 2
let dZ1 = (dZ2 * W2') .* (Z1 > 0)
`;

describe('a two-layer network', () => {
  it('proves every gradient and refutes each classic slip, naming the worst entry', () => {
    const claims = claimsOf(deriv(`${NET}
claim grad(L, W2) = A1' * dZ2
claim grad(L, b2) = sum(dZ2, 1)
claim grad(L, W1) = X' * dZ1
claim grad(L, b1) = sum(dZ1, 1)
claim grad(L, W2) = dZ2' * A1
claim grad(L, W2) = A1' * (A2 - onehot(y, 3))
claim grad(L, b2) = mean(dZ2, 1)
claim grad(L, W1) = dZ1' * X
`), { trials: 30 });
    expect(claims.slice(0, 4).map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved', 'proved', 'proved']);
    for (const c of claims.slice(4)) {
      expect(c.steps[0].verdict).toBe('refuted');
      const indices = c.steps[0].detail.counterexample!.indices;
      expect(Object.keys(indices)).toContain('r');
    }
  }, 120_000);

  it('the hidden layer: the missing transpose in dA1 is refuted', () => {
    const claims = claimsOf(deriv(`given A1: matrix[2, 3]
given W2: matrix[3, 3]
given b2: vector[3]
given y: label[2, 3]
let L = -sum(onehot(y, 3) .* log(softmax(A1 * W2 + b2))) / 2
let dZ2 = (softmax(A1 * W2 + b2) - onehot(y, 3)) / 2
claim grad(L, A1) = dZ2 * W2'
claim grad(L, A1) = dZ2 * W2
`));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'refuted']);
  });

  it('a label per row is drawn per row: the per-row cross-entropy gradient is proved for every size', () => {
    const [c] = claimsOf(deriv(`given z: matrix[N, C]
given y: label[N, C]
let a = softmax(z)
let Li[i] = -log(a[i, y[i]])
claim diff(Li[i], z[i, k]) = a[i, k] - delta(k, y[i])
`));
    expect(c.steps[0].verdict).toBe('proved');
    expect(c.steps[0].proof).toBe('every-n');
  });

  it('the mean loss over a symbolic batch: verified, the dropped 1/N refuted', () => {
    const claims = claimsOf(deriv(`given z: matrix[N, C]
given y: label[N, C]
let L = -sum(onehot(y, C) .* log(softmax(z))) / N
claim grad(L, z) = (softmax(z) - onehot(y, C)) / N
claim grad(L, z) = softmax(z) - onehot(y, C)
`));
    expect(['proved', 'verified']).toContain(claims[0].steps[0].verdict);
    expect(claims[1].steps[0].verdict).toBe('refuted');
  });
});

describe('ReLU and its kink', () => {
  it('(x >= 0) and (x > 0) as relu\'s derivative both hold almost everywhere, and the report names the convention', () => {
    const claims = claimsOf(deriv(`given X, G: matrix[H, B]
let L = sum(G .* relu(X))
claim grad(L, X) = G .* (X > 0)
claim grad(L, X) = G .* (X >= 0)
`));
    expect(claims[0].steps[0].verdict).toBe('proved');
    expect(claims[0].steps[0].detail.kink).toBeUndefined();
    expect(claims[1].steps[0].verdict).toBe('proved');
    expect(claims[1].steps[0].detail.kink).toContain('differs only at the kink X[r, c] = 0 (convention at 0: >= vs >)');
  });

  it('a network with relu gets random inputs away from its kinks (not all discarded)', () => {
    const [c] = claimsOf(deriv(`given Z1: matrix[2, 3]
given W2: matrix[3, 2]
let L = sum(relu(Z1) * W2)
claim grad(L, Z1) = (Z1 > 0) .* sum(W2, 2)
`), { trials: 40 });
    expect(c.steps[0].verdict).toBe('proved');
    // A proved step's cross-check takes a quarter of the trials: all 10 of them found inputs away from the kinks.
    expect(c.steps[0].detail.trials).toBe(10);
  });
});

describe('a step of another shape than the line above', () => {
  const text = deriv(`given x: vector[n]
given W: matrix[n, m]
given b: vector[m]
claim grad(sum(x' * W), W) = ones(m) * x'   expect wrong
  = x * ones(m)'
claim grad(sum(x' * W), W) = x * ones(m)'
claim grad(sum(W' * x + b), b) = ones(n)   expect wrong
`);

  it('is refuted by its shape, named against the claim or the line above, with the transpose pointed out', () => {
    const [transposed, back] = claimsOf(text)[0].steps;
    expect([transposed.verdict, transposed.method, transposed.ok]).toEqual(['refuted', 'shapes compared', true]);
    expect(transposed.detail.explanation).toBe('this step is m×n, but the claim is n×m: arrays of different shapes are never equal; the shape is transposed (a layout convention, or a transpose in the wrong place?)');
    // Each step is compared with the line above it, as written: back to n×m is again another shape.
    expect(back.verdict).toBe('refuted');
    expect(back.detail.explanation).toContain('but the line above (line 5) is m×n');
  });

  it('a scalar step stands for every entry: the zero gradient is = 0, proved, not refuted by its shape', () => {
    const claims = claimsOf(deriv(`given x: vector[n]
given y: label[n, n]
given z: label[n, n]
given t: real
claim grad(t * 3, x) = 0
claim jacobian(x, t) = 0
claim jacobian(t^2, t) = 2 * t
claim grad(sum(x), x) = 1
claim grad(sum(x), x) = 0   expect wrong
claim sum(i, (y[i] < z[i]) * x[i]) = sum(i, (z[i] > y[i]) * x[i])
`));
    expect(claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'proved', 'proved', 'proved', 'refuted', 'proved']);
  });

  it('leaves steps of the same shape to the engines, and names vectors by length', () => {
    const claims = claimsOf(text);
    expect([claims[1].steps[0].verdict, claims[1].steps[0].proof]).toEqual(['proved', 'every-n']);
    const vector = claims[2].steps[0];
    expect(vector.verdict).toBe('refuted');
    expect(vector.detail.explanation).toBe('this step is a vector of length n, but the claim is a vector of length m: arrays of different shapes are never equal');
  });
});

describe('a step that uses a free index of the claim over a shorter dimension', () => {
  it('is refuted where it reads past the end (a swap of i and j in a non-square gradient), and the right step is derived', () => {
    const [swapped] = claimsOf(deriv(`given W: matrix[m, n]
given x: vector[n]
given g: vector[m]
let L = g' * (W * x)
claim diff(L, W[i, j]) = g[j] * x[i]   expect wrong
`))[0].steps;
    expect([swapped.verdict, swapped.method, swapped.ok]).toEqual(['refuted', 'index ranges compared', true]);
    expect(swapped.detail.explanation).toBe('the index j runs over n in the claim, but this step uses it over m: where n > m the step reads past the end and has no value, where the line above has one (indices swapped?)');
    expect(swapped.detail.derived?.text).toBe('g[i] * x[j]');
  });

  it('reads a longer array inside it with a fixed range (v[j], j over 2, v of 3), so the step is checked as written', () => {
    const [inside] = claimsOf(deriv(`given W: matrix[3, 2]
given v: vector[3]
claim diff(sum(i, sum(j, W[i, j])), W[i, j]) = v[j] * 0 + 1
`))[0].steps;
    expect(inside.verdict).toBe('proved');
  });

  it('refutes a step whose own summation index runs over two lengths (a transpose slip, sixteenth probe), and keeps the right one', () => {
    const [right, slipped] = claimsOf(deriv(`given X: matrix[3, 2]
given W: matrix[2, 4]
given G: matrix[3, 4]
let Y = X * W
let L = sum(i, sum(j, G[i, j] * tanh(Y[i, j])))
claim diff(L, X[i, d]) = sum(j, G[i, j] * (1 - tanh(Y[i, j])^2) * W[d, j])
claim diff(L, X[i, d]) = sum(j, G[i, j] * (1 - tanh(Y[i, j])^2) * W[j, d])   expect wrong
`)).map((c) => c.steps[0]);
    expect(right.verdict).toBe('proved');
    expect([slipped.verdict, slipped.method]).toEqual(['refuted', 'index ranges compared']);
    expect(slipped.detail.explanation).toMatch(/^the summation index j runs over both 4 and 2 in this step/);
    // In the claim's own expression the same conflict is an error of the file: there is no line above.
    const [head] = claimsOf(deriv('given W: matrix[2, 4]\ngiven G: matrix[3, 4]\nclaim sum(j, G[1, j] * W[j, 1]) = 0\n'))[0].steps;
    expect(head.verdict).toBe('error');
  }, 60_000);

  it('looks past a read inside a longer array for one past the end: the RBM gradient with i and j swapped is refuted (fifteenth probe)', () => {
    const [right, swapped] = claimsOf(deriv(`given v, b: vector[3]
given c: vector[2]
given W: matrix[3, 2]
let F = -sum(i, b[i] * v[i]) - sum(j, softplus(c[j] + sum(i, W[i, j] * v[i])))
claim diff(F, W[i, j]) = -v[i] * sigmoid(c[j] + sum(l, W[l, j] * v[l]))
claim diff(F, W[i, j]) = -v[j] * sigmoid(c[i] + sum(l, W[l, i] * v[l]))   expect wrong
`)).map((c) => c.steps[0]);
    expect(right.verdict).toBe('proved');
    expect([swapped.verdict, swapped.method]).toEqual(['refuted', 'index ranges compared']);
    expect(swapped.detail.explanation).toContain('the index i runs over 3 in the claim, but this step uses it over 2');
  }, 60_000);
});

describe('a step whose dimensions disagree inside it', () => {
  it('is refuted by its shapes (a missing transpose); a misuse or an ambiguous broadcast stays an error', () => {
    const claims = claimsOf(deriv(`given X: matrix[N, D]
given w: vector[D]
given y: vector[N]
given A: matrix[n, n]
given b: vector[n]
let p = sigmoid(X * w)
let L = -sum(y .* log(p) + (1 - y) .* log(1 - p)) / N
claim grad(L, w) = X * (p - y) / N   expect wrong
claim grad(L, w) = X' * (p - y) / N
claim grad(L, w) = X' * (p - y .* w) / N   expect wrong
claim A * b = A + b
claim grad(L, w) = softmax(3)   expect wrong
`));
    const [missing, right, entrywise, ambiguous, misuse] = claims.map((c) => c.steps[0]);
    expect([missing.verdict, missing.method]).toEqual(['refuted', 'shapes compared']);
    expect(missing.detail.explanation).toBe('matrix product X * (p - y): X is N×D but (p - y) is a vector of length N; the inner dimensions D and N differ: '
      + 'this step has no value where they differ, and the line above has one (a transpose missing or misplaced?)');
    expect(right.verdict).toBe('proved');
    expect(entrywise.verdict).toBe('refuted');
    expect([ambiguous.verdict, ambiguous.detail.diagnostic?.code]).toEqual(['error', 'shape']);
    expect([misuse.verdict, misuse.detail.diagnostic?.code]).toEqual(['error', 'shape']);
  });
});

describe('a step with more entries than an input compares', () => {
  it('compares a sample of them on each input, says so, and still refutes a wrong diagonal', () => {
    const [right, wrong] = claimsOf(deriv(`given x: vector[40]
let s = softmax(x)
claim jacobian(s, x) = diag(s) - s * s'
claim jacobian(s, x) = -s * s'   expect wrong
`), { trials: 10 }).map((c) => c.steps[0]);
    expect(right.verdict).toBe('proved');
    expect(right.method).toContain('(32 of the 1600 entries on each)');
    expect(wrong.verdict).toBe('refuted');
  }, 120_000);

  it('checks a sample of the rows of a large Jacobian along random directions, not every row', () => {
    // Each row is a directional check of 300 entries; all 300 of them on each of 30 inputs took 40 s at n = 1000.
    const [right, wrong] = claimsOf(deriv(`given x: vector[300]
let s = softmax(x)
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[i])   expect wrong
`), { trials: 10 }).map((c) => c.steps[0]);
    expect(right.verdict).toBe('proved');
    expect(right.method).toContain('(32 of the 90000 entries on each)');
    expect(wrong.verdict).toBe('refuted');
  }, 120_000);
});

describe('a sum over an index of vectors or matrices (tenth probe: PRML 4.91 and 4.97)', () => {
  it('is the sum of each entry: the logistic regression gradient and Hessian as PRML writes them', () => {
    expect(verdictsIn(`given Phi: matrix[N, M]
given w: vector[M]
given t: binary[N]
let y[n] = sigmoid(sum(m, w[m] * Phi[n, m]))
let E = -sum(n, t[n] * log(y[n]) + (1 - t[n]) * log(1 - y[n]))
claim grad(E, w) = sum(n, (y[n] - t[n]) * Phi[n, :]')
claim grad(E, w) = sum(n, (t[n] - y[n]) * Phi[n, :]')   expect wrong
claim hessian(E, w) = sum(n, y[n] * (1 - y[n]) * Phi[n, :]' * Phi[n, :])
`)).toEqual(['proved', 'refuted', 'proved']);
  });
});

describe('a vector is a column and its transpose a row (probe 58), but a gradient may be laid out either way (probe 82)', () => {
  it('reads a gradient written as a row, (p - y)\' X (Murphy 10.2) and a\' (MML 5.105), as its entries, and refutes a row against a column elsewhere', () => {
    expect(verdictsIn(`given X: matrix[N, D]
given w: vector[D]
given y: vector[N]
given a: vector[D]
let p = sigmoid(X * w)
let L = -sum(i, y[i] * log(p[i]) + (1 - y[i]) * log(1 - p[i]))
claim grad(L, w) = X' * (p - y)
claim grad(L, w) = (p - y)' * X
claim grad(L, w) = (y - p)' * X   expect wrong
claim grad(L, w) = ((p - y)' * X)'
claim grad(w' * a, w) = a
claim diff(w' * a, w) = a'
claim sigmoid(a')' = sigmoid(a)
claim X' * (p - y) = (p - y)' * X   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  });

  it('reads MML\'s gradient set as a one-row bmatrix as that row, entry by entry (probe 82\'s rerun: refuted on its shape)', () => {
    expect(verdictsIn(String.raw`given \boldsymbol{x}: vector[2]
let f = x_1^2 x_2 + x_1 x_2^3
claim \frac{\mathrm{d}f}{\mathrm{d}\boldsymbol{x}} = \begin{bmatrix} 2x_1x_2 + x_2^3 & x_1^2 + 3x_1x_2^2 \end{bmatrix}
claim \frac{\mathrm{d}f}{\mathrm{d}\boldsymbol{x}} = \begin{bmatrix} x_1^2 + 3x_1x_2^2 & 2x_1x_2 + x_2^3 \end{bmatrix}   expect wrong
claim \begin{bmatrix} 1 & 2 \end{bmatrix} = [1, 2]   expect wrong
`)).toEqual(['proved', 'refuted', 'refuted']);
  });

  it('leaves a keep-dims reduction either way, as numpy\'s 1-D arrays are: db = sum(G, 1) for a bias vector', () => {
    expect(verdictsIn(`given G: matrix[N, C]
given b: vector[C]
given X: matrix[N, C]
let L = sum(G .* (X + b'))
claim grad(L, b) = sum(G, 1)
claim grad(L, b) = sum(G, 1) / N   expect wrong
`)).toEqual(['proved', 'refuted']);
  });
});
