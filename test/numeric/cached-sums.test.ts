/**
 * Sums cached across a finite difference: within an epoch, a sum that reads no
 * entry of the perturbed input keeps its value, and one that does is computed
 * again at every perturbed point. A stale table would give a derivative of 0
 * (or of the wrong layer); these derivatives are known in closed form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dim, Index, Input, InputRef, Term } from '../../src/model/index.ts';
import { compileClosures, IndexSlots, newState } from '../../src/numeric/compile.ts';
import { compileGenerated, generateSource } from '../../src/numeric/generate.ts';
import { layoutInputs } from '../../src/numeric/layout.ts';

const N: Dim = { k: 'sym', name: 'n' };
const matrix = (name: string): Input => ({ name, kind: 'real', dims: [N, N], typeText: 'matrix[n, n]' });
const INPUTS: readonly Input[] = [matrix('X'), matrix('W'), matrix('V')];
const v = (name: string): Index => ({ k: 'var', name, offset: 0 });
const lit = (value: number): Index => ({ k: 'lit', value });
const entry = (name: string, a: Index, b: Index): Term => ({ k: 'input', ref: { name, indices: [a, b] } });
const sum = (index: string, body: Term): Term => ({ k: 'sum', index, dim: N, body });
const mul = (...factors: Term[]): Term => ({ k: 'mul', factors });

/** L = sum(i, j, k: relu(sum(d, X[i, d] W[d, k])) V[k, j]): the hidden layer's sum over d is met again for every j. */
const hidden: Term = { k: 'fn', name: 'relu', args: [sum('d', mul(entry('X', v('i'), v('d')), entry('W', v('d'), v('k'))))] };
const loss: Term = sum('i', sum('j', sum('k', mul(hidden, entry('V', v('k'), v('j'))))));
const diff = (ref: InputRef): Term => ({ k: 'diff', f: loss, v: ref });

describe('sums cached across a finite difference', () => {
  it('differentiates through a table of hidden sums, in the layer that moves and the one that does not, in closures and generated code', () => {
    fc.assert(fc.property(
      fc.constantFrom(2, 3), fc.array(fc.double({ min: -2, max: 2, noNaN: true }).filter((x) => Math.abs(x) > 0.01), { minLength: 27, maxLength: 27 }), fc.boolean(),
      (n, draws, generated) => {
        const layout = layoutInputs(INPUTS, new Map([['n', n]]));
        const at = (name: string, r: number, c: number) => layout.slots.get(name)!.offset + (r - 1) * n + (c - 1);
        const evaluate = (term: Term): number => {
          const slots = new IndexSlots();
          const compiled = generated ? compileGenerated(generateSource(term, layout, slots)!) : compileClosures(term, layout, slots);
          const state = newState(layout, slots);
          for (let p = 0; p < layout.length; p++) state.values[p] = draws[p % draws.length];
          state.epoch++;
          // Twice at the same input: the tables of the first evaluation are reused by the second.
          compiled(state);
          return compiled(state);
        };
        const values = (p: number) => draws[p % draws.length];
        const pre = (i: number, k: number) => { let s = 0; for (let d = 1; d <= n; d++) s += values(at('X', i, d)) * values(at('W', d, k)); return s; };
        // dL/dV[1, 1] = sum(i, relu(pre[i, 1])): the hidden sums do not move, and must not be taken as moving.
        let dV = 0;
        for (let i = 1; i <= n; i++) dV += Math.max(0, pre(i, 1));
        // dL/dW[1, 1] = sum(i, j: [pre[i, 1] > 0] X[i, 1] V[1, j]): every hidden sum of column 1 moves.
        let dW = 0;
        for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) if (pre(i, 1) > 0) dW += values(at('X', i, 1)) * values(at('V', 1, j));
        // A finite difference keeps a tenth of the distance to every kink of f: none may be at one.
        for (let i = 1; i <= n; i++) for (let k = 1; k <= n; k++) fc.pre(Math.abs(pre(i, k)) > 1e-3);
        expect(evaluate(diff({ name: 'V', indices: [lit(1), lit(1)] }))).toBeCloseTo(dV, 6);
        expect(evaluate(diff({ name: 'W', indices: [lit(1), lit(1)] }))).toBeCloseTo(dW, 6);
      },
    ), { numRuns: 60, seed: 5 });
  });
});
