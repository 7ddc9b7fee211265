/**
 * Implicit differentiation (`implicit y(x): x^2 + y^2 = 25`, Stewart 3.5): derivatives in x
 * hold y as moving with x, a step that holds for all values is proved as any step, and one
 * that needs the equation is read at points of the curve, in 60 digits: verified where the
 * sides agree there, refuted with a point of the curve where they do not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriv, onlyStep, stepsIn, syntaxDiagnostics, verdictsIn } from '../__test-helpers__/derivations.ts';

const CIRCLE = 'implicit y(x): x^2 + y^2 = 25\n';

describe('derivatives of a function defined by an equation', () => {
  it.each([
    ['the equation differentiated: the chain rule through y', `${CIRCLE}claim diff(x^2 + y^2, x) = 2 x + 2 y diff(y, x)`],
    ['the equation differentiated is 0: y moves along the curve', `${CIRCLE}claim diff(x^2 + y^2, x) = 0`],
    ['the slope of the circle', `${CIRCLE}claim diff(y, x) = -x / y`],
    ['y\', y\'(x), dy/dx and diff(y(x), x) are one derivative', `${CIRCLE}claim y' = dy/dx\n  = y'(x)\n  = diff(y(x), x)`],
    ['the folium of Descartes (Stewart 3.5 example 2)', 'implicit y(x): x^3 + y^3 = 6 x y\nclaim y\' = (2 y - x^2) / (y^2 - 2 x)'],
    ['sin(x + y) = y^2 cos(x) (Stewart 3.5 example 3)', 'implicit y(x): sin(x + y) = y^2 cos(x)\nclaim y\' = (y^2 sin(x) + cos(x + y)) / (2 y cos(x) - cos(x + y))'],
    ['a second derivative: y\'\' differentiates y\' again, y moving', `${CIRCLE}claim y'' = -(y - x y') / y^2\n  = -(y^2 + x^2) / y^3`],
    ['y\'\', d^2y/dx^2, d²y/dx² and diff(y, x, 2) are one second derivative', `${CIRCLE}claim y'' = d^2y/dx^2\n  = d²y/dx²\n  = diff(y, x, 2)`],
    ['a partial derivative of a surface, y held', 'implicit z(x, y): x^3 + y^3 + z^3 + 6 x y z = 1\nclaim diff(z, x) = -(x^2 + 2 y z) / (z^2 + 2 x y)'],
    // E is no expectation where the line declares it (probe 87: it was a name the language reads, and refused).
    ["Kepler's eccentric anomaly E (Goldstein 3.8)", 'given ε: real in (0, 1)\nimplicit E(M): E - ε sin(E) = M\nclaim diff(E, M) = 1 / (1 - ε cos(E))\nclaim diff(E, M, 2) = -ε sin(E) / (1 - ε cos(E))^3'],
  ])('%s: proved', (_, body) => {
    for (const step of stepsIn(body)) expect(step.verdict, step.text).toBe('proved');
  }, 60_000);

  it.each([
    ['a dropped y\' in the chain rule', `${CIRCLE}claim diff(x^2 + y^2, x) = 2 x + 2 y`],
    ['a sign slip in the slope', `${CIRCLE}claim diff(y, x) = x / y`],
    ['the folium with a sign slip', 'implicit y(x): x^3 + y^3 = 6 x y\nclaim y\' = (2 y + x^2) / (y^2 - 2 x)'],
    ['a surface\'s partial with a sign slip in the denominator', 'implicit z(x, y): x^3 + y^3 + z^3 + 6 x y z = 1\nclaim diff(z, y) = -(y^2 + 2 x z) / (z^2 - 2 x y)'],
  ])('%s: refuted', (_, body) => {
    expect(onlyStep(deriv(body)).verdict).toBe('refuted');
  }, 60_000);
});

describe("a prime on letters written together (Stewart's folium, 6xy')", () => {
  it("is the last letter's, as a power is: 6xy' is 6 x y', not (6 x y)', which a scalar's transpose leaves as 6 x y (a true step was refuted)", () => {
    expect(stepsIn(`implicit y(x): x^3 + y^3 = 6 x y
claim diff(6 x y, x) = 6y + 6xy'
claim 3x^2 + 3y^2 y' = 6y + 6xy'
claim diff(6 x y, x) = 6y + 6xy   expect wrong
`).map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
    // A transpose written apart from its product keeps its meaning: x'A x is the quadratic form.
    expect(stepsIn('given A: matrix[2, 2]\ngiven x: vector[2]\nclaim x\'A x = sum(i, sum(j, x[i] A[i, j] x[j]))\n').map((s) => s.verdict)).toEqual(['proved']);
  });
});

describe("Leibniz's ASCII fraction dy/dx, beyond implicit functions", () => {
  it('is diff(y, x) for a let or an input over a scalar input where dy and dx are no names; a declared dZ keeps its quotient', () => {
    const body = `given x: real
given t: positive
let y = x^2 * sin(x)
let u = t^2
let v = t^3
claim dy/dx = 2 x sin(x) + x^2 cos(x)
claim d^2y/dx^2 = diff(y, x, 2)
claim (dv/dt) / (du/dt) = 3 t / 2
claim dy/dx = 2 x sin(x)
let dZ = 2 * x
given dW: positive
claim dZ/dW = 2 * x / dW`;
    expect(stepsIn(body).map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved']);
  }, 60_000);
});

describe('a derivative at a point of the curve', () => {
  it('subs(y\', x, 3, y, 3): y\' written out before the point goes in, not read as 0 (the folium at (3, 3), Stewart 3.5)', () => {
    const body = "implicit y(x): x^3 + y^3 = 6 x y\nclaim subs(y', x, 3, y, 3) = -1\nclaim subs(y'', x, 3, y, 3) = -16/3\nclaim subs(subs(y', x, 3), y, 3) = 1";
    expect(stepsIn(body).map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  }, 60_000);
});

describe('steps that hold on the curve only, read at its points', () => {
  it('x^2 + y^2 = 25 put in: verified on the curve, where it does not hold for all values', () => {
    const step = stepsIn(`${CIRCLE}claim y'' = -(y^2 + x^2) / y^3\n  = -25 / y^3`)[1];
    expect(step.verdict).toBe('verified');
    expect(step.method).toMatch(/^60-digit evaluation at 12 points of the curve x\^2 \+ y\^2 = 25 \(y a function of x\)/);
  }, 60_000);

  it('a wrong constant is refuted at a point of the curve, which the counterexample shows', () => {
    const step = stepsIn(`${CIRCLE}claim -(y^2 + x^2) / y^3 = -24 / y^3`)[0];
    expect(step.verdict).toBe('refuted');
    const c = step.detail.counterexample!;
    const { x, y } = c.inputs as { x: number; y: number };
    expect(Math.abs(x * x + y * y - 25)).toBeLessThan(1e-12);
    expect(c.foundBy).toBe('60-digit evaluation at a point of the curve x^2 + y^2 = 25');
    expect(Number(c.lhs) / Number(c.rhs)).toBeCloseTo(25 / 24, 10);
  }, 60_000);

  it('a constraint with nothing differentiated: x y = x (10 - x) on x + y = 10', () => {
    expect(stepsIn('implicit y(x): x + y = 10\nclaim x y = x (10 - x)\nclaim x y = x (11 - x)').map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 60_000);

  it('the lower half of the circle is the curve too: y = sqrt(25 - x^2) is refuted, and verified with y declared positive', () => {
    expect(onlyStep(deriv(`${CIRCLE}claim y = sqrt(25 - x^2)`)).verdict).toBe('refuted');
    expect(onlyStep(deriv(`${CIRCLE}given y: positive\nclaim y = sqrt(25 - x^2)`)).verdict).toBe('verified');
  }, 60_000);

  it('a bound on the curve is read where it is tight, at the critical points of its margin solved in 60 digits (probe 33)', () => {
    const body = `${CIRCLE}claim x + y <= 7\nclaim x + y <= 7.08\nclaim x y < 12\nclaim y^2 < 25\nclaim y^2 <= 25\nclaim 1 + (y')^2 > 1`;
    expect(stepsIn(body).map((s) => s.verdict)).toEqual(['refuted', 'verified', 'refuted', 'refuted', 'verified', 'refuted']);
    // A strict bound tied at one point of the hyperbola: (1, 1), which no random point is.
    expect(stepsIn('given x: positive\nimplicit y(x): x y = 1\nclaim x + y > 2\nclaim x + y >= 2').map((s) => s.verdict)).toEqual(['refuted', 'verified']);
  }, 60_000);

  it('a step true for all values is an error on a curve with no point where y is a function of x, not a proof of nothing', () => {
    for (const equation of ['x^2 + y^2 = -1', '(y - x)^2 = 0']) {
      const step = onlyStep(deriv(`implicit y(x): ${equation}\nclaim diff(y, x) = diff(y, x) + 0`));
      expect(step.verdict, equation).toBe('error');
      expect(step.detail.diagnostic?.message).toMatch(/^no point of .* was found where y is a function of x/);
    }
  }, 60_000);

  it('an equation with no real point: an error that says so, not a verdict', () => {
    const step = onlyStep(deriv('implicit y(x): x^2 + y^2 = -1\nclaim y = 2 y'));
    expect(step.verdict).toBe('error');
    expect(step.detail.diagnostic?.message).toMatch(/only 0 points of the curve x\^2 \+ y\^2 = -1 were found/);
  }, 60_000);

  it('for every radius, the second derivative put as -r^2 / y^3 is verified and -r^2 / y^2 refuted', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), (r) => {
      const body = `implicit y(x): x^2 + y^2 = ${r * r}\nclaim y'' = -${r * r} / y^3\nclaim y'' = -${r * r} / y^2`;
      expect(stepsIn(body).map((s) => s.verdict)).toEqual(['verified', 'refuted']);
    }), { numRuns: 5, seed: 7 });
  }, 120_000);
});

describe('a number an equation defines: steps that solve for it', () => {
  it('a step holds at every solution: (x - 2)(x - 3) = 0 verified, x = 2 refuted at the other root, x = 3', () => {
    const steps = stepsIn('implicit x: x^2 - 5 x + 6 = 0\nclaim (x - 2) (x - 3) = 0\nclaim x = 2');
    expect(steps.map((s) => s.verdict)).toEqual(['verified', 'refuted']);
    expect(steps[1].detail.counterexample?.inputs).toEqual({ x: 3 });
    expect(steps[1].method).toMatch(/^60-digit evaluation at 2 solutions of x\^2 - 5 x \+ 6 = 0, each solved in 60 digits/);
  }, 60_000);

  it('a critical point, with x() as the line may also write it', () => {
    const body = 'implicit x(): log(x) + 1 = 0\nclaim x = exp(-1)\nclaim x log(x) = -exp(-1)\nclaim x log(x) = -exp(-2)';
    expect(stepsIn(body).map((s) => s.verdict)).toEqual(['verified', 'verified', 'refuted']);
  }, 60_000);

  it('with a parameter drawn as its type allows', () => {
    expect(stepsIn('given a: positive\nimplicit x: a x - 3 = 0\nclaim x = 3 / a\nclaim x = a / 3').map((s) => s.verdict)).toEqual(['verified', 'refuted']);
  }, 60_000);
});

describe('what the implicit line and y(...) mean', () => {
  it('y (2 y - x), a bracket of anything but x, is a product; y(3) is an error', () => {
    const body = 'implicit y(x): exp(x / y) = x - y\nclaim y (2 y - x) = 2 y^2 - x y';
    expect(onlyStep(deriv(body)).verdict).toBe('proved');
    const atPoint = onlyStep(deriv(`${CIRCLE}claim y(3) = 4`));
    expect(atPoint.verdict).toBe('error');
    expect(atPoint.detail.diagnostic?.message).toMatch(/^y is defined by an equation as a function of x, and is read at its variables only/);
  }, 60_000);

  it('y\'(x)^2 is an error that says how to write the power, (y\'(x))^2, which holds', () => {
    const [power, bracketed] = stepsIn(`${CIRCLE}claim y'(x)^2 = x^2 / y^2\nclaim (y'(x))^2 = x^2 / y^2`);
    expect(power.verdict).toBe('error');
    expect(power.detail.diagnostic?.hint).toBe("write (y'(x))^2 for a power of the derivative");
    expect(bracketed.verdict).toBe('proved');
  }, 60_000);

  it.each([
    ['no colon', 'implicit y(x) x^2 + y^2 = 25', /^cannot read the implicit definition/],
    ['no equation', 'implicit y(x): x^2 + y^2', /^an implicit definition is an equation: it has no =/],
    ['two equals signs', 'implicit y(x): x^2 = y^2 = 25', /^an implicit definition is one equation/],
    ['a variable named twice', 'implicit z(x, x): x + z = 1', /^'x' is not a variable name of its own/],
    ['the function as its own variable', 'implicit y(y): y = 1', /^'y' is not a variable name of its own/],
  ])('%s: a syntax error at its line', (_, line, message) => {
    const [problem] = syntaxDiagnostics(deriv(`${line}\nclaim x = x`));
    expect(problem.message).toMatch(message);
    expect(problem.span?.line).toBe(2);
  });

  it('a let above the line may be read in its equation; too many derivatives, a limit along the curve, an index: errors', () => {
    expect(stepsIn("let r = 5\nimplicit y(x): x^2 + y^2 = r^2\nclaim y'' = -r^2 / y^3").map((s) => s.verdict)).toEqual(['verified']);
    const [high, limit] = stepsIn(`${CIRCLE}claim y''''' = 0\ngiven u: positive\nclaim limit(x, 0, y + u) = 5 + u`);
    expect(high.detail.diagnostic?.message).toMatch(/y is differentiated 5 times here; an implicit function is written out up to 4/);
    expect(limit.detail.diagnostic?.message).toMatch(/^a limit in x of an expression that reads y would hold y fixed/);
    expect(onlyStep(deriv('implicit y(t): 1 = delta(i, k) + y\nclaim diff(y, t) = 0')).detail.diagnostic?.message).toMatch(/no index, sum, integral/);
  }, 60_000);

  it.each([
    ['an equation without y', 'implicit y(x): x^2 = 25\nclaim diff(y, x) = 0', /^the equation does not hold y, so it defines no function y/],
    ['y as y^0 only, with its prime read', "implicit y(x): x^2 + y^0 = 25\nclaim y' = 0", /^the equation does not hold y/],
    ['y declared as a vector', 'given y: vector[n]\nimplicit y(x): x + y = 1\nclaim x = x + 0 * y[1]', /^y is declared as vector\[n\], and an implicit function and its variables are real numbers/],
    ['a second implicit line', `${CIRCLE}implicit z(x): x + z = 1\nclaim y = y + z - z`, /^a derivation defines one function by an equation, and y is defined at line 2/],
  ])('%s: an error at the claims that need it', (_, body, message) => {
    const steps = stepsIn(body);
    expect(steps.some((s) => s.verdict === 'error' && message.test(s.detail.diagnostic?.message ?? ''))).toBe(true);
  }, 60_000);
});

describe('a slip on the curve below what doubles see', () => {
  it('is refuted from 60 digits: the tolerance is the points\' own error (1e-56) with a margin, not 1e-30', () => {
    const steps = stepsIn(`implicit y(x): x + y = 10
claim x y = x (10 - x) + 1e-40   expect wrong
claim y = 10 - x + 1e-40   expect wrong
claim y = 10 - x
`);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'verified']);
  }, 120_000);

  it('refutes a number an equation defines written 1e-30 off (implicit r: r^3 = 2)', () => {
    expect(stepsIn('implicit r: r^3 = 2\nclaim r = 2^(1/3) + 1e-30   expect wrong\n').map((s) => s.verdict)).toEqual(['refuted']);
  }, 60_000);
});

describe('a constant finer than the readings on the curve (probe 59)', () => {
  it('is not verified by 60-digit readings that would agree as well with its simple neighbour; 1e-40 is still refuted', () => {
    expect(verdictsIn(`implicit y(x): x^2 + y^2 = 25
claim 2 x + 2 y y' = 1e-300   expect wrong
claim y' = -x / y * (1 + 1e-300)   expect wrong
claim x^2 + y^2 = 25 + 1e-300   expect wrong
claim 2 x + 2 y y' = 1e-40   expect wrong
claim y' = -x / y
`)).toEqual(['error', 'error', 'error', 'refuted', 'proved']);
  });
});

describe('a number defined by an equation with a root far out (probe 93)', () => {
  it('is checked at its far roots too: a sign change on a grid to 1e15, bisected, reaches 20, 35.77 and 1e8', () => {
    for (const seed of [1, 2]) {
      const far = [
        ['implicit x: (x - 1) * (x - 20) = 0\nclaim x < 2   expect wrong\n', 20],
        ['implicit x: exp(x / 10) = x\nclaim x < 2   expect wrong\n', 35.7715],
        ['implicit x: x^2 - 100000000 * x + 1 = 0\nclaim x < 1e-7   expect wrong\n', 1e8],
        ['implicit x: (x - 1e16) * (x - 3) = 0\nclaim x < 1e12   expect wrong\n', 1e16],
      ] as const;
      for (const [text, root] of far) {
        const step = onlyStep(deriv(text), { seed });
        expect(step.verdict, `${text} at seed ${seed}`).toBe('refuted');
        expect(step.detail.counterexample!.inputs.x as number).toBeCloseTo(root, -Math.log10(root) + 3);
      }
    }
  }, 120_000);
});

describe('a number defined by an equation at a root of higher multiplicity (probe 95)', () => {
  it('is checked at a root where the equation touches 0 without crossing it', () => {
    for (const seed of [1, 2]) {
      const touching = [
        ['implicit x: x^3 - 9 x^2 + 24 x - 20 = 0\nclaim x = 5   expect wrong\n', 2],
        ['implicit x: x^3 - 9 x^2 + 24 x - 20 = 0\nclaim x > 2   expect wrong\n', 2],
        ['implicit x: (x - 1000)^2 * (x + 1) = 0\nclaim x <= 0   expect wrong\n', 1000],
      ] as const;
      for (const [text, root] of touching) {
        const step = onlyStep(deriv(text), { seed });
        expect(step.verdict, `${text} at seed ${seed}`).toBe('refuted');
        expect(step.detail.counterexample!.inputs.x as number).toBeCloseTo(root, 6);
      }
    }
  }, 120_000);

  it('places a triple root and a tangency in 60 digits, so that the number equals its root there', () => {
    expect(verdictsIn(`implicit x: x^3 - 3 x^2 + 3 x - 1 = 0
claim x = 1
claim x > 1   expect wrong
claim x = 1 + 1e-30   expect wrong
`)).toEqual(['verified', 'refuted', 'refuted']);
    expect(verdictsIn('implicit x: exp(x) = exp(1) * x\nclaim x = 1\n')).toEqual(['verified']);
  }, 60_000);

  it('takes no least value of the equation that is not 0 for a root', () => {
    // x^2 + 1e-40 has no real root, though its least value reads as nothing in doubles.
    expect(verdictsIn('implicit x: x^2 + 1e-40 = 0\nclaim x = 0\n')).toEqual(['error']);
  }, 60_000);
});
