import type { Diagnostic } from '../diagnostics/index.ts';
import type { Dim, ModelClaim, ModelStep, RangeMismatch, Term } from '../model/index.ts';
import { isExpected, type StepResult } from './results.ts';

/**
 * Steps refuted before any engine runs: a step of another shape than the line
 * above, a step whose own dimensions disagree, a step that uses the claim's
 * index over a shorter dimension. Each is a well-written expression with no value
 * where the line above has one (or, for shapes, an array that can never equal
 * it), so the domain rule refutes it, and the reason is said in words.
 */

/**
 * A shape error that says two dimensions disagree (the inner dimensions of a
 * product, an entrywise operation between shapes that do not broadcast, a dot
 * product of two lengths): the step is a well-written expression that has no
 * value wherever those dimensions differ. Misuses of a form (softmax of a
 * scalar) and an ambiguous broadcast stay errors.
 */
export function dimensionsDisagree(error: Diagnostic): boolean {
  if (error.code !== 'shape' || /ambiguous/.test(error.message)) return false;
  return /^matrix product .*the inner dimensions .* differ$/.test(error.message)
    || /^'[-+*/^]|\.[*/^]' between arrays of different shapes/.test(error.message)
    || /^dot takes two vectors of the same length/.test(error.message);
}

/**
 * A step whose dimensions disagree (`X * (p - y)` for `X' * (p - y)`, a missing
 * transpose) has no value where they differ, and the line above has one there:
 * refuted by the domain rule, with the shape error as the reason.
 */
export function refutedByIllShape(modelStep: ModelStep, error: Diagnostic, seed: number): StepResult {
  const hint = error.message.startsWith('matrix product') ? ' (a transpose missing or misplaced?)' : '';
  return refutedBefore(modelStep, 'shapes compared',
    `${error.message}: this step has no value where they differ, and the line above has one${hint}`, seed);
}

/**
 * Whether an index over `a` can take a value past the end of `b`: two symbols (n > m), a symbol past a number, or a larger number.
 * With derived dimensions the symbols are tied (n - k + 1 >= 1 keeps k <= n): then `sizes`, the assignments tried, decide.
 */
export function canRunLonger(a: Dim, b: Dim, sizes?: readonly ReadonlyMap<string, number>[]): boolean {
  if (a.k === 'sym' && b.k === 'sym' && sizes !== undefined && a.name !== b.name) return sizes.some((s) => (s.get(a.name) ?? 0) > (s.get(b.name) ?? Infinity));
  if (a.k === 'sym') return b.k === 'fixed' || a.name !== b.name;
  return b.k === 'fixed' ? a.size > b.size : a.size > 1;
}

/**
 * A step that uses a free index of the claim over a shorter dimension (`g[j]`, g
 * of length m, where the claim's j runs over n, a swap of i and j in a
 * non-square gradient): where n > m it reads past the end of g and has no value,
 * while the line above has one. Refuted by the domain rule, with the ranges as
 * the reason; the step has no term to check beyond that.
 */
export function refutedByRange(modelStep: ModelStep, mismatch: RangeMismatch, seed: number): StepResult {
  const show = (d: Dim) => (d.k === 'sym' ? d.name : String(d.size));
  const { index, claimDim, usedDim } = mismatch;
  if (mismatch.summed) {
    return refutedBefore(modelStep, 'index ranges compared',
      `the summation index ${index} runs over both ${show(claimDim)} and ${show(usedDim)} in this step: over the longer it reads past the end of an array of the shorter and has no value, where the line above has one (a transpose or swapped indices?)`,
      seed);
  }
  const where = claimDim.k === 'sym' && usedDim.k === 'sym' ? `where ${show(claimDim)} > ${show(usedDim)}` : `for ${index} > ${show(usedDim)}`;
  return refutedBefore(modelStep, 'index ranges compared',
    `the index ${index} runs over ${show(claimDim)} in the claim, but this step uses it over ${show(usedDim)}: ${where} the step reads past the end and has no value, where the line above has one (indices swapped?)`,
    seed);
}

/** The shape of an expression of an array claim as messages write it: its own when off the claim's, else the claim's; undefined when unreadable. */
export function shapeOf(claim: ModelClaim, term: Term | undefined, offShape: string | undefined): string | undefined {
  if (claim.shape === undefined) return undefined;
  return offShape ?? (term === undefined ? undefined : claim.shape);
}

/**
 * A step of another shape than the line above (`m×n` against `n×m`, a vector of
 * length N against one of length C) cannot equal it: refuted without a number,
 * with the shapes as the reason. A transpose convention (numerator against
 * denominator layout) is the usual cause, so the message names it.
 */
export function refutedByShape(modelStep: ModelStep, stepShape: string, aboveShape: string, aboveName: string, seed: number): StepResult {
  const transposed = /^(.+)×(.+)$/.exec(stepShape);
  const hint = transposed && aboveShape === `${transposed[2]}×${transposed[1]}` ? '; the shape is transposed (a layout convention, or a transpose in the wrong place?)' : '';
  return refutedBefore(modelStep, 'shapes compared',
    `this step is ${stepShape}, but ${aboveName} is ${aboveShape}: arrays of different shapes are never equal${hint}`, seed);
}

/** A step refuted before any engine runs (shapes, index ranges): no numbers, no counterexample, the reason in words. */
function refutedBefore(modelStep: ModelStep, method: string, explanation: string, seed: number): StepResult {
  const { step } = modelStep;
  const expect = step.expectWrong ? 'wrong' as const : 'holds' as const;
  return {
    line: step.span.line, span: step.span, text: step.text, justification: step.justification, relation: step.relation, expect,
    verdict: 'refuted', proof: undefined, ok: isExpected('refuted', expect), method,
    detail: { trials: 0, sizes: [], seed, explanation },
  };
}
