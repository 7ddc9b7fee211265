/**
 * Inputs that made an engine fault or ran out of memory (probe 25): each must end in a
 * verdict or in an error that says what limit it met, never in an internal error.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, stepsIn, stepsOf } from '../__test-helpers__/derivations.ts';

/** Functions that call the one before twice at each level: f5(x) = x copies x 2^32 times, past the inlining limit. */
const DOUBLING = `given x: real
let f0(t) = t + t
let f1(t) = f0(f0(t))
let f2(t) = f1(f1(t))
let f3(t) = f2(f2(t))
let f4(t) = f3(f3(t))
let f5(t) = f4(f4(t))
claim f5(x) = x
`;

describe('faults and limits', () => {
  it('a defined function that calls the one before it twice at each level meets the inlining limit, not the heap', () => {
    const [step] = stepsIn(DOUBLING);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toMatch(/passes 250000 term nodes for the derivation/);
  }, 60_000);

  it('gives each derivation its own inlining budget: one that spends its own leaves the next one\'s verdicts as they are alone (probe 93)', () => {
    const heron = `derivation "Heron"
given a: positive
let y_0 = a
let y_{k+1} = (y_k + a / y_k) / 2
claim y_3 > sqrt(a)   expect wrong
claim y_3 >= sqrt(a)
`;
    // Functions that double at each level (a Newton recurrence of constants alone is folded to its numbers now,
    // model/constant-lets.ts, and copies nothing).
    const newton = `derivation "doubling far past its budget"\n${DOUBLING}`;
    const [spent, ...after] = stepsOf(checkReport(newton + '\n' + heron));
    expect(spent.verdict).toBe('error');
    expect(spent.detail.diagnostic?.message).toMatch(/passes 250000 term nodes for the derivation/);
    expect(after.map((s) => s.verdict)).toEqual(['refuted', 'verified']);
  }, 120_000);

  it('spends nothing of the budget on an inlining it refuses: the claims after one past it keep their verdicts (probe 102)', () => {
    // Functions that double at each level (Fibonacci's F[30] of constants alone is folded to its numbers now).
    const steps = stepsIn(`${DOUBLING}claim f1(x) = 4 * x
claim f1(x) = 3 * x   expect wrong
`);
    expect(steps.map((s) => s.verdict)).toEqual(['error', 'proved', 'refuted']);
    expect(steps[0].detail.diagnostic?.message).toMatch(/passes 250000 term nodes for the derivation/);
  }, 60_000);

  it('0 to a whole power past 2^53 is 0, not an internal error', () => {
    const [step] = stepsIn(`given x: vector[N]
let mu = mean(x)
claim sum((x - mu) / sqrt(mean((x - mu) .^ 1e16) + 1)) = 0
`);
    expect(step.detail.engineFault).toBeUndefined();
    expect(step.verdict).toBe('verified');
  }, 60_000);

  it('a true identity the concrete engine cannot simplify is proved for every n, not a fault', () => {
    const [step] = stepsIn(`given v: vector[N]
claim sin(atan(2 * sqrt(mean(v .^ 2) + 1)))^2 + cos(atan(2 * sqrt(mean(v .^ 2) + 1)))^2 = 1
`);
    expect(step.verdict).toBe('proved');
  }, 60_000);
});

describe('the library refuses options it cannot honour, by name', () => {
  it('sizes, trials, seed and jobs out of their ranges; a derive target of neither form', async () => {
    const { checkText, derive } = await import('../../src/index.ts');
    const text = 'derivation "a"\ngiven x: vector[n]\nclaim sum(x) = sum(i, x[i])\n';
    expect(() => checkText(text, 'a.deriv', { sizes: [1.5] })).toThrow('sizes must be whole numbers from 1 to 10000, got 1.5');
    expect(() => checkText(text, 'a.deriv', { sizes: [0] })).toThrow('got 0');
    expect(() => checkText(text, 'a.deriv', { sizes: [] })).toThrow('sizes must be a non-empty list');
    expect(() => checkText(text, 'a.deriv', { trials: 0 })).toThrow('trials must be a whole number from 1 to 1000000, got 0');
    expect(() => checkText(text, 'a.deriv', { seed: 0.5 })).toThrow('seed must be a 32-bit integer, got 0.5');
    expect(() => derive(text, { expression: null } as never)).toThrow(TypeError);
  });

  it('options, callbacks, a budget and paths of the wrong type, by name, not a TypeError from inside (probe 67)', async () => {
    const { checkFiles, checkText } = await import('../../src/index.ts');
    const text = 'derivation "a"\ngiven x: real\nclaim 2 * x = x + x\n';
    expect(() => checkText(text, 'a.deriv', null as never)).toThrow('options must be an object, got null');
    expect(() => checkText(text, 'a.deriv', { onStep: 42 } as never)).toThrow('onStep must be a function, got number');
    expect(() => checkText(text, 'a.deriv', { budget: 'x' } as never)).toThrow('budget must be an object, got string');
    expect(() => checkText(text, 'a.deriv', { budget: { maxTerms: -1 } })).toThrow('budget.maxTerms must be a number >= 0, got -1');
    // A string was walked letter by letter, '/' first: the whole file system.
    expect(() => checkFiles('derivations/' as never)).toThrow('paths must be an array of file or folder paths, got a string: write checkFiles(["derivations/"])');
    expect(() => checkFiles(null as never)).toThrow('got null');
  });
});

