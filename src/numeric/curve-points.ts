import { add, differentiate, eliminateDiff, mul, num, toPrecise, type Input, type PreciseNumber, type Term } from '../model/index.ts';
import { bulkRandom } from './arbitraries.ts';
import { IndexSlots, newState, type EvaluationState } from './compile.ts';
import { compileTerm } from './generate.ts';
import { layoutInputs, type Layout } from './layout.ts';
import { compilePreciseSide, evaluatePrecise, PreciseDecimal, preciseEvaluator, setPreciseInputs, type PreciseEvaluator, type PreciseSide } from './precise.ts';

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
  /** What the sample was drawn for, to search it further ({@link criticalPoints}). */
  readonly options: CurvePointOptions;
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
  // A number an equation defines: its roots also bracketed across the scales, so that far ones are met ((x - 1) (x - 20)
  // = 0 at 20, x^2 - 1e8 x + 1 = 0 at 1e8: Newton's method from starts within 10 never reached them, probe 93). With a
  // stream of draws of its own, so that the points above are as they were; up to half as many again.
  if (options.variables.length === 0 && moving.length === 1) {
    const scanRandom = bulkRandom(options.seed ^ 0x5bd1e995);
    for (const slot of layout.slots.values()) state.values[slot.offset] = draw(slot.input, scanRandom);
    // A root of H whose slope is 0 too (x = 1 of (x - 1)^3 = 0) does not settle by Newton's method: read as a multiple one below.
    const unsettled: number[] = [];
    for (const root of bracketedRoots(state, positions[0], () => evaluate(level), Math.ceil(options.count / 2))) {
      state.values[positions[0]] = root;
      const precise = refined(state, layout, positions[0], preciseLevel, preciseSlope, evaluator);
      if (precise === undefined) { unsettled.push(root); continue; }
      const values = Float64Array.from(precise, (v) => v.toNumber());
      if (!allowed(layout.slots.get(options.dependent)!.input, values[positions[0]])) continue;
      if (points.some((p) => p.values.every((v, i) => Math.abs(v - values[i]) <= 1e-9 * (1 + Math.abs(v))))) continue;
      points.push({ values, precise });
    }
    points.push(...touchingRoots(state, layout, slots, positions[0], options, evaluator, points, () => evaluate(gradient[0]), unsettled));
  }
  return { layout, slots, state, evaluator, points, options };
}

/**
 * Roots where H touches 0 without changing sign (an even multiplicity: x = 2 of (x - 2)^2 (x - 5) = 0, x = 1000 of
 * (x - 1000)^2 (x + 1) = 0), which no bracket of H and no Newton step on H (its slope is 0 there) finds; probe 95
 * verified `x = 5` on the first. They are roots of H's slope: its changes of sign on the same grid, bisected, then
 * solved in 60 digits ({@link refinedAtMultipleRoot}). Up to {@link MAX_TOUCHING_ROOTS}; and the bracketed roots
 * Newton's method on H did not settle (its slope is 0 at a triple root too).
 */
function touchingRoots(state: EvaluationState, layout: Layout, slots: IndexSlots, position: number, options: CurvePointOptions, evaluator: PreciseEvaluator,
  found: readonly CurvePoint[], slope: () => number, unsettledBrackets: readonly number[]): CurvePoint[] {
  const dependent = { name: options.dependent, indices: [] as const };
  const derivatives: (PreciseSide | undefined)[] = [];
  let term: Term | undefined = options.level;
  /** H's k-th derivative in the number, compiled on first use; undefined where it cannot be taken. */
  const derivative = (k: number): PreciseSide | undefined => {
    while (derivatives.length <= k) {
      try {
        derivatives.push(term === undefined ? undefined : compilePreciseSide(term, layout, slots, evaluator));
        term = term === undefined ? undefined : eliminateDiff(differentiate(term, dependent));
      } catch {
        derivatives.push(undefined);
        term = undefined;
      }
    }
    return derivatives[k];
  };
  const out: CurvePoint[] = [];
  const seen = (values: Float64Array) => [...found, ...out].some((p) => p.values.every((v, i) => Math.abs(v - values[i]) <= 1e-9 * (1 + Math.abs(v))));
  for (const start of [...bracketedRoots(state, position, slope, MAX_TOUCHING_ROOTS), ...unsettledBrackets]) {
    state.values[position] = start;
    const precise = refinedAtMultipleRoot(state, layout, position, derivative, evaluator);
    if (precise === undefined) continue;
    const values = Float64Array.from(precise, (v) => v.toNumber());
    if (!allowed(layout.slots.get(options.dependent)!.input, values[position]) || seen(values)) continue;
    out.push({ values, precise });
  }
  return out;
}

