/**
 * Inputs whose ends read other inputs are put inside those ends before a draw is judged: whatever the draw, the
 * placed values lie inside every end, in a chain too, and an included end is among them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, parseDerivation } from '../../src/index.ts';
import { layoutInputs } from '../../src/numeric/index.ts';
import { relativePlacer } from '../../src/numeric/relative-ends.ts';

const model = buildModel(parseDerivation(`derivation "t"
given m: positive
given L: real in (m, Infinity)
given c: real in [m, L]
given d: real in (c, 2 * L]
given t: real in (-Infinity, m)
claim c + d + t = 0
`, 't.deriv'));
const layout = layoutInputs(model.inputs, new Map());
const place = relativePlacer(layout)!;
const double = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

describe('inputs placed inside ends of other inputs', () => {
  it('lie inside every end, whatever was drawn', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, min: 1e-3, max: 1e3 }), double, double, double, double, (m, L, c, d, t) => {
      const placed = place({ m: [m], L: [L], c: [c], d: [d], t: [t] });
      const [pm, pL, pc, pd, pt] = ['m', 'L', 'c', 'd', 't'].map((n) => placed[n][0]);
      expect(pm).toBe(m);
      expect(pL).toBeGreaterThan(pm);
      expect(pc).toBeGreaterThanOrEqual(pm);
      expect(pc).toBeLessThanOrEqual(pL);
      expect(pd).toBeGreaterThan(pc);
      expect(pd).toBeLessThanOrEqual(2 * pL);
      expect(pt).toBeLessThan(pm);
    }), { numRuns: 300, seed: 3 });
  });

  it('keeps a draw already inside, and puts a whole number outside at an included end', () => {
    expect(place({ m: [1], L: [3], c: [2.5], d: [4], t: [0] })).toEqual({ m: [1], L: [3], c: [2.5], d: [4], t: [0] });
    expect(place({ m: [1], L: [3], c: [0], d: [4], t: [0] }).c).toEqual([1]);
    expect(place({ m: [1], L: [3], c: [-1], d: [4], t: [0] }).c).toEqual([3]);
  });
});
