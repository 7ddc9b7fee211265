import fc from 'fast-check';
import { exactSimplex, functionParameterRanges, insideInterval, type Input, type InputInterval } from '../model/index.ts';
import type { Layout } from './layout.ts';
import type { SpecialValues } from './special-values.ts';

/**
 * The magnitudes random inputs are drawn from: log-uniform, so 0.002, 0.3, 7 and
 * 400 are all common, as in the inputs a person would try; now and then far
 * larger, so that overflow (exp(800)) happens and is handled in high precision.
 * Never below 1e-3 in magnitude except exactly 0: a counterexample at 1e-300
 * says something about doubles, not about the step.
 *
 * Each input (a scalar, a vector, a matrix) draws one scale, and its entries a
 * spread around that scale: the entries of one vector are of comparable size, as
 * a person would write them. Independent draws over 1e-3 to 1e3 would put an
 * entry above 709 (where exp overflows) into almost every vector of 200.
 */
export const INPUT_RANGES = {
  /** The scale of most inputs. */
  scale: { min: 1e-2, max: 1e2 },
  /** The scale of one input in {@link LARGE_INPUT_ODDS}: entries up to 1e7. */
  largeScale: { min: 1e2, max: 1e6 },
  /** The spread of the entries around their input's scale (times a sign for a real input). */
  spread: { min: 0.1, max: 10 },
  /** A unit entry is p or 1 - p for p in this range. */
  unit: { min: 1e-3, max: 0.5 },
  /** An entry drawn near 0 inside an interval around it is this times the nearer end (at most 1), either sign. */
  nearZero: { min: 1e-15, max: 1e-3 },
  /** A simplex is a normalised vector of weights from this range. */
  simplexWeight: { min: 0.05, max: 1 },
  /** The positive diagonal D of a share of the invertible and spd draws, D M D (see inputEntries). */
  matrixScales: { min: 1e-3, max: 1e3 },
  /** The weight eps of the well-conditioned part in D (eps M + w w') D. */
  nearSingular: { min: 1e-6, max: 1 },
  /** Off-diagonal entries of an invertible[n, n] matrix; its diagonal is drawn from [n, n + 2]. */
  invertibleOffDiagonal: { min: -1, max: 1 },
} as const;

/** One input in this many is drawn at a large scale. */
export const LARGE_INPUT_ODDS = 100;

/** Exact simple values drawn beside random ones: ties, kinks and special cases live there. */
export const SIMPLE_VALUES = [0, 1, -1, 0.5, -0.5, 2, -2] as const;

/** Relative weights of the kinds of draw for one entry: a simple value, a special value of the step, a random one. */
const WEIGHTS = { simple: 3, special: 2, random: 16 } as const;

/** The resolution of a log-uniform draw: 2^20 steps over the decades of its range. */
const LOG_STEPS = 2 ** 20;

/**
 * A log-uniform magnitude in [min, max], shrinking toward 1 when 1 is inside the
 * range (toward `min` otherwise): fast-check shrinks the integer toward 0.
 */
/** Uniform over a range, in steps of 2^-20 of it: no values near 1e-300, as fc.double would draw. */
function uniform(range: { min: number; max: number }): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: LOG_STEPS }).map((k) => range.min + ((range.max - range.min) * k) / LOG_STEPS);
}

/** Uniform over [-r, r] in steps of 2^-20 of r, shrinking toward 0. */
function symmetric(r: number): fc.Arbitrary<number> {
  return fc.integer({ min: -LOG_STEPS, max: LOG_STEPS }).map((k) => (r * k) / LOG_STEPS);
}

function logUniform(range: { min: number; max: number }): fc.Arbitrary<number> {
  const lo = Math.log10(range.min);
  const hi = Math.log10(range.max);
  const centre = lo <= 0 && hi >= 0 ? 0 : lo;
  const below = Math.round(((centre - lo) / (hi - lo)) * LOG_STEPS);
  const above = LOG_STEPS - below;
  return fc.integer({ min: -below, max: above }).map((k) => {
    const exponent = centre + (k / LOG_STEPS) * (hi - lo);
    return Math.min(range.max, Math.max(range.min, 10 ** exponent));
  });
}