/** Roots where a number's equation touches 0 without crossing it, sought at most. */
const MAX_TOUCHING_ROOTS = 4;

/** Critical points of a margin sought along a curve, at most. */
const MAX_CRITICAL_POINTS = 8;

/**
 * Where a bound on a curve is tight: the critical points of its margin M along the curve, where
 * M_x H_y - M_y H_x = 0 on H = 0 (Lagrange's condition in two coordinates), found by Newton's method
 * from each point of the sample and solved in 60 digits. Random points of the curve seldom land where
 * x + y <= 7 fails on x^2 + y^2 = 25 (near x = y), and never on the tie of x + y > 2 on x y = 1 at
 * (1, 1) (probe 33). A curve of one variable only; none for a surface or a number, or where the
 * margin cannot be differentiated.
 */
export function criticalPoints(sample: CurveSample, margin: Term): CurvePoint[] {
  const { layout, slots, state, evaluator, options } = sample;
  if (options.variables.length !== 1 || !layout.slots.has(options.dependent) || !layout.slots.has(options.variables[0])) return [];
  const [y, x] = [options.dependent, options.variables[0]].map((name) => ({ name, indices: [] as const }));
  const py = layout.slots.get(y.name)!.offset;
  const px = layout.slots.get(x.name)!.offset;
  let terms: Term[];
  try {
    const m = eliminateDiff(margin);
    const [hx, hy, mx, my] = [differentiate(options.level, x), differentiate(options.level, y), differentiate(m, x), differentiate(m, y)].map(eliminateDiff);
    const g = add(mul(mx, hy), mul(num(-1), my, hx));
    terms = [options.level, hx, hy, g, eliminateDiff(differentiate(g, x)), eliminateDiff(differentiate(g, y))];
  } catch {
    return [];
  }
  const doubles = terms.map((t) => compileTerm(t, layout, slots));
  const precise = terms.map((t) => compilePreciseSide(t, layout, slots, evaluator));
  const found: CurvePoint[] = [];
  for (const start of sample.points) {
    if (found.length >= MAX_CRITICAL_POINTS) break;
    state.values.set(start.values);
    // Newton's method on (H, G) in doubles: [[H_y, H_x], [G_y, G_x]] (dy, dx) = -(H, G).
    let settled = false;
    for (let step = 0; step < DOUBLE_STEPS && !settled; step++) {
      const [h, hx, hy, g, gx, gy] = doubles.map((c) => { state.epoch++; return c(state); });
      const det = hy * gx - hx * gy;
      if (!Number.isFinite(det) || det === 0) break;
      const dy = (-h * gx + hx * g) / det;
      const dx = (-hy * g + gy * h) / det;
      state.values[py] += dy;
      state.values[px] += dx;
      settled = Math.abs(dx) + Math.abs(dy) <= 1e-14 * (1 + Math.abs(state.values[px]) + Math.abs(state.values[py]));
    }
    if (!settled || ![...layout.slots.values()].every((slot) => allowed(slot.input, state.values[slot.offset]))) continue;
    // Then in 60 digits, so that a tie (a margin of exactly 0 at the critical point) reads as one.
    const values = Array.from(state.values, (v) => toPrecise(PreciseDecimal, v));
    let solved = false;
    for (let step = 0; step < PRECISE_STEPS && !solved; step++) {
      setPreciseInputs(evaluator, state, values);
      const read = precise.map((side) => evaluatePrecise(side, state));
      if (read.some((r) => r === undefined || r === 'unsettled')) break;
      const [h, hx, hy, g, gx, gy] = read.map((r) => (r as { value: PreciseNumber }).value);
      const det = hy.times(gx).minus(hx.times(gy));
      if (det.isZero()) break;
      const dy = h.neg().times(gx).plus(hx.times(g)).div(det);
      const dx = hy.neg().times(g).plus(gy.times(h)).div(det);
      values[py] = values[py].plus(dy);
      values[px] = values[px].plus(dx);
      solved = dx.abs().plus(dy.abs()).lte(values[px].abs().plus(values[py].abs()).plus(1).times('1e-56'));
    }
    if (!solved) continue;
    const point = { values: Float64Array.from(values, (v) => v.toNumber()), precise: values };
    if (!allowed(layout.slots.get(y.name)!.input, point.values[py]) || !allowed(layout.slots.get(x.name)!.input, point.values[px])) continue;
    if (found.some((p) => p.values.every((v, i) => Math.abs(v - point.values[i]) <= 1e-9 * (1 + Math.abs(v))))) continue;
    found.push(point);
  }
  return found;
}

