/**
 * The figures to beat, copied from /work/shared/ANCHORS.md (medians measured on
 * a 2-core machine of this kind; SymPy 1.11.1 and PyTorch 1.13 CPU float64 from
 * Debian's packages). Times in ms.
 */
export const ANCHORS = {
  /** ANCHORS.md, "Symbolic (SymPy)": softmax Jacobian, all n² entries, proved. */
  softmaxJacobian: {
    source: 'SymPy 1.11.1',
    row: 'ANCHORS.md, Symbolic (SymPy): "softmax Jacobian, all n² entries"',
    ms: new Map([[3, 190], [5, 190], [8, 610], [12, 1160], [16, 1760], [24, 3730]]),
  },
  /** ANCHORS.md, "Symbolic (SymPy)": dL/dx_k = s_k - y_k for all k (y one-hot), proved. */
  crossEntropyGradient: {
    source: 'SymPy 1.11.1',
    row: 'ANCHORS.md, Symbolic (SymPy): "dL/dx_k = s_k - y_k for all k (y one-hot)"',
    ms: new Map([[3, 150], [8, 950], [12, 2410], [24, 11_980]]),
  },
  /** ANCHORS.md, "Symbolic (SymPy)": two-layer net dW1 = X' dZ1, keyed by the size of D, H, C (N = 1, 2, 2). */
  twoLayer: {
    source: 'SymPy 1.11.1',
    row: 'ANCHORS.md, Symbolic (SymPy): "two-layer net dW1 = X\' dZ1, (N, D, H, C) = (1,2,2,2) / (2,2,2,2) / (2,3,3,3)"',
    ms: new Map([[3, 26_800]]),
  },
  /** ANCHORS.md, "Numeric (torch.autograd.gradcheck ...)": time, softmax + cross-entropy gradient. */
  gradcheck: {
    source: 'torch 1.13 gradcheck',
    row: 'ANCHORS.md, Numeric (torch.autograd.gradcheck, float64): "time: softmax + cross-entropy gradient"',
    ms: new Map([[10, 1.8], [100, 9.3], [1000, 90.8], [3000, 314]]),
  },
} as const;

export function anchorMs(table: { ms: ReadonlyMap<number, number> }, n: number): number {
  const ms = table.ms.get(n);
  if (ms === undefined) throw new Error(`no anchor figure for n = ${n}`);
  return ms;
}
