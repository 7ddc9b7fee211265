import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivationFile } from '../../src/index.ts';
import { differentiate, eliminateDiff, type Term } from '../../src/model/index.ts';
import { affineCriticalPoint } from '../../src/symbolic/affine-critical.ts';

/** The derivatives of a margin written in x, y, z, in each of the names. */
function slopes(margin: string, names: readonly string[]): Term[] {
  const model = buildModel(parseDerivationFile(`derivation "d"\ngiven x, y, z: real\ngiven v: vector[n]\nclaim ${margin}\n  = 0\n`, 'a.deriv').derivations[0]);
  const head = model.claims[0].head!;
  return names.map((name) => eliminateDiff(differentiate(head, { name, indices: [] })));
}

const solve = (margin: string, names: string[], sizes = new Map<string, number>()) =>
  affineCriticalPoint(slopes(margin, names), names, sizes)?.map((r) => r.toString());

describe('affineCriticalPoint: where a quadratic margin is flat in all its inputs at once', () => {
  it('solves the linear system exactly', () => {
    expect(solve('(x - y)^2 + (y - 2)^2', ['x', 'y'])).toEqual(['2', '2']);
    expect(solve('x^2 + x * y + y^2 - 3 * y + 3', ['x', 'y'])).toEqual(['-1', '2']);
    expect(solve('(x - 2 * y)^2 + (y - 1/3)^2 + (z - x)^2', ['x', 'y', 'z'])).toEqual(['2/3', '1/3', '2/3']);
  });

  it('has no point where a derivative is not affine, or the system has no single solution', () => {
    expect(solve('x^4 + y^2', ['x', 'y'])).toBeUndefined();
    expect(solve('exp(x) + y^2', ['x', 'y'])).toBeUndefined();
    expect(solve('(x + y - 3)^2', ['x', 'y'])).toBeUndefined();
  });

  it('reads a sum over a size whose body is free of its index as that many times the body', () => {
    expect(solve('sum(j, (x - y)^2) + (y - 5)^2', ['x', 'y'], new Map([['n', 4]]))).toEqual(['5', '5']);
  });

  it('finds the minimiser of any positive definite quadratic with a rational one', () => {
    const small = fc.integer({ min: -6, max: 6 });
    fc.assert(fc.property(fc.tuple(small, small, small, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), ([a, b, c, p, q]) => {
      // (x - a y - b)^2 p + (y - c)^2 q: least at y = c, x = a c + b.
      const margin = `${p} * (x - (${a}) * y - (${b}))^2 + ${q} * (y - (${c}))^2`;
      expect(solve(margin, ['x', 'y'])).toEqual([String(a * c + b), String(c)]);
    }), { seed: 3, numRuns: 40 });
  });
});
