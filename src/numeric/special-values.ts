import { mapChildren, substituteIndices, turningScales, type Input, type Term } from '../model/index.ts';

/**
 * Inputs a person would try first, beside random ones: the step's own constants
 * (`a > 0.05` is decided at a = 0.05), and for each scalar input, the points
 * where a comparison, relu, abs, max, min or sign of an expression affine in it
 * switches (t = 5 for `relu(t - 5)`, t = 1/3 for `t > 1/3`).
 */
export interface SpecialValues {
  /**
   * The step's numeric literals, as doubles, with their negatives (deduplicated, at most
   * {@link MAX_CONSTANTS}), then the scales where a steep function of one turns (1 / c, c
   * for a tiny c: at most {@link MAX_TURNS}, each with its negative).
   */
  readonly constants: readonly number[];
  /** Per scalar input: the values where a switch of an expression affine in it happens. */
  readonly switchPoints: ReadonlyMap<string, readonly number[]>;
  /**
   * Per scalar input: where a factor affine in it of a log's, sqrt's or fractional
   * power's argument (and of the other functions in {@link DOMAIN_EDGES}) reaches the
   * edge of the domain, with a point on each side of it. A step that has no value
   * only far out (`exp(1000 log(1 + x / 1000))` past x = -1000, where the line above
   * `(1 + x / 1000)^1000` has one) is refuted there, not let pass by random inputs
   * that never went so far.
   */
  readonly domainEdges: ReadonlyMap<string, readonly number[]>;
  /**
   * Per scalar input: where a comparison with the index of a sum or series around it switches, at the index's first
   * {@link INDEX_JUMPS} values, and a sliver below each. `E(t, poisson(l), (t >= c))` is a step in c with its jumps
   * at c = 0, 1, 2, ...; a bound continuous in c is tightest there, and a Chernoff bound with a stray 1/2 fails only
   * at c = 1 for l in (0.6, 1), which random draws met at some seeds only (probe 96).
   */
  readonly indexJumps: ReadonlyMap<string, readonly number[]>;
}

/** Values of a sum's or series' index at which its comparisons with an input are tried: its first ones. */
const INDEX_JUMPS = 6;

/** Where below a jump of a comparison with an index the sliver is, relative to the jump (`t > c` switches there). */
const JUMP_SLIVER = 1e-9;

/**
 * The values of a function's argument where its domain ends (log's 0, log1p's -1,
 * asin's -1 and 1, the poles of gamma from 0 down): each affine factor of the
 * argument is set to them.
 */
const DOMAIN_EDGES: Readonly<Partial<Record<string, readonly number[]>>> = {
  log: [0], sqrt: [0], log1p: [-1], asin: [-1, 1], erfinv: [-1, 1], gamma: [0, -1], lgamma: [0, -1], digamma: [0, -1],
};

/** Enough constants for any step a person writes; more would crowd out the random inputs. */
const MAX_CONSTANTS = 16;

/** Turning scales of steep functions (1 / c for a constant c) tried at most, each with its negative. */
const MAX_TURNS = 4;

/** Magnitudes of constants worth trying as inputs: outside, they are exponents' scale factors, not values. */
const CONSTANT_RANGE = { min: 1e-6, max: 1e12 };

/**
 * Collects the special values of a step's sides. Sizes (`1 / n`) take their
 * values from `sizes`; an expression that is not affine in exactly one scalar
 * input (`x[i] > 0`, `t * u > 1`) gives no switch point.
 */
/** Values of floor's or ceil's argument tried: a jump, and slivers on each side of it and below the next. */
const JUMP_SLIVERS: readonly number[] = [0, -1e-300, 1e-300, -1e-9, 1 - 1e-9];