/** How the inputs of one step are drawn. */
export interface InputOptions {
  /**
   * The step differentiates through a kink (relu, abs, max, a comparison): no
   * exact simple or special values, which put kinks exactly at 0 (relu(x) at
   * x = 0) where inputs are discarded.
   */
  readonly kinkInDiff?: boolean;
  /** The step's constants and switch points, drawn as inputs now and then. */
  readonly special?: SpecialValues;
}

/** One entry before its input's scale is applied: a value to keep as it is, or a spread to multiply by the scale. */
type Entry = { readonly fixed: number } | { readonly spread: number };

/**
 * Draws for the entries of an input of the given kind, respecting the kind's
 * constraint, and the input's scale (moderate, now and then large).
 */
function scaledEntries(kind: 'real' | 'positive' | 'unit', name: string, count: number, options: InputOptions): fc.Arbitrary<number[]> {
  const allowed = (v: number) => allowedFor(kind, v);
  const parts: fc.WeightedArbitrary<Entry>[] = [];
  if (!options.kinkInDiff) {
    parts.push({ weight: WEIGHTS.simple, arbitrary: fc.constantFrom(...SIMPLE_VALUES.filter(allowed)).map((v): Entry => ({ fixed: v })) });
    const special = specialFor(name, options).filter(allowed);
    if (special.length > 0) parts.push({ weight: WEIGHTS.special, arbitrary: fc.constantFrom(...new Set(special)).map((v): Entry => ({ fixed: v })) });
  }
  const random: fc.Arbitrary<Entry> = kind === 'unit'
    // Near 0 and near 1 alike: p and 1 - p; a unit input has no scale.
    ? fc.tuple(logUniform(INPUT_RANGES.unit), fc.boolean()).map(([p, upper]) => ({ fixed: upper ? 1 - p : p }))
    : fc.tuple(logUniform(INPUT_RANGES.spread), fc.boolean()).map(([m, negative]) => ({ spread: negative && kind === 'real' ? -m : m }));
  parts.push({ weight: WEIGHTS.random, arbitrary: random });
  // Shrinking tries the first kind (the simple values) before smaller draws of the same kind.
  const entry = fc.oneof({ withCrossShrink: true }, ...parts);
  const scale = fc.oneof({ withCrossShrink: true },
    { weight: LARGE_INPUT_ODDS - 1, arbitrary: logUniform(INPUT_RANGES.scale) },
    { weight: 1, arbitrary: logUniform(INPUT_RANGES.largeScale) });
  if (count > BULK_ENTRIES) return fc.tuple(scale, bulkSeed).map(([s, seed]) => bulkScaledEntries(kind, count, s, seed, options.kinkInDiff ? [] : [
    ...SIMPLE_VALUES.filter(allowed), ...specialFor(name, options).filter(allowed)]));
  return fc.tuple(scale, fc.array(entry, { minLength: count, maxLength: count }))
    .map(([s, entries]) => entries.map((e) => ('fixed' in e ? e.fixed : e.spread * s)));
}

/**
 * Draws for an input with an interval (`given x: real in (0, pi/2)`), all inside it: the
 * simple and special values that lie in it and its ends where included, else between
 * finite ends a point as near either end as a unit input is to 0 or 1 (or uniform, or near 0 where 0 is inside), past
 * one finite end a spread times a scale as for a positive input, and with no finite end
 * any real draw. The model's guard has the step hold inside the interval only
 * (model/intervals.ts); these draws spend no trial outside it.
 */
