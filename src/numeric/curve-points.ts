import { differentiate, eliminateDiff, toPrecise, type Input, type PreciseNumber, type Term } from '../model/index.ts';
import { bulkRandom } from './arbitraries.ts';
import { IndexSlots, newState, type EvaluationState } from './compile.ts';
import { compileTerm } from './generate.ts';
import { layoutInputs, type Layout } from './layout.ts';
import { compilePreciseSide, evaluatePrecise, PreciseDecimal, preciseEvaluator, setPreciseInputs, type PreciseEvaluator } from './precise.ts';

/**
 * Points of a curve (or surface) H = 0, for the steps of an implicit differentiation
 * (model/implicit-functions.ts): each input drawn at random as its type allows, then
 * moved onto the curve by Newton's method along the gradient of H in the curve's
 * variables (any point of the curve will do, so a circle is reached from outside it
 * too), and the function's own value refined in 60 digits, where a step that needs
 * the equation is read. A point where the function cannot be solved for (H_y near 0,
 * a vertical tangent) is left out, as the implicit function theorem leaves it.
 */
export interface CurvePoint {
  /** The inputs in doubles, for reports (the function's value rounded from its 60 digits). */
  readonly values: Float64Array;
  /** Each input's value in 60 digits, by its position in the layout. */
  readonly precise: readonly PreciseNumber[];
}

export interface CurvePointOptions {
  /** lhs - rhs of the equation. */
  readonly level: Term;
  /** The function the equation defines: the coordinate refined in 60 digits. */
  readonly dependent: string;
  /** What it is a function of: moved with it onto the curve. */
  readonly variables: readonly string[];
  /** The scalar inputs the step and the equation read (others are held at their draw). */
  readonly inputs: readonly Input[];
  /** Points wanted. */
  readonly count: number;
  /** Draws of a starting point at most. */
  readonly attempts: number;
  readonly seed: number;
}

export interface CurveSample {
  readonly layout: Layout;
  readonly slots: IndexSlots;
  readonly state: EvaluationState;
  /** The context the points' 60-digit values are put into ({@link usePoint}); compile the sides with it. */
  readonly evaluator: PreciseEvaluator;
  readonly points: readonly CurvePoint[];
}

/** Newton steps in doubles from a draw toward the curve, at most. */
const DOUBLE_STEPS = 80;
/** Newton steps in 60 digits on the function's value, at most (each doubles the digits). */
const PRECISE_STEPS = 12;
/** A point whose H_y is below this fraction of H's gradient is near a vertical tangent: left out. */
const TANGENT_MARGIN = 1e-6;

export function curvePoints(options: CurvePointOptions): CurveSample {
  const layout = layoutInputs(options.inputs, new Map());
  const slots = new IndexSlots();
  const state = newState(layout, slots);
  const evaluator = preciseEvaluator();
  const moving = [options.dependent, ...options.variables].filter((name) => layout.slots.has(name));
  const positions = moving.map((name) => layout.slots.get(name)!.offset);
  const level = compileTerm(options.level, layout, slots);
  const gradient = moving.map((name) => compileTerm(eliminateDiff(differentiate(options.level, { name, indices: [] })), layout, slots));
  const preciseLevel = compilePreciseSide(options.level, layout, slots, evaluator);
  const preciseSlope = compilePreciseSide(eliminateDiff(differentiate(options.level, { name: options.dependent, indices: [] })), layout, slots, evaluator);
  const random = bulkRandom(options.seed);
  const points: CurvePoint[] = [];
  const evaluate = (c: (s: EvaluationState) => number): number => { state.epoch++; return c(state); };
  for (let attempt = 0; attempt < options.attempts && points.length < options.count; attempt++) {
    for (const slot of layout.slots.values()) state.values[slot.offset] = draw(slot.input, random);
    if (!towardCurve(state, positions, () => evaluate(level), () => gradient.map(evaluate))) continue;
    if (!layout.slots.size || ![...layout.slots.values()].every((slot) => allowed(slot.input, state.values[slot.offset]))) continue;
    const g = gradient.map(evaluate);
    const norm = Math.hypot(...g);
    if (!(Math.abs(g[0]) >= TANGENT_MARGIN * norm) || !(norm > 0)) continue;
    // A point found before (a number's one solution, found from every start) is not solved again.
    const near = (values: Float64Array) => points.some((p) => p.values.every((v, i) => Math.abs(v - values[i]) <= 1e-9 * (1 + Math.abs(v))));
    if (near(state.values)) continue;
    const precise = refined(state, layout, positions[0], preciseLevel, preciseSlope, evaluator);
    if (precise === undefined) continue;
    const values = Float64Array.from(precise, (v) => v.toNumber());
    if (!allowed(layout.slots.get(options.dependent)!.input, values[positions[0]]) || near(values)) continue;
    points.push({ values, precise });
  }
  return { layout, slots, state, evaluator, points };
}

