import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.ts';
import { deriv, stepsOf } from '../__test-helpers__/derivations.ts';

const TEXT = deriv(`given x: vector[n]
given a: positive
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(s[i], x[k]) = s[i]*(delta(i,k) + s[k])
claim a * x[k] = a * x[k] + (a > 2) * x[k]
`);

const options = (seed: number) => ({ seed, trials: 20, sizes: [1, 2, 3] });

describe('a run replays exactly from its seed', () => {
  it('the same seed gives identical counterexamples and identical reports', () => {
    const first = checkText(TEXT, 'a.deriv', options(7));
    const second = checkText(TEXT, 'a.deriv', options(7));
    expect(first.seed).toBe(7);
    const a = stepsOf(first);
    const b = stepsOf(second);
    expect(a.map((s) => s.verdict)).toEqual(['refuted', 'refuted']);
    expect(a.map((s) => s.detail.counterexample)).toEqual(b.map((s) => s.detail.counterexample));
    expect(a.map((s) => s.detail.replay)).toEqual(b.map((s) => s.detail.replay));
    expect(first).toEqual(second);
    for (const step of a) expect(step.detail.seed).toBe(7);
  });

  it('a different seed may find a different counterexample, but still refutes', () => {
    for (const seed of [8, 12345, -3]) {
      const steps = stepsOf(checkText(TEXT, 'a.deriv', options(seed)));
      expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted']);
      for (const step of steps) expect(step.detail.seed).toBe(seed);
      // The second claim fails only where a > 2, and a counterexample shows such an a.
      expect(steps[1].detail.counterexample!.inputs.a as number).toBeGreaterThan(2);
    }
  });

  it('without a seed, a random one is chosen and reported', () => {
    const report = checkText(TEXT, 'a.deriv', { trials: 5, sizes: [1] });
    expect(Number.isInteger(report.seed)).toBe(true);
    const replayed = checkText(TEXT, 'a.deriv', { seed: report.seed, trials: 5, sizes: [1] });
    expect(replayed).toEqual(report);
  });
});

describe('proofs do not depend on the seed', () => {
  it('the same true steps are proved for every n, with the same method, whatever the seed (SymPy .equals is not: ANCHORS.md)', () => {
    const text = `derivation "log trick"
given x: vector[n]
given y: onehot[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
let L = -sum(i, y[i] * log(s[i]))
claim diff(log(s[i]), x[k]) = delta(i, k) - s[k]
claim diff(L, x[k]) = s[k] - y[k]
`;
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      const report = checkText(text, 'seeds.deriv', { seed, trials: 10, sizes: [1, 2, 3] });
      const steps = report.files[0].derivations[0].claims.flatMap((c) => c.steps);
      outcomes.add(JSON.stringify(steps.map((s) => [s.verdict, s.proof, s.method])));
    }
    expect(outcomes.size).toBe(1);
    expect([...outcomes][0]).toContain('every-n');
  });
});