function intervalEntries(input: Input, interval: InputInterval, count: number, options: InputOptions): fc.Arbitrary<number[]> {
  const { lowerValue: lo, upperValue: hi } = interval;
  // An interval with no finite end is any real: the usual draws, scale and sign included.
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) return scaledEntries('real', input.name, count, options);
  const inside = (v: number) => insideInterval(input, v);
  const fixed = [...SIMPLE_VALUES, ...specialFor(input.name, options),
    ...(interval.lowerClosed ? [lo] : []), ...(interval.upperClosed ? [hi] : []),
    ...(Number.isFinite(lo) && Number.isFinite(hi) ? [(lo + hi) / 2] : [])].filter(inside);
  const fromUnit = (t: number) => lo + (hi - lo) * t;
  // Where 0 is inside, points near it at every scale too, as a real input's draws reach: a bound that fails only
  // there (|x|^3 + exp(-50) x >= 0 on (-1, 1), broken for -1.4e-11 < x < 0) was verified from draws no nearer than 1e-3.
  const aroundZero = lo < 0 && hi > 0
    ? [fc.tuple(logUniform(INPUT_RANGES.nearZero), fc.boolean()).map(([p, negative]) => (negative ? -p * Math.min(-lo, 1) : p * Math.min(hi, 1)))] : [];
  const random: fc.Arbitrary<number> = Number.isFinite(lo) && Number.isFinite(hi)
    ? fc.oneof(
      fc.tuple(logUniform(INPUT_RANGES.unit), fc.boolean()).map(([p, upper]) => fromUnit(upper ? 1 - p : p)),
      uniform({ min: 0, max: 1 }).map(fromUnit), ...aroundZero)
    : fc.tuple(logUniform(INPUT_RANGES.scale), logUniform(INPUT_RANGES.spread)).map(([scale, spread]) => (Number.isFinite(lo) ? lo + scale * spread : hi - scale * spread));
  // Rounding may put a draw past an open end (0.6 - 1e-17): drawn again from the middle, never outside.
  const kept = random.map((v) => (inside(v) ? v : Number.isFinite(lo) && Number.isFinite(hi) ? fromUnit(0.5) : Number.isFinite(lo) ? lo + 1 : hi - 1));
  const entry = fixed.length > 0 && !options.kinkInDiff
    ? fc.oneof({ withCrossShrink: true }, { weight: WEIGHTS.simple + WEIGHTS.special, arbitrary: fc.constantFrom(...new Set(fixed)) }, { weight: WEIGHTS.random, arbitrary: kept })
    : kept;
  return fc.array(entry, { minLength: count, maxLength: count });
}

/** The special values of one input: its switch points and domain edges, then the step's constants. */
function specialFor(name: string, options: InputOptions): number[] {
  const special = options.special;
  return special === undefined ? [] : [...special.switchPoints.get(name) ?? [], ...special.domainEdges.get(name) ?? [], ...special.constants];
}

/**
 * Past this many entries an input is drawn from one seed, not entry by entry: fast-check
 * keeps a shrinkable value per entry, and a matrix[1000, 1000] drawn that way took 2.8 GB
 * and minutes. Such an input shrinks through its seed (and its scale), not entry by entry.
 */
const BULK_ENTRIES = 4096;

/** The seed of an input drawn in bulk. */
const bulkSeed = fc.integer({ min: 1, max: 0x7fffffff });