/** Puts a point's 60-digit values into the evaluator, in place of the state's doubles, for the next evaluations. */
export function usePoint(sample: CurveSample, point: CurvePoint): void {
  sample.state.values.set(point.values);
  setPreciseInputs(sample.evaluator, sample.state, point.precise);
}

/** Newton's method along H's gradient in the moving coordinates: true where it ends on the curve, in doubles. */
function towardCurve(state: EvaluationState, positions: readonly number[], h: () => number, gradient: () => number[]): boolean {
  for (let step = 0; step < DOUBLE_STEPS; step++) {
    const value = h();
    if (!Number.isFinite(value)) return false;
    const g = gradient();
    const squared = g.reduce((a, b) => a + b * b, 0);
    if (!(squared > 0) || !Number.isFinite(squared)) return false;
    let moved = 0;
    let size = 0;
    positions.forEach((p, k) => {
      const delta = (value * g[k]) / squared;
      state.values[p] -= delta;
      moved = Math.max(moved, Math.abs(delta));
      size = Math.max(size, Math.abs(state.values[p]));
    });
    if (!positions.every((p) => Number.isFinite(state.values[p]))) return false;
    if (moved <= 1e-13 * (1 + size)) return true;
  }
  return false;
}

/** The function's coordinate solved in 60 digits by Newton's method from the point in doubles; undefined where that does not settle. */
function refined(state: EvaluationState, layout: Layout, position: number, level: ReturnType<typeof compilePreciseSide>,
  slope: ReturnType<typeof compilePreciseSide>, evaluator: PreciseEvaluator): PreciseNumber[] | undefined {
  const precise = Array.from(state.values, (v) => toPrecise(PreciseDecimal, v));
  for (let step = 0; step < PRECISE_STEPS; step++) {
    setPreciseInputs(evaluator, state, precise);
    const h = evaluatePrecise(level, state);
    const d = evaluatePrecise(slope, state);
    if (h === undefined || d === undefined || h === 'unsettled' || d === 'unsettled' || d.value.isZero()) return undefined;
    const delta = h.value.div(d.value);
    precise[position] = precise[position].minus(delta);
    if (delta.abs().lte(precise[position].abs().plus(1).times('1e-56'))) return layout.length > 0 ? precise : undefined;
  }
  return undefined;
}

/** A draw for a scalar input of its kind: a spread of scales, so that a curve's small and large parts are both met. */
function draw(input: Input, random: () => number): number {
  const scale = [1, 3, 10][Math.floor(random() * 3)];
  const interval = input.interval;
  if (interval !== undefined) {
    const lo = Number.isFinite(interval.lowerValue) ? interval.lowerValue : Number.isFinite(interval.upperValue) ? interval.upperValue - 2 * scale : -scale;
    const hi = Number.isFinite(interval.upperValue) ? interval.upperValue : lo + 2 * scale;
    return lo + (hi - lo) * (0.02 + 0.96 * random());
  }
  if (input.kind === 'positive') return scale * (0.02 + random());
  if (input.kind === 'unit') return 0.02 + 0.96 * random();
  return scale * (2 * random() - 1);
}

/** Whether a value moved onto the curve is still of the input's type. */
function allowed(input: Input, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  const interval = input.interval;
  if (interval !== undefined) {
    return (interval.lowerClosed ? v >= interval.lowerValue : v > interval.lowerValue) && (interval.upperClosed ? v <= interval.upperValue : v < interval.upperValue);
  }
  if (input.kind === 'positive') return v > 0;
  if (input.kind === 'unit') return v > 0 && v < 1;
  return true;
}
