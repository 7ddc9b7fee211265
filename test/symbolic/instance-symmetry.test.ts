/**
 * Case splits up to symmetry: every instance is a relabelling of one the exact
 * engine decides (checked by brute force on small cases), a dimension singled out
 * by a literal index or an ordering is never permuted, and a batch claim with a
 * label per row is decided exactly within the instance budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countInstances, decideStep, DEFAULT_SYMBOLIC_BUDGET } from '../../src/symbolic/decide.ts';
import { eliminateDiff, type SymbolicStep } from '../../src/symbolic/index.ts';
import { coordinates, representatives, symmetricDimensions, type Coordinate } from '../../src/symbolic/instance-symmetry.ts';
import { buildModel, parseDerivation } from '../../src/index.ts';
import type { Input } from '../../src/model/index.ts';
import { claimsOf, deriv } from '../__test-helpers__/derivations.ts';

type Dim = Input['dims'][number];
const sym = (name: string): Dim => ({ k: 'sym', name });

/** All permutations of 1..n, as arrays p with p[v - 1] the image of v. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, at) => [...p.slice(0, at), n, ...p.slice(at)]));
}

/** The image of a tuple under one permutation per dimension: values relabelled, rows moved. */
function image(coords: readonly Coordinate[], tuple: readonly number[], perms: ReadonlyMap<string, number[]>): string {
  const out = tuple.slice();
  coords.forEach((c, at) => {
    const value = perms.has(c.valueKey) ? perms.get(c.valueKey)![tuple[at] - 1] : tuple[at];
    let target = at;
    if (c.row && perms.has(c.row.key)) {
      const name = `${c.name.slice(0, c.name.indexOf('['))}[${perms.get(c.row.key)![c.row.r - 1]}]`;
      target = coords.findIndex((d) => d.name === name);
    }
    out[target] = value;
  });
  return out.join(',');
}

function* product(coords: readonly Coordinate[]): Generator<number[]> {
  const values = coords.map(() => 1);
  for (;;) {
    yield values.slice();
    let p = values.length - 1;
    while (p >= 0 && values[p] === coords[p].n) values[p--] = 1;
    if (p < 0) return;
    values[p]++;
  }
}

describe('representatives of the case split', () => {
  const dims = ['N', 'C', 'M'];
  const config = fc.record({
    sizes: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    free: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
    whole: fc.array(fc.record({ kind: fc.constantFrom('label' as const, 'onehot' as const), values: fc.integer({ min: 0, max: 2 }) }), { maxLength: 2 }),
    perRow: fc.array(fc.record({ rows: fc.integer({ min: 0, max: 2 }), values: fc.integer({ min: 0, max: 2 }) }), { maxLength: 2 }),
    symmetric: fc.subarray(dims),
  });

  it('every instance is a relabelling of a representative (brute force over all permutations)', () => {
    fc.assert(fc.property(config, ({ sizes, free, whole, perRow, symmetric }) => {
      const size = new Map(dims.map((d, i) => [d, sizes[i]]));
      const inputs: Input[] = [
        ...whole.map((w, i): Input => w.kind === 'label'
          ? { name: `l${i}`, kind: 'label', dims: [], classes: sym(dims[w.values]), typeText: '' }
          : { name: `h${i}`, kind: 'onehot', dims: [sym(dims[w.values])], typeText: '' }),
        ...perRow.map((p, i): Input => ({ name: `y${i}`, kind: 'label', dims: [sym(dims[p.rows])], classes: sym(dims[p.values]), typeText: '' })),
      ];
      const coords = coordinates(free.map((d, i) => ({ name: `i${i}`, dim: sym(dims[d]) })), inputs, (d) => (d.k === 'sym' ? size.get(d.name)! : d.size));
      const all = [...product(coords)];
      fc.pre(all.length <= 800);
      const reps = [...representatives(coords, new Set(symmetric))];
      const repKeys = new Set(reps.map((r) => r.join(',')));
      expect(repKeys.size).toBe(reps.length);
      const groups = symmetric.reduce<Map<string, number[]>[]>((acc, d) => acc.flatMap((g) => permutations(size.get(d)!).map((p) => new Map(g).set(d, p))), [new Map()]);
      for (const tuple of all) {
        expect(groups.some((g) => repKeys.has(image(coords, tuple, g))), `instance ${tuple.join(',')} reaches no representative`).toBe(true);
      }
    }), { numRuns: 150 });
  });

  it('with no dimension to permute, every instance, in order', () => {
    const coords = coordinates([{ name: 'i', dim: sym('N') }], [{ name: 'y', kind: 'label', dims: [sym('N')], classes: sym('C'), typeText: '' }],
      (d) => (d.k === 'sym' ? (d.name === 'N' ? 2 : 3) : d.size));
    expect([...representatives(coords, new Set())]).toEqual([...product(coords)]);
    expect([...representatives(coords, new Set())]).toHaveLength(2 * 3 * 3);
    // Rows and classes permuted: i = 1 (row 1 distinguished), its class 1, the other row's class 1 or 2.
    expect([...representatives(coords, new Set(['N', 'C']))]).toEqual([[1, 1, 1], [1, 1, 2]]);
  });
});