/** xorshift32 from a seed: numbers in [0, 1). Quality beyond a spread of inputs is not needed here. */
export function bulkRandom(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * The entries of {@link scaledEntries} in bulk, from one seed: each a simple or special
 * value (`fixed`, one in {@link WEIGHTS} as entry by entry), else a log-uniform spread times
 * the input's scale, with a random sign for a real input; a unit entry p or 1 - p.
 */
function bulkScaledEntries(kind: 'real' | 'positive' | 'unit', count: number, scale: number, seed: number, fixed: readonly number[]): number[] {
  const random = bulkRandom(seed);
  const fixedWeight = fixed.length === 0 ? 0 : WEIGHTS.simple + WEIGHTS.special;
  const logUniformDraw = (range: { min: number; max: number }) => range.min * (range.max / range.min) ** random();
  return Array.from({ length: count }, () => {
    if (random() * (fixedWeight + WEIGHTS.random) < fixedWeight) return fixed[Math.floor(random() * fixed.length)];
    if (kind === 'unit') {
      const p = logUniformDraw(INPUT_RANGES.unit);
      return random() < 0.5 ? p : 1 - p;
    }
    const spread = logUniformDraw(INPUT_RANGES.spread);
    return (kind === 'real' && random() < 0.5 ? -spread : spread) * scale;
  });
}

/** Values for one input, as a plain array of its entries (a label: its class as a number). */
function inputArbitrary(input: Input, shape: readonly number[], sizes: ReadonlyMap<string, number>, options: InputOptions): fc.Arbitrary<number[]> {
  const count = shape.reduce((a, b) => a * b, 1);
  switch (input.kind) {
    case 'real':
      if (input.interval !== undefined) return intervalEntries(input, input.interval, count, options);
      return scaledEntries(input.kind, input.name, count, options);
    case 'positive':
    case 'unit':
      return scaledEntries(input.kind, input.name, count, options);
    // The values held; the model reads their symmetric part.
    case 'symmetric':
      return scaledEntries('real', input.name, count, options);
    case 'simplex':
      return fc.array(logUniform(INPUT_RANGES.simplexWeight), { minLength: count, maxLength: count }).map(exactSimplex);
    case 'onehot':
      return fc.integer({ min: 1, max: count }).map((hot) => Array.from({ length: count }, (_, i) => (i + 1 === hot ? 1 : 0)));
    // spd: the symmetric part of such a matrix is strictly diagonally dominant with a positive diagonal too,
    // so symmetric positive definite (Gershgorin).
    case 'spd':
    case 'invertible': {
      // Strictly diagonally dominant with a positive diagonal: invertible with det > 0 (Gershgorin), and
      // not symmetric, so no fact beyond invertibility holds on every draw (the exact engine assumes none).
      const n = shape[0];
      const off = INPUT_RANGES.invertibleOffDiagonal;
      if (count > BULK_ENTRIES) {
        return bulkSeed.map((seed) => {
          const random = bulkRandom(seed);
          return Array.from({ length: count }, (_, e) => (Math.floor(e / n) === e % n ? n + 2 * random() : off.min + (off.max - off.min) * random()));
        });
      }
      const offDiagonal = uniform(off);
      const diagonal = uniform({ min: n, max: n + 2 });
      const dominant = fc.tuple(...Array.from({ length: count }, (_, e) => (Math.floor(e / n) === e % n ? diagonal : offDiagonal)));
      // Those alone are well conditioned, with a positive diagonal: a bound failing only for a near-singular or
      // badly scaled matrix (y'x <= x'Qx/2 + y'Qy/2 at Q = 0.1 I), or one with a 0 on its diagonal, held on every draw
      // (probe 40). A share of the draws is D M D, D a positive diagonal from 1e-3 to 1e3 (spd stays spd, det stays
      // positive), and for an invertible one M P, P a permutation with det 1 and a sign (columns swapped, one negated).
      // D (eps M + w w') D: eps from 1e-6 to 1 makes it near singular (a correlation of 0.9999), and it stays of its
      // kind, since w' M^-1 w = u' M u > 0 for u = M^-1 w where M's symmetric part is positive definite.
      const scales = fc.array(logUniform(INPUT_RANGES.matrixScales), { minLength: n, maxLength: n });
      const direction = fc.array(uniform({ min: -1, max: 1 }), { minLength: n, maxLength: n });
      const scaled = fc.tuple(dominant, scales, direction, logUniform(INPUT_RANGES.nearSingular)).map(([m, d, w, eps]) =>
        m.map((v, e) => d[Math.floor(e / n)] * (eps * v + w[Math.floor(e / n)] * w[e % n]) * d[e % n]));
      // A scaled rotation in the first two coordinates, s elsewhere on the diagonal: [[a, b], [-b, a]] ties bounds such as
      // norm(A)^2 >= 2 det(A) exactly, whatever the rounding of a and b, and no dominant draw is one (probe 42). Its spd
      // counterpart is a multiple of the identity, where the eigenvalues' means meet. det = (a^2 + b^2) s^(n - 2) > 0.
      const conformal = fc.tuple(logUniform(INPUT_RANGES.matrixScales), uniform({ min: -Math.PI, max: Math.PI }), fc.boolean()).map(([size, angle, plain]) => {
        // A 1×1 matrix has no rotation: its one entry is a, and a turned a (cos(angle) < 0) is negative, no longer of its kind
        // (an invertible[1, 1] X drawn at -0.3 refuted abs(det(X)) = det(X), probe 86).
        const [a, b] = input.kind === 'spd' || plain || n < 2 ? [size, 0] : [size * Math.cos(angle), size * Math.sin(angle)];
        return Array.from({ length: count }, (_, e) => {
          const [row, column] = [Math.floor(e / n), e % n];
          if (row === column) return row < 2 ? a : size;
          if (row === 0 && column === 1) return b;
          if (row === 1 && column === 0) return -b;
          return 0;
        });
      });
      if (input.kind === 'spd' || n < 2) return fc.oneof({ weight: 3, arbitrary: dominant }, { weight: 2, arbitrary: scaled }, { weight: 1, arbitrary: conformal });
      const turned = fc.tuple(scaled, fc.integer({ min: 0, max: n - 2 })).map(([m, c]) => m.map((_, e) => {
        const [row, column] = [Math.floor(e / n), e % n];
        // Columns c and c + 1 swapped, the new column c negated: det(P) = 1.
        if (column === c) return -m[row * n + c + 1];
        if (column === c + 1) return m[row * n + c];
        return m[e];
      }));
      return fc.oneof({ weight: 3, arbitrary: dominant }, { weight: 2, arbitrary: scaled }, { weight: 2, arbitrary: turned }, { weight: 1, arbitrary: conformal });
    }
    // Small whole numbers, as counts are: 0 (where shrinking ends) to 20.
    case 'count':
      return fc.array(fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 2) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) }),
        { minLength: count, maxLength: count });
    // The parameters of a smooth function (abstract-functions.ts); all 0 is the zero function, where shrinking ends.
    case 'function':
      // Simple parameters (0, 1, -1) now and then, and first when shrinking: a counterexample with u + sin(u) reads better.
      return fc.tuple(...functionParameterRanges(input.signature?.arity).map((r) => fc.oneof({ withCrossShrink: true },
        { weight: 1, arbitrary: fc.constantFrom(0, 1, -1) }, { weight: 3, arbitrary: symmetric(r) })));
    case 'label': {
      const classes = input.classes!;
      const n = classes.k === 'fixed' ? classes.size : sizes.get(classes.name)!;
      // One class per entry: label[n] holds one, label[N, C] one per row.
      return fc.array(fc.integer({ min: 1, max: n }), { minLength: count, maxLength: count });
    }
  }
}