describe('work limits of a step, counted rather than timed', () => {
  it('refuses sums nested past what one evaluation may read, at the step, with what to write', () => {
    const [step] = stepsIn(`given x: vector[1000]
claim sum(i, sum(j, sum(k, x[i] * x[j] * x[k]))) = sum(x)^3
`);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic).toMatchObject({ code: 'limit' });
    expect(step.detail.diagnostic?.message).toMatch(/^one evaluation of this step reads about 1\.0e\+9 terms, past the 50,000,000/);
  });

  it('draws fewer trials of inputs with a hundred thousand entries, and reads none of them in 60 digits', () => {
    // True by relabelling i and j, which the index calculus does not see through max: the numbers are the witness.
    // (trace(A B) = trace(B A), used here before, is now proved: nested sums are read in any order.)
    const [step] = stepsIn(`given A, B: matrix[300, 300]
claim sum(i, sum(j, max(A[i, j], B[j, i]))) = sum(i, sum(j, max(B[i, j], A[j, i])))
`, { trials: 100 });
    expect(step.verdict).toBe('verified');
    expect(step.detail.trials).toBeGreaterThanOrEqual(10);
    expect(step.detail.trials).toBeLessThan(100);
  }, 60_000);
});

describe('the exact engine leaves to the numbers what it cannot write out (probe 24)', () => {
  it('a 4×4 inverse put into a gradient (PRML 3.53) is verified in seconds, not after minutes of expansion', () => {
    const steps = stepsIn(`given Phi: matrix[N, D]
given w: vector[D]
given t: vector[N]
given beta, alpha: positive
claim subs(grad(beta / 2 * norm(t - Phi * w)^2 + alpha / 2 * w^T * w, w), w, beta * inv(alpha * eye(D) + beta * Phi^T * Phi) * Phi^T * t)
  = 0
claim subs(grad(beta / 2 * norm(t - Phi * w)^2 + alpha / 2 * w^T * w, w), w, inv(alpha * eye(D) + beta * Phi^T * Phi) * Phi^T * t)
  = 0   expect wrong
`, { sizes: [1, 2, 3, 4] });
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 120_000);

  it('a difference of tails past 900 digits, first seen at the last precision, is refuted: 700 + log1p(exp(-1400)) is not 700', () => {
    expect(stepsIn(`given a: positive
claim 700 + log1p(exp(-1400)) = 700   expect wrong
claim log(cosh(a + 700)) = a + 700 - log(2)   expect wrong
claim softplus(a + 800) = a + 800 + exp(-a - 800)   expect wrong
`).map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted']);
  }, 120_000);
});

describe('60-digit functions far from 1', () => {
  it('asinh of a tiny or a huge argument is read by its series, not at 400,000 digits (probe 25: minutes and 4 GB)', async () => {
    const { Decimal } = await import('decimal.js');
    const { FUNCTIONS } = await import('../../src/model/index.ts');
    const D = Decimal.clone({ precision: 60 });
    const tiny = new D('1e-200000');
    expect(FUNCTIONS.asinh.precise(D, tiny).div(tiny).minus(1).abs().lt('1e-59')).toBe(true);
    const huge = new D('-1e200000');
    const expected = huge.abs().times(2).ln().neg();
    expect(FUNCTIONS.asinh.precise(D, huge).minus(expected).abs().lt('1e-55')).toBe(true);
    expect(FUNCTIONS.asinh.precise(D, new D(0.5)).minus(new D(0.5).asinh()).abs().lt('1e-58')).toBe(true);
    expect(stepsIn('given y: real\nclaim relu(asinh(phi(1000 * y))) = asinh(phi(1000 * y))\n')[0].verdict).toBe('verified');
  }, 60_000);
});

describe('log of 1 plus a tiny value, in high precision', () => {
  it('reads log(1 + exp(-800 - a)) without cancellation, so a tail dropped past 600 digits is refuted, not an error', () => {
    expect(stepsIn(`given a: positive
claim log(1 + exp(-800 - a)) = exp(-800 - a) - exp(-1600 - 2 * a) / 2   expect wrong
claim log(1 + exp(-800 - a)) = log1p(exp(-800 - a))
claim (1 + 1e-300)^(1e300) = exp(1)   expect wrong
`).map((s) => s.verdict)).toEqual(['refuted', 'proved', 'refuted']);
  }, 120_000);

  it('reads log(c + a + b) as log(c) + log1p((a + b) / c), not log1p(a b / c) (probe 27: every exact point past an end pi + 1e-10 had no value)', async () => {
    const { evaluateHighPrecision } = await import('../../src/symbolic/high-precision.ts');
    const { add, fn, num } = await import('../../src/model/index.ts');
    const input = (name: string) => ({ k: 'input' as const, ref: { name, indices: [] } });
    const value = evaluateHighPrecision(fn('log', add(num(1), input('a'), input('b'))), new Map([['a', 2], ['b', 3]]), 60);
    expect(value.minus(Math.log(6)).abs().lt(1e-15)).toBe(true);
  });
});

describe('exp of a tiny constant in the exact engine (probe 44)', () => {
  it('is no 10^300-th root: sigmoid(1e-300) > 1/2 is decided, not an engine fault, and its slip refuted', () => {
    const steps = stepsIn(`claim sigmoid(1e-300) > 1/2
claim sigmoid(1e-300) - 1/2 < 1e-300 / 4 * (1 - 1e-15)   expect wrong
claim exp(1e-300) > 1
`);
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'refuted', 'verified']);
    expect(steps.every((s) => s.detail.engineFault === undefined)).toBe(true);
  }, 60_000);
});

