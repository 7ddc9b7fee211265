import { Decimal } from 'decimal.js';
import { diagnostic } from '../diagnostics/index.ts';
import { freeInputNames, insideInterval, someSubterm, type Input, type Model, type ModelClaim, type Term } from '../model/index.ts';
import type { Relation } from '../syntax/index.ts';
import { preciseValuesAt } from './relation-steps.ts';
import { isExpected, type StepResult } from './results.ts';

/**
 * A strict bound the numbers verified, whose sides hold an integral, a limit or a series the exact engine reads at no
 * point: its ties at the inputs' simple values, all at once, are not seen. The isoperimetric inequality for an
 * ellipse, (integral(t, 0, 2 pi, sqrt(a^2 sin(t)^2 + b^2 cos(t)^2)))^2 > 4 pi^2 a b, is an equality at a = b, and was
 * verified (probe 108). Where the sides agree to {@link AGREEMENT} at such a point in 60 digits, the step is an
 * `undecided` error: equal there it is false, and no reading tells equal from apart by less.
 */
export function checkedStrictTies(result: StepResult, model: Model, claim: ModelClaim, above: Term, step: Term, relation: Relation): StepResult {
  if (result.verdict !== 'verified' || (relation !== '<' && relation !== '>') || claim.freeIndices.length > 0 || model.dims.length > 0) return result;
  const sides = [above, step];
  if (!sides.some((t) => someSubterm(t, (x) => x.k === 'integral' || x.k === 'limit' || x.k === 'series'))) return result;
  const read = new Set([...freeInputNames(above), ...freeInputNames(step)]);
  const inputs = model.inputs.filter((input) => read.has(input.name));
  if (inputs.length === 0 || inputs.some((input) => input.dims.length > 0)) return result;
  for (const point of simplePoints(inputs)) {
    const values = preciseValuesAt(model.inputs, claim, sides, { sizes: {}, indices: {}, inputs: point, lhs: 0, rhs: 0, difference: 0, tolerance: undefined, foundBy: 'the simple values' });
    if (values === undefined) continue;
    const [x, y] = values;
    const scale = Decimal.max(x.abs(), y.abs());
    if (x.minus(y).abs().gt(scale.times(AGREEMENT))) continue;
    const at = Object.entries(point).map(([name, v]) => `${name} = ${v}`).join(', ');
    const { worstRelative: _, instances: __, ...detail } = result.detail;
    return {
      ...result, verdict: 'error', proof: undefined, ok: isExpected('error', result.expect),
      detail: {
        ...detail,
        diagnostic: diagnostic('undecided', `the strict bound holds at the inputs tried, but at ${at} its sides agree to 45 digits (${x.toSignificantDigits(20).toString()}): where they are equal it fails, and no reading tells equal from apart by less; the exact engine reads no value of an integral, a limit or a series with no closed form there`,
          model.derivation.file, result.span, `if the sides are equal at ${at}, write the bound with ${relation}= (or keep that point out of the inputs' types)`),
      },
    };
  }
  return result;
}

/** Sides agreeing to this part of their size at a point are a tie to 60 digits. */
const AGREEMENT = new Decimal('1e-45');

/** Points at most: every input at one of its simple values, all at once. */
const MAX_POINTS = 16;

/** The inputs' simple values combined, each inside its type and interval; none where some input has none. */
function simplePoints(inputs: readonly Input[]): Record<string, number>[] {
  let points: Record<string, number>[] = [{}];
  for (const input of inputs) {
    const values = (SIMPLE[input.kind] ?? []).filter((v) => insideInterval(input, v));
    if (values.length === 0) return [];
    points = points.flatMap((point) => values.map((v) => ({ ...point, [input.name]: v }))).slice(0, MAX_POINTS);
  }
  return points;
}

const SIMPLE: Readonly<Record<string, readonly number[]>> = { real: [0, 1], positive: [1, 2], unit: [0.5] };