/** All inputs of a layout, as one record name -> entries; fast-check shrinks each toward its simplest value. */
export function inputsArbitrary(layout: Layout, options: InputOptions = {}): fc.Arbitrary<Record<string, number[]>> {
  const record: Record<string, fc.Arbitrary<number[]>> = {};
  // An input that stands for a let is computed from the others, never drawn (see derived-inputs.ts).
  for (const [name, slot] of layout.slots) if (slot.input.definedBy === undefined) record[name] = inputArbitrary(slot.input, slot.shape, layout.sizes, options);
  return fc.record(record);
}

/**
 * Inputs to try before the random ones: a scalar `real`, `positive` or `unit` input at
 * each of its domain edges that its kind allows ({@link SpecialValues.domainEdges}),
 * the other inputs drawn from `arbitrary` with `seed`. At most `count`, the edges of
 * each input taken in turn. A step with no value only past x = -1000 is refuted there on
 * every seed, not on the seeds whose random inputs went so far.
 */
export function edgeExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, special: SpecialValues | undefined,
  seed: number, count: number): Record<string, number[]>[] {
  const byInput: [string, number][][] = [];
  for (const [name, values] of special?.domainEdges ?? []) {
    const slot = layout.slots.get(name);
    if (slot === undefined || slot.input.definedBy !== undefined || slot.shape.length > 0) continue;
    const kind = slot.input.kind;
    if (kind !== 'real' && kind !== 'positive' && kind !== 'unit') continue;
    byInput.push(values.filter((v) => allowedFor(kind, v) && insideInterval(slot.input, v)).map((v): [string, number] => [name, v]));
  }
  return oneInputEach(byInput, arbitrary, seed, count);
}

/**
 * Inputs with one scalar input set to a value of its list, the inputs taken in turn (the first value of each, then
 * the second, ...), at most `count`; the other inputs drawn from `arbitrary` with `seed`.
 */
