import { describe, expect, it } from 'vitest';
import { claimsOf, deriv, stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';
import { fineConstantUnseen } from '../../src/symbolic/fine-constants.ts';
import { add, log10Abs, num, type Term } from '../../src/model/index.ts';

const stepsOf = (text: string) => claimsOf(deriv(text)).flatMap((c) => c.steps);

describe('a constant finer than the numbers read', () => {
  it('leaves a step that equals an integral or a limit plus 1e-300 undecided, not verified (probe 49 A3)', () => {
    const steps = stepsOf(`given r: positive
claim limit(x, 0, (sin(x) - x) / x^3) = -1/6 + 1e-300
claim integral(t, 0, 1, log(1 + t) / t) = pi^2 / 12 + 1e-300
claim integral(t, 0, 2 * pi, sqrt((r * sin(t))^2 + (r * cos(t))^2)) = 2 * pi * r + 1e-300
claim integral(u, -Infinity, Infinity, exp(u) / (exp(u) + 1)^2) = 1 + 1e-300
`);
    // The limit's readings at 360 and 720 digits see the 1e-300 (its body's sin is summed by its series at any digits,
    // where decimal.js's own gave out past 500): refuted. The integrals' readings do not: undecided.
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'error', 'error', 'error']);
    for (const s of steps.slice(1)) {
      expect(s.detail.diagnostic?.code).toBe('undecided');
      expect(s.detail.diagnostic?.message).toContain('would agree as well with 1e-300 written as 0');
    }
  });

  it('leaves a fine constant inside an integrand undecided where its move cannot be read, and reads a series deep enough to refute it (probe 86: verified)', () => {
    const steps = stepsOf(String.raw`given t: real
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) = pi^2 / 6
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-300)) = pi^2 / 6
claim sum(k, 1, Infinity, 1 / (k^4 + 1e-70)) = pi^4 / 90
claim integral(t, 0, Infinity, exp(-t) / (1 + 1e-70 * t)) = 1
claim integral(t, 0, 1, sqrt(t + 1e-70)) = 2/3
claim sum(k, 1, Infinity, 1 / (k^2 + 1e-70)) >= pi^2 / 6
claim sum(k, 1, Infinity, 1 / k^2) = pi^2 / 6
claim \int_0^\infty \frac{e^{-t}}{1 + 10^{-70} t} \, dt = 1
`);
    // The series are read in as many digits as the constant needs (model/rational-series-tail.ts) and refuted; the
    // integrals' quadrature has no such digits, and they are undecided. The last: a whole power of a literal is the
    // literal it stands for, 10^{-70} as fine as 1e-70.
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'error', 'error', 'refuted', 'proved', 'error']);
    expect(steps[7].detail.diagnostic?.message).toContain('would agree as well with 1e-70 written as 0');
    expect(steps[3].detail.diagnostic?.message).toContain('would agree as well with 1e-70 written as 0: that constant moves the sides by a relative 1e-70');
  }, 60_000);

  it('verifies a step whose fine constant cancels by algebra, where its slope reads only rounding (probe 86: undecided)', () => {
    expect(stepsOf(`given t: real
claim integral(t, 1, 1 + 1e-15, log(t)) = (1 + 1e-15) * log(1 + 1e-15) - 1e-15
claim integral(t, 1, 1 + 1e-15, log(t)) = (1 + 1e-15) * log(1 + 1e-15) - 1e-15 + 1e-50   expect wrong
`).map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 60_000);

  it('still refutes a slip the 60-digit readings see, and verifies a step whose fine constant cancels', () => {
    // An integral with no closed form here (the dilogarithm's value at -1): 4 / (1 + t^2), which had none, is now read
    // by partial fractions, and its pi + 1e-300 refuted outright (check/integrals.test.ts).
    expect(stepsOf(`claim integral(t, 0, 1, log(1 + t) / t) = pi^2 / 12 + 1e-30
claim integral(t, 0, 1, log(1 + t) / t) = 1.0000000000000000000000000000000000000001 * pi^2 / 12
claim integral(t, 0, 1, log(1 + t) / t) + 1e-300 = pi^2 / 12 + 1e-300
claim integral(t, 0, 1, log(1 + t) / t) = pi^2 / 12
`).map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'verified', 'verified']);
  });

  it('asks of a slip the doubles alone read what 60 digits would: an improper integral they did not settle (probe 48 08-hp:258)', () => {
    const steps = stepsOf(`given p: real in (1, Infinity)
claim integral(x, 1, Infinity, 1 / x^p) = 1 / (p - 1)
claim integral(x, 1, Infinity, 1 / x^p) = 1 / (p - 1) + 1e-30
`);
    expect(steps[0].verdict).not.toBe('refuted');
    expect(['refuted', 'error']).toContain(steps[1].verdict);
  });

  it('reads an integral with no closed form in 60 digits against a decimal of 14 to 17 digits (probe 71 W1)', () => {
    const steps = stepsOf(`claim integral(t, 0, Infinity, exp(-t^(2 + 1e-15) / 2)) = 1.2533141373155
claim integral(t, 0, Infinity, exp(-t^(2 + 1e-15) / 2)) = 1.2533141373155002
claim integral(t, 0, 1, exp(-t^2)) = 0.746824132812427
claim integral(t, 0, 1, exp(-t^3)) = integral(u, 0, 1, exp(-u^3))
`);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'proved']);
    expect(steps[0].method).toContain('60-digit');
  });

  it('finds a constant fine against its simple neighbour, and none where the sides move with it', () => {
    const tiny = num(1n, 10n ** 300n);
    const x: Term = { k: 'input', ref: { name: 'x', indices: [] } };
    const point = new Map([['x', 2]]);
    // pi + 1e-300 against pi: moved by a relative 3e-301.
    const unseen = fineConstantUnseen({ k: "pi" }, add({ k: "pi" }, tiny), point, Math.PI, 1e-40);
    expect(unseen?.constant).toBe('1e-300');
    expect(unseen?.neighbour).toBe('0');
    expect(unseen!.log10Effect).toBeCloseTo(-300.5, 0);
    // Planck's constant times x moves the side with it: seen, however small it is.
    expect(fineConstantUnseen(x, { k: "mul", factors: [num(662607015n, 10n ** 42n), x] }, point, 2, 1e-40)).toBeUndefined();
    // A constant with a small denominator is no fine constant.
    expect(fineConstantUnseen(x, add(x, num(1n, 3n)), point, 2, 1e-40)).toBeUndefined();
    expect(log10Abs({ num: 1n, den: 10n ** 400n })).toBeCloseTo(-400, 9);
  });
});

