/**
 * Nested sums are proved equal for every n in any order of summation
 * (src/symbolic/nested-sums.ts): backpropagation through two layers sums over
 * the outputs and the hidden units in either order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, checkText, parseDerivation } from '../../src/index.ts';
import { Budget, proveForEveryN } from '../../src/symbolic/index.ts';

const GIVENS = `given A: matrix[n, n]
given B: matrix[n, n]
given C: matrix[n, m]
given u: vector[n]
given v: vector[n]
given w: vector[m]
`;

/** The every-n prover's answer on each claim `lhs = rhs` (no derivatives: the sides are read as written). */
function everyN(claims: readonly string[]): string[] {
  const model = buildModel(parseDerivation(`derivation "t"\n${GIVENS}${claims.map((c) => `claim ${c}\n`).join('')}`, 't.deriv'));
  return model.claims.map((claim) => {
    const step = claim.steps[0];
    if (!claim.head || !step?.term) throw new Error("a claim does not resolve");
    return proveForEveryN(claim.head, step.term, model.inputs, claim.freeIndices, new Budget({ maxTerms: 200_000, deadlineMs: Date.now() + 20_000 })).kind;
  });
}

describe('sums taken in any order', () => {
  it('proves the orders of a bilinear form, a trace of a product and a triple contraction equal', () => {
    expect(everyN([
      'sum(i, u[i] * sum(j, A[i,j] * v[j])) = sum(j, v[j] * sum(i, A[i,j] * u[i]))',
      'sum(i, sum(j, A[i,j])) = sum(i, sum(j, A[j,i]))',
      'sum(i, sum(j, A[i,j] * B[j,i])) = sum(j, sum(i, B[j,i] * A[i,j]))',
      'sum(i, u[i])^2 = sum(i, sum(j, u[i] * u[j]))',
      'sum(i, sum(j, sum(k, A[i,j] * B[j,k] * A[k,i]))) = sum(k, sum(i, sum(j, A[k,i] * A[i,j] * B[j,k])))',
      'sum(i, sum(k, C[i,k] * w[k]) * u[i]) = sum(k, w[k] * sum(i, u[i] * C[i,k]))',
      'sum(i, sum(j, A[i,j] * v[j])^2) = sum(i, sum(j, sum(k, A[i,j] * A[i,k] * v[j] * v[k])))',
      'sum(i, u[i] * sum(j, A[i,j] * v[j])) = u\' * A * v',
    ])).toEqual(Array(8).fill('proved'));
  });

  it('does not prove a transposed factor, a contraction on the wrong index or a lost square', () => {
    expect(everyN([
      'sum(i, u[i] * sum(j, A[i,j] * v[j])) = sum(j, v[j] * sum(i, A[j,i] * u[i]))',
      'sum(i, sum(j, A[i,j] * B[j,i])) = sum(i, sum(j, A[i,j] * B[i,j]))',
      'sum(i, u[i] * sum(j, u[j])) = sum(i, u[i]^2)',
      'sum(i, sum(j, sum(k, A[i,j] * B[j,k] * A[k,i]))) = sum(k, sum(i, sum(j, A[k,i] * A[j,i] * B[j,k])))',
      'sum(i, sum(j, A[i,j] * v[j])^2) = sum(i, sum(j, sum(k, A[i,j] * A[i,k] * v[j] * v[j])))',
    ])).toEqual(Array(5).fill('not-proved'));
  });

  it('proves backpropagation through two tanh layers for every n, in the order the books sum', () => {
    const report = checkText(`derivation "two-layer tanh network, squared error (PRML 5.3.2)"
given x: vector[D]
given W1: matrix[H, D]
given c1: vector[H]
given W2: matrix[K, H]
given c2: vector[K]
given t: vector[K]
let z[j] = sum(d, W1[j, d] * x[d]) + c1[j]
let h[j] = tanh(z[j])
let o[k] = sum(j, W2[k, j] * h[j]) + c2[k]
let E = sum(k, (o[k] - t[k])^2) / 2
claim diff(E, x[q]) = sum(j, (1 - h[j]^2) * W1[j, q] * sum(k, W2[k, j] * (o[k] - t[k])))
claim diff(E, x[q]) = sum(j, (1 + h[j]^2) * W1[j, q] * sum(k, W2[k, j] * (o[k] - t[k])))   expect wrong
claim diff(E, x[q]) = sum(k, (o[k] - t[k]) * sum(j, W2[k, j] * (1 - h[j]^2) * W1[j, q]))
`, 'tanh.deriv', { seed: 1, trials: 10 });
    const steps = report.files[0].derivations[0].claims.map((c) => c.steps[0]);
    expect(steps.map((s) => [s.verdict, s.proof])).toEqual([['proved', 'every-n'], ['refuted', undefined], ['proved', 'every-n']]);
  });
});

