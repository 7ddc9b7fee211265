/**
 * Limits: `limit(h, a, E)` is read by its Laurent series in the exact engine where E is built of
 * arithmetic, exp, sin, cos and unknown functions (symbolic/limit-series.ts), else an atom to it;
 * and read in 60 digits by the numbers (model/precise-limit.ts), at three points ever nearer a. A limit
 * that settles is its value within its last change; one that diverges or whose two
 * sides differ has no value; anything else is no evidence.
 */
import { describe, expect, it } from 'vitest';
import { onlyStep, stepsIn, verdictsIn } from '../__test-helpers__/derivations.ts';
import { preciseLimit } from '../../src/model/index.ts';
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 60 });
const B = Decimal.clone({ precision: 8, rounding: Decimal.ROUND_UP });
const limitOf = (f: (x: Decimal) => Decimal, at: number | undefined, side: -1 | 0 | 1) =>
  preciseLimit((x) => ({ value: f(x), error: new B(0) }), at === undefined ? undefined : new D(at), side, (v) => new D(v), (v) => new B(v));

describe('limits: the 60-digit reading', () => {
  it('settles power and log rates, and bounds the value by the last change', () => {
    const sinc = limitOf((x) => D.sin(x).div(x), 0, 0);
    expect(sinc.kind).toBe('value');
    if (sinc.kind === 'value') {
      expect(sinc.value.minus(1).abs().lte(sinc.error)).toBe(true);
      expect(sinc.error.lt(1e-15)).toBe(true);
    }
    const xlogx = limitOf((x) => x.times(D.ln(x)), 0, 1);
    expect(xlogx.kind === 'value' && xlogx.value.abs().lte(xlogx.error) && xlogx.error.lt(1e-10)).toBe(true);
    // Read with its honest error: 1 + 1/n rounds by 1e-60, and the power multiplies that by n (at 1e80 no digit is left).
    const e = preciseLimit((n) => ({ value: new D(1).plus(new D(1).div(n)).pow(n), error: new B(n.times('1e-59')) }), undefined, 1, (v) => new D(v), (v) => new B(v));
    expect(e.kind === 'value' && e.value.minus(D.exp(1)).abs().lte(e.error)).toBe(true);
  });

  it('has no value where the sides differ or the readings diverge, and is unsettled where they oscillate', () => {
    expect(limitOf((x) => x.abs().div(x), 0, 0).kind).toBe('none');
    expect(limitOf((x) => new D(1).div(x.pow(2)), 0, 0).kind).toBe('none');
    expect(limitOf((x) => D.sqrt(x), 0, -1).kind).toBe('none');
    expect(limitOf((x) => D.sin(new D(1).div(x)), 0, 1).kind).toBe('unsettled');
    expect(limitOf((x) => new D(1).div(D.ln(new D(1).div(x))), 0, 1).kind).toBe('unsettled');
  });
});

