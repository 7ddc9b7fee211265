import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Polynomial, Rational, RationalFunction } from '../../../src/symbolic/exact/index.ts';
import { arbPoint, arbRationalFunction, at } from './arbitraries.ts';

const RF = RationalFunction;
const v = (id: number) => RF.variable(id);
const k = (n: number, d = 1) => RF.constant(Rational.of(n, d));
const x = v(0);
const y = v(1);

/** Evaluates, or returns undefined where some denominator vanishes. */
function tryEval(f: RationalFunction, point: Rational[]): Rational | undefined {
  try {
    return f.evaluate(at(point));
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

describe('softmax identities', () => {
  const [e1, e2, e3] = [v(1), v(2), v(3)];
  const s = e1.add(e2).add(e3);
  const p1 = e1.div(s);

  it('E1/S * (1 - E1/S) - (E1*S - E1*E1)/S^2 is zero', () => {
    const lhs = p1.mul(RF.ONE.sub(p1));
    const rhs = e1.mul(s).sub(e1.mul(e1)).div(s.pow(2));
    expect(lhs.sub(rhs).isZero()).toBe(true);
    expect(lhs.equals(rhs)).toBe(true);
  });

  it('E1/S * (1 - E1/S) + E1*E1/S^2 - E1/S is zero', () => {
    expect(p1.mul(RF.ONE.sub(p1)).add(e1.mul(e1).div(s.pow(2))).sub(p1).isZero()).toBe(true);
  });

  it('(E1/S) * (E2/S) - E1*E2/(S*S) is zero', () => {
    expect(p1.mul(e2.div(s)).sub(e1.mul(e2).div(s.mul(s))).isZero()).toBe(true);
  });

  it('E1/S - E1/(S+1) is not zero', () => {
    expect(p1.sub(e1.div(s.add(RF.ONE))).isZero()).toBe(false);
  });

  it('the probabilities sum to one', () => {
    expect(p1.add(e2.div(s)).add(e3.div(s)).equals(RF.ONE)).toBe(true);
  });

  it('recognises S^2 written out as a polynomial, not only as S*S', () => {
    const sPoly = Polynomial.sum([1, 2, 3].map((i) => Polynomial.variable(i)));
    const sSquared = RF.fromPolynomial(sPoly.pow(2));
    // Expanded S^2 is one opaque factor; identities still decide exactly.
    expect(p1.mul(e2.div(s)).sub(e1.mul(e2).div(sSquared)).isZero()).toBe(true);
    expect(p1.mul(e2.div(s)).sub(e1.mul(e3).div(sSquared)).isZero()).toBe(false);
  });

  it('decides the full n = 24 softmax Jacobian quickly', () => {
    const n = 24;
    const e = Array.from({ length: n }, (_, i) => v(i));
    const sum = e.reduce((a, b) => a.add(b));
    const p = e.map((ei) => ei.div(sum));
    const start = performance.now();
    let zero = 0;
    let perturbedZero = 0;
    const eps = RF.constant(Rational.parse('1.000000000001'));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const delta = i === j ? RF.ONE : RF.ZERO;
        // Quotient rule, written the way a derivation would: (dE_i/dx_j * S - E_i * E_j) / S^2.
        const quotient = (i === j ? e[i] : RF.ZERO).mul(sum).sub(e[i].mul(e[j])).div(sum.pow(2));
        const claimed = p[i].mul(delta.sub(p[j]));
        if (quotient.sub(claimed).isZero()) zero++;
        if (quotient.sub(claimed.mul(eps)).isZero()) perturbedZero++;
      }
    }
    const elapsed = performance.now() - start;
    expect(zero).toBe(n * n);
    expect(perturbedZero).toBe(0);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('RationalFunction structure', () => {
  it('splits monomial denominators into per-variable factors', () => {
    const f = RF.ONE.div(x.mul(y)).add(RF.ONE.div(x));
    const factors = f.denominatorFactors().map((d) => [d.factor.toString(), d.exponent]);
    expect(factors.sort()).toEqual([['x0', 1], ['x1', 1]]);
    expect(f.numerator().toString()).toBe('x1 + 1');
  });

  it('recognises a factor up to a constant', () => {
    const s = x.add(y);
    const f = RF.ONE.div(s).add(RF.ONE.div(s.mul(k(2)))).add(RF.ONE.div(s.mul(k(-3, 4))));
    expect(f.denominatorFactors().map((d) => [d.factor.toString(), d.exponent])).toEqual([['x0 + x1', 1]]);
    expect(f.equals(k(1, 6).div(s))).toBe(true);
  });

  it('cancels a numerator that is literally a denominator factor', () => {
    const s = x.add(y);
    const f = v(2).div(s).mul(s);
    expect(f.denominatorFactors()).toEqual([]);
    expect(f.numerator().toString()).toBe('x2');
    const g = v(2).mul(x).div(x.pow(3));
    expect(g.denominatorFactors().map((d) => [d.factor.toString(), d.exponent])).toEqual([['x0', 2]]);
    expect(g.numerator().toString()).toBe('x2');
    const h = s.mul(k(-2)).div(s.pow(2));
    expect(h.toString()).toBe('-2 / (x0 + x1)');
  });

  it('keeps exponents when powers are divided', () => {
    const s = x.add(y).add(k(1));
    const f = k(1).div(s.pow(3)).mul(s);
    expect(f.denominatorFactors().map((d) => d.exponent)).toEqual([2]);
  });

  it('prints numerator over denominator', () => {
    expect(x.toString()).toBe('x0');
    expect(x.pow(-2).toString()).toBe('1 / x0^2');
    expect(x.add(y).div(k(2)).toString()).toBe('(x0 + x1) / 2');
    expect(k(3).div(x.add(k(1)).pow(2).mul(y)).toString((id) => 'ab'[id])).toBe('3 / ((a + 1)^2*b)');
    expect(k(1, 2).toString()).toBe('1/2');
  });

  it('exposes the expanded denominator', () => {
    const f = x.div(y.add(k(1)).pow(2).mul(k(3)));
    expect(f.denominator().toString()).toBe('3*x1^2 + 6*x1 + 3');
    expect(f.denominatorConstant().toString()).toBe('3');
    expect([...f.variables()].sort()).toEqual([0, 1]);
  });

  it('builds from two polynomials', () => {
    const px = Polynomial.variable(0);
    const py = Polynomial.variable(1);
    expect(RF.fromPolynomials(px.mul(py), px).equals(RF.fromPolynomial(py))).toBe(true);
    expect(() => RF.fromPolynomials(px, Polynomial.ZERO)).toThrow('division by zero');
  });
});

describe('RationalFunction errors', () => {
  it('throws on division by zero, including negative powers of zero', () => {
    expect(() => x.div(RF.ZERO)).toThrow('division by zero');
    expect(() => RF.ZERO.inv()).toThrow('division by zero');
    expect(() => RF.ZERO.pow(-2)).toThrow('division by zero');
    expect(() => x.div(x.sub(x))).toThrow('division by zero');
    expect(() => x.pow(0.5)).toThrow(RangeError);
  });

  it('throws when evaluated where a denominator vanishes', () => {
    const f = RF.ONE.div(x.sub(y));
    expect(() => f.evaluate(() => Rational.ONE)).toThrow('denominator vanishes');
    expect(f.evaluate((id) => Rational.of(id)).toString()).toBe('-1');
    expect(Number.isFinite(f.evaluateFloat(() => 1))).toBe(false);
  });
});

describe('RationalFunction algebra (properties)', () => {
  it('evaluate commutes with +, -, *, / at random rational points', () => {
    fc.assert(
      fc.property(arbRationalFunction, arbRationalFunction, arbPoint, (a, b, point) => {
        const va = tryEval(a, point);
        const vb = tryEval(b, point);
        fc.pre(va !== undefined && vb !== undefined);
        expect(tryEval(a.add(b), point)!.equals(va!.add(vb!))).toBe(true);
        expect(tryEval(a.sub(b), point)!.equals(va!.sub(vb!))).toBe(true);
        expect(tryEval(a.mul(b), point)!.equals(va!.mul(vb!))).toBe(true);
        if (!vb!.isZero()) expect(tryEval(a.div(b), point)!.equals(va!.div(vb!))).toBe(true);
        expect(tryEval(a.neg(), point)!.equals(va!.neg())).toBe(true);
        expect(a.evaluateFloat((id) => point[id].toNumber())).toBeCloseTo(va!.toNumber(), 6);
      }),
      { numRuns: 200 },
    );
  });

  it('evaluate commutes with integer powers', () => {
    fc.assert(
      fc.property(arbRationalFunction, fc.integer({ min: -3, max: 3 }), arbPoint, (a, n, point) => {
        const va = tryEval(a, point);
        fc.pre(va !== undefined && !va.isZero());
        expect(tryEval(a.pow(n), point)!.equals(va.pow(n))).toBe(true);
      }),
    );
  });

  it('(a/b)*b - a is zero and a + b - b equals a', () => {
    fc.assert(
      fc.property(arbRationalFunction, arbRationalFunction, (a, b) => {
        expect(a.add(b).sub(b).equals(a)).toBe(true);
        expect(a.add(b).sub(b).sub(a).isZero()).toBe(true);
        if (!b.isZero()) {
          expect(a.div(b).mul(b).sub(a).isZero()).toBe(true);
          expect(a.mul(b).div(b).equals(a)).toBe(true);
          expect(b.mul(b.inv()).equals(RF.ONE)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ring laws hold up to exact equality', () => {
    fc.assert(
      fc.property(arbRationalFunction, arbRationalFunction, arbRationalFunction, (a, b, c) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b).equals(b.mul(a))).toBe(true);
        expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a 1e-12 relative perturbation is not zero', () => {
    const eps = RF.constant(Rational.parse('1e-12'));
    fc.assert(
      fc.property(arbRationalFunction, (a) => {
        fc.pre(!a.isZero());
        const perturbed = a.mul(RF.ONE.add(eps));
        expect(perturbed.sub(a).isZero()).toBe(false);
        expect(perturbed.equals(a)).toBe(false);
        // And adding 1e-12 * a back in the other direction restores it exactly.
        expect(perturbed.sub(a.mul(eps)).equals(a)).toBe(true);
      }),
    );
  });

  it('a perturbed exponent or coefficient in a polynomial identity is caught', () => {
    const s = x.add(y);
    const exact = s.pow(2).sub(x.pow(2)).sub(y.pow(2)).sub(k(2).mul(x).mul(y));
    expect(exact.isZero()).toBe(true);
    const tweaked = s.pow(2).sub(x.pow(2)).sub(y.pow(2)).sub(RF.constant(Rational.parse('2.000000000001')).mul(x).mul(y));
    expect(tweaked.isZero()).toBe(false);
  });
});