/** A contraction over bound indices of one size n: factors of A, B (two indices) and u, v (one). */
interface Factor { readonly name: 'A' | 'B' | 'u' | 'v'; readonly indices: readonly number[] }
const INDEX_NAMES = ['i', 'j', 'k'];

const factorArb = (bounds: number) => fc.oneof(
  fc.record({ name: fc.constantFrom('A' as const, 'B' as const), indices: fc.tuple(fc.nat(bounds - 1), fc.nat(bounds - 1)) }),
  fc.record({ name: fc.constantFrom('u' as const, 'v' as const), indices: fc.tuple(fc.nat(bounds - 1)) }),
);
const contractionArb: fc.Arbitrary<{ bounds: number; factors: Factor[] }> = fc.integer({ min: 1, max: 3 }).chain((bounds) => fc.record({
  bounds: fc.constant(bounds),
  factors: fc.array(factorArb(bounds), { minLength: 1, maxLength: 4 }),
})).filter(({ bounds, factors }) => Array.from({ length: bounds }, (_, b) => factors.some((f) => f.indices.includes(b))).every(Boolean));

/** The contraction as nested sums in `order`, each factor at the outermost level that binds all its indices. */
function written(bounds: number, factors: readonly Factor[], order: readonly number[]): string {
  const level = (f: Factor) => Math.max(...f.indices.map((b) => order.indexOf(b)));
  const text = (f: Factor) => `${f.name}[${f.indices.map((b) => INDEX_NAMES[b]).join(', ')}]`;
  let inner = '';
  for (let p = bounds - 1; p >= 0; p--) {
    const here = factors.filter((f) => level(f) === p).map(text);
    const body = [...here, ...(inner === '' ? [] : [inner])].join(' * ');
    inner = `sum(${INDEX_NAMES[order[p]]}, ${body})`;
  }
  return inner;
}

/** Its value at n = 3 on the given entries. */
function value(bounds: number, factors: readonly Factor[], entries: Record<string, number[]>): number {
  let total = 0;
  const at = new Array<number>(bounds).fill(0);
  const visit = (b: number): void => {
    if (b === bounds) {
      total += factors.reduce((p, f) => p * (f.indices.length === 2 ? entries[f.name][3 * at[f.indices[0]] + at[f.indices[1]]] : entries[f.name][at[f.indices[0]]]), 1);
      return;
    }
    for (let x = 0; x < 3; x++) { at[b] = x; visit(b + 1); }
  };
  visit(0);
  return total;
}

const permutationArb = (bounds: number) => fc.shuffledSubarray(Array.from({ length: bounds }, (_, b) => b), { minLength: bounds, maxLength: bounds });

describe('nested sums, for all contractions', () => {
  it('the same contraction written in two orders of summation is proved equal', () => {
    fc.assert(fc.property(
      contractionArb.chain((c) => fc.tuple(fc.constant(c), permutationArb(c.bounds), permutationArb(c.bounds))),
      ([{ bounds, factors }, first, second]) => {
        const claim = `${written(bounds, factors, first)} = ${written(bounds, factors, second)}`;
        expect(everyN([claim]), claim).toEqual(['proved']);
      },
    ), { numRuns: 60, seed: 11 });
  });

  it('two contractions are proved equal only where their values agree (n = 3, integer entries)', () => {
    const entriesArb = fc.record({
      A: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 9, maxLength: 9 }),
      B: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 9, maxLength: 9 }),
      u: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
      v: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
    });
    // The right side is another contraction, or the left one with a factor's indices reversed or its name
    // changed (often a different value, sometimes the same: A[i, j] u[i] u[j] with A's indices reversed).
    const mutated = (c: { bounds: number; factors: Factor[] }) => fc.nat(c.factors.length - 1).chain((at) => fc.boolean().map((reverse) => ({
      bounds: c.bounds,
      factors: c.factors.map((f, i) => (i !== at ? f
        : reverse ? { ...f, indices: [...f.indices].reverse() } : { ...f, name: ({ A: 'B', B: 'A', u: 'v', v: 'u' } as const)[f.name] })),
    })));
    const pair = contractionArb.chain((left) => fc.tuple(fc.constant(left), fc.oneof(contractionArb, mutated(left))));
    fc.assert(fc.property(
      pair.chain(([left, right]) => fc.tuple(fc.constant(left), fc.constant(right), permutationArb(left.bounds), permutationArb(right.bounds))),
      fc.array(entriesArb, { minLength: 3, maxLength: 3 }),
      ([left, right, leftOrder, rightOrder], samples) => {
        const claim = `${written(left.bounds, left.factors, leftOrder)} = ${written(right.bounds, right.factors, rightOrder)}`;
        if (everyN([claim])[0] !== 'proved') return;
        for (const entries of samples) expect(value(left.bounds, left.factors, entries), claim).toBe(value(right.bounds, right.factors, entries));
      },
    ), { numRuns: 150, seed: 12 });
  });
});