describe('a decimal literal of more digits than doubles hold (probe 67)', () => {
  it('is read to its last digit: e written to 105 digits, the last one wrong, is refuted, and 1e40 is no fine constant', () => {
    const e105 = '2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742746';
    expect(verdictsIn(`claim sum(k, 0, Infinity, 1/factorial(k)) = ${e105}   expect wrong
claim sin(2 * pi * (3 + 1e-40)) * 1e40 = 2 * sin(pi * (3 + 1e-40)) * cos(pi * (3 + 1e-40)) * 1e40
`)).toEqual(['refuted', 'verified']);
  }, 120_000);
});
describe('constants whose difference is past every reading', () => {
  it('leaves an equality truncated one term early at 1e300 undecided, and says of a constant bound that its order is unresolved (probe 101)', () => {
    const [stirling, digamma, bound] = stepsIn(`claim lgamma(1e300) = (1e300 - 1/2) * log(1e300) - 1e300 + log(2 * pi) / 2 + 1 / (12e300)   expect wrong
claim digamma(1e300) = log(1e300) - 1 / (2e300) - 1 / (12e600)   expect wrong
claim digamma(1e300) > log(1e300) - 1 / (2e300) - 1 / (12e600)
`);
    for (const step of [stirling, digamma]) {
      expect(step.verdict).toBe('error');
      expect(step.detail.diagnostic?.message).toMatch(/a truncated series' next term, would need \d+ digits/);
    }
    expect(bound.verdict).toBe('error');
    expect(bound.detail.diagnostic?.message).toMatch(/^the sides are constants, and no reading of them/);
  }, 120_000);
});

