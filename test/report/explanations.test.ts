/**
 * Explanations a teacher would write, each kind on the suite's own mistakes
 * (derivations/) and on the binary cross-entropy slip of issue 12: a constant
 * factor, a factor that is an expression, an extra term, a precondition, an
 * index case, a contrast with the right step, and only then a raw difference,
 * cut for the reports and whole in the JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, checkText, toJsonReport, type CheckReport, type StepResult } from '../../src/index.ts';
import { whyOf } from '../../src/report/markdown/index.ts';
import { contrastWithCorrection } from '../../src/report/contrast.ts';
import { cutAtTerm } from '../../src/report/markdown/describe.ts';
import { FAST, onlyStep, deriv, stepsOf } from '../__test-helpers__/derivations.ts';

let suite: CheckReport;
const at = (file: string, line: number): StepResult => {
  const step = stepsOf(suite).find((s, _, all) => s.line === line && suite.files.some((f) => f.path.includes(file) && f.derivations.some((d) => d.claims.some((c) => c.steps.includes(s)))) && all.length > 0);
  if (!step) throw new Error(`no step at ${file}:${line}`);
  return step;
};
const why = (step: StepResult) => whyOf(step)?.text;

beforeAll(() => {
  suite = checkFiles(['derivations/000-softmax-chain-rule.deriv', 'derivations/001-softmax-log-trick.deriv', 'derivations/003-layers-column-major.deriv'], FAST);
}, 120_000);

describe('explanations of the suite\'s mistakes', () => {
  it('a constant factor: the sign error of note 000, the batch size of note 003', () => {
    expect(why(at('000', 57))).toBe('the sides differ by a factor -1 (a sign error)');
    expect(why(at('003', 30))).toBe('the sides differ by a factor B');
    expect(why(at('003', 42))).toBe('the sides differ by a factor 1 / B');
  });

  it('an extra term, in the derivation\'s names (sigma and s, not exp(x) / sum(exp(x)))', () => {
    expect(why(at('000', 89))).toBe('the right side is the left side plus 2*t[n] - 2*t[n]*sigma[n]');
    expect(why(at('001', 89))).toBe('the right side is the left side plus 1 - s[k]');
    expect(why(at('003', 102))).toBe('the right side is the left side plus G[r, c]*X[r, c] - G[r, c]*(X[r, c] > 0)');
  });

  it('an index case: right where i = k, wrong where the indices differ', () => {
    expect(why(at('001', 47))).toBe('where the indices differ: the expression above is 0, but this step is not');
    expect(why(at('001', 50))).toBe('where the indices differ: this step is 0, but the expression above is not');
  });

  it('a contrast with the right step where the engine has only a raw difference', () => {
    expect(at('000', 102).detail.explanation).toMatch(/^lhs - rhs = /);
    expect(why(at('000', 102))).toBe('this step has t[i] where the right step has (-t[i] / sigma[i])');
  });

  it('every refuted step of these notes gets a sentence, but one (listed in the README)', () => {
    const refuted = stepsOf(suite).filter((s) => s.verdict === 'refuted');
    expect(refuted).toHaveLength(11);
    // 001:81 compares values (x[i] == x[k]) where an index delta belongs, and the file gives it no right step to contrast with.
    expect(refuted.filter((s) => why(s)?.startsWith('lhs - rhs')).map((s) => s.line)).toEqual([81]);
  });

  it('the JSON report keeps the whole explanation and adds what the reports show', () => {
    const json = JSON.stringify(toJsonReport(suite));
    expect(json).toContain('"why":"this step has t[i] where the right step has (-t[i] / sigma[i])"');
    expect(json).toContain('"explanation":"lhs - rhs = ');
  });
});

describe('a right step that is the name of a let', () => {
  it('is contrasted through its definition: BP1 and BP2 without their activation derivative', () => {
    const steps = stepsOf(checkFiles(['derivations/008-backprop-four-equations.deriv'], FAST));
    const line = (n: number) => steps.find((s) => s.line === n)!;
    expect(line(28).detail.correction).toMatchObject({ text: 'δ2', definition: "(a2 - y) .* σ'(z2)" });
    expect(why(line(28))).toBe("the right step multiplies this one entry by entry by σ'(z2)");
    expect(why(line(29))).toBe("this step has σ(z2) where the right step has σ'(z2)");
    expect(why(line(39))).toBe("the right step multiplies this one entry by entry by σ'(z1)");
  }, 60_000);
});

describe('a factor that is an expression', () => {
  it('binary cross-entropy: the right side is the left side divided by p * (1 - p)', () => {
    const step = onlyStep(deriv(`given z: real
given y: unit
let p = sigmoid(z)
let L = -(y * log(p) + (1 - y) * log(1 - p))
claim diff(L, z) = (p - y) / (p * (1 - p))   expect wrong
`));
    expect(step.verdict).toBe('refuted');
    expect(why(step)).toBe('the right side is the left side divided by p * (1 - p)');
    expect(whyOf(step)?.parts).toEqual([{ prose: 'the right side is the left side divided by ' }, { math: 'p * (1 - p)' }]);
  });

  it('an added term that is a subterm of the step, with the definition folded back', () => {
    const step = onlyStep(deriv(`given x: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim diff(log(s[i]), x[k]) = delta(i, k) - s[k] + 2 * s[k]   expect wrong
`));
    expect(why(step)).toMatch(/^the right side is the left side plus 2 \* s\[[ik]\]$/);
  });

  it('a precondition the types do not give', () => {
    const step = onlyStep(deriv(`given x: vector[n]
given g: vector[n]
let s[i] = exp(x[i]) / sum(j, exp(x[j]))
claim -sum(i, g[i] * (delta(i, k) - s[k])) = s[k] - g[k]   expect wrong
`));
    expect(why(step)).toMatch(/holds only when sum\(g\) = 1/);
  });
});

describe('the case a wrong step fails in', () => {
  it('is the most general one where some case holds: a forgotten delta fails where the indices differ, not only where i = l', () => {
    const step = onlyStep(deriv(`given W: matrix[H, H]
given h: vector[H]
let a = tanh(W * h)
claim diff(a[i], W[k, l]) = (1 - a[i]^2) * h[l]   expect wrong
`));
    expect(why(step)).toBe('where the indices differ: the expression above is 0, but this step is not');
  });

  it('is the first one where no case holds, named with its difference, which shows the missing term', () => {
    const step = onlyStep(deriv(`given p: vector[n]
let u = p / norm(p)
claim diff(u[i], p[k]) = delta(i, k) / norm(p)   expect wrong
`));
    expect(why(step)).toMatch(/^where i = k: lhs - rhs = -p\[i\]\^2/);
  });
});

describe('roots', () => {
  it('1/sqrt(D) prints as sqrt(D), not exp(log(D)/2)', () => {
    const step = onlyStep(deriv('given x: real\ngiven D: positive\nclaim x / sqrt(D) = x + 1 / sqrt(D)   expect wrong\n'));
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toContain('sqrt(D)');
    expect(step.detail.explanation).not.toContain('exp(log(D)');
  });
});

describe('contrast with the right step, on the texts of notes 002 and 004', () => {
  it.each([
    ["dZ2 * W2", "dZ2 * W2'", "this step has W2 where the right step has W2'"],
    ["dZ2' * A1", "A1' * dZ2", "this step is the transpose of the right step: (A B)' = B' A' reverses the order"],
    ['(-exp(x[1]) * exp(x[1])) / (exp(x[1]) + exp(x[2]) + exp(x[3]))^(-2) + exp(x[1]) / (exp(x[1]) + exp(x[2]) + exp(x[3]))',
      '(-exp(x[1]) * exp(x[1])) / (exp(x[1]) + exp(x[2]) + exp(x[3]))^2 + exp(x[1]) / (exp(x[1]) + exp(x[2]) + exp(x[3]))',
      'this step has ^(-2) where the right step has ^2: a sign'],
    ['-p1_first^2 + p1_first', '-p1^2 + p1', 'this step uses p1_first where the right step uses p1'],
    ['p1_first * (1 - p1_first)', '-p1^2 + p1', 'this step uses p1_first where the right step uses p1'],
    ['dS * K', 'dS * K / sqrtD', 'the right step divides this one by sqrtD'],
  ])('%s against %s', (wrong, right, expected) => {
    expect(contrastWithCorrection(wrong, right)).toBe(expected);
  });

  it('says nothing when the steps differ everywhere', () => {
    expect(contrastWithCorrection('a + b', 'c * d')).toBeUndefined();
  });
});

describe('a raw difference in the reports', () => {
  it('is cut after a whole term, with where the rest is', () => {
    const long = `lhs - rhs = ${Array.from({ length: 40 }, (_, i) => `x${i}*y${i}`).join(' + ')}`;
    const cut = cutAtTerm(long, 160);
    expect(cut).toMatch(/^lhs - rhs = x0\*y0 \+ .*x\d+\*y\d+ … \(\d+ more characters; the full difference is in --json\)$/);
    expect(cut.indexOf(' …')).toBeLessThanOrEqual(160);
  });

  it('keeps at least its first term, however long, rather than cut inside "lhs - rhs" (thirteenth probe)', () => {
    const long = `lhs - rhs = ${'7'.repeat(300)}*x + y`;
    const cut = cutAtTerm(long, 160);
    expect(cut.startsWith(`lhs - rhs = ${'7'.repeat(140)}`)).toBe(true);
    expect(cut).toMatch(/ … \(\d+ more characters; the full difference is in --json\)$/);
  });
});

describe('a constant of a thousand digits', () => {
  it('is shown in scientific notation, exact where it is and to six digits where not (from the seventh probe)', () => {
    const [added, factor] = stepsOf(checkText(deriv('given x: real\nclaim x^2 + 1 = x^2 + 1 + 1e-1000   expect wrong\nclaim exp(x) = exp(x) * (1 + 1e-300)   expect wrong\n'), 'big.deriv', FAST));
    expect(added.detail.explanation).toBe('the sides differ by the constant -1e-1000');
    expect(factor.detail.explanation).toBe('the sides differ by a factor about 1.00000e0');
  });
});

describe('a factor that only rounds to a number (probe 58)', () => {
  it('is said as the constant the sides differ by, where that is exact: 10^400 + 1 against 10^400 differ by 1', () => {
    const [step] = stepsOf(checkText(deriv('claim 10^400 + 1 = 10^400   expect wrong\n'), 'one.deriv', FAST));
    expect(step.verdict).toBe('refuted');
    expect(step.detail.explanation).toBe('the sides differ by the constant 1');
  });
});
