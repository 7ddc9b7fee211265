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
    // sqrt(p)^2 vs sqrt(p^2): both are p for positive p (exp(log(p) / 2)^2 = exp(log(p)) = p).
    const reduced = pairs.map(([a, b]) => atoms.reduce(c.of(a).sub(c.of(b)).numerator(), new Budget()).isZero());
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(reduced).toEqual([true, true, true, true, true, true]);
  });
});

/** Terms of any sign whose log, sqrt and quotients may have no value (abs included): the conditions must say exactly where. */
const { partial } = fc.letrec<{ partial: Term }>((tie) => ({
  partial: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(input('r'), input('p')),
    fc.integer({ min: -3, max: 3 }).map((n) => num(n)),
    fc.tuple(tie('partial'), tie('partial')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('partial'), tie('partial')).map(([a, b]) => mul(a, b)),
    fc.tuple(tie('partial'), tie('partial')).map(([a, b]) => div(a, b)),
    tie('partial').map((a) => fn('log', a)),
    tie('partial').map((a) => fn('sqrt', a)),
    tie('partial').map((a) => fn('exp', a)),
    tie('partial').map((a) => fn('abs', a)),
  ),
}));

/** The value in doubles, NaN where the expression has none: log(0), sqrt(-1) and 1/0 included (doubles give -Infinity, NaN, Infinity). */
function strictValue(t: Term, point: Record<string, number>): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'input': return point[t.ref.name];
    case 'add': return t.terms.reduce((s, x) => s + strictValue(x, point), 0);
    case 'mul': return t.factors.reduce((s, x) => s * strictValue(x, point), 1);
    case 'pow': {
      const base = strictValue(t.base, point);
      const k = strictValue(t.exponent, point);
      return k < 0 && base === 0 ? NaN : Math.pow(base, k);
    }
    case 'fn': {
      const a = strictValue(t.args[0], point);
      if (t.name === 'abs') return Math.abs(a);
      return t.name === 'exp' ? Math.exp(a) : t.name === 'log' ? (a > 0 ? Math.log(a) : NaN) : a >= 0 ? Math.sqrt(a) : NaN;
    }
    default: throw new Error(`unexpected ${t.k}`);
  }
}

/** Whether a log, sqrt or denominator argument is so near 0 that round-off may have decided its sign (p * (1/p) = 0.9999999999999999). */
function nearBoundary(t: Term, point: Record<string, number>): boolean {
  const children = t.k === 'add' ? t.terms : t.k === 'mul' ? t.factors : t.k === 'pow' ? [t.base, t.exponent] : t.k === 'fn' ? t.args : [];
  const guarded = t.k === 'fn' && t.name !== 'exp' && t.name !== 'abs' ? t.args[0] : t.k === 'pow' ? t.base : undefined;
  const v = guarded === undefined ? 0 : strictValue(guarded, point);
  // log(1 + tiny) is tiny: a log's value near 0 is as suspect as a sqrt argument near 0.
  return (v !== 0 && Math.abs(v) < 1e-9) || (t.k === 'fn' && t.name === 'log' && Math.abs(v - 1) < 1e-9 && v !== 1) || children.some((c) => nearBoundary(c, point));
}

function overflows(t: Term, point: Record<string, number>): boolean {
  const children = t.k === 'add' ? t.terms : t.k === 'mul' ? t.factors : t.k === 'pow' ? [t.base, t.exponent] : t.k === 'fn' ? t.args : [];
  return Math.abs(strictValue(t, point)) === Infinity || children.some((c) => overflows(c, point));
}

function holds(kind: string, v: number): boolean {
  return kind === 'nonzero' ? v !== 0 : kind === 'positive' ? v > 0 : v >= 0;
}

describe('conditions of a canonical form', () => {
  it('hold exactly where the expression has a value', () => {
    fc.assert(
      fc.property(partial, point, (term, at) => {
        const atoms = new AtomTable();
        const { conditions } = new Canonicalizer(atoms, inputs, new Budget({ maxTerms: 200_000 })).side(term);
        const direct = strictValue(term, at);
        const atom = atoms.evaluator((entry) => at[entry as 'p' | 'q' | 'r']);
        const values = conditions.list.map((c) => (c.kind === 'opaque' ? undefined : { kind: c.kind, v: c.poly.evaluateFloat(atom) }));
        // Round-off decides a sign only well away from zero.
        fc.pre(values.every((x) => x !== undefined && Number.isFinite(x.v) && (x.v === 0 || Math.abs(x.v) > 1e-9)));
        const all = conditions.never === undefined && values.every((x) => holds(x!.kind, x!.v));
        // An overflow of nested exps (Infinity, or Infinity - Infinity) says nothing about the domain.
        fc.pre(Number.isNaN(direct) ? !overflows(term, at) : Number.isFinite(direct));
        fc.pre(!nearBoundary(term, at));
        // Where every condition holds the expression has a value; where one fails it has none.
        expect(Number.isNaN(direct)).toBe(!all);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});

describe('sin and cos by the addition formulas', () => {
  /** An angle: a sum of whole and fractional multiples of the inputs, a constant, and a rational multiple of pi. */
  const angle = fc.record({
    a: fc.integer({ min: -9, max: 9 }),
    b: fc.integer({ min: -6, max: 6 }),
    bDen: fc.constantFrom(1, 2, 3),
    c: fc.integer({ min: -4, max: 4 }),
    piNum: fc.integer({ min: -40, max: 40 }),
    piDen: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 12),
  });
  const termOf = (g: { a: number; b: number; bDen: number; c: number; piNum: number; piDen: number }): Term =>
    add(mul(num(g.a), input('r')), mul(num(g.b, g.bDen), input('p')), num(g.c), mul(num(g.piNum, g.piDen), { k: 'pi' }));

  it('gives sin and cos of any such angle the value of the angle, multiples of pi and periods included', () => {
    fc.assert(
      fc.property(angle, point, fc.constantFrom('sin', 'cos') as fc.Arbitrary<'sin' | 'cos'>, (g, at, name) => {
        const theta = g.a * at.r + (g.b / g.bDen) * at.p + g.c + (g.piNum / g.piDen) * Math.PI;
        const atoms = new AtomTable();
        const form = new Canonicalizer(atoms, inputs, new Budget({ maxTerms: 200_000 })).of(fn(name, termOf(g)));
        const value = form.evaluateFloat(atoms.evaluator((entry) => at[entry as 'p' | 'q' | 'r']));
        // The expansion multiplies up to 8 sines of doubles: round-off of a few hundred ulps at most.
        expect(Math.abs(value - Math[name](theta))).toBeLessThanOrEqual(1e-11 * (1 + Math.abs(theta)));
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('makes an angle shifted by a whole number of turns the same form', () => {
    fc.assert(
      fc.property(angle, fc.integer({ min: -1000, max: 1000 }), (g, turns) => {
        const atoms = new AtomTable();
        const c = new Canonicalizer(atoms, inputs, new Budget({ maxTerms: 200_000 }));
        for (const name of ['sin', 'cos'] as const) {
          const shifted = c.of(fn(name, termOf({ ...g, piNum: g.piNum + 2 * turns * g.piDen })));
          expect(shifted.sub(c.of(fn(name, termOf(g)))).isZero()).toBe(true);
        }
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });
});
