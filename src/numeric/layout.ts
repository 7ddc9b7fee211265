import type { Dim, Input } from '../model/index.ts';

/** Where each input's entries live in the flat array of values, at one size assignment. */
export interface InputSlot {
  readonly input: Input;
  readonly offset: number;
  /** Size of each dimension. */
  readonly shape: readonly number[];
  /** Row-major strides. */
  readonly strides: readonly number[];
}

export interface Layout {
  readonly sizes: ReadonlyMap<string, number>;
  readonly slots: ReadonlyMap<string, InputSlot>;
  /** Total number of values. */
  readonly length: number;
}

export function dimSize(dim: Dim, sizes: ReadonlyMap<string, number>): number {
  if (dim.k === 'fixed') return dim.size;
  const size = sizes.get(dim.name);
  if (size === undefined) throw new Error(`internal: dimension ${dim.name} has no size`);
  return size;
}

/** Lays the inputs out one after the other, row-major; a label takes one slot holding its class. */
export function layoutInputs(inputs: readonly Input[], sizes: ReadonlyMap<string, number>): Layout {
  const slots = new Map<string, InputSlot>();
  let offset = 0;
  for (const input of inputs) {
    const shape = input.dims.map((d) => dimSize(d, sizes));
    const strides: number[] = [];
    let stride = 1;
    for (let p = shape.length - 1; p >= 0; p--) {
      strides[p] = stride;
      stride *= shape[p];
    }
    slots.set(input.name, { input, offset, shape, strides });
    offset += stride;
  }
  return { sizes, slots, length: offset };
}

/** `x[2]`, `W[1, 3]`: the name of the entry at a flat position, for reports. */
export function entryName(layout: Layout, position: number): string {
  for (const slot of layout.slots.values()) {
    const size = slot.shape.reduce((a, b) => a * b, 1);
    if (position >= slot.offset && position < slot.offset + size) {
      if (slot.shape.length === 0) return slot.input.name;
      let rest = position - slot.offset;
      const at = slot.strides.map((s) => {
        const i = Math.floor(rest / s);
        rest -= i * s;
        return i + 1;
      });
      return `${slot.input.name}[${at.join(', ')}]`;
    }
  }
  return `#${position}`;
}

/** The inputs of a layout by name, as model/value-ranges.ts reads their types. */
export function inputsByName(layout: Layout): ReadonlyMap<string, Input> {
  return new Map([...layout.slots].map(([name, slot]) => [name, slot.input]));
}
