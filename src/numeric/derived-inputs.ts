import type { EvaluationState, IndexSlots } from './compile.ts';
import { compileTerm } from './generate.ts';
import type { Layout } from './layout.ts';

/**
 * The values of the inputs that stand for a `let` in a derivative with respect to
 * it (`grad(C, z2)` with `let z2 = W2 * a1 + b2`, see Input.definedBy): each
 * entry is its definition's value at the random inputs, so a finite difference
 * moves z2 alone, with everything upstream of it held. Such inputs are never
 * drawn; this fills them in after the drawn ones.
 */
export type DerivedInputs = (state: EvaluationState) => void;

/** Compiles the definitions of a layout's derived inputs; undefined when it has none. */
export function compileDerivedInputs(layout: Layout, slots: IndexSlots): DerivedInputs | undefined {
  const fills: ((state: EvaluationState) => void)[] = [];
  for (const slot of layout.slots.values()) {
    const definition = slot.input.definedBy;
    if (definition === undefined) continue;
    const body = compileTerm(definition.body, layout, slots);
    const paramSlots = definition.params.map((p) => slots.slot(p));
    const count = slot.shape.reduce((a, b) => a * b, 1);
    fills.push((state) => {
      for (let linear = 0; linear < count; linear++) {
        let rest = linear;
        for (let p = 0; p < slot.shape.length; p++) {
          const at = Math.floor(rest / slot.strides[p]);
          rest -= at * slot.strides[p];
          state.indices[paramSlots[p]] = at + 1;
        }
        state.kinkDistance = Infinity;
        state.values[slot.offset + linear] = body(state);
      }
    });
  }
  if (fills.length === 0) return undefined;
  return (state) => {
    // Definitions read drawn inputs only: their cached sums belong to this epoch, the step's to the next.
    for (const fill of fills) fill(state);
    state.epoch++;
  };
}

