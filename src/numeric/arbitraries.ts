import fc from 'fast-check';
import type { Input } from '../model/index.ts';
import type { Layout } from './layout.ts';

/**
 * The ranges random inputs are drawn from, per kind. Bounded so that exp stays
 * far from overflow (softmax of entries in [-4, 4] has no entry below 1e-4 at
 * n = 8) and positive values stay away from 0, where log and 1/x blow up.
 */
export const INPUT_RANGES = {
  real: { min: -4, max: 4 },
  positive: { min: 0.1, max: 5 },
  unit: { min: 0.01, max: 0.99 },
  simplexWeight: { min: 0.05, max: 1 },
  /** Off-diagonal entries of an invertible[n, n] matrix; its diagonal is drawn from [n, n + 2]. */
  invertibleOffDiagonal: { min: -1, max: 1 },
} as const;

let double = (range: { min: number; max: number }) =>
  fc.double({ min: range.min, max: range.max, noNaN: true, noDefaultInfinity: true });

const biasedDouble = double;

/**
 * Uniform in value rather than in bit pattern: fc.double draws most values below
 * 1e-10 in magnitude, so in a network every relu(x W + b) sits within 1e-6 of its
 * kink and the input is discarded. Steps that differentiate through a kink use
 * these (shrinking toward the middle of the range).
 */
const STEPS = 2 ** 30;
const uniformDouble = (range: { min: number; max: number }) => {
  const mid = (range.min + range.max) / 2;
  const half = (range.max - range.min) / 2;
  return fc.integer({ min: -STEPS, max: STEPS }).map((k) => mid + (half * k) / STEPS);
};

/** Values for one input, as a plain array of its entries (a label: its class as a number). */
function inputArbitrary(input: Input, shape: readonly number[], sizes: ReadonlyMap<string, number>): fc.Arbitrary<number[]> {
  const count = shape.reduce((a, b) => a * b, 1);
  switch (input.kind) {
    case 'real': return fc.array(double(INPUT_RANGES.real), { minLength: count, maxLength: count });
    case 'positive': return fc.array(double(INPUT_RANGES.positive), { minLength: count, maxLength: count });
    case 'unit': return fc.array(double(INPUT_RANGES.unit), { minLength: count, maxLength: count });
    case 'simplex':
      return fc.array(double(INPUT_RANGES.simplexWeight), { minLength: count, maxLength: count }).map((w) => {
        const total = w.reduce((a, b) => a + b, 0);
        return w.map((v) => v / total);
      });
    case 'onehot':
      return fc.integer({ min: 1, max: count }).map((hot) => Array.from({ length: count }, (_, i) => (i + 1 === hot ? 1 : 0)));
    case 'invertible': {
      // Strictly diagonally dominant with a positive diagonal: invertible with det > 0 (Gershgorin), and
      // not symmetric, so no fact beyond invertibility holds on every draw (the exact engine assumes none).
      const n = shape[0];
      const offDiagonal = double(INPUT_RANGES.invertibleOffDiagonal);
      const diagonal = double({ min: n, max: n + 2 });
      return fc.tuple(...Array.from({ length: count }, (_, e) => (Math.floor(e / n) === e % n ? diagonal : offDiagonal)));
    }
    case 'label': {
      const classes = input.classes!;
      const n = classes.k === 'fixed' ? classes.size : sizes.get(classes.name)!;
      // One class per entry: label[n] holds one, label[N, C] one per row.
      return fc.array(fc.integer({ min: 1, max: n }), { minLength: count, maxLength: count });
    }
  }
}

/** All inputs of a layout, as one record name -> entries; fast-check shrinks each toward its simplest value. */
export function inputsArbitrary(layout: Layout, uniform = false): fc.Arbitrary<Record<string, number[]>> {
  const record: Record<string, fc.Arbitrary<number[]>> = {};
  double = uniform ? uniformDouble : biasedDouble;
  try {
    for (const [name, slot] of layout.slots) record[name] = inputArbitrary(slot.input, slot.shape, layout.sizes);
  } finally {
    double = biasedDouble;
  }
  return fc.record(record);
}

/** Writes a record of entries into the flat value array of a layout. */
export function fillValues(layout: Layout, inputs: Record<string, number[]>, into: Float64Array): void {
  for (const [name, slot] of layout.slots) into.set(inputs[name], slot.offset);
}
