import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { sizeAssignments } from '../../src/check/sizes.ts';
import { claimsOf, deriv, onlyStep } from '../__test-helpers__/derivations.ts';

describe('sizes: every claim is checked at several sizes of each dimension', () => {
  it('a step that holds for n = 2 only is refuted, with a counterexample at n != 2', () => {
    const step = onlyStep(deriv('given x: vector[n]\nclaim sum(j, x[j]) = x[1] + x[2]\n'));
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample!.sizes.n).not.toBe(2);
    expect(step.detail.counterexample!.sizes.n).toBeGreaterThanOrEqual(2);
  });

  it('the shrunk counterexample is simple: no subnormal numbers', () => {
    const step = onlyStep(deriv('given x: vector[n]\nclaim sum(j, x[j]) = x[1] + x[2]\n'));
    const values = Object.values(step.detail.counterexample!.inputs).flatMap((v) => (Array.isArray(v) ? v : [v as number]));
    for (const v of values) expect(v === 0 || Math.abs(v) >= 2.2250738585072014e-308, `input ${v}`).toBe(true);
  });

  it('a slip in n that vanishes at every default size (1 to 5 and 8) is refuted at a further size (the default list only)', () => {
    const [sum, power, right] = claimsOf(deriv(`given n: size
given x: positive
claim sum(k, 1, n, k) = n * (n + 1) / 2 + (n - 1) * (n - 2) * (n - 3) * (n - 4) * (n - 5) * (n - 8)
claim diff(x^n, x) = n * x^(n - 1) + (n - 1) * (n - 2) * (n - 3) * (n - 4) * (n - 5) * (n - 8) * x
claim diff(x^n, x) = n * x^(n - 1)
`), { sizes: undefined }).map((c) => c.steps[0]);
    expect(sum.verdict).toBe('refuted');
    expect(sum.detail.counterexample!.sizes.n).toBe(6);
    expect(power.verdict).toBe('refuted');
    expect(right.verdict).toBe('proved');
  });

  it('a step that reads no array is also decided at n = 20, 32 and 50: binomial(n - 1, 13) and (n > 13) vanish up to 13 (eighth probe)', () => {
    const steps = claimsOf(deriv(`given n: size
given x: positive
claim sum(k, 1, n, k) = n * (n + 1) / 2 + (n > 13)
claim sum(k, 1, n, k^2) = n * (n + 1) * (2 * n + 1) / 6 + binomial(n - 1, 13)
claim diff(x^n, x) = n * x^(n - 1) + binomial(n - 1, 13) * x
claim sum(k, 1, n, k^2) = n * (n + 1) * (2 * n + 1) / 6
`), { sizes: undefined, trials: 20 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'proved']);
  });

  it('a bound that reads no array is also decided at every n to 128 and decades to 1000: an exponential crosses a power late (probes 86, 90)', () => {
    const steps = claimsOf(deriv(`given n: size
claim 2^n < n^10 + 2
claim 2^n >= n^2 - 1
claim factorial(n) < 10^(2 n)
claim n^10 < 2^n + 10^17
`), { sizes: undefined, trials: 20 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'proved', 'refuted', 'refuted']);
    expect(steps[0].detail.counterexample!.sizes.n).toBe(59);
    // False on a window alone, n = 51 to 58.
    expect(steps[3].detail.counterexample!.sizes.n).toBe(51);
  });

  it('a bound on arrays no engine proved is also tried by the numbers at n = 16 and 100: a constant in place of n (probe 86)', () => {
    const steps = claimsOf(deriv(`given x: vector[n]
claim sum(i, x[i])^2 <= 8 * sum(i, x[i]^2)
claim norm(x, 1) <= 3 * norm(x)
claim logsumexp(x) <= max(x) + 2.1
claim sum(i, x[i])^2 <= n * sum(i, x[i]^2)
claim logsumexp(x) <= max(x) + log(n)
`), { sizes: undefined, trials: 100 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'verified', 'verified']);
    expect(steps[4].detail.sizes.map((z) => z.n)).toEqual(expect.arrayContaining([16, 100]));
  }, 60_000);

  it('where only the numbers decide (a double angle the exact engine does not know), they try the further sizes too', () => {
    const [slip, right] = claimsOf(deriv(`given n: size
given x: real
claim sum(k, 1, n, sin(2 * k * x)) = sum(k, 1, n, 2 * sin(k * x) * cos(k * x)) + (n - 1) * (n - 2) * (n - 3) * (n - 4) * (n - 5) * (n - 8)
claim sum(k, 1, n, sin(2 * k * x)) = sum(k, 1, n, 2 * sin(k * x) * cos(k * x))
`), { sizes: undefined, trials: 20 }).map((c) => c.steps[0]);
    expect(slip.verdict).toBe('refuted');
    expect(slip.detail.counterexample!.sizes.n).toBe(6);
    expect(right.verdict).toBe('verified');
    expect(right.detail.sizes.map((z) => z.n)).toContain(13);
  });

  it('a size compared with a constant is tried there, on both sides of it: delta(m, 7), (m == 70), (m > 100), max(m - 60, 0) (probe 73 W3)', () => {
    const steps = claimsOf(deriv(`given g: vector[m]
claim sum(i, g[i]) * (1 + delta(m, 7)) = sum(i, g[i])
claim sum(i, g[i]) * (1 + (m == 70)) = sum(i, g[i])
claim sum(i, g[i]) * (1 + (m > 100)) = sum(i, g[i])
claim sum(i, g[i]) * (1 + max(m - 60, 0)) = sum(i, g[i])
claim sum(i, g[i]) * (1 + (m > 100) - (m > 100)) = sum(i, g[i])
`), { sizes: undefined, trials: 20 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved']);
    expect(steps.slice(0, 4).map((s) => s.detail.counterexample!.sizes.m)).toEqual([7, 70, 101, 61]);
  });

  it('a label read only as an index is tried with more than one class: labels compared, delta of labels, a one-hot entry (probe 73 W1)', () => {
    const steps = claimsOf(deriv(`given y, p: label[N, C]
given s, t: label[K]
given Y: onehot[N, C]
claim sum(i, (y[i] == p[i])) / N = 1
claim delta(s, t) = 1
claim Y[1, 1] = 1
claim sum(i, delta(y[i], 1)) = N
claim sum(i, (y[i] == y[i])) = N
`), { trials: 20 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved']);
    for (const s of steps.slice(0, 4)) expect(Object.values(s.detail.counterexample!.sizes).some((n) => n >= 2)).toBe(true);
  });

  it('the same step holds at n = 2 when that is the only size tried', () => {
    const step = onlyStep(deriv('given x: vector[n]\nclaim sum(j, x[j]) = x[1] + x[2]\n'), { sizes: [2] });
    expect(step.verdict).toBe('proved');
    expect(step.detail.sizes).toEqual([{ n: 2 }]);
  });

  it('a fixed size vector[2] makes the same step hold', () => {
    const step = onlyStep(deriv('given x: vector[2]\nclaim sum(j, x[j]) = x[1] + x[2]\n'));
    expect(step.verdict).toBe('proved');
  });

  it('a step with the literal index x[3] is never checked at n < 3', () => {
    const proved = onlyStep(deriv('given x: vector[n]\nclaim x[3] * 2 = x[3] + x[3]\n'), { sizes: [1, 2, 3, 4] });
    expect(proved.verdict).toBe('proved');
    expect(proved.detail.sizes.length).toBeGreaterThan(0);
    for (const sizes of proved.detail.sizes) expect(sizes.n).toBeGreaterThanOrEqual(3);
    expect(proved.detail.sizes.map((s) => s.n)).toContain(4);

    const refuted = onlyStep(deriv('given x: vector[n]\nclaim x[3] = x[1]\n'), { sizes: [1, 2] });
    expect(refuted.verdict).toBe('refuted');
    for (const sizes of refuted.detail.sizes) expect(sizes.n).toBeGreaterThanOrEqual(3);
    expect(refuted.detail.counterexample!.sizes.n).toBeGreaterThanOrEqual(3);
  });

  it('the last entry x[n] is checked at every size, n = 1 included', () => {
    const step = onlyStep(deriv('given x: vector[n]\nclaim x[n] * 2 = x[n] + x[n]\n'));
    expect(step.detail.sizes.map((s) => s.n)).toEqual([1, 2, 3]);
  });

  it('sizeAssignments: raised to the smallest size allowed, deduplicated, and unequal sizes tried for two symbols', () => {
    const one = buildModel(parseDerivation(deriv('given x: vector[n]\nclaim x[3] = x[3]\n')));
    expect(sizeAssignments(one.dims, one.claims[0].minSizes, [1, 2, 3, 5]).map((m) => Object.fromEntries(m))).toEqual([{ n: 3 }, { n: 5 }]);
    const two = buildModel(parseDerivation(deriv('given x: vector[n]\ngiven y: vector[m]\nclaim x[1] = x[1]\n')));
    const assignments = sizeAssignments(two.dims, two.claims[0].minSizes, [1, 2]).map((m) => Object.fromEntries(m));
    expect(assignments).toContainEqual({ n: 1, m: 1 });
    expect(assignments).toContainEqual({ n: 2, m: 2 });
    expect(assignments.some((a) => a.n !== a.m)).toBe(true);
    const none = buildModel(parseDerivation(deriv('given x: real\nclaim x = x\n')));
    expect(sizeAssignments(none.dims, none.claims[0].minSizes, [1, 2, 3]).map((m) => m.size)).toEqual([0]);
  });
});

// Regression (was test/KNOWN-FAILING.md):
it('a literal x[3] in one claim does not stop another claim from being checked at n < 3', () => {
  const [withLiteral, other] = claimsOf(deriv('given x: vector[n]\nclaim x[3] = x[3]\nclaim x[1] * (n > 2) = x[1]\n'));
  expect(withLiteral.steps[0].verdict).toBe('proved');
  // false at n = 1 and n = 2, which are valid sizes for this claim
  expect(other.steps[0].verdict).toBe('refuted');
});
