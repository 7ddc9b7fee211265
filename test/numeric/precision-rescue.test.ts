/**
 * The numeric engine never concludes from a lost double: under- and overflow
 * and comparisons too close to call are flagged, such inputs are re-evaluated in
 * 60 digits, error bounds are never NaN, and the domain rule is asymmetric (the
 * step must have a value wherever the line above has one).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { mul, num, pow } from '../../src/model/index.ts';
import { claimsOf, deriv, stepsIn } from '../__test-helpers__/derivations.ts';

const Deep = Decimal.clone({ precision: 120 });
import { eliminateDiff } from '../../src/symbolic/index.ts';
import { argumentError, argumentsError } from '../../src/numeric/compile.ts';
import {
  checkStepNumerically, compileTerm, compilePreciseSide, evaluatePrecise, IndexSlots, layoutInputs, newState,
  preciseEvaluator, type NumericStep,
} from '../../src/numeric/index.ts';

function step(body: string): NumericStep {
  const model = buildModel(parseDerivation(`derivation "t"\n${body}\n`));
  const c = model.claims[0];
  return { lhs: c.head!, rhs: c.steps[0].term!, inputs: model.inputs, freeIndices: c.freeIndices };
}

const OPTIONS = { trials: 100, seed: 1, sizes: [new Map<string, number>()] };
const SIZES = { trials: 30, seed: 1, sizes: [1, 2, 3].map((n) => new Map([['n', n]])) };

/** Evaluates the head of a one-scalar claim in doubles at t. */
function evaluateAt(body: string, t: number) {
  const s = step(body);
  const layout = layoutInputs(s.inputs, new Map());
  const slots = new IndexSlots();
  const compiled = compileTerm(s.lhs, layout, slots);
  const state = newState(layout, slots);
  state.values[0] = t;
  state.epoch++;
  state.needsPrecision = false;
  const value = compiled(state);
  return { value, error: state.error, needsPrecision: state.needsPrecision, precise: () => {
    const side = compilePreciseSide(s.lhs, layout, slots, preciseEvaluator());
    return evaluatePrecise(side, state);
  } };
}

describe('the evaluation state flags a lost double', () => {
  it.each([
    ['exp(-800 * t) underflows to 0', 'given t: real\nclaim exp(-800 * t) = 0', 1],
    ['exp(800 * t) overflows', 'given t: real\nclaim exp(800 * t) = 0', 1],
    ['t * 1e-200 * 1e-200 underflows', 'given t: real\nclaim t * 1e-200 * 1e-200 = 0', 3],
    ['a subnormal result', 'given t: real\nclaim t * 1e-310 = 0', 3],
    ['the literal 1e-400 is 0 as a double', 'given t: real\nclaim t + 1e-400 = 0', 3],
    ['t against the double nearest 1/3 is too close to call', 'given t: real\nclaim (t > 1/3) = 0', 1 / 3],
    ['sigmoid(-800) is 0 as a double', 'given t: real\nclaim sigmoid(-800 * t) = 0', 1],
  ])('%s', (_, body, t) => {
    expect(evaluateAt(body, t).needsPrecision).toBe(true);
  });

  it.each([
    ['exp(t) at moderate t', 'given t: real\nclaim exp(t) = 0', 3],
    ['an exact tie of an input and an integer', 'given t: real\nclaim (t < 5) = 0', 5],
    ['relu below its kink is exactly 0', 'given t: real\nclaim relu(t - 5) = 0', 1],
    ['0 times anything finite', 'given t: real\nclaim 0 * t + t * 0 = 0', 0],
  ])('not for %s', (_, body, t) => {
    expect(evaluateAt(body, t).needsPrecision).toBe(false);
  });

  it('60 digits hold what doubles lose: exp(1000) / exp(999) = e, 1e-400 is not 0', () => {
    const e = evaluateAt('given t: real\nclaim exp(1000 * t) / exp(999 * t) = 0', 1).precise();
    expect(e && e !== 'unsettled' && e.value.toNumber()).toBeCloseTo(Math.E, 14);
    const tiny = evaluateAt('given t: real\nclaim t * 1e-400 = 0', 1).precise();
    expect(tiny && tiny !== 'unsettled' && tiny.value.toString()).toBe('1e-400');
  });

  it('the 60-digit error bound sees a cancellation below 60 digits: 1 - (1 - 1e-348) is not settled as 0', () => {
    const v = evaluateAt('given t: real\nclaim 1 - exp(-800 * t) / (1 + exp(-800 * t)) - 1 / (1 + exp(-800 * t)) = 0', 1).precise();
    if (v && v !== 'unsettled') expect(v.error.gte(v.value.abs())).toBe(true);
  });
});

