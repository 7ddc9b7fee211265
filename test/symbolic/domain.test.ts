/**
 * The exact engines follow the domain rule: a step must hold wherever the line
 * above has a value. A canonical form keeps the conditions under which it has a
 * value (denominators nonzero, log arguments positive, roots of non-negative
 * values), so 0 * log(0) is not 0, and a step whose conditions the line above
 * does not imply is left to the numbers, never proved.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, checkText, parseDerivation } from '../../src/index.ts';
import { hasDiff } from '../../src/model/index.ts';
import { decideStep, eliminateDiff, proveForEveryN, Budget, type EveryNOutcome, type SymbolicOutcome } from '../../src/symbolic/index.ts';

const GIVENS = `given t: real
given x: real
given s: real
given a: real
given p: positive
given b: positive
given mu: real
given sigma: positive
given v: vector[n]
`;

/** What both exact engines say about the one step of `claim`. */
function exact(claim: string): { everyN: EveryNOutcome; concrete: SymbolicOutcome } {
  const model = buildModel(parseDerivation(`derivation "t"\n${GIVENS}${claim}\n`, 'domain.deriv'));
  const [c] = model.claims;
  const lhs = eliminateDiff(c.head!);
  const rhs = eliminateDiff(c.steps[0].term!);
  const almostEverywhere = hasDiff(c.head!) || hasDiff(c.steps[0].term!);
  const sizes = [1, 2, 3].map((n) => new Map([['n', n]]));
  return {
    everyN: proveForEveryN(lhs, rhs, model.inputs, c.freeIndices, new Budget({ maxTerms: 2_000_000 }), [], almostEverywhere),
    concrete: decideStep({ lhs, rhs, inputs: model.inputs, freeIndices: c.freeIndices, almostEverywhere }, sizes),
  };
}

const proved = (claim: string) => {
  const { everyN, concrete } = exact(claim);
  expect(everyN.kind, claim).toBe('proved');
  expect(concrete.kind, claim).toBe('equal');
};

describe('an expression with no value is not zero', () => {
  it.each(['0/0 = 0', '0 * log(0) = 0', '0 * sqrt(-1) = 0', '0/0 = 5', 't * log(0) = 0', '(t - t) / (x - x) = 1'])('%s: the line above has no value anywhere', (claim) => {
    const { everyN, concrete } = exact(`claim ${claim}`);
    expect(everyN.kind).toBe('not-proved');
    expect(concrete.kind).toBe('no-domain');
  });

  it('5 = 0/0: the step has no value where the line above has one: refuted, confirmed at a point', () => {
    const { everyN, concrete } = exact('claim 5 = 0/0');
    expect(everyN.kind).toBe('not-proved');
    expect(concrete.kind).toBe('different');
    if (concrete.kind === 'different') expect(concrete.confirmed?.rhs).toBe('undefined');
  });
});

describe('the domain rule: the step must have a value wherever the line above has one', () => {
  it.each([
    't / t = 1', 't^2 / t = t', 'exp(log(x)) = x', 'exp(log(p)) = p', 'log(x^2) = log(x^2) + 0',
    'x / (x * t) = 1 / t', 'sum(j, delta(j, k) * log(v[j])) = log(v[k])',
  ])('%s is proved', (claim) => proved(`claim ${claim}`));

  it.each(['x = exp(log(x))', '1 = t / t', 't = t^2 / t', 'sqrt(x)^2 = sqrt(x)^2 + log(x) - log(x)', 'log(v[k]) = sum(j, delta(j, k) * log(v[j]))'])(
    '%s is refuted where the condition the step needs and the line above does not give fails', (claim) => {
      const { everyN, concrete } = exact(`claim ${claim}`);
      expect(everyN.kind).toBe('not-proved');
      expect(concrete.kind).toBe('different');
      if (concrete.kind === 'different') {
        expect(concrete.explanation).toMatch(/^the step has no value at .* = -?\d+(\/\d+)?, where the line above is .* \(it needs .*\)$/);
        expect(concrete.confirmed?.rhs).toBe('undefined');
      }
    });

  it.each(['1 / (1 - t) * 1 / (1 - t) = 1 / (1 - t)^2', '1 / (t + x)^3 = (1 / (t + x))^3', 'log(p) / (1 - p) / (1 - p) = log(p) / (p^2 - 2 * p + 1)'])(
    '%s is proved: a power of a denominator is nonzero where the denominator is', (claim) => {
      const { concrete } = exact(`claim ${claim}`);
      expect(concrete.kind, claim).toBe('equal');
    });

  it('a power of a denominator is not any multiple of it: 1 / (1 - t) does not give 1 - t^2 != 0, which fails at t = -1', () => {
    const { concrete } = exact('claim 1 / (1 - t) = (1 + t) / (1 - t^2)');
    expect(concrete).toMatchObject({ kind: 'different', explanation: expect.stringMatching(/no value at t = -1, .*\(it needs t\^2 - 1 != 0\)$/) });
  });

  it('solves a condition at an irrational root exactly: x^2 - 2 != 0 fails at x = 2^(1/2) (nineteenth probe)', () => {
    const { concrete } = exact('claim 1 = (x^2 - 2) / (x^2 - 2)');
    expect(concrete).toMatchObject({ kind: 'different', explanation: expect.stringMatching(/no value at x = 2\^\(1\/2\), .*\(it needs x\^2 - 2 != 0\)$/) });
  });

  it('leaves a condition it cannot solve for to the numbers: x^5 - x - 1 != 0', () => {
    const { concrete } = exact('claim 1 = (x^5 - x - 1) / (x^5 - x - 1)');
    expect(concrete.kind).toBe('undecided');
  });
});