describe('limits: the verdicts', () => {
  it("reads Watson's lemma: x times a Laplace integral as x grows, its nodes spread over the integrand's scale 1/x (probe 104: errors)", () => {
    expect(verdictsIn(`claim limit(x, Infinity, x * integral(t, 0, Infinity, exp(-x * t) / (1 + t))) = 1
claim limit(x, Infinity, x * integral(t, 0, Infinity, exp(-x * t) / (1 + t))) = 1/2
claim limit(x, Infinity, x^2 * (integral(t, 0, Infinity, exp(-x * t) / (1 + t)) - 1 / x)) = -1
claim limit(x, Infinity, x^2 * (integral(t, 0, Infinity, exp(-x * t) / (1 + t)) - 1 / x)) = 1
claim limit(x, Infinity, x * integral(t, 0, Infinity, exp(-x * t) * cos(t))) = 1
`)).toEqual(['verified', 'refuted', 'verified', 'refuted', 'verified']);
  }, 120_000);

  it('reads gamma ratios and Mills ratios at infinity through their logs: Stirling, Gamma(x + 1/2) / Gamma(x), x e^(x^2) erfc(x), with their next terms (probe 104: errors)', () => {
    expect(verdictsIn(`claim limit(x, Infinity, gamma(x + 1) / (sqrt(2 * pi * x) * (x / exp(1))^x)) = 1
claim limit(x, Infinity, gamma(x + 1) / (sqrt(pi * x) * (x / exp(1))^x)) = 1
claim limit(x, Infinity, x * (gamma(x + 1) / (sqrt(2 * pi * x) * (x / exp(1))^x) - 1)) = 1/12
claim limit(x, Infinity, x * (gamma(x + 1) / (sqrt(2 * pi * x) * (x / exp(1))^x) - 1)) = 1/24
claim limit(x, Infinity, x * (gamma(x + 1/2) / (gamma(x) * sqrt(x)) - 1)) = -1/8
claim limit(x, Infinity, x * (gamma(x + 1/2) / (gamma(x) * sqrt(x)) - 1)) = 1/8
claim limit(x, Infinity, x * exp(x^2) * erfc(x)) = 1 / sqrt(pi)
claim limit(x, Infinity, x * exp(x^2) * erfc(x)) = 2 / sqrt(pi)
claim limit(x, Infinity, x^2 * (sqrt(pi) * x * exp(x^2) * erfc(x) - 1)) = -1/2
claim limit(x, Infinity, x^2 * (sqrt(pi) * x * exp(x^2) * erfc(x) - 1)) = -1
`)).toEqual(['verified', 'refuted', 'verified', 'refuted', 'verified', 'refuted', 'verified', 'refuted', 'verified', 'refuted']);
  }, 60_000);

  it('toward Infinity, a cube root\'s rate is read at the outer magnitudes (Stewart 4.4 Ex. 3, probe 29); a limit that does not exist stays no value', () => {
    expect(verdictsIn(`claim limit(x, Infinity, log(x) / x^(1/3)) = 0
claim limit(x, Infinity, 3 / x^(1/3)) = 0
claim limit(x, Infinity, log(x) / x^(1/3)) = 1e-9   expect wrong
claim limit(x, Infinity, x^(1/3) * (exp(1 / x^(1/3)) - 1)) = 1
claim limit(x, Infinity, sin(x)) = 0
claim limit(x, Infinity, cos(2 * pi * log(x) / log(10))) = 0   expect wrong
`)).toEqual(['verified', 'verified', 'refuted', 'verified', 'error', 'error']);
    // The last has no limit, and read at 10^k times one factor it reads the same, 0.7198: no value, not refuted (probe 32).
  }, 60_000);

  it('an infinite limit is written = Infinity, the chain of l\'Hospital before it read through sigmoid (Stewart 4.4): the wrong value, the wrong sign refuted', () => {
    const steps = stepsIn(`claim limit(x, Infinity, exp(x) / x^2)
  = limit(x, Infinity, exp(x) / (2 * x))
  = limit(x, Infinity, exp(x) / 2)
  = Infinity
claim limit(x, Infinity, log(x)) = oo
claim limit(x, 0, -1 / x^2) = -Infinity
claim limit(x, Infinity, x / (x + 1)) = Infinity   expect wrong
claim limit(x, 0, 1 / x^2) = -Infinity   expect wrong
claim limit(x, Infinity, 1e12 + 1 / x) = Infinity   expect wrong
claim limit(x, 0, 1 / x) = Infinity
claim limit(x, Infinity, log(x)^10 / x^(1/4)) = Infinity   expect wrong
claim limit(x, 0, x^(1/10) * log(x)^3, right) = -Infinity   expect wrong
`);
    // The last two grow far before they tend to 0 (past x = e^40, below x = e^-30): read out to 10^80 and 10^-80 they do
    // not settle (probe 32: they were verified infinite); their leading order says 0, so the sigmoid tends to 1/2, not 0.
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified', 'refuted', 'refuted', 'refuted', 'error', 'refuted', 'refuted']);
    expect(steps[5].method).toMatch(/each line L read as sigmoid\(-L\)/);
  }, 60_000);

  it('a series written as the limit of its partial sums (Stewart 11.2) is the series, with n undeclared', () => {
    expect(verdictsIn(`given x: real
claim limit(n, Infinity, sum(k, 1, n, 1/2^k)) = 1
claim limit(n, Infinity, sum(k, 0, n, x^k / factorial(k))) = exp(x)
claim limit(n, oo, sum(k, 1, n, 1/k^2)) = pi^2/6
claim limit(n, Infinity, sum(k, 1, n, 1/k^2)) = pi^2/6 + 1e-30   expect wrong
claim limit(n, Infinity, sum(k, 1, n, 1/(k * (k + 1)))) = 1/2   expect wrong
claim sum(k, 1, n, k) = n * (n + 1) / 2
`)).toEqual(['proved', 'proved', 'proved', 'refuted', 'refuted', 'proved']);
    // n is the partial sums' bound in the limits and a size in the last claim (probe 32: it was made a real there).
  });

  it('hold for the books\' limits, with abstract functions, at infinity and from one side', () => {
    expect(verdictsIn(`given x, h, n: real
given a: positive
given f: function
claim limit(x, 0, sin(x) / x) = 1
claim limit(x, 0, (1 - cos(x)) / x^2) = 1/2
claim limit(h, 0, ((x + h)^3 - x^3) / h) = 3 * x^2
claim limit(h, 0, (f(x + h) - f(x)) / h) = f'(x)        by "the definition of the derivative"
claim limit(n, Infinity, (1 + a / n)^n) = exp(a)
claim limit(x, 0, x * log(x), right) = 0
claim limit(x, Infinity, x * exp(-x)) = 0
claim limit(sin(x) / x, x, 0) = 1                        by "SymPy's order"
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'proved', 'verified', 'verified', 'proved']);
  }, 120_000);

  it('refutes a wrong value, even one a millionth off', () => {
    const [off, wrong, derivative] = stepsIn(`given x, h: real
claim limit(x, 0, sin(x) / x) = 0.999999   expect wrong
claim limit(x, 0, (1 - cos(x)) / x^2) = 1   expect wrong
claim limit(h, 0, ((x + h)^3 - x^3) / h) = 3 * x   expect wrong
`);
    expect([off.verdict, wrong.verdict, derivative.verdict]).toEqual(['refuted', 'refuted', 'refuted']);
    expect(wrong.detail.counterexample).toMatchObject({ lhs: '0.5', rhs: '1' });
    // The limit's own variable is bound: the counterexample shows x alone.
    expect(Object.keys(derivative.detail.counterexample!.inputs)).toEqual(['x']);
  }, 120_000);

  it('refutes a value off by far less than doubles see, read nearer the point at more digits by the exact engine', () => {
    expect(verdictsIn(`given x: real
given a: positive
claim limit(h, 0, ((x + h)^2 - x^2) / h) = 2 x + 1e-13   expect wrong
claim limit(h, 0, (sin(x + h) - sin(x)) / h) = cos(x) * (1 + 1e-20)   expect wrong
claim limit(n, Infinity, (1 + a/n)^n) = exp(a) * (1 + 1e-14)   expect wrong
claim limit(u, 0, u * log(u), right) = 1e-14   expect wrong
claim limit(h, 0, ((x + h)^2 - x^2) / h) = 2 x
claim limit(n, Infinity, (1 + a/n)^n) = exp(a)
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved', 'proved']);
  }, 120_000);

  it('reads a limit whose body cancels three times its nearness at more digits: (e^x - 1 - x - x^2/2) / x^3 at 1/6 + 1e-12 (probe 81: verified)', () => {
    expect(verdictsIn(String.raw`given x: real
claim \lim_{x \to 0} \frac{e^x - 1 - x - x^2/2}{x^3} = \frac{1}{6} + 10^{-12}   expect wrong
claim limit(x, 0, (exp(x) - 1 - x - x^2/2) / x^3) = 1/6 + 1e-13   expect wrong
claim limit(x, 0, (exp(x) - 1 - x - x^2/2) / x^3) = 1/6
`)).toEqual(['refuted', 'refuted', 'proved']);
  }, 120_000);

  it('a limit whose readings settle slowly is no witness of a difference: sqrt(u) tends to 0, though every reading is above it', () => {
    // At 60 digits a square root's rate was read again nearer, where the readings of 120 digits start: the same
    // value at both, which the confirmation took for a difference that stays put, and refuted a true step.
    expect(verdictsIn(`claim limit(u, 0, sqrt(u), right) = 0
claim limit(u, 0, sqrt(u) + u, right) = 0
`)).toEqual(['verified', 'verified']);
  }, 60_000);

  it('a limit that does not exist has no value: as the line above an error, as the step refuted', () => {
    const [above, step] = stepsIn(`given x: real
claim limit(x, 0, abs(x) / x) = 1
claim 1 = limit(x, 0, abs(x) / x)
`);
    expect(above.detail.diagnostic?.code).toBe('no-domain');
    expect(step.verdict).toBe('refuted');
  }, 60_000);

  it('the same limit on both sides cancels in the exact engine, whatever its variable', () => {
    expect(onlyStep(`derivation "t"
given x, h, k: real
claim 2 * limit(h, 0, (exp(x + h) - exp(x)) / h) = limit(k, 0, (exp(x + k) - exp(x)) / k) + limit(h, 0, (exp(x + h) - exp(x)) / h)
`).verdict).toBe('proved');
  }, 60_000);

  it('nested eight deep ends at once, unsettled, not after 6^8 readings; two deep is read', () => {
    const [deep, two] = stepsIn(`given x, h1, h2, h3, h4, h5, h6, h7, h8: real
claim limit(h1, 0, limit(h2, 0, limit(h3, 0, limit(h4, 0, limit(h5, 0, limit(h6, 0, limit(h7, 0, limit(h8, 0, sqrt(exp(x + h1 + h2 + h3 + h4 + h5 + h6 + h7 + h8)))))))))) = exp(x / 2)
claim limit(h1, 0, limit(h2, 0, sqrt(exp(x + h1 + h2)) / (1 + h2))) = exp(x / 2)
`);
    // sqrt is no part of the exact engine's series (limit-series.ts): these are the numbers' readings.
    expect(deep.verdict).toBe('error');
    expect(deep.detail.diagnostic?.message).toMatch(/neither double precision nor the high-precision evaluation could settle it/);
    expect(two.verdict).toBe('verified');
    // Read by their series, inner limit first, the exact engine proves both at once.
    expect(verdictsIn(`given x, h1, h2, h3, h4, h5, h6, h7, h8: real
claim limit(h1, 0, limit(h2, 0, limit(h3, 0, limit(h4, 0, limit(h5, 0, limit(h6, 0, limit(h7, 0, limit(h8, 0, exp(x + h1 + h2 + h3 + h4 + h5 + h6 + h7 + h8))))))))) = exp(x)
claim limit(h1, 0, limit(h2, 0, sin(x + h1 + h2) / (1 + h2))) = sin(x)
`)).toEqual(['proved', 'proved']);
  }, 60_000);

  it('takes derivatives under the limit, and says so where the limit point moves with the variable', () => {
    const [under, moving] = stepsIn(`given x, h: real
claim diff(limit(h, 0, ((x + h)^3 - x^3) / h), x) = 6 * x
claim diff(limit(h, x, sin(h) / h), x) = 0
`);
    expect(under.verdict).toBe('verified');
    expect(moving.detail.diagnostic).toMatchObject({ code: 'unsupported', message: 'the point of limit(h, x, sin(h) / h) moves with x, so its derivative in x is not the limit of the derivatives' });
  }, 60_000);

  it('reads a limit at generic points, so a body periodic in powers of ten is not taken as settled, and a square-root rate nearer (probe 23)', () => {
    const [periodic, asStep, root, rootOff] = stepsIn(`given x: real
given u: positive
claim limit(u, Infinity, cos(2 * pi * u)) = 1
claim 1 = limit(u, Infinity, cos(2 * pi * u))
claim limit(x, 0, sqrt(x), right) = 0
claim limit(u, Infinity, 1 / sqrt(u)) = 0.001   expect wrong
`);
    // cos(2 pi u) at u = 1e8, 1e12, 1e16 was 1, 1, 1: "verified". The limit does not exist: no verdict either way.
    expect(periodic.verdict).toBe('error');
    expect(asStep.verdict).not.toBe('verified');
    expect(root.verdict).toBe('verified');
    expect(rootOff.verdict).toBe('refuted');
    // A body constant in h, read with its cancellation's rounding at generic points, is settled, not unsettled.
    expect(verdictsIn(`given x, h: real
claim limit(h, 0, ((x + h)^2 - (x - h)^2) / (2 * h)) = 2 * x
claim limit(h, 0, ((x + h)^2 - (x - h)^2) / (2 * h)) = x   expect wrong
claim limit(h, 0, (sqrt(x^2 + 1 + h) - sqrt(x^2 + 1 - h)) / (2 * h)) = 1 / (2 * sqrt(x^2 + 1))
`)).toEqual(['proved', 'refuted', 'verified']);
  }, 60_000);

  it('reads farther out where a body cancels past the digits near the point: (cos x - 1 + x^2/2) / x^4 (probe 23)', () => {
    expect(verdictsIn(`given x: real
claim limit(x, 0, (cos(x) - 1 + x^2 / 2) / x^4) = 1/24
claim limit(x, 0, (cos(x) - 1 + x^2 / 2) / x^4) = 1/12   expect wrong
claim limit(x, 0, cos(2 * pi / x)) = 1
claim limit(x, 0, (sqrt(1 + x) - 1 - x / 2 + x^2 / 8) / x^3) = 1/16
`)).toEqual(['proved', 'refuted', 'error', 'proved']);
  }, 60_000);

  it('says what is wrong with a limit written badly', () => {
    const messages = stepsIn(`given x: real
given v: vector[n]
claim limit(x, 0) = 1
claim limit(v, 0, v[1]) = 1
claim limit(x, 0, x, up) = 0
claim limit(x, x, x) = 0
`).map((s) => s.detail.diagnostic?.message);
    expect(messages).toEqual([
      'limit takes a variable, the point it tends to and an expression, and a side (right or left) for a one-sided limit; got 2 arguments',
      'the variable of a limit is a scalar real input, and v is a vector[n]',
      'the side of a one-sided limit is right or left, not up',
      'the point a limit tends to cannot read its own variable x',
    ]);
  }, 60_000);
});

describe('a limit approached at a square root\'s rate (probe 45)', () => {
  it('is read near enough that a slip of 1e-13 shows: (exp(sqrt(x)) - 1)/sqrt(x) -> 1 and (1 + sqrt(x))^(1/sqrt(x)) -> e', () => {
    expect(verdictsIn(`claim limit(x, 0, (exp(sqrt(x)) - 1) / sqrt(x), right) = 1
claim limit(x, 0, (exp(sqrt(x)) - 1) / sqrt(x), right) = 1 + 1e-13   expect wrong
claim limit(x, 0, sin(sqrt(x)) / sqrt(x) + sqrt(x), right) = 1 + 1e-13   expect wrong
claim limit(x, 0, (1 + sqrt(x))^(1 / sqrt(x)), right) = e
claim limit(x, 0, (1 + sqrt(x))^(1 / sqrt(x)), right) = e * (1 + 1e-13)   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted', 'verified', 'refuted']);
  }, 60_000);
});


describe('a limit off by a constant finer than the readings, beside an unused function (probe 59)', () => {
  it('is not verified: the readings need only the inputs the step reads, and the leading order says 0 exactly', () => {
    // It was an error (no reading settles 1e-300); x log(x) is of order x |log x| at 0+, so its limit is 0 exactly.
    expect(verdictsIn(`given x: real
given f: function
claim limit(x, 0, x * log(x), right) = 1e-300   expect wrong
`)).toEqual(['refuted']);
  });
});

describe('a limit read from the leading order of its body, where no reading settles it', () => {
  it('is 0 where the order decays, however slowly, and no value where it grows: the step is refuted with the order named', () => {
    expect(verdictsIn(`given a: positive
claim limit(x, Infinity, log(x) / x^(1/10)) = 0
claim limit(x, Infinity, log(x) / x^(1/10)) = 1e-40   expect wrong
claim limit(x, 0, x * log(x)^2, right) = 0
claim limit(x, Infinity, log(x) / x^a) = 0
claim limit(x, Infinity, x^(1/10) / log(x)) = Infinity
claim limit(x, Infinity, x^(1/10) / log(x)) = 0   expect wrong
claim limit(x, 0, 1/x^2) = 5   expect wrong
claim 5 = limit(x, Infinity, x^(1/10) / log(x))   expect wrong
`)).toEqual(['verified', 'refuted', 'verified', 'verified', 'verified', 'refuted', 'refuted', 'refuted']);
    const [step] = stepsIn('claim limit(x, Infinity, x^(1/10) / log(x)) = 0   expect wrong\n');
    expect(step.detail.explanation).toBe('limit(x, Infinity, x^(1 / 10) / log(x)) is Infinity: its body is of order x^0.1 log(x)^-1 as x -> Infinity');
  }, 60_000);

  it('is no value where the two sides of a point grow apart, and left to the readings where the order is not read', () => {
    // 1/x at 0 grows to both infinities: no value, not Infinity; log(log(x)) / log(x) is beyond the leading orders read.
    expect(verdictsIn(`claim limit(x, 0, 1/x) = 3   expect wrong
claim limit(x, Infinity, sin(x) / x) = 0
`)).toEqual(['error', 'verified']);
  }, 60_000);
});

describe("a limit whose body's constants reach past the distances read (probe 67)", () => {
  it('is read at their scale: exp(-1e-200/h) tends to 0 and 1 + (h < 1e-100) to 2, though both read otherwise at 1e-16', () => {
    expect(verdictsIn(`claim limit(h, 0, exp(-1e-200/h), right) = 0
claim limit(h, 0, exp(-1e-200/h), right) = 1   expect wrong
claim limit(h, Infinity, exp(-h/1e200)) = 0
claim limit(h, Infinity, h/(h + 1e100)) = 1
claim limit(h, Infinity, h/(h + 1e100)) = 0   expect wrong
claim limit(h, 0, 1 + (h < 1e-100), right) = 2
claim limit(h, 0, 1 + (h < 1e-100), right) = 1   expect wrong
claim limit(h, 0, atan(1e100 * h), right) = pi/2   expect wrong
`)).toEqual(['verified', 'refuted', 'verified', 'proved', 'refuted', 'verified', 'refuted', 'refuted']);
  }, 120_000);
});

describe('a limit whose last reading overflows the digits\' range (probe 66)', () => {
  it('is no evidence that it diverges: gamma(n + 1)^(1/n) / n tends to 1/e, and the step is not refuted', () => {
    // gamma(1e16) is 10^(1.5e17), past decimal.js: the reading was Infinity, taken for a divergence, and a true step refuted.
    expect(verdictsIn('given n: real\nclaim exp(-1) = limit(n, Infinity, gamma(n + 1)^(1 / n) / n)\n')).not.toContain('refuted');
    expect(verdictsIn('claim limit(n, Infinity, exp(n)^2 / n) = 1   expect wrong\n')).toEqual(['refuted']);
  }, 120_000);
});

describe('an infinite limit read from its leading order (probe 68)', () => {
  it('is verified where the order grows past every reading, and refuted where it decays', () => {
    expect(verdictsIn(`claim limit(x, Infinity, x^(1/1000) / log(x)^5) = Infinity
claim limit(x, Infinity, x^(1/100) / log(x)^10) = Infinity
claim limit(x, Infinity, log(x) / x^(1e-6)) = Infinity   expect wrong
claim limit(x, 0, x^(1/1000) * log(x), right) = -Infinity   expect wrong
`)).toEqual(['verified', 'verified', 'refuted', 'refuted']);
  }, 120_000);
});

describe('a limit whose body drops the part its value stands on (probe 68)', () => {
  it('is no evidence either way: (exp(1e-200 x) - 1) / x tends to 1e-200, and its readings read 0', () => {
    // atan is no part of the exact engine's series (limit-series.ts): the numbers read these.
    expect(verdictsIn(`claim limit(x, 0, (1 - 1 / (1 + atan(1e-200 * x))) / x) = 1e-200
claim limit(x, 0, (1 - 1 / (1 + atan(1e-200 * x))) / x) = 0   expect wrong
`)).toEqual(['error', 'error']);
    // Read by its series, the exact engine settles both: exp's coefficient 1e-200 is exact.
    expect(verdictsIn(`claim limit(x, 0, (exp(1e-200 * x) - 1) / x) = 1e-200
claim limit(x, 0, (exp(1e-200 * x) - 1) / x) = 0   expect wrong
`)).toEqual(['proved', 'refuted']);
  }, 120_000);
});

describe("a limit whose readings pass decimal.js's ln 10 (probe 68)", () => {
  it('is decided, not an engine fault: atan(1e300 x) tends to 0 at 0+', () => {
    expect(verdictsIn('given x: real\nclaim limit(x, 0, atan(1e300 * x), right) = 0\n')).toEqual(['verified']);
  }, 120_000);
});

describe('an infinite limit whose orders do not race past the readings (probe 81)', () => {
  it('is read by the readings: whole powers and exponentials settle there', () => {
    expect(verdictsIn(`claim limit(x, 0, exp(-1/x), left) = Infinity
claim limit(x, 0, exp(1/x) * x^1000, right) = Infinity
claim limit(x, 0, exp(1/x) * x^1000, right) = -Infinity   expect wrong
claim limit(x, Infinity, x^(1/1000) - 1000) = Infinity
`)).toEqual(['verified', 'verified', 'refuted', 'verified']);
    // Whole powers whose constants put the crossover past every reading stay the numbers' (probe 85: refuted, true).
    expect(verdictsIn(`claim limit(x, Infinity, 1e-300 * x^2 - 1e300 * x) = Infinity
claim limit(x, Infinity, x^2/1e300 - 1e300*x) = Infinity
`)).toEqual(['verified', 'verified']);
  }, 120_000);

  it('reads a power of literals as the literal it stands for: 10^{10} sets the scale as 1e10 does (probe 86: an error)', () => {
    expect(verdictsIn(String.raw`claim \lim_{x \to \infty} \left( \sqrt{x^2 + 10^{10} x} - x \right) = 5 \cdot 10^{9}
claim limit(x, Infinity, sqrt(x^2 + 10^10 * x) - x) = 5e9
claim limit(x, Infinity, sqrt(x^2 + 10^10 * x) - x) = 5e9 + 1   expect wrong
`)).toEqual(['verified', 'verified', 'refuted']);
  }, 60_000);

  it('is never verified where an oscillation\'s zeros or a floor\'s jumps recur between the readings', () => {
    const verdicts = verdictsIn(`claim limit(x, Infinity, x^2 * (1 + sin(x))) = Infinity   expect wrong
claim limit(x, Infinity, x^2 * (x - floor(x))) = Infinity   expect wrong
`);
    expect(verdicts).not.toContain('verified');
    expect(verdicts).not.toContain('proved');
  }, 120_000);
});

describe('limits read by their Laurent series in the exact engine (probe 93: errors)', () => {
  it('proves the truncation errors of difference formulas for any smooth f, and refutes slipped constants where 60 digits cannot settle the quotient', () => {
    expect(verdictsIn(`given x, h: real
given f: function
claim limit(h, 0, ((f(x + h) - 2*f(x) + f(x - h)) / h^2 - f''(x)) / h^2) = f''''(x) / 12
claim limit(h, 0, ((f(x + h) - 2*f(x) + f(x - h)) / h^2 - f''(x)) / h^2) = f''''(x) / 24   expect wrong
claim limit(h, 0, ((-3*f(x) + 4*f(x + h) - f(x + 2*h)) / (2*h) - f'(x)) / h^2) = -f'''(x) / 3
claim limit(h, 0, ((-f(x + 2*h) + 16*f(x + h) - 30*f(x) + 16*f(x - h) - f(x - 2*h)) / (12*h^2) - f''(x)) / h^4) = -f''''''(x) / 90
claim limit(h, 0, ((-f(x + 2*h) + 16*f(x + h) - 30*f(x) + 16*f(x - h) - f(x - 2*h)) / (12*h^2) - f''(x)) / h^4) = -f''''''(x) / 180   expect wrong
claim limit(h, 1, (exp(h) - exp(1)) / (h - 1)) = exp(1)
claim limit(h, 0, (sin(3 h) - 3 sin(h)) / h^3) = -4
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'refuted', 'proved', 'proved']);
  }, 120_000);

  it('reads no value from a series with a pole, nor from a part that may have none (its form could hide where)', () => {
    const [pole, logPart, atLog] = stepsIn(`given x, h: real
given a: positive
claim limit(h, 0, cos(h) / h) = 0   expect wrong
claim limit(h, 0, log(x) * sin(h) / h) = log(x)
claim limit(h, log(a), exp(h)) = a
`);
    expect(pole.verdict).not.toBe('proved');
    expect(pole.verdict).not.toBe('verified');
    // log(x) has no value for x <= 0, and neither has the limit: left to the numbers, which see that.
    expect(logPart.verdict).toBe('verified');
    expect(atLog.verdict).not.toBe('refuted');
  }, 120_000);
});

describe('limits toward an infinity read by their series in 1 / h (probe 98: an error after minutes)', () => {
  it('proves Euler\'s method\'s error constant and the books\' limits at infinity, and refutes their slips', () => {
    expect(verdictsIn(`given a: positive
given x: real
claim limit(m, Infinity, m*(exp(1) - (1 + 1/m)^m)) = exp(1)/2
claim limit(m, Infinity, m*(exp(1) - (1 + 1/m)^m)) = exp(1)/3   expect wrong
claim limit(x, Infinity, x*sin(1/x)) = 1
claim limit(x, -Infinity, x*(exp(1/x) - 1)) = 1
claim limit(x, Infinity, (x^2 + 1)/(2 x^2 - x)) = 1/2
claim limit(x, 0, (sqrt(1 + x) - 1)/x) = 1/2
claim limit(x, 0, log(1 + x)/x) = 1
claim limit(x, 0, log(1 + x)/x) = 1/2   expect wrong
`)).toEqual(['proved', 'refuted', 'proved', 'proved', 'proved', 'proved', 'proved', 'refuted']);
  }, 120_000);
});

describe("Laplace's method: a limit of an integral whose integrand narrows to a peak (probe 104: errors)", () => {
  it('reads a peak inside the range, (1 - t^2)^n over [-1, 1], split out of it (a false value of such an integral: integrals.test.ts)', () => {
    expect(verdictsIn(`claim limit(n, Infinity, sqrt(n) * integral(t, -1, 1, (1 - t^2)^n)) = sqrt(pi)
`)).toEqual(['verified']);
  }, 300_000);
});

describe('a limit over a size (probes 106, 107: the message said the size was not declared)', () => {
  it('says the variable is a size, and how to write the limit', () => {
    const step = onlyStep(`derivation "d"
given n: size
claim limit(n, Infinity, n * log1p(1 / n)) = 1
`);
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toContain('n is a size (a whole number)');
    expect(step.detail.diagnostic?.hint).toContain('limit(x, Infinity, ...)');
  });
});

describe('a limit whose body turns past its readings, at a crossing affine in the variable or its log (probe 111 W3)', () => {
  it('reads Black-Scholes less its underlying as S tends to infinity past log S = sigma^2 T / 2, at every seed', () => {
    const call = 'z * Phi((log(z / K) + (r + sigma^2 / 2) * T) / (sigma * sqrt(T))) - K * exp(-r * T) * Phi((log(z / K) + (r - sigma^2 / 2) * T) / (sigma * sqrt(T))) - z';
    for (const seed of [1, 2]) {
      expect(verdictsIn(`given K, sigma, T, r: positive
claim limit(z, Infinity, ${call}) = -K * exp(-r * T)
claim limit(z, Infinity, ${call}) = 0   expect wrong
`, { seed })).toEqual(['verified', 'refuted']);
    }
  }, 240_000);

  it('reads Phi(log(z) - c) past z = e^c, and says nothing where e^c is past every reading', () => {
    const steps = stepsIn(`given s: positive
claim limit(z, Infinity, Phi(log(z) - 500)) = 1
claim limit(z, Infinity, Phi(log(z) - s^2)) = 1
claim limit(z, Infinity, Phi(log(z) - s^2)) = 0   expect wrong
claim limit(z, Infinity, Phi(log(z) - 1e20)) = 1
claim limit(z, Infinity, Phi(log(z) - 1e20)) = 0   expect wrong
`, { seed: 1 });
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'verified', 'refuted', 'error', 'error']);
  }, 120_000);
});
