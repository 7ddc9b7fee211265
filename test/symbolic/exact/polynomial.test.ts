import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Polynomial, Rational } from '../../../src/symbolic/exact/index.ts';
import { arbNonzeroPolynomial, arbNonzeroRational, arbPoint, arbPolynomial, arbRational, arbSmallPolynomial, at } from './arbitraries.ts';

const x = Polynomial.variable(0);
const y = Polynomial.variable(1);
const z = Polynomial.variable(2);
const c = (n: number, d = 1) => Polynomial.constant(Rational.of(n, d));

describe('Polynomial basics', () => {
  it('expands and prints in graded lex order', () => {
    expect(x.add(y).pow(2).toString()).toBe('x0^2 + 2*x0*x1 + x1^2');
    expect(x.sub(y).mul(x.add(y)).toString()).toBe('x0^2 - x1^2');
    expect(c(-3, 4).mul(x).add(c(1)).toString()).toBe('-3/4*x0 + 1');
    expect(Polynomial.ZERO.toString()).toBe('0');
    expect(x.mul(z).sub(c(1, 2)).toString((id) => 'abc'[id])).toBe('a*c - 1/2');
  });

  it('drops cancelled terms so zero is recognised structurally', () => {
    const p = x.add(y).pow(3).sub(x.pow(3)).sub(y.pow(3)).sub(c(3).mul(x).mul(y).mul(x.add(y)));
    expect(p.isZero()).toBe(true);
    expect(p.termCount()).toBe(0);
    expect(p.equals(Polynomial.ZERO)).toBe(true);
  });

  it('reports constants, degrees, variables and term counts', () => {
    const p = x.pow(3).mul(y).add(z).add(c(5));
    expect(p.termCount()).toBe(3);
    expect(p.degree()).toBe(4);
    expect(p.degreeIn(0)).toBe(3);
    expect(p.degreeIn(7)).toBe(0);
    expect([...p.variables()].sort()).toEqual([0, 1, 2]);
    expect(p.isConstant()).toBe(false);
    expect(p.constantValue()).toBeUndefined();
    expect(p.constantTerm().toString()).toBe('5');
    expect(c(7, 3).isConstant()).toBe(true);
    expect(c(7, 3).constantValue()?.toString()).toBe('7/3');
    expect(Polynomial.ZERO.isConstant()).toBe(true);
    expect(Polynomial.ZERO.constantValue()?.isZero()).toBe(true);
    expect(Polynomial.ZERO.degree()).toBe(-1);
    expect(c(2).degree()).toBe(0);
  });

  it('builds monomials by merging repeated variables', () => {
    const m = Polynomial.monomial(Rational.of(-2), [[1, 1], [0, 2], [1, 2]]);
    expect(m.toString()).toBe('-2*x0^2*x1^3');
    expect(m.equals(c(-2).mul(x.pow(2)).mul(y.pow(3)))).toBe(true);
    expect(() => Polynomial.monomial(1, [[-1, 1]])).toThrow(RangeError);
    expect(() => Polynomial.monomial(1, [[0, 1.5]])).toThrow(RangeError);
  });

  it('refuses negative and fractional powers', () => {
    expect(() => x.pow(-1)).toThrow(RangeError);
    expect(() => x.pow(1.5)).toThrow(RangeError);
    expect(x.add(y).pow(0).equals(Polynomial.ONE)).toBe(true);
    expect(Polynomial.ZERO.pow(0).equals(Polynomial.ONE)).toBe(true);
  });

  it('sums many polynomials at once', () => {
    expect(Polynomial.sum([x, y, x, c(-1), c(1)]).toString()).toBe('2*x0 + x1');
    expect(Polynomial.sum([]).isZero()).toBe(true);
  });
});