export function specialValues(terms: readonly Term[], inputs: readonly Input[], sizes: ReadonlyMap<string, number> = new Map()): SpecialValues {
  const scalars = new Set(inputs.filter((i) => i.dims.length === 0 && i.kind !== 'label').map((i) => i.name));
  const constants = new Set<number>();
  const switchPoints = new Map<string, Set<number>>();
  const noteSwitch = (t: Term): void => {
    const form = affine(t, sizes);
    if (form === undefined || form.input === undefined || !scalars.has(form.input) || form.slope === 0) return;
    const point = -form.offset / form.slope;
    if (!Number.isFinite(point)) return;
    const points = switchPoints.get(form.input) ?? new Set<number>();
    points.add(point === 0 ? 0 : point);
    switchPoints.set(form.input, points);
  };
  const edges = new Map<string, Set<number>>();
  const noteJumps = (argument: Term): void => {
    const form = affine(argument, sizes);
    if (form === undefined || form.input === undefined || !scalars.has(form.input) || form.slope === 0) return;
    // Tried as edges too, before any random input, not only drawn now and then among the special values.
    const points = switchPoints.get(form.input) ?? new Set<number>();
    const edgePoints = edges.get(form.input) ?? new Set<number>();
    for (const value of JUMP_SLIVERS) {
      const x = (value - form.offset) / form.slope;
      if (Number.isFinite(x)) { points.add(x === 0 ? 0 : x); edgePoints.add(x === 0 ? 0 : x); }
    }
    switchPoints.set(form.input, points);
    edges.set(form.input, edgePoints);
  };
  const noteEdges = (argument: Term, at: readonly number[]): void => {
    for (const factor of affineFactors(argument, sizes)) {
      const form = affine(factor, sizes);
      if (form === undefined || form.input === undefined || !scalars.has(form.input) || form.slope === 0) continue;
      const points = edges.get(form.input) ?? new Set<number>();
      const inputWhere = (argument: number) => (argument - form.offset) / form.slope;
      for (const value of at) {
        const edge = inputWhere(value);
        if (!Number.isFinite(edge)) continue;
        // On the edge and on each side of it, by half its distance from 0 and by 1 in the factor's own units (where a
        // power with a huge exponent, (1 + x 1e-20)^(1e20), has a value in range at the factor's -1): which side is
        // outside depends on the slope's sign and the factors around.
        const step = Math.max(1, Math.abs(edge)) / 2;
        for (const v of [edge, edge - step, edge + step, inputWhere(value - 1), inputWhere(value + 1)]) if (Number.isFinite(v)) points.add(v === 0 ? 0 : v);
      }
      edges.set(form.input, points);
    }
  };
  const indexJumps = new Map<string, Set<number>>();
  // The comparison put at each of the first values of the index around it (the series' k = lower, lower + 1, ...;
  // a sum's positions 1, 2, ..., offsets included).
  const noteIndexJumps = (difference: Term, indices: ReadonlyMap<string, readonly number[]>): void => {
    for (const [index, values] of indices) {
      for (const value of values) {
        const form = affine(substituteIndices(difference, new Map([[index, { k: 'lit', value }]])), sizes);
        if (form === undefined || form.input === undefined || !scalars.has(form.input) || form.slope === 0) continue;
        const point = -form.offset / form.slope;
        if (!Number.isFinite(point)) continue;
        const points = indexJumps.get(form.input) ?? new Set<number>();
        points.add(point === 0 ? 0 : point);
        if (point !== 0) points.add(point - JUMP_SLIVER * Math.max(1, Math.abs(point)));
        indexJumps.set(form.input, points);
      }
    }
  };
  const indexValues = (t: Extract<Term, { k: 'sum' | 'series' }>): number[] => {
    const first = t.k === 'series' ? t.lower : 1;
    const count = t.k === 'series' ? INDEX_JUMPS : Math.min(INDEX_JUMPS, t.dim.k === 'fixed' ? t.dim.size : sizes.get(t.dim.name) ?? INDEX_JUMPS);
    return Array.from({ length: Math.max(0, count) }, (_, i) => first + i);
  };
  let indices = new Map<string, readonly number[]>();
  const walk = (t: Term): Term => {
    if (t.k === 'series' || t.k === 'sum') {
      const outer = indices;
      indices = new Map([...outer, [t.index, indexValues(t)]]);
      walk(t.body);
      indices = outer;
      return t;
    }
    if (t.k === 'cmp' && indices.size > 0) {
      noteIndexJumps({ k: 'add', terms: [t.a, { k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, t.b] }] }, indices);
    }
    if (t.k === 'fn' && DOMAIN_EDGES[t.name] !== undefined) noteEdges(t.args[t.args.length - 1], DOMAIN_EDGES[t.name]!);
    else if (t.k === 'fn' && t.name === 'polygamma') noteEdges(t.args[1], [0, -1]);
    else if (t.k === 'pow' && !isWholeNonNegative(t.exponent)) noteEdges(t.base, [0]);
    if (t.k === 'num') {
      const v = Number(t.value.num) / Number(t.value.den);
      const a = Math.abs(v);
      if (a >= CONSTANT_RANGE.min && a <= CONSTANT_RANGE.max) { constants.add(v); constants.add(-v); }
    } else if (t.k === 'cmp') {
      noteSwitch({ k: 'add', terms: [t.a, { k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, t.b] }] });
    } else if (t.k === 'fn' && (t.name === 'relu' || t.name === 'abs' || t.name === 'sign')) {
      noteSwitch(t.args[0]);
    } else if (t.k === 'fn' && (t.name === 'floor' || t.name === 'ceil')) {
      // At a jump and a sliver on each side of it: x - floor(x) <= 1 - 1e-15 fails only just below a whole number
      // (x = -1e-300, where the fraction is 1 - 1e-300), which random draws never reach (probe 32).
      noteJumps(t.args[0]);
    } else if (t.k === 'fn' && (t.name === 'max' || t.name === 'min')) {
      noteSwitch({ k: 'add', terms: [t.args[0], { k: 'mul', factors: [{ k: 'num', value: { num: -1n, den: 1n } }, t.args[1]] }] });
    }
    return mapChildren(t, walk);
  };
  terms.forEach(walk);
  return {
    constants: [
      ...[...constants].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b).slice(0, MAX_CONSTANTS),
      // Where a steep function of a constant turns (tanh(1e8 x) at 1e-8), on both sides of 0.
      ...turningScales(terms).filter((v) => !constants.has(v)).slice(0, MAX_TURNS).flatMap((v) => [-v, v]),
    ],
    switchPoints: new Map([...switchPoints].map(([name, points]) => [name, [...points].sort((a, b) => a - b)])),
    domainEdges: new Map([...edges].map(([name, points]) => [name, [...points].sort((a, b) => a - b)])),
    indexJumps: new Map([...indexJumps].map(([name, points]) => [name, [...points].sort((a, b) => a - b)])),
  };
}

