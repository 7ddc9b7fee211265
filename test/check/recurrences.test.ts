/**
 * Definitions by recurrence (Goodfellow 10.2.2's hidden state, h[t] from h[t - 1]):
 * first cases at whole numbers, a step that reads earlier entries, each entry read at
 * a whole number. The thirteenth probe could not write BPTT at all ("unknown name h").
 */
import { describe, expect, it } from 'vitest';
import { stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';

/** An Elman network's hidden state over T steps (Goodfellow 10.2.2), H units, inputs of D. */
const VECTOR_RNN = `given x: matrix[T, D]
given W: matrix[H, H]
given U: matrix[H, D]
let h[0, i] = 0
let h[t, i] = tanh(sum(j, W[i, j] * h[t - 1, j]) + sum(d, U[i, d] * x[t, d]))
`;

describe('recurrences', () => {
  it('unrolls a scalar hidden state and checks BPTT through it, its slips refuted', () => {
    expect(verdictsIn(`given x, y: vector[3]
given w, u: real
let h[0] = 0
let h[t] = tanh(w * h[t - 1] + u * x[t])
let L = sum(t, 1, 3, (h[t] - y[t])^2 / 2)
claim h[1] = tanh(u * x[1])
claim diff(h[2], u) = (1 - h[2]^2) * (x[2] + w * (1 - h[1]^2) * x[1])
claim diff(h[2], u) = (1 - h[2]^2) * (x[2] + w * (1 - h[1]^2) * x[2])   expect wrong
claim diff(h[3], w) = (1 - h[3]^2) * (h[2] + w * diff(h[2], w))
claim diff(h[3], w) = (1 - h[3]^2) * (h[2] + diff(h[2], w))   expect wrong
claim diff(L, u) = sum(t, 1, 3, (h[t] - y[t]) * diff(h[t], u))
claim diff(L, u) = sum(t, 1, 3, (h[t] - y[t]) * (1 - h[t]^2) * x[t])   expect wrong
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('proves the vector recurrence of the gradient with respect to W for every size, and refutes a transposed W', () => {
    expect(verdictsIn(`${VECTOR_RNN}claim diff(h[3, i], W[a, b]) = (1 - h[3, i]^2) * (delta(i, a) * h[2, b] + sum(j, W[i, j] * diff(h[2, j], W[a, b])))
claim diff(h[3, i], W[a, b]) = (1 - h[3, i]^2) * (delta(i, a) * h[2, b] + sum(j, W[j, i] * diff(h[2, j], W[a, b])))   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);

  it('takes several first cases, and reads each entry once however often the step does', () => {
    expect(verdictsIn(`given a, b: real
let F[1] = 1
let F[2] = 1
let F[t] = F[t - 1] + F[t - 2]
let G[1] = a
let G[2] = b
let G[t] = G[t - 1] * G[t - 2]
claim F[10] = 55
claim F[10] = 56   expect wrong
claim G[6] = a^3 * b^5
claim G[6] = a^5 * b^3   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('says what is wrong: no first case, a later entry read, before the first case, at a symbol, past the limit, a derivative by an entry', () => {
    const [noFirst, later, before, symbol, alone, far, byEntry] = stepsIn(`given x: vector[n]
let a[t] = a[t - 1] + x[t]
let b[1] = x[1]
let b[t] = b[t + 1] + x[t]
let c[1] = x[1]
let c[t] = c[t - 1] * x[t]
claim a[2] = 0
claim b[2] = 0
claim c[0] = 0
claim c[n] = 0
claim c = 0
claim c[500] = 0
claim diff(c[2]^2, c[2]) = 2 * c[2]
`);
    expect(noFirst.detail.diagnostic?.message).toContain('a is read in its own definition');
    expect(noFirst.detail.diagnostic?.hint).toContain('let a[0] = 0');
    expect(later.detail.diagnostic?.message).toContain('the step of b reads b[3] at t = 2: not an earlier entry');
    expect(before.detail.diagnostic?.message).toContain('c[0] comes before the first case c[1] of the recurrence');
    expect(symbol.detail.diagnostic?.message).toContain('c is defined by a recurrence, so it is read at a whole number, not at n');
    expect(alone.detail.diagnostic?.message).toContain('c is defined by a recurrence: write one entry at a whole number');
    expect(far.detail.diagnostic).toMatchObject({ code: 'limit', message: expect.stringContaining('c[500] is 499 steps past the first cases of c, more than 100') });
    expect(byEntry.detail.diagnostic?.message).toContain('c is defined by a recurrence: a derivative with respect to one of its entries is not offered');
  }, 60_000);
});

describe('a derivative whose order is a sum\'s index', () => {
  it('writes the sum out at each size: the general Leibniz rule and Taylor polynomials, their slips refuted', () => {
    expect(verdictsIn(`given f, g: function
given x, a: real
given n: size
claim diff(f(x) * g(x), x, n) = sum(k, 0, n, binomial(n, k) * diff(f(x), x, k) * diff(g(x), x, n - k))
claim diff(f(x) * g(x), x, n) = sum(k, 0, n, diff(f(x), x, k) * diff(g(x), x, n - k))   expect wrong
claim sum(k, 0, n, subs(diff(exp(x), x, k), x, a) / factorial(k) * (x - a)^k) = exp(a) * sum(k, 0, n, (x - a)^k / factorial(k))
claim sum(k, 0, 3, subs(diff(sin(x), x, k), x, 0) / factorial(k) * x^k) = x - x^3 / 6
claim sum(k, 0, 3, subs(diff(sin(x), x, k), x, 0) / factorial(k) * x^k) = x + x^3 / 6   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted']);
  }, 60_000);

  it('keeps an indexed variable a variable (diff(F, x[k], x[k])), and refuses an order in an infinite sum with what to write', () => {
    const [mixed, series] = stepsIn(`given x: vector[m]
given t, a: real
claim sum(k, diff(sum(j, x[j]^2), x[k], x[k])) = 2 * m
claim sum(k, 0, Infinity, subs(diff(exp(t), t, k), t, a) / factorial(k) * (t - a)^k) = exp(t)
`);
    expect(mixed.verdict).toBe('proved');
    expect(series.detail.diagnostic?.message).toContain('the index k of an infinite sum cannot be the order of a derivative');
  }, 60_000);
});

describe('a recurrence that reads a let, differentiated with respect to that let', () => {
  it('builds its entries again with the let as an input: diff(h[2], z) is not 0 (it was proved 0)', () => {
    expect(verdictsIn(`given x: vector[3]
given w: real
let z = w * x[1]
let h[0] = 0
let h[t] = tanh(z * h[t - 1] + x[t])
let L = h[2]^2
claim diff(h[2], z) = 0   expect wrong
claim diff(h[2], z) = (1 - h[2]^2) * h[1]
claim grad(L, z) = 2 * h[2] * (1 - h[2]^2) * h[1]
claim diff(h[2], w) = (1 - h[2]^2) * h[1] * x[1]
`)).toEqual(['refuted', 'proved', 'proved', 'proved']);
  }, 60_000);
});

describe('a deep vector recurrence (hostile input)', () => {
  it('is checked without building sum atoms whose names double at each level: h[60, i] against itself, a slip at h[30]', () => {
    expect(verdictsIn(`${VECTOR_RNN}claim h[60, i] = h[60, i]
claim sum(i, h[30, i]) = 0   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 60_000);
});

describe('a recurrence as numerical texts print it: x_0, then x_{k+1} = ... x_k ... (probe 53)', () => {
  it("reads Newton's method and gradient descent, their entries written x_2, and refutes a slip", () => {
    expect(verdictsIn(`given a: real in (0, 1)
let x_0 = 1
let x_{k+1} = x_k - (x_k^2 - 2) / (2 x_k)
let w_0 = 1
let w_{t+1} = w_t - a * 2 * w_t
claim x_2 = 17/12
claim x[3] = 577/408
claim x_2 = 17/13
claim w_3 = (1 - 2 a)^3
claim w_3 = (1 - 2 a)^2
`)).toEqual(['proved', 'proved', 'refuted', 'proved', 'refuted']);
  }, 60_000);

  it('folds an entry of constants to its exact number: Newton to x_12 and Fibonacci to F[90] (probe 102: refused past the inlining budget)', () => {
    // Each entry reads the one before three times: copied, x_12 would have 3^12 copies of x_0.
    expect(verdictsIn(`let x_0 = 1
let x_{k+1} = x_k - (x_k^2 - 2) / (2 x_k)
let F[1] = 1
let F[2] = 1
let F[t] = F[t - 1] + F[t - 2]
claim x_12^2 - 2 > 0
claim x_12 < x_11
claim F[30] = 832040
claim F[30] = 832039
claim F[12]^2 - F[11] * F[13] = -1
claim F[90]^2 - F[89] * F[91] = 1
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved', 'refuted']);
    // An entry that reads an input is not a number: it is still copied, and refused past the budget with what to do.
    const [deep] = stepsIn(`given a: positive
let y_0 = a
let y_{k+1} = y_k - (y_k^2 - a) / (2 y_k)
claim y_14 > 0
`);
    expect(deep.verdict).toBe('error');
    expect(deep.detail.diagnostic?.message).toMatch(/passes 250000 term nodes/);
  }, 60_000);

  it("reads Nesterov's a_{k+1} = (1 + sqrt(1 + 4 a_k^2)) / 2 to a_30 (probe 103: an engine fault, a string past V8's longest)", () => {
    // a_30 = 16.7003897860880635...; a_20 = 11.57...
    expect(verdictsIn(`let a[0] = 1
let a[t] = (1 + sqrt(1 + 4 * a[t - 1]^2)) / 2
claim a[30] <= 16
claim a[30] <= 16.71
claim a[20] >= (20 + 2) / 2
`)).toEqual(['refuted', 'proved', 'proved']);
  }, 60_000);

  it('refuses a step written ahead with no first case, saying what to write', () => {
    const messages = stepsIn('let s_{k+1} = 2\nclaim s_1 = 2\n').map((st) => st.detail.diagnostic?.message ?? '');
    expect(messages).toContain("k + 1 is the count of a recurrence's step, and s has no first case");
  });
});