function oneInputEach(byInput: readonly (readonly [string, number])[][], arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number,
  count: number): Record<string, number[]>[] {
  const points: (readonly [string, number])[] = [];
  for (let i = 0; points.length < count && byInput.some((list) => i < list.length); i++) {
    for (const list of byInput) if (i < list.length && points.length < count) points.push(list[i]);
  }
  if (points.length === 0) return [];
  const drawn = fc.sample(arbitrary, { seed, numRuns: points.length });
  return points.map(([name, value], i) => ({ ...drawn[i], [name]: [value] }));
}

/** The decades a bound's scalar inputs are tried at besides their random draws (magnitudeExamples), far ones first. */
const MAGNITUDES = [300, -300, 100, -100, 30, -30, 10, -10, 200, -200, 50, -50, 20, -20, 15, -15, 8, -8, 6, -6, 4, -4, 3, -3] as const;

/**
 * Inputs of a bound at far decades of its scalar inputs: 10^k and, for a real input, -10^k, for k
 * from 3 to 300 and -3 to -300 (at most `count`, the inputs `read` in turn, the other inputs drawn).
 * Random draws stay within some 1e7 of 1: a bound that fails only past that (a Gaussian tail bound
 * off by a factor 1 - 1e-6, false for u > 1.2e6, probe 73) was verified on every seed.
 */
export function magnitudeExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number, count: number,
  read: ReadonlySet<string>): Record<string, number[]>[] {
  const byInput: [string, number][][] = [];
  for (const [name, slot] of layout.slots) {
    const kind = slot.input.kind;
    if (!read.has(name) || slot.input.definedBy !== undefined || slot.shape.length > 0) continue;
    if (kind !== 'real' && kind !== 'positive') continue;
    const values = MAGNITUDES.flatMap((k) => (kind === 'real' ? [10 ** k, -(10 ** k)] : [10 ** k]))
      .filter((v) => insideInterval(slot.input, v));
    if (values.length > 0) byInput.push(values.map((v): [string, number] => [name, v]));
  }
  return oneInputEach(byInput, arbitrary, seed ^ 0x165667b1, count);
}

/** The values each positive input of a bound takes on its grid of scales (gridExamples). */
const GRID_SCALES = [0.3, 1, 3, 10, 30, 100] as const;
/** How far off its round value each axis of the grid is, times the axis's place (1, 2, 3). */
const GRID_OFFSET = 0.0173;

/**
 * Inputs of a bound of two or three positive scalar inputs (with no interval) on a grid of moderate scales, every
 * combination of {@link GRID_SCALES} (at most `count`, spread over the grid), the other inputs drawn. Each input's scale
 * is drawn on its own, so a bound that fails only where two parameters stand in some ratio (Chebyshev's tail with the
 * deviation for the variance, P(|X - l| >= c) <= sqrt(l) / c^2, false for l = 30 at c = 4 to 13 alone) was verified
 * at every seed (probe 96); l = 30, c = 10 is on the grid.
 */
export function gridExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number, count: number,
  read: ReadonlySet<string>): Record<string, number[]>[] {
  const axes: string[] = [];
  for (const [name, slot] of layout.slots) {
    if (!read.has(name) || slot.input.definedBy !== undefined || slot.shape.length > 0 || slot.input.interval !== undefined) continue;
    if (slot.input.kind === 'positive') axes.push(name);
  }
  if (axes.length < 2 || axes.length > 3 || count <= 0) return [];
  const total = GRID_SCALES.length ** axes.length;
  const points = Math.min(count, total);
  const drawn = fc.sample(arbitrary, { seed: seed ^ 0x2545f491, numRuns: points });
  return drawn.map((inputs, i) => {
    const example = { ...inputs };
    // Spread over the grid where it is larger than the count: every (total / points)-th combination.
    let code = Math.floor((i * total) / points);
    // Each axis a little off the round values, and off the others: l = 30 and c = 10 tie a Poisson tail's (t - l)^2 >= c^2
    // at t = 20 exactly, where doubles cannot call it.
    axes.forEach((name, axis) => {
      example[name] = [GRID_SCALES[code % GRID_SCALES.length] * (1 + GRID_OFFSET * (axis + 1))];
      code = Math.floor(code / GRID_SCALES.length);
    });
    return example;
  });
}