/** The factors of a product, a quotient or a power with a constant exponent, each in turn: where one is 0, so is the whole (or it has no value). */
function affineFactors(t: Term, sizes: ReadonlyMap<string, number>): Term[] {
  if (affine(t, sizes) !== undefined) return [t];
  if (t.k === 'mul') return t.factors.flatMap((f) => affineFactors(f, sizes));
  if (t.k === 'pow' && t.exponent.k === 'num') return affineFactors(t.base, sizes);
  return [t];
}

/** An exponent with which the power has a value at every base (x^2, x^0); x^-1 and x^(1/2) have none somewhere. */
function isWholeNonNegative(t: Term): boolean {
  return t.k === 'num' && t.value.den === 1n && t.value.num >= 0n;
}

/** `slope * input + offset`; `input` undefined for a constant. */
interface Affine {
  readonly input: string | undefined;
  readonly slope: number;
  readonly offset: number;
}

/** The term as an affine function of one scalar input, or undefined when it is not one. */
function affine(t: Term, sizes: ReadonlyMap<string, number>): Affine | undefined {
  switch (t.k) {
    case 'num': return { input: undefined, slope: 0, offset: Number(t.value.num) / Number(t.value.den) };
    case 'pi': return { input: undefined, slope: 0, offset: Math.PI };
    case 'size': {
      const n = sizes.get(t.name);
      return n === undefined ? undefined : { input: undefined, slope: 0, offset: n };
    }
    case 'input': return t.ref.indices.length === 0 ? { input: t.ref.name, slope: 1, offset: 0 } : undefined;
    // An index put at one of its values (indexJumps).
    case 'ival': return t.index.k === 'lit' ? { input: undefined, slope: 0, offset: t.index.value } : undefined;
    case 'add': {
      let out: Affine = { input: undefined, slope: 0, offset: 0 };
      for (const part of t.terms) {
        const a = affine(part, sizes);
        if (a === undefined) return undefined;
        if (a.input !== undefined && out.input !== undefined && a.input !== out.input) return undefined;
        out = { input: out.input ?? a.input, slope: out.slope + a.slope, offset: out.offset + a.offset };
      }
      return out;
    }
    case 'mul': {
      let out: Affine = { input: undefined, slope: 0, offset: 1 };
      for (const factor of t.factors) {
        const a = affine(factor, sizes);
        if (a === undefined) return undefined;
        if (a.input !== undefined && out.input !== undefined) return undefined; // a product of two inputs
        if (a.input === undefined) out = { input: out.input, slope: out.slope * a.offset, offset: out.offset * a.offset };
        else out = { input: a.input, slope: a.slope * out.offset, offset: a.offset * out.offset };
      }
      return out;
    }
    case 'pow': {
      // Only constant powers (1/3 is 3^-1): a power of the input is not affine.
      const base = affine(t.base, sizes);
      const exponent = affine(t.exponent, sizes);
      if (base === undefined || exponent === undefined || base.input !== undefined || exponent.input !== undefined) return undefined;
      return { input: undefined, slope: 0, offset: Math.pow(base.offset, exponent.offset) };
    }
    default: return undefined;
  }
}