describe('the 60-digit bound of a function next to its singularity (probe 35)', () => {
  // The argument, rounded to a double for the slope, lands on the singularity or far from it: log1p at
  // -1 + 3.5e-57 was read at -1 (no slope), then over a step of 1e-50 past it, and the bound came out 1e5 too small.
  it.each([
    ['log1p(-sigmoid(t)) at t = 130, its argument 3.5e-57 from -1', 'given t: real\nclaim log1p(-sigmoid(t)) = 0', 130, (t: Decimal) => t.neg().exp().plus(1).ln().neg().minus(t)],
    ['log(1 - sigmoid(t)) at t = 130 (read as log1p)', 'given t: real\nclaim log(1 - sigmoid(t)) = 0', 130, (t: Decimal) => t.neg().exp().plus(1).ln().neg().minus(t)],
    ['asin(sigmoid(t)) at t = 100, its argument 3.7e-44 from 1', 'given t: real\nclaim asin(sigmoid(t)) = 0', 100, (t: Decimal) => new Deep(1).div(t.neg().exp().plus(1)).asin()],
    ['lgamma(1e-40 t - 3), 1e-40 from its pole at -3', 'given t: real\nclaim lgamma(t * 1e-40 - 3) = 0', 1, undefined],
  ])('%s: the true value is within the bound', (_, body, t, exact) => {
    const v = evaluateAt(body, t).precise();
    if (v === undefined || v === 'unsettled') return;
    if (exact === undefined) { expect(v.error.isFinite()).toBe(true); return; }
    const truth = exact(new Deep(t));
    expect(new Deep(v.value).minus(truth).abs().lte(new Deep(v.error))).toBe(true);
  });

  it('in doubles too: an argument known to less than its distance from a singularity leaves no bound, not a first-order one', () => {
    // log of a difference that cancelled to rounding: 1e-16 known to 2e-16 may be 0 or negative.
    expect(argumentError(Math.log, 1e-16, Math.log(1e-16), 1e16, 2e-16)).toBe(Infinity);
    expect(argumentError(Math.log1p, -1 + 2 ** -52, Math.log1p(-1 + 2 ** -52), 2 ** 52, 2 ** -52)).toBe(Infinity);
    // asin next to 1: the change over the error, above the first-order bound.
    const v = 1 - 1e-12;
    expect(argumentError(Math.asin, v, Math.asin(v), 1 / Math.sqrt(1 - v * v), 1e-12)).toBeGreaterThanOrEqual(Math.PI / 2 - Math.asin(v));
    // A digit-sized error stays first order.
    expect(argumentError(Math.log, 2, Math.log(2), 0.5, 4e-16)).toBe(0.5 * 4e-16);
    // Several arguments: atan2 with y known to less than its distance from the negative x-axis may be pi or -pi.
    const atan2 = (y: number, x: number) => Math.atan2(y, x);
    expect(argumentsError(atan2, [1e-17, -1], [1e-16, 0], atan2(1e-17, -1), 1e-16)).toBeGreaterThan(6);
    expect(argumentsError(atan2, [1, 1], [1e-16, 1e-16], atan2(1, 1), 1e-16)).toBeLessThan(1e-15);
    // A step the exact engine proves is not refuted by the numbers (it was an engine fault: -36 against -80).
    const steps = stepsIn('given x: real in (1, 4)\nclaim log((1 + x) - x - 1 + exp(-80)) = -80');
    expect(steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('a two-logit softmax whose small class cancels past 60 digits is proved, not an engine fault, at the seed that showed it (probe 35)', () => {
    const steps = stepsIn(`given a: real in (140, 200)
given b: real
claim log(1 - exp(a) / (exp(a) + exp(b))) = b - a - log1p(exp(b - a))
claim log(1 - exp(b) / (exp(a) + exp(b))) = -log1p(exp(b - a))`, { seed: 2, trials: 100 });
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
  });

  it('the stable binary cross-entropy with logits is not refuted where 1 - sigmoid(a) cancels 57 digits', () => {
    const steps = stepsIn('given a: real in (128, 140)\nclaim -log(1 - sigmoid(a)) = max(a, 0) + log(1 + exp(-abs(a)))\nclaim -log(1 - sigmoid(a)) = a + log(1 + exp(-a))');
    for (const s of steps) expect(s.verdict === 'proved' || s.verdict === 'verified').toBe(true);
  });
});

describe('error bounds are never NaN', () => {
  it.each([
    ['(t^2)^(1/2) at 0', 'given t: real\nclaim (t^2)^(1/2) = 0', 0],
    ['abs(t)^(3/2) at 0', 'given t: real\nclaim abs(t)^(3/2) = 0', 0],
    ['sqrt(abs(t))^3 at 0', 'given t: real\nclaim sqrt(abs(t))^3 = 0', 0],
    ['exp(800 t) * exp(-800 t) at 1', 'given t: real\nclaim exp(800*t) * exp(-800*t) = 0', 1],
    ['sigmoid(300 t) at -2.4', 'given t: real\nclaim sigmoid(300*t) * (sin(t)^2 + cos(t)^2) = 0', -2.4],
  ])('%s', (_, body, t) => {
    expect(Number.isNaN(evaluateAt(body, t).error)).toBe(false);
  });

  it('for random products and powers of extreme values', () => {
    const extreme = fc.oneof(fc.constantFrom(0, -0, 1e-320, -1e-320, 1e300, -1e300, 1, -1), fc.double({ noNaN: true }));
    fc.assert(fc.property(extreme, fc.constantFrom('t^(1/2)', '(t^2)^(1/2)', 't * 1e300 * 1e-300', 'exp(t) * exp(-t)', 'sqrt(abs(t)) * t', 'log(abs(t)) * t', '1 / t * t', 'sigmoid(t) * t'),
      (t, expression) => {
        expect(Number.isNaN(evaluateAt(`given t: real\nclaim ${expression} = 0`, t).error)).toBe(false);
      }), { seed: 8, numRuns: 300 });
  });
});

describe('the domain rule: a step holds wherever the line above has a value', () => {
  it('exp(log(x)) = x holds for x: real (where log(x) has no value, the step is free)', () => {
    expect(checkStepNumerically(step('given x: real\nclaim exp(log(x)) = x'), OPTIONS).kind).toBe('agree');
  });

  it('x = exp(log(x)) is refuted at a simple x <= 0, where the step has no value', () => {
    const outcome = checkStepNumerically(step('given x: real\nclaim x = exp(log(x))'), OPTIONS);
    expect(outcome.kind).toBe('counterexample');
    if (outcome.kind !== 'counterexample') return;
    const x = outcome.example.inputs.x[0];
    expect([0, -1, -0.5, -2]).toContain(x);
    expect(outcome.example.lhs).toBe(x);
    expect(Number.isNaN(outcome.example.rhs)).toBe(true);
  });

  it('t / t = 1 and t^2 / t = t hold (at t = 0 the line above has no value)', () => {
    expect(checkStepNumerically(step('given t: real\nclaim t / t = 1'), OPTIONS).kind).toBe('agree');
    expect(checkStepNumerically(step('given t: real\nclaim t^2 / t = t'), OPTIONS).kind).toBe('agree');
  });

  it('(t > 0) + (t < 0) = 1 is refuted at t = 0', () => {
    const outcome = checkStepNumerically(step('given t: real\nclaim (t > 0) + (t < 0) = 1'), OPTIONS);
    expect(outcome.kind).toBe('counterexample');
    if (outcome.kind === 'counterexample') expect(outcome.example.inputs.t).toEqual([0]);
  });

  it('0/0 = 5 is no-domain: the line above has no value anywhere (the term built as written, unfolded)', () => {
    const five = step('given t: real\nclaim t = 5');
    const outcome = checkStepNumerically({ ...five, lhs: mul(pow(num(0), num(-1)), { k: 'add', terms: [num(0), num(0)] }) }, OPTIONS);
    expect(outcome.kind).toBe('no-domain');
    const sameOutcome = checkStepNumerically(step('given t: real\nclaim (t - t) / (t - t) = 5'), OPTIONS);
    expect(sameOutcome.kind).toBe('no-domain');
  });

  it('1 / cos(asin(x)) = 1 / sqrt(1 - x^2) holds: at x = 1 the line above is 1 / 6e-17 in doubles, a zero lost to rounding', () => {
    expect(checkStepNumerically(step('given x: real\nclaim 1 / cos(asin(x)) = 1 / sqrt(1 - x^2)'), OPTIONS).kind).toBe('agree');
    // A pole the doubles see as a value is no excuse for a wrong step elsewhere.
    expect(checkStepNumerically(step('given x: real\nclaim 1 / cos(asin(x)) = 1 / sqrt(1 - x^3)'), OPTIONS).kind).toBe('counterexample');
  });

  it('sum(i, (x[i] / r)^2) = 1 holds: at x = 0 the line above has no value', () => {
    const outcome = checkStepNumerically(step('given x: vector[n]\nlet r = sqrt(sum(j, x[j]^2))\nclaim sum(i, (x[i] / r)^2) = 1'), SIZES);
    expect(outcome.kind).toBe('agree');
  });
});

describe('a steep function is tried where it turns, 1 / c for its constant c', () => {
  it('the numbers alone refute a perturbed constant of tanh(1e8 x) and sigmoid(1e6 x), visible only near 1e-8 and 1e-6', () => {
    // As the check gives them: the diff-free forms let a saturated side be read in 60 digits.
    const withPrecise = (s: NumericStep): NumericStep => ({ ...s, preciseLhs: eliminateDiff(s.lhs), preciseRhs: eliminateDiff(s.rhs) });
    const tanh = checkStepNumerically(withPrecise(step('given x: real\nclaim diff(tanh(1e8 * x)^2, x) = 2.000002e8 * tanh(1e8 * x) * (1 - tanh(1e8 * x)^2)')), OPTIONS);
    expect(tanh.kind).toBe('counterexample');
    const sigmoid = checkStepNumerically(withPrecise(step('given x: real\nclaim diff(sigmoid(1e6 * x), x) = 1e6 * sigmoid(1e6 * x) * (1 - sigmoid(1.0001e6 * x))')), OPTIONS);
    expect(sigmoid.kind).toBe('counterexample');
    expect(checkStepNumerically(withPrecise(step('given x: real\nclaim diff(tanh(1e8 * x)^2, x) = 2e8 * tanh(1e8 * x) * (1 - tanh(1e8 * x)^2)')), OPTIONS).kind).toBe('agree');
  });

  it('the exact engine confirms a difference at the step\'s own constant: log(exp(1e3) + exp(x)) is not 1e3 + exp(x - 1e3)', () => {
    // Below x = 1e3 the sides differ by about exp(2 (x - 1e3)), far beyond 60 digits; at x = 1e3 by 1 - log 2.
    const [step] = claimsOf(deriv('given x: real\nclaim log(exp(1e3) + exp(x)) = 1e3 + exp(x - 1e3)   expect wrong\n'), { seed: 1, trials: 20 }).map((c) => c.steps[0]);
    expect(step.verdict).toBe('refuted');
    expect(step.detail.counterexample?.inputs).toEqual({ x: 1000 });
    expect(claimsOf(deriv('given x: real\nclaim log(exp(1e3) + exp(x)) = 1e3 + log1p(exp(x - 1e3))\n'), { seed: 1, trials: 20 })[0].steps[0].verdict).toBe('proved');
  });

  it('the exact engine confirms such a difference at the turning scale, not only at 0 and 1', () => {
    const steps = claimsOf(deriv(`given x: real
claim diff(tanh(1e8 * x)^2, x) = 2e8 * tanh(1e8 * x) * (1 - tanh(1e8 * x)^2)
claim diff(tanh(1e8 * x)^2, x) = 2.000002e8 * tanh(1e8 * x) * (1 - tanh(1e8 * x)^2)   expect wrong
claim diff(tanh(1e8 * x)^2, x) = 2e8 * tanh(1e8 * x) * (1 - tanh(1.000001e8 * x)^2)   expect wrong
claim diff(sigmoid(1e6 * x), x) = 1e6 * sigmoid(1e6 * x) * (1 - sigmoid(1.0001e6 * x))   expect wrong
`), { seed: 1, trials: 20 }).map((c) => c.steps[0]);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'refuted', 'refuted']);
  });
});

describe('true identities where doubles fail are never refuted by the numbers', () => {
  it.each([
    ['sigmoid(300 t) (sin^2 + cos^2) = 1 / (1 + exp(-300 t))', 'given t: real\nclaim sigmoid(300*t) * (sin(t)^2 + cos(t)^2) = 1/(1 + exp(-300*t))'],
    ['exp(800 t) exp(-800 t) = 1', 'given t: real\nclaim exp(800*t) * exp(-800*t) = 1'],
    ['exp(1000) / exp(999) = e', 'claim exp(1000) / exp(999) = e'],
    ['exp(t + 1000) = exp(t) exp(1000)', 'given t: real\nclaim exp(t + 1000) = exp(t) * exp(1000)'],
    ['log(exp(800 t)) = 800 t', 'given t: real\nclaim log(exp(800*t)) = 800*t'],
    ['(t^2)^(1/2) = abs(t)', 'given t: real\nclaim (t^2)^(1/2) = abs(t)'],
    ['abs(t)^(3/2) = sqrt(abs(t))^3', 'given t: real\nclaim abs(t)^(3/2) = sqrt(abs(t))^3'],
    ['log(t^2) = 2 log(abs(t))', 'given t: real\nclaim log(t^2) = 2 * log(abs(t))'],
    ['the Gaussian log-density', 'given x, mu: real\ngiven sigma: positive\nclaim log(exp(-(x - mu)^2 / (2 * sigma^2)) / sqrt(2 * pi * sigma^2)) = -(x - mu)^2 / (2 * sigma^2) - log(sqrt(2 * pi * sigma^2))'],
    // softplus(-800) is 3.7e-348: its 60-digit form was ln(1 + e^-800), which is 0 to any digits kept.
    ['log1p(exp(t)) = softplus(t) at t = -800', 'claim log1p(exp(-800)) = softplus(-800)'],
    ['log1p(exp(t)) = softplus(t)', 'given t: real\nclaim log1p(exp(t)) = softplus(t)'],
    ['the Gaussian log-density at x = 0, mu = 4, sigma = 0.1 (exp(-800) underflows)', 'claim log(exp(-(0 - 4)^2 / (2 * 0.1^2)) / sqrt(2 * pi * 0.1^2)) = -(0 - 4)^2 / (2 * 0.1^2) - log(sqrt(2 * pi * 0.1^2))'],
  ])('%s', (_, body) => {
    for (const seed of [1, 2, 3]) {
      const outcome = checkStepNumerically(step(body), { ...OPTIONS, seed });
      expect(outcome.kind, `seed ${seed}`).toBe('agree');
    }
  });

  it.each([
    ['the norm gradient diff(r, x[k]) = x[k] / r', 'given x: vector[n]\nlet r = sqrt(sum(j, x[j]^2))\nclaim diff(r, x[k]) = x[k] / r'],
    ['the softmax written with exp(300 x)', 'given x: vector[n]\nclaim exp(300*x[i]) / sum(j, exp(300*x[j])) = 1 / sum(j, exp(300*(x[j] - x[i])))'],
    ['(sum x^2)^(1/2) = sqrt(sum x^2)', 'given x: vector[n]\nclaim (sum(j, x[j]^2))^(1/2) = sqrt(sum(j, x[j]^2))'],
  ])('%s, at n = 1, 2, 3', (_, body) => {
    expect(checkStepNumerically(step(body), SIZES).kind).toBe('agree');
  });
});

describe('a high-precision evaluation that decimal.js cannot finish', () => {
  it('sin(exp(x)) far out leaves the shared 60-digit constructor as it was, and the input unsettled, not the run crawling', async () => {
    const { Decimal } = await import('decimal.js');
    const { FUNCTIONS, preciseValue } = await import('../../src/model/index.ts');
    const D = Decimal.clone({ precision: 60 });
    expect(() => preciseValue(FUNCTIONS.sin, D, [new D(540523).exp()])).toThrow(/DecimalError/);
    expect(D.precision).toBe(60);
  });
});