describe('radicals and rational powers, for every value', () => {
  it.each([
    'sqrt(s)^2 = s', 'sqrt(s)^3 = s^(3/2)', 'sqrt(p^2) = p', 'log(exp(a) / b) = a - log(b)', 'log(exp(a) / x) = a - log(x)',
    '(t^2)^(1/2) = abs(t)', 'abs(t)^(3/2) = sqrt(abs(t))^3', '(sum(j, v[j]^2))^(1/2) = sqrt(sum(j, v[j]^2))',
    '(1 + sqrt(s))^2 = 1 + 2 * sqrt(s) + s', 'sqrt(4 * t^2) = 2 * abs(t)', 'log(t^2) = 2 * log(abs(t))', 'log(abs(t)) = log(t^2) / 2',
  ])('%s is proved', (claim) => proved(`claim ${claim}`));

  it.each(['sqrt(t^2) = t', 'sqrt(s)^2 = abs(s)', 'sqrt(p^2) = -p'])('%s is not proved', (claim) => {
    const { everyN, concrete } = exact(`claim ${claim}`);
    expect(everyN.kind).toBe('not-proved');
    expect(concrete.kind).not.toBe('equal');
  });

  it('the gradient of the Euclidean norm and the L2-normalisation Jacobian are proved for every n', () => {
    proved('let r = sqrt(sum(j, v[j]^2))\nclaim diff(r, v[k]) = v[k] / r');
    proved('let r = sqrt(sum(j, v[j]^2))\nlet u[i] = v[i] / r\nclaim diff(u[i], v[k]) = (delta(i, k) - u[i] * u[k]) / r');
    proved('let r = sqrt(sum(j, v[j]^2))\nclaim sum(i, (v[i] / r)^2) = 1');
  });

  it('the gradient of cosine similarity is proved for every n', () => {
    proved(`given w: vector[n]
let r = sqrt(sum(j, v[j]^2))
let c = sum(j, v[j] * w[j]) / (sqrt(sum(j, v[j]^2)) * sqrt(sum(j, w[j]^2)))
claim diff(c, v[k]) = w[k] / (r * sqrt(sum(j, w[j]^2))) - c * v[k] / r^2`);
  });
});

describe('comparisons are exact outside derivatives', () => {
  it.each(['(t > 1/3) + (t < 1/3) = 1', '(t >= 1/3) = (t > 1/3)', '(t > 0) + (t < 0) = 1', 'relu(t) = t * (t >= 0) + 1'])(
    '%s is refuted at the tie, found exactly', (claim) => {
      const { everyN, concrete } = exact(`claim ${claim}`);
      expect(everyN.kind).toBe('not-proved');
      expect(concrete.kind).toBe('different');
      if (concrete.kind === 'different') expect(concrete.confirmed).toBeDefined();
    });

  it('the tie point of t > 1/3 is t = 1/3', () => {
    const { concrete } = exact('claim (t > 1/3) + (t < 1/3) = 1');
    if (concrete.kind !== 'different') throw new Error('expected a difference');
    expect(concrete.confirmed?.point.t).toBeCloseTo(1 / 3, 15);
  });

  it.each([
    '(t > 1/3) + (t < 1/3) + (t == 1/3) = 1', '(t >= 0) = 1 - (t < 0)', '(t >= 0) * (t > 0) = (t > 0)',
    'relu(t) - relu(-t) = t', 'max(t, a) = -min(-t, -a)', 'abs(t) = t * sign(t)', 'relu(t) = t * (t >= 0)',
  ])('%s is proved, ties included', (claim) => proved(`claim ${claim}`));

  it('inside a derivative the kink does not count: relu\' may be written with >= or >', () => {
    proved('claim diff(relu(t), t) = (t >= 0)');
    proved('claim diff(abs(t), t) = 2 * (t > 0) - 1');
  });
});

