/**
 * The index calculus proves steps for every n; these are the true steps of the
 * notes, the forms the notes show equal, and the traps of index notation.
 */
import { describe, expect, it } from 'vitest';
import { checkText, type StepResult } from '../../src/index.ts';

const SOFTMAX = `given x: vector[n]
given y: onehot[n]
given g: vector[n]
let S = sum(j, exp(x[j]))
let s[i] = exp(x[i]) / S
let L = -sum(i, y[i] * log(s[i]))
`;

function steps(body: string, options: { trials?: number; budget?: { maxTerms?: number; timeMs?: number } } = {}): StepResult[] {
  const report = checkText(`derivation "t"\n${SOFTMAX}${body}`, 't.deriv', { seed: 1, trials: options.trials ?? 20, sizes: [1, 2, 3], budget: options.budget });
  if (report.files[0].error) throw new Error(report.files[0].error.message);
  return report.files[0].derivations[0].claims.flatMap((c) => c.steps);
}

describe('proved for every n', () => {
  it('the true steps of notes 001 and 004: log trick, delta_ik - s_k, s_i(delta_ik - s_k), s - y, the VJP in both index orders', () => {
    const result = steps(`
claim log(s[i]) = x[i] - log(S)
claim diff(log(s[i]), x[k]) = delta(i, k) - s[k]
claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])
claim diff(L, x[k]) = -sum(i, y[i] * (delta(i, k) - s[k]))
  = -y[k] + s[k] * sum(i, y[i])
  = s[k] - y[k]
claim sum(j, g[j] * diff(s[j], x[i])) = s[i] * (g[i] - sum(j, g[j] * s[j]))
claim sum(j, g[j] * diff(s[i], x[j])) = s[i] * (g[i] - sum(j, g[j] * s[j]))
`);
    expect(result.map((s) => [s.line, s.verdict, s.proof])).toEqual(result.map((s) => [s.line, 'proved', 'every-n']));
    expect(result).toHaveLength(8);
  });

  it('the quotient rule, the log trick and p(1 - p) are proved equal to each other', () => {
    const result = steps(`
claim diff(s[i], x[k])
  = (exp(x[i]) * delta(i, k) * S - exp(x[i]) * exp(x[k])) / S^2   by "quotient rule"
  = s[i] * (delta(i, k) - s[k])                                   by "log trick"
claim diff(s[i], x[i])
  = s[i] * (1 - s[i])                                             by "p(1 - p)"
  = s[i] - s[i]^2
  = exp(x[i]) / S - exp(x[i])^2 / S^2
`);
    expect(result.every((s) => s.verdict === 'proved' && s.proof === 'every-n')).toBe(true);
  });

  it("differentiating with respect to a sum's own index name cannot capture it", () => {
    // j is free in x[j] and bound in the sum: d/dx_j sum_j x_j^2 = 2 x_j, not 2 sum_j x_j.
    const result = steps(`
claim diff(sum(j, x[j]^2), x[j]) = 2 * x[j]
claim diff(sum(j, x[j]^2), x[j]) = 2 * sum(j, x[j])   expect wrong
claim sum(k, diff(sum(k, x[k] * x[k]), x[k])) = 2 * sum(k, x[k])
`);
    expect(result.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
    expect(result[0].proof).toBe('every-n');
  });

  it('a sign error is refuted with an explanation at the index level', () => {
    const [step] = steps('claim diff(s[n], x[n]) = -s[n] * (1 - s[n])');
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toBe('the sides differ by a factor -1 (a sign error)');
  });

  it('a step that needs sum(y) = 1 says so when y is only a vector', () => {
    const [step] = steps('claim -sum(i, g[i] * (delta(i, k) - s[k])) = s[k] - g[k]');
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toMatch(/holds only when sum\(g\) = 1/);
  });
});

describe('explanations in the derivation\'s own names', () => {
  it('a difference folds back into the definitions: s, not exp(x) / sum(exp(x))', () => {
    const [step] = steps('claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[i])');
    expect(step.verdict).toBe('refuted');
    // right where i = k, wrong where they differ: the case is named because it matters
    expect(step.detail.explanation).toBe('where the indices differ: the right side is the left side plus s[i]*s[k] - s[i]^2');
  });

  it('a factor made of sizes is a factor (a batch size divided twice)', () => {
    const [step] = steps('claim sum(j, x[j]) / n = sum(j, x[j]) / n^2');
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toBe('the sides differ by a factor n');
  });
});

describe('the bound indices of an explanation', () => {
  it('never take the name of a free index (tenth probe: sum(j, W2[j, j] ...) for the claim\'s j)', () => {
    const report = checkText(`derivation "t"
given x: vector[n0]
given W1: matrix[n1, n0]
given W2: matrix[n2, n1]
let z1[j] = sum(k, W1[j, k] * x[k])
let z2[j] = sum(k, W2[j, k] * exp(z1[k]))
claim diff(z2[j]^2, z2[j]) = 2 * exp(z2[j])   expect wrong
`, 't.deriv', { seed: 1, trials: 20, sizes: [1, 2, 3] });
    const [step] = report.files[0].derivations[0].claims[0].steps;
    expect(step.verdict).toBe('refuted');
    const why = step.detail.explanation ?? '';
    expect(why).toContain('W2[j, l]');
    expect(why).not.toMatch(/sum\(j,/);
  });
});

describe('budgets', () => {
  it('past its budget the exact engine falls back to the numbers, with a note', () => {
    const [step] = steps('claim diff(s[i], x[k]) = s[i] * (delta(i, k) - s[k])', { budget: { maxTerms: 3 } });
    expect(step.verdict).toBe('verified');
    expect(step.detail.undecided).toMatch(/budget/);
  });

  it('a wrong step past the budget is still refuted, by the numbers', () => {
    const [step] = steps('claim diff(s[i], x[k]) = s[i] * (delta(i, k) + s[k])', { budget: { maxTerms: 3 } });
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample?.foundBy).toMatch(/random inputs/);
  });
});
