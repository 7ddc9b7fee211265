import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtomTable, Budget, neverZero } from '../../src/symbolic/index.ts';
import { Polynomial, Rational } from '../../src/symbolic/exact/index.ts';

/** Atoms of each kind the ranges know, with how to draw a value of each (ends included where the range has them). */
function table() {
  const atoms = new AtomTable();
  const x = atoms.intern('in:x', () => ({ kind: 'input', name: 'x', text: 'x', positive: false }));
  const p = atoms.intern('in:p', () => ({ kind: 'input', name: 'p', text: 'p', positive: true }));
  const e = atoms.intern('exp(x)', () => ({ kind: 'exp', text: 'exp(x)', powers: [[x, 1]], den: 1n }));
  const erf = atoms.intern('opaque:erf(x)', () => ({ kind: 'opaque', text: 'erf(x)' }));
  const sin = atoms.intern('opaque:sin(x)', () => ({ kind: 'opaque', text: 'sin(x)' }));
  const f = atoms.intern('opaque:erf#1(x)', () => ({ kind: 'opaque', text: "erf'(x)" }));
  const draws: Record<number, fc.Arbitrary<number>> = {
    [x]: fc.double({ min: -5, max: 5, noNaN: true }), [p]: fc.double({ min: 1e-9, max: 5, noNaN: true }),
    [e]: fc.double({ min: 1e-9, max: 5, noNaN: true }), [erf]: fc.double({ min: -0.999999, max: 0.999999, noNaN: true }),
    [sin]: fc.constantFrom(-1, 1, 0, 0.5, -0.25), [f]: fc.double({ min: -5, max: 5, noNaN: true }),
  };
  return { atoms, ids: { x, p, e, erf, sin, f }, draws };
}

const v = (id: number) => Polynomial.variable(id);
const c = (n: number, d: number | bigint = 1) => Polynomial.constant(Rational.of(n, d));

describe('neverZero: a polynomial of atoms that their ranges keep away from 0', () => {
  it('knows erf(E) - 1 < 0, exp > 0, sin^2 + 1 > 0, and says nothing where 0 is in reach', () => {
    const { atoms, ids } = table();
    expect(neverZero(v(ids.erf).sub(c(1)), atoms, new Budget())).toBe(true);
    expect(neverZero(v(ids.e).add(c(1, 10 ** 9)), atoms, new Budget())).toBe(true);
    expect(neverZero(v(ids.sin).pow(2).add(c(1)), atoms, new Budget())).toBe(true);
    expect(neverZero(v(ids.p).mul(v(ids.e)), atoms, new Budget())).toBe(true);
    // erf(E) - 1 + 1e-20 is 0 where erf(E) = 1 - 1e-20; in doubles it would look negative.
    expect(neverZero(v(ids.erf).sub(c(1)).add(c(1, 10n ** 20n)), atoms, new Budget())).toBe(false);
    expect(neverZero(v(ids.sin).sub(c(1)), atoms, new Budget())).toBe(false);
    expect(neverZero(v(ids.x), atoms, new Budget())).toBe(false);
    expect(neverZero(v(ids.e).sub(c(1)), atoms, new Budget())).toBe(false);
    // A factor of one sign times an atom minus a value it never takes: (p + 40) (erf(E) - 1), gelu's saturation.
    expect(neverZero(v(ids.p).add(c(40)).mul(v(ids.erf).sub(c(1))), atoms, new Budget())).toBe(true);
    expect(neverZero(v(ids.x).add(c(40)).mul(v(ids.erf).sub(c(1))), atoms, new Budget())).toBe(false);
    expect(neverZero(v(ids.p).add(c(40)).mul(v(ids.sin).sub(c(1))), atoms, new Budget())).toBe(false);
    // An unknown function named after a library one (erf#1, its derivative) has no range.
    expect(neverZero(v(ids.f).sub(c(1)), atoms, new Budget())).toBe(false);
  });

  it('reads a root from its radicand: sqrt(1 + exp(E)) > 1, sqrt(x^2) is only >= 0', () => {
    const { atoms, ids } = table();
    const root = (radicand: Polynomial) => {
      const id = atoms.intern(`root:${radicand.key()}`, () => ({ kind: 'root', text: 'sqrt(...)' }));
      atoms.roots.set(id, { q: 2, radicand });
      return id;
    };
    const above1 = root(c(1).add(v(ids.e)));
    expect(neverZero(v(above1).sub(c(1)), atoms, new Budget())).toBe(true);
    const below1 = root(c(1).sub(v(ids.erf).pow(2)).scale(Rational.of(1, 2)));
    expect(neverZero(v(below1).sub(c(1)), atoms, new Budget())).toBe(true);
    const any = root(v(ids.x).pow(2));
    expect(neverZero(v(any).sub(c(1)), atoms, new Budget())).toBe(false);
    expect(neverZero(v(any).add(c(1)), atoms, new Budget())).toBe(true);
    const atOne = root(c(1).add(v(ids.sin)));
    expect(neverZero(v(atOne).sub(c(1)), atoms, new Budget())).toBe(false);
  });

  it('is sound: where it says never 0, every value drawn in the ranges has one sign', () => {
    const { atoms, ids, draws } = table();
    const idList = Object.values(ids);
    let shown = 0;
    const monomial = fc.record({
      coef: fc.integer({ min: -3, max: 3 }),
      powers: fc.array(fc.record({ id: fc.constantFrom(...idList), e: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
    });
    fc.assert(fc.property(fc.array(monomial, { minLength: 1, maxLength: 4 }), fc.record(Object.fromEntries(idList.map((id) => [id, draws[id]]))), (monomials, values) => {
      const poly = Polynomial.sum(monomials.map((m) => m.powers.reduce((acc, { id, e }) => acc.mul(v(id).pow(e)), c(m.coef))));
      if (!neverZero(poly, atoms, new Budget())) return;
      shown++;
      const value = poly.evaluateFloat((id) => (values as Record<number, number>)[id]);
      expect(value).not.toBe(0);
      // One sign: that of the polynomial at the middle of the ranges (erf 0, sin 0.5, x 1, p 1, exp 1).
      const middle = poly.evaluateFloat((id) => (id === ids.sin ? 0.5 : id === ids.erf ? 0 : 1));
      expect(Math.sign(value)).toBe(Math.sign(middle));
    }), { seed: 12, numRuns: 2000 });
    // The property is not vacuous: a good share of the polynomials drawn are shown never 0.
    expect(shown).toBeGreaterThan(200);
  });
});
