/**
 * Random inputs a person would choose: magnitudes from 1e-3 to 1e3 (now and then
 * far larger), the exact simple values, the step's constants and switch points,
 * the types' constraints, and replayable from a seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsIn } from '../__test-helpers__/derivations.ts';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { inputsArbitrary } from '../../src/numeric/arbitraries.ts';
import { layoutInputs, specialValues } from '../../src/numeric/index.ts';

function model(body: string) {
  const m = buildModel(parseDerivation(`derivation "t"\n${body}\n`));
  const c = m.claims[0];
  return { inputs: m.inputs, terms: [c.head!, c.steps[0].term!] };
}

function draws(body: string, sizes: Map<string, number>, count = 2000, kinkInDiff = false) {
  const m = model(body);
  const layout = layoutInputs(m.inputs, sizes);
  const special = specialValues(m.terms, m.inputs, sizes);
  return fc.sample(inputsArbitrary(layout, { kinkInDiff, special }), { seed: 42, numRuns: count });
}

describe('specialValues', () => {
  it('finds the switch points of comparisons, relu, abs, max affine in one scalar input', () => {
    const m = model('given t, u: real\nclaim (t > 1/3) + relu(t - 5) + abs(2*u + 1) + max(t, 7) = (u*t > 1)');
    const s = specialValues(m.terms, m.inputs);
    expect(s.switchPoints.get('t')).toEqual([1 / 3, 5, 7]);
    expect(s.switchPoints.get('u')).toEqual([-0.5]);
  });

  it('collects the step\'s constants with their negatives', () => {
    const m = model('given a: positive\nclaim (a > 0.05) = 1');
    expect(specialValues(m.terms, m.inputs).constants).toEqual(expect.arrayContaining([0.05, -0.05, 1, -1]));
  });

  it('finds where a log, sqrt or fractional power argument affine in one scalar input leaves the domain, with a point on each side', () => {
    const m = model('given t, u: real\nclaim log(1 + t / 1000) + sqrt(2 * u - 1) + (t * u)^(1/3) = log1p(t * 1e-20) * asin(u / 2) / (u - 4)');
    const s = specialValues(m.terms, m.inputs);
    // log's 0 at t = -1000, its -1 at t = -2000 (where a power with a huge exponent is in range), half the distance each way.
    expect(s.domainEdges.get('t')).toEqual(expect.arrayContaining([-2000, -1500, -1000, -500, -1e20, -2e20]));
    // sqrt's 0 at u = 1/2; asin's -1 and 1 at u = -2 and 2; the pole of 1 / (u - 4) at 4.
    expect(s.domainEdges.get('u')).toEqual(expect.arrayContaining([0.5, -2, 2, 4]));
    // x^2 and x^-1 of a product of two inputs give none: not affine in one input.
    expect(s.domainEdges.size).toBe(2);
  });

  it('finds where a comparison with a series\' or sum\'s index switches, at the index\'s first values and a sliver below each', () => {
    const m = model('given t: real\ngiven l: positive\ngiven c: real\nclaim E(t, poisson(l), (t >= 2 c)) = 1');
    const jumps = specialValues(m.terms, m.inputs).indexJumps.get('c');
    // k >= 2c switches at c = k / 2 for k = 0, 1, ..., 5.
    expect(jumps).toEqual(expect.arrayContaining([0, 0.5, 1, 1.5, 2, 2.5, 1 - 1e-9]));
    expect(jumps).not.toContain(3);
    expect(specialValues(m.terms, m.inputs).indexJumps.has('l')).toBe(false);
  });

  it('gives no switch point for an entry of a vector or a product of inputs', () => {
    const m = model('given x: vector[n]\ngiven t, u: real\nclaim (x[i] > 0) + (t * u > 1) = 1');
    expect(specialValues(m.terms, m.inputs).switchPoints.size).toBe(0);
  });
});

describe('inputsArbitrary', () => {
  const none = new Map<string, number>();

  it('real inputs: no magnitude below 1e-3 but 0, most within 1e-3..1e3, some far larger, every decade reached', () => {
    const values = draws('given t: real\nclaim t = t', none).map((r) => r.t[0]);
    const nonzero = values.filter((v) => v !== 0).map(Math.abs);
    expect(Math.min(...nonzero)).toBeGreaterThanOrEqual(1e-3);
    const moderate = nonzero.filter((v) => v <= 1e3).length / values.length;
    expect(moderate).toBeGreaterThan(0.8);
    expect(nonzero.some((v) => v > 1e4)).toBe(true);
    for (let decade = -3; decade < 3; decade++) {
      expect(nonzero.some((v) => v >= 10 ** decade && v < 10 ** (decade + 1)), `decade 1e${decade}`).toBe(true);
    }
    expect(values.some((v) => v < 0)).toBe(true);
  });

  it('draws the exact simple values 0, 1, -1, 0.5, -0.5, 2, -2', () => {
    const values = new Set(draws('given t: real\nclaim t = t', none).map((r) => r.t[0]));
    for (const v of [0, 1, -1, 0.5, -0.5, 2, -2]) expect(values.has(v), String(v)).toBe(true);
  });

  it('draws the switch points and constants of the step: t = 5 for relu(t - 5), a = 0.05 for a > 0.05', () => {
    expect(draws('given t: real\nclaim relu(t - 5) = 0', none).some((r) => r.t[0] === 5)).toBe(true);
    expect(draws('given a: positive\nclaim (a > 0.05) = 1', none).some((r) => r.a[0] === 0.05)).toBe(true);
  });

  it('respects the types: positive > 0, unit in (0, 1), simplex sums to 1, onehot has one 1', () => {
    for (const r of draws('given a: positive\ngiven p: unit\ngiven s: simplex[n]\ngiven y: onehot[n]\nclaim a + p = sum(j, s[j] + y[j])', new Map([['n', 4]]), 500)) {
      expect(r.a[0]).toBeGreaterThan(0);
      expect(r.p[0]).toBeGreaterThan(0);
      expect(r.p[0]).toBeLessThan(1);
      expect(r.s.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      expect(r.y.filter((v) => v === 1)).toHaveLength(1);
    }
  });

  it('steps through a kink get no exact simple values (they sit on kinks)', () => {
    const values = draws('given t: real\nclaim diff(relu(t), t) = (t > 0)', none, 500, true).map((r) => r.t[0]);
    expect(values.every((v) => Math.abs(v) >= 1e-3)).toBe(true);
  });

  it('an interval around 0 is drawn near 0 at every scale, as a real input is, and never outside', () => {
    const values = draws('given x: real in (-1, 1)\nclaim x = x', none, 2000).map((r) => r.x[0]);
    expect(values.every((v) => v > -1 && v < 1)).toBe(true);
    expect(values.some((v) => v < 0 && v > -1e-9)).toBe(true);
    expect(values.some((v) => v > 0 && v < 1e-9)).toBe(true);
  });

  it('a bound broken only next to 0 inside an interval is refuted (|x|^3 + exp(-50) x >= 0 on (-1, 1))', () => {
    expect(stepsIn('given x: real in (-1, 1)\nclaim 0 <= abs(x)^3 + exp(-50) * x   expect wrong\n', { trials: 100 }).map((s) => s.verdict)).toEqual(['refuted']);
  });

  it('the same seed draws the same inputs', () => {
    expect(draws('given x: vector[n]\nclaim x[i] = x[i]', new Map([['n', 3]]), 50))
      .toEqual(draws('given x: vector[n]\nclaim x[i] = x[i]', new Map([['n', 3]]), 50));
  });
});

describe('the patterns a bound on arrays is tried at', () => {
  it('include every entry equal for a bound on one array, which random draws never give (probe 86: (Σx)² <= 8 Σx² verified)', () => {
    const [slip, held] = stepsIn(`given x: vector[n]
claim sum(i, x[i])^2 <= 8 * sum(i, x[i]^2)   expect wrong
claim sum(i, x[i])^2 <= n * sum(i, x[i]^2)
`, { sizes: [2, 1, 3, 4, 5, 8, 16, 100], trials: 5 });
    expect(slip.verdict).toBe('refuted');
    // Shrunk from every entry 1, and still a counterexample: (Σx)² > 8 Σx² needs more than 8 entries alike.
    const x = slip.detail.counterexample!.inputs.x as number[];
    expect(x.reduce((a, v) => a + v, 0) ** 2).toBeGreaterThan(8 * x.reduce((a, v) => a + v * v, 0));
    expect(held.verdict).toBe('verified');
  });
});

describe('invertible and spd draws (probe 40)', () => {
  const det2 = (m: readonly number[]) => m[0] * m[3] - m[1] * m[2];
  it('are always of their kind, and include badly scaled, near-singular and (invertible) zero-diagonal matrices', () => {
    const samples = draws('given Q: spd[2, 2]\ngiven X: invertible[2, 2]\nclaim det(Q) + det(X) = 1', new Map(), 600);
    let smallEigen = 0;
    let highCorrelation = 0;
    let zeroDiagonal = 0;
    let conformal = 0;
    let multipleOfIdentity = 0;
    for (const s of samples) {
      const q = s.Q;
      const sym = [q[0], (q[1] + q[2]) / 2, (q[1] + q[2]) / 2, q[3]];
      // Positive definite: a positive diagonal and determinant of the symmetric part the model reads.
      expect(sym[0] > 0 && det2(sym) > 0, JSON.stringify(q)).toBe(true);
      expect(det2(s.X) > 0, JSON.stringify(s.X)).toBe(true);
      const trace = sym[0] + sym[3];
      if (det2(sym) / trace < 0.05) smallEigen++;
      if (sym[1] ** 2 > 0.99 * sym[0] * sym[3]) highCorrelation++;
      if (s.X[0] * s.X[3] <= 0) zeroDiagonal++;
      // A scaled rotation [[a, b], [-b, a]] (a multiple of the identity for Q): exact, whatever the rounding of a and b.
      if (s.X[0] === s.X[3] && s.X[1] === -s.X[2]) conformal++;
      if (q[1] === 0 && q[2] === 0 && q[0] === q[3]) multipleOfIdentity++;
    }
    expect(conformal).toBeGreaterThan(10);
    expect(multipleOfIdentity).toBeGreaterThan(10);
    expect(smallEigen).toBeGreaterThan(10);
    expect(highCorrelation).toBeGreaterThan(10);
    expect(zeroDiagonal).toBeGreaterThan(10);
  });

  it('are of their kind at size 1 too: a positive 1×1 matrix, never a turned one (probe 86: abs(det(X)) = det(X) was refuted)', () => {
    for (const s of draws('given X: invertible[1, 1]\ngiven Q: spd[1, 1]\nclaim det(X) + det(Q) = 1', new Map(), 400)) {
      expect(s.X[0] > 0 && s.Q[0] > 0, JSON.stringify(s)).toBe(true);
    }
    expect(stepsIn(`given X: invertible[n, n]
claim abs(det(X)) = det(X)
claim log(abs(det(X))) = logdet(X)
claim det(3 * X) >= det(X)
`).map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified']);
  }, 60_000);

  it('refute bounds that fail only for such matrices', () => {
    const steps = stepsIn(`given Q: spd[2, 2]
given X: invertible[2, 2]
given x, y: vector[2]
claim y' * x <= x' * Q * x / 2 + y' * Q * y / 2   expect wrong
claim Q[1, 1] * Q[2, 2] - Q[1, 2]^2 >= Q[1, 1] * Q[2, 2] / 100   expect wrong
claim X[1, 1] * X[2, 2] > 0   expect wrong
claim y' * x <= x' * Q * x / 2 + y' * inv(Q) * y / 2
claim norm(X)^2 > 2 * det(X)   expect wrong
claim norm(X)^2 >= 2 * det(X)
`);
    expect(steps.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'refuted', 'verified', 'refuted', 'verified']);
  }, 60_000);
});