describe('Polynomial ring laws', () => {
  it('add and mul are commutative and associative, mul distributes', () => {
    fc.assert(
      fc.property(arbPolynomial, arbPolynomial, arbPolynomial, (a, b, d) => {
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(a.mul(b).equals(b.mul(a))).toBe(true);
        expect(a.add(b).add(d).equals(a.add(b.add(d)))).toBe(true);
        expect(a.mul(b).mul(d).equals(a.mul(b.mul(d)))).toBe(true);
        expect(a.mul(b.add(d)).equals(a.mul(b).add(a.mul(d)))).toBe(true);
      }),
    );
  });

  it('has identities and additive inverses', () => {
    fc.assert(
      fc.property(arbPolynomial, (a) => {
        expect(a.add(Polynomial.ZERO).equals(a)).toBe(true);
        expect(a.mul(Polynomial.ONE).equals(a)).toBe(true);
        expect(a.mul(Polynomial.ZERO).isZero()).toBe(true);
        expect(a.sub(a).isZero()).toBe(true);
        expect(a.add(a.neg()).isZero()).toBe(true);
      }),
    );
  });

  it('pow agrees with repeated multiplication and scale with constant multiplication', () => {
    fc.assert(
      fc.property(arbSmallPolynomial, fc.integer({ min: 0, max: 4 }), arbRational, (a, k, q) => {
        let expected = Polynomial.ONE;
        for (let i = 0; i < k; i++) expected = expected.mul(a);
        expect(a.pow(k).equals(expected)).toBe(true);
        expect(a.scale(q).equals(a.mul(Polynomial.constant(q)))).toBe(true);
      }),
    );
  });

  it('is a homomorphism under exact evaluation', () => {
    fc.assert(
      fc.property(arbPolynomial, arbPolynomial, arbPoint, (a, b, point) => {
        const v = at(point);
        expect(a.add(b).evaluate(v).equals(a.evaluate(v).add(b.evaluate(v)))).toBe(true);
        expect(a.mul(b).evaluate(v).equals(a.evaluate(v).mul(b.evaluate(v)))).toBe(true);
      }),
    );
  });

  it('equal polynomials get equal keys, different ones different keys', () => {
    fc.assert(
      fc.property(arbPolynomial, arbPolynomial, (a, b) => {
        // Built along two different routes, so the internal maps differ in insertion order.
        const left = a.add(b);
        const right = b.neg().add(a.neg()).neg();
        expect(left.key()).toBe(right.key());
        expect(a.key() === b.key()).toBe(a.equals(b));
      }),
    );
  });
});

describe('Polynomial evaluation', () => {
  it('evaluates exactly and in floating point', () => {
    const p = x.pow(2).mul(y).sub(c(1, 3).mul(z));
    const values = [Rational.of(1, 2), Rational.of(-3), Rational.of(2, 7)];
    expect(p.evaluate((id) => values[id]).toString()).toBe('-71/84');
    expect(p.evaluateFloat((id) => values[id].toNumber())).toBeCloseTo(-71 / 84, 14);
  });

  it('asks for each variable once', () => {
    const seen: number[] = [];
    x.pow(2).add(x.mul(y)).add(x).evaluate((id) => {
      seen.push(id);
      return Rational.ONE;
    });
    expect(seen.sort()).toEqual([0, 1]);
  });

  it('float evaluation tracks exact evaluation', () => {
    fc.assert(
      fc.property(arbPolynomial, arbPoint, (a, point) => {
        const exact = a.evaluate(at(point)).toNumber();
        const approx = a.evaluateFloat((id) => point[id].toNumber());
        // Rounding error is relative to the size of the terms, not of their (possibly cancelling) sum.
        let magnitude = 0;
        for (const t of a.terms()) {
          let m = Math.abs(t.coef.toNumber());
          for (let i = 0; i < t.mono.pairs.length; i += 2) m *= Math.abs(point[t.mono.pairs[i]].toNumber()) ** t.mono.pairs[i + 1];
          magnitude += m;
        }
        expect(Math.abs(exact - approx)).toBeLessThanOrEqual(1e-12 * magnitude);
      }),
    );
  });
});

describe('Polynomial.substitute', () => {
  it('replaces a variable by a polynomial', () => {
    expect(x.pow(2).substitute(0, y.add(Polynomial.ONE)).toString()).toBe('x1^2 + 2*x1 + 1');
    expect(x.mul(y).add(z).substitute(1, x).toString()).toBe('x0^2 + x2');
    expect(y.substitute(0, z).equals(y)).toBe(true);
  });

  it('commutes with evaluation', () => {
    fc.assert(
      fc.property(arbPolynomial, arbSmallPolynomial, fc.integer({ min: 0, max: 3 }), arbPoint, (p, q, id, point) => {
        const v = at(point);
        const moved = point.slice();
        moved[id] = q.evaluate(v);
        expect(p.substitute(id, q).evaluate(v).equals(p.evaluate(at(moved)))).toBe(true);
      }),
    );
  });
});

