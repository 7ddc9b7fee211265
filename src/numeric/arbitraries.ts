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
} as const;

const double = (range: { min: number; max: number }) =>
  fc.double({ min: range.min, max: range.max, noNaN: true, noDefaultInfinity: true });

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
    case 'label': {
      const classes = input.classes!;
      const n = classes.k === 'fixed' ? classes.size : sizes.get(classes.name)!;
      return fc.integer({ min: 1, max: n }).map((c) => [c]);
    }
  }
}

/** All inputs of a layout, as one record name -> entries; fast-check shrinks each toward its simplest value. */
export function inputsArbitrary(layout: Layout): fc.Arbitrary<Record<string, number[]>> {
  const record: Record<string, fc.Arbitrary<number[]>> = {};
  for (const [name, slot] of layout.slots) record[name] = inputArbitrary(slot.input, slot.shape, layout.sizes);
  return fc.record(record);
}

/** Writes a record of entries into the flat value array of a layout. */
export function fillValues(layout: Layout, inputs: Record<string, number[]>, into: Float64Array): void {
  for (const [name, slot] of layout.slots) into.set(inputs[name], slot.offset);
}