/** The grid a number's roots are bracketed on: 0 and +-10^(j / 10) for magnitudes 1e-2 to 1e15, then every decade to 1e300. */
const BRACKET_GRID: readonly number[] = (() => {
  const magnitudes = [...Array.from({ length: 171 }, (_, j) => 10 ** ((j - 20) / 10)), ...Array.from({ length: 285 }, (_, k) => 10 ** (k + 16))];
  return [...magnitudes.map((m) => -m).reverse(), 0, ...magnitudes];
})();
/** Bisection steps on a bracket, at most (a double's 52 bits and a few). */
const BISECTIONS = 64;

/**
 * Roots of H in one coordinate where it changes sign between neighbours of {@link BRACKET_GRID} (a pole changes it
 * too: bisection ends there with |H| large, and the 60-digit refinement leaves it out), `wanted` of them at most,
 * spread over the brackets found, each bisected in doubles.
 */
function bracketedRoots(state: EvaluationState, position: number, h: () => number, wanted: number): number[] {
  const at = (x: number): number => { state.values[position] = x; return h(); };
  const values = BRACKET_GRID.map(at);
  const brackets: [number, number][] = [];
  for (let i = 0; i + 1 < BRACKET_GRID.length; i++) {
    const [a, b] = [values[i], values[i + 1]];
    if (Number.isFinite(a) && Number.isFinite(b) && (a === 0 || Math.sign(a) !== Math.sign(b))) brackets.push([BRACKET_GRID[i], BRACKET_GRID[i + 1]]);
  }
  const chosen = brackets.length <= wanted ? brackets : Array.from({ length: wanted }, (_, k) => brackets[Math.floor((k * brackets.length) / wanted)]);
  return chosen.map(([lo, hi]) => {
    let [a, b] = [lo, hi];
    const fa = Math.sign(at(a));
    if (fa === 0) return a;
    for (let step = 0; step < BISECTIONS; step++) {
      const m = a + (b - a) / 2;
      if (m === a || m === b) break;
      const fm = Math.sign(at(m));
      if (fm === 0) return m;
      if (fm === fa) a = m; else b = m;
    }
    return a + (b - a) / 2;
  });
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
function refined(state: EvaluationState, layout: Layout, position: number, level: PreciseSide,
  slope: PreciseSide, evaluator: PreciseEvaluator): PreciseNumber[] | undefined {
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

/** The highest multiplicity of a root of a number's equation that is solved for. */
const MAX_MULTIPLICITY = 4;

/**
 * A root of H of multiplicity m in 2..{@link MAX_MULTIPLICITY}, solved in 60 digits as the simple root of H's (m - 1)-th
 * derivative (Newton's method on H itself crawls there, and 60 digits place a triple root only to 1e-20 by H's own
 * value, where `x = 1` on (x - 1)^3 = 0 would read false), and kept where H and its lower derivatives all read 0 within
 * their 60-digit error bounds (at a least value of H that is not 0, such as x^2 + 1e-3, they do not). The lowest m
 * that settles; undefined where none does.
 */
function refinedAtMultipleRoot(state: EvaluationState, layout: Layout, position: number, derivative: (k: number) => PreciseSide | undefined,
  evaluator: PreciseEvaluator): PreciseNumber[] | undefined {
  const start = state.values[position];
  for (let m = 2; m <= MAX_MULTIPLICITY; m++) {
    const [level, slope] = [derivative(m - 1), derivative(m)];
    if (level === undefined || slope === undefined) return undefined;
    state.values[position] = start;
    const precise = refined(state, layout, position, level, slope, evaluator);
    if (precise === undefined) continue;
    setPreciseInputs(evaluator, state, precise);
    const vanishing = Array.from({ length: m - 1 }, (_, k) => derivative(k)).every((side) => {
      const read = side && evaluatePrecise(side, state);
      return read !== undefined && read !== 'unsettled' && read.value.abs().lte(read.error.times(4));
    });
    if (vanishing) return precise;
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