describe('Polynomial.reduceIdempotent', () => {
  it('collapses powers of 0/1 variables only', () => {
    expect(x.pow(3).add(x).reduceIdempotent(new Set([0])).toString()).toBe('2*x0');
    expect(x.pow(2).mul(y.pow(2)).reduceIdempotent(new Set([0])).toString()).toBe('x0*x1^2');
    expect(x.pow(2).sub(x).reduceIdempotent(new Set([0])).isZero()).toBe(true);
  });

  it('agrees with the polynomial at every 0/1 point', () => {
    fc.assert(
      fc.property(arbPolynomial, fc.array(fc.constantFrom(0, 1), { minLength: 4, maxLength: 4 }), (p, bits) => {
        const v = (id: number) => Rational.of(bits[id]);
        expect(p.reduceIdempotent(new Set([0, 1, 2, 3])).evaluate(v).equals(p.evaluate(v))).toBe(true);
      }),
    );
  });
});

describe('Polynomial.normalizeFactor', () => {
  it('splits off a rational unit, leaving a primitive integer polynomial', () => {
    const { unit, primitive } = x.scale(Rational.of(-2)).add(c(4)).normalizeFactor();
    expect(unit.toString()).toBe('-2');
    expect(primitive.toString()).toBe('x0 - 2');
    const n = c(1, 3).mul(x).add(c(-2, 9).mul(y)).normalizeFactor();
    expect(n.unit.toString()).toBe('1/9');
    expect(n.primitive.toString()).toBe('3*x0 - 2*x1');
    expect(() => Polynomial.ZERO.normalizeFactor()).toThrow(RangeError);
  });

  it('is canonical: p and q*p share a primitive part with coprime integer coefficients', () => {
    fc.assert(
      fc.property(arbNonzeroPolynomial, arbNonzeroRational, (p, q) => {
        const a = p.normalizeFactor();
        const b = p.scale(q).normalizeFactor();
        expect(a.primitive.scale(a.unit).equals(p)).toBe(true);
        expect(b.primitive.key()).toBe(a.primitive.key());
        expect(b.unit.equals(a.unit.mul(q))).toBe(true);
        let g = 0n;
        for (const t of a.primitive.terms()) {
          expect(t.coef.isInteger()).toBe(true);
          let m = t.coef.num < 0n ? -t.coef.num : t.coef.num;
          let h = g;
          while (m !== 0n) [h, m] = [m, h % m];
          g = h;
        }
        expect(g).toBe(1n);
        expect(a.primitive.leadingTerm()!.coef.sign()).toBe(1);
      }),
    );
  });
});

describe('Polynomial monomial content', () => {
  it('extracts the largest common monomial', () => {
    const { content, cofactor } = x.pow(2).mul(y).add(x.mul(y.pow(2))).extractMonomialContent();
    expect(content).toEqual([[0, 1], [1, 1]]);
    expect(cofactor.toString()).toBe('x0 + x1');
    expect(x.add(Polynomial.ONE).extractMonomialContent().content).toEqual([]);
  });

  it('content times cofactor is the polynomial', () => {
    fc.assert(
      fc.property(arbPolynomial, (p) => {
        const { content, cofactor } = p.extractMonomialContent();
        expect(cofactor.mul(Polynomial.monomial(1, content)).equals(p)).toBe(true);
        if (!p.isZero()) expect(cofactor.extractMonomialContent().content).toEqual([]);
      }),
    );
  });

  it('divMonomial divides exactly or throws', () => {
    expect(x.pow(2).mul(y).divMonomial([[0, 1]]).toString()).toBe('x0*x1');
    expect(() => x.add(y).divMonomial([[0, 1]])).toThrow(RangeError);
    expect(() => x.divMonomial([[0, 2]])).toThrow(RangeError);
    expect(() => y.divMonomial([[0, 1]])).toThrow(RangeError);
    expect(() => x.divMonomial([[1, 1]])).toThrow(RangeError);
  });

  it('exactQuotient gives back the other factor of a product, and undefined where the division leaves a remainder', () => {
    fc.assert(
      fc.property(arbSmallPolynomial, arbNonzeroPolynomial, (p, d) => {
        expect(p.mul(d).exactQuotient(d)?.equals(p)).toBe(true);
        const q = p.mul(d).add(Polynomial.ONE).exactQuotient(d);
        // A remainder of 1 divides only where d is a constant.
        if (q !== undefined) expect(d.isConstant()).toBe(true);
      }),
    );
    expect(x.mul(y).add(x).exactQuotient(y.add(c(1)))?.toString()).toBe('x0');
    expect(x.add(y).exactQuotient(x)).toBeUndefined();
  });
});
