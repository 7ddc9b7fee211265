/**
 * The canonical form of an expression must have the expression's value: for
 * random expressions in positive and real inputs (sums, products, quotients,
 * integer powers, exp, log, sqrt), the rational function over atoms, evaluated
 * with each atom's own value, equals a direct evaluation in doubles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, div, fn, mul, num, pow, sub, type Input, type Term } from '../../src/model/index.ts';
import { AtomTable, Canonicalizer } from '../../src/symbolic/index.ts';
import { Budget } from '../../src/symbolic/exact/index.ts';

const inputs = new Map<string, Input>([
  ['p', { name: 'p', kind: 'positive', dims: [], typeText: 'positive' }],
  ['q', { name: 'q', kind: 'positive', dims: [], typeText: 'positive' }],
  ['r', { name: 'r', kind: 'real', dims: [], typeText: 'real' }],
]);
const input = (name: string): Term => ({ k: 'input', ref: { name, indices: [] } });

/** Terms known positive (so log and sqrt of them are defined), and terms of any sign. */
const { positive, any } = fc.letrec<{ positive: Term; any: Term }>((tie) => ({
  positive: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(input('p'), input('q')),
    fc.integer({ min: 1, max: 9 }).chain((n) => fc.integer({ min: 1, max: 5 }).map((d) => num(n, d))),
    fc.tuple(tie('positive'), tie('positive')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('positive'), tie('positive')).map(([a, b]) => mul(a, b)),
    fc.tuple(tie('positive'), tie('positive')).map(([a, b]) => div(a, b)),
    fc.tuple(tie('positive'), fc.integer({ min: -3, max: 3 })).map(([a, k]) => pow(a, num(k))),
    tie('any').map((a) => fn('exp', a)),
    tie('positive').map((a) => fn('sqrt', a)),
  ),
  any: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(input('r')),
    fc.integer({ min: -9, max: 9 }).map((n) => num(n)),
    tie('positive'),
    fc.tuple(tie('any'), tie('any')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('any'), tie('any')).map(([a, b]) => sub(a, b)),
    fc.tuple(tie('any'), tie('any')).map(([a, b]) => mul(a, b)),
    fc.tuple(tie('any'), tie('positive')).map(([a, b]) => div(a, b)),
    tie('positive').map((a) => fn('log', a)),
  ),
}));

function evaluate(t: Term, point: Record<string, number>): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'input': return point[t.ref.name];
    case 'add': return t.terms.reduce((s, x) => s + evaluate(x, point), 0);
    case 'mul': return t.factors.reduce((s, x) => s * evaluate(x, point), 1);
    case 'pow': return Math.pow(evaluate(t.base, point), evaluate(t.exponent, point));
    case 'fn': {
      const a = evaluate(t.args[0], point);
      return t.name === 'exp' ? Math.exp(a) : t.name === 'log' ? Math.log(a) : Math.sqrt(a);
    }
    default: throw new Error(`unexpected ${t.k}`);
  }
}

const point = fc.record({
  p: fc.double({ min: 0.2, max: 3, noNaN: true, noDefaultInfinity: true }),
  q: fc.double({ min: 0.2, max: 3, noNaN: true, noDefaultInfinity: true }),
  r: fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true }),
});

describe('canonical form', () => {
  it('agrees with the value of the expression it came from', () => {
    fc.assert(
      fc.property(any, point, (term, at) => {
        const direct = evaluate(term, at);
        fc.pre(Number.isFinite(direct) && Math.abs(direct) < 1e8);
        const atoms = new AtomTable();
        const form = new Canonicalizer(atoms, inputs, new Budget({ maxTerms: 200_000 })).of(term);
        const value = form.evaluateFloat(atoms.evaluator((entry) => at[entry as 'p' | 'q' | 'r']));
        fc.pre(Number.isFinite(value));
        // Both are doubles computed in different orders: allow round-off relative to the magnitudes involved.
        expect(Math.abs(value - direct)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(direct)));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('is the same for an expression and a rearrangement of it (exp and log laws included)', () => {
    const atoms = new AtomTable();
    const c = new Canonicalizer(atoms, inputs, new Budget());
    const p = input('p');
    const q = input('q');
    const r = input('r');
    const pairs: Array<[Term, Term]> = [
      [fn('log', div(p, q)), sub(fn('log', p), fn('log', q))],
      [fn('exp', add(r, fn('log', p))), mul(p, fn('exp', r))],
      [fn('log', fn('exp', r)), r],
      [fn('log', num(4)), mul(num(2), fn('log', num(2)))],
      [fn('sigmoid', r), div(fn('exp', r), add(num(1), fn('exp', r)))],
      [pow(fn('sqrt', p), num(2)), fn('sqrt', mul(p, p))],
    ];
    const results = pairs.map(([a, b]) => c.of(a).sub(c.of(b)).isZero());
    // sqrt(p)^2 vs sqrt(p^2): both are p for positive p, but the engine keeps roots whole (no radical rules): not decided.
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});
