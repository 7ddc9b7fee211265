import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Polynomial, Rational, findNonzeroPoint } from '../../../src/symbolic/exact/index.ts';
import { arbNonzeroPolynomial, arbSmallPolynomial } from './arbitraries.ts';

const x = Polynomial.variable(0);
const y = Polynomial.variable(1);
const c = (n: number, d = 1) => Polynomial.constant(Rational.of(n, d));
const positive = () => 'positive' as const;
const real = () => 'real' as const;

function show(point: Map<number, Rational> | undefined): Record<number, string> | undefined {
  return point && Object.fromEntries([...point].map(([k, v]) => [k, v.toString()]));
}

describe('findNonzeroPoint', () => {
  it('returns undefined for the zero polynomial', () => {
    expect(findNonzeroPoint(Polynomial.ZERO, [], positive)).toBeUndefined();
    expect(findNonzeroPoint(x.sub(x), [], real)).toBeUndefined();
  });

  it('prefers the simplest point', () => {
    expect(show(findNonzeroPoint(x.add(y), [], positive))).toEqual({ 0: '1', 1: '1' });
    expect(show(findNonzeroPoint(x.sub(y), [], positive))).toEqual({ 0: '1', 1: '2' });
    expect(show(findNonzeroPoint(x.sub(c(1)), [], positive))).toEqual({ 0: '2' });
    expect(show(findNonzeroPoint(c(3), [], positive))).toEqual({});
  });

  it('tries negative values only for real variables', () => {
    const p = x.sub(c(1)).mul(x.sub(c(2))).mul(x.sub(c(1, 2))).mul(x.sub(c(3)));
    expect(show(findNonzeroPoint(p, [], real))).toEqual({ 0: '-1' });
    const pos = findNonzeroPoint(p, [], positive);
    expect(pos).toBeDefined();
    expect(pos!.get(0)!.sign()).toBe(1);
    expect(p.evaluate((id) => pos!.get(id)!).isZero()).toBe(false);
  });

  it('keeps every avoid polynomial nonzero too', () => {
    const avoid = [x.sub(c(1)), x.sub(c(2)), x.mul(c(2)).sub(c(1)), y.sub(x)];
    const point = findNonzeroPoint(x.add(y), avoid, positive);
    expect(point).toBeDefined();
    const at = (id: number) => point!.get(id)!;
    for (const a of avoid) expect(a.evaluate(at).isZero()).toBe(false);
    expect(findNonzeroPoint(x, [Polynomial.ZERO], positive)).toBeUndefined();
  });

  it('escapes a high-degree polynomial vanishing on many small integers', () => {
    let p = Polynomial.ONE;
    for (let i = 1; i <= 30; i++) p = p.mul(x.sub(c(i))).mul(y.sub(c(i)));
    const point = findNonzeroPoint(p, [], positive);
    expect(point).toBeDefined();
    expect(p.evaluate((id) => point!.get(id)!).isZero()).toBe(false);
  });

  it('gives up when the tries run out', () => {
    expect(findNonzeroPoint(x.sub(c(1)), [], positive, { tries: 1 })).toBeUndefined();
    expect(findNonzeroPoint(x.sub(c(1)), [], positive, { tries: 2 })).toBeDefined();
  });

  it('is deterministic for a seed', () => {
    let p = Polynomial.ONE;
    for (let i = 1; i <= 12; i++) p = p.mul(x.sub(c(i)));
    const a = findNonzeroPoint(p, [], real, { seed: 7 });
    const b = findNonzeroPoint(p, [], real, { seed: 7 });
    expect(show(a)).toEqual(show(b));
  });

  it('always finds a valid point for random nonzero polynomials, positive where asked', () => {
    fc.assert(
      fc.property(arbNonzeroPolynomial, fc.array(arbSmallPolynomial, { maxLength: 3 }), fc.integer(), (p, avoid, seed) => {
        const domain = (id: number) => (id % 2 === 0 ? 'positive' : 'real') as 'positive' | 'real';
        const point = findNonzeroPoint(p, avoid, domain, { seed });
        expect(point).toBeDefined();
        const at = (id: number) => point!.get(id)!;
        expect(p.evaluate(at).isZero()).toBe(false);
        for (const a of avoid) expect(a.evaluate(at).isZero()).toBe(false);
        for (const [id, value] of point!) {
          expect(value.isZero()).toBe(false);
          if (domain(id) === 'positive') expect(value.sign()).toBe(1);
        }
      }),
    );
  });
});
