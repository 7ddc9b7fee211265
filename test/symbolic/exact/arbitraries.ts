/** Shared fast-check generators for the exact-algebra tests. */
import fc from 'fast-check';
import { Polynomial, Rational, RationalFunction } from '../../../src/symbolic/exact/index.ts';

export const arbRational: fc.Arbitrary<Rational> = fc
  .tuple(fc.bigInt({ min: -60n, max: 60n }), fc.bigInt({ min: 1n, max: 24n }))
  .map(([n, d]) => Rational.of(n, d));

export const arbNonzeroRational: fc.Arbitrary<Rational> = arbRational.filter((q) => !q.isZero());

/** Polynomials in x0..x3 with up to 5 terms of degree up to 3 per variable. */
export const arbPolynomial: fc.Arbitrary<Polynomial> = fc
  .array(
    fc.record({
      coef: arbRational,
      powers: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
    }),
    { maxLength: 5 },
  )
  .map((terms) => Polynomial.sum(terms.map((t) => Polynomial.monomial(t.coef, t.powers))));

export const arbNonzeroPolynomial: fc.Arbitrary<Polynomial> = arbPolynomial.filter((p) => !p.isZero());

/** Smaller polynomials for products and quotients, to keep expansions cheap. */
export const arbSmallPolynomial: fc.Arbitrary<Polynomial> = fc
  .array(
    fc.record({
      coef: arbNonzeroRational,
      powers: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 2 })), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((terms) => Polynomial.sum(terms.map((t) => Polynomial.monomial(t.coef, t.powers))))
  .filter((p) => !p.isZero());

/** `num / (d1 * d2^e)`, so denominators carry several factors and exponents. */
export const arbRationalFunction: fc.Arbitrary<RationalFunction> = fc
  .tuple(arbSmallPolynomial, arbSmallPolynomial, arbSmallPolynomial, fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([num, d1, d2, e, negate]) => {
    const f = RationalFunction.fromPolynomial(num).div(RationalFunction.fromPolynomial(d1)).mul(RationalFunction.fromPolynomial(d2).pow(-e));
    return negate ? f.neg() : f;
  });

/** A point assigning a small rational to each of x0..x3. */
export const arbPoint: fc.Arbitrary<Rational[]> = fc.array(arbNonzeroRational, { minLength: 4, maxLength: 4 });

export const at = (point: Rational[]) => (id: number): Rational => point[id];