describe('a bound over many scalar inputs (probe 44)', () => {
  it("reads an LSTM cell's |h| < 1 over 15 inputs: the joint and curve points are cut as they grow, not 3^15 of them", () => {
    const steps = stepsIn(`given xt, hp, cp: real
given wf, uf, bf, wi, ui, bi, wo, uo, bo, wg, ug, bg: real
let fg = sigmoid(wf * xt + uf * hp + bf)
let ig = sigmoid(wi * xt + ui * hp + bi)
let og = sigmoid(wo * xt + uo * hp + bo)
let gg = tanh(wg * xt + ug * hp + bg)
let c = fg * cp + ig * gg
let h = og * tanh(c)
claim abs(h) < 1
claim abs(h) < 1/2   expect wrong
`);
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 120_000);
});

describe('an equality between constants off by less than 960 digits show (probe 44)', () => {
  it('reads a step between constants deeper: tanh(1e-300) cut after four terms of its series is refuted, off by 2e-2702', () => {
    expect(stepsIn(`claim tanh(1e-300) = 1e-300 - 1e-300^3 / 3 + 2 * 1e-300^5 / 15 - 17 * 1e-300^7 / 315   expect wrong
claim log1p(1e-300) = 1e-300 - 1e-600 / 2   expect wrong
`).map((s) => s.verdict)).toEqual(['refuted', 'refuted']);
  }, 60_000);
});

describe('a bound at a tiny argument whose margin only the top digits see (probe 44)', () => {
  it('verifies tanh(1e-300) < 1e-300, a margin of a relative 3e-601 called first at 960 digits and read again past them, and refutes its false twins', () => {
    expect(stepsIn(`claim tanh(1e-300) < 1e-300
claim tanh(1e-300) <= 1e-300 * (1 - 1e-601)
claim sigmoid(1e-300) - 1/2 <= 1e-300 / 4
claim tanh(1e-300) > 1e-300   expect wrong
claim tanh(1e-300) < 1e-300 * (1 - 1e-500)   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified', 'refuted', 'refuted']);
  }, 120_000);
});

describe('a comparison whose sides cancel past the digits is no evidence against the step (probe 42)', () => {
  it('does not refute (exp(x) - 1)/x > 1 + x/2 for x in (1e-200, 1e-100), a margin of x^2/6 the digits read as 0 vs 1 before they resolve it', () => {
    expect(stepsIn(`given x: real in (1e-200, 1e-100)
claim (exp(x) - 1) / x > 1 + x / 2
claim (exp(x) - 1) / x = 1 + x / 2   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 120_000);

  it('refutes a bound whose margin is first seen at the top digits, on a second reading past them (probe 43: softplus(-d) at d = 700, off by 1e-608)', () => {
    expect(stepsIn(`given d: real in (700, 800)
claim softplus(-d) > exp(-d) - exp(-2 * d) / 2
claim softplus(-d) < exp(-d) - exp(-2 * d) / 2   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 120_000);
});