/** The values another input takes while one sits at a jump (jumpExamples): 10^(k/5), 0.06 to 40, a little off round. */
const JUMP_SWEEP = Array.from({ length: 15 }, (_, k) => 10 ** ((k - 6) / 5) * (1 + GRID_OFFSET));
/** The values a unit input takes while one sits at a jump. */
const JUMP_UNIT_SWEEP = [0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98];

/**
 * Inputs of a bound at the jumps of a comparison with a sum's or series' index (special-values.ts indexJumps), each
 * with every other scalar input read swept over its scales in turn (the rest drawn). A tail probability of a discrete
 * distribution is a step in its threshold, a bound on it is tightest at the steps, and where it fails there depends
 * on the other parameters: `P(X >= c) <= exp(-l) (e l / c)^c / 2` for a Poisson X fails at c = 1 for l in (0.6, 1)
 * alone, and random draws met it at some seeds only (probe 96). At most `count`, spread over all combinations.
 */
export function jumpExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number, count: number,
  jumps: ReadonlyMap<string, readonly number[]>, read: ReadonlySet<string>): Record<string, number[]>[] {
  const combinations: [string, number, string | undefined, number][] = [];
  for (const [name, values] of jumps) {
    const slot = layout.slots.get(name);
    const kind = slot?.input.kind;
    if (slot === undefined || !read.has(name) || slot.input.definedBy !== undefined || slot.shape.length > 0) continue;
    if (kind !== 'real' && kind !== 'positive' && kind !== 'unit') continue;
    const atJump = values.filter((v) => allowedFor(kind, v) && insideInterval(slot.input, v));
    const others: [string, number[]][] = [];
    for (const [other, otherSlot] of layout.slots) {
      if (other === name || !read.has(other) || otherSlot.input.definedBy !== undefined || otherSlot.shape.length > 0) continue;
      const kind = otherSlot.input.kind;
      const sweep = kind === 'unit' ? JUMP_UNIT_SWEEP : kind === 'positive' ? JUMP_SWEEP : kind === 'real' ? JUMP_SWEEP.flatMap((v) => [v, -v]) : [];
      const inside = sweep.filter((v) => insideInterval(otherSlot.input, v));
      if (inside.length > 0) others.push([other, inside]);
    }
    for (const at of atJump) {
      if (others.length === 0) combinations.push([name, at, undefined, NaN]);
      for (const [other, sweep] of others) for (const v of sweep) combinations.push([name, at, other, v]);
    }
  }
  const points = Math.min(count, combinations.length);
  if (points === 0) return [];
  const drawn = fc.sample(arbitrary, { seed: seed ^ 0x3c6ef372, numRuns: points });
  return drawn.map((inputs, i) => {
    const [name, at, other, v] = combinations[Math.floor((i * combinations.length) / points)];
    return { ...inputs, [name]: [at], ...(other === undefined ? {} : { [other]: [v] }) };
  });
}

/**
 * Inputs of a bound at the corners of the box its scalar inputs' closed intervals make: every
 * combination of their ends (at most `count`, the inputs `read` only), the other inputs drawn.
 * The edges alone move one input at a time, so a bound tight only where two inputs are at their
 * ends at once was never tried there: Higham's |(1 + d1)(1 + d2) - 1| <= 2u for |d| <= u, and
 * a + b < 6 on [-3, 3] (probe 42).
 */
export function cornerExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number, count: number,
  read: ReadonlySet<string>): Record<string, number[]>[] {
  const ends: [string, number[]][] = [];
  for (const [name, slot] of layout.slots) {
    const interval = slot.input.interval;
    const kind = slot.input.kind;
    if (!read.has(name) || slot.input.definedBy !== undefined || slot.shape.length > 0 || interval === undefined) continue;
    if (kind !== 'real' && kind !== 'positive' && kind !== 'unit') continue;
    const closed = [
      ...(interval.lowerClosed && Number.isFinite(interval.lowerValue) ? [interval.lowerValue] : []),
      ...(interval.upperClosed && Number.isFinite(interval.upperValue) ? [interval.upperValue] : []),
    ].filter((v) => allowedFor(kind, v));
    if (closed.length > 0) ends.push([name, closed]);
  }
  if (ends.length < 2 || count <= 0) return [];
  const total = ends.reduce((n, [, values]) => n * values.length, 1);
  const corners = Math.min(count, total);
  const drawn = fc.sample(arbitrary, { seed: seed ^ 0x27d4eb2f, numRuns: corners });
  return drawn.map((inputs, i) => {
    const example = { ...inputs };
    let code = i;
    for (const [name, values] of ends) {
      example[name] = [values[code % values.length]];
      code = Math.floor(code / values.length);
    }
    return example;
  });
}

