/**
 * Inputs with an interval, `given x: real in (0, pi/2)`: the books' "for 0 < x < pi/2".
 * A claim about such an input holds where the input lies in its interval; the model
 * keeps it there by the domain rule, the numbers draw it there, and counterexamples
 * and exact points lie there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriv, stepsIn, syntaxDiagnostics, verdictsIn } from '../__test-helpers__/derivations.ts';
import { buildModel, parseDerivation, parseDerivationFile } from '../../src/index.ts';

const typeOf = (line: string) => {
  const given = parseDerivationFile(deriv(`${line}\nclaim 0 = 0\n`), 'i.deriv').derivations[0].statements[0];
  if (given.kind !== 'given') throw new Error('not a given');
  return given.type;
};

const modelError = (body: string) => {
  const [step] = stepsIn(body);
  expect(step.verdict).toBe('error');
  return step.detail.diagnostic!;
};

describe('intervals: the syntax', () => {
  it('reads the four brackets, ends as expressions, and infinities', () => {
    expect(typeOf('given x: real in (0, pi/2]')).toMatchObject({ name: 'real', interval: { lowerClosed: false, upperClosed: true, text: '(0, pi/2]' } });
    expect(typeOf('given x, y: real in [-1, 1)').interval).toMatchObject({ lowerClosed: true, upperClosed: false });
    expect(typeOf('given x: real in (atan2(1, 2), Infinity)').interval?.lower).toMatchObject({ kind: 'call', name: 'atan2' });
    expect(typeOf('given x: real in (1, ∞)').interval?.upper).toMatchObject({ kind: 'name', name: 'Infinity' });
  });

  it('refuses an interval it cannot read, and one on an abstract function, at the type', () => {
    const [unclosed] = syntaxDiagnostics(deriv('given x: real in (0, 1\nclaim x = x\n'));
    expect(unclosed.message).toBe("cannot read the interval '(0, 1'");
    expect(unclosed.span).toMatchObject({ line: 2, col: 18 });
    const [oneEnd] = syntaxDiagnostics(deriv('given x: real in (0)\nclaim x = x\n'));
    expect(oneEnd.hint).toMatch(/in \(0, pi\/2\)/);
    const [fn] = syntaxDiagnostics(deriv('given f: function in (0, 1)\nclaim f(1) = f(1)\n'));
    expect(fn.message).toBe('an interval is given for a number, not for function');
  });

  it('refuses ends that are no numbers, in the wrong order, an infinity included, and an interval of an array', () => {
    expect(modelError('given n: size\ngiven v: vector[n]\ngiven x: real in (0, v[1])\nclaim x = x\n').message).toContain('the upper end of an interval is a number, such as 0, pi/2, sqrt(2) or Infinity, or a scalar input');
    expect(modelError('given x: real in (2, 1)\nclaim x = x\n').message).toContain('the interval (2, 1) holds no number: its lower end is not below its upper end');
    expect(modelError('given x: real in [0, Infinity]\nclaim x = x\n').message).toContain('the interval [0, Infinity] includes an infinity, which is no number');
    expect(modelError('given x: real in (Infinity, 0)\nclaim x = x\n').message).toContain('the lower end of the interval is Infinity');
    expect(modelError('given v: vector[n] in (0, 1)\nclaim sum(i, v[i]) = sum(i, v[i])\n').message).toContain('an interval is given for a real number, not for an array');
    expect(modelError('given p: positive in (0, 1)\nclaim p = p\n').hint).toMatch(/real in \(0, 1\)/);
  });

  it('says of ends in order but nearer than doubles tell apart that no double lies inside, not that they are out of order (probe 27)', () => {
    for (const interval of ['(1 - 1e-20, 1)', '(0, 1e-400)', '(1e20, 1e20 + 1)']) {
      const problem = modelError(`given x: real in ${interval}\nclaim x = x\n`);
      expect(problem.message).toContain(`the interval ${interval} is narrower than the spacing of doubles at its ends: no double lies inside it, so the numbers could draw no input`);
      expect(problem.hint).toContain('a + w * t');
    }
  });

  it('names the interval in the input\'s type', () => {
    const model = buildModel(parseDerivation(deriv('given x: real in (0, pi/2]\nclaim x = x\n'), 'i.deriv'));
    expect(model.inputs[0]).toMatchObject({ name: 'x', kind: 'real', typeText: 'real in (0, pi/2]', interval: { lowerValue: 0, upperValue: Math.PI / 2 } });
  });
});

describe('intervals: the verdicts', () => {
  it('does not refute at a point outside an interval whose end 60 digits cannot tell from it: a = 2 against 2 (1 - c), c = 9e-201 (probe 103)', () => {
    // (1 - a)^2 / 2 <= 1/2 - c a holds for a in (0, 2 (1 - c)]; in doubles and in 60 digits that end reads 2.
    const verdicts = [1, 2].map((seed) => verdictsIn(`given c: real in (0, 1e-200)
given a: real in (0, 2*(1 - c)]
claim (1 - a)^2 / 2 <= 1/2 - c*a
claim (1 - a)^2 / 2 <= 1/2 - 2 * c*a
`, { seed, trials: 60 }));
    for (const [truth, slip] of verdicts) {
      expect(['proved', 'verified']).toContain(truth);
      expect(slip).toBe('refuted');
    }
  }, 60_000);

  it('holds an identity true on the interval only, and refutes it on the whole line', () => {
    expect(verdictsIn(`given x: real in (-pi/2, pi/2)
given y: real
given t: real in [0, Infinity)
claim atan(tan(x)) = x
claim atan(tan(y)) = y   expect wrong
claim sqrt(t^2) = t
claim abs(t - 1) = t - 1   expect wrong
claim diff(asin(sin(x)), x) = 1
claim tan(x) = sin(x) / cos(x)
`)).toEqual(['verified', 'refuted', 'verified', 'refuted', 'verified', 'proved']);
  }, 60_000);

  it('an interval above 0 makes its input positive to the exact engine: abs, max and logs of it are proved, not only verified', () => {
    expect(verdictsIn(`given a: real in (128, 140)
given q: real in (0, 1]
given z: real in [0, 1]
given w: real in (-1, 1)
claim abs(a) = a
claim max(a, 0) + log(1 + exp(-abs(a))) = a + log(1 + exp(-a))
claim log(q * a) = log(q) + log(a)
claim abs(q) = q
claim abs(z) = z
claim abs(w) = w   expect wrong
claim max(w, 0) = w   expect wrong
`)).toEqual(['proved', 'proved', 'proved', 'proved', 'verified', 'refuted', 'refuted']);
    // An end whose double is above 0 only by rounding (cos(pi/2) is 6e-17) includes 0: no proof that the input is positive.
    expect(verdictsIn(`given x: real in [cos(pi/2), 1]
claim sign(x) = 1   expect wrong
`)).toEqual(['refuted']);
  }, 60_000);

  it('bounds on part of the line: strict at an end left out holds, at an end included or inside is refuted at the tie', () => {
    const steps = stepsIn(`given x: real in (-pi/2, pi/2)
given w: real in [0, pi/2]
given q: real in (0, 1]
given u: real in (1, Infinity)
claim cos(x) > 0
claim sin(w) >= 2 * w / pi     by "Jordan"
claim sin(w) > 2 * w / pi      expect wrong
claim cos(w) > 0               expect wrong
claim log(q) < 0               expect wrong
claim log(u) > 0
claim tan(x) > x               expect wrong
`);
    // log(u) > 0 on (1, Infinity) is proved: exp(log(u)) - 1 = u - 1 > 0 on the interval.
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'verified', 'refuted', 'refuted', 'refuted', 'proved', 'refuted']);
    // Refuted at the included end pi/2, found exactly: cos(pi/2) = 0 is not > 0.
    expect(steps[3].detail.counterexample?.inputs).toEqual({ w: Math.PI / 2 });
    // Its double reads 6.1e-17 > 0, and 60 digits 2.3e-60, a rounding of the tie exact algebra shows: the report
    // says neither is not greater than 0, but the two values read, equal.
    expect(steps[3].detail.explanation).toBe('the line above, 0, is not greater than the step, 0: they are equal there');
    expect(steps[4].detail.counterexample?.inputs).toEqual({ q: 1 });
  }, 60_000);

  it('draws inputs inside a narrow interval far from 0, so steps there are checked at all', () => {
    const steps = stepsIn(`given x: real in (0.5, 0.6)
given z: real in (1000, 1001)
claim x^2 < 0.36
claim x^2 < 0.35   expect wrong
claim log(z - 999) > 0
claim diff(x^3, x) = 3 * x^2
`);
    // x^2 < 0.36 is proved by the interval's range: x^2 lies in (0.25, 0.36); log(z - 999) > 0 since z - 999 > 1.
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'proved']);
    const x = steps[1].detail.counterexample!.inputs.x as number;
    // Simplified no further than the interval allows: not 0.6, an end left out.
    expect(x > 0.5 && x < 0.6 && x * x > 0.35).toBe(true);
  }, 60_000);

  it('every counterexample lies in the interval, and a bound true on it is verified (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), (a, width, tenth) => {
      const b = a + width;
      const cut = a + (width * tenth) / 10;
      const [within, wrong] = stepsIn(`given x: real in (${a}, ${b}]
claim (x - ${a}) * (${b} - x) >= 0
claim x < ${cut}   expect wrong
`, { seed: a * 100 + width });
      // Proved where the interval's range shows the product's expansion is >= 0 (a = -5, b = 5), else verified.
      expect(['proved', 'verified']).toContain(within.verdict);
      expect(wrong.verdict).toBe('refuted');
      const v = wrong.detail.counterexample!.inputs.x as number;
      expect(v > a && v <= b && v >= cut).toBe(true);
    }), { numRuns: 8, seed: 11 });
  }, 120_000);
});

describe('intervals: the ends themselves (probe 26)', () => {
  it('reads an included irrational end exactly, so a tie or a sliver off a branch there is refuted', () => {
    expect(verdictsIn(`given x: real in (0, pi/2]
given s: real in [-pi/2, pi/2 + 1e-9]
given y: real in (0, pi/2)
claim sin(x) > 2 * x / pi      expect wrong
claim 1 > 2 * x / pi           expect wrong
claim sin(x) >= 2 * x / pi
claim asin(sin(s)) = s         expect wrong
claim 1 > 2 * y / pi
`)).toEqual(['refuted', 'refuted', 'verified', 'refuted', 'verified']);
  }, 60_000);
});

describe('intervals: just inside an end, where no double lies (probe 27)', () => {
  it('past 2^53 every double is a whole number with x + 1 == x: a step wrong at every real there is refuted at an exact point', () => {
    expect(verdictsIn(`given x: real in (1e17, Infinity)
given y: real in (-Infinity, -1e17)
claim log(x + 1) - log(x) = 0.5 / x   expect wrong
claim floor(x) = x   expect wrong
claim atan(x) = pi/2   expect wrong
claim atan(y) = -pi/2   expect wrong
claim log(x + 1) - log(x) = log1p(1 / x)
claim log(-y - 1) - log(-y) = log1p(1 / y)
`)).toEqual(['refuted', 'refuted', 'refuted', 'refuted', 'proved', 'verified']);
  }, 120_000);

  it('a bound next to a pole or a zero that fails within one double of an end left out is refuted there', () => {
    expect(verdictsIn(`given x: real in (pi/2 - 1e-10, pi/2)
given g: real in (-1 - 1e-10, -1)
given w: real in (pi, pi + 1e-10)
claim tan(x) > 1.0000001e10   expect wrong
claim gamma(g) > 1.0000001e10   expect wrong
claim 1 / sin(w) < -1.0000001e10   expect wrong
claim tan(x) > 1e9
`)).toEqual(['refuted', 'refuted', 'refuted', 'verified']);
  }, 120_000);
});

describe('intervals: an input the step does not read (probe 31)', () => {
  it('does not change how deep its sides are read: a Stirling slip of 5e-21 is refuted beside a given N in (1e300, Infinity)', () => {
    expect(verdictsIn(`given m: real in (1e6, 1e9)
given N: real in (1e300, Infinity)
claim lgamma(2*m + 1) - 2*lgamma(m + 1) = 2*m*log(2) - log(pi*m)/2 - 1/(8*m)   expect wrong
`)).toEqual(['refuted']);
  }, 120_000);
});

describe('intervals: a tail far below the digits past a finite end (probe 30)', () => {
  it('is read just inside the end, where it is largest: softplus(q) = q + exp(-q) on (1000, Infinity), off by 1e-869, is refuted on every seed', () => {
    for (const seed of [1, 2, 3]) {
      expect(verdictsIn(`given q: real in (1000, Infinity)
claim softplus(q) = q + exp(-q)   expect wrong
claim softplus(q) - q = exp(-q)   expect wrong
claim log(1 + exp(q)) = q + log1p(exp(-q))
`, { seed })).toEqual(['refuted', 'refuted', 'proved']);
    }
  }, 120_000);
});

describe('intervals: a bound on a derivative at an included end (probe 28)', () => {
  it('is refuted where the derivative ties the bound at the end: the guard of the end is no kink of the line above', () => {
    expect(verdictsIn(`given w: real in [1, 2]
given x: real in [0, pi/2]
claim diff((w + 2 / w) / 2, w) > -1/2   expect wrong
claim diff(w^3, w) < 12   expect wrong
claim diff(sin(x), x) > 0   expect wrong
claim diff(w^2, w) >= 2
claim diff(relu(x - 1), x) <= 1
`)).toEqual(['refuted', 'refuted', 'refuted', 'proved', 'proved']);
  }, 120_000);
});

describe('intervals: margins and cancellations past 60 digits (probe 27)', () => {
  it('a bound read next to a pole or after a cancellation is called only where its margin stays put as the digits double', () => {
    // At y = 1e-40, tan(pi/2 - y) is 1e40 read to 60 of 100 digits, and the bound's margin is 2e-162 of it: its
    // rounding had called the true bound false at 100 and at 200 digits alike.
    expect(verdictsIn(`given x: real in (0, 1e-8)
given y: real in (0, 1e-5)
claim (1 - cos(x)) / x^2 > 1/2 - x^2/24
claim tan(pi/2 - y) < 1/y - y/3
claim tan(pi/2 - y) > 1/y - y/3   expect wrong
`)).toEqual(['verified', 'verified', 'refuted']);
  }, 120_000);

  it('a strict bound whose margin lies past 60 digits is verified in high precision when it holds, and never judged true when it does not', () => {
    expect(verdictsIn(`given x: real in (0, 1e-150)
given z: real in (400, Infinity)
claim log1p(x) < x
claim log1p(x) >= x   expect wrong
claim tanh(z) <= 1 - 2 * exp(-2 * z)   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted']);
    // The wrong ones are refuted: the first where the same readings show its sides apart; the second differs by
    // 1e-695 just inside the end of its half-line, read deep there (at random points past it, by less than any digits).
  }, 120_000);

  it('an identity whose sides cancel 80 digits is verified, and the rounding of a square root that stays put is no difference', () => {
    // On the negative half-line: on (1e40, Infinity) x is positive to the exact engine, which proves the first outright.
    const [cancelling, asinh, proved] = stepsIn(`given x: real in (1e40, Infinity)
given y: real in (-Infinity, -1e40)
claim sqrt(y^2 + 1) + y = 1 / (sqrt(y^2 + 1) - y)
claim asinh(y) = log(y + sqrt(y^2 + 1))
claim sqrt(x^2 + 1) - x = 1 / (sqrt(x^2 + 1) + x)
`);
    expect([cancelling.verdict, asinh.verdict, proved.verdict]).toEqual(['verified', 'verified', 'proved']);
    expect(cancelling.method).toMatch(/random inputs in high precision \(up to \d+ digits\), where doubles and 60 digits settled none/);
  }, 120_000);
});

describe("a bound refuted past doubles' reach shows its two sides (probe 45)", () => {
  it('tan(w) > 1e8 just inside pi/2 - 1e-8: the counterexample reads tan(w) and 1e8 in the digits that showed it, not the comparison\'s 1 and 0', () => {
    const [step] = stepsIn('given w: real in (pi/2 - 1e-8, pi/2)\nclaim tan(w) > 1e8   expect wrong\n');
    expect(step.verdict).toBe('refuted');
    const c = step.detail.counterexample!;
    expect(c.rhs).toBe('100000000');
    // 99999999.99999999666..., below 1e8 by 3.3e-9: more digits than a double holds.
    expect(String(c.lhs)).toMatch(/^99999999\.9999999/);
    expect(Number(c.difference)).toBeCloseTo(-3.33333e-9, 12);
  }, 60_000);
});

describe('an interval whose end is another input: t < l (probe 53 rewrote its MGF steps for it)', () => {
  it('holds a step where the input lies within the other one, wherever that one is declared', () => {
    expect(verdictsIn(`given t: real in (-Infinity, l)
given l: positive
given Y ~ Exponential(l)
claim M_Y(t) = l / (l - t)
claim M_Y(t) = l / (l + t)
claim diff(l / (l - t), t) = l / (l - t)^2
`)).toEqual(['proved', 'refuted', 'proved']);
  }, 60_000);

  it('reads both ends of other inputs, and a counterexample lies within them', () => {
    const [holds, strict] = stepsIn(`given a: real
given b: real in (a, Infinity)
given x: real in [a, b]
claim (x - a) * (b - x) >= 0
claim (x - a) * (b - x) > 0
`);
    expect([holds.verdict, strict.verdict]).toEqual(['verified', 'refuted']);
    const { a, b, x } = strict.detail.counterexample!.inputs as Record<string, number>;
    expect(a).toBeLessThan(b);
    expect(x === a || x === b).toBe(true);
  }, 60_000);
});

describe('an interval whose end passes a boundary by a constant finer than the near-end points (probe 67)', () => {
  it('is read just inside that end, finer than its constant: asin(sin(x)) = x on (-pi/2, pi/2 + 1e-50) is refuted', () => {
    expect(verdictsIn(`given x: real in (-pi/2, pi/2 + 1e-50)
given y: real in (-pi/2, pi/2)
claim asin(sin(x)) = x   expect wrong
claim asin(sin(y)) = y
`)).toEqual(['refuted', 'verified']);
    // An end that is one number over 10^300 (1 + 1e-300), read 1e-310 inside, which is no point on the end (probe 68).
    expect(verdictsIn('given x: real in (1e-300, 1 + 1e-300)\nclaim ceil(x) = 1   expect wrong\n')).toEqual(['refuted']);
    expect(verdictsIn('given x: real in (1 - 1e-300, 2)\nclaim floor(x) = 1   expect wrong\n')).toEqual(['refuted']);
  }, 120_000);
});

describe('an included end whose double rounds past it (probe 68)', () => {
  it('is drawn as the next double inside: floor(x) = 0 on [0, 1 - 1e-300] holds, and was refuted at x = 1', () => {
    expect(verdictsIn('given x: real in [0, 1 - 1e-300]\nclaim floor(x) = 0\n')).toEqual(['verified']);
    expect(verdictsIn('given x: real in [0, 1]\nclaim floor(x) = 0   expect wrong\n')).toEqual(['refuted']);
  }, 120_000);
});

describe('ends that read other inputs, in a chain (probe 94)', () => {
  it('keeps the interval of an input the claim reads only through another\'s end: d >= m holds for d in [c, oo), c in [m, oo); no root of b at 0 for b in (a, 1), a in (0, 1)', () => {
    for (const seed of [1, 2, 3]) {
      expect(verdictsIn(`given m: positive
given c: real in [m, Infinity)
given d: real in [c, Infinity)
claim d >= m
given L: real in (m, Infinity)
given e: real in [m, L]
given f: real in [e, L]
claim L - f <= L - m
given a: real in (0, 1)
given b: real in (a, 1)
claim b > 0
given p1: positive
given p2: real in (p1, Infinity)
given p3: real in (p2, Infinity)
claim log(p3 / p1) > 0
`, { seed })).toEqual(['verified', 'verified', 'verified', 'verified']);
    }
  }, 120_000);

  it('draws each input inside ends of the others, at an included end too: a strict bound tied at c = m is refuted at every seed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const [tied, holds] = stepsIn(`given m: positive
given L: real in (m, Infinity)
given c: real in [m, L]
given q: positive
claim abs(1 - 2 * c / (m + L)) < (L - m) / (L + m)   expect wrong
claim abs(1 - 2 * c / (m + L)) <= (L - m) / (L + m)
`, { seed });
      expect(tied.verdict, `seed ${seed}`).toBe('refuted');
      const { m, L, c } = tied.detail.counterexample!.inputs as Record<string, number>;
      expect(c === m || c === L, `seed ${seed}: m = ${m}, L = ${L}, c = ${c}`).toBe(true);
      expect(holds.verdict, `seed ${seed}`).toBe('verified');
    }
  }, 180_000);
});

describe('ties down a chain of ends (probe 95)', () => {
  it('are met at the ends all at once and one at a time, and log(1) is read as 0 exactly', () => {
    for (const seed of [1, 2]) {
      expect(verdictsIn(`given m: positive
given L: real in (m, Infinity)
given c: real in [m, L]
given d: real in [c, L]
given e: real in [d, L]
claim log(d / c) > 0   expect wrong
claim sqrt(c * d) < L   expect wrong
claim e > m   expect wrong
claim e >= m
claim sqrt(c * d) <= L
`, { seed })).toEqual(['refuted', 'refuted', 'refuted', 'verified', 'verified']);
    }
  }, 120_000);
});

describe('ties inside a chain of ends (probe 95)', () => {
  it('are met where the exact engine takes each input within the ends of those before it: AM-GM at c = sqrt(m L), two midpoints at c = d', () => {
    for (const seed of [1, 2]) {
      expect(verdictsIn(`given m: positive
given L: real in (m, Infinity)
given c: real in [m, L]
given d: real in [c, L]
claim m / c + c / L > 2 * sqrt(m / L)   expect wrong
claim m / c + c / L >= 2 * sqrt(m / L)
claim (c - m) * (L - d) < (L - m)^2 / 4   expect wrong
claim (c - m) * (L - d) <= (L - m)^2 / 4
`, { seed })).toEqual(['refuted', 'verified', 'refuted', 'verified']);
    }
  }, 180_000);
});
