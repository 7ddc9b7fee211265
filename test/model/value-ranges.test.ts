import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, fn, input, mul, neg, num, pow, FUNCTIONS, type Input, type Term } from '../../src/model/index.ts';
import { rangeAbove, valueRange } from '../../src/model/value-ranges.ts';

const INPUTS: readonly Input[] = [
  { name: 'x', kind: 'positive', dims: [] } as unknown as Input,
  { name: 'p', kind: 'unit', dims: [] } as unknown as Input,
  { name: 'z', kind: 'real', dims: [] } as unknown as Input,
];
const BY_NAME = new Map(INPUTS.map((i) => [i.name, i]));

/** Terms over x (positive), p (unit), z (real), as a step's sides are built. */
const term: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Term>(input({ name: 'x', indices: [] }), input({ name: 'p', indices: [] }), input({ name: 'z', indices: [] })),
    fc.integer({ min: -3, max: 3 }).map((n) => num(n)),
    fc.tuple(tie('t'), tie('t')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('t'), tie('t')).map(([a, b]) => mul(a, b)),
    tie('t').map(neg),
    fc.tuple(tie('t'), fc.integer({ min: -2, max: 3 })).map(([b, e]) => pow(b, num(e))),
    fc.tuple(fc.constantFrom('exp', 'expm1', 'tanh', 'sigmoid', 'softplus', 'log', 'log1p', 'sqrt', 'atan', 'abs', 'sin', 'cosh') as fc.Arbitrary<'exp'>, tie('t'))
      .map(([name, a]) => fn(name, a)),
  ),
})).t;

function evaluate(t: Term, at: Record<string, number>): number {
  switch (t.k) {
    case 'num': return Number(t.value.num) / Number(t.value.den);
    case 'input': return at[t.ref.name];
    case 'add': return t.terms.reduce((s, x) => s + evaluate(x, at), 0);
    case 'mul': return t.factors.reduce((s, x) => s * evaluate(x, at), 1);
    case 'pow': {
      const b = evaluate(t.base, at);
      const e = evaluate(t.exponent, at);
      return b === 0 && e < 0 ? NaN : b ** e;
    }
    case 'fn': return FUNCTIONS[t.name].value(...t.args.map((a) => evaluate(a, at)));
    default: return NaN;
  }
}

describe('valueRange: an interval holding every value of a term over its inputs\' types', () => {
  it('holds the value of random terms at random points of the types, and where it is defined the term has a value', () => {
    const point = fc.record({
      x: fc.double({ min: 1e-6, max: 50, noNaN: true }),
      p: fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
      z: fc.double({ min: -50, max: 50, noNaN: true }),
    });
    fc.assert(fc.property(term, fc.array(point, { minLength: 5, maxLength: 5 }), (t, points) => {
      const range = valueRange(t, BY_NAME);
      if (range === undefined) return;
      for (const at of points) {
        const v = evaluate(t, at);
        if (!Number.isFinite(v)) {
          // Past a double's range (exp(exp(50))) is still a value; no value at all (NaN) never is, inside a range.
          expect(Number.isNaN(v)).toBe(false);
          continue;
        }
        const slack = 1e-9 * Math.max(1, Math.abs(v));
        expect(v).toBeGreaterThanOrEqual(range.lo - slack);
        expect(v).toBeLessThanOrEqual(range.hi + slack);
      }
    }), { numRuns: 2000 });
  }, 30_000);

  it('reads the stable forms of log(1 - e^-x) and log(1 - p) as having values, and log(1 + z) for a real z as not shown', () => {
    const x = input({ name: 'x', indices: [] });
    const p = input({ name: 'p', indices: [] });
    const z = input({ name: 'z', indices: [] });
    expect(rangeAbove(valueRange(neg(fn('expm1', neg(x))), BY_NAME), 0, true)).toBe(true);
    expect(rangeAbove(valueRange(neg(fn('exp', neg(x))), BY_NAME), -1, true)).toBe(true);
    expect(rangeAbove(valueRange(add(num(1), neg(p)), BY_NAME), 0, true)).toBe(true);
    expect(rangeAbove(valueRange(add(num(1), z), BY_NAME), 0, true)).toBe(false);
    // expm1 of a value that may be 0 is not > 0.
    expect(rangeAbove(valueRange(fn('expm1', x), BY_NAME), 0, true)).toBe(true);
    expect(rangeAbove(valueRange(fn('expm1', add(x, neg(x))), BY_NAME), 0, true)).toBe(false);
  });
});