/**
 * The patterns of an array's entries where bounds on arrays are tight, which independent
 * draws all but never give: every entry equal (softmax uniform, z1 = z2), one apart from
 * the rest (Samuelson's (x1 - mean)^2 <= (N - 1) var at x = (a, b, ..., b)), alternating
 * in sign (v = (1, -1): the log-sum-exp curvature bound's equality), and one apart by far.
 */
const ARRAY_PATTERNS: readonly ((kind: 'real' | 'positive', e: number) => number)[] = [
  () => 1,
  (kind, e) => (e === 0 ? 2 : kind === 'real' ? 0 : 1),
  (kind, e) => (kind === 'real' ? (e % 2 === 0 ? 1 : -1) : e % 2 === 0 ? 1 : 2),
  // One apart by far, where the array's spread swamps the other inputs (batch norm's eps beside var(x)).
  (kind, e) => (e === 0 ? 1000 : kind === 'real' ? 0 : 1),
];

/**
 * Inputs to try before the random ones for a bound: each array input of real or positive
 * numbers (two entries or more) in one of {@link ARRAY_PATTERNS} or drawn, every
 * combination over the arrays the step reads (`read`) but all drawn, the other inputs
 * drawn from `arbitrary` with `seed`. At most `count`. A bound whose constant is a hair too tight fails only
 * there (`(x[1] - mean(x))^2 <= 3.9999 var(x)`, probe 30).
 */
export function patternExamples(layout: Layout, arbitrary: fc.Arbitrary<Record<string, number[]>>, seed: number, count: number,
  read: ReadonlySet<string>): Record<string, number[]>[] {
  const arrays = [...layout.slots].filter(([name, slot]) => read.has(name) && slot.input.definedBy === undefined && slot.shape.length > 0 && slot.shape.reduce((a, b) => a * b, 1) >= 2
    && (slot.input.kind === 'real' || slot.input.kind === 'positive') && slot.input.interval === undefined);
  if (arrays.length === 0 || count <= 0) return [];
  const choices = ARRAY_PATTERNS.length + 1;
  const combinations = Math.min(count, choices ** arrays.length - 1);
  const drawn = fc.sample(arbitrary, { seed: seed ^ 0x5bd1e995, numRuns: combinations });
  return drawn.map((inputs, i) => {
    const example = { ...inputs };
    // Code 0 is every array drawn, the one combination left out; digit 0 is drawn, digit d the pattern d - 1. (The
    // digits were the patterns themselves, from code 1: every entry equal was never tried for a bound on one array,
    // and (Σx)² <= 8 Σx² was verified, probe 86.)
    let code = i + 1;
    for (const [name, slot] of arrays) {
      const digit = code % choices;
      code = Math.floor(code / choices);
      if (digit === 0) continue;
      const pattern = ARRAY_PATTERNS[digit - 1];
      const kind = slot.input.kind as 'real' | 'positive';
      example[name] = Array.from({ length: slot.shape.reduce((a, b) => a * b, 1) }, (_, e) => pattern(kind, e));
    }
    return example;
  });
}

function allowedFor(kind: 'real' | 'positive' | 'unit', v: number): boolean {
  return kind === 'real' ? true : kind === 'positive' ? v > 0 : v > 0 && v < 1;
}

/** Writes a record of entries into the flat value array of a layout. */
export function fillValues(layout: Layout, inputs: Record<string, number[]>, into: Float64Array): void {
  for (const [name, slot] of layout.slots) if (slot.input.definedBy === undefined) into.set(inputs[name], slot.offset);
}