function stepOf(text: string): { step: SymbolicStep; sizes: Map<string, number>[] } {
  const model = buildModel(parseDerivation(deriv(text), 't.deriv'));
  const claim = model.claims[0];
  const step = { lhs: eliminateDiff(claim.head!), rhs: eliminateDiff(claim.steps[0].term!), inputs: model.inputs, freeIndices: claim.freeIndices };
  const sizes = [1, 2, 3, 4, 5, 8].map((n) => new Map(model.dims.map((d) => [d, n] as [string, number])));
  return { step, sizes };
}

describe('which dimensions are permuted', () => {
  it('a dimension the step treats alike is permuted', () => {
    const { step } = stepOf(`given z: matrix[N, C]
given y: label[N, C]
claim diff(-log(exp(z[i, y[i]]) / sum(j, exp(z[i, j]))), z[i, k]) = exp(z[i, k]) / sum(j, exp(z[i, j])) - delta(k, y[i])`);
    expect(symmetricDimensions(step)).toEqual(new Set(['N', 'C']));
  });

  it('a literal class index singles the class out: the classes are not permuted, and the one class where the step fails is found', () => {
    const { step, sizes } = stepOf(`given x: vector[C]
given y: label[C]
claim x[y] * delta(y, 2) = 0`);
    expect(symmetricDimensions(step)?.has('C')).toBe(false);
    // Permuting the classes would keep only y = 1, where the step holds: the reduction must not happen.
    const coords = coordinates([], [step.inputs[1]], () => 3);
    expect([...representatives(coords, new Set(['C']))]).toEqual([[1]]);
    const outcome = decideStep(step, sizes);
    expect(outcome.kind).toBe('different');
    expect(outcome.kind === 'different' && outcome.instance.cases).toEqual({ y: 2 });
  });

  it('an ordering of indices, an offset, or a size used as an index singles positions out', () => {
    expect(symmetricDimensions(stepOf(`given x: vector[n]
claim x[i] * (i < k) = x[i] * (i < k)`).step)?.has('n')).toBe(false);
    expect(symmetricDimensions(stepOf(`given x: vector[n]
claim x[n] = x[n]`).step)?.has('n')).toBe(false);
    expect(symmetricDimensions(stepOf(`given x: vector[n]
claim sum(j, x[j]) = sum(j, x[j])`).step)?.has('n')).toBe(true);
  });

  it('an index used as a number singles positions out: the missing factor k is decided at every k, not at k = 1 alone', () => {
    const { step, sizes } = stepOf(`given x: vector[n]
claim diff(sum(i, i * x[i]^2), x[k]) = 2 * x[k]`);
    expect(symmetricDimensions(step)?.has('n')).toBe(false);
    // Relabelling n would keep only k = 1, where 2 * k * x[k] is 2 * x[k].
    const outcome = decideStep(step, sizes);
    expect(outcome.kind).toBe('different');
    expect(outcome.kind === 'different' && outcome.instance.indices.k).toBeGreaterThan(1);
    expect(decideStep(stepOf(`given x: vector[n]
claim diff(sum(i, i * x[i]^2), x[k]) = 2 * k * x[k]`).step, sizes).kind).toBe('equal');
  });
});

describe('a batch claim with a label per row and a symbolic batch size', () => {
  const BATCH = `given z: matrix[N, C]
given y: label[N, C]
let L = -sum(onehot(y, C) .* log(softmax(z))) / N
claim grad(L, z) = (softmax(z) - onehot(y, C)) / N
claim grad(L, z) = softmax(z) - onehot(y, C)`;

  it('is decided exactly within the instance budget, where the whole case split (C^N label cases) is far over it', () => {
    const { step, sizes } = stepOf(BATCH);
    const all = sizes.reduce((total, size) => total + size.get('N')! * size.get('C')! * size.get('C')! ** size.get('N')!, 0);
    expect(all).toBeGreaterThan(DEFAULT_SYMBOLIC_BUDGET.maxInstances);
    expect(countInstances(step, sizes)).toBeLessThan(DEFAULT_SYMBOLIC_BUDGET.maxInstances);
    const outcome = decideStep(step, sizes, DEFAULT_SYMBOLIC_BUDGET);
    expect(outcome.kind).toBe('equal');
  });

  it('is proved, and the dropped 1/N refuted', () => {
    const claims = claimsOf(deriv(BATCH), { seed: 1, trials: 20, sizes: [1, 2, 3], });
    expect(claims[0].steps[0].verdict).toBe('proved');
    expect(claims[0].steps[0].detail.instances).toBeGreaterThan(0);
    expect(claims[1].steps[0].verdict).toBe('refuted');
  });
});