describe('steps where doubles overflow or underflow are exact here', () => {
  it.each([
    'log(exp(-(x - mu)^2 / (2 * sigma^2)) / sqrt(2 * pi * sigma^2)) = -(x - mu)^2 / (2 * sigma^2) - log(sigma) - log(2 * pi) / 2',
    'exp(1000) / exp(999) = exp(1)', 'exp(t + 1000) = exp(t) * exp(1000)', 'exp(800*t) * exp(-800*t) = 1', 'log(exp(800*t)) = 800*t',
    'exp(300*v[i]) / sum(j, exp(300*v[j])) = 1 / sum(j, exp(300*(v[j] - v[i])))',
  ])('%s is proved', (claim) => proved(`claim ${claim}`));

  it('the concrete engine says the sides have a value everywhere, so numbers that find none overflowed', () => {
    const { concrete } = exact('claim exp(1000) / exp(999) = exp(1)');
    expect(concrete).toMatchObject({ kind: 'equal', unconditional: true });
    expect(exact('claim exp(log(x)) = x').concrete).toMatchObject({ kind: 'equal', unconditional: false });
  });
});

describe('the whole check', () => {
  const verdict = (claim: string) =>
    checkText(`derivation "t"\n${GIVENS}${claim}\n`, 'domain.deriv', { seed: 1, trials: 20, sizes: [1, 2] }).files[0].derivations[0].claims[0].steps[0];

  it.each(['claim 0/0 = 0', 'claim 0 * log(0) = 0', 'claim 0 * sqrt(-1) = 0', 'claim 0/0 = 5'])('%s is an error (no-domain) that names the reason', (claim) => {
    const step = verdict(claim);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.code).toBe('no-domain');
    expect(step.detail.diagnostic?.message).toMatch(/the line above has no value anywhere \((a denominator is 0|a log argument is 0|the base of \^1\/2 is -1)\)/);
  });

  it('exp(1000) / exp(999) = exp(1) is proved though every double overflows, confirmed by the 60-digit re-evaluation', () => {
    const step = verdict('claim exp(1000) / exp(999) = exp(1)');
    expect(step.verdict).toBe('proved');
    // Every input overflowed in double precision and was re-evaluated in 60 digits: that is what confirmed it.
    expect(step.detail.numeric?.rescued).toBeGreaterThan(0);
  });

  it('1e-400 = 0 and t * (1 + 1e-50) = t are refuted, with the digits it took', () => {
    expect(verdict('claim 1e-400 = 0')).toMatchObject({ verdict: 'refuted' });
    const step = verdict('claim t * (1 + 1e-50) = t');
    expect(step.verdict).toBe('refuted');
    // Started above the span of its constants (1e-50 beside 1), it shows at 110 digits.
    expect(step.method).toMatch(/110-digit evaluation/);
  });
});

describe('a switch outside the random range is found', () => {
  it.each([['(t < 5) = 1', 't', 5], ['relu(t - 5) = 0', 't', 6], ['(p > 0.05) = 1', 'p', 0.05], ['(p > 6) = 0', 'p', 7]] as const)(
    '%s is refuted at %s = %s', (claim, name, at) => {
      const { concrete } = exact(`claim ${claim}`);
      if (concrete.kind !== 'different') throw new Error(`expected a difference, got ${concrete.kind}`);
      expect(concrete.confirmed?.point[name]).toBeCloseTo(at, 12);
    });

  it('a point outside the type is never tried: (p > 0) = 1 for a positive p is proved', () => proved('claim (p > 0) = 1'));
});

describe('a difference is confirmed with as many digits as it needs', () => {
  // At least the digits the difference needs to stand out: 1e-320 beside 2 takes more than 340.
  it.each([['1e-400 = 0', 60], ['(t + 2) + 1e-320 = t + 2', 340], ['t * (1 + 1e-50) = t', 70], ['t * (1 + 1e-12) = t', 60]] as const)('%s is refuted', (claim, atLeast) => {
    const { concrete } = exact(`claim ${claim}`);
    expect(concrete.kind).toBe('different');
    if (concrete.kind !== 'different') return;
    expect(concrete.confirmed).toBeDefined();
    expect(concrete.confirmed!.digits).toBeGreaterThanOrEqual(atLeast);
  });

  it('a rounding artifact is not a difference: sin(pi) = 0 is never confirmed', () => {
    const { concrete } = exact('claim sin(pi) = 0');
    if (concrete.kind === 'different') expect(concrete.confirmed).toBeUndefined();
  });
});

describe('a log of a product written out', () => {
  it('splits by the positive arguments of the logs beside it, however the step orders them (probe 76: ELBO + KL = log p(x))', () => {
    const report = checkText(`derivation "ELBO"
given a, b: positive
given q: unit
claim log(a + b - q a - q b) = log(1 - q) + log(a + b)
claim log(a + b - q a - q b) = log(1 + q) + log(a + b)   expect wrong
claim q * log(a / q) + (1 - q) * log(b / (1 - q)) + q * log(q / (a / (a + b))) + (1 - q) * log((1 - q) / (b / (a + b))) = log(a + b)
claim q * log(a / q) + (1 - q) * log(b / (1 - q)) + q * log(q / (a / (a + b))) + (1 - q) * log((1 - q) / (b / (a + b))) = log(a + b) + q   expect wrong
`, 'elbo.deriv', { seed: 1 });
    expect(report.files[0].derivations[0].claims.map((c) => c.steps[0].verdict)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
  });
});
